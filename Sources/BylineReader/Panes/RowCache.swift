import BylineCanvas
import BylineModel

/// What a row cache keeps with a row (see ``RowCache``), compared with what a frame would draw
/// the row from. A content holding slices of longer text (a body line's spans are byte ranges
/// of their paragraph) keeps a copy of its own, so the cache keeps no article's text alive:
/// made for a new slot (``standalone``), and written into the storage the slot's old content
/// has when a slot is reused (``become(_:)``), so keeping a row allocates nothing once the
/// cache has filled.
protocol RowContent: Equatable {
    /// The content as a new slot keeps it (by default itself).
    var standalone: Self { get }
    /// Becomes `new` as the cache keeps it, in the storage it has (by default `self = new`).
    mutating func become(_ new: Self)
}

extension RowContent {
    var standalone: Self { self }
    mutating func become(_ new: Self) { self = new }
}

/// A pane's rows as last drawn, so a row whose content did not change is copied into the frame
/// instead of being measured and drawn again: a move in the zoomed list changes two rows of
/// forty, a line scrolled in reading mode brings in one. A row is kept under a key (the
/// article of a list row, the line of the body) with everything its cells come from
/// (`Content`); a row drawn from other content replaces it. Used on the run loop's thread only.
///
/// A row is kept without the blanks it was filled with on either side (``KeptRow``): a body
/// line centred in a wide pane, or a headline in the zoomed list, leaves most of its row blank.
final class RowCache<Key: Hashable, Content: RowContent> {
    /// A row's cells between the blanks it was filled with: put it back by filling the row
    /// and placing `cells` from `lead` columns in.
    struct KeptRow {
        /// Blank cells before `cells`.
        var lead: Int
        var cells: [Cell]
    }

    private struct Row {
        var key: Key
        var kept: KeptRow
        /// Cells the row spans, blanks included (what the limits count).
        var width: Int
        /// When the row was last kept or copied (``clock``): the rows used longest ago are
        /// found by it when some must go, which is rare, and using a row is one store.
        var used: UInt64
        /// False once evicted (the slot is free, its key stale).
        var live: Bool
    }

    // The cache's state is read some ten times a row, on one thread only (see the type's notes),
    // never through overlapping accesses: `@exclusivity(unchecked)` leaves out the run-time
    // check of each access (about 50 instructions each, 10 k a zoomed move).

    /// Where each key's row is in `kept`.
    @exclusivity(unchecked) private var slots: [Key: Int] = [:]
    /// The rows, by slot (a row is read in place, not copied out of a dictionary with its
    /// content and cells); the slots of rows dropped are in `free`, each with the storage its
    /// cells had, for the next row kept.
    @exclusivity(unchecked) private var kept: [Row] = []
    /// What each slot's row was drawn from, by slot (apart from the rows, so it is read in
    /// place through a pointer, never copied out).
    @exclusivity(unchecked) private var contents: [Content] = []
    /// A number the caller keeps with each slot's row (``note(inSlot:)``), 0 for a row kept anew.
    @exclusivity(unchecked) private var notes: [UInt64] = []
    /// Each slot's tag (see ``tag(inSlot:)``).
    @exclusivity(unchecked) private var tags: [UInt64] = []
    /// The next tag to give: counted up from a random start, so two caches (or a cache and
    /// one made after it) never give one tag to rows that differ but by chance (one in 2^64).
    @exclusivity(unchecked) private var nextTag: UInt64 = {
        var random = SystemRandomNumberGenerator()
        return random.next() | 1
    }()
    @exclusivity(unchecked) private var free: [Int] = []
    /// Room a pane reads what the library knows of its rows into each frame (the list:
    /// ``Library/rowFacts(_:modified:into:text:)``), kept with the cache so a frame allocates none.
    /// Taken out while used (``ListPane``), so the cache can be read meanwhile.
    @exclusivity(unchecked) var facts: [Library.RowFacts] = []
    /// Counts the rows kept and copied: what ``Row/used`` holds.
    @exclusivity(unchecked) private var clock: UInt64 = 0
    /// Cells the rows kept span, blanks included.
    private(set) var cellCount = 0
    /// Cells held in memory for the rows kept (their blanks either side left out).
    private(set) var storedCellCount = 0
    /// Most rows kept: a few screens' worth.
    static var capacity: Int { 512 }
    /// Most cells kept: half again as many as the pane shows (``fit(_:)``), so its rows stay
    /// from frame to frame and a line scrolled back finds its row, but not 512 rows of a wide
    /// terminal (16 bytes a cell: 2.3 MiB at 300 columns).
    private(set) var cellCapacity = RowCache.minimumCells
    /// Fewest cells kept, however small the pane.
    static var minimumCells: Int { 4096 }

    /// Rows kept.
    var count: Int { slots.count }

    /// Slots last found for keys, by a position the caller gives (a list row's number): a key
    /// asked for at the place it was asked for last is found without hashing.
    @exclusivity(unchecked) private var hints = [Int](repeating: -1, count: RowCache.hintCount)
    private static var hintCount: Int { 256 }

    /// Sizes the cache to the pane it keeps rows of (call it as the pane is drawn). A pane
    /// made smaller (a resize) drops the rows used longest ago at once, not at the next row kept:
    /// a frame whose rows are all kept keeps none.
    func fit(_ pane: Rect) {
        let capacity = max(Self.minimumCells, pane.width * pane.height * 3 / 2)
        let smaller = capacity < cellCapacity
        cellCapacity = capacity
        if cellCount > cellCapacity { evict() }
        // The storage the free slots keep for reuse goes too when the pane got smaller.
        if smaller { for slot in free { kept[slot].kept.cells = [] } }
    }

    /// The row drawn from `content`, if it is kept.
    func cells(for key: Key, _ content: Content) -> KeptRow? {
        slot(of: key).flatMap { cells(inSlot: $0, content) }
    }

    /// Where the row kept under `key` is, if it is kept: for the calls below, valid until the
    /// next ``keep(_:filledWith:for:_:)`` or ``fit(_:)`` (a row looked at twice is looked up once).
    func slot(of key: Key) -> Int? { slots[key] }

    /// ``slot(of:)``, looked up first where the key was found at `position` before.
    func slot(of key: Key, at position: Int) -> Int? {
        let h = position & (Self.hintCount - 1)
        let hint = hints[h]
        if hint >= 0, kept.withUnsafeBufferPointer({ $0[hint].live && $0[hint].key == key }) { return hint }
        let slot = slots[key]
        hints[h] = slot ?? -1
        return slot
    }

    /// The row in `slot` if `test` says it was drawn from what is shown now (its content read
    /// in place).
    func cells(inSlot slot: Int, where test: (UnsafePointer<Content>) -> Bool) -> KeptRow? {
        guard contents.withUnsafeBufferPointer({ test($0.baseAddress! + slot) }) else { return nil }
        markUsed(slot)
        return kept.withUnsafeBufferPointer { $0[slot].kept }
    }

    /// What `body` makes of the content of the row in `slot`, read in place through a pointer.
    func readContent<Result>(inSlot slot: Int, _ body: (UnsafePointer<Content>) -> Result) -> Result {
        contents.withUnsafeBufferPointer { body($0.baseAddress! + slot) }
    }

    /// What `body` makes of the contents and the tags (``tag(inSlot:)``) of all slots, read in
    /// place: for rows looked at one after another while none is kept or recoloured (that
    /// changes them, and ``keep(_:filledWith:for:_:)`` may move them).
    func reading<Result>(_ body: (_ contents: UnsafeBufferPointer<Content>, _ tags: UnsafeBufferPointer<UInt64>) -> Result) -> Result {
        contents.withUnsafeBufferPointer { contents in tags.withUnsafeBufferPointer { tags in body(contents, tags) } }
    }

    /// ``markUsed(_:)`` for the slot `slot` gives for each of `0..<count` (none for nil), in one pass.
    func markUsed(count: Int, _ slot: (Int) -> Int?) {
        kept.withUnsafeMutableBufferPointer { rows in
            for k in 0..<count {
                guard let slot = slot(k) else { continue }
                clock += 1
                rows[slot].used = clock
            }
        }
    }

    /// The number noted with the row in `slot` (0 until one is, and again once a row is kept
    /// there anew): the list notes when it last found the row's headline to be the one read.
    func note(inSlot slot: Int) -> UInt64 { notes.withUnsafeBufferPointer { $0[slot] } }

    /// A number naming the cells of the row in `slot` (with its lead and the role it was filled
    /// with), never given to other cells: a new one each time the row is kept or recoloured.
    /// A row put back with it tags the canvas's row (``Canvas/tag(row:)``).
    func tag(inSlot slot: Int) -> UInt64 { tags.withUnsafeBufferPointer { $0[slot] } }

    /// A tag not given before.
    private func newTag() -> UInt64 {
        nextTag &+= 1
        if nextTag == 0 { nextTag = 1 }  // 0 means none
        return nextTag
    }

    /// Notes `value` with the row in `slot` (see ``note(inSlot:)``).
    func setNote(_ value: UInt64, inSlot slot: Int) { notes.withUnsafeMutableBufferPointer { $0[slot] = value } }

    /// The row in `slot`, marked used (for a row the caller found was drawn from what is shown now).
    func use(_ slot: Int) -> KeptRow {
        markUsed(slot)
        return kept.withUnsafeBufferPointer { $0[slot].kept }
    }

    /// What `body` makes of the content of the row in `slot`, read in place (not copied out).
    func withContent<Result>(inSlot slot: Int, _ body: (Content) -> Result) -> Result {
        contents.withUnsafeBufferPointer { body($0[slot]) }
    }

    /// The row in `slot` drawn again in role `new`, its content changed by `update` to say so:
    /// for a row whose cells are all in role `old` (a list row is drawn in one role), whose
    /// cells in the new role are what drawing it anew would give. Nil (and nothing changed) when
    /// a cell is in another role.
    func recoloured(inSlot slot: Int, from old: Role, to new: Role, _ update: (inout Content) -> Void) -> KeptRow? {
        let uniform = kept.withUnsafeMutableBufferPointer { rows -> Bool in
            rows[slot].kept.cells.withUnsafeMutableBufferPointer { Cell.recolour($0, from: old, to: new) }
        }
        guard uniform else { return nil }
        contents.withUnsafeMutableBufferPointer { update(&$0[slot]) }
        let tag = newTag()
        tags.withUnsafeMutableBufferPointer { $0[slot] = tag }
        markUsed(slot)
        return kept.withUnsafeBufferPointer { $0[slot].kept }
    }

    /// The row in `slot` if it was drawn from `content`.
    func cells(inSlot slot: Int, _ content: Content) -> KeptRow? {
        let same = contents.withUnsafeBufferPointer { $0[slot] == content }
        guard same else { return nil }
        markUsed(slot)
        return kept.withUnsafeBufferPointer { $0[slot].kept }
    }

    /// Keeps a row's cells as drawn from `content` on a row filled with `blank`; past
    /// ``capacity`` rows or ``cellCapacity`` cells, the rows used longest ago go. Returns the
    /// row's tag (see ``tag(inSlot:)``).
    @discardableResult
    func keep(_ cells: [Cell], filledWith blank: Cell, for key: Key, _ content: Content) -> UInt64 {
        keep(cells[...], filledWith: blank, for: key, content)
    }

    /// Keeps a row's cells (read in place from the canvas: see ``Canvas/row(x:y:width:)``) as
    /// drawn from `content` on a row filled with `blank`. The cells go into the storage the
    /// key's row, or a free slot, already has: once the cache has filled, keeping the row a
    /// line scroll brings in allocates nothing (but where no free slot holds that many cells).
    /// Returns the row's tag (see ``tag(inSlot:)``).
    @discardableResult
    func keep(_ cells: ArraySlice<Cell>, filledWith blank: Cell, for key: Key, _ content: Content) -> UInt64 {
        let first = cells.firstIndex { $0 != blank } ?? cells.endIndex
        let end = first == cells.endIndex ? first : cells.lastIndex { $0 != blank }! + 1
        let lead = first - cells.startIndex, shown = cells[first..<end]
        let slot: Int
        if let found = slots[key] {
            slot = found
            cellCount -= kept[slot].width
            storedCellCount -= kept[slot].kept.cells.count
            fill(slot, content, lead, shown, width: cells.count)
            markUsed(slot)
        } else if let free = takeFree(holding: shown.count) {
            slot = free
            slots[key] = slot
            kept[slot].key = key
            kept[slot].live = true
            fill(slot, content, lead, shown, width: cells.count)
            markUsed(slot)
        } else {
            slot = kept.count
            slots[key] = slot
            contents.append(content.standalone)
            notes.append(0)
            tags.append(0)
            kept.append(Row(key: key, kept: KeptRow(lead: lead, cells: Array(shown)),
                            width: cells.count, used: 0, live: true))
            markUsed(slot)
        }
        let tag = newTag()
        tags[slot] = tag
        cellCount += cells.count
        storedCellCount += shown.count
        if slots.count > Self.capacity || cellCount > cellCapacity { evict() }
        return tag
    }

    /// Puts a row's cells and what they were drawn from into `slot`, in the storage it has.
    private func fill(_ slot: Int, _ content: Content, _ lead: Int, _ shown: ArraySlice<Cell>, width: Int) {
        contents[slot].become(content)
        notes[slot] = 0
        kept[slot].kept.lead = lead
        kept[slot].kept.cells.removeAll(keepingCapacity: true)
        kept[slot].kept.cells.append(contentsOf: shown)
        kept[slot].width = width
    }

    /// A free slot, taken from the free list: one whose storage holds `count` cells if any
    /// does (the one that holds the fewest such), else the last freed.
    private func takeFree(holding count: Int) -> Int? {
        guard !free.isEmpty else { return nil }
        var best = free.count - 1, bestCapacity = Int.max
        for (k, slot) in free.enumerated() {
            let capacity = kept[slot].kept.cells.capacity
            if capacity >= count && capacity < bestCapacity { best = k; bestCapacity = capacity }
        }
        free.swapAt(best, free.count - 1)
        return free.removeLast()
    }

    /// Makes `slot` the row used last (for a row the caller found in place, not put back).
    func markUsed(_ slot: Int) {
        clock += 1
        kept[slot].used = clock
    }

    /// Whether the row under `key` is kept (whatever its content).
    func holds(_ key: Key) -> Bool { slots[key] != nil }

    /// Drops the rows used longest ago until a quarter of both limits is free (so this runs
    /// once in many rows kept, not on each).
    private func evict() {
        // The rows used longest ago are those with the lowest `used` (every use a new clock
        // value): the cut-off is found by halving, counting what each candidate would drop in
        // one pass over the rows, so dropping allocates nothing (a sort of the rows did).
        let maxRows = Self.capacity * 3 / 4, maxCells = cellCapacity * 3 / 4
        guard slots.count > maxRows || cellCount > maxCells else { return }
        var low: UInt64 = 0, high = clock  // dropping the rows used at or before `high` is enough
        while low < high {
            let mid = low + (high - low) / 2
            var rows = 0, cells = 0
            kept.withUnsafeBufferPointer { rowsKept in
                for row in rowsKept where row.live && row.used <= mid { rows += 1; cells += row.width }
            }
            if slots.count - rows <= maxRows && cellCount - cells <= maxCells { high = mid } else { low = mid + 1 }
        }
        for slot in kept.indices where kept[slot].live && kept[slot].used <= high {
            slots[kept[slot].key] = nil
            cellCount -= kept[slot].width
            storedCellCount -= kept[slot].kept.cells.count
            // The slot keeps its storage for the next row kept (its content stays until then):
            // what is evicted here is at most what the cache held a moment ago, and a pane made
            // smaller lets it go (``fit(_:)``).
            kept[slot].kept.cells.removeAll(keepingCapacity: true)
            kept[slot].width = 0
            kept[slot].live = false
            free.append(slot)
        }
    }
}


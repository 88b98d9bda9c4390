import BylineCanvas
import BylineModel

/// The article list: one row per article with its marks, the headline and reading time; beside
/// the body, with room, the date the file was written and (with `--recursive`) the subfolder
/// it is in. The zoomed index, made for slow links (a move repaints two rows, about 230 bytes),
/// keeps to headline and reading time.
///
/// Marks: `•` unread, `+` new since the reader opened (the folder changed), `x` deleted while
/// selected. Reading times are counted once the article was parsed and estimated from the file's
/// size before (shown `~4m`). Rows whose headline is not read yet show the file name until it arrives.
///
/// While a library search shows its results, each takes two rows: the headline, and under it the
/// text around the match with the words marked (`x` and "(file gone)" when the file has gone).
public struct ListPane {
    public init() {}

    /// List widths from which rows show the file's date, and its subfolder.
    static let datesFrom = 50, foldersFrom = 70

    public func draw(_ state: ReaderState, in rect: Rect, on canvas: inout Canvas) {
        draw(state, in: rect, on: &canvas, cache: nil)
    }

    /// Draws the list, copying rows from `cache` that were drawn before from the same content
    /// (and keeping the rows drawn). Every cell of `rect` is written (each row is filled or put
    /// back whole, and so are the rows below the last article), so the canvas need not be
    /// blank under the pane (see `Screen.listAndStatusFill`).
    func draw(_ state: ReaderState, in rect: Rect, on canvas: inout Canvas, cache: ListRowCache?) {
        cache?.fit(rect)
        guard !state.rows.isEmpty else {
            canvas.fill(rect, role: .listNormal)
            let note = Transliterate.forTerminal(Self.emptyNote(state), ascii: state.ascii)
            for (i, line) in WordWrap.wrap(note, width: max(1, rect.width - 1)).prefix(rect.height).enumerated() {
                canvas.put(line, x: rect.x + 1, y: rect.y + i, role: .listNormal, maxX: rect.maxX)
            }
            return
        }
        let results = state.librarySearch.flatMap { $0.showing ? $0 : nil }
        let frame = ListFrame(state, rect: rect, canvas: canvas.size, results: results != nil, missing: results?.missing)
        if let cache, results == nil {
            drawKept(state, frame, cache: cache, on: &canvas)
        } else {
            // Without a cache (or with a search's two-line results, never kept): each row drawn.
            // What the library knows of the rows, under one lock.
            var facts: [Library.RowFacts] = []
            state.library.rowFacts(state.rows.ids[frame.visible], modified: frame.datesShown, into: &facts) { _, _ in nil }
            for (k, row) in frame.visible.enumerated() {
                let id = state.rows[row]
                let y = rect.y + k * frame.rowHeight
                let look = frame.look(row, id, facts[k].time, modified: facts[k].modified)
                drawRow(state, frame, id, row: row, y: y, look, keptSlot: nil, cache: nil,
                        headlineIs: { state.headline(of: id, is: $0) }, on: &canvas)
                if let results, y + 1 < rect.maxY {
                    let line = Rect(x: rect.x, y: y + 1, width: rect.width, height: 1)
                    canvas.fill(line, role: look.role)
                    drawSnippet(results, id, in: line, role: look.role, state: state, on: &canvas)
                }
            }
        }
        // The rows below the last article (filled last: a row moved up comes from a row below).
        let shown = min(rect.height, frame.visible.count * frame.rowHeight)
        canvas.fill(Rect(x: rect.x, y: rect.y + shown, width: rect.width, height: rect.height - shown), role: .listNormal)
    }

    /// Draws the single-line rows of the list with `cache`, in three passes. The first finds
    /// what each row is: the row kept, when its stamp is the same and its headline still the
    /// one read (in its new role when only the selection moved onto it or off it), and where
    /// it is: in place on the canvas (its row holds the kept row's tag, ``Canvas/tag(row:)``),
    /// on the canvas a few rows away (the list scrolled: the frame before left it there under
    /// its tag), or in the cache only. The second puts the rows found back: those away are
    /// moved (a copy of the canvas's row, its tag with it), in the order that reads each row
    /// before it is written, the others placed from the cache. The third draws the rest anew.
    private func drawKept(_ state: ReaderState, _ frame: ListFrame, cache: ListRowCache, on canvas: inout Canvas) {
        let visible = frame.visible, rect = frame.rect
        let n = visible.count
        let ids = state.rows.ids
        withUnsafeTemporaryAllocation(of: ListRowPlan.self, capacity: n) { plan in
            // Each row's slot, looked up for the page before any row is drawn; then what the
            // library knows of the rows (reading time, date, whether the headline is still the
            // one the kept row was drawn from) under one lock, not two a row.
            for k in 0..<n {
                let row = visible.lowerBound + k
                plan.initializeElement(at: k, to: ListRowPlan(slot: cache.slot(of: ids[row], at: row) ?? -1))
            }
            defer { plan.deinitialize() }
            // Read into the room the cache keeps (allocated when the page's row count changes).
            var facts: [Library.RowFacts] = []
            swap(&facts, &cache.facts)
            defer { swap(&facts, &cache.facts) }
            // Rows whose headline was found to be the one read while no headline has been set
            // since (the cache notes the headlines' generation with a row when it finds so):
            // not compared again.
            let generation = state.library.rowFacts(ids[visible], modified: frame.datesShown, into: &facts) { k, generation in
                let slot = plan[k].slot
                guard slot >= 0 else { return nil }
                if cache.note(inSlot: slot) == generation {
                    plan[k].verified = true
                    return nil
                }
                return cache.withContent(inSlot: slot) { $0.source }
            }
            // The rows' move since the frame before (found from the first row kept but not in
            // place whose tag is on the pane's canvas rows): rows that far away are copied.
            var shift = 0, looks = 0
            let deleted = frame.deleted, spans = frame.spans, paneRows = rect.y..<rect.maxY
            // The kept rows' contents and tags, the canvas's tags, the rows' articles and facts
            // are read in place for the page (nothing is kept anew or drawn in this pass).
            canvas.rowTags.withUnsafeBufferPointer { canvasTags in
            ids.withUnsafeBufferPointer { ids in
            facts.withUnsafeBufferPointer { facts in
            cache.reading { contents, tags in
                for k in 0..<n {
                    let slot = plan[k].slot
                    guard slot >= 0 else { continue }
                    let row = visible.lowerBound &+ k, id = ids[row], y = rect.y &+ k
                    let fact = facts[k]
                    let look = frame.look(row, id, fact.time, modified: fact.modified)
                    let role = look.role
                    plan[k].role = role
                    let verified = plan[k].verified
                    // The row kept, when all it was drawn from but its role is what is shown now.
                    var was = contents[slot].stamp
                    let keptRole = was.role
                    was.role = role
                    guard was == look.stamp, verified || (fact.headlineIs ?? (deleted[id] == contents[slot].source)) else { continue }
                    // The library found the kept row's headline the one read: noted for the next frames.
                    if !verified, fact.headlineIs == true { cache.setNote(generation, inSlot: slot) }
                    guard keptRole == role else {
                        plan[k].kind = .recolour
                        plan[k].from = keptRole
                        continue
                    }
                    plan[k].kind = .place
                    let tag = tags[slot]
                    guard spans && tag != 0 else { continue }
                    if canvasTags[y] == tag {
                        plan[k].kind = .inPlace
                        continue
                    }
                    if shift == 0 && looks < 3 {
                        looks += 1
                        for other in paneRows where canvasTags[other] == tag {
                            shift = other - y
                            break
                        }
                    }
                    if shift != 0 && paneRows ~= y &+ shift && canvasTags[y &+ shift] == tag { plan[k].kind = .moved }
                }
            }
            }
            }
            }
            // The rows found on the canvas are used (as the rows put back are below).
            cache.markUsed(count: n) { k in plan[k].kind == .inPlace || plan[k].kind == .moved ? plan[k].slot : nil }
            // Rows moved up are copied top down, rows moved down bottom up: each canvas row is
            // read before a row is written over it (rows drawn anew, and the rows below the
            // last article, are written after all).
            // (A run of rows moved is copied at once.)
            var j = 0
            while j < n {
                let k = shift >= 0 ? j : n - 1 - j
                j += 1
                let y = rect.y + k, slot = plan[k].slot, role = plan[k].role
                let line = Rect(x: rect.x, y: y, width: rect.width, height: 1)
                switch plan[k].kind {
                case .draw, .inPlace:
                    break
                case .moved:
                    var rows = 1
                    while j < n && plan[shift >= 0 ? j : n - 1 - j].kind == .moved {
                        rows += 1
                        j += 1
                    }
                    let top = shift >= 0 ? y : y - rows + 1
                    canvas.copyRows(top + shift, to: top, count: rows)
                case .place:
                    let kept = cache.use(slot)
                    canvas.placeRow(kept.cells, lead: kept.lead, in: line, role: role, tag: cache.tag(inSlot: slot))
                case .recolour:
                    if let kept = cache.recoloured(inSlot: slot, from: plan[k].from, to: role, { content in
                        content.stamp.role = role
                        content.role = role
                    }) {
                        canvas.placeRow(kept.cells, lead: kept.lead, in: line, role: role, tag: cache.tag(inSlot: slot))
                    } else {
                        plan[k].kind = .draw
                    }
                }
            }
            // The slots found above hold until a row is kept anew: the rows drawn after it look
            // theirs up again (and their headlines in the library).
            var looked = true
            for k in 0..<n where plan[k].kind == .draw {
                let row = visible.lowerBound + k, id = ids[row]
                let fact = facts[k]
                let look = frame.look(row, id, fact.time, modified: fact.modified)
                let lookedUp = looked
                let slot = lookedUp ? (plan[k].slot >= 0 ? plan[k].slot : nil) : cache.slot(of: id, at: row)
                let known = lookedUp && plan[k].verified
                let kept = drawRow(state, frame, id, row: row, y: rect.y + k, look, keptSlot: slot, cache: cache, headlineIs: { source in
                    guard lookedUp else { return state.headline(of: id, is: source) }
                    return known || (fact.headlineIs ?? (deleted[id] == source))
                }, on: &canvas)
                if kept { looked = false }
            }
        }
    }

    /// Draws row `row` (article `id`) anew on line `y`, as `look` says; with `cache`, from the
    /// row kept in `keptSlot` when only its stamp differed, else kept anew (true then).
    /// `headlineIs` says whether the headline read is a kept row's.
    @discardableResult
    private func drawRow(_ state: ReaderState, _ frame: ListFrame, _ id: ArticleID, row: Int, y: Int, _ look: ListFrame.Look,
                         keptSlot slot: Int?, cache: ListRowCache?, headlineIs: (String) -> Bool,
                         on canvas: inout Canvas) -> Bool {
        let rect = frame.rect, role = look.role, glyphs = BoxGlyphs.forMode(ascii: frame.ascii)
        let minutes = Self.minutesLabel(look.stamp.time)
        let mark: String
        switch look.mark {
        case .deleted: mark = glyphs.deletedMark
        case .new: mark = glyphs.newMark
        case .read: mark = " "
        case .unread: mark = glyphs.unreadMark
        }
        // The headline a row kept was drawn from, when it is still the one read: its
        // string is not made again (and compares at once, as the same string).
        let keptSource = slot.flatMap { slot in cache?.withContent(inSlot: slot) { $0.source } }
        let source: String
        if let kept = keptSource, headlineIs(kept) {
            source = kept
        } else {
            source = state.headline(of: id) ?? state.library.name(of: id)
        }
        let headline = Transliterate.forTerminal(source, ascii: frame.ascii)
        let right = rightColumns(state, modified: look.stamp.modified, minutes: minutes, width: frame.room)
        let folder = folderColumn(state, id, width: frame.room, ellipsis: glyphs.ellipsis)
        let content = cache.map { _ in
            ListRowContent(stamp: look.stamp, x: rect.x, width: rect.width, role: role, ascii: frame.ascii, mark: mark,
                           source: source, headline: headline, right: right, folder: folder)
        }
        if let content, let slot, let kept = cache?.cells(inSlot: slot, content) {
            canvas.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), role: role)
            canvas.place(kept.cells, x: rect.x + kept.lead, y: y, filledWith: role)
            return false
        }
        canvas.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), role: role)
        let headWidth = rect.width - 2 - DisplayWidth.of(folder) - DisplayWidth.of(right) - 1
        var x = canvas.put(mark, x: rect.x, y: y, role: role, maxX: rect.maxX)
        x = canvas.put(" ", x: x, y: y, role: role, maxX: rect.maxX)
        if headWidth > 0 {
            if !folder.isEmpty { x = canvas.put(folder, x: x, y: y, role: role, maxX: rect.maxX) }
            // The headline as it is, when it ends before the column it must end before (it
            // fits: it is not measured first); else its span is filled again and it is cut.
            let end = x + headWidth
            if canvas.put(headline, x: x, y: y, role: role, maxX: end) >= end {
                canvas.fill(Rect(x: x, y: y, width: headWidth, height: 1), role: role)
                canvas.put(Truncate.toWidth(headline, headWidth, ellipsis: glyphs.ellipsis), x: x, y: y, role: role, maxX: end)
            }
            canvas.put(right, x: rect.maxX - DisplayWidth.of(right), y: y, role: role, maxX: rect.maxX)
        } else {
            canvas.put(headline, x: x, y: y, role: role, maxX: rect.maxX)
        }
        guard let content, let cache else { return false }
        let tag = cache.keep(canvas.row(x: rect.x, y: y, width: rect.width), filledWith: .blank(role), for: id, content)
        // The row is the kept row put back: under its tag when it spans the frame.
        if rect.x == 0 && rect.width == canvas.size.width { canvas.setTag(tag, row: y) }
        return true
    }

    /// What an empty list says: no articles in the folder, or why a search shows none.
    static func emptyNote(_ state: ReaderState) -> String {
        if let found = state.librarySearch, found.showing {
            if let problem = found.problem { return problem }
            if found.waiting { return "Searching\u{2026}" }
            let building = state.indexProgress.map { " yet (the index is still being built: \($0.label))" } ?? ""
            return "No articles match /\(found.query)\(building). Esc: the whole library"
        }
        let below = state.articlesInSubfolders ?? 0
        return below > 0 ? "No articles here; \(below) in subfolders (use --recursive)" : "No articles here."
    }

    /// A result's second line: the text around the match, its words marked; a result whose
    /// file has gone says so.
    private func drawSnippet(_ results: LibrarySearch, _ id: ArticleID, in line: Rect, role: Role,
                             state: ReaderState, on canvas: inout Canvas) {
        let glyphs = BoxGlyphs.forMode(ascii: state.ascii)
        let maxX = line.maxX - 1
        var x = line.x + 2
        if results.missing.contains(id) {
            x = canvas.put("(file gone) ", x: x, y: line.y, role: role, maxX: maxX)
        }
        for piece in results.snippets[id] ?? [] {
            guard x < maxX else { break }
            let text = Transliterate.forTerminal(piece.text, ascii: state.ascii)
            // Text that fits comes back as it is.
            let cut = Truncate.toWidth(text, maxX - x, ellipsis: glyphs.ellipsis)
            x = canvas.put(cut, x: x, y: line.y, role: piece.match ? .searchMatch : role, maxX: maxX)
        }
    }

    /// The reading time, and with room the file's date before it, in aligned columns.
    /// (`modified` is `Int64.min` when not known.)
    private func rightColumns(_ state: ReaderState, modified: Int64, minutes: String, width: Int) -> String {
        guard width >= Self.datesFrom else { return minutes }
        let date = modified == Int64.min ? "" : ListDate.label(modified, now: state.now, offset: state.utcOffset)
        return Self.padded(date, ListDate.width) + "  " + Self.padded(minutes, 4)
    }

    /// With `--recursive` and room: the subfolder the file is in ("world/"), in a column of its own.
    private func folderColumn(_ state: ReaderState, _ id: ArticleID, width: Int, ellipsis: String) -> String {
        guard state.library.recursive, width >= Self.foldersFrom else { return "" }
        let column = min(20, width / 5)
        let path = state.library.relativePath(of: id)
        guard let slash = path.lastIndex(of: "/") else { return String(repeating: " ", count: column) }
        let folder = Transliterate.forTerminal(String(path[...slash]), ascii: state.ascii)
        let cut = Truncate.toWidth(folder, column - 1, ellipsis: ellipsis)
        return cut + String(repeating: " ", count: max(0, column - DisplayWidth.of(cut)))
    }

    private static func padded(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - DisplayWidth.of(text))) + text
    }

    static func minutesLabel(_ time: ReadingTime) -> String {
        switch time {
        case .exact(let m): return exactLabels.indices.contains(m) ? exactLabels[m] : "\(m)m"
        // Guessed from the file's size: marked, so a change when it is counted is no surprise.
        case .estimate(let m): return estimateLabels.indices.contains(m) ? estimateLabels[m] : "~\(m)m"
        case .unknown, .unreadable: return ""
        }
    }

    /// The labels of the first 1,000 minutes, made once: a label is looked up for every row of
    /// every frame, and making it anew costs more than the rest of a row kept in the cache.
    /// (Written digit by digit into each label's bytes: made by interpolation, a table took
    /// about 1 M instructions, at the first row drawn with that kind of time.)
    private static let exactLabels = (0..<1000).map { label($0, estimate: false) }
    private static let estimateLabels = (0..<1000).map { label($0, estimate: true) }

    /// "12m", or "~12m" for an estimate, for `minutes` from 0 to 999 (as `"\(minutes)m"`).
    static func label(_ minutes: Int, estimate: Bool) -> String {
        precondition((0..<1000).contains(minutes), "a label of up to three digits")
        let digits = minutes >= 100 ? 3 : minutes >= 10 ? 2 : 1
        let count = digits + (estimate ? 2 : 1)
        return String(unsafeUninitializedCapacity: count) { bytes in
            var k = 0
            if estimate { bytes[0] = UInt8(ascii: "~"); k = 1 }
            var rest = minutes, place = digits
            while place > 0 {
                place -= 1
                bytes[k + place] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
            bytes[k + digits] = UInt8(ascii: "m")
            return count
        }
    }

    /// A row's mark (see the type's notes).
    enum Mark: UInt8 {
        case deleted, new, read, unread
    }

    /// The list row under a cell of the pane, if there is an article there.
    public static func row(at point: Point, in rect: Rect, state: ReaderState) -> Int? {
        guard rect.contains(x: point.x, y: point.y) else { return nil }
        let row = state.listTop + (point.y - rect.y) / state.listRowHeight
        return row < state.rows.count ? row : nil
    }
}

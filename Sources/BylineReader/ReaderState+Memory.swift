import BylineModel
import BylineStore

/// Read marks, reading positions and where the reader was left: kept in the state store
/// through `.saveState` effects, and taken back in from `.stateLoaded`.
extension ReaderState {
    /// What the store held: marks join this session's, positions wait for their articles, and
    /// the reader reopens on the article it was left on (unless `--from-top`, or a key was
    /// pressed already).
    mutating func takeIn(_ saved: SavedState) {
        stateLoaded = true
        if !saved.read.isEmpty { read.formUnion(Self.listed(saved.read, in: rows.ids)) }
        positions.merge(saved.positions) { session, _ in session }
        if !fromTop, !userActed, let last = saved.lastSelected, let row = rows.row(of: last), last != selection {
            select(row: row)
        } else if let shown = selection, bodyAnchor == .top, positions[shown] != nil {
            restoreFor = shown
        }
        applyRestore()
    }

    /// The articles of `ids` that are among `rows`: marked in a flat array by slot (a `Set` of
    /// every row cost about 250 instructions a row at a start, 2.5 M at 10,000 articles).
    static func listed(_ ids: Set<ArticleID>, in rows: [ArticleID]) -> Set<ArticleID> {
        guard let top = rows.lazy.map(\.index).max(), top >= 0 else { return [] }
        var present = [Bool](repeating: false, count: top + 1)
        for id in rows where id.index >= 0 { present[id.index] = true }
        return ids.filter { present.indices.contains($0.index) && present[$0.index] }
    }

    /// Puts the shown article at its saved position, once it is parsed. A position in a file
    /// that changed holds only if its block is still there (found by its fingerprint).
    mutating func applyRestore() {
        guard let id = restoreFor, id == articleID, let article, let saved = positions[id] else { return }
        restoreFor = nil
        let stamp = library.fileStamp(id)
        let now = stamp.map { FileSignature(size: $0.size, modified: $0.modified) }
        guard let position = saved.restorable(signature: now, blockCount: article.blocks.count, fingerprint: { i in
            article.blocks.indices.contains(i) ? BlockFingerprint.of(article.blocks[i].text) : nil
        }) else {
            positions[id] = nil
            outbox.append(.position(id, nil))
            return
        }
        let length = position.block >= 0 && position.block < article.blocks.count ? article.blocks[position.block].text.utf8.count : position.offset
        bodyAnchor = TextPosition(block: position.block, offset: min(max(0, position.offset), max(0, length)))
        bodyAnchorOnSpacing = false
        if let body { bodyTop = body.line(of: bodyAnchor) }
    }

    /// Remembers where the reading is in an article being left (nothing at its top).
    mutating func recordPosition(of id: ArticleID) {
        guard stateLoaded, id == articleID, restoreFor != id, let article, deleted[id] == nil,
              article.unreadableReason == nil else { return }
        let record: PositionRecord?
        if bodyAnchor == .top || bodyTop == 0 {
            record = nil
        } else {
            let anchor = article.blocks.indices.contains(bodyAnchor.block) ? BlockFingerprint.of(article.blocks[bodyAnchor.block].text) : nil
            record = PositionRecord(position: bodyAnchor, blockCount: article.blocks.count, anchor: anchor, stamp: library.fileStamp(id))
        }
        if positions[id] == nil && record == nil { return }
        positions[id] = record?.saved
        outbox.append(.position(id, record))
    }

    /// On the way out: the position in the article being read, and which one it was.
    mutating func leave() {
        guard stateLoaded, let selection else { return }
        recordPosition(of: selection)
        outbox.append(.lastSelected(selection))
    }

    /// `m`: the selected article read or unread.
    mutating func toggleRead() {
        guard let selection else { return }
        if read.remove(selection) != nil {
            outbox.append(.unread([selection]))
            message = "Marked unread"
        } else {
            read.insert(selection)
            outbox.append(.read([selection]))
            message = "Marked read"
        }
    }

    /// `u` / `U`: the next or previous unread article in the list.
    mutating func selectUnread(forward: Bool) {
        let step = forward ? 1 : -1
        var row = selectedRow + step
        while let id = rows.id(at: row) {
            if !read.contains(id) && deleted[id] == nil {
                select(row: row)
                return
            }
            row += step
        }
        message = forward ? "No more unread articles" : "No earlier unread articles"
    }

    /// The answer to `M`'s question: `y` marks every article in the list read.
    mutating func confirmMarkAllRead(_ answer: Character) {
        prompt = nil
        guard answer == "y" || answer == "Y" else {
            message = "Nothing marked"
            return
        }
        let unread = rows.ids.filter { !read.contains($0) }
        read.formUnion(unread)
        if !unread.isEmpty { outbox.append(.read(unread)) }
        message = "Marked \(unread.count) article\(unread.count == 1 ? "" : "s") read"
    }
}

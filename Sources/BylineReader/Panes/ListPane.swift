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
        let glyphs = BoxGlyphs.forMode(ascii: state.ascii)
        let focused = state.focus == .list
        cache?.fit(rect)
        // Rows with an article (one line each, two for a search result) are filled in their own
        // role below; only the rest here.
        let shown = min(rect.height, state.visibleRows.count * state.listRowHeight)
        canvas.fill(Rect(x: rect.x, y: rect.y + shown, width: rect.width, height: rect.height - shown), role: .listNormal)
        guard !state.rows.isEmpty else {
            let note = Transliterate.forTerminal(Self.emptyNote(state), ascii: state.ascii)
            for (i, line) in WordWrap.wrap(note, width: max(1, rect.width - 1)).prefix(rect.height).enumerated() {
                canvas.put(line, x: rect.x + 1, y: rect.y + i, role: .listNormal, maxX: rect.maxX)
            }
            return
        }
        let results = state.librarySearch?.showing == true ? state.librarySearch : nil
        // Looked at for every row: taken out of the optional once, not copied with it per row.
        let showsResults = results != nil
        let missing = results?.missing
        let rowHeight = state.listRowHeight
        let room = state.zoomed ? 0 : rect.width
        // What each row's stamp takes from the frame, found once.
        let datesShown = room >= Self.datesFrom
        let today = datesShown ? ListDate.day(state.now, offset: state.utcOffset) : 0
        let offset = datesShown ? state.utcOffset : 0
        let recursive = state.library.recursive
        let anyGone = !state.deleted.isEmpty || missing?.isEmpty == false
        let anyFresh = !state.fresh.isEmpty
        // Each row's slot in the cache, and what the library knows of it (reading time, date,
        // whether the headline is still the one the kept row was drawn from), looked up for the
        // page before any row is drawn: the library under one lock, not two a row. A row kept
        // anew below may move other rows' slots: the rows after it look theirs up again.
        let visible = state.visibleRows
        let ids = state.rows.ids[visible]
        let slots: [Int?] = cache.map { cache in ids.indices.map { cache.slot(of: ids[$0], at: $0) } } ?? Array(repeating: nil, count: ids.count)
        var facts: [Library.RowFacts] = []
        facts.reserveCapacity(visible.count)
        // Rows whose headline was found to be the one read while no headline has been set since
        // (the cache notes the headlines' generation with a row when it finds so): not compared again.
        var verified = [Bool](repeating: false, count: ids.count)
        let generation = verified.withUnsafeMutableBufferPointer { verified in
            state.library.rowFacts(ids, modified: datesShown, into: &facts) { k, generation in
                guard let cache, let slot = slots[k] else { return nil }
                verified[k] = cache.note(inSlot: slot) == generation
                return verified[k] ? nil : cache.withContent(inSlot: slot) { $0.source }
            }
        }
        // Rows spanning the frame are put back under tags (``Canvas/tag(row:)``): a row whose
        // canvas row holds its kept row's tag already (a move that did not scroll) is in place.
        // (Moving the canvas's rows with a scroll, to find them in place, copied more than
        // putting them back does.)
        let spans = rect.x == 0 && rect.width == canvas.size.width && rowHeight == 1 && !showsResults
        var looked = true
        for row in visible {
            let id = state.rows[row]
            let y = rect.y + (row - state.listTop) * rowHeight
            let isSelected = row == state.selectedRow
            let isRead = state.read.contains(id)
            let role: Role = isSelected ? (focused ? .listSelected : .listSelectedUnfocused) : (isRead ? .listRead : .listUnread)
            let markKind: Mark = anyGone && (state.deleted[id] != nil || missing?.contains(id) == true) ? .deleted
                : anyFresh && state.fresh.contains(id) ? .new : isRead ? .read : .unread
            let fact = facts[row - visible.lowerBound]
            let time = fact.time
            let modified = datesShown ? fact.modified ?? Int64.min : 0
            let stamp = ListRowStamp(x: rect.x, width: rect.width, room: room, role: role, ascii: state.ascii,
                                     recursive: recursive, mark: markKind.rawValue, time: time,
                                     modified: modified, today: today, offset: offset)
            // The row kept is looked up once, for its source and its cells.
            // (A constant for the check below: a variable it read would be checked at each read.)
            let lookedUp = looked
            let slot = lookedUp ? slots[row - visible.lowerBound] : cache?.slot(of: id, at: row)
            let known = lookedUp && verified[row - visible.lowerBound]
            // Whether the headline read is `source`, a kept row's (as `state.headline(of:is:)`).
            func headlineIs(_ source: String) -> Bool {
                guard lookedUp else { return state.headline(of: id, is: source) }
                return known || (fact.headlineIs ?? (state.deleted[id] == source))
            }
            // A row whose stamp is the same and whose headline is still the one read is the
            // row kept: nothing else of it is made. (A search result's second line is not kept:
            // only single-line rows come from the cache.) One whose stamp differs only in its
            // role (the selection moved onto it or off it) is the row kept in the new role.
            if !showsResults, let cache, let slot {
                // The kept row's role, when all else it was drawn from is what is shown now.
                let keptRole = cache.readContent(inSlot: slot) { content -> Role? in
                    var was = content.pointee.stamp
                    let keptRole = was.role
                    was.role = role
                    return was == stamp && headlineIs(content.pointee.source) ? keptRole : nil
                }
                // The library found the kept row's headline the one read: noted for the next frames.
                if keptRole != nil, lookedUp, !known, fact.headlineIs == true { cache.setNote(generation, inSlot: slot) }
                let line = Rect(x: rect.x, y: y, width: rect.width, height: 1)
                // Put back under the row's tag (it names these cells in this role), unless there.
                if keptRole == role {
                    let tag = cache.tag(inSlot: slot)
                    if spans && tag != 0 && canvas.tag(row: y) == tag {
                        cache.markUsed(slot)
                        continue
                    }
                    let kept = cache.use(slot)
                    canvas.placeRow(kept.cells, lead: kept.lead, in: line, role: role, tag: tag)
                    continue
                }
                if let old = keptRole, let kept = cache.recoloured(inSlot: slot, from: old, to: role, { content in
                    content.stamp.role = role
                    content.role = role
                }) {
                    canvas.placeRow(kept.cells, lead: kept.lead, in: line, role: role, tag: cache.tag(inSlot: slot))
                    continue
                }
            }
            let minutes = Self.minutesLabel(time)
            let mark: String
            switch markKind {
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
            let headline = Transliterate.forTerminal(source, ascii: state.ascii)
            let right = rightColumns(state, modified: modified, minutes: minutes, width: room)
            let folder = folderColumn(state, id, width: room, ellipsis: glyphs.ellipsis)
            let content = !showsResults ? cache.map { _ in
                ListRowContent(stamp: stamp, x: rect.x, width: rect.width, role: role, ascii: state.ascii, mark: mark,
                                     source: source, headline: headline, right: right, folder: folder)
            } : nil
            if let content, let slot, let kept = cache?.cells(inSlot: slot, content) {
                canvas.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), role: role)
                canvas.place(kept.cells, x: rect.x + kept.lead, y: y, filledWith: role)
                continue
            }
            canvas.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), role: role)
            let headWidth = rect.width - 2 - DisplayWidth.of(folder) - DisplayWidth.of(right) - 1
            var x = canvas.put(mark, x: rect.x, y: y, role: role, maxX: rect.maxX)
            x = canvas.put(" ", x: x, y: y, role: role, maxX: rect.maxX)
            if headWidth > 0 {
                x = canvas.put(folder, x: x, y: y, role: role, maxX: rect.maxX)
                canvas.put(Truncate.toWidth(headline, headWidth, ellipsis: glyphs.ellipsis), x: x, y: y, role: role, maxX: x + headWidth)
                canvas.put(right, x: rect.maxX - DisplayWidth.of(right), y: y, role: role, maxX: rect.maxX)
            } else {
                canvas.put(headline, x: x, y: y, role: role, maxX: rect.maxX)
            }
            if let content, let cache {
                let tag = cache.keep(canvas.row(x: rect.x, y: y, width: rect.width), filledWith: .blank(role), for: id, content)
                // The row is the kept row put back: under its tag when it spans the frame.
                if rect.x == 0 && rect.width == canvas.size.width { canvas.setTag(tag, row: y) }
                looked = false
            }
            if let results, y + 1 < rect.maxY {
                let line = Rect(x: rect.x, y: y + 1, width: rect.width, height: 1)
                canvas.fill(line, role: role)
                drawSnippet(results, id, in: line, role: role, state: state, on: &canvas)
            }
        }
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

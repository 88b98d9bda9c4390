import BylineCanvas
import BylineModel

/// Keeping derived state in step: the shown article and its layouts, scroll bounds, and what
/// must be read next for the screen. None of it reads a file: a miss becomes an ``Effect``.
extension ReaderState {
    /// Brings everything derived in line with the state after a change, and returns the loads
    /// that the screen needs.
    mutating func settle() -> [Effect] {
        var effects: [Effect] = []
        deriveShown()
        if showsArticle, !bodyDeferred, let id = selection, article == nil, deleted[id] == nil,
           loadingArticles.insert(id).inserted {
            effects.append(.loadArticle(id))
        }
        let waitingForHeadlines = loadHeadlines(into: &effects)
        let waitingForArticle = showsArticle && !bodyDeferred && selection != nil && article == nil
            && selection.map { deleted[$0] == nil } == true
        // The first frame also waits (briefly) for the state store and a sort, so it opens on
        // the article that was left, in its order, rather than jumping there a moment later.
        awaitingVisible = waitingForHeadlines || waitingForArticle || sortingAtStart || (bodyDeferred && !stateLoaded)
        return effects
    }

    /// Asks for the headlines the list needs: those of the rows on screen, and, once the user
    /// scrolls the list, a page either side of them read ahead, so that a move line by line asks
    /// once a page (one worker job and one answer) rather than once a row, and its frame seldom
    /// waits. The page either side is asked for when a row half a page beyond an edge has no
    /// headline (a separate load after the rows on screen). Returns whether a row on screen
    /// waits for its headline.
    mutating func loadHeadlines(into effects: inout [Effect]) -> Bool {
        let shown = visibleRows
        guard !shown.isEmpty else { return false }
        let missingShown = Self.withoutHeadline(rows.ids[shown], library: library, deleted: deleted)
        let waiting = !missingShown.isEmpty
        let wanted = missingShown.filter { loadingHeadlines.insert($0).inserted }
        if !wanted.isEmpty { effects.append(.loadHeadlines(wanted)) }
        // Only once the user scrolls the list: not at start-up (the first frame needs only the
        // rows on screen), nor for a key that leaves the list where it was.
        let scrolled = headlinesLookedAtTop.map { $0 != shown.lowerBound } ?? false
        headlinesLookedAtTop = shown.lowerBound
        guard userActed, scrolled else { return waiting }
        let page = shown.count
        let below = shown.upperBound..<min(rows.count, shown.upperBound + page)
        let above = max(0, shown.lowerBound - page)..<shown.lowerBound
        // The two probes, looked at in place (an array of them would be allocated every move).
        func unasked(_ row: Int?) -> Bool {
            guard let row else { return false }
            let id = rows[row]
            return !library.hasCachedHeadline(id) && deleted[id] == nil && !loadingHeadlines.contains(id)
        }
        guard unasked(below.isEmpty ? nil : min(below.upperBound, below.lowerBound + page / 2 + 1) - 1)
            || unasked(above.isEmpty ? nil : max(above.lowerBound, above.upperBound - page / 2 - 1)) else { return waiting }
        let ahead = (Self.withoutHeadline(rows.ids[below], library: library, deleted: deleted)
            + Self.withoutHeadline(rows.ids[above], library: library, deleted: deleted)).filter { loadingHeadlines.insert($0).inserted }
        if !ahead.isEmpty { effects.append(.loadHeadlines(ahead)) }
        return waiting
    }

    /// The rows' articles that have no headline to show (read, or kept for a deleted article).
    /// Static, given the parts it reads: a method of the state called from a mutating one
    /// copies all of the state (1.3 KB) for each call.
    private static func withoutHeadline(_ ids: ArraySlice<ArticleID>, library: Library, deleted: [ArticleID: String]) -> [ArticleID] {
        let missing = library.withoutCachedHeadline(ids)
        return deleted.isEmpty ? missing : missing.filter { deleted[$0] == nil }
    }

    /// Shows the selection from what is cached and lays it out, without asking for anything:
    /// for use in the middle of an action (the final ``settle()`` asks for what is missing).
    mutating func deriveShown() {
        syncSelectedRow()
        // Focus stays on a pane that is on screen (the sidebar can be hidden under it by `s` at
        // one width and a resize to another).
        let panes = layout
        if !panes.tooSmall && !panes.shows(focus) { focus = panes.shows(.body) ? .body : .list }
        // ``showsArticle`` for the layout after that (a new focus can change it).
        let layout = panes.shows(focus) || panes.tooSmall ? panes : self.layout
        if layout.showsArticle, !bodyDeferred, let id = selection {
            if articleID != id { show(id) }
            applyRestore()
        } else if articleID != selection {
            forgetArticle()
        }
        relayout()
        clampScroll()
        // The lines on screen laid out (a body is laid out in part: see ``relayout()``), and all
        // of them once the list has lost the focus: the article is being read, not passed over.
        let last = focus == .list ? bodyTop + bodyHeight : .max
        body?.lay(through: last)
    }

    /// Points ``selectedRow`` at the selection's row (rows may have moved under it).
    mutating func syncSelectedRow() {
        if let id = selection, rows.id(at: selectedRow) == id { return }
        if let id = selection, let row = rows.row(of: id) {
            selectedRow = row
            return
        }
        guard !rows.isEmpty else {
            selection = nil
            selectedRow = 0
            return
        }
        selectedRow = min(max(0, selectedRow), rows.count - 1)
        selection = rows[selectedRow]
    }

    /// Starts showing an article: from the library's cache if it is there, else empty until it
    /// is loaded.
    private mutating func show(_ id: ArticleID) {
        articleID = id
        article = library.cachedArticle(id)
        sidebarEntries = Self.sidebarEntries(of: article)
        body = nil
        sidebar = nil
        if let chosen = chosenQuote, chosen >= sidebarEntries.count { chosenQuote = nil }
    }

    mutating func forgetArticle() {
        articleID = nil
        article = nil
        body = nil
        sidebar = nil
        sidebarEntries = []
        chosenQuote = nil
    }

    /// Takes in a freshly parsed version of the shown article.
    mutating func replaceArticle(_ new: Article) {
        article = new
        search?.indexedArticle = nil  // the text changed: search it anew
        sidebarEntries = Self.sidebarEntries(of: new)
        body = nil
        sidebar = nil
        if let chosen = chosenQuote, chosen >= sidebarEntries.count { chosenQuote = nil }
        // A rewritten file: find the block that was on top again, by its text.
        if let text = reanchorText {
            reanchorText = nil
            let candidates = new.blocks.indices.filter { new.blocks[$0].text == text }
            if let nearest = candidates.min(by: { abs($0 - bodyAnchor.block) < abs($1 - bodyAnchor.block) }) {
                bodyAnchor.block = nearest
            }
        }
        if bodyAnchor.block >= new.blocks.count { bodyAnchor = TextPosition(block: max(TextPosition.header, new.blocks.count - 1), offset: 0) }
    }

    /// Lays the shown article out for the panes on screen, keeping the reading position.
    mutating func relayout() {
        guard let article, let id = articleID else {
            body = nil
            sidebar = nil
            return
        }
        let layout = self.layout
        if let rect = layout.sidebar {
            let width = SidebarPane.textWidth(for: rect.width)
            if sidebar?.articleID != id || sidebar?.textWidth != width {
                sidebar = SidebarLayout(article: article, id: id, entries: sidebarEntries, textWidth: width, ascii: ascii)
            }
        } else {
            sidebar = nil
        }
        // A search goes on in whatever article is shown (and in footers once unfolded).
        if let found = search, found.indexedArticle != id || found.indexedUnfolded != footersUnfolded {
            runSearch(from: bodyAnchor)
        }
        guard let rect = layout.body else {
            // Not on screen: its scroll stays as it was, as the reading position.
            body = nil
            return
        }
        let width = BodyPane.measure(for: rect.width), room = BodyPane.room(for: rect.width)
        if body?.articleID != id || body?.width != width || body?.room != room || body?.footersUnfolded != footersUnfolded {
            // Laid out as far as a screen from the top, the rest only counted: a move in the
            // list shows an article for a moment (``deriveShown()`` lays out more as it scrolls,
            // and the rest when the list gives up the focus).
            let laid = BodyLayout(article: article, id: id, width: width, room: room, ascii: ascii, footersUnfolded: footersUnfolded,
                                  laidThrough: bodyHeight)
            body = laid
            bodyTop = Self.line(in: laid, of: bodyAnchor, onSpacing: bodyAnchorOnSpacing)
        }
        // An article opened from a library search's results: at its first match.
        if search?.scrollPending == true, search?.indexedArticle == id {
            search?.scrollPending = false
            scrollToCurrentMatch()
        }
    }

    /// Keeps the scroll offsets inside what there is to show.
    mutating func clampScroll() {
        let layout = self.layout
        if let count = body?.lineCount, layout.body != nil {
            bodyTop = min(max(0, bodyTop), max(0, count - bodyHeight))
        }
        // The list's scroll stays as it was while the list is hidden (reading mode, one pane).
        guard layout.list != nil else { return }
        let height = listCapacity
        if selectedRow < listTop { listTop = selectedRow }
        if selectedRow >= listTop + height { listTop = selectedRow - height + 1 }
        listTop = min(max(0, listTop), max(0, rows.count - height))
    }

    /// The line that shows a reading position (the spacing just above it, when that was on top).
    static func line(in body: BodyLayout, of position: TextPosition, onSpacing: Bool) -> Int {
        let line = body.line(of: position)
        return onSpacing && line > 0 && body.line(at: line - 1).source == nil ? line - 1 : line
    }

    /// Scrolls the body back to a reading position remembered earlier.
    mutating func returnTo(_ position: TextPosition, onSpacing: Bool) {
        guard let body else { return }
        scrollBody(to: Self.line(in: body, of: position, onSpacing: onSpacing))
    }

    /// Scrolls the body so `line` is on top, and remembers the text there as the reading position.
    mutating func scrollBody(to line: Int) {
        bodyTop = line
        clampScroll()
        if let body {
            bodyAnchor = body.position(atLine: bodyTop)
            bodyAnchorOnSpacing = (0..<body.lineCount).contains(bodyTop) && body.line(at: bodyTop).source == nil
        }
    }
}

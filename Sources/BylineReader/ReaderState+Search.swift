import BylineModel

/// Searching the shown article: as the query is typed, and `n` / `N` afterwards.
extension ReaderState {
    /// The query changed: look for it again from where the reading was when the search began.
    mutating func searchAsTyped(_ query: String) {
        guard var found = search else { return }
        found.query = query
        found.terms = [query]
        search = found
        guard !query.isEmpty else {
            search?.matches = []
            search?.current = nil
            returnTo(found.origin, onSpacing: found.originOnSpacing)
            return
        }
        runSearch(from: found.origin)
        scrollToCurrentMatch()
    }

    /// Looks for the search's query in the shown article.
    mutating func runSearch(from position: TextPosition) {
        guard var found = search, let article, let id = articleID else { return }
        found.run(on: article, id: id, unfolded: footersUnfolded, ascii: ascii, from: position)
        search = found
    }

    /// `n` / `N`: the next or previous match, wrapping round the article with a note.
    mutating func stepMatch(forward: Bool) {
        guard let found = search else {
            message = "No search: / finds text in the article"
            return
        }
        guard let current = found.current, !found.matches.isEmpty else {
            message = "Not found: \(found.query)"
            return
        }
        showBody()
        var next = current + (forward ? 1 : -1)
        if next >= found.matches.count {
            next = 0
            message = "Search wrapped to the top"
        } else if next < 0 {
            next = found.matches.count - 1
            message = "Search wrapped to the bottom"
        }
        search?.current = next
        scrollToCurrentMatch()
        markRead()
    }

    /// Scrolls the body so the current match is in view (a quarter down the pane when it must move).
    mutating func scrollToCurrentMatch() {
        guard let found = search, let current = found.current, let body else { return }
        let match = found.matches[current]
        let first = body.line(of: match.start)
        let last = body.line(of: TextPosition(block: match.block, offset: max(match.range.lowerBound, match.range.upperBound - 1)))
        let height = bodyHeight
        if first >= bodyTop && last < bodyTop + height { return }
        scrollBody(to: first - min(height / 4, max(0, height - (last - first + 1))))
    }
}

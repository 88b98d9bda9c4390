import BylineModel

/// Moving: the list selection, the body's scroll, the sidebar's choice, and jumps.
extension ReaderState {
    /// How far a page key moves in the focused pane.
    var page: Int {
        switch focus {
        case .list: return max(1, listCapacity - 1)
        case .body: return max(1, bodyHeight - 2)
        case .sidebar: return 3
        }
    }

    mutating func move(by delta: Int) {
        if overlay == .people {
            movePeople(by: delta)
            return
        }
        // Page keys reach a prompt only for People's names.
        guard prompt == nil else { return }
        if overlay != nil {
            let most = OverlayPane.scrollRange(self, keyMap: .standard)
            overlayTop = Self.clamp(overlayTop.addingReportingOverflow(delta).partialValue, 0, most)
            return
        }
        switch focus {
        case .list:
            // Nothing reads the shown article before the action's `settle()`, which derives it.
            select(row: Self.clamp(selectedRow.addingReportingOverflow(delta).partialValue, 0, rows.count - 1), deriving: false)
        case .body:
            guard body != nil else { return }
            scrollBody(to: bodyTop.addingReportingOverflow(delta).partialValue)
            markRead()
        case .sidebar:
            guard !sidebarEntries.isEmpty else { return }
            // With no quote chosen or in view, the first move down lands on the first quote.
            let from = chosenQuote ?? currentSidebarEntry ?? (delta > 0 ? -1 : 0)
            choose(entry: Self.clamp(from.addingReportingOverflow(delta).partialValue, 0, sidebarEntries.count - 1))
        }
    }

    static func clamp(_ value: Int, _ low: Int, _ high: Int) -> Int { min(max(value, low), max(low, high)) }

    /// Marks the selection read (it was opened in the body), and asks for the mark to be saved.
    mutating func markRead() {
        if let selection, read.insert(selection).inserted { outbox.append(.read([selection])) }
    }

    mutating func focusForward() {
        switch focus {
        case .list:
            focus = .body
            markRead()
            // A result opened: its words marked, the first in view (again, after Esc cleared them).
            if librarySearch?.showing == true, search?.words.isEmpty != false { markResultWords() }
        case .body:
            if !sidebarEntries.isEmpty { focus = .sidebar }
        case .sidebar:
            // Read the quote: the body takes the keys, with the quote on its top row.
            if let chosen = chosenQuote ?? currentSidebarEntry { land(onQuote: chosen) }
            focus = .body
            markRead()
            deriveShown()
        }
    }

    /// Selects the article at a row and shows it from its top. Leaving an article whose file
    /// was deleted drops it from the list.
    ///
    /// - Parameter deriving: show the new selection at once (``deriveShown()``), for a caller
    ///   that reads it before the action ends; a move whose action ends here leaves it to
    ///   ``settle()``, which derives the same state (deriving is idempotent), so a move derives
    ///   once, not twice.
    mutating func select(row: Int, deriving: Bool = true) {
        guard !rows.isEmpty else { return }
        let target = Self.clamp(row, 0, rows.count - 1)
        let id = rows[target]
        guard id != selection else { return }
        if let leaving = selection {
            recordPosition(of: leaving)
            if deleted.removeValue(forKey: leaving) != nil {
                removeRows([leaving])
                read.remove(leaving)
            }
        }
        selection = id
        // The row is where it was unless leaving a deleted article removed a row above it.
        selectedRow = rows.id(at: target) == id ? target : rows.row(of: id) ?? target
        highlightedBlock = nil
        bodyTop = 0
        bodyAnchor = .top
        bodyAnchorOnSpacing = false
        chosenQuote = nil
        restoreFor = positions[id] == nil ? nil : id
        if librarySearch?.showing == true { markResultWords() }
        if focus != .list { markRead() }
        if deriving { deriveShown() }
    }

    /// Marks a sidebar entry and highlights its quote in the body, scrolling the body when the
    /// quote is not all in view (or always, for a jump) so that it lands on the top row, where
    /// `}` puts a crosshead. While the body is not laid out (the quotes alone on screen), the
    /// quote becomes the reading position, so the body opens there.
    mutating func choose(entry: Int, jump: Bool = false) {
        chosenQuote = entry
        guard let article, entry < sidebarEntries.count else { return }
        let block = article.quotes[sidebarEntries[entry]].block
        guard article.blocks.indices.contains(block) else { return }
        highlightedBlock = block
        if let body {
            let range = body.lineRange(ofBlock: block)
            let visible = bodyTop..<(bodyTop + bodyHeight)
            if jump || range.lowerBound < visible.lowerBound || range.upperBound > visible.upperBound {
                scrollBody(to: range.lowerBound)
            }
        } else {
            bodyAnchor = TextPosition(block: block, offset: 0)
            bodyAnchorOnSpacing = false
        }
        markRead()
    }

    /// A jump to a sidebar entry: it lands on the top row, highlighted, and the status line
    /// says which pull quote it is and who said it ("quote 2/3 · Ailsa Morrow").
    mutating func land(onQuote entry: Int) {
        choose(entry: entry, jump: true)
        guard let article, entry < sidebarEntries.count else { return }
        let quote = article.quotes[sidebarEntries[entry]]
        let speaker = quote.speaker ?? article.blocks[safe: quote.block]?.attribution
        let pulls = sidebarEntries.filter { article.quotes[$0].pull }
        let separator = BoxGlyphs.forMode(ascii: ascii).separator
        if quote.pull, let n = pulls.firstIndex(of: sidebarEntries[entry]) {
            message = "quote \(n + 1)/\(pulls.count)" + (speaker.map { separator + $0 } ?? "")
        } else {
            message = "quote" + (speaker.map { separator + $0 } ?? "")
        }
    }

    /// Says something went wrong: in the status line now, and in the `!` list for later.
    mutating func report(_ note: String) {
        // Notices that arrive together (the store and the index, say) are shown together, the
        // first first; a key clears them, and `!` keeps them all.
        if let shown = message, shown.split(separator: "; ").allSatisfy({ notes.contains(String($0)) }), !shown.contains(note) {
            message = shown + "; " + note
        } else {
            message = note
        }
        if !notes.contains(note) { notes = Array((notes + [note]).suffix(100)) }
    }

    // MARK: - Levels and pages

    /// `q`: back one level (reading mode or a zoomed pane to the panes; a pane shown alone to
    /// the list); at the panes, quit. Overlays close with their own binding.
    mutating func goBack() -> [Effect] {
        if focus == .list, librarySearch != nil {
            leaveLibrarySearch()
            return []
        }
        if zoomed {
            zoomed = false
            return []
        }
        if layout.panes.count == 1, focus != .list {
            focus = .list
            return []
        }
        return [.quit]
    }

    /// `Space`: a page down; with the body at its end, the next unread article (the next one
    /// when every later one was read), from its top, as in less and mutt.
    mutating func readOn() {
        guard overlay == nil, focus == .body, let body else {
            move(by: page)
            return
        }
        guard bodyTop >= body.lineCount - bodyHeight else {
            move(by: page)
            return
        }
        let later = rows.ids.indices.dropFirst(selectedRow + 1)
        guard let next = later.first(where: { !read.contains(rows[$0]) }) ?? later.first else {
            message = "The last article"
            return
        }
        select(row: next)
    }

    /// `<` and `>`: the list narrower or wider, as far as the layout allows (the adjustment is
    /// kept at what took effect, so the other key undoes it at once).
    mutating func resizeList(by delta: Int) {
        guard let before = layout.list?.width, layout.panes.count > 1 else {
            message = "The list is not beside the text here"
            return
        }
        let usual = Layout(size: size, focus: focus, sidebarToggled: sidebarToggled, zoomed: zoomed).list?.width ?? before
        listAdjust += delta
        listAdjust = (layout.list?.width ?? before) - usual
    }

    // MARK: - Jumps

    /// `]` and `[`: the next or previous pull quote, crossing into neighbouring articles.
    mutating func jumpToPullQuote(forward: Bool) -> [Effect] {
        overlay = nil
        showBody()
        guard let article, let body else { return [] }
        let entries = sidebarEntries
        let pulls = entries.indices.filter { article.quotes[entries[$0]].pull }
        let start: (Int) -> Int = { body.lineRange(ofBlock: article.quotes[entries[$0]].block).lowerBound }
        var target: Int?
        if let chosen = chosenQuote, pulls.contains(chosen), currentSidebarEntry == chosen {
            let i = pulls.firstIndex(of: chosen)!
            let j = forward ? i + 1 : i - 1
            target = pulls.indices.contains(j) ? pulls[j] : nil
        } else if forward {
            // A quote already on the top row is where the reader is: go on to the next.
            target = pulls.first(where: { start($0) > bodyTop })
        } else {
            target = pulls.last(where: { start($0) < bodyTop })
        }
        if let target {
            land(onQuote: target)
            return []
        }
        return continueJump(forward: forward, after: selectedRow, looked: 0)
    }

    /// Looks for pull quotes in the articles after (or before) a row, as far as they are parsed;
    /// asks for the first one that is not and waits for it (see ``articleLoaded(_:_:)``).
    mutating func continueJump(forward: Bool, after row: Int, looked: Int) -> [Effect] {
        let step = forward ? 1 : -1
        var index = row + step
        var count = looked
        while let id = rows.id(at: index), count < 500 {
            guard let candidate = library.cachedArticle(id) else {
                pendingJump = PendingJump(forward: forward, candidate: id, looked: count)
                return [.loadArticle(id)]
            }
            if candidate.quotes.contains(where: \.pull) {
                select(row: index)
                // The quotes are there only when the article shows (not while the terminal is
                // too small for its panes: then the jump ends on its row).
                guard let shown = article else { return [] }
                let pulls = sidebarEntries.filter { shown.quotes[$0].pull }
                if let pull = forward ? pulls.first : pulls.last, let entry = sidebarEntries.firstIndex(of: pull) {
                    land(onQuote: entry)
                }
                return []
            }
            index += step
            count += 1
        }
        message = forward ? "No more pull quotes" : "No earlier pull quotes"
        return []
    }

    /// Jumps land in the body: when it is not on screen (the list or quotes alone), focus it.
    mutating func showBody() {
        guard !layout.shows(.body), !layout.tooSmall, !rows.isEmpty else { return }
        focus = .body
        markRead()
        deriveShown()
    }

    /// `}` and `{`: put the next or previous crosshead at the top of the body.
    mutating func jumpToCrosshead(forward: Bool) {
        showBody()
        guard let article, let body else { return }
        let starts = article.blocks.indices.filter { article.blocks[$0].kind == .crosshead }.map { body.blockStart[$0] }
        let target = forward ? starts.first(where: { $0 > bodyTop }) : starts.last(where: { $0 < bodyTop })
        guard let target else {
            message = forward ? "No more crossheads" : "No earlier crossheads"
            return
        }
        scrollBody(to: target)
        highlightedBlock = body.block(atLine: target)
        markRead()
    }

    // MARK: - The prompt

    mutating func submitPrompt() -> [Effect] {
        guard let open = prompt else { return [] }
        switch open.kind {
        case .people:
            return openChosen()
        case .searchLibrary:
            prompt = nil
            remember(open.string.trimmingSpaces, in: .searchLibrary)
            submitLibrarySearch()
            return []
        default: break
        }
        prompt = nil
        let text = open.string.trimmingSpaces
        guard !text.isEmpty else {
            if open.kind == .findInArticle { search = nil }
            return []
        }
        remember(text, in: open.kind)
        switch open.kind {
        case .pipe:
            return pipeEffect(command: text)
        case .confirmMarkAllRead:
            message = "Nothing marked"
        case .findInArticle:
            if let search, search.matches.isEmpty { message = "Not found: \(search.query)" }
        case .searchLibrary, .people:
            break
        case .goToArticle:
            guard let number = Int(text), number >= 1, number <= rows.count else {
                message = rows.isEmpty ? "No articles here" : "No article \(text): there are 1 to \(rows.count)"
                return []
            }
            select(row: number - 1)
        }
        return []
    }

    /// Keeps what was entered in a prompt for its history (Up in the prompt).
    mutating func remember(_ text: String, in kind: Prompt.Kind) {
        guard !text.isEmpty else { return }
        var history = promptHistory[kind] ?? []
        if history.last != text { history.append(text) }
        promptHistory[kind] = Array(history.suffix(100))
    }
}

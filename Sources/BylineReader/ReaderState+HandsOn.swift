import BylineCanvas
import BylineModel

/// Taking text out (the clipboard, a shell command) and pointing with the mouse.
extension ReaderState {
    /// The quote `y` means: the one marked in the sidebar (chosen, or landed on by a jump),
    /// else the first one in view.
    var currentQuote: Quote? {
        guard let article, let entry = chosenQuote ?? currentSidebarEntry, sidebarEntries.indices.contains(entry) else { return nil }
        return article.quotes[sidebarEntries[entry]]
    }

    /// `y`: the current quote, as it would be cited, to the clipboard.
    mutating func copyQuote() -> [Effect] {
        guard clipboard else { return clipboardOff() }
        guard let article, let quote = currentQuote else {
            message = "No quote here to copy"
            return []
        }
        let who = quote.speaker.map { " by \($0)" } ?? ""
        return copy(PlainText.quote(quote, headline: article.headline), what: "the quote\(who)")
    }

    /// `Y`: the whole article as plain text to the clipboard.
    mutating func copyArticle() -> [Effect] {
        guard clipboard else { return clipboardOff() }
        guard let article, article.unreadableReason == nil else {
            message = "No article to copy"
            return []
        }
        return copy(PlainText.article(article), what: "the article")
    }

    private mutating func copy(_ text: String, what: String) -> [Effect] {
        let (capped, cut) = PlainText.capped(text)
        let size = capped.count
        let note = "\(what) (\(size) character\(size == 1 ? "" : "s")\(cut ? ", cut to \(PlainText.copyLimit / 1024) KB" : ""))"
        return [.copy(text: capped, what: note)]
    }

    private mutating func clipboardOff() -> [Effect] {
        message = "Copying is off (--no-clipboard, or clipboard = false in the config)"
        return []
    }

    /// `|` and a command: the quote in the quotes pane, else the article, as its input.
    mutating func pipeEffect(command: String) -> [Effect] {
        guard let article, article.unreadableReason == nil else {
            message = "No article to pipe"
            return []
        }
        if focus == .sidebar, let quote = currentQuote {
            return [.pipe(command: command, text: PlainText.quote(quote, headline: article.headline) + "\n")]
        }
        return [.pipe(command: command, text: PlainText.article(article))]
    }

    /// Lines the wheel scrolls a notch.
    static let wheelStep = 3

    /// The mouse: the wheel scrolls the pane under the pointer; a click selects a row (a
    /// second click on the selected row opens it), focuses a pane, or jumps the body to a quote.
    mutating func mouse(_ event: MouseEvent) {
        if overlay == .people {
            if event.kind != .press { movePeople(by: event.kind == .wheelDown ? 1 : -1) }
            return
        }
        if overlay != nil {
            if event.kind != .press { overlayTop = max(0, overlayTop + (event.kind == .wheelDown ? Self.wheelStep : -Self.wheelStep)) }
            return
        }
        guard prompt == nil else { return }
        let layout = self.layout
        guard let pane = layout.pane(at: event.at), let rect = layout.rect(of: pane) else { return }
        let step = event.kind == .wheelDown ? Self.wheelStep : -Self.wheelStep
        switch (pane, event.kind) {
        case (.list, .press):
            guard let row = ListPane.row(at: event.at, in: rect, state: self) else { return }
            if row == selectedRow && focus == .list {
                focusForward()
            } else {
                focus = .list
                select(row: row)
            }
        case (.list, _):
            select(row: Self.clamp(selectedRow + step, 0, rows.count - 1))
        case (.body, .press):
            focus = .body
            markRead()
        case (.body, _):
            guard body != nil else { return }
            scrollBody(to: bodyTop + step)
        case (.sidebar, .press):
            focus = .sidebar
            if let entry = SidebarPane.entry(at: event.at, in: rect, state: self) { choose(entry: entry) }
        case (.sidebar, _):
            guard !sidebarEntries.isEmpty else { return }
            let from = chosenQuote ?? currentSidebarEntry ?? 0
            choose(entry: Self.clamp(from + (event.kind == .wheelDown ? 1 : -1), 0, sidebarEntries.count - 1))
        }
    }
}

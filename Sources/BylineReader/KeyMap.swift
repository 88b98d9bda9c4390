/// One key binding: the keys, what they do, how the help overlay describes them, and the
/// input modes it is live in.
public struct KeyBinding: Sendable {
    public let keys: [Key]
    public let action: Action
    public let help: String
    /// Where the help overlay lists it.
    public let section: String
    /// The modes in which these keys mean `action`.
    public let modes: Set<InputMode>

    public init(_ keys: [Key], _ action: Action, _ help: String, section: String, modes: Set<InputMode> = [.normal]) {
        self.keys = keys
        self.action = action
        self.help = help
        self.section = section
        self.modes = modes
    }

    /// The keys as the help overlay shows them, e.g. "↓ j".
    public var keyLabel: String { keys.map(\.label).joined(separator: " ") }

    /// The keys in ASCII, e.g. "Down j".
    public var asciiKeyLabel: String { keys.map(\.asciiLabel).joined(separator: " ") }
}

/// The key map: the single table from which key handling and the help overlay both come.
public struct KeyMap: Sendable {
    public let bindings: [KeyBinding]

    public init(bindings: [KeyBinding]) {
        self.bindings = bindings
    }

    /// What a key means in a mode. In a prompt, a printable key that no prompt binding claims
    /// types itself; in the overlay, keys with no overlay binding do nothing.
    public func action(for key: Key, mode: InputMode) -> Action? {
        if let b = bindings.first(where: { $0.modes.contains(mode) && $0.keys.contains(key) }) { return b.action }
        if mode == .prompt, let c = key.typed { return .editPrompt(.insert(c)) }
        return nil
    }

    /// The bindings of a mode, grouped in sections in the order the overlay shows them.
    public func sections(for mode: InputMode = .normal) -> [(title: String, bindings: [KeyBinding])] {
        var order: [String] = []
        var bySection: [String: [KeyBinding]] = [:]
        for b in bindings where b.modes.contains(mode) && !b.keys.isEmpty {
            if bySection[b.section] == nil { order.append(b.section) }
            bySection[b.section, default: []].append(b)
        }
        return order.map { ($0, bySection[$0]!) }
    }

    /// Byline's keys.
    public static let standard = KeyMap(bindings: [
        KeyBinding([.down, .char("j")], .moveDown, "Next article / scroll down", section: "Move", modes: [.normal, .overlay]),
        KeyBinding([.up, .char("k")], .moveUp, "Previous article / scroll up", section: "Move", modes: [.normal, .overlay]),
        KeyBinding([.pageDown], .pageDown, "Page down", section: "Move", modes: [.normal, .overlay]),
        KeyBinding([.char(" ")], .readOn, "Page down; at the end, the next unread article", section: "Move", modes: [.normal, .overlay]),
        KeyBinding([.pageUp, .char("b")], .pageUp, "Page up", section: "Move", modes: [.normal, .overlay]),
        KeyBinding([.home, .char("g")], .top, "Go to top", section: "Move", modes: [.normal, .overlay]),
        KeyBinding([.end, .char("G")], .bottom, "Go to bottom", section: "Move", modes: [.normal, .overlay]),
        KeyBinding([.char(":")], .openPrompt(.goToArticle), "Go to article number…", section: "Move"),
        KeyBinding([.enter, .right], .focusForward, "Read: focus the body (or the quotes)", section: "Panes"),
        KeyBinding([.left, .escape], .focusBack, "Back towards the list (Esc first clears a search)", section: "Panes"),
        KeyBinding([.tab], .cycleFocus, "Cycle focus list → body → quotes", section: "Panes"),
        KeyBinding([.char("s")], .toggleSidebar, "Show or hide the quote sidebar", section: "Panes"),
        KeyBinding([.char("z")], .toggleZoom, "Zoom the focused pane to full width", section: "Panes"),
        KeyBinding([.char("<")], .narrowList, "Narrower list", section: "Panes"),
        KeyBinding([.char(">")], .widenList, "Wider list", section: "Panes"),
        KeyBinding([.char("]")], .nextQuote, "Next pull quote (on to the next article)", section: "Jump"),
        KeyBinding([.char("[")], .previousQuote, "Previous pull quote", section: "Jump"),
        KeyBinding([.char("}")], .nextCrosshead, "Next crosshead", section: "Jump"),
        KeyBinding([.char("{")], .previousCrosshead, "Previous crosshead", section: "Jump"),
        KeyBinding([.char("J")], .nextArticle, "Next article", section: "Jump"),
        KeyBinding([.char("K")], .previousArticle, "Previous article", section: "Jump"),
        KeyBinding([.char("/")], .find, "List: search the library; article: find in it", section: "Find"),
        KeyBinding([.char("P")], .togglePeople, "People: who is quoted, and their quotes", section: "Find"),
        KeyBinding([.char("n")], .nextMatch, "Next match", section: "Find"),
        KeyBinding([.char("N")], .previousMatch, "Previous match", section: "Find"),
        KeyBinding([.char("m")], .toggleRead, "Mark the article read or unread", section: "Read marks"),
        KeyBinding([.char("u")], .nextUnread, "Next unread article", section: "Read marks"),
        KeyBinding([.char("U")], .previousUnread, "Previous unread article", section: "Read marks"),
        KeyBinding([.char("M")], .markAllRead, "Mark every article in the list read (asks first)", section: "Read marks"),
        KeyBinding([.char("y")], .copyQuote, "Copy the quote (with who said it) to the clipboard", section: "Take out"),
        KeyBinding([.char("Y")], .copyArticle, "Copy the whole article to the clipboard", section: "Take out"),
        KeyBinding([.char("|")], .openPrompt(.pipe), "Pipe the article (or the quote) to a shell command…", section: "Take out"),
        KeyBinding([.char("o")], .cycleSort, "Sort by name, newest first, longest first", section: "View"),
        KeyBinding([.char("f")], .toggleFooters, "Fold or unfold promotional footers", section: "View"),
        KeyBinding([.char("t")], .cycleTheme, "Next theme", section: "View"),
        KeyBinding([.char("!")], .toggleProblems, "Problems: unreadable files (checks them all), themes", section: "View"),
        KeyBinding([.char("?")], .toggleHelp, "This help", section: "View"),
        KeyBinding([.ctrl("l")], .redraw, "Redraw the screen", section: "View", modes: [.normal, .overlay, .prompt]),
        KeyBinding([.char("q")], .back, "Back one level (reading, zoom); quit from the panes", section: "View"),
        KeyBinding([.char("Q")], .quit, "Quit from anywhere", section: "View", modes: [.normal, .overlay]),
        // The open overlay.
        KeyBinding([.escape, .char("?"), .char("q")], .closeOverlay, "Close the overlay (People: back to the names)", section: "Overlay", modes: [.overlay]),
        KeyBinding([.enter], .openChosen, "People: open the quote's article", section: "Overlay", modes: [.overlay]),
        // A prompt taking text.
        KeyBinding([.enter], .submitPrompt, "Done", section: "Prompt", modes: [.prompt]),
        KeyBinding([.escape, .ctrl("g")], .cancelPrompt, "Cancel", section: "Prompt", modes: [.prompt]),
        KeyBinding([.left, .ctrl("b")], .editPrompt(.left), "Cursor left", section: "Prompt", modes: [.prompt]),
        KeyBinding([.right, .ctrl("f")], .editPrompt(.right), "Cursor right", section: "Prompt", modes: [.prompt]),
        KeyBinding([.home, .ctrl("a")], .editPrompt(.home), "Start of the line", section: "Prompt", modes: [.prompt]),
        KeyBinding([.end, .ctrl("e")], .editPrompt(.end), "End of the line", section: "Prompt", modes: [.prompt]),
        KeyBinding([.backspace], .editPrompt(.backspace), "Delete the character before the cursor", section: "Prompt", modes: [.prompt]),
        KeyBinding([.delete, .ctrl("d")], .editPrompt(.deleteForward), "Delete the character under the cursor", section: "Prompt", modes: [.prompt]),
        KeyBinding([.ctrl("u")], .editPrompt(.deleteToStart), "Delete to the start of the line", section: "Prompt", modes: [.prompt]),
        KeyBinding([.ctrl("w")], .editPrompt(.deleteWordBack), "Delete the word before the cursor", section: "Prompt", modes: [.prompt]),
        KeyBinding([.up, .ctrl("p")], .editPrompt(.historyBack), "Earlier entry", section: "Prompt", modes: [.prompt]),
        KeyBinding([.down, .ctrl("n")], .editPrompt(.historyForward), "Later entry", section: "Prompt", modes: [.prompt]),
        KeyBinding([.pageUp], .pageUp, "People: a page of names up", section: "Prompt", modes: [.prompt]),
        KeyBinding([.pageDown], .pageDown, "People: a page of names down", section: "Prompt", modes: [.prompt]),
    ])
}

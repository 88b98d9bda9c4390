/// Where a key binding applies.
public enum KeyContext: String, Sendable, CaseIterable {
    /// Everywhere (unless an overlay is open).
    case global
    /// While the help or problems overlay is open.
    case overlay
}

/// One key binding: the keys, what they do, and how the help overlay describes them.
public struct KeyBinding: Sendable {
    public let keys: [Key]
    public let action: Action
    public let help: String
    public let context: KeyContext
    /// Where the overlay lists it.
    public let section: String

    public init(_ keys: [Key], _ action: Action, _ help: String, section: String, context: KeyContext = .global) {
        self.keys = keys
        self.action = action
        self.help = help
        self.context = context
        self.section = section
    }

    /// The keys as the help overlay shows them, e.g. "↓ j".
    public var keyLabel: String { keys.map(\.label).joined(separator: " ") }
}

/// The key map: the single table from which key handling and the help overlay both come.
public struct KeyMap: Sendable {
    public let bindings: [KeyBinding]

    public init(bindings: [KeyBinding]) {
        self.bindings = bindings
    }

    /// The action for a key in a context, if any. Overlay bindings take precedence while
    /// an overlay is open; other keys then close it and do nothing else.
    public func action(for key: Key, overlayOpen: Bool) -> Action? {
        if overlayOpen {
            if let b = bindings.first(where: { $0.context == .overlay && $0.keys.contains(key) }) { return b.action }
            if let b = bindings.first(where: { $0.context == .global && $0.keys.contains(key) }),
               [.quit, .redraw].contains(b.action) || isScroll(b.action) {
                return b.action
            }
            return nil
        }
        return bindings.first(where: { $0.context == .global && $0.keys.contains(key) })?.action
    }

    private func isScroll(_ action: Action) -> Bool {
        [.moveUp, .moveDown, .pageUp, .pageDown, .top, .bottom].contains(action)
    }

    /// Sections in the order the overlay shows them, each with its global bindings.
    public var sections: [(title: String, bindings: [KeyBinding])] {
        var order: [String] = []
        var bySection: [String: [KeyBinding]] = [:]
        for b in bindings where b.context == .global {
            if bySection[b.section] == nil { order.append(b.section) }
            bySection[b.section, default: []].append(b)
        }
        return order.map { ($0, bySection[$0]!) }
    }

    /// Byline's keys.
    public static let standard = KeyMap(bindings: [
        KeyBinding([.down, .char("j")], .moveDown, "Next article / scroll down", section: "Move"),
        KeyBinding([.up, .char("k")], .moveUp, "Previous article / scroll up", section: "Move"),
        KeyBinding([.pageDown, .char(" ")], .pageDown, "Page down", section: "Move"),
        KeyBinding([.pageUp, .char("b")], .pageUp, "Page up", section: "Move"),
        KeyBinding([.home, .char("g")], .top, "Go to top", section: "Move"),
        KeyBinding([.end, .char("G")], .bottom, "Go to bottom", section: "Move"),
        KeyBinding([.enter, .right], .focusForward, "Read: focus the body (or the quotes)", section: "Panes"),
        KeyBinding([.left, .escape], .focusBack, "Back towards the list", section: "Panes"),
        KeyBinding([.tab], .cycleFocus, "Cycle focus list → body → quotes", section: "Panes"),
        KeyBinding([.char("s")], .toggleSidebar, "Show or hide the quote sidebar", section: "Panes"),
        KeyBinding([.char("z")], .toggleZoom, "Zoom the focused pane to full width", section: "Panes"),
        KeyBinding([.char("]")], .nextQuote, "Next pull quote (on to the next article)", section: "Jump"),
        KeyBinding([.char("[")], .previousQuote, "Previous pull quote", section: "Jump"),
        KeyBinding([.char("}")], .nextCrosshead, "Next crosshead", section: "Jump"),
        KeyBinding([.char("{")], .previousCrosshead, "Previous crosshead", section: "Jump"),
        KeyBinding([.char("n")], .nextArticle, "Next article", section: "Jump"),
        KeyBinding([.char("p")], .previousArticle, "Previous article", section: "Jump"),
        KeyBinding([.char("f")], .toggleFooters, "Fold or unfold promotional footers", section: "View"),
        KeyBinding([.char("t")], .cycleTheme, "Next theme", section: "View"),
        KeyBinding([.char("!")], .toggleProblems, "Files that could not be read", section: "View"),
        KeyBinding([.char("?")], .toggleHelp, "This help", section: "View"),
        KeyBinding([.ctrl("l")], .redraw, "Redraw the screen", section: "View"),
        KeyBinding([.char("q")], .quit, "Quit", section: "View"),
        KeyBinding([.escape, .char("?"), .char("q")], .closeOverlay, "Close this overlay", section: "Overlay", context: .overlay),
    ])
}

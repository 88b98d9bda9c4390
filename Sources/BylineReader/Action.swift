import BylineCanvas

/// Which pane has the keyboard.
public enum Focus: String, Sendable, CaseIterable {
    case list, body, sidebar
}

/// What the user means: every change of reader state starts as one of these.
public enum Action: Equatable, Sendable {
    case moveUp, moveDown
    case pageUp, pageDown
    case top, bottom
    case focusForward
    case focusBack
    case cycleFocus
    case nextQuote, previousQuote
    case nextCrosshead, previousCrosshead
    case nextArticle, previousArticle
    case toggleSidebar
    /// `z`: the focused pane alone, full width (with the body focused, reading mode).
    case toggleZoom
    case toggleHelp
    case toggleProblems
    case toggleFooters
    case closeOverlay
    case cycleTheme
    case redraw
    case quit
    /// The terminal changed size.
    case resize(Size)
    /// Parse and show the selected article (after a first frame drawn without it).
    case showSelection
    /// A theme finished loading (or failed); the message goes to the status line.
    case themeApplied(name: String, error: String?)
}

/// What `update` asks the outside world to do; the run loop carries these out.
public enum Effect: Equatable, Sendable {
    case quit
    /// Repaint every cell, not only the changed ones.
    case redrawAll
    /// Load the named theme and hand it to the terminal, then send `.themeApplied`.
    case loadTheme(String)
    /// Parse these articles in the background, nearest first (the neighbours of the selection).
    case prefetch([Int])
}

/// The reader's panes: what can be on screen, and what can have the keyboard.
public enum Pane: String, Sendable, CaseIterable {
    /// The article list (the rows view).
    case list
    /// The selected article's text.
    case body
    /// The quote sidebar: pull quotes and other speech with who said them.
    case sidebar
}

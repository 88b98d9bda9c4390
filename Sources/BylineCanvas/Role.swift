/// A semantic role for a cell: what the text *is*, never what colour it has.
///
/// Panes tag every cell with a role; a theme maps roles to colours and
/// attributes when the canvas reaches the terminal. The raw values are the
/// names used in theme files.
public enum Role: String, CaseIterable, Sendable, Hashable {
    case base
    case border
    case listNormal = "list.normal"
    case listSelected = "list.selected"
    case listSelectedUnfocused = "list.selected-unfocused"
    case listRead = "list.read"
    case listUnread = "list.unread"
    case headline
    case standfirst
    case body
    case crosshead
    case pullquote
    case attribution
    case quoteMark = "quote-mark"
    case boilerplate
    case sidebarNormal = "sidebar.normal"
    case sidebarCurrent = "sidebar.current"
    case status
    case help
    case searchMatch = "search-match"
    /// The match a search is at (set apart from the other matches).
    case searchCurrent = "search-current"
    case error
}

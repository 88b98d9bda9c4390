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

    /// The role's place in ``allCases`` (0, 1, ...), for tables indexed by role.
    public var ordinal: Int {
        switch self {
        case .base: return 0
        case .border: return 1
        case .listNormal: return 2
        case .listSelected: return 3
        case .listSelectedUnfocused: return 4
        case .listRead: return 5
        case .listUnread: return 6
        case .headline: return 7
        case .standfirst: return 8
        case .body: return 9
        case .crosshead: return 10
        case .pullquote: return 11
        case .attribution: return 12
        case .quoteMark: return 13
        case .boilerplate: return 14
        case .sidebarNormal: return 15
        case .sidebarCurrent: return 16
        case .status: return 17
        case .help: return 18
        case .searchMatch: return 19
        case .searchCurrent: return 20
        case .error: return 21
        }
    }
}

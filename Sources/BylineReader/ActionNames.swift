/// The names of the actions a key can be bound to, as a config file's `[keys]` table and
/// `byline --list-actions` spell them.
extension Action {
    /// The action's name, for those a key can be bound to in the normal mode (nil for the rest).
    public var bindingName: String? {
        switch self {
        case .moveDown: "move-down"
        case .moveUp: "move-up"
        case .pageDown: "page-down"
        case .readOn: "read-on"
        case .pageUp: "page-up"
        case .top: "top"
        case .bottom: "bottom"
        case .openPrompt(.goToArticle): "go-to-article"
        case .focusForward: "read"
        case .focusBack: "back-to-list"
        case .cycleFocus: "cycle-focus"
        case .toggleSidebar: "toggle-sidebar"
        case .toggleZoom: "zoom"
        case .narrowList: "narrow-list"
        case .widenList: "widen-list"
        case .nextQuote: "next-quote"
        case .previousQuote: "previous-quote"
        case .nextCrosshead: "next-crosshead"
        case .previousCrosshead: "previous-crosshead"
        case .nextArticle: "next-article"
        case .previousArticle: "previous-article"
        case .find: "find"
        case .togglePeople: "people"
        case .nextMatch: "next-match"
        case .previousMatch: "previous-match"
        case .toggleRead: "toggle-read"
        case .nextUnread: "next-unread"
        case .previousUnread: "previous-unread"
        case .markAllRead: "mark-all-read"
        case .copyQuote: "copy-quote"
        case .copyArticle: "copy-article"
        case .openPrompt(.pipe): "pipe"
        case .cycleSort: "sort"
        case .toggleFooters: "toggle-footers"
        case .cycleTheme: "next-theme"
        case .toggleProblems: "problems"
        case .toggleHelp: "help"
        case .redraw: "redraw"
        case .back: "back"
        case .quit: "quit"
        default: nil
        }
    }
}

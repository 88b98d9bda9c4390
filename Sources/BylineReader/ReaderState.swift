import BylineCanvas
import BylineModel
import BylineStore
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Everything the reader shows, in one value. Only ``update(_:_:)`` changes it.
///
/// Articles are known by identity (``ArticleID``), never by row: the list is a ``RowsView``
/// over the library, and the selection, read marks, loads and the reading position follow the
/// article when rows come and go. Nothing here reads files: what is not in the library's cache
/// yet is asked for with an ``Effect`` and arrives later as an ``Action``.
public struct ReaderState: Sendable {
    // MARK: - Inputs
    public let library: Library
    public internal(set) var size: Size
    public var ascii: Bool
    /// The time the list's dates are shown against (seconds since 1970; set at start), and the
    /// local time zone's offset from UTC then (one offset for every date: a frame looks up no
    /// time zone rules).
    public var now = Int64(time(nil))
    public var utcOffset = ReaderState.localUTCOffset()
    /// Names of the themes `t` cycles through, and the one in use.
    public var themeNames: [String]
    public internal(set) var themeName: String

    // MARK: - Where the user is
    public internal(set) var focus: Pane = .list
    /// The list's rows.
    public internal(set) var rows: RowsView
    /// The list's order (`o` cycles it).
    public internal(set) var sortOrder: ListOrder = .name
    /// An order being worked out by a worker; rows stay as they are until it arrives.
    var pendingSort: ListOrder?
    /// The order asked for at start: until it arrives the first frame waits (briefly), and
    /// then the list starts at its top.
    var sortingAtStart = false
    /// The selected article (nil only while the list is empty).
    public internal(set) var selection: ArticleID?
    /// The selection's row in ``rows`` (kept in step with it).
    public internal(set) var selectedRow: Int = 0
    public internal(set) var listTop: Int = 0
    /// The body's first line on screen (derived from ``bodyAnchor`` whenever the body reflows).
    public internal(set) var bodyTop: Int = 0
    /// The text at the top of the body: the reading position, kept across reflows.
    public internal(set) var bodyAnchor: TextPosition = .top
    /// The top line is the spacing just above ``bodyAnchor``'s line.
    var bodyAnchorOnSpacing = false
    /// Index into ``sidebarEntries`` of the quote the user chose, if any.
    public internal(set) var chosenQuote: Int?
    /// The block a jump (or a move in the quotes) landed on: highlighted until the next key.
    public internal(set) var highlightedBlock: Int?

    // MARK: - Modes
    /// `s` pressed: hides the sidebar when all three panes fit, shows it when they do not.
    public internal(set) var sidebarToggled: Bool = false
    /// Columns `<` and `>` took from or gave to the list.
    public internal(set) var listAdjust: Int = 0
    /// `z`: the focused pane alone, full width.
    public internal(set) var zoomed: Bool = false
    /// The body alone, full width: zoomed with the body focused.
    public var readingMode: Bool { zoomed && focus == .body }
    public internal(set) var overlay: Overlay?
    /// Scroll offset inside the open overlay.
    public internal(set) var overlayTop: Int = 0
    public internal(set) var footersUnfolded: Bool = false
    /// The search in the shown article, if any (its highlights and `n` / `N`).
    public internal(set) var search: BodySearch?
    /// The library search, while its prompt is open or its results are in the list.
    public internal(set) var librarySearch: LibrarySearch?
    /// `P`: the people quoted across the library, while open.
    public internal(set) var people: PeopleView?
    /// How far the search index is built, while it is being brought up to date.
    public internal(set) var indexProgress: IndexProgress?
    /// Numbers library searches, so that answers to older ones are dropped.
    var searchSerial = 0
    /// The prompt being typed in, if one is open.
    public internal(set) var prompt: Prompt?
    /// What was entered in each kind of prompt, oldest first.
    public internal(set) var promptHistory: [Prompt.Kind: [String]] = [:]
    /// A one-line note for the status line (theme changes, "no more pull quotes").
    public internal(set) var message: String?
    /// What went wrong outside the library (a theme that did not load, a folder not watched):
    /// said once in the status line, and kept for the `!` list.
    public internal(set) var notes: [String] = []

    // MARK: - Marks
    /// Articles read: opened in the body, or marked with `m` / `M` (kept in the state store).
    public internal(set) var read: Set<ArticleID> = []
    /// Reading positions kept for articles left half-read (from the store, and this session).
    public internal(set) var positions: [ArticleID: SavedPosition] = [:]
    /// Whether the store's state has arrived (until then nothing is restored or saved).
    public internal(set) var stateLoaded = false
    /// Open at the top of the list, not on the article last selected (`--from-top`).
    public let fromTop: Bool
    /// Whether `y` / `Y` may hand text to the terminal's clipboard (`--no-clipboard` turns it off).
    public var clipboard = true
    /// The user pressed a key since the start (the saved selection is then not jumped to).
    var userActed = false
    /// The article whose saved position is to be restored once it is shown.
    var restoreFor: ArticleID?
    /// Saves asked for during an action; `update` sends them as one `.saveState`.
    var outbox: [StateEdit] = []
    /// Articles that appeared in the folder while the reader was open and have not been seen:
    /// on screen in the list when a key was pressed ("+N new", and a `+` in the list).
    public internal(set) var fresh: Set<ArticleID> = []
    /// Articles whose file was deleted but that stay in the list while selected, with the
    /// headline they had.
    public internal(set) var deleted: [ArticleID: String] = [:]

    // MARK: - Derived (kept in step by `update`)
    /// The article the body shows (or is waiting for): the selection while a pane shows it.
    public internal(set) var articleID: ArticleID?
    /// That article, parsed; nil while it loads, or while no pane shows an article (a list
    /// alone on screen), so moving through a list shown alone reads nothing but headlines.
    public internal(set) var article: Article?
    /// The article laid out for the current body width.
    public internal(set) var body: BodyLayout?
    /// The sidebar's quotes wrapped for the sidebar's width (nil while it is not shown).
    public internal(set) var sidebar: SidebarLayout?
    /// The sidebar's quotes: pull quotes first, then other speech, as indices into `article.quotes`.
    /// Speech that a pull quote repeats is listed once, as the pull quote.
    public internal(set) var sidebarEntries: [Int] = []
    /// True until the first article is shown, when the state was made with `deferBody`.
    public internal(set) var bodyDeferred = false

    // MARK: - Loads in flight
    var loadingArticles: Set<ArticleID> = []
    var loadingHeadlines: Set<ArticleID> = []
    /// The list's top row when its headlines were last looked at (``loadHeadlines(into:)``
    /// reads ahead only once the list scrolled from there).
    var headlinesLookedAtTop: Int?
    /// A `]` / `[` looking for pull quotes in the next articles, waiting for one to be parsed.
    var pendingJump: PendingJump?
    /// A jump that needs the selected article, which is being parsed: done again when it arrives.
    var replay: (action: Action, waitingFor: ArticleID)?
    /// Articles in subfolders of a library that does not list them (counted when the list is empty).
    public internal(set) var articlesInSubfolders: Int?
    /// True while a worker checks every file for `!`.
    public internal(set) var checkingFiles = false
    /// A block's text to find again when the shown article is read anew after its file changed.
    var reanchorText: String?
    /// True while something on screen waits for a worker (the article, or list headlines): the
    /// run loop holds the frame back briefly so the answer shows without a flash of "Loading".
    public internal(set) var awaitingVisible = false
    /// Counts changes that show on screen; a frame is drawn only when it moved.
    public internal(set) var revision = 0

    /// A pull-quote jump that crosses into articles not parsed yet.
    struct PendingJump: Equatable, Sendable {
        var forward: Bool
        /// The article being parsed to see whether it has pull quotes.
        var candidate: ArticleID
        /// Articles looked at so far.
        var looked: Int
    }

    /// An overlay drawn over the panes.
    public enum Overlay: Sendable, Equatable { case help, problems, people }

    /// - Parameters:
    ///   - deferBody: leave the selected article unshown, so the first frame needs only what the
    ///     list needs; `.showSelection` (sent by the run loop after that frame) shows it.
    ///   - notice: a line for the status line of the first frame.
    ///   - fromTop: do not reopen on the article that was selected when the library was last left.
    public init(library: Library, size: Size, ascii: Bool = false, themeNames: [String] = ["default"],
                themeName: String = "default", deferBody: Bool = false, notice: String? = nil, sort: ListOrder = .name,
                fromTop: Bool = false) {
        self.sortOrder = sort
        self.message = notice
        self.fromTop = fromTop
        if let notice { notes = [notice] }
        self.library = library
        self.size = size
        self.ascii = ascii
        self.themeNames = themeNames
        self.themeName = themeName
        self.bodyDeferred = deferBody
        self.rows = RowsView(library.presentIDs)
        self.selection = rows.id(at: 0)
    }

    /// The current layout of panes.
    public var layout: Layout {
        Layout(size: size, focus: focus, sidebarToggled: sidebarToggled, zoomed: zoomed, listAdjust: listAdjust)
    }

    /// What keys mean now.
    public var inputMode: InputMode {
        if prompt != nil { return .prompt }
        if overlay != nil { return .overlay }
        return .normal
    }

    /// Whether a pane that shows the selected article is on screen.
    public var showsArticle: Bool { layout.showsArticle }

    /// Lines of body the body pane shows at once.
    public var bodyHeight: Int { max(1, layout.body?.height ?? 1) }

    /// Lines a list row takes: two for a library search's results (the headline, then the
    /// text around the match).
    public var listRowHeight: Int { librarySearch?.showing == true ? 2 : 1 }

    /// The rows the list has room for.
    public var listCapacity: Int { max(1, (layout.list?.height ?? 1) / listRowHeight) }

    /// The rows the list shows now, when it is on screen.
    public var visibleRows: Range<Int> {
        guard layout.list != nil else { return 0..<0 }
        return listTop..<min(rows.count, listTop + listCapacity)
    }

    /// The sidebar entry to mark: the chosen one while it is in view, else the first in view.
    /// While the body is not on screen (the quotes alone), the chosen one.
    public var currentSidebarEntry: Int? {
        guard let article else { return nil }
        let entries = sidebarEntries
        guard let body else {
            return chosenQuote.flatMap { entries.indices.contains($0) ? $0 : nil }
        }
        let visible = bodyTop..<(bodyTop + bodyHeight)
        func inView(_ entry: Int) -> Bool {
            let range = body.lineRange(ofBlock: article.quotes[entries[entry]].block)
            return range.overlaps(visible)
        }
        if let chosen = chosenQuote, chosen < entries.count, inView(chosen) { return chosen }
        return entries.indices.first(where: inView)
    }

    /// Scroll position through the body as a percentage.
    public var bodyPercent: Int {
        guard let body else { return 100 }
        let maxTop = max(0, body.lineCount - bodyHeight)
        return maxTop == 0 ? 100 : min(100, bodyTop * 100 / maxTop)
    }

    /// The headline a list row shows: read, or kept for a deleted article; nil while unread.
    public func headline(of id: ArticleID) -> String? {
        library.cachedHeadline(id) ?? deleted[id]
    }

    /// Whether ``headline(of:)`` is not nil, without making the headline's string.
    func hasHeadline(_ id: ArticleID) -> Bool {
        library.hasCachedHeadline(id) || deleted[id] != nil
    }

    /// Whether ``headline(of:)`` is `text`, without making the headline's string.
    func headline(of id: ArticleID, is text: String) -> Bool {
        library.cachedHeadline(id, is: text) ?? (deleted[id] == text)
    }

    /// The local time zone's offset from UTC now, from the C library (Foundation's `TimeZone`
    /// would load ICU's zone data at start-up).
    static func localUTCOffset() -> Int {
        var clock = time(nil)
        var parts = tm()
        guard localtime_r(&clock, &parts) != nil else { return 0 }
        return parts.tm_gmtoff
    }

    static func sidebarEntries(of article: Article?) -> [Int] {
        guard let quotes = article?.quotes else { return [] }
        let pulls = quotes.indices.filter { quotes[$0].pull }
        let repeated = Set(pulls.compactMap { quotes[$0].repeats })
        let others = quotes.indices.filter { !quotes[$0].pull && !repeated.contains($0) }
        return pulls + others
    }
}

import BylineCanvas
import BylineModel

/// Everything the reader shows, in one value. Only ``update(_:_:)`` changes it.
public struct ReaderState: Sendable {
    // MARK: - Inputs
    public let library: Library
    public var size: Size
    public var ascii: Bool
    /// Names of the themes `t` cycles through, and the one in use.
    public var themeNames: [String]
    public var themeName: String

    // MARK: - Where the user is
    public var focus: Focus = .list
    public var selected: Int = 0
    public var listTop: Int = 0
    public var bodyTop: Int = 0
    /// Index into ``sidebarEntries`` of the quote the user chose, if any.
    public var chosenQuote: Int?

    // MARK: - Modes
    /// `s` pressed: hides the sidebar when all three panes fit, shows it when they do not.
    public var sidebarToggled: Bool = false
    /// `z`: the focused pane alone, full width.
    public var zoomed: Bool = false
    /// The body alone, full width: zoomed with the body focused.
    public var readingMode: Bool { zoomed && focus == .body }
    public var overlay: Overlay?
    /// Scroll offset inside the open overlay.
    public var overlayTop: Int = 0
    public var footersUnfolded: Bool = false
    /// A one-line note for the status line (theme changes, "no more pull quotes").
    public var message: String?
    /// Articles opened in this session.
    public var read: Set<Int> = []

    // MARK: - Derived (kept in step by `update`)
    /// The selected article, parsed; nil while no pane shows it (a list alone on screen), so
    /// moving through a list shown alone reads nothing but headlines.
    public internal(set) var article: Article?
    /// The library index `article` was read from.
    private var articleIndex: Int?
    /// The selected article laid out for the current body width.
    public internal(set) var body: BodyLayout?
    /// The sidebar's quotes wrapped for the sidebar's width (nil while it is not shown).
    public internal(set) var sidebar: SidebarLayout?

    /// An overlay drawn over the panes.
    public enum Overlay: Sendable, Equatable { case help, problems }

    /// - Parameter deferBody: leave the selected article unparsed, so the first frame needs only
    ///   what the list needs; `.showSelection` (sent by the run loop after that frame) parses it.
    public init(library: Library, size: Size, ascii: Bool = false, themeNames: [String] = ["default"],
                themeName: String = "default", deferBody: Bool = false) {
        self.library = library
        self.size = size
        self.ascii = ascii
        self.themeNames = themeNames
        self.themeName = themeName
        self.bodyDeferred = deferBody
        refresh()
    }

    /// True until the first article is parsed, when the state was made with `deferBody`.
    public internal(set) var bodyDeferred = false

    /// The current layout of panes.
    public var layout: Layout {
        Layout(size: size, focus: focus, sidebarToggled: sidebarToggled, zoomed: zoomed)
    }

    /// The sidebar's quotes: pull quotes first, then other speech, as indices into `article.quotes`.
    /// Speech that a pull quote repeats is listed once, as the pull quote.
    public internal(set) var sidebarEntries: [Int] = []

    static func sidebarEntries(of article: Article?) -> [Int] {
        guard let quotes = article?.quotes else { return [] }
        let pulls = quotes.indices.filter { quotes[$0].pull }
        let repeated = Set(pulls.compactMap { quotes[$0].repeats })
        let others = quotes.indices.filter { !quotes[$0].pull && !repeated.contains($0) }
        return pulls + others
    }

    /// Lines of body the body pane shows at once.
    public var bodyHeight: Int { max(1, layout.body?.height ?? 1) }

    /// The sidebar entry to mark: the chosen one while it is in view, else the first in view.
    public var currentSidebarEntry: Int? {
        guard let article, let body else { return nil }
        let entries = sidebarEntries
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
        let maxTop = max(0, body.lines.count - bodyHeight)
        return maxTop == 0 ? 100 : min(100, bodyTop * 100 / maxTop)
    }

    /// Re-derive the article and its layout after the selection, size or folding changed.
    mutating func refresh() {
        guard library.count > 0 else {
            forgetArticle()
            return
        }
        selected = min(max(0, selected), library.count - 1)
        if bodyDeferred {
            clampScroll()
            return
        }
        let layout = self.layout
        guard layout.body != nil || layout.sidebar != nil else {
            if articleIndex != selected { forgetArticle() }
            clampScroll()
            return
        }
        loadArticle()
        guard let article else { return }
        if let rect = layout.sidebar {
            let width = SidebarPane.textWidth(for: rect.width)
            if sidebar?.articleID != article.id || sidebar?.textWidth != width {
                sidebar = SidebarLayout(article: article, entries: sidebarEntries, textWidth: width, ascii: ascii)
            }
        } else {
            sidebar = nil
        }
        guard let rect = layout.body else {
            body = nil
            return
        }
        let width = BodyPane.measure(for: rect.width)
        if body?.articleID != article.id || body?.width != width || body?.footersUnfolded != footersUnfolded {
            body = BodyLayout(article: article, width: width, ascii: ascii, footersUnfolded: footersUnfolded)
        }
        clampScroll()
    }

    /// Parse the selected article, unless it is the one held.
    private mutating func loadArticle() {
        guard library.count > 0, articleIndex != selected || article == nil else { return }
        article = library.article(at: selected)
        articleIndex = selected
        sidebarEntries = Self.sidebarEntries(of: article)
        // Laid out again for the new article (two files may share a name in different folders).
        body = nil
        sidebar = nil
    }

    private mutating func forgetArticle() {
        article = nil
        articleIndex = nil
        body = nil
        sidebar = nil
        sidebarEntries = []
    }

    mutating func clampScroll() {
        let layout = self.layout
        // While the body is not laid out (a list alone on screen), its scroll stays as it was.
        if let count = body?.lines.count, layout.body != nil {
            bodyTop = min(max(0, bodyTop), max(0, count - bodyHeight))
        }
        // Likewise the list's scroll, while the list is hidden (reading mode, one pane).
        guard let listRect = layout.list else { return }
        let rows = max(1, listRect.height)
        if selected < listTop { listTop = selected }
        if selected >= listTop + rows { listTop = selected - rows + 1 }
        listTop = min(max(0, listTop), max(0, library.count - rows))
    }
}

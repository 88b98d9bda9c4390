import BylineCanvas

/// Where each pane goes for a terminal size: a pure function of size and modes.
///
/// - 120 columns and up: list, body and quote sidebar side by side.
/// - 80–119: list and body; `s` (or focusing the quotes) swaps the list for the sidebar.
/// - `s` hides the sidebar at 120 columns and up.
/// - under 80: one pane at a time, the focused one.
/// - zoomed (`z`): the focused pane alone, full width; for the body this is reading mode, for
///   the list a full-width index where a move repaints only the two rows that change.
/// - under 20x6: nothing but a "terminal too small" line.
/// - beside the body, the list takes the columns the body's measure cannot use (at 200 columns
///   the body keeps 80 and the list grows), and `<` / `>` narrow or widen it.
public struct Layout: Equatable, Sendable {
    public let size: Size
    /// Each pane's rectangle (nil when it is not on screen), and the border columns: kept
    /// inline, so a layout is made without allocating (a frame asks for it several times).
    private var listRect, bodyRect, sidebarRect: Rect?
    private var border1, border2: Int?
    public private(set) var status: Rect?
    public let tooSmall: Bool

    public static let minimum = Size(width: 20, height: 6)
    /// Narrowest the list gets with `<`.
    public static let minimumListWidth = 20
    /// Narrowest the body gets with `>`.
    public static let minimumBodyWidth = 40
    /// Columns `<` and `>` take from or give to the list.
    public static let listStep = 4
    /// The widest a body pane usefully gets: its measure and a margin each side.
    static let fullBodyWidth = BodyLayout.maxMeasure + 4

    /// - Parameter listAdjust: columns added to (or taken from) the list's usual width (`<`, `>`),
    ///   kept between ``minimumListWidth`` and what leaves the body ``minimumBodyWidth``.
    public init(size: Size, focus: Pane, sidebarToggled: Bool, zoomed: Bool, listAdjust: Int = 0) {
        self.size = size
        tooSmall = size.width < Self.minimum.width || size.height < Self.minimum.height
        guard !tooSmall else { return }
        let h = size.height - 1
        status = Rect(x: 0, y: h, width: size.width, height: 1)
        let w = size.width
        if zoomed {
            place(focus, w, height: h)
            return
        }
        // The list beside the body (and maybe the sidebar): it takes what the body's measure
        // cannot use, then what `<` and `>` say.
        func listWidth(_ usual: Int, others: Int) -> Int {
            let spare = max(0, w - others - usual - Self.fullBodyWidth)
            let most = max(Self.minimumListWidth, w - others - Self.minimumBodyWidth)
            return min(max(usual + spare + listAdjust, Self.minimumListWidth), most)
        }
        if w >= 120 {
            let usual = min(44, max(28, w * 26 / 100))
            if !sidebarToggled {
                let sideWidth = min(44, max(28, w * 24 / 100))
                let list = listWidth(usual, others: sideWidth + 2)
                place(.list, list, .body, w - sideWidth - 2 - list, .sidebar, sideWidth, height: h)
            } else {
                let list = listWidth(usual, others: 1)
                place(.list, list, .body, w - 1 - list, height: h)
            }
        } else if w >= 80 {
            let sideWidth = max(26, w * 30 / 100)
            if sidebarToggled || focus == .sidebar {
                place(.body, w - sideWidth - 1, .sidebar, sideWidth, height: h)
            } else {
                let list = listWidth(sideWidth, others: 1)
                place(.list, list, .body, w - 1 - list, height: h)
            }
        } else {
            place(focus, w, height: h)
        }
    }

    /// The panes on screen, left to right, with their rectangles.
    public var panes: [(pane: Pane, rect: Rect)] {
        [(Pane.list, listRect), (.body, bodyRect), (.sidebar, sidebarRect)]
            .compactMap { pane, rect in rect.map { (pane, $0) } }
            .sorted { $0.rect.x < $1.rect.x }
    }

    /// How many panes are on screen.
    public var paneCount: Int { (listRect == nil ? 0 : 1) + (bodyRect == nil ? 0 : 1) + (sidebarRect == nil ? 0 : 1) }

    /// Columns where a vertical border is drawn.
    public var borders: [Int] { [border1, border2].compactMap { $0 } }

    /// Calls `body` with each border column, left to right.
    public func forEachBorder(_ body: (Int) -> Void) {
        if let border1 { body(border1) }
        if let border2 { body(border2) }
    }

    /// The pane's rectangle, or nil when it is not on screen.
    public func rect(of pane: Pane) -> Rect? {
        switch pane {
        case .list: return listRect
        case .body: return bodyRect
        case .sidebar: return sidebarRect
        }
    }

    /// Is the pane on screen?
    public func shows(_ pane: Pane) -> Bool { rect(of: pane) != nil }

    /// Whether an article is on screen: in the body, the sidebar or both.
    public var showsArticle: Bool { body != nil || sidebar != nil }

    public var list: Rect? { rect(of: .list) }
    public var body: Rect? { rect(of: .body) }
    public var sidebar: Rect? { rect(of: .sidebar) }

    /// The pane under a cell, if any (borders and the status line belong to none).
    public func pane(at point: Point) -> Pane? {
        Pane.allCases.first { rect(of: $0)?.contains(x: point.x, y: point.y) ?? false }
    }

    /// Places up to three panes side by side, left to right, with a border between each two.
    private mutating func place(_ first: Pane, _ firstWidth: Int, _ second: Pane? = nil, _ secondWidth: Int = 0,
                                _ third: Pane? = nil, _ thirdWidth: Int = 0, height: Int) {
        var x = 0
        func add(_ pane: Pane, _ width: Int) {
            if x > 0 {
                if border1 == nil { border1 = x } else { border2 = x }
                x += 1
            }
            let rect = Rect(x: x, y: 0, width: width, height: height)
            switch pane {
            case .list: listRect = rect
            case .body: bodyRect = rect
            case .sidebar: sidebarRect = rect
            }
            x += width
        }
        add(first, firstWidth)
        if let second { add(second, secondWidth) }
        if let third { add(third, thirdWidth) }
    }
}

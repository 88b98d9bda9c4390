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
    /// The panes on screen, left to right, with their rectangles.
    public private(set) var panes: [(pane: Pane, rect: Rect)] = []
    /// Columns where a vertical border is drawn.
    public private(set) var borders: [Int] = []
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
            place(columns: [(focus, w)], height: h)
            return
        }
        // The list beside the body (and maybe the sidebar): it takes what the body's measure
        // cannot use, then what `<` and `>` say.
        func withList(_ usual: Int, others: Int) -> [(Pane, Int)] {
            let spare = max(0, w - others - usual - Self.fullBodyWidth)
            let most = max(Self.minimumListWidth, w - others - Self.minimumBodyWidth)
            let list = min(max(usual + spare + listAdjust, Self.minimumListWidth), most)
            return [(.list, list), (.body, w - others - list)]
        }
        if w >= 120 {
            let listWidth = min(44, max(28, w * 26 / 100))
            if !sidebarToggled {
                let sideWidth = min(44, max(28, w * 24 / 100))
                place(columns: withList(listWidth, others: sideWidth + 2) + [(.sidebar, sideWidth)], height: h)
            } else {
                place(columns: withList(listWidth, others: 1), height: h)
            }
        } else if w >= 80 {
            let sideWidth = max(26, w * 30 / 100)
            if sidebarToggled || focus == .sidebar {
                place(columns: [(.body, w - sideWidth - 1), (.sidebar, sideWidth)], height: h)
            } else {
                place(columns: withList(sideWidth, others: 1), height: h)
            }
        } else {
            place(columns: [(focus, w)], height: h)
        }
    }

    public static func == (a: Layout, b: Layout) -> Bool {
        a.size == b.size && a.tooSmall == b.tooSmall && a.borders == b.borders && a.status == b.status
            && a.panes.map(\.pane) == b.panes.map(\.pane) && a.panes.map(\.rect) == b.panes.map(\.rect)
    }

    /// The pane's rectangle, or nil when it is not on screen.
    public func rect(of pane: Pane) -> Rect? { panes.first { $0.pane == pane }?.rect }

    /// Is the pane on screen?
    public func shows(_ pane: Pane) -> Bool { rect(of: pane) != nil }

    public var list: Rect? { rect(of: .list) }
    public var body: Rect? { rect(of: .body) }
    public var sidebar: Rect? { rect(of: .sidebar) }

    /// The pane under a cell, if any (borders and the status line belong to none).
    public func pane(at point: Point) -> Pane? {
        panes.first { $0.rect.contains(x: point.x, y: point.y) }?.pane
    }

    private mutating func place(columns: [(Pane, Int)], height: Int) {
        var x = 0
        for (i, (pane, width)) in columns.enumerated() {
            panes.append((pane, Rect(x: x, y: 0, width: width, height: height)))
            x += width
            if i < columns.count - 1 {
                borders.append(x)
                x += 1
            }
        }
    }
}

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
public struct Layout: Equatable, Sendable {
    public let size: Size
    public private(set) var list: Rect?
    public private(set) var body: Rect?
    public private(set) var sidebar: Rect?
    /// Columns where a vertical border is drawn.
    public private(set) var borders: [Int] = []
    public private(set) var status: Rect?
    public let tooSmall: Bool

    public static let minimum = Size(width: 20, height: 6)

    public init(size: Size, focus: Focus, sidebarToggled: Bool, zoomed: Bool) {
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
        if w >= 120 {
            let listWidth = min(44, max(28, w * 26 / 100))
            if !sidebarToggled {
                let sideWidth = min(44, max(28, w * 24 / 100))
                place(columns: [(.list, listWidth), (.body, w - listWidth - sideWidth - 2), (.sidebar, sideWidth)], height: h)
            } else {
                place(columns: [(.list, listWidth), (.body, w - listWidth - 1)], height: h)
            }
        } else if w >= 80 {
            let sideWidth = max(26, w * 30 / 100)
            if sidebarToggled || focus == .sidebar {
                place(columns: [(.body, w - sideWidth - 1), (.sidebar, sideWidth)], height: h)
            } else {
                place(columns: [(.list, sideWidth), (.body, w - sideWidth - 1)], height: h)
            }
        } else {
            place(columns: [(focus, w)], height: h)
        }
    }

    /// Is the pane on screen?
    public func shows(_ pane: Focus) -> Bool { rect(of: pane) != nil }

    public func rect(of pane: Focus) -> Rect? {
        switch pane {
        case .list: return list
        case .body: return body
        case .sidebar: return sidebar
        }
    }

    private mutating func place(columns: [(Focus, Int)], height: Int) {
        var x = 0
        for (i, (pane, width)) in columns.enumerated() {
            let r = Rect(x: x, y: 0, width: width, height: height)
            switch pane {
            case .list: list = r
            case .body: body = r
            case .sidebar: sidebar = r
            }
            x += width
            if i < columns.count - 1 {
                borders.append(x)
                x += 1
            }
        }
    }
}

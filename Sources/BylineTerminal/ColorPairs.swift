import BylineCanvas
import BylineTheme
import CNcursesw

/// Curses attributes and colour pairs for each role, allocated on demand from a palette.
struct ColorPairs {
    struct Look {
        var attributes: attr_t
        var pair: Int32
    }

    private(set) var looks: [Role: Look] = [:]
    private var pairs: [PairKey: Int32] = [:]
    private let colorsEnabled: Bool

    private struct PairKey: Hashable {
        let fg: Int32
        let bg: Int32
    }

    init(palette: [Role: ResolvedStyle], colorsEnabled: Bool) {
        self.colorsEnabled = colorsEnabled
        for role in Role.allCases {
            let style = palette[role] ?? palette[.base] ?? ResolvedStyle()
            looks[role] = Look(attributes: attributes(of: style), pair: pair(for: style))
        }
    }

    func look(_ role: Role) -> Look { looks[role] ?? Look(attributes: byline_a_normal(), pair: 0) }

    private func attributes(of style: ResolvedStyle) -> attr_t {
        var a = byline_a_normal()
        if style.bold { a |= byline_a_bold() }
        if style.dim { a |= byline_a_dim() }
        if style.italic { a |= byline_a_italic() }
        if style.underline { a |= byline_a_underline() }
        if style.reverse { a |= byline_a_reverse() }
        return a
    }

    private mutating func pair(for style: ResolvedStyle) -> Int32 {
        guard colorsEnabled else { return 0 }
        let key = PairKey(fg: number(style.fg), bg: number(style.bg))
        if key.fg == -1 && key.bg == -1 { return 0 }
        if let existing = pairs[key] { return existing }
        let next = Int32(pairs.count + 1)
        guard next < byline_color_pairs() else { return 0 }
        if init_extended_pair(next, key.fg, key.bg) == ERR { return 0 }
        pairs[key] = next
        return next
    }

    private func number(_ color: TerminalColor) -> Int32 {
        switch color {
        case .terminalDefault: return -1
        case .indexed(let n): return Int32(n)
        case .rgb(let r, let g, let b): return Int32(r) << 16 | Int32(g) << 8 | Int32(b)
        }
    }
}

import BylineCanvas

/// Which curses colour pair each role draws with, for one resolved palette.
///
/// Pairs are numbered from 1 in the order of ``BylineCanvas/Role/allCases``, one per distinct
/// foreground and background; a role in the terminal's own colours uses pair 0. A new palette
/// (a theme switch) gets a new plan numbered from 1 again, so the pairs a terminal defines never
/// number more than the roles, however often the theme changes. The terminal layer only
/// defines the pairs (`init_extended_pair`); the numbering lives here so it can be tested.
public struct ColorPairPlan: Equatable, Sendable {
    /// A colour pair to define: colour numbers as curses takes them (-1 the terminal's own,
    /// 0-255 a palette index, 0xRRGGBB a direct colour).
    public struct Pair: Equatable, Sendable {
        public let number: Int32
        public let fg: Int32
        public let bg: Int32
    }

    /// The pairs to define, by number (1, 2, ...).
    public let pairs: [Pair]
    /// The pair number of each role (0: the terminal's own colours, or no colours).
    public let pairOfRole: [Role: Int32]

    /// - Parameters:
    ///   - palette: Each role's resolved style (a missing role takes `base`'s).
    ///   - limit: How many pairs the terminal has (`COLOR_PAIRS`); 0 when colours are off.
    ///     Roles past the limit fall back to pair 0.
    public init(palette: [Role: ResolvedStyle], limit: Int) {
        var numbers: [Pair] = []
        var pairOfRole: [Role: Int32] = [:]
        for role in Role.allCases {
            let style = palette[role] ?? palette[.base] ?? ResolvedStyle()
            let fg = Self.colorNumber(style.fg), bg = Self.colorNumber(style.bg)
            guard limit > 0, fg != -1 || bg != -1 else {
                pairOfRole[role] = 0
                continue
            }
            if let existing = numbers.first(where: { $0.fg == fg && $0.bg == bg }) {
                pairOfRole[role] = existing.number
            } else if numbers.count + 1 < limit {
                let pair = Pair(number: Int32(numbers.count + 1), fg: fg, bg: bg)
                numbers.append(pair)
                pairOfRole[role] = pair.number
            } else {
                pairOfRole[role] = 0
            }
        }
        pairs = numbers
        self.pairOfRole = pairOfRole
    }

    /// A colour as curses' extended colour functions take it.
    public static func colorNumber(_ color: TerminalColor) -> Int32 {
        switch color {
        case .terminalDefault: return -1
        case .indexed(let n): return Int32(n)
        case .rgb(let r, let g, let b): return Int32(r) << 16 | Int32(g) << 8 | Int32(b)
        }
    }
}

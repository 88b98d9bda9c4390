import BylineCanvas
import BylineTheme
import CNcursesw

/// Curses attributes and colour pairs for each role, defined from a palette's ``ColorPairPlan``.
struct ColorPairs {
    struct Look {
        var attributes: attr_t
        var pair: Int32
    }

    /// Indexed by ``BylineCanvas/Role/ordinal``: an array, not a hash, as every drawn cell asks.
    private(set) var looks: [Look] = []

    init(palette: [Role: ResolvedStyle], colorsEnabled: Bool) {
        let plan = ColorPairPlan(palette: palette, limit: colorsEnabled ? Int(byline_color_pairs()) : 0)
        var defined: Set<Int32> = [0]
        for pair in plan.pairs where init_extended_pair(pair.number, pair.fg, pair.bg) != ERR {
            defined.insert(pair.number)
        }
        looks = Role.allCases.map { role in
            let style = palette[role] ?? palette[.base] ?? ResolvedStyle()
            let pair = plan.pairOfRole[role] ?? 0
            return Look(attributes: Self.attributes(of: style), pair: defined.contains(pair) ? pair : 0)
        }
        blanks = looks.map { look in
            var cell = cchar_t()
            var text: (wchar_t, wchar_t) = (32, 0)
            withUnsafePointer(to: &text) { pointer in
                pointer.withMemoryRebound(to: wchar_t.self, capacity: 2) { byline_set_cell(&cell, $0, look.attributes, look.pair) }
            }
            return cell
        }
        cellLooks = Array(repeating: 0, count: 32)
        for (k, blank) in blanks.enumerated() {
            cellLooks[k] = UInt64(UInt32(truncatingIfNeeded: blank.attr)) | UInt64(UInt32(bitPattern: blank.ext_color)) << 32
        }
        cellLooksAsIs = cellLooks.allSatisfy { look in
            var cell = cchar_t()
            cell.attr = attr_t(truncatingIfNeeded: look)
            cell.ext_color = Int32(bitPattern: UInt32(truncatingIfNeeded: look >> 32))
            return (0x20..<0x7F).allSatisfy { (value: Int32) in
                cell.chars.0 = wchar_t(value)
                return byline_cell_copied_as_is(&cell) != 0
            }
        }
    }

    /// Whether every printable ASCII character in each of ``cellLooks`` is a cell curses draws
    /// as it is (`byline_cell_copied_as_is`): then a run of such cells goes to
    /// `byline_put_as_is_run`, which copies it without looking at each cell.
    private(set) var cellLooksAsIs = false

    /// Indexed like ``looks``: a blank curses cell in each role's look, as `setcchar` makes it;
    /// a plain cell is its role's with the character put in.
    private(set) var blanks: [cchar_t] = []

    /// Indexed like ``looks``, 32 entries (every 5-bit role ordinal): the attributes of the
    /// role's blank (low 32 bits) and its extended colour (high 32 bits), what a plain cell
    /// takes from its role besides its character.
    private(set) var cellLooks: [UInt64] = []

    func look(_ role: Role) -> Look { looks[role.ordinal] }

    private static func attributes(of style: ResolvedStyle) -> attr_t {
        var a = byline_a_normal()
        if style.bold { a |= byline_a_bold() }
        if style.dim { a |= byline_a_dim() }
        if style.italic { a |= byline_a_italic() }
        if style.underline { a |= byline_a_underline() }
        if style.reverse { a |= byline_a_reverse() }
        return a
    }
}

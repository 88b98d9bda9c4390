/// The form of a grapheme cluster that every terminal draws at the same width.
///
/// Terminals disagree about emoji sequences: one draws 👩‍💻 in two cells, another
/// draws 👩 and 💻 side by side in four. The canvas therefore draws a cluster as
/// its base character plus combining marks only: a zero-width-joiner sequence
/// keeps its first emoji, skin-tone modifiers, variation selectors and tags are
/// dropped, and a regional-indicator flag becomes its two letters, one cell each
/// (a terminal that joins them draws the flag in those same two cells).
/// Control characters never survive: they become U+FFFD (a tab becomes a space).
public struct TerminalGlyph: Equatable, Sendable {
    /// The text to send: a base scalar and any combining marks.
    public var text: String
    /// Cells it takes: 1 or 2.
    public var width: Int

    /// The replacement for anything that must not reach the terminal.
    public static let replacement = TerminalGlyph(text: "\u{FFFD}", width: 1)

    /// Split a grapheme cluster into terminal-safe glyphs (usually exactly one; none for
    /// a cluster that is only zero-width characters).
    public static func cells(of character: Character) -> [TerminalGlyph] {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return [] }
        if scalars.count == 1 {
            // A tab that reaches the canvas (word wrap lays tabs out to tab stops; a list row or a
            // status line does not) is a space: a layout character, not a control to send.
            if first == "\t" { return [TerminalGlyph(text: " ", width: 1)] }
            if isUnsafe(first) { return [replacement] }
            let w = DisplayWidth.of(first)
            return w == 0 ? [] : [TerminalGlyph(text: String(first), width: w)]
        }
        if isRegionalIndicator(first) {
            return scalars.filter(isRegionalIndicator).map { TerminalGlyph(text: String($0), width: 1) }
        }
        var base: Unicode.Scalar?
        var text = String.UnicodeScalarView()
        for scalar in scalars {
            if scalar.value == 0x200D { break }  // keep what precedes a zero-width joiner
            if isUnsafe(scalar) { return [replacement] }
            if base == nil {
                if DisplayWidth.of(scalar) == 0 { continue }  // stray leading mark
                base = scalar
                text.append(scalar)
            } else if isCombiningMark(scalar) {
                if text.count < 5 { text.append(scalar) }  // ncurses keeps a few marks per cell
            }
        }
        guard let b = base else { return [] }
        return [TerminalGlyph(text: String(text), width: DisplayWidth.of(b))]
    }

    /// Controls (C0, DEL, C1), bidi overrides and isolates, and line/paragraph separators.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (v >= 0x7F && v < 0xA0) || (0x202A...0x202E).contains(v)
            || (0x2066...0x2069).contains(v) || v == 0x2028 || v == 0x2029
    }

    /// U+FE00–U+FE0F and the ideographic variation selectors U+E0100–U+E01EF.
    static func isVariationSelector(_ scalar: Unicode.Scalar) -> Bool {
        (0xFE00...0xFE0F).contains(scalar.value) || (0xE0100...0xE01EF).contains(scalar.value)
    }

    static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(scalar.value)
    }

    /// Combining marks that terminals draw over the base character. Variation selectors are
    /// marks too (`Mn`), but they ask for emoji or text presentation, which terminals draw at
    /// different widths: they are dropped, so the base character keeps its own width.
    static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        if isVariationSelector(scalar) { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return true
        default: return false
        }
    }
}

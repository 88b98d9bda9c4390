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
        var result: [TerminalGlyph] = []
        forEachGlyph(of: character) { glyph, width in result.append(TerminalGlyph(text: glyph.text, width: width)) }
        return result
    }

    /// The glyph and width a cluster of one scalar is drawn as; nil when it takes no cell.
    static func glyph(ofSingle scalar: Unicode.Scalar) -> (glyph: Glyph, width: Int)? {
        // A tab that reaches the canvas (word wrap lays tabs out to tab stops; a list row or a
        // status line does not) is a space: a layout character, not a control to send.
        if scalar == "\t" { return (.space, 1) }
        if isUnsafe(scalar) { return (replacementGlyph, 1) }
        let w = DisplayWidth.of(scalar)
        return w == 0 ? nil : (Glyph(scalar), w)
    }

    /// ``replacement`` as a glyph.
    static let replacementGlyph = Glyph("\u{FFFD}")

    /// Calls `body` with each terminal-safe glyph of a cluster and its width, as ``cells(of:)``
    /// lists them, without making strings.
    static func forEachGlyph(of character: Character, _ body: (Glyph, Int) -> Void) {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return }
        if scalars.index(after: scalars.startIndex) == scalars.endIndex {
            if let (glyph, width) = glyph(ofSingle: first) { body(glyph, width) }
            return
        }
        if isRegionalIndicator(first) {
            for scalar in scalars where isRegionalIndicator(scalar) { body(Glyph(scalar), 1) }
            return
        }
        var glyph = Glyph.none
        var marks = 0
        for scalar in scalars {
            if scalar.value == 0x200D { break }  // keep what precedes a zero-width joiner
            if isUnsafe(scalar) {
                body(replacementGlyph, 1)
                return
            }
            if glyph.base == 0 {
                if DisplayWidth.of(scalar) == 0 { continue }  // stray leading mark
                glyph = Glyph(scalar)
            } else if isCombiningMark(scalar) {
                if marks < Glyph.maxMarks { glyph.append(mark: scalar) }  // ncurses keeps a few marks per cell
                marks += 1
            }
        }
        guard let base = glyph.scalar else { return }
        body(glyph, DisplayWidth.of(base))
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

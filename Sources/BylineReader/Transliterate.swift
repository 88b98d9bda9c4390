import BylineCanvas
import Foundation

/// Text for a terminal that shows ASCII only (`--ascii`, or a locale that is not UTF-8, as over
/// SSH without one): typographic punctuation and accented letters become their plain forms
/// (“ ” → ", ‘ ’ → ', — – → -, … → ..., é → e, ß → ss) instead of `?`.
///
/// It runs on text before it is measured and wrapped, since a form can be wider than the
/// character it replaces (… is one cell, ... three). What has no plain form (Greek, CJK, emoji)
/// becomes one `?` per character.
public enum Transliterate {
    /// The ASCII form of `text`; text that is ASCII already comes back as it is.
    public static func toASCII(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            if character.isASCII {
                out.append(character)
                continue
            }
            out += ascii(of: character)
        }
        return out
    }

    /// `text` as a terminal shows it: its ASCII form when `ascii`, else as it is.
    public static func forTerminal(_ text: String, ascii: Bool) -> String {
        ascii ? toASCII(text) : text
    }

    /// One character's ASCII form: a table of punctuation and letters first, then the letter
    /// without its accents (canonical decomposition, marks dropped), else `?`.
    static func ascii(of character: Character) -> String {
        var kept = ""
        for scalar in character.unicodeScalars {
            if scalar.isASCII {
                kept.unicodeScalars.append(scalar)
            } else if let form = table[scalar.value] {
                kept += form
            } else if scalar.properties.generalCategory == .spaceSeparator {
                kept += " "
            } else if DisplayWidth.of(scalar) == 0 {
                continue  // a combining mark, a joiner, a variation selector
            } else if let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first, base.isASCII {
                kept.unicodeScalars.append(base)
            } else {
                return "?"
            }
        }
        return kept.isEmpty ? "?" : kept
    }

    private static let table: [UInt32: String] = [
        // Quotation marks and apostrophes.
        0x201C: "\"", 0x201D: "\"", 0x201E: "\"", 0x201F: "\"", 0x00AB: "\"", 0x00BB: "\"", 0x2033: "\"",
        0x2018: "'", 0x2019: "'", 0x201A: "'", 0x201B: "'", 0x2032: "'", 0x2039: "'", 0x203A: "'", 0x02BC: "'",
        // Dashes, hyphens and minus.
        0x2010: "-", 0x2011: "-", 0x2012: "-", 0x2013: "-", 0x2014: "-", 0x2015: "-", 0x2212: "-",
        // Dots, bullets, arrows.
        0x2026: "...", 0x00B7: ".", 0x2022: "*", 0x25B8: ">", 0x25B6: ">", 0x2190: "<-", 0x2192: "->",
        0x2191: "^", 0x2193: "v", 0x2502: "|", 0x2503: "|", 0x2500: "-",
        // Letters that do not decompose.
        0x00DF: "ss", 0x00E6: "ae", 0x00C6: "AE", 0x0153: "oe", 0x0152: "OE", 0x00F8: "o", 0x00D8: "O",
        0x0142: "l", 0x0141: "L", 0x0111: "d", 0x0110: "D", 0x00F0: "d", 0x00D0: "D", 0x00FE: "th",
        0x00DE: "Th", 0x0131: "i", 0x0127: "h", 0x0126: "H",
        // Signs.
        0x00A3: "GBP", 0x20AC: "EUR", 0x00A5: "JPY", 0x00A2: "c", 0x00A9: "(C)", 0x00AE: "(R)", 0x2122: "(TM)",
        0x00B0: " deg", 0x00D7: "x", 0x00F7: "/", 0x00B1: "+/-", 0x00BD: "1/2", 0x00BC: "1/4", 0x00BE: "3/4",
        0x00B2: "2", 0x00B3: "3", 0x00B9: "1", 0x00A1: "!", 0x00BF: "?", 0x00A7: "S", 0x00B6: "P",
        0xFFFD: "?",
    ]
}

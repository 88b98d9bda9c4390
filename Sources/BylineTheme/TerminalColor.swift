/// A colour as written in a theme, and as handed to the terminal after depth mapping.
///
/// In a theme, `.indexed(0...15)` are the terminal's own ANSI colours (whatever its
/// palette makes of them), `.indexed(16...255)` the xterm-256 cube and grey ramp, and
/// `.rgb` an exact colour. After ``Theme/resolved(depth:)`` the values fit the depth:
/// 0–7 at ``ColorDepth/ansi8``, 0–15 at ``ColorDepth/ansi16``, 0–255 at
/// ``ColorDepth/indexed256``, and `.rgb` (plus 0–7) only at ``ColorDepth/truecolor``.
public enum TerminalColor: Hashable, Sendable {
    /// The terminal's own foreground or background.
    case terminalDefault
    /// A palette index.
    case indexed(Int)
    /// A direct 24-bit colour.
    case rgb(UInt8, UInt8, UInt8)
}

// MARK: - Theme spelling

extension TerminalColor {
    /// The eight ANSI colour names, in palette order.
    static let ansiNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// What a colour value in a theme may look like (for error messages).
    static let accepted = "use default, an ANSI name, colorN or #rrggbb"

    /// Reads a colour as spelled in a theme file.
    ///
    /// Accepts `default`; the ANSI names `black` … `white` and their bright forms
    /// (`brightred`, `bright-red`, `bright_red`, `bright red`); `colorN` or `colourN`
    /// with N in 0…255; and `#rrggbb`. Case does not matter.
    /// - Throws: ``ColorSpellingError`` saying what is wrong.
    public init(themeSpelling text: String) throws(ColorSpellingError) {
        let word = text.trimmingWhitespace().lowercased()
        if word == "default" {
            self = .terminalDefault
            return
        }
        if let index = Self.ansiNames.firstIndex(of: word) {
            self = .indexed(index)
            return
        }
        if word.hasPrefix("bright") {
            var rest = word.dropFirst("bright".count)
            if let first = rest.first, first == "-" || first == "_" || first == " " { rest = rest.dropFirst() }
            if let index = Self.ansiNames.firstIndex(of: String(rest)) {
                self = .indexed(index + 8)
                return
            }
        }
        for prefix in ["colour", "color"] where word.hasPrefix(prefix) {
            let digits = word.dropFirst(prefix.count)
            guard !digits.isEmpty, digits.count <= 6, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let index = Int(digits)
            else { break }
            guard (0...255).contains(index) else { throw .indexOutOfRange(index) }
            self = .indexed(index)
            return
        }
        if word.hasPrefix("#") {
            let hex = word.dropFirst()
            guard hex.count == 6, let value = UInt32(hex, radix: 16) else { throw .unknown(text) }
            self = .rgb(UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff))
            return
        }
        throw .unknown(text)
    }
}

/// Why a colour in a theme could not be read.
public enum ColorSpellingError: Error, Equatable, Sendable {
    /// Not a colour name, `colorN` or `#rrggbb`.
    case unknown(String)
    /// `colorN` with N outside 0…255.
    case indexOutOfRange(Int)
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        var view = Substring(self)
        while let first = view.first, first.isWhitespace { view = view.dropFirst() }
        while let last = view.last, last.isWhitespace { view = view.dropLast() }
        return String(view)
    }
}

// libFuzzer entry for the TOML files Byline reads: every input is parsed both as a theme and as
// the config file, through the same calls the reader makes. Whatever the bytes, the answer is a
// usable theme (resolved at every colour depth) or config, or a one-line, terminal-safe error.
import BylineCanvas
import BylineTheme
import FuzzSupport

@main
enum TomlFuzz {
    static func main() { Fuzz.run(fuzzToml) }
}

/// Text that reaches the terminal or stderr as is: no controls, no bidi overrides, one line.
private func checkSafe(_ text: String, _ what: String, _ input: String) {
    if let bad = text.unicodeScalars.first(where: TerminalGlyph.isUnsafe) {
        Fuzz.violated("\(what) holds U+\(String(bad.value, radix: 16, uppercase: true)): \(text.debugDescription.prefix(120))", input)
    }
}

private func checkError(_ error: ThemeError, file: String, _ input: String) {
    checkSafe(error.description, "error", input)
    if !error.description.hasPrefix("byline: \(file)") { Fuzz.violated("error without its file: \(error.description)", input) }
    let lines = input.split(separator: "\n", omittingEmptySubsequences: false).count
    if let line = error.line, !(1...max(lines, 1)).contains(line) {
        Fuzz.violated("error on line \(line) of \(lines): \(error.description)", input)
    }
}

private func checkTheme(_ text: String) {
    let file = "/fuzz/theme.toml"
    let theme: Theme
    do throws(ThemeError) {
        theme = try Theme(parsing: text, file: file, defaultName: "fuzz")
    } catch {
        checkError(error, file: file, text)
        return
    }
    checkSafe(theme.name, "theme name", text)
    checkSafe(theme.description, "theme description", text)
    // One depth per input (resolving is the slow part): the input's length picks it.
    for depth in [ColorDepth.allCases[text.utf8.count % ColorDepth.allCases.count]] {
        let palette = theme.resolved(depth: depth)
        if palette.count != Role.allCases.count { Fuzz.violated("\(palette.count) roles resolved at \(depth)", text) }
        let plan = ColorPairPlan(palette: palette, limit: 256)
        if plan.pairs.count > Role.allCases.count { Fuzz.violated("\(plan.pairs.count) colour pairs at \(depth)", text) }
        for style in palette.values {
            for colour in [style.fg, style.bg] {
                switch (colour, depth) {
                case (.terminalDefault, _): break
                case (.indexed(let n), .attributesOnly): Fuzz.violated("colour \(n) with no colours", text)
                case (.indexed(let n), _) where n < 0 || n >= max(depth.rawValue, 8):
                    Fuzz.violated("colour \(n) at \(depth)", text)
                case (.rgb, let d) where d != .truecolor: Fuzz.violated("direct colour at \(depth)", text)
                default: break
                }
            }
        }
    }
}

private func checkConfig(_ text: String) {
    let file = "/fuzz/byline/config.toml"
    do throws(ThemeError) {
        let config = try BylineConfig(parsing: text, file: file, environment: ["HOME": "/home/fuzz"])
        if let theme = config.theme, theme.allSatisfy(\.isWhitespace) {
            Fuzz.violated("config names an empty theme", text)
        }
    } catch {
        checkError(error, file: file, text)
    }
}

private func fuzzToml(_ input: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    // Files are read as UTF-8 (anything else is refused before parsing); mutated bytes are
    // decoded leniently so they still reach the parser.
    let text = String(decoding: Fuzz.bytes(input, size), as: UTF8.self)
    checkTheme(text)
    checkConfig(text)
    return 0
}

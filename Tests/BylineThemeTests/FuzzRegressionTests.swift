import Testing
@testable import BylineTheme

/// Inputs the TOML fuzz target (`Fuzz/run.sh 600 toml`) found: what a theme or config file
/// says reaches the terminal (`--list-themes`, error lines) only as one line of safe text.
@Suite("Themes and config: fuzz findings")
struct ThemeFuzzRegressionTests {
    @Test("a syntax error quoting a control character is reported without it")
    func syntaxErrorWithControl() {
        // Found: `bold = tru\u{01}` gave "expected 'true', saw 'tru\u{01}'" with the raw byte.
        let error = themeError { _ = try Theme(parsing: "[headline]\nbold = tru\u{01}\n", file: "t.toml") }
        #expect(error?.description == "byline: t.toml:2: TOML syntax error: error while parsing boolean: expected 'true', saw 'tru'")
    }

    @Test("an unknown key or colour holding an escape sequence is reported without the escape")
    func unknownKeyWithEscape() {
        let key = themeError { _ = try Theme(parsing: "\"\\u001b]0;pwned\\u0007\" = 1\n", file: "t.toml") }
        #expect(key?.description.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 } == false)
        #expect(key?.description.contains("]0;pwned") == true)
        let colour = themeError { _ = try BylineConfig(parsing: "color = \"\\u009b31m\\n\\u202e\"\n", file: "c.toml") }
        #expect(colour?.description == "byline: c.toml:1: color must be \"auto\", \"always\" or \"never\", not \"31m \"")
    }

    @Test("a theme's name and description are one line of safe text (--list-themes prints them)")
    func nameAndDescription() throws {
        let theme = try Theme(parsing: "name = \"Evil\\u001b[2J\"\ndescription = \"\"\"two\nlines\\u001b]52;c;aGk=\\u0007\"\"\"\n", file: "t.toml")
        #expect(theme.name == "Evil[2J")
        #expect(theme.description == "two lines]52;c;aGk=")
    }
}

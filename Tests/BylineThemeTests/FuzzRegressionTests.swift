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

    @Test("a table header toml++ would abort on is a syntax error with its line")
    func headersThatAbortedTheParser() {
        // Found: the `errors` seed with bytes A5 9E 8C 9A in a [[header]] (read as U+FFFD) made
        // toml++ fail an assertion in parse_key and abort the program.
        let found = "name = \"\"\"multi\nline\"\"\"\ndescription = 'RAWQ'\n[[\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}]]\nfg = 1\n"
            .replacingOccurrences(of: "RAWQ", with: "''raw \\n ''")
        #expect(themeError { _ = try Theme(parsing: found, file: "t.toml") }?.description
            == "byline: t.toml:4: TOML syntax error: a table name must be quoted or start with a letter, a digit, - or _, not '\u{FFFD}'")
        let cases: [(String, Int, String)] = [
            ("[!]\n", 1, "'!'"), ("[\n", 1, "the end of the line"), ("[[\n", 1, "the end of the line"),
            ("[\t#]", 1, "'#'"), ("[[[a]]]", 1, "'['"), ("[a]\nbold = true\n  [é]\n", 3, "'é'"),
            ("[\u{1B}]", 1, "U+1B"), ("[headline]\nfg = \"red\" # [!]\n[.]\n", 3, "'.'"),
        ]
        for (text, line, found) in cases {
            let error = themeError { _ = try BylineConfig(parsing: text, file: "c.toml") }
            #expect(error?.line == line, "\(text.debugDescription)")
            #expect(error?.message.hasSuffix("not \(found)") == true, "\(text.debugDescription): \(error?.message ?? "no error")")
        }
    }

    @Test("brackets in strings, comments and values spanning lines are not headers")
    func notHeaders() throws {
        let text = [
            "name = \"[!]\"  # [!]",
            "description = \"\"\"",
            "[!] and \\\"\" [",
            "[é]\"\"\"",
            "[headline] # [!",
            "fg = '[!'",
        ].joined(separator: "\n")
        #expect(TOMLPreflight.firstProblem(in: text) == nil)
        #expect(themeError { _ = try Theme(parsing: text, file: "t.toml") }?.message.hasPrefix("unknown colour \"[!\"") == true)
        #expect(TOMLPreflight.firstProblem(in: "a = [\n  [+1],\n  { b = 2 },\n]\n[ok]\n") == nil)
        #expect(TOMLPreflight.firstProblem(in: "a = [\n  1,\n]\n[!]\n")?.line == 4)
        // toml++ reports these itself, without aborting.
        #expect(TOMLPreflight.firstProblem(in: "[ [a]]\n[ 'q' ]\n[\"x\".y]\n[") == nil)
    }

    @Test("a value that starts like a number or a date but is neither is a syntax error with its line")
    func valuesThatAbortedTheParser() {
        // Found: `txeme =1979-05-27T` followed by three quotes and mutated bytes made toml++ fail
        // an assertion in parse_time and abort the program; `a = 1979-05-27T:` is the short form.
        let found = "txeme =1979-05-27T'''\u{FFFD}{:00\u{FFFD}Z \"paper\"\noock\"\n"
        #expect(themeError { _ = try Theme(parsing: found, file: "t.toml") }?.description
            == "byline: t.toml:1: TOML syntax error: \"1979-05-27T'''\u{FFFD}{:00\u{FFFD}Z\" is not a number, a date or a time")
        for text in ["a = 1979-05-27T:", "a = 1979-05-27T'x:00", "x = [1, 2x]", "x = { a = 07:3:1 }", "a = 1979-05-27 07:"] {
            let message = themeError { _ = try BylineConfig(parsing: text, file: "c.toml") }?.message
            #expect(message?.hasSuffix("is not a number, a date or a time") == true, "\(text): \(message ?? "no error")")
        }
        // Numbers, dates and times toml++ reads are left to it (a config rejects them itself).
        for text in ["a = 1", "a = 0x1F", "a = 0o17", "a = 0b101", "a = 1_000.5e-3", "a = -inf", "a = nan", "a = 1979-05-27",
                     "a = 07:32:00.5", "a = 1979-05-27T07:32:00Z", "a = 1979-05-27 07:32:00+01:00", "a = [1, [2, 3]]",
                     "x = { 1a = 2, b = 3 }", "1979-05-27 = 1", "[1.5]\n2x = 1"] {
            #expect(TOMLPreflight.firstProblem(in: text) == nil, "\(text)")
        }
    }
}

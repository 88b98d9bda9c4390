import Testing
@testable import BylineTheme

@Suite("Theme and config errors")
struct ThemeErrorTests {
    /// Writes `text` to a temp file named `x.toml`, loads it, and returns the error.
    private func error(loading text: String, name: String = "x.toml") throws -> ThemeError? {
        let dir = try TemporaryDirectory()
        defer { dir.cleanUp() }
        let path = try dir.write(name, text)
        let error = themeError { _ = try Theme.load(path: path) }
        // Report relative to the temp dir so assertions read naturally.
        return error.map { ThemeError(file: $0.file?.replacingOccurrences(of: dir.path + "/", with: ""), line: $0.line, message: $0.message) }
    }

    private func expectOneLine(_ error: ThemeError?, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(error?.description.contains("\n") == false, sourceLocation: sourceLocation)
        #expect(error?.description.hasPrefix("byline: ") == true, sourceLocation: sourceLocation)
    }

    @Test("a TOML syntax error names the file and line")
    func syntaxError() throws {
        let error = try error(loading: """
            name = "X"

            [headline]
            fg = "red
            bold = true
            """)
        #expect(error?.file == "x.toml")
        #expect(error?.line == 4)
        #expect(error?.description.hasPrefix("byline: x.toml:4: TOML syntax error") == true)
        expectOneLine(error)
    }

    @Test("an unknown role names the role and its line")
    func unknownRole() throws {
        let error = try error(loading: """
            name = "X"
            [base]
            fg = "red"

            [headlines]
            bold = true
            """)
        #expect(error?.line == 5)
        #expect(error?.description.hasPrefix(#"byline: x.toml:5: unknown role "headlines""#) == true)
        expectOneLine(error)
    }

    @Test("an unknown dotted role is found under its table")
    func unknownDottedRole() throws {
        let error = try error(loading: """
            [list.selected]
            bold = true
            [list.chosen]
            bold = true
            """)
        #expect(error?.description == #"byline: x.toml:3: unknown role "list.chosen" (roles: \#(roleList))"#)
    }

    @Test("an unknown colour reads as in the issue")
    func unknownColour() throws {
        let error = try error(loading: """
            name = "X"

            [base]
            fg = "default"

            [headline]
            fg = "blurple"
            """)
        #expect(error?.description == #"byline: x.toml:7: unknown colour "blurple" for headline.fg (use default, an ANSI name, colorN or #rrggbb)"#)
    }

    @Test("a colour index out of range says so")
    func indexOutOfRange() throws {
        let error = try error(loading: """
            [list.selected-unfocused]
            bg = "color300"
            """)
        #expect(error?.description == "byline: x.toml:2: colour index 300 for list.selected-unfocused.bg is out of range (colorN takes 0 to 255)")
    }

    @Test("a wrong type names the setting and both types")
    func wrongType() throws {
        let bold = try error(loading: """
            [headline]
            fg = "red"
            bold = "yes"
            """)
        #expect(bold?.description == "byline: x.toml:3: headline.bold must be true or false, not a string")

        let fg = try error(loading: """
            [status]
            fg = 3
            """)
        #expect(fg?.line == 2)
        #expect(fg?.message.hasPrefix("status.fg must be a colour string") == true)
        #expect(fg?.message.hasSuffix("not an integer") == true)

        let name = try error(loading: "name = 7\n")
        #expect(name?.description == "byline: x.toml:1: name must be a string, not an integer")
    }

    @Test("an unknown setting or top-level key is named")
    func unknownKeys() throws {
        let setting = try error(loading: """
            [headline]
            colour = "red"
            """)
        #expect(setting?.line == 2)
        #expect(setting?.message.hasPrefix(#"unknown setting "colour" in [headline]"#) == true)

        let top = try error(loading: """
            name = "X"
            author = "me"
            """)
        #expect(top?.line == 2)
        #expect(top?.message.hasPrefix(#"unknown key "author""#) == true)

        let group = try error(loading: """
            [list]
            fg = "red"
            """)
        #expect(group?.line == 2)
        #expect(group?.message.hasPrefix(#""list" is not a role"#) == true)
    }

    @Test("dotted keys and inline tables are located too")
    func otherSpellings() throws {
        let dotted = try error(loading: """
            name = "X"
            headline.fg = "red"
            list.selected.bold = 1
            """)
        #expect(dotted?.description == "byline: x.toml:3: list.selected.bold must be true or false, not an integer")

        let inline = try error(loading: """
            name = "X"
            "list.read" = { fg = "red" }
            standfirst = { fg = "nope" }
            """)
        #expect(inline?.line == 3)
        #expect(inline?.message.hasPrefix(#"unknown colour "nope" for standfirst.fg"#) == true)
    }

    @Test("with several mistakes, the first in the file is reported")
    func firstMistake() throws {
        let error = try error(loading: """
            [status]
            bold = "no"
            [headline]
            fg = "blurple"
            """)
        #expect(error?.line == 2)
    }

    @Test("a missing file is an error naming it")
    func missingFile() {
        let error = themeError { _ = try Theme.load(path: "/nonexistent/byline/zz.toml") }
        #expect(error?.description == "byline: /nonexistent/byline/zz.toml: no such theme file")
    }

    // MARK: - Config

    @Test("a config with an unknown key names it and its line")
    func configUnknownKey() {
        let error = themeError {
            _ = try BylineConfig(parsing: "theme = \"dark\"\n\ncolour = \"never\"\n", file: "config.toml")
        }
        #expect(error?.description == #"byline: config.toml:3: unknown key "colour" (the config file takes theme, color, watch, state, sort, mouse, clipboard and keys)"#)
    }

    @Test("a config with a bad colour choice or type says what is allowed")
    func configBadValues() {
        let choice = themeError { _ = try BylineConfig(parsing: "color = \"sometimes\"\n", file: "c.toml") }
        #expect(choice?.description == #"byline: c.toml:1: color must be "auto", "always" or "never", not "sometimes""#)
        let type = themeError { _ = try BylineConfig(parsing: "theme = true\n", file: "c.toml") }
        #expect(type?.line == 1)
        #expect(type?.message.contains("not a boolean") == true)
        let syntax = themeError { _ = try BylineConfig(parsing: "theme = \n", file: "c.toml") }
        #expect(syntax?.line == 1)
        #expect(syntax?.message.hasPrefix("TOML syntax error") == true)
    }

    @Test("a config's sort is name, newest or longest")
    func configSort() throws {
        #expect(try BylineConfig(parsing: "sort = \"newest\"\n", file: "c.toml").sort == "newest")
        #expect(try BylineConfig(parsing: "sort = \"Longest\"\n", file: "c.toml").sort == "longest")
        let bad = themeError { _ = try BylineConfig(parsing: "sort = \"size\"\n", file: "c.toml") }
        #expect(bad?.description == #"byline: c.toml:1: sort must be "name", "newest" or "longest", not "size""#)
    }

    private var roleList: String {
        "base, border, list.normal, list.selected, list.selected-unfocused, list.read, list.unread, headline, standfirst, body, crosshead, pullquote, attribution, quote-mark, boilerplate, sidebar.normal, sidebar.current, status, help, search-match, search-current, error"
    }
}

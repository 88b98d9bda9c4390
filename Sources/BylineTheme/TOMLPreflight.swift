/// Finds what would make TOMLKit's parser abort the program, before it sees the text.
///
/// toml++ (the C++ parser inside TOMLKit 0.6.0) checks some of its own assumptions with
/// `assert`, which aborts the whole program when an unusual input breaks them. The toml fuzz
/// target found two such families, both reachable from a theme or config file as typed:
/// - a table header whose name starts with anything but a bare-key character or a quote: `[!]`,
///   `[é]`, or a `[` alone at the end of a line, as in a half-edited theme;
/// - a value that starts like a number or a date but is neither: `a = 1979-05-27T:`.
/// The scan knows just enough TOML to find headers and values: it skips the four kinds of
/// string and comments, and tells arrays from inline tables so that a key is never taken for a
/// value. It is stricter than TOML where that cannot matter: no number or date is a valid theme
/// or config setting, so one it rejects would have been an error anyway.
enum TOMLPreflight {
    /// What is wrong, and on which line.
    struct Problem: Equatable {
        let line: Int
        let message: String
    }

    /// The first header or value toml++ cannot take, if any.
    static func firstProblem(in text: String) -> Problem? {
        var scan = Scanner(Array(text.unicodeScalars))
        return scan.run()
    }

    private struct Scanner {
        enum Context { case array, inlineTable }

        let s: [Unicode.Scalar]
        var i = 0
        var line = 1
        var contexts: [Context] = []  // open arrays and inline tables, innermost last
        var lineStart = true
        var headerLine = false
        var expectValue = false

        init(_ s: [Unicode.Scalar]) { self.s = s }

        mutating func run() -> Problem? {
            while i < s.count {
                let c = s[i]
                if c == "\n" {
                    line += 1
                    i += 1
                    if contexts.isEmpty {
                        lineStart = true
                        headerLine = false
                    }
                    continue
                }
                if c == " " || c == "\t" || c == "\r" {
                    i += 1
                    continue
                }
                if lineStart {
                    lineStart = false
                    if c == "[" {
                        if let problem = checkHeader() { return problem }
                        headerLine = true
                        i += 1
                        continue
                    }
                }
                switch c {
                case "#":
                    while i < s.count, s[i] != "\n" { i += 1 }
                    continue
                case "\"", "'":
                    let triple = i + 2 < s.count && s[i + 1] == c && s[i + 2] == c
                    skipString(from: i + (triple ? 3 : 1), quote: c, multiline: triple)
                    expectValue = false
                    continue
                default:
                    break
                }
                if headerLine {
                    i += 1
                    continue
                }
                switch c {
                case "=":
                    expectValue = true
                case "[" where expectValue:
                    contexts.append(.array)
                case "{" where expectValue:
                    contexts.append(.inlineTable)
                    expectValue = false
                case "]", "}":
                    _ = contexts.popLast()
                    expectValue = false
                case ",":
                    expectValue = contexts.last == .array
                default:
                    if expectValue {
                        expectValue = false
                        if c == "+" || c == "-" || c == "." || ("0"..."9").contains(c) {
                            if let problem = checkNumberOrDate() { return problem }
                            continue
                        }
                    }
                }
                i += 1
            }
            return nil
        }

        /// As toml++ reads a header: "[", blanks, maybe a second "[" (after blanks it reports
        /// that itself), blanks, then the name; the end of the text it reports too.
        func checkHeader() -> Problem? {
            var j = skipBlanks(from: i + 1)
            let contiguous = j < s.count && s[j] == "[" && j == i + 1
            if contiguous { j = skipBlanks(from: j + 1) }
            guard j < s.count else { return nil }
            let next = s[j]
            if isBareKey(next) || next == "\"" || next == "'" || next == "]" || (next == "[" && !contiguous) { return nil }
            let found = next == "\n" || next == "\r" ? "the end of the line"
                : Self.isPrintable(next) ? "'\(next)'" : "U+\(String(next.value, radix: 16, uppercase: true))"
            return Problem(line: line, message: "a table name must be quoted or start with a letter, a digit, - or _, not \(found)")
        }

        /// A value starting like a number or a date must be one: an integer (decimal, hex,
        /// octal or binary), a float (or inf, nan), a date, a time, or a date and time.
        mutating func checkNumberOrDate() -> Problem? {
            var token = takeToken()
            // A date and a time may be separated by one space.
            if Self.isDate(token), i + 1 < s.count, s[i] == " ", ("0"..."9").contains(s[i + 1]) {
                i += 1
                token += " " + takeToken()
            }
            if Self.isNumberOrDate(token) { return nil }
            let shown = String(String.UnicodeScalarView(token.unicodeScalars.prefix(40).filter(Self.isPrintable)))
            return Problem(line: line, message: "\"\(shown)\" is not a number, a date or a time")
        }

        /// The characters up to the next blank, comma, bracket, brace or comment.
        mutating func takeToken() -> String {
            var token = String.UnicodeScalarView()
            while i < s.count, !" \t\r\n,]}#".unicodeScalars.contains(s[i]) {
                token.append(s[i])
                i += 1
            }
            return String(token)
        }

        func skipBlanks(from start: Int) -> Int {
            var j = start
            while j < s.count, s[j] == " " || s[j] == "\t" { j += 1 }
            return j
        }

        /// Moves past the string whose body starts at `start` (or to where it breaks off: a
        /// one-line string at the end of its line). Basic strings (`"`) take backslash escapes.
        mutating func skipString(from start: Int, quote: Unicode.Scalar, multiline: Bool) {
            i = start
            while i < s.count {
                let c = s[i]
                if c == "\\" && quote == "\"" {
                    if i + 1 < s.count, s[i + 1] == "\n" { line += 1 }
                    i += 2
                    continue
                }
                if c == "\n" {
                    if !multiline { return }
                    line += 1
                } else if c == quote {
                    if !multiline {
                        i += 1
                        return
                    }
                    if i + 2 < s.count, s[i + 1] == quote, s[i + 2] == quote {
                        i += 3
                        while i < s.count, s[i] == quote { i += 1 }  // up to two quotes may end the body
                        return
                    }
                }
                i += 1
            }
        }

        /// A-Z, a-z, 0-9, `-` and `_`: what a bare key is made of.
        func isBareKey(_ c: Unicode.Scalar) -> Bool {
            switch c {
            case "A"..."Z", "a"..."z", "0"..."9", "-", "_": return true
            default: return false
            }
        }

        static func isPrintable(_ c: Unicode.Scalar) -> Bool {
            !(c.value < 0x20 || (0x7F..<0xA0).contains(c.value) || (0x202A...0x202E).contains(c.value)
              || (0x2066...0x2069).contains(c.value) || c.value == 0x2028 || c.value == 0x2029)
        }

        // MARK: - TOML's number and date forms

        static func isDate(_ token: String) -> Bool {
            token.wholeMatch(of: /[0-9]{4}-[0-9]{2}-[0-9]{2}/) != nil
        }

        static func isNumberOrDate(_ token: String) -> Bool {
            token.wholeMatch(of: /[+-]?(0|[1-9](_?[0-9])*)|0x[0-9A-Fa-f](_?[0-9A-Fa-f])*|0o[0-7](_?[0-7])*|0b[01](_?[01])*/) != nil
                || token.wholeMatch(of: /[+-]?((0|[1-9](_?[0-9])*)(\.[0-9](_?[0-9])*([eE][+-]?[0-9](_?[0-9])*)?|[eE][+-]?[0-9](_?[0-9])*)|inf|nan)/) != nil
                || isDate(token)
                || token.wholeMatch(of: /([0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ])?[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?([Zz]|[+-][0-9]{2}:[0-9]{2})?/) != nil
        }
    }
}

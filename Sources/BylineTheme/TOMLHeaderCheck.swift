/// Finds the table headers that would make TOMLKit's parser abort the program.
///
/// toml++ (the C++ parser inside TOMLKit 0.6.0) asserts, and so aborts Byline, when a table
/// header's name starts with anything but a bare-key character or a quote: `[!]`, `[é]`, or a
/// `[` alone at the end of a line, as a half-edited theme has (the toml fuzz target found it).
/// Byline checks the headers itself before handing the text over. The scan knows just enough
/// TOML to tell where a header can start: at the beginning of a line, outside the four kinds of
/// string, comments, and values that span lines inside brackets or braces.
enum TOMLHeaderCheck {
    /// The first header toml++ cannot take: its line, and the character found where the name
    /// should start.
    static func firstBadHeader(in text: String) -> (line: Int, found: Unicode.Scalar)? {
        let s = Array(text.unicodeScalars)
        var i = 0
        var line = 1
        var depth = 0  // brackets and braces open in a value (or a header)
        var lineStart = true
        while i < s.count {
            let c = s[i]
            if c == "\n" {
                line += 1
                i += 1
                lineStart = depth == 0
                continue
            }
            if lineStart {
                if c == " " || c == "\t" || c == "\r" {
                    i += 1
                    continue
                }
                lineStart = false
                // As toml++ reads a header: "[", blanks, maybe a second "[" (after blanks it
                // reports that itself), blanks, then the name; the end of the text it reports too.
                if c == "[" {
                    var j = skipBlanks(s, from: i + 1)
                    let contiguous = j < s.count && s[j] == "[" && j == i + 1
                    if contiguous { j = skipBlanks(s, from: j + 1) }
                    if j < s.count, !(isBareKey(s[j]) || s[j] == "\"" || s[j] == "'" || s[j] == "]" || (s[j] == "[" && !contiguous)) {
                        return (line, s[j])
                    }
                }
            }
            switch c {
            case "#":
                while i < s.count, s[i] != "\n" { i += 1 }
                continue
            case "\"", "'":
                let triple = i + 2 < s.count && s[i + 1] == c && s[i + 2] == c
                i = skipString(s, from: i + (triple ? 3 : 1), quote: c, multiline: triple, line: &line)
                continue
            case "[", "{":
                depth += 1
            case "]", "}":
                depth = max(0, depth - 1)
            default:
                break
            }
            i += 1
        }
        return nil
    }

    private static func skipBlanks(_ s: [Unicode.Scalar], from start: Int) -> Int {
        var j = start
        while j < s.count, s[j] == " " || s[j] == "\t" { j += 1 }
        return j
    }

    /// A-Z, a-z, 0-9, `-` and `_`: what a bare key is made of.
    private static func isBareKey(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "A"..."Z", "a"..."z", "0"..."9", "-", "_": return true
        default: return false
        }
    }

    /// The index just past the string whose body starts at `start` (or where it breaks off:
    /// a one-line string at the end of its line). Basic strings (`"`) take backslash escapes.
    private static func skipString(_ s: [Unicode.Scalar], from start: Int, quote: Unicode.Scalar,
                                   multiline: Bool, line: inout Int) -> Int {
        var i = start
        while i < s.count {
            let c = s[i]
            if c == "\\" && quote == "\"" {
                if i + 1 < s.count, s[i + 1] == "\n" { line += 1 }
                i += 2
                continue
            }
            if c == "\n" {
                if !multiline { return i }
                line += 1
            } else if c == quote {
                if !multiline { return i + 1 }
                if i + 2 < s.count, s[i + 1] == quote, s[i + 2] == quote {
                    i += 3
                    while i < s.count, s[i] == quote { i += 1 }  // up to two quotes may end the body
                    return i
                }
            }
            i += 1
        }
        return i
    }
}

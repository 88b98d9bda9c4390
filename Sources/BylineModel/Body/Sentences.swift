/// Sentence ends in running text, as the body splitter and the boilerplate rules need them.
///
/// A sentence ends at `.`, `!`, `?` or `…` (with any closing quote marks or brackets after
/// it) followed by whitespace and a capital letter, a digit, an opening quote mark or bracket,
/// when the full stop does not end an abbreviation (`Mr.`, `Sen.`, `U.S.`, `Jan.`), an initial
/// (`John A. Boehner`) or a number (`3.5` never breaks anyway). A sentence end inside a double
/// quotation is skipped when `outsideQuotes` is set, so a quotation is never cut in two. A
/// stand-alone junk word (`ADVERTISEMENT`) between two sentences is a sentence of its own.
enum Sentences {
    /// Scalar offsets where sentences start (the first is always 0).
    static func starts(_ s: [Unicode.Scalar], outsideQuotes: Bool) -> [Int] {
        var result = [0]
        var inQuote = false
        var i = 0
        let n = s.count
        while i < n {
            let c = s[i]
            switch c {
            case "\u{201C}", "\u{201E}", "\u{00AB}": inQuote = true
            case "\u{201D}", "\u{00BB}": inQuote = false
            case "\"":
                // Straight quotes open after a space (or at the start) and close otherwise.
                inQuote = i == 0 || TextScan.isSpace(s[i - 1]) || s[i - 1] == "(" ? true : false
            case ".", "!", "?", "…":
                var j = i + 1
                while j < n, "\"'”’)]".unicodeScalars.contains(s[j]) {
                    if s[j] == "\u{201D}" || s[j] == "\"" { inQuote = false }
                    j += 1
                }
                guard j < n, TextScan.isSpace(s[j]) else { i = j; continue }
                var k = j
                while k < n, TextScan.isSpace(s[k]) { k += 1 }
                guard k < n else { i = k; continue }
                let next = s[k]
                let opens = next.properties.isUppercase || next.properties.numericType != nil
                    || "\"“‘'([".unicodeScalars.contains(next)
                    || (next.properties.isAlphabetic && !next.properties.isLowercase && !next.properties.changesWhenUppercased)
                if opens && !(outsideQuotes && inQuote) && !(c == "." && endsAbbreviation(s, dot: i)) {
                    result.append(k)
                }
                i = k
                continue
            default:
                break
            }
            i += 1
        }
        return splitJunkWords(s, result)
    }

    /// Whether the full stop at `dot` ends an abbreviation or an initial.
    static func endsAbbreviation(_ s: [Unicode.Scalar], dot: Int) -> Bool {
        var k = dot
        while k > 0, !TextScan.isSpace(s[k - 1]), s[k - 1] != "(" { k -= 1 }
        let word = TextScan.lowercased(ScalarWriter.string(s[k..<dot]))
        if word.isEmpty { return false }
        if word.count == 1, s[k].properties.isUppercase { return true }  // an initial
        if ParagraphTokens.abbreviations.contains(word) { return true }
        let count = TextScan.characterCount(word)
        if TextScan.isASCII(word) ? word.utf8.contains(0x2E) : word.contains("."), word.unicodeScalars.filter({ $0 == "." }).count >= 1, count <= 6 { return true }  // U.S, a.m
        if count <= 7, word.hasPrefix("d-") || word.hasPrefix("r-") || word.hasPrefix("i-") { return true }
        return false
    }

    /// A sentence that opens with `ADVERTISEMENT` (and the like) stands apart from what follows.
    private static func splitJunkWords(_ s: [Unicode.Scalar], _ starts: [Int]) -> [Int] {
        var result: [Int] = []
        for st in starts {
            result.append(st)
            for word in junkWords {
                let w = Array(word.unicodeScalars)
                guard st + w.count + 1 < s.count, Array(s[st..<(st + w.count)]) == w, TextScan.isSpace(s[st + w.count]) else { continue }
                var k = st + w.count
                while k < s.count, TextScan.isSpace(s[k]) { k += 1 }
                if k < s.count, s[k].properties.isUppercase || "\"“‘".unicodeScalars.contains(s[k]) { result.append(k) }
            }
        }
        return result
    }

    private static let junkWords = ["ADVERTISEMENT", "Advertisement", "Scroll down for video", "Story continues below advertisement"]
}

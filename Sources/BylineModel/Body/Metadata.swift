/// Lines above the headline that are not the headline: a URL (the article's source) or a date.
///
/// A **URL line** is one token starting `http://`, `https://` or `www.`, or a host name with a
/// path (`bbc.co.uk/news/uk-123`). A **date line** is at most 12 words, every one of them a
/// date or time word (a month or day name, a number, `am`/`pm`, a time zone, "Updated",
/// "Published", "Posted", "on", "at", separators), with a year or a month among them:
/// "Monday, 3 March 2014", "2014-03-02", "Updated 10:22 AM ET, Mon March 3, 2014".
enum Metadata {
    enum Kind { case source, date }

    /// What a line above the headline is, or nil for a headline.
    static func kind(of line: String) -> Kind? {
        if isURL(line) { return .source }
        if isDate(line) { return .date }
        return nil
    }

    static func isURL(_ line: String) -> Bool {
        // An ASCII line with a space is not a URL (the test below, without lower-casing it).
        if TextScan.isASCII(line), TextScan.contains(line, byte: 0x20) { return false }
        // A space between two ASCII bytes (or an end) is a character of its own, and stays one
        // lower-cased: no URL either (lower-casing and searching a line by characters cost
        // about 18 k instructions a headline).
        if hasLoneSpace(line) { return false }
        let t = TextScan.lowercased(line)
        guard !t.contains(" ") else { return false }
        if t.hasPrefix("http://") || t.hasPrefix("https://") || t.hasPrefix("www.") { return true }
        guard let slash = t.firstIndex(of: "/") else { return false }
        let host = t[..<slash]
        return host.contains(".") && host.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }
            && host.split(separator: ".").last.map { $0.count >= 2 && $0.allSatisfy(\.isLetter) } == true
    }

    /// Whether `line` holds a space byte with an ASCII byte (or an end) on either side.
    private static func hasLoneSpace(_ line: String) -> Bool {
        var copy = line
        return copy.withUTF8 { b in
            let n = b.count
            for k in 0..<n where b[k] == 0x20 {
                if (k == 0 || b[k - 1] < 0x80) && (k + 1 == n || b[k + 1] < 0x80) { return true }
            }
            return false
        }
    }

    private static let months = ["january", "february", "march", "april", "may", "june", "july", "august",
                                 "september", "october", "november", "december", "jan", "feb", "mar", "apr",
                                 "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
    /// Every month word, looked for anywhere in a line, ignoring case.
    private static let monthNames = TextScan.Needles(months)

    private static let days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                               "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"]
    private static let others: WordSet = [
        "am", "pm", "a.m", "p.m", "gmt", "bst", "utc", "et", "est", "edt", "pt", "pst", "pdt", "cet",
        "cest", "updated", "published", "posted", "last", "on", "at", "date", "time", "of", "the", "th",
        "st", "nd", "rd",
    ]

    /// Whether `line` is a date line (see the type's notes). An ASCII line without CR (nearly
    /// every headline, which the list's headline read asks about on every new row) is read from
    /// its bytes; other text as characters.
    static func isDate(_ line: String) -> Bool {
        var copy = line
        if let answer = copy.withUTF8({ b -> Bool? in
            if b.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) { return isASCIIDate(b) }
            return plainWordsSayNoDate(b) ? false : nil
        }) {
            return answer
        }
        return isDateCharacters(line)
    }

    /// Whether a line (any UTF-8) is found no date line from its bytes, as `isDateCharacters`
    /// would find it: its words are read as they come while each is plainly one (ASCII ended
    /// by a separator that stands as a character of its own), and the line is none at the first
    /// word that is no date or time word, at a word with a letter of a few scripts in it, or at
    /// the thirteenth word. False when not sure (anything else comes first, or the line ends).
    ///
    /// Why the bytes give the same words as `isDateCharacters`: lower-casing maps each scalar
    /// on its own, ASCII to ASCII and a letter to letters and marks (never to a separator), so
    /// the lower-cased line has the same words, the ASCII ones lower-cased byte by byte.
    /// Printable ASCII characters, those letters and the separators (space, comma, bar, `·`,
    /// `—`, `–`) each start a character (none is a mark, an extender or after a prepended
    /// sign), and a separator is one character as long as what follows it is no mark or other
    /// extender (none lies below U+0300, among those letters, or in U+2010–U+2027). An ASCII
    /// word is judged by the rules `isASCIIDate` shares with `isDateCharacters` (a test compares
    /// the two); a word with one of those letters is never a date or time word, wherever it
    /// ends: the letter starts a character that is no numeral (`numericType` nil), so the word
    /// is not all numerals and signs, and it is no month, day or other date word with or
    /// without numerals before it (those are ASCII without a k, and only the Kelvin sign
    /// lower-cases into ASCII, to k). `isDateCharacters` says no at the first word that is none,
    /// whatever comes after it (its first test, for a numeral or a month, can only say no too).
    static func plainWordsSayNoDate(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        var count = 0
        var i = 0
        while i < n {
            var end = i
            var separator = 1
            while end < n {
                let c = b[end]
                if c == 0x20 || c == 0x2C || c == 0x7C { break }
                if c > 0x20 && c < 0x7F { end += 1; continue }
                guard let (v, length) = scalar(b, at: end) else { return false }
                if v == 0xB7 || v == 0x2013 || v == 0x2014 { separator = length; break }
                // A letter that is no numeral: this word is no date word.
                return isPlainLetter(v)
            }
            guard end < n else { return false }
            // The separator must be a character of its own.
            let next = end + separator
            if next < n, b[next] >= 0x80 {
                guard let (v, _) = scalar(b, at: next), v < 0x300 || (0x2010...0x2027).contains(v) || isPlainLetter(v) else { return false }
            }
            var lo = i, hi = end
            i = next
            while lo < hi, b[lo] == 0x28 || b[lo] == 0x5B { lo += 1 }                           // ( [
            while hi > lo, b[hi - 1] == 0x29 || b[hi - 1] == 0x5D || b[hi - 1] == 0x3A { hi -= 1 }  // ) ] :
            if lo == hi { continue }
            count += 1
            if count > 12 || !isASCIIDateWord(b, lo..<hi).isWord { return true }
        }
        return false
    }

    /// The scalar whose UTF-8 starts at `b[i]` (a valid string's bytes), and its length.
    private static func scalar(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int)? {
        let c = b[i]
        let length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1
        guard length > 1, i + length <= b.count else { return nil }
        var v = UInt32(c) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length { v = v << 6 | UInt32(b[i + k] & 0x3F) }
        return (v, length)
    }

    /// A letter that is no numeral, mark, extender, prepended sign or separator, and lower-cases
    /// to letters and marks: Latin (U+00C0–U+024F but × and ÷), Cyrillic's basic letters, kana,
    /// Hangul syllables, and the CJK ideographs that are no numeral (一, 三, 万 are).
    private static func isPlainLetter(_ v: UInt32) -> Bool {
        switch v {
        case 0xC0...0x24F: return v != 0xD7 && v != 0xF7
        case 0x410...0x44F, 0x3041...0x3096, 0x30A1...0x30FA, 0xAC00...0xD7A3: return true
        case 0x4E00...0x9FFF: return Unicode.Scalar(v)?.properties.numericType == nil
        default: return false
        }
    }

    /// `isDate` read as characters, for any line (the ASCII ones go by bytes).
    static func isDateCharacters(_ line: String) -> Bool {
        // A date line names a year or a month: a line without a numeral (of any script) or a
        // month's name is none (the test below, without splitting it into words: lower-casing
        // makes no ASCII letter of anything else but a Kelvin sign, and no month has a k).
        if !monthNames.found(in: line), !containsNumeral(line) { return false }
        // Words are looked at as they come: a line is no date as soon as one word is none,
        // whatever its number of words (most lines with a numeral fail at their first word).
        // The words are split off one at a time (splitting the whole line first cost about
        // 30 k instructions for a headline that failed at its first word).
        let lowered = TextScan.lowercased(line)
        var rest = lowered[...]
        var dated = false
        var count = 0
        while !rest.isEmpty {
            let end = rest.firstIndex(where: { $0 == " " || $0 == "," || $0 == "|" || $0 == "·" || $0 == "—" || $0 == "–" }) ?? rest.endIndex
            let w = rest[..<end].trimmingPunctuation()
            rest = end == rest.endIndex ? rest[end...] : rest[rest.index(after: end)...]
            if w.isEmpty { continue }
            count += 1
            guard count <= 12 else { return false }
            if w.allSatisfy({ $0.isNumber || $0 == "/" || $0 == "-" || $0 == ":" || $0 == "." }) {
                let digits = w.filter(\.isNumber).count
                if digits == 4 || (digits >= 6 && (w.contains("/") || w.contains("-"))) { dated = true }
                continue
            }
            if months.contains(w) { dated = true; continue }
            // "3rd", "12th", "10:22am"
            let digitsFirst = w.prefix { $0.isNumber || $0 == ":" }
            if !digitsFirst.isEmpty, others.contains(String(w.dropFirst(digitsFirst.count))) { continue }
            if days.contains(w) || others.contains(w) { continue }
            return false
        }
        return count > 0 && dated
    }
}

// MARK: - ASCII lines

extension Metadata {
    /// `line.unicodeScalars.contains(where: TextScan.isNumeric)`, from the UTF-8 bytes: ASCII
    /// digits by byte, only the scalars above ASCII decoded and looked up.
    static func containsNumeral(_ line: String) -> Bool {
        var copy = line
        return copy.withUTF8 { b in
            var i = 0
            let n = b.count
            while i < n {
                let c = b[i]
                if c < 0x80 {
                    if c >= 0x30 && c <= 0x39 { return true }
                    i += 1
                    continue
                }
                let length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2
                var v = UInt32(c) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for k in 1..<length { v = v << 6 | UInt32(b[i + k] & 0x3F) }
                if let scalar = Unicode.Scalar(v), TextScan.isNumeric(scalar) { return true }
                i += length
            }
            return false
        }
    }
}

extension Metadata {
    /// The words of the date rules as bytes, for ASCII lines.
    private static let monthBytes: [[UInt8]] = months.map { Array($0.utf8) }
    private static let dayBytes: [[UInt8]] = days.map { Array($0.utf8) }

    /// `isDate` for an ASCII line (where every character is a byte, and lower case is ASCII's),
    /// read from its bytes with no string made: the same rules, the same answers (a test
    /// compares the two on many lines).
    ///
    /// Unlike `isDateCharacters` it does not first look for a numeral or a month's name in the
    /// whole line: a line is a date only when a word makes it one (`dates`), and such a word is
    /// a month (so the line holds a month's name) or has four or more ASCII digits (so it holds
    /// a numeral); without either the words say no anyway, and most headlines fail at their
    /// first word, sooner than that search over the whole line (a test compares the two).
    static func isASCIIDate(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        var dated = false
        var count = 0
        var i = 0
        while i < n {
            var end = i
            while end < n, b[end] != 0x20, b[end] != 0x2C, b[end] != 0x7C { end += 1 }  // space , |
            var lo = i, hi = end
            i = end + 1
            while lo < hi, b[lo] == 0x28 || b[lo] == 0x5B { lo += 1 }                           // ( [
            while hi > lo, b[hi - 1] == 0x29 || b[hi - 1] == 0x5D || b[hi - 1] == 0x3A { hi -= 1 }  // ) ] :
            if lo == hi { continue }
            count += 1
            guard count <= 12 else { return false }
            let word = isASCIIDateWord(b, lo..<hi)
            guard word.isWord else { return false }
            if word.dates { dated = true }
        }
        return count > 0 && dated
    }

    /// Whether the ASCII word `b[w]` (not empty, its brackets trimmed) is a date or time word,
    /// and whether it is one that makes a line a date (a year, a full numeric date, a month).
    private static func isASCIIDateWord(_ b: UnsafeBufferPointer<UInt8>, _ w: Range<Int>) -> (isWord: Bool, dates: Bool) {
        @inline(__always) func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }
        @inline(__always) func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        /// Whether `b[range]` is one of `words`, ignoring ASCII case.
        func among(_ words: [[UInt8]], _ range: Range<Int>) -> Bool {
            words.contains { w in
                guard w.count == range.count else { return false }
                for k in 0..<w.count where lower(b[range.lowerBound + k]) != w[k] { return false }
                return true
            }
        }
        func isOther(_ range: Range<Int>) -> Bool {
            guard range.count <= 16 else { return false }
            var word: (UInt64, UInt64) = (0, 0)
            return withUnsafeMutableBytes(of: &word) { raw in
                for k in range { raw[k - range.lowerBound] = lower(b[k]) }
                return others.contains(asciiBytes: UnsafeBufferPointer(start: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), count: range.count))
            }
        }
        let lo = w.lowerBound, hi = w.upperBound
        if w.allSatisfy({ isDigit(b[$0]) || b[$0] == 0x2F || b[$0] == 0x2D || b[$0] == 0x3A || b[$0] == 0x2E }) {
            let digits = w.filter { isDigit(b[$0]) }.count
            return (true, digits == 4 || (digits >= 6 && w.contains { b[$0] == 0x2F || b[$0] == 0x2D }))
        }
        if among(monthBytes, w) { return (true, true) }
        // "3rd", "12th", "10:22am"
        var rest = lo
        while rest < hi, isDigit(b[rest]) || b[rest] == 0x3A { rest += 1 }
        if rest > lo, isOther(rest..<hi) { return (true, false) }
        return (among(dayBytes, w) || isOther(w), false)
    }
}

private extension Substring {
    func trimmingPunctuation() -> String {
        var t = self
        while let f = t.first, f == "(" || f == "[" { t = t.dropFirst() }
        while let l = t.last, l == ")" || l == "]" || l == ":" { t = t.dropLast() }
        return String(t)
    }
}

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

    static func isDate(_ line: String) -> Bool {
        // A date line names a year or a month: a line without a numeral (of any script) or a
        // month's name is none (the test below, without splitting it into words: lower-casing
        // makes no ASCII letter of anything else but a Kelvin sign, and no month has a k).
        if !monthNames.found(in: line), !line.unicodeScalars.contains(where: TextScan.isNumeric) { return false }
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

private extension Substring {
    func trimmingPunctuation() -> String {
        var t = self
        while let f = t.first, f == "(" || f == "[" { t = t.dropFirst() }
        while let l = t.last, l == ")" || l == "]" || l == ":" { t = t.dropLast() }
        return String(t)
    }
}

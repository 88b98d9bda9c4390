import Foundation

/// Decides whether a line repeats speech quoted elsewhere in the article.
///
/// Both sides are normalised: lower case, letters and digits only, so quote marks, case and
/// punctuation do not matter. Every body quote is cut into fragments at sentence ends and dashes,
/// and each fragment and each whole quote is hashed. A line of 4 to 80 words matches when
///  - its whole normalised text is a known quote or fragment, or
///  - every fragment of its own is known (a dash may join two quoted sentences, even from two
///    quotes in consecutive paragraphs), or known fragments of at least 4 words cover 75% of
///    its words, or
///  - it has at least 6 words and appears inside one quote (a trimmed repeat); this last check
///    scans at most a fixed budget of quote text, so huge inputs stay linear.
/// A line never matches a quote in its own paragraph.
struct PullQuoteMatcher {
    private var index: [String: [Int]] = [:]
    /// The index is made on the first `match` (most articles never ask).
    private var indexed = false
    private let quotes: [QuoteFinder.Found]
    private var normalizedQuotes: [String?]
    private var budget = 4_000_000

    init(quotes: [QuoteFinder.Found]) {
        self.quotes = quotes
        self.normalizedQuotes = Array(repeating: nil, count: quotes.count)
    }

    private mutating func makeIndex() {
        indexed = true
        for (k, q) in quotes.enumerated() {
            let pieces = Self.pieces(q.text)
            add(pieces.whole, k)
            for f in pieces.fragments { add(f, k) }
        }
    }

    private mutating func add(_ key: String, _ k: Int) {
        guard !key.isEmpty else { return }
        // In place: the key is hashed once.
        Self.note(k, in: &index[key, default: []])
    }

    private static func note(_ k: Int, in list: inout [Int]) {
        if list.count < 4 && list.last != k { list.append(k) }
    }

    private func lookup(_ key: String, notIn paragraph: Int) -> Int? {
        index[key]?.first { quotes[$0].paragraph != paragraph }
    }

    /// The index (into the quotes given at init) of the quote `line` repeats, or nil.
    mutating func match(_ line: String, notInParagraph paragraph: Int) -> Int? {
        guard !quotes.isEmpty else { return nil }
        if !indexed { makeIndex() }
        let pieces = Self.pieces(line)
        let whole = pieces.whole
        let wordCount = TextScan.countWords(whole)
        guard (4...80).contains(wordCount) else { return nil }
        if let k = lookup(whole, notIn: paragraph) { return k }

        var first: Int?
        var covered = 0
        var allKnown = true
        var longKnown = false
        for f in pieces.fragments {
            let n = TextScan.countWords(f)
            if let k = lookup(f, notIn: paragraph) {
                first = first ?? k
                covered += n
                if n >= 4 { longKnown = true }
            } else {
                allKnown = false
            }
        }
        if let first, allKnown || (longKnown && covered * 4 >= wordCount * 3) { return first }

        guard wordCount >= 6 else { return nil }
        for k in quotes.indices where quotes[k].paragraph != paragraph {
            if normalizedQuotes[k] == nil { normalizedQuotes[k] = TextScan.normalized(quotes[k].text) }
            let q = normalizedQuotes[k]!
            budget -= q.utf8.count + whole.utf8.count
            if budget < 0 { return nil }
            if q.utf8.count >= whole.utf8.count && q.contains(whole) { return k }
        }
        return nil
    }

    /// `TextScan.normalized(text)` and ``fragments(_:)`` of `text`: read in one pass, into
    /// bytes, when every scalar is one `TextScan.Normalizer` answers from its ranges (ASCII,
    /// general punctuation such as curly quotes and dashes, Latin, Greek, Cyrillic, Han,
    /// Hangul), as nearly all quotes are.
    static func pieces(_ text: String) -> (whole: String, fragments: [String]) {
        let s = TextScan.scalars(text)
        guard s.allSatisfy({ PlainNormalizer.answers($0.value) }) else {
            return (TextScan.normalized(text), fragments(text))
        }
        var whole = PlainNormalizer()
        var piece = PlainNormalizer()
        var result: [String] = []
        func flush() {
            if !piece.isEmpty { result.append(piece.string) }
            piece.removeAll()
        }
        for (i, c) in s.enumerated() {
            whole.append(c)
            // The cuts of `fragments` (its CJK marks cannot occur here).
            switch c {
            case ".", "!", "?", "…", ";", "\u{2014}", "\u{2013}", "\u{2015}", "\u{3002}", "\u{FF01}", "\u{FF1F}":
                if c == ".", i + 1 < s.count, !TextScan.isSpace(s[i + 1]), s[i + 1] != "\"", s[i + 1] != "\u{201D}" {
                    piece.append(c)
                } else {
                    flush()
                }
            case "-":
                let spaced = i > 0 && i + 1 < s.count && TextScan.isSpace(s[i - 1]) && (TextScan.isSpace(s[i + 1]) || s[i + 1] == "-")
                if spaced { flush() } else { piece.append(c) }
            default:
                piece.append(c)
            }
        }
        flush()
        return (whole.string, result)
    }

    /// `TextScan.Normalizer` for the scalars it answers from ranges (``answers(_:)``), into
    /// UTF-8 bytes: letters and digits in lower case, every run of anything else one space
    /// between words.
    private struct PlainNormalizer {
        private var bytes: [UInt8] = []
        private var pendingSpace = false

        var isEmpty: Bool { bytes.isEmpty }
        var string: String { String(decoding: bytes, as: UTF8.self) }

        /// Whether `TextScan.Normalizer` decides the scalar `v` without a property look-up: ASCII,
        /// a scalar its ranges call no part of a word, or a word scalar with a one-scalar lower case.
        static func answers(_ v: UInt32) -> Bool {
            if v < 0x80 { return true }
            guard let word = TextScan.knownWordScalar(v), !(v >= 0x483 && v <= 0x489) else { return false }
            return !word || TextScan.lowerScalar(v) != nil
        }

        /// Appends a scalar ``answers(_:)`` accepts.
        @inline(__always)
        mutating func append(_ c: Unicode.Scalar) {
            let v = c.value
            if v < 0x80 {
                let letter = (v >= 0x30 && v <= 0x39) || (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A)
                guard letter else {
                    if !bytes.isEmpty { pendingSpace = true }
                    return
                }
                if pendingSpace { bytes.append(0x20); pendingSpace = false }
                bytes.append(v <= 0x5A && v >= 0x41 ? UInt8(v + 32) : UInt8(v))
                return
            }
            guard TextScan.knownWordScalar(v) == true, let l = TextScan.lowerScalar(v) else {
                if !bytes.isEmpty { pendingSpace = true }
                return
            }
            if pendingSpace { bytes.append(0x20); pendingSpace = false }
            bytes.append(contentsOf: (Unicode.Scalar(l) ?? c).utf8)
        }

        mutating func removeAll() {
            bytes.removeAll(keepingCapacity: true)
            pendingSpace = false
        }
    }

    /// Normalised pieces of `text` cut at sentence ends (. ! ? … 。 ！ ？), semicolons and dashes.
    static func fragments(_ text: String) -> [String] {
        var result: [String] = []
        // Each piece's scalars go straight into its normalised form (what
        // `TextScan.normalized` of the piece's string gives).
        var current = TextScan.Normalizer()
        let s = TextScan.scalars(text)
        func flush() {
            if !current.isEmpty { result.append(current.string) }
            current.removeAll()
        }
        for (i, c) in s.enumerated() {
            switch c {
            case ".", "!", "?", "…", ";", "\u{2014}", "\u{2013}", "\u{2015}", "\u{3002}", "\u{FF01}", "\u{FF1F}":
                // Keep decimal points and abbreviations like "3.5" together.
                if c == ".", i + 1 < s.count, !TextScan.isSpace(s[i + 1]), s[i + 1] != "\"", s[i + 1] != "\u{201D}" {
                    current.append(c)
                } else {
                    flush()
                }
            case "-":
                let spaced = i > 0 && i + 1 < s.count && TextScan.isSpace(s[i - 1]) && (TextScan.isSpace(s[i + 1]) || s[i + 1] == "-")
                if spaced { flush() } else { current.append(c) }
            default:
                current.append(c)
            }
        }
        flush()
        return result
    }
}

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
    /// Every key (whole quote and fragment, normalised) as UTF-8, with up to four quotes each
    /// (see ``KeyTable``): no key is made a `String` or hashed as one when its bytes compare as
    /// text, as nearly all do.
    private var table = KeyTable()
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
        var reader = PlainPieces()
        for (k, q) in quotes.enumerated() {
            if reader.read(q.text) {
                reader.bytes.withUnsafeBufferPointer { b in
                    table.note(k, under: UnsafeBufferPointer(rebasing: b[reader.whole]))
                    for f in reader.fragments { table.note(k, under: UnsafeBufferPointer(rebasing: b[f])) }
                }
            } else {
                // Text the byte reader does not take: its keys made as strings.
                let pieces = Self.pieces(q.text)
                for key in [pieces.whole] + pieces.fragments {
                    var copy = key
                    copy.withUTF8 { table.note(k, under: $0) }
                }
            }
        }
    }

    private func lookup(_ key: String, notIn paragraph: Int) -> Int? {
        var copy = key
        return copy.withUTF8 { b in table.first(under: b) { quotes[$0].paragraph != paragraph } }
    }

    /// Keys (UTF-8) and the quotes filed under each: at most four, in the order noted, a quote
    /// not twice in a row; as a `[String: [Int]]` keeps them, keys being equal when they are
    /// equal as `String`s (canonically equivalent). A key whose bytes compare as text
    /// (`WordTable.comparesAsBytes`) is found by its bytes' FNV-1a hash (open addressing);
    /// another ("odd": Arabic, Greek with breathings) by comparing it as a `String` with the
    /// keys. No two keys kept are equal as strings, so at most one answers a look-up.
    struct KeyTable {
        private var bytes: [UInt8] = []
        /// Per key: its bytes in `bytes`, its hash, and its quotes (`count` of `q`).
        private var entries: [(start: Int32, end: Int32, hash: UInt32, count: Int32, q: (Int32, Int32, Int32, Int32))] = []
        /// The keys that do not compare as bytes (in no slot), by index into `entries`.
        private var odd: [Int] = []
        /// An index into `entries`, or -1.
        private var slots = [Int32](repeating: -1, count: 64)

        static func hash(_ b: UnsafeBufferPointer<UInt8>) -> UInt32 {
            var h: UInt32 = 2_166_136_261
            for c in b { h = (h ^ UInt32(c)) &* 16_777_619 }
            return h
        }

        /// The entry of key `b` (hash `h`) among the slots, or the slot to put it in.
        private func find(_ b: UnsafeBufferPointer<UInt8>, _ h: UInt32) -> (entry: Int?, slot: Int) {
            let mask = slots.count - 1
            var slot = Int(h >> 7) & mask
            while true {
                let e = Int(slots[slot])
                if e < 0 { return (nil, slot) }
                let entry = entries[e]
                if entry.hash == h, Int(entry.end - entry.start) == b.count,
                   bytes.withUnsafeBufferPointer({ all in b.elementsEqual(UnsafeBufferPointer(rebasing: all[Int(entry.start)..<Int(entry.end)])) }) {
                    return (e, slot)
                }
                slot = (slot + 1) & mask
            }
        }

        /// The entry among `candidates` whose key equals `b` as a `String`.
        private func entry(equalTo b: UnsafeBufferPointer<UInt8>, among candidates: some Sequence<Int>) -> Int? {
            let key = String(decoding: b, as: UTF8.self)
            return bytes.withUnsafeBufferPointer { all in
                candidates.first { e in
                    String(decoding: UnsafeBufferPointer(rebasing: all[Int(entries[e].start)..<Int(entries[e].end)]), as: UTF8.self) == key
                }
            }
        }

        /// The entry whose key equals `b` as a `String`, and for a new key that compares as
        /// bytes the slot to put it in.
        private func entry(_ b: UnsafeBufferPointer<UInt8>, _ h: UInt32) -> (entry: Int?, slot: Int?) {
            if WordTable<Bool>.comparesAsBytes(b) {
                let (e, slot) = find(b, h)
                if let e { return (e, slot) }
                // Only an odd key can equal it otherwise.
                return (odd.isEmpty ? nil : entry(equalTo: b, among: odd), slot)
            }
            return (entry(equalTo: b, among: entries.indices), nil)
        }

        /// Files quote `k` under key `b` (nothing for an empty key).
        mutating func note(_ k: Int, under b: UnsafeBufferPointer<UInt8>) {
            guard !b.isEmpty else { return }
            let h = Self.hash(b)
            let (found, slot) = entry(b, h)
            if let e = found {
                let n = Int(entries[e].count)
                let last = withUnsafeBytes(of: entries[e].q) { Int($0.load(fromByteOffset: (n - 1) * 4, as: Int32.self)) }
                guard n < 4, last != k else { return }
                withUnsafeMutableBytes(of: &entries[e].q) { $0.storeBytes(of: Int32(k), toByteOffset: n * 4, as: Int32.self) }
                entries[e].count += 1
                return
            }
            let start = Int32(bytes.count)
            bytes.append(contentsOf: b)
            entries.append((start, Int32(bytes.count), h, 1, (Int32(k), 0, 0, 0)))
            guard let slot else { odd.append(entries.count - 1); return }
            slots[slot] = Int32(entries.count - 1)
            if (entries.count - odd.count) * 2 > slots.count { grow() }
        }

        private mutating func grow() {
            slots = [Int32](repeating: -1, count: slots.count * 2)
            let mask = slots.count - 1
            var oddKeys = Set(odd)
            for (e, entry) in entries.enumerated() where oddKeys.remove(e) == nil {
                var slot = Int(entry.hash >> 7) & mask
                while slots[slot] >= 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(e)
            }
        }

        /// The first quote that passes `test` filed under the key equal to `b`.
        func first(under b: UnsafeBufferPointer<UInt8>, where test: (Int) -> Bool) -> Int? {
            guard !b.isEmpty, let e = entry(b, Self.hash(b)).entry else { return nil }
            let entry = entries[e]
            return withUnsafeBytes(of: entry.q) { q in
                for i in 0..<Int(entry.count) {
                    let k = Int(q.load(fromByteOffset: i * 4, as: Int32.self))
                    if test(k) { return k }
                }
                return nil
            }
        }
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
        var reader = PlainPieces()
        guard reader.read(text) else {
            return (TextScan.normalized(text), fragments(text))
        }
        return reader.bytes.withUnsafeBufferPointer { b in
            (String(decoding: UnsafeBufferPointer(rebasing: b[reader.whole]), as: UTF8.self),
             reader.fragments.map { String(decoding: UnsafeBufferPointer(rebasing: b[$0]), as: UTF8.self) })
        }
    }

    /// ``pieces(_:)`` as bytes, read from the text's UTF-8 in one pass: the normalised text
    /// and each fragment, back to back in ``bytes``.
    struct PlainPieces {
        private(set) var bytes: [UInt8] = []
        private(set) var whole: Range<Int> = 0..<0
        private(set) var fragments: [Range<Int>] = []

        /// Reads `text`; false (and nothing to read) when some scalar is not one
        /// `PlainNormalizer` answers.
        mutating func read(_ text: String) -> Bool {
            var copy = text
            return copy.withUTF8 { read($0) }
        }

        private mutating func read(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
            let n = u.count
            // First pass: every scalar answered (nearly every quote is ASCII bar a few letters).
            var i = 0
            while i < n {
                if u[i] < 0x80 { i += 1; continue }
                let (c, length) = ParagraphTokens.scalar(u, at: i)
                guard PlainNormalizer.answers(c.value) else { return false }
                i += length
            }
            fragments.removeAll(keepingCapacity: true)
            var pieces = fragments
            fragments = []
            var wholeEnd = 0
            // The whole text, then the fragments. Each is at most half as long again as the text:
            // a lower case answered here is at most 3 bytes for 2 (Ⱥ → ⱥ), and a space stands
            // for at least one byte that wrote nothing.
            bytes = [UInt8](unsafeUninitializedCapacity: 4 * n + 16) { out, count in
                var w = 0
                /// `PlainNormalizer.append` at `w`, for the text started at `start`.
                @inline(__always) func append(_ c: Unicode.Scalar, from start: Int, pending: inout Bool) {
                    let v = c.value
                    if v < 0x80 {
                        let letter = (v &- 0x30) < 10 || ((v | 0x20) &- 0x61) < 26
                        guard letter else {
                            if w > start { pending = true }
                            return
                        }
                        if pending { out[w] = 0x20; w += 1; pending = false }
                        out[w] = v <= 0x5A && v >= 0x41 ? UInt8(v + 32) : UInt8(v)
                        w += 1
                        return
                    }
                    guard TextScan.knownWordScalar(v) == true, let l = TextScan.lowerScalar(v) else {
                        if w > start { pending = true }
                        return
                    }
                    if pending { out[w] = 0x20; w += 1; pending = false }
                    for byte in (Unicode.Scalar(l) ?? c).utf8 { out[w] = byte; w += 1 }
                }
                /// An ASCII letter or digit `b` as `append` writes it, or false for any other byte.
                @inline(__always) func appendASCIIWord(_ b: UInt8, pending: inout Bool) -> Bool {
                    guard (b &- 0x30) < 10 || ((b | 0x20) &- 0x61) < 26 else { return false }
                    if pending { out[w] = 0x20; w += 1; pending = false }
                    out[w] = b <= 0x5A && b >= 0x41 ? b | 0x20 : b
                    w += 1
                    return true
                }
                var pending = false
                i = 0
                while i < n {
                    if appendASCIIWord(u[i], pending: &pending) { i += 1; continue }
                    let (c, length) = ParagraphTokens.scalar(u, at: i)
                    append(c, from: 0, pending: &pending)
                    i += length
                }
                wholeEnd = w
                var start = w
                pending = false
                func flush() {
                    if start < w { pieces.append(start..<w) }
                    start = w
                    pending = false
                }
                var previous: Unicode.Scalar?
                i = 0
                while i < n {
                    // Letters and digits (most bytes) are none of the marks below.
                    if appendASCIIWord(u[i], pending: &pending) {
                        previous = Unicode.Scalar(u[i])
                        i += 1
                        continue
                    }
                    let (c, length) = ParagraphTokens.scalar(u, at: i)
                    let nextAt = i + length
                    switch c {
                    case ".", "!", "?", "…", ";", "\u{2014}", "\u{2013}", "\u{2015}", "\u{3002}", "\u{FF01}", "\u{FF1F}":
                        // Keep decimal points and abbreviations like "3.5" together.
                        var keep = false
                        if c == ".", nextAt < n {
                            let next = ParagraphTokens.scalar(u, at: nextAt).scalar
                            keep = !TextScan.isSpace(next) && next != "\"" && next != "\u{201D}"
                        }
                        if keep { append(c, from: start, pending: &pending) } else { flush() }
                    case "-":
                        var spaced = false
                        if let previous, nextAt < n, TextScan.isSpace(previous) {
                            let next = ParagraphTokens.scalar(u, at: nextAt).scalar
                            spaced = TextScan.isSpace(next) || next == "-"
                        }
                        if spaced { flush() } else { append(c, from: start, pending: &pending) }
                    default:
                        append(c, from: start, pending: &pending)
                    }
                    previous = c
                    i = nextAt
                }
                flush()
                count = w
            }
            whole = 0..<wholeEnd
            fragments = pieces
            return true
        }
    }

    /// `TextScan.Normalizer` for the scalars it answers from ranges (``answers(_:)``), into
    /// UTF-8 bytes: letters and digits in lower case, every run of anything else one space
    /// between words.
    enum PlainNormalizer {
        /// Whether `TextScan.Normalizer` decides the scalar `v` without a property look-up: ASCII,
        /// a scalar its ranges call no part of a word, or a word scalar with a one-scalar lower case.
        static func answers(_ v: UInt32) -> Bool {
            if v < 0x80 { return true }
            guard let word = TextScan.knownWordScalar(v), !(v >= 0x483 && v <= 0x489) else { return false }
            return !word || TextScan.lowerScalar(v) != nil
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

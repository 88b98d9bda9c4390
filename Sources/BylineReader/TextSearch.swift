import BylineModel
import Foundation

/// A word (or phrase) of a library search to mark in an article opened from the results.
public struct SearchWord: Equatable, Hashable, Sendable {
    public var text: String
    /// `word*`: marked at the start of longer words too.
    public var prefix: Bool

    public init(_ text: String, prefix: Bool = false) {
        self.text = text
        self.prefix = prefix
    }
}

/// Where a search found its query: a block of the article and UTF-8 offsets in that block's text,
/// addressed as ``TextPosition``s are (the header is block ``TextPosition/header``; a pull
/// quote's attribution line follows its text).
public struct TextMatch: Equatable, Sendable {
    public var block: Int
    public var range: Range<Int>

    public init(block: Int, range: Range<Int>) {
        self.block = block
        self.range = range
    }

    public var start: TextPosition { TextPosition(block: block, offset: range.lowerBound) }
}

/// Finding words in an article as a reader expects: case is ignored unless the query has a
/// capital (smart case), accents are ignored (`cafe` finds `café`), and a match may run across
/// a wrapped line break, since the text is searched before it is wrapped. Matches do not overlap:
/// the leftmost is taken, and the search goes on after its end.
public struct TextSearch: Sendable {
    /// The article's searchable texts folded for searching, joined into one run of bytes (each
    /// text followed by a 0xFF byte, which UTF-8 never holds, so no match runs across two), with
    /// the way back to the original offsets.
    struct Folded: Sendable {
        /// The folded texts' UTF-8, each followed by 0xFF.
        var bytes: [UInt8] = []
        /// For each folded byte, where the character it came from starts and ends in its text.
        var from: [Int32] = []
        var to: [Int32] = []
        /// Where each text starts in `bytes`, in order.
        var starts: [Int] = []
    }

    /// Each searchable text: its block, and its offset within the block's addressing (an
    /// attribution follows its quote).
    private let parts: [(block: Int, base: Int)]
    /// The texts folded with case kept and with case ignored.
    private let exact: Folded
    private let caseless: Folded

    /// Prepares an article for searching (once per article; each query then scans bytes).
    /// - Parameters:
    ///   - unfoldedFooters: search promotional footers too (when they are shown unfolded).
    ///   - attributionPrefix: what the body draws before a pull quote's attribution (its dash).
    public init(article: Article, unfoldedFooters: Bool, attributionPrefix: String) {
        var parts: [(block: Int, base: Int, text: String)] = []
        parts.append((TextPosition.header, 0, article.headline))
        if let standfirst = article.standfirst, !standfirst.isEmpty {
            parts.append((TextPosition.header, article.headline.utf8.count + 1, standfirst))
        }
        for (i, block) in article.blocks.enumerated() {
            if block.kind == .boilerplate && !unfoldedFooters { continue }
            parts.append((i, 0, block.text))
            if block.kind == .pullquote, let who = block.attribution, !who.isEmpty {
                parts.append((i, block.text.utf8.count + 1 + attributionPrefix.utf8.count, who))
            }
        }
        var cache: [Unicode.Scalar: (String, String)] = [:]
        var exact = Folded(), caseless = Folded()
        for part in parts {
            let (e, c) = Self.fold(part.text, cache: &cache)
            exact.append(e)
            caseless.append(c)
        }
        self.parts = parts.map { ($0.block, $0.base) }
        self.exact = exact
        self.caseless = caseless
    }

    /// Every match of any of `terms` (the words and phrases of a library search), in reading
    /// order; where two overlap, the one that starts first (or is longer) is kept.
    public func matches(ofAny terms: [String]) -> [TextMatch] {
        guard terms.count > 1 else { return terms.first.map(matches(of:)) ?? [] }
        return Self.keptInOrder(terms.flatMap(matches(of:)))
    }

    /// Every match of a library search's words: case ignored always (as the index ignores
    /// it), each word found whole (a phrase's words in a row), or at the start of a word for a
    /// prefix (`econom*` marks "econom" in "economy", never in "neoeconomics"); where two
    /// overlap, the one that starts first (or is longer) is kept.
    public func matches(ofWords words: [SearchWord]) -> [TextMatch] {
        var all: [TextMatch] = []
        var cache: [Unicode.Scalar: (String, String)] = [:]
        let bytes = caseless.bytes
        for word in words {
            let needle = Self.fold(Self.collapsed(word.text), cache: &cache).caseless.bytes
            guard !needle.isEmpty else { continue }
            var start = 0
            var part = 0
            while let hit = Self.find(needle, in: bytes, from: start) {
                let end = hit + needle.count
                start = hit + 1
                guard Self.boundary(before: hit, in: bytes),
                      word.prefix || Self.boundary(before: end, in: bytes) else { continue }
                all.append(match(in: caseless, at: hit, length: needle.count, part: &part))
                start = end
            }
        }
        return Self.keptInOrder(all)
    }

    /// Matches sorted into reading order, dropping any that overlaps one kept before it (the
    /// one that starts first, or is longer, is kept).
    private static func keptInOrder(_ all: [TextMatch]) -> [TextMatch] {
        let all = all.sorted {
            ($0.block, $0.range.lowerBound, -$0.range.count) < ($1.block, $1.range.lowerBound, -$1.range.count)
        }
        var kept: [TextMatch] = []
        for m in all {
            if let last = kept.last, last.block == m.block, m.range.lowerBound < last.range.upperBound { continue }
            kept.append(m)
        }
        return kept
    }

    /// Whether a word may start (or end) at byte `i`: the bytes either side are not both
    /// parts of a word (letters, digits; any byte of a non-ASCII character counts as a letter;
    /// the 0xFF after each text does not).
    private static func boundary(before i: Int, in bytes: [UInt8]) -> Bool {
        func wordy(_ b: UInt8) -> Bool {
            (b >= 0x80 && b != 0xFF) || (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A)
        }
        guard i > 0, i < bytes.count else { return true }
        return !(wordy(bytes[i - 1]) && wordy(bytes[i]))
    }

    /// Every match of `query`, in reading order.
    public func matches(of query: String) -> [TextMatch] {
        matches(occurrences(of: needle(for: query)))
    }

    // MARK: - Typing a query

    /// What a query looks for: its folded bytes, and whether case counts (smart case: the query
    /// has a capital).
    public struct Needle: Equatable, Sendable {
        var bytes: [UInt8]
        var caseSensitive: Bool

        /// Whether every match of `self` starts where one of `shorter` does.
        func extends(_ shorter: Needle) -> Bool {
            caseSensitive == shorter.caseSensitive && bytes.count >= shorter.bytes.count
                && bytes.starts(with: shorter.bytes)
        }
    }

    /// Where a needle occurs in the folded text: every start, overlapping ones too, so that a
    /// longer query's can be picked out of them without scanning the text again.
    public struct Occurrences: Sendable {
        public let needle: Needle
        let starts: [Int32]
    }

    /// The needle a query looks for.
    public func needle(for query: String) -> Needle {
        let caseSensitive = query.unicodeScalars.contains { $0.properties.isUppercase }
        var cache: [Unicode.Scalar: (String, String)] = [:]
        let folded = Self.fold(Self.collapsed(query), cache: &cache)
        return Needle(bytes: caseSensitive ? folded.exact.bytes : folded.caseless.bytes, caseSensitive: caseSensitive)
    }

    /// Every occurrence of `needle`: picked out of `shorter`'s when the needle extends it (the
    /// query grew), else found by scanning the text.
    public func occurrences(of needle: Needle, narrowing shorter: Occurrences? = nil) -> Occurrences {
        let n = needle.bytes.count
        guard n > 0 else { return Occurrences(needle: needle, starts: []) }
        var starts: [Int32] = []
        (needle.caseSensitive ? exact : caseless).bytes.withUnsafeBufferPointer { h in
            needle.bytes.withUnsafeBufferPointer { p in
                if let shorter, !shorter.needle.bytes.isEmpty, needle.extends(shorter.needle) {
                    let known = shorter.needle.bytes.count
                    starts.reserveCapacity(shorter.starts.count)
                    for s in shorter.starts {
                        let i = Int(s)
                        guard i + n <= h.count else { break }
                        var k = known
                        while k < n && h[i + k] == p[k] { k += 1 }
                        if k == n { starts.append(s) }
                    }
                } else {
                    var i = 0
                    while let hit = Self.find(p, in: h, from: i) {
                        starts.append(Int32(hit))
                        i = hit + 1
                    }
                }
            }
        }
        return Occurrences(needle: needle, starts: starts)
    }

    /// The matches among occurrences, in reading order: the leftmost is taken, and the next
    /// must start after its end (matches do not overlap).
    public func matches(_ occurrences: Occurrences) -> [TextMatch] {
        let n = occurrences.needle.bytes.count
        let text = occurrences.needle.caseSensitive ? exact : caseless
        var result: [TextMatch] = []
        result.reserveCapacity(occurrences.starts.count)
        var end = 0
        var part = 0
        for s in occurrences.starts where Int(s) >= end {
            result.append(match(in: text, at: Int(s), length: n, part: &part))
            end = Int(s) + n
        }
        return result
    }

    /// The match of `length` folded bytes at `start`; `part` is the text it is in or one before
    /// (moved on to it: matches are asked for in order).
    private func match(in text: Folded, at start: Int, length: Int, part: inout Int) -> TextMatch {
        while part + 1 < text.starts.count && text.starts[part + 1] <= start { part += 1 }
        let base = parts[part].base
        return TextMatch(block: parts[part].block,
                         range: (base + Int(text.from[start]))..<(base + Int(text.to[start + length - 1])))
    }

    // MARK: - Folding

    /// One text folded: its bytes and where each came from.
    fileprivate struct Buffer {
        var bytes: [UInt8] = []
        var from: [Int32] = []
        var to: [Int32] = []

        mutating func add(_ folded: String, from start: Int, to end: Int) {
            for byte in folded.utf8 {
                bytes.append(byte)
                from.append(Int32(start))
                to.append(Int32(end))
            }
        }
    }

    /// Folds text scalar by scalar: accents and other combining marks go, and (for the caseless
    /// form) letters are lower-cased; each folded byte remembers its source character.
    private static func fold(_ text: String, cache: inout [Unicode.Scalar: (String, String)]) -> (exact: Buffer, caseless: Buffer) {
        var exact = Buffer(), caseless = Buffer()
        exact.bytes.reserveCapacity(text.utf8.count)
        caseless.bytes.reserveCapacity(text.utf8.count)
        var offset = 0
        for scalar in text.unicodeScalars {
            let width = UTF8.width(scalar)
            let (e, c): (String, String)
            if scalar.isASCII {
                let lower = scalar.value >= 0x41 && scalar.value <= 0x5A ? Unicode.Scalar(scalar.value + 32)! : scalar
                (e, c) = (String(scalar), String(lower))
            } else if let known = cache[scalar] {
                (e, c) = known
            } else if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .enclosingMark {
                (e, c) = ("", "")  // an accent written as a combining mark
                cache[scalar] = (e, c)
            } else {
                let bare = String(scalar).folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
                (e, c) = (bare, bare.lowercased())
                cache[scalar] = (e, c)
            }
            exact.add(e, from: offset, to: offset + width)
            caseless.add(c, from: offset, to: offset + width)
            offset += width
        }
        return (exact, caseless)
    }

    /// Runs of whitespace as one space, as in the article's text.
    private static func collapsed(_ query: String) -> String {
        query.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The first occurrence of `needle` in `haystack` at or after `from`.
    private static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        haystack.withUnsafeBufferPointer { h in needle.withUnsafeBufferPointer { p in find(p, in: h, from: from) } }
    }

    /// The first occurrence of `needle` in `haystack` at or after `from`: `memchr` finds each
    /// place its first byte is, the rest is compared there.
    private static func find(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        let n = needle.count
        guard n > 0, haystack.count - from >= n, let base = haystack.baseAddress else { return nil }
        let first = Int32(needle[0])
        let last = haystack.count - n
        var i = from
        while i <= last {
            guard let found = memchr(base + i, first, last - i + 1) else { return nil }
            i = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            var k = 1
            while k < n && haystack[i + k] == needle[k] { k += 1 }
            if k == n { return i }
            i += 1
        }
        return nil
    }
}

private extension TextSearch.Folded {
    /// Adds a folded text and the 0xFF that ends it.
    mutating func append(_ text: TextSearch.Buffer) {
        starts.append(bytes.count)
        bytes += text.bytes
        from += text.from
        to += text.to
        bytes.append(0xFF)
        from.append(0)
        to.append(0)
    }
}

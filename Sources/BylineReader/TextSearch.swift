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
    /// A block's text folded for searching, with the way back to the original offsets.
    struct Folded: Sendable {
        var block: Int
        /// Offset of the text within the block's addressing (an attribution follows its quote).
        var base: Int
        /// The folded text's UTF-8.
        var bytes: [UInt8]
        /// For each folded byte, where the character it came from starts and ends in the original.
        var from: [Int32]
        var to: [Int32]
    }

    /// The searchable texts, folded with case kept and with case ignored.
    private let exact: [Folded]
    private let caseless: [Folded]

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
        var exact: [Folded] = []
        var caseless: [Folded] = []
        for part in parts {
            let (e, c) = Self.fold(part.text, cache: &cache)
            exact.append(Folded(block: part.block, base: part.base, bytes: e.bytes, from: e.from, to: e.to))
            caseless.append(Folded(block: part.block, base: part.base, bytes: c.bytes, from: c.from, to: c.to))
        }
        self.exact = exact
        self.caseless = caseless
    }

    /// Every match of any of `terms` (the words and phrases of a library search), in reading
    /// order; where two overlap, the one that starts first (or is longer) is kept.
    public func matches(ofAny terms: [String]) -> [TextMatch] {
        guard terms.count > 1 else { return terms.first.map(matches(of:)) ?? [] }
        let all = terms.flatMap(matches(of:)).sorted {
            ($0.block, $0.range.lowerBound, -$0.range.count) < ($1.block, $1.range.lowerBound, -$1.range.count)
        }
        var kept: [TextMatch] = []
        for m in all {
            if let last = kept.last, last.block == m.block, m.range.lowerBound < last.range.upperBound { continue }
            kept.append(m)
        }
        return kept
    }

    /// Every match of a library search's words: case ignored always (as the index ignores
    /// it), each word found whole (a phrase's words in a row), or at the start of a word for a
    /// prefix (`econom*` marks "econom" in "economy", never in "neoeconomics"); where two
    /// overlap, the one that starts first (or is longer) is kept.
    public func matches(ofWords words: [SearchWord]) -> [TextMatch] {
        var all: [TextMatch] = []
        var cache: [Unicode.Scalar: (String, String)] = [:]
        for word in words {
            let needle = Self.fold(Self.collapsed(word.text), cache: &cache).caseless.bytes
            guard !needle.isEmpty else { continue }
            for text in caseless {
                var start = 0
                while let hit = Self.find(needle, in: text.bytes, from: start) {
                    let end = hit + needle.count
                    start = hit + 1
                    guard Self.boundary(before: hit, in: text.bytes),
                          word.prefix || Self.boundary(before: end, in: text.bytes) else { continue }
                    all.append(TextMatch(block: text.block, range: (text.base + Int(text.from[hit]))..<(text.base + Int(text.to[end - 1]))))
                    start = end
                }
            }
        }
        all.sort { ($0.block, $0.range.lowerBound, -$0.range.count) < ($1.block, $1.range.lowerBound, -$1.range.count) }
        var kept: [TextMatch] = []
        for m in all {
            if let last = kept.last, last.block == m.block, m.range.lowerBound < last.range.upperBound { continue }
            kept.append(m)
        }
        return kept
    }

    /// Whether a word may start (or end) at byte `i`: the bytes either side are not both
    /// parts of a word (letters, digits; any byte of a non-ASCII character counts as a letter).
    private static func boundary(before i: Int, in bytes: [UInt8]) -> Bool {
        func wordy(_ b: UInt8) -> Bool {
            b >= 0x80 || (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A)
        }
        guard i > 0, i < bytes.count else { return true }
        return !(wordy(bytes[i - 1]) && wordy(bytes[i]))
    }

    /// Every match of `query`, in reading order.
    public func matches(of query: String) -> [TextMatch] {
        let caseSensitive = query.unicodeScalars.contains { $0.properties.isUppercase }
        var cache: [Unicode.Scalar: (String, String)] = [:]
        let folded = Self.fold(Self.collapsed(query), cache: &cache)
        let needle = caseSensitive ? folded.exact.bytes : folded.caseless.bytes
        guard !needle.isEmpty else { return [] }
        var result: [TextMatch] = []
        for text in caseSensitive ? exact : caseless {
            var start = 0
            while let hit = Self.find(needle, in: text.bytes, from: start) {
                let end = hit + needle.count
                let range = (text.base + Int(text.from[hit]))..<(text.base + Int(text.to[end - 1]))
                result.append(TextMatch(block: text.block, range: range))
                start = end
            }
        }
        return result
    }

    // MARK: - Folding

    private struct Buffer {
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
        let n = needle.count
        guard n > 0, haystack.count - from >= n else { return nil }
        let first = needle[0]
        return haystack.withUnsafeBufferPointer { h -> Int? in
            needle.withUnsafeBufferPointer { p -> Int? in
                var i = from
                let last = h.count - n
                while i <= last {
                    if h[i] == first {
                        var k = 1
                        while k < n && h[i + k] == p[k] { k += 1 }
                        if k == n { return i }
                    }
                    i += 1
                }
                return nil
            }
        }
    }
}

import Foundation
import GRDB
import GRDBSQLite

/// One line of an article for a results row, with where the matched words are in it.
struct Snippet: Equatable {
    /// How many words a snippet holds: about a line of a wide terminal.
    static let tokens = 16
    /// Words of context kept before the first match.
    static let lead = 3

    var text: String
    var matches: [Range<String.Index>]

    init(text: String, matches: [Range<String.Index>]) {
        self.text = text
        self.matches = matches
    }

    /// A quote and its speaker: `“…” — Name`, the name marked.
    init(quote: String, speaker: String) {
        let text = "“\(quote)” — \(speaker)"
        let utf8 = text.utf8
        let begin = utf8.index(utf8.endIndex, offsetBy: -speaker.utf8.count)
        self.init(text: text, matches: [begin..<utf8.endIndex])
    }
}

/// Makes snippets the way FTS5 matches: the text is cut into tokens by the index's own
/// tokenizer (so case, accents and prefixes match exactly as the search did), the phrases of
/// the query are found among them, and the run of ``Snippet/tokens`` tokens holding the most
/// different phrases is kept (the first such run), a few words before the first match.
///
/// Done here rather than by FTS5's `snippet()`: that one looks each row up in the match again
/// (for a prefix query, about 6 ms a row at 100k, as the prefix is expanded each time) and
/// reads the text through SQL; this reads the compressed copy once and tokenizes it.
struct SnippetMaker {
    /// The query's tokens, flattened: each with its phrase and place in it.
    private struct QueryToken {
        var bytes: [UInt8]
        var phrase: Int
        var position: Int
        /// The last token of a prefix phrase: a token starting with it matches.
        var prefix: Bool
    }

    private let tokenizer: any FTS5Tokenizer
    private let queryTokens: [QueryToken]
    /// For each phrase, for each of its tokens, the bit a matching text token carries (0 for a
    /// token past the 64 looked for, which then matches anything).
    private let masks: [[UInt64]]

    /// `phrases`: each phrase's folded tokens (as the tokenizer gives them for a query), and
    /// whether its last token is a prefix. At most 64 tokens in all are looked for.
    init(_ db: Database, phrases: [(tokens: [String], prefix: Bool)]) throws {
        tokenizer = try db.makeTokenizer(SearchSchema.tokenizer)
        var flat: [QueryToken] = []
        for (index, phrase) in phrases.enumerated() {
            for (position, token) in phrase.tokens.enumerated() where flat.count < 64 {
                flat.append(QueryToken(bytes: Array(token.utf8), phrase: index, position: position,
                                       prefix: phrase.prefix && position == phrase.tokens.count - 1))
            }
        }
        queryTokens = flat
        var masks = phrases.map { [UInt64](repeating: 0, count: max(1, $0.tokens.count)) }
        for (bit, token) in flat.enumerated() { masks[token.phrase][token.position] = 1 << UInt64(bit) }
        self.masks = masks
    }

    /// The best run of `bytes` (UTF-8 text) around the query's phrases, or nil when none is in it.
    func snippet(_ bytes: [UInt8]) -> Snippet? {
        guard !queryTokens.isEmpty else { return nil }
        let collected = tokenize(bytes, stopAt: .max)
        let found = collected.found
        guard !found.isEmpty else { return nil }
        // The run holding the most different phrases; the first of those.
        var best = (start: 0, score: -1)
        for match in found.prefix(200) {
            let start = max(0, match.first - Snippet.lead)
            let end = start + Snippet.tokens
            let score = Set(found.filter { $0.first >= start && $0.last < end }.map(\.phrase)).count
            if score > best.score { best = (start, score) }
        }
        let inside = found.filter { $0.first >= best.start && $0.last < best.start + Snippet.tokens }
        return cut(bytes, collected, from: best.start, marking: inside.map { ($0.first, $0.last) })
    }

    /// The text's first ``Snippet/tokens`` tokens, nothing marked.
    func opening(_ bytes: [UInt8]) -> Snippet {
        return cut(bytes, tokenize(bytes, stopAt: Snippet.tokens + 1), from: 0, marking: [])
    }

    // MARK: - Parts

    private struct Token {
        var start: Int32
        var end: Int32
        /// Which query tokens it is (bit i: `queryTokens[i]`).
        var bits: UInt64
    }

    /// What the tokenizer's callback fills in: the tokens and the phrases found so far. It
    /// stops the tokenizer once a run holding every phrase is complete (for a query of one
    /// word, a few words after its first hit), as no later run can be better.
    private final class Collected {
        var tokens: [Token] = []
        /// Phrase matches: first and last token, phrase.
        var found: [(first: Int, last: Int, phrase: Int)] = []
        /// Whether the text ended (false: the tokenizer was stopped before its end).
        var complete = true
        let masks: [[UInt64]]
        /// The query's tokens back to back, with where each ends and whether it is a prefix.
        private let queryBytes: [UInt8]
        private let queryEnds: [Int]
        private let queryPrefix: [Bool]
        /// Each phrase's first token of its latest match.
        private var latest: [Int?]
        private var stopAt: Int

        init(query: [QueryToken], masks: [[UInt64]], stopAt: Int) {
            queryBytes = query.flatMap(\.bytes)
            var end = 0
            queryEnds = query.map { end += $0.bytes.count; return end }
            queryPrefix = query.map(\.prefix)
            self.masks = masks
            self.stopAt = stopAt
            latest = Array(repeating: nil, count: masks.count)
        }

        /// Adds a token (its folded bytes, and where it stands in the text); false when enough
        /// has been read.
        func add(_ token: UnsafeRawPointer?, _ length: Int, start: Int32, end: Int32) -> Bool {
            var bits: UInt64 = 0
            if let token {
                queryBytes.withUnsafeBufferPointer { query in
                    var begin = 0
                    for i in queryEnds.indices {
                        let n = queryEnds[i] - begin
                        if (queryPrefix[i] ? n <= length : n == length), memcmp(query.baseAddress! + begin, token, n) == 0 {
                            bits |= 1 << UInt64(i)
                        }
                        begin = queryEnds[i]
                    }
                }
            }
            tokens.append(Token(start: start, end: end, bits: bits))
            let index = tokens.count - 1
            if bits != 0 {
                for (phrase, wanted) in masks.enumerated() where wanted[0] != 0 {
                    let first = index - wanted.count + 1
                    guard first >= 0, (0..<wanted.count).allSatisfy({ k in wanted[k] == 0 || tokens[first + k].bits & wanted[k] != 0 })
                    else { continue }
                    found.append((first, index, phrase))
                    latest[phrase] = first
                    if stopAt == .max, let earliest = everyPhrase() {
                        let start = max(0, earliest - Snippet.lead)
                        if index < start + Snippet.tokens { stopAt = start + Snippet.tokens + 1 }
                    }
                }
            }
            if tokens.count >= stopAt {
                complete = false
                return false
            }
            return true
        }

        /// The earliest of the latest matches when every findable phrase has one.
        private func everyPhrase() -> Int? {
            var earliest = Int.max
            for (phrase, wanted) in masks.enumerated() where wanted[0] != 0 {
                guard let first = latest[phrase] else { return nil }
                earliest = min(earliest, first)
            }
            return earliest
        }
    }

    /// Tokenizes `bytes` (up to `stopAt` tokens, which tells `cut` whether the text goes on).
    private func tokenize(_ bytes: [UInt8], stopAt: Int) -> Collected {
        let collected = Collected(query: queryTokens, masks: masks, stopAt: stopAt)
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return }
            base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { text in
                _ = tokenizer.tokenize(context: Unmanaged.passUnretained(collected).toOpaque(), tokenization: .document,
                                       pText: text, nText: Int32(buffer.count)) { context, _, token, length, start, end in
                    guard let context else { return SQLITE_OK }
                    // Any code but OK stops the tokenizer.
                    return Unmanaged<Collected>.fromOpaque(context)._withUnsafeGuaranteedRef {
                        $0.add(token.map(UnsafeRawPointer.init), Int(length), start: start, end: end)
                    } ? SQLITE_OK : SQLITE_DONE
                }
            }
        }
        return collected
    }

    /// The bytes of tokens `from ..< from + Snippet.tokens` (from the text's start when `from`
    /// is 0, to its end when the run reaches it), with `…` where text was left out and the
    /// marked token runs as ranges; line breaks become spaces.
    private func cut(_ bytes: [UInt8], _ collected: Collected, from: Int, marking: [(Int, Int)]) -> Snippet {
        let tokens = collected.tokens
        guard !tokens.isEmpty else { return Snippet(text: "", matches: []) }
        let last = min(from + Snippet.tokens, tokens.count) - 1
        let reachesEnd = last == tokens.count - 1 && collected.complete
        let start = from == 0 ? 0 : Int(tokens[from].start)
        let end = reachesEnd ? bytes.count : Int(tokens[last].end)
        let ellipsis = Array("…".utf8)
        var out: [UInt8] = from == 0 ? [] : ellipsis
        let shift = out.count - start
        out += bytes[start..<end].map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 }
        if !reachesEnd { out += ellipsis }
        let text = String(decoding: out, as: UTF8.self)
        let utf8 = text.utf8
        let ranges = marking.map { first, lastToken in
            utf8.index(utf8.startIndex, offsetBy: Int(tokens[first].start) + shift)
                ..< utf8.index(utf8.startIndex, offsetBy: Int(tokens[lastToken].end) + shift)
        }
        return Snippet(text: text, matches: ranges)
    }
}

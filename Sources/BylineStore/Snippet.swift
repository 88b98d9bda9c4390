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

    /// The best run of `text` around the query's phrases, or nil when none is in it.
    func snippet(_ text: String) -> Snippet? {
        guard !queryTokens.isEmpty else { return nil }
        let bytes = Array(text.utf8)
        let tokens = tokenize(bytes)
        // Phrase matches: (first token, last token, phrase).
        var found: [(first: Int, last: Int, phrase: Int)] = []
        for index in tokens.indices where tokens[index].bits != 0 {
            for (phrase, wanted) in masks.enumerated() where tokens[index].bits & wanted[0] != 0 {
                let last = index + wanted.count - 1
                guard last < tokens.count else { continue }
                if (1..<wanted.count).allSatisfy({ k in wanted[k] == 0 || tokens[index + k].bits & wanted[k] != 0 }) {
                    found.append((index, last, phrase))
                }
            }
        }
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
        return cut(bytes, tokens, from: best.start, marking: inside.map { ($0.first, $0.last) })
    }

    /// The text's first ``Snippet/tokens`` tokens, nothing marked.
    func opening(_ text: String) -> Snippet {
        let bytes = Array(text.utf8)
        return cut(bytes, tokenize(bytes), from: 0, marking: [])
    }

    // MARK: - Parts

    private struct Token {
        var start: Int32
        var end: Int32
        /// Which query tokens it is (bit i: `queryTokens[i]`).
        var bits: UInt64
    }

    /// What the tokenizer's callback fills in.
    private final class Collected {
        var tokens: [Token] = []
        let query: [QueryToken]

        init(query: [QueryToken]) {
            self.query = query
        }
    }

    private func tokenize(_ bytes: [UInt8]) -> [Token] {
        let collected = Collected(query: queryTokens)
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return }
            base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { text in
                _ = tokenizer.tokenize(context: Unmanaged.passUnretained(collected).toOpaque(), tokenization: .document,
                                       pText: text, nText: Int32(buffer.count)) { context, _, token, length, start, end in
                    guard let context else { return SQLITE_OK }
                    let collected = Unmanaged<Collected>.fromOpaque(context).takeUnretainedValue()
                    var bits: UInt64 = 0
                    if let token {
                        let count = Int(length)
                        token.withMemoryRebound(to: UInt8.self, capacity: count) { pointer in
                            for (i, query) in collected.query.enumerated() {
                                let n = query.bytes.count
                                guard query.prefix ? n <= count : n == count else { continue }
                                if query.bytes.withUnsafeBufferPointer({ $0.baseAddress.map { memcmp($0, pointer, n) == 0 } ?? true }) {
                                    bits |= 1 << UInt64(i)
                                }
                            }
                        }
                    }
                    collected.tokens.append(Token(start: start, end: end, bits: bits))
                    return SQLITE_OK
                }
            }
        }
        return collected.tokens
    }

    /// The bytes of tokens `from ..< from + Snippet.tokens` (from the text's start when `from`
    /// is 0, to its end when the run reaches it), with `…` where text was left out and the
    /// marked token runs as ranges; line breaks become spaces.
    private func cut(_ bytes: [UInt8], _ tokens: [Token], from: Int, marking: [(Int, Int)]) -> Snippet {
        guard !tokens.isEmpty else { return Snippet(text: "", matches: []) }
        let last = min(from + Snippet.tokens, tokens.count) - 1
        let start = from == 0 ? 0 : Int(tokens[from].start)
        let end = last == tokens.count - 1 ? bytes.count : Int(tokens[last].end)
        let ellipsis = Array("…".utf8)
        var out: [UInt8] = from == 0 ? [] : ellipsis
        let shift = out.count - start
        out += bytes[start..<end].map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 }
        if last < tokens.count - 1 { out += ellipsis }
        let text = String(decoding: out, as: UTF8.self)
        let utf8 = text.utf8
        let ranges = marking.map { first, lastToken in
            utf8.index(utf8.startIndex, offsetBy: Int(tokens[first].start) + shift)
                ..< utf8.index(utf8.startIndex, offsetBy: Int(tokens[lastToken].end) + shift)
        }
        return Snippet(text: text, matches: ranges)
    }
}

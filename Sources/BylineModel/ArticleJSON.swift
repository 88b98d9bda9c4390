import Foundation

/// An article as one line of JSON, as `byline inspect --json` prints it.
///
/// Keys are sorted and slashes are not escaped. Every key is always present (`null` when it has
/// no value), except a block's `attribution`, which only pull quotes carry. Public so the
/// `inspectjson` fuzz target (`Fuzz/Sources/InspectJSONFuzz`) checks the very encoding the
/// command prints.
public enum ArticleJSON {
    /// The keys of an article's object, in the order they are printed.
    public static let keys = ["blocks", "date", "headline", "id", "path", "problem", "quotes", "readable",
                              "source", "standfirst", "warnings", "words"]

    /// One article as a single line of JSON (no newline at its end).
    public static func line(_ article: Article) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        guard let data = try? encoder.encode(ArticleDTO(article)) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    private struct ArticleDTO: Encodable {
        var id: String
        var path: String
        var headline: String
        var standfirst: String?
        var source: String?
        var date: String?
        var words: Int
        var blocks: [BlockDTO]
        var quotes: [QuoteDTO]
        var warnings: [String]
        /// False for a file that could not be read (binary, an I/O error), with the reason.
        var readable: Bool
        var problem: String?

        init(_ a: Article) {
            id = a.id
            path = TextSanitizer.sanitize(a.path)
            headline = a.headline
            standfirst = a.standfirst
            source = a.source
            date = a.date
            words = a.words
            blocks = a.blocks.map { BlockDTO(kind: $0.kind.rawValue, text: $0.text, attribution: $0.attribution) }
            quotes = a.quotes.map {
                QuoteDTO(text: $0.text, speaker: $0.speaker, speakerEvidence: $0.speakerEvidence, block: $0.block,
                         place: $0.place.rawValue, pull: $0.pull)
            }
            warnings = a.warnings
            readable = a.unreadableReason == nil
            problem = a.unreadableReason
        }

        enum CodingKeys: String, CodingKey { case id, path, headline, standfirst, source, date, words, blocks, quotes, warnings, readable, problem }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(path, forKey: .path)
            try c.encode(headline, forKey: .headline)
            if let standfirst { try c.encode(standfirst, forKey: .standfirst) } else { try c.encodeNil(forKey: .standfirst) }
            if let source { try c.encode(source, forKey: .source) } else { try c.encodeNil(forKey: .source) }
            if let date { try c.encode(date, forKey: .date) } else { try c.encodeNil(forKey: .date) }
            try c.encode(words, forKey: .words)
            try c.encode(blocks, forKey: .blocks)
            try c.encode(quotes, forKey: .quotes)
            try c.encode(warnings, forKey: .warnings)
            try c.encode(readable, forKey: .readable)
            if let problem { try c.encode(problem, forKey: .problem) } else { try c.encodeNil(forKey: .problem) }
        }
    }

    private struct BlockDTO: Encodable {
        var kind: String
        var text: String
        var attribution: String?

        enum CodingKeys: String, CodingKey { case kind, text, attribution }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(kind, forKey: .kind)
            try c.encode(text, forKey: .text)
            try c.encodeIfPresent(attribution, forKey: .attribution)
        }
    }

    private struct QuoteDTO: Encodable {
        var text: String
        var speaker: String?
        var speakerEvidence: String?
        var block: Int
        var place: String
        var pull: Bool

        enum CodingKeys: String, CodingKey { case text, speaker, speakerEvidence, block, place, pull }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(text, forKey: .text)
            if let speaker { try c.encode(speaker, forKey: .speaker) } else { try c.encodeNil(forKey: .speaker) }
            if let speakerEvidence { try c.encode(speakerEvidence, forKey: .speakerEvidence) } else { try c.encodeNil(forKey: .speakerEvidence) }
            try c.encode(block, forKey: .block)
            try c.encode(place, forKey: .place)
            try c.encode(pull, forKey: .pull)
        }
    }
}

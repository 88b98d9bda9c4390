import ArgumentParser
import BylineModel
import Foundation

/// `byline inspect`: prints what the model reads from article files, as text or JSON lines.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Print what Byline reads from article files.",
        discussion: """
            Exit status: 0 when every file was read; 1 when any could not be (binary, an I/O \
            error, not a regular file): it is still listed, with "readable": false and its \
            "problem" in JSON; 2 on a usage error.
            """
    )

    @Argument(help: "Article files or folders of *.txt articles.")
    var paths: [String]

    @Flag(help: "Print one JSON object per file, one per line.")
    var json = false

    @Flag(help: "Also read the subfolders of folders.")
    var recursive = false

    func run() throws {
        var failed = false
        for path in paths {
            let library: Library
            do {
                library = try Library(paths: [path], recursive: recursive)
            } catch {
                Self.printError(error.description)
                failed = true
                continue
            }
            for problem in library.problems {
                Self.printError("byline: skipped \(TextSanitizer.sanitize(problem.path)): \(problem.reason)")
                failed = true
            }
            for index in 0..<library.count {
                let article = library.article(at: index)
                if article.unreadableReason != nil { failed = true }
                print(json ? Self.jsonLine(article) : Self.summary(article))
            }
        }
        if failed { throw ExitCode(1) }
    }

    /// One line on stderr, with any control (from a path the user typed) removed.
    static func printError(_ line: String) {
        let clean = TextSanitizer.sanitize(line).split(separator: "\n").joined(separator: " ")
        FileHandle.standardError.write(Data((clean + "\n").utf8))
    }

    // MARK: - JSON

    /// One article as a single line of JSON.
    static func jsonLine(_ article: Article) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        guard let data = try? encoder.encode(ArticleDTO(article)) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    struct ArticleDTO: Encodable {
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

    struct BlockDTO: Encodable {
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

    struct QuoteDTO: Encodable {
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

    // MARK: - Text

    /// A readable summary of one article.
    static func summary(_ a: Article) -> String {
        var lines: [String] = []
        lines.append("== \(TextSanitizer.sanitize(a.path))")
        if let reason = a.unreadableReason {
            lines.append("unreadable:  \(reason)")
            return lines.joined(separator: "\n") + "\n"
        }
        if let source = a.source { lines.append("source:      \(source)") }
        if let date = a.date { lines.append("date:        \(date)") }
        lines.append("headline:    \(a.headline)")
        lines.append("standfirst:  \(a.standfirst ?? "(none)")")
        lines.append("words:       \(a.words) (\(a.readingMinutes) min read)")
        let counts = [BlockKind.paragraph, .crosshead, .pullquote, .boilerplate].map { kind in
            "\(a.blocks.filter { $0.kind == kind }.count) \(kind.rawValue)"
        }
        lines.append("blocks:      \(a.blocks.count) (\(counts.joined(separator: ", ")))")
        for (i, b) in a.blocks.enumerated() where b.kind == .crosshead {
            lines.append("  crosshead [\(i)]: \(b.text)")
        }
        for (i, b) in a.blocks.enumerated() where b.kind == .pullquote {
            lines.append("  pull quote [\(i)]: \(b.text)")
            lines.append("      — \(b.attribution ?? "")")
        }
        lines.append("quotes:      \(a.quotes.count)")
        for q in a.quotes {
            let text = q.text.count > 100 ? String(q.text.prefix(99)) + "…" : q.text
            let repeats = q.repeats.map { ", repeats quote \($0)" } ?? ""
            let place = q.place == .body ? "block \(q.block)" : q.place.rawValue
            let evidence = q.speakerEvidence.map { " [\($0)]" } ?? ""
            lines.append("  [\(place)\(q.pull ? ", pull" : "")\(repeats)] \(q.speaker ?? "(unknown)")\(evidence): “\(text)”")
        }
        lines.append("warnings:    \(a.warnings.isEmpty ? "none" : a.warnings.joined(separator: "; "))")
        return lines.joined(separator: "\n") + "\n"
    }
}

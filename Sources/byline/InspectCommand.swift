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
                print(json ? ArticleJSON.line(article) : Self.summary(article))
            }
        }
        if failed { throw ExitCode(1) }
    }

    /// One line on stderr, with any control (from a path the user typed) removed.
    static func printError(_ line: String) {
        let clean = TextSanitizer.sanitize(line).split(separator: "\n").joined(separator: " ")
        FileHandle.standardError.write(Data((clean + "\n").utf8))
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

import BylineModel
import BylineStore
import Foundation

/// How `byline state export` prints an article's state: tab-separated text, or JSON Lines.
struct ExportFormat {
    private let dates = ISO8601DateFormatter()
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return encoder
    }()

    /// `read<TAB>2026-11-20T15:30:12Z<TAB>3:120<TAB>/home/u/news/a.txt`; `-` for no time or
    /// no position. Controls in the path are removed, so a line stays a line.
    func textLine(_ entry: ExportedArticle) -> String {
        let time = entry.readAt.map(dates.string) ?? "-"
        let position = entry.position.map { "\($0.block):\($0.offset)" } ?? "-"
        return [entry.read ? "read" : "unread", time, position, Self.clean(Self.fullPath(entry))].joined(separator: "\t")
    }

    /// `{"article":"a.txt","library":"/home/u/news","path":"/home/u/news/a.txt","position":
    /// {"block":3,"offset":120},"read":true,"readAt":"2026-11-20T15:30:12Z"}`, with `null` for
    /// no time or no position.
    func jsonLine(_ entry: ExportedArticle) -> String {
        let line = Line(path: Self.fullPath(entry), library: entry.library, article: entry.path, read: entry.read,
                        readAt: entry.readAt.map(dates.string),
                        position: entry.position.map { Line.Position(block: $0.block, offset: $0.offset) })
        guard let data = try? encoder.encode(line) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    static func fullPath(_ entry: ExportedArticle) -> String {
        entry.library.hasSuffix("/") ? entry.library + entry.path : entry.library + "/" + entry.path
    }

    /// A path with any control character removed, on one line.
    static func clean(_ path: String) -> String {
        TextSanitizer.sanitize(path).split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    private struct Line: Encodable {
        struct Position: Encodable {
            var block: Int
            var offset: Int
        }

        var path: String
        var library: String
        var article: String
        var read: Bool
        var readAt: String?
        var position: Position?

        enum CodingKeys: String, CodingKey { case path, library, article, read, readAt, position }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(path, forKey: .path)
            try c.encode(library, forKey: .library)
            try c.encode(article, forKey: .article)
            try c.encode(read, forKey: .read)
            if let readAt { try c.encode(readAt, forKey: .readAt) } else { try c.encodeNil(forKey: .readAt) }
            if let position { try c.encode(position, forKey: .position) } else { try c.encodeNil(forKey: .position) }
        }
    }
}

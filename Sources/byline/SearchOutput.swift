import BylineStore
import Foundation

/// How `byline search` prints a hit: tab-separated text, or JSON Lines.
struct SearchOutput {
    let json: Bool
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return encoder
    }()

    init(json: Bool) {
        self.json = json
    }

    /// `PATH<TAB>HEADLINE<TAB>SNIPPET` (the path followed by ` (missing)` when the file is gone),
    /// or `{"article":"a.txt","headline":…,"library":…,"matches":[[12,20]],"missing":false,
    /// "path":…,"score":3.2,"snippet":…}`, where each match is a [start, end) pair of Unicode
    /// code point offsets in the snippet.
    func line(_ hit: SearchHit) -> String {
        guard json else {
            let path = Self.clean(hit.article.fullPath) + (hit.missing ? " (missing)" : "")
            return [path, Self.oneField(hit.headline), Self.oneField(hit.snippet)].joined(separator: "\t")
        }
        let scalars = hit.snippet.unicodeScalars
        let matches = hit.matches.map { range in
            [scalars.distance(from: scalars.startIndex, to: range.lowerBound),
             scalars.distance(from: scalars.startIndex, to: range.upperBound)]
        }
        let line = Line(path: hit.article.fullPath, library: hit.article.library, article: hit.article.path,
                        headline: hit.headline, snippet: hit.snippet, matches: matches, missing: hit.missing, score: hit.score)
        guard let data = try? encoder.encode(line) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// A path with any control removed (``ExportFormat/clean(_:)``), at once when it is plain
    /// printable ASCII, as article paths mostly are.
    private static func clean(_ path: String) -> String {
        path.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F } ? path : ExportFormat.clean(path)
    }

    /// A text field that stays one field: tabs and line breaks become spaces.
    private static func oneField(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        return String(text.map { $0 == "\t" || $0.isNewline ? " " : $0 })
    }

    private struct Line: Encodable {
        var path: String
        var library: String
        var article: String
        var headline: String
        var snippet: String
        var matches: [[Int]]
        var missing: Bool
        var score: Double
    }
}

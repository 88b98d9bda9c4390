import Foundation
@testable import BylineModel

/// Where the package, the samples, the seed article and the quality corpus are, found from this
/// file's path. The seed is read from `Samples/` (a plain clone has it); `sharedSeed` is the
/// project's shared copy beside the repository, when there is one.
enum Paths {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let samples = packageRoot.appendingPathComponent("Samples")
    static let seed = samples.appendingPathComponent("000_db09bf8f9e96a4f5.txt")
    static let sharedSeed = packageRoot.appendingPathComponent("../shared/seeds/000_db09bf8f9e96a4f5.txt").standardizedFileURL
    static let corpus = packageRoot.appendingPathComponent("Corpus")
}

/// Parses a string (as UTF-8 bytes) into an article.
func parse(_ text: String, id: String = "t") -> Article {
    ArticleParser.parse(data: Data(text.utf8), id: id, path: "/tmp/\(id).txt")
}

func parse(bytes: [UInt8], id: String = "t") -> Article {
    ArticleParser.parse(data: Data(bytes), id: id, path: "/tmp/\(id).txt")
}

/// Every piece of model text of an article, for "no control character" checks.
func allText(_ a: Article) -> [String] {
    [a.headline, a.standfirst ?? ""] + a.blocks.flatMap { [$0.text, $0.attribution ?? ""] }
        + a.quotes.flatMap { [$0.text, $0.speaker ?? ""] } + a.warnings
}

func hasForbidden(_ s: String) -> Bool {
    s.unicodeScalars.contains(where: TextSanitizer.isForbidden)
}

/// A fresh temporary folder, removed by the caller with `cleanup`.
func makeTempFolder(_ name: String = #function) throws -> String {
    let base = FileManager.default.temporaryDirectory
        .appendingPathComponent("byline-model-tests-\(getpid())-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
    return base.path
}

func write(_ text: String, to path: String) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
}

import BylineCorpus
import Foundation
@testable import BylineModel

/// The articles of the repository, parsed: every file of `Corpus/`, `Samples/` and the fuzz
/// inputs of the parser (`Fuzz/corpus/parser`, `Fuzz/corpus/inspectjson`), in path order, then
/// 120 articles of the deterministic generator. What ``ParserVersionTests`` hashes and
/// ``ArticleModelCodecTests`` round-trips.
enum ArticleCorpusFiles {
    static let folders = ["Corpus", "Samples", "Fuzz/corpus/parser", "Fuzz/corpus/inspectjson"]

    /// (name, bytes) of each file, by path relative to the package.
    static let files: [(name: String, data: Data)] = {
        var found: [(String, Data)] = []
        for folder in folders {
            let root = Paths.packageRoot.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(atPath: root.path) else { continue }
            for case let relative as String in walker {
                let url = root.appendingPathComponent(relative)
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue,
                      let data = try? Data(contentsOf: url) else { continue }
                found.append((folder + "/" + relative, data))
            }
        }
        let generator = CorpusGenerator(seed: 17)
        for index in 0..<120 {
            found.append(("generated/\(index)", Data(generator.text(of: index).utf8)))
        }
        return found.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
    }()

    /// Each file parsed (the id is the file's name without its folders).
    static let articles: [Article] = files.map { file in
        let id = (file.name as NSString).lastPathComponent
        return ArticleParser.parse(data: file.data, id: id, path: "/corpus/" + file.name)
    }
}

import BylineModel
import BylineStore
import BylineTestSupport
import Foundation
import XCTest
@testable import BylineReader

/// The indexer keeps each article parsed, re-reads articles whose model is missing or of
/// another parser, and the library shows the kept article through ``IndexedModels``.
final class IndexedModelsTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = try Fixtures.folder([
            "010.txt": "Ten o'clock news\nA short story about the ferry.\nIt was a quiet day on the quay.\n",
            "020.txt": ReaderFixtures.harbour,
        ])
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    /// The library of the fixture, a temporary index the indexer filled, and their keys.
    private func indexedLibrary() throws -> (Library, SearchIndex, SearchKeys) {
        let library = try Library(folder: dir.path)
        let index = SearchIndex.temporary()
        LibraryIndexer(library: library, index: index).run()
        return (library, index, SearchKeys(library: library))
    }

    /// `article` with a headline the file does not have: shown, it proves the kept one was used.
    private func marked(_ article: Article) -> Article {
        var marked = article
        marked.headline = "Kept by the index"
        return marked
    }

    /// Puts `entry` in `index` as the current parser's, over what was kept of the same file (an
    /// update keeps an article indexed from the same file by the same parser, so another
    /// parser's entry goes in first).
    private func keep(_ entry: IndexedArticle, in index: SearchIndex, library: String,
                      file: StaticString = #filePath, line: UInt = #line) {
        var entry = entry
        entry.parser = ArticleParser.version + 1
        XCTAssertTrue(index.update(library: library, put: [entry]), file: file, line: line)
        entry.parser = ArticleParser.version
        XCTAssertTrue(index.update(library: library, put: [entry]), file: file, line: line)
    }

    private func model(_ index: SearchIndex, _ library: Library, _ id: ArticleID) -> Article? {
        let keys = SearchKeys(library: library)
        let read = library.readUncachedWithFile(id)
        guard let stamp = read.stamp,
              let kept = index.model(of: keys.key(of: id), signature: FileSignature(size: stamp.size, modified: stamp.modified),
                                     parser: ArticleParser.version) else { return nil }
        return read.file.withUnsafeBytes { file in
            try? ArticleModelCodec.decode(kept.model, body: kept.body.isEmpty ? nil : kept.body,
                                          file: ArticleModelCodec.needsFile(kept.model) ? file : nil,
                                          id: library.name(of: id), path: library.path(of: id))
        }
    }

    func testTheIndexKeepsEveryArticleAsParsed() throws {
        let library = try Library(folder: dir.path)
        let index = SearchIndex.temporary()
        XCTAssertEqual(LibraryIndexer(library: library, index: index).run().indexed, 2)
        for id in library.presentIDs {
            let (article, _, file) = library.readUncachedWithFile(id)
            XCTAssertEqual(model(index, library, id), article)
            XCTAssertTrue(ArticleModelCodec.canKeepBodyApart(article))
            XCTAssertEqual(LibraryIndexer.indexed(article, path: "x", stamp: FileStamp(size: 1, modified: 1)).model,
                           ArticleModelCodec.encode(article, bodyApart: true), "without the file, the model leaves the body to the index's copy")
            let model = LibraryIndexer.indexed(article, path: "x", stamp: FileStamp(size: 1, modified: 1), file: file).model
            XCTAssertTrue(ArticleModelCodec.needsFile(model), "the indexer's model leaves its texts to the file")
            XCTAssertEqual(model, file.withUnsafeBytes { ArticleModelCodec.encode(article, file: $0) })
            XCTAssertLessThan(model.count, ArticleModelCodec.encode(article).count / 3)
        }
    }

    func testAnArticleWithAnOldOrNoModelIsIndexedAgain() throws {
        let library = try Library(folder: dir.path)
        let index = SearchIndex.temporary()
        let keys = SearchKeys(library: library)
        LibraryIndexer(library: library, index: index).run()
        // 010 as an older Byline left it: same file, no model (parser 0); 020 by another parser.
        for (slot, parser) in [(0, 0), (1, ArticleParser.version + 1)] {
            let id = library.id(at: slot)
            let (article, stamp) = library.readUncached(id)
            var old = LibraryIndexer.indexed(article, path: keys.key(of: id).path, stamp: try XCTUnwrap(stamp))
            old.parser = parser
            old.model = parser == 0 ? [] : old.model
            old.quotes = []
            XCTAssertTrue(index.update(library: keys.libraryKey(of: id), put: [old]))
            XCTAssertNil(model(index, library, id))
        }
        XCTAssertEqual(index.people(in: keys.scope).count, 0, "the old entries had no speakers")
        let again = LibraryIndexer(library: library, index: index).run()
        XCTAssertEqual(again.indexed, 2)
        XCTAssertEqual(again.unchanged, 0)
        for id in library.presentIDs { XCTAssertEqual(model(index, library, id), library.readUncached(id).article) }
        XCTAssertEqual(index.people(in: keys.scope).first { $0.name == "Maria Núñez" }?.articles, 1, "speakers up to date again")
        XCTAssertEqual(LibraryIndexer(library: library, index: index).run().indexed, 0)
    }

    func testTheLibraryShowsTheKeptArticleWhileTheFileIsUnchanged() throws {
        let (library, index, keys) = try indexedLibrary()
        // The kept article of 020 changed behind the parser's back: shown, it proves the source was used.
        let id = library.id(at: 1)
        let (article, stamp) = library.readUncached(id)
        let marked = marked(article)
        var entry = LibraryIndexer.indexed(article, path: keys.key(of: id).path, stamp: try XCTUnwrap(stamp))
        entry.model = ArticleModelCodec.encode(marked)
        keep(entry, in: index, library: keys.libraryKey(of: id))
        library.useParsedArticles(from: IndexedModels(index: index, keys: keys))
        XCTAssertEqual(library.article(id), marked)
        XCTAssertEqual(library.article(library.id(at: 0)), library.readUncached(library.id(at: 0)).article)
        // The file changes: parsed again, whatever the index says.
        library.invalidate(id)
        try Data((ReaderFixtures.harbour + "\nOne more line.\n").utf8).write(to: dir.appendingPathComponent("020.txt"))
        XCTAssertEqual(library.article(id).headline, article.headline)
        XCTAssertEqual(library.article(id).blocks.last?.text, "One more line.")
    }

    func testTheLibraryCutsTheKeptTextsFromTheFile() throws {
        let (library, index, keys) = try indexedLibrary()
        let id = library.id(at: 1)
        let (article, stamp, file) = library.readUncachedWithFile(id)
        // Marked so that the kept article shows; its paragraphs are still the file's.
        let marked = marked(article)
        var entry = LibraryIndexer.indexed(article, path: keys.key(of: id).path, stamp: try XCTUnwrap(stamp), file: file)
        entry.model = file.withUnsafeBytes { ArticleModelCodec.encode(marked, file: $0) }
        XCTAssertTrue(ArticleModelCodec.needsFile(entry.model))
        keep(entry, in: index, library: keys.libraryKey(of: id))
        library.useParsedArticles(from: IndexedModels(index: index, keys: keys))
        XCTAssertEqual(library.article(id), marked)
        // Kept from other bytes than the file's (a range past its end): the file is parsed.
        library.invalidate(id)
        entry.model = (file + Data("0123456789 the end".utf8)).withUnsafeBytes { bytes in
            ArticleModelCodec.encode(Article(id: "", path: "", headline: "Kept", standfirst: nil,
                                             blocks: [Block(kind: .paragraph, text: "0123456789 the end")], quotes: [], warnings: [],
                                             words: 3), file: bytes)
        }
        keep(entry, in: index, library: keys.libraryKey(of: id))
        XCTAssertEqual(library.article(id), article)
    }

    func testAModelOfAnEarlierBuildStillShowsWithTheBody() throws {
        let (library, index, keys) = try indexedLibrary()
        let id = library.id(at: 1)
        let (article, stamp) = library.readUncached(id)
        let marked = marked(article)
        // As the previous build kept it: the paragraphs left to the body kept for search.
        var entry = LibraryIndexer.indexed(article, path: keys.key(of: id).path, stamp: try XCTUnwrap(stamp))
        entry.model = ArticleModelCodec.encode(marked, bodyApart: true)
        XCTAssertEqual(entry.model[1], 1)
        keep(entry, in: index, library: keys.libraryKey(of: id))
        let kept = try XCTUnwrap(index.model(of: keys.key(of: id), signature: FileSignature(size: try XCTUnwrap(stamp).size,
                                                                                            modified: try XCTUnwrap(stamp).modified),
                                             parser: ArticleParser.version))
        XCTAssertEqual(kept.body, Array(ArticleModelCodec.bodyText(of: article).utf8))
        library.useParsedArticles(from: IndexedModels(index: index, keys: keys))
        XCTAssertEqual(library.article(id), marked)
        // The indexer's own model of it does not need the body: none is fetched.
        XCTAssertEqual(LibraryIndexer(library: library, index: index).run().indexed, 0)
        let other = try XCTUnwrap(index.model(of: keys.key(of: library.id(at: 0)),
                                              signature: FileSignature(size: try XCTUnwrap(library.readUncached(library.id(at: 0)).stamp).size,
                                                                       modified: try XCTUnwrap(library.readUncached(library.id(at: 0)).stamp).modified),
                                              parser: ArticleParser.version))
        XCTAssertTrue(ArticleModelCodec.needsFile(other.model))
        XCTAssertEqual(other.body, [])
    }

    func testTheReaderWiresTheIndexOnceItIsOpen() throws {
        let library = try Library(folder: dir.path)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("byline-models-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("index.sqlite3").path
        let background = Background(library: library, inbox: Inbox(), index: .file(file), mode: .inline)
        defer { background.stop() }
        background.perform(.index(nil))
        // Another connection to the same index marks 020's kept article: the reader shows it.
        let keys = SearchKeys(library: library)
        let id = library.id(at: 1)
        let (article, stamp) = library.readUncached(id)
        var entry = LibraryIndexer.indexed(article, path: keys.key(of: id).path, stamp: try XCTUnwrap(stamp))
        entry.model = ArticleModelCodec.encode(marked(article))
        let other = SearchIndex.open(.file(file))
        keep(entry, in: other, library: keys.libraryKey(of: id))
        other.close()
        library.invalidate(id)
        XCTAssertEqual(library.article(id).headline, "Kept by the index")
        background.stop()
        library.invalidate(id)
        XCTAssertEqual(library.article(id), article, "a stopped reader no longer asks the index")
    }
}

import Foundation
import GRDB
import Testing
@testable import BylineStore

/// The parsed models the index keeps beside each article (migration v2): given back only for
/// the same file and parser, taken out with their article, and an index of v1 lists every
/// article as having none.
@Suite("Search index: parsed models")
struct ArticleModelStoreTests {
    private static let key = ArticleKey(library: SearchFixture.news, path: "bridge.txt")
    private static let model: [UInt8] = Array("a parsed article, as bytes ".utf8) + (0..<200).map { UInt8($0) }

    private static func bridge(parser: Int = 3, model: [UInt8] = model, size: Int64 = 100) -> IndexedArticle {
        var article = SearchFixture.bridge
        article.model = model
        article.parser = parser
        article.signature.size = size
        return article
    }

    /// The paths whose model is not of parser `parser`.
    private func others(_ index: SearchIndex, _ parser: Int) -> [String] {
        index.articlesWithOtherModels(library: SearchFixture.news, parser: parser).sorted()
    }

    @Test func theModelComesBackForTheSameFileAndParserOnly() {
        let index = SearchIndex.temporary()
        #expect(index.update(library: SearchFixture.news, put: [Self.bridge(), SearchFixture.strike]))
        let signature = FileSignature(size: 100, modified: 1)
        #expect(index.model(of: Self.key, signature: signature, parser: 3)?.model == Self.model)
        #expect(index.model(of: Self.key, signature: signature, parser: 3)?.body == [],
                "without the body kept for search: this model does not leave texts to it")
        // A model whose layout byte (the second) is 1 leaves its paragraphs to the body: it comes with it.
        let apart: [UInt8] = [1, 1] + Self.model
        #expect(index.update(library: SearchFixture.news, put: [Self.bridge(parser: 5, model: apart)]))
        #expect(index.model(of: Self.key, signature: signature, parser: 5)?.model == apart)
        #expect(index.model(of: Self.key, signature: signature, parser: 5)?.body == Array(SearchFixture.bridge.body.utf8),
                "with the body kept for search")
        #expect(index.update(library: SearchFixture.news, put: [Self.bridge(parser: 3)]))
        #expect(index.model(of: Self.key, signature: FileSignature(size: 101, modified: 1), parser: 3) == nil)
        #expect(index.model(of: Self.key, signature: FileSignature(size: 100, modified: 2), parser: 3) == nil)
        #expect(index.model(of: Self.key, signature: signature, parser: 4) == nil)
        #expect(index.model(of: ArticleKey(library: "/elsewhere", path: "bridge.txt"), signature: signature, parser: 3) == nil)
        #expect(index.model(of: ArticleKey(library: SearchFixture.news, path: "strike.txt"), signature: signature, parser: 0) == nil,
                "an article put without a model has none")
        #expect(others(index, 3) == ["strike.txt"])
        #expect(others(index, 0) == ["bridge.txt"])
        #expect(others(index, 4) == ["bridge.txt", "strike.txt"])
        #expect(index.articlesWithOtherModels(library: "/elsewhere", parser: 4).isEmpty)
    }

    @Test func aNewParserReplacesTheArticleEvenFromTheSameFile() {
        let index = SearchIndex.temporary()
        #expect(index.update(library: SearchFixture.news, put: [Self.bridge(parser: 3)]))
        let newer = Array("newer".utf8)
        #expect(index.update(library: SearchFixture.news, put: [Self.bridge(parser: 3, model: newer)]))
        #expect(index.model(of: Self.key, signature: FileSignature(size: 100, modified: 1), parser: 3)?.model == Self.model,
                "the same file and parser: left as it was")
        #expect(index.update(library: SearchFixture.news, put: [Self.bridge(parser: 4, model: newer)]))
        #expect(index.model(of: Self.key, signature: FileSignature(size: 100, modified: 1), parser: 4)?.model == newer)
        #expect(index.search("authority", in: SearchFixture.scope).total == 1, "indexed once")
        #expect(index.people(in: SearchFixture.scope).first { $0.name == "Maria Núñez" }?.quotes == 1, "its quotes counted once")
        #expect(others(index, 4) == [])
        #expect(others(index, 3) == ["bridge.txt"])
    }

    @Test func theModelGoesWithItsArticle() throws {
        let folder = try StoreFolder()
        defer { folder.cleanUp() }
        let path = folder.file("index.sqlite3")
        let index = SearchIndex.open(.file(path))
        #expect(index.update(library: SearchFixture.news, put: [Self.bridge(), SearchFixture.strike]))
        #expect(index.update(library: SearchFixture.news, put: [Self.bridge(size: 200)]))
        #expect(index.update(library: SearchFixture.news, put: [], remove: ["strike.txt"]))
        index.close()
        let counts = try rawConnection(path).read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM articleModel") ?? -1,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM article") ?? -1)
        }
        #expect(counts == (1, 1))
        #expect(index.update(library: SearchFixture.news, put: [], remove: ["bridge.txt"]) == false, "closed")
        let reopened = SearchIndex.open(.file(path))
        #expect(reopened.update(library: SearchFixture.news, put: [], remove: ["bridge.txt"]))
        reopened.close()
        #expect(try rawConnection(path).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM articleModel") } == 0)
    }

    @Test func aDamagedModelOrBodyIsGivenAsItIsForTheDecoderToRefuse() throws {
        let folder = try StoreFolder()
        defer { folder.cleanUp() }
        let path = folder.file("index.sqlite3")
        let index = SearchIndex.open(.file(path))
        #expect(index.update(library: SearchFixture.news, put: [Self.bridge()]))
        index.close()
        try rawConnection(path).write { db in
            try db.execute(sql: "UPDATE articleModel SET model = x'0011223344'")
            try db.execute(sql: "UPDATE articleText SET body = x'28b52ffd0011223344'")
        }
        let reopened = SearchIndex.open(.file(path))
        let kept = reopened.model(of: Self.key, signature: FileSignature(size: 100, modified: 1), parser: 3)
        #expect(kept?.model == [0x00, 0x11, 0x22, 0x33, 0x44])
        #expect(kept?.body == [], "a body that does not unpack is none")
        #expect(reopened.takeNotices().isEmpty)
        #expect(reopened.search("authority", in: SearchFixture.scope).total == 1, "the rest of the index still answers")
    }

    @Test func anIndexOfVersionOneHasNoModels() throws {
        let folder = try StoreFolder()
        defer { folder.cleanUp() }
        let path = folder.file("index.sqlite3")
        let raw = try DatabaseQueue(path: path, configuration: SearchIndexOpener.configuration(busyTimeout: 1))
        try SearchSchema.migrator.migrate(raw, upTo: "v1: articles, full text, speakers and quotes")
        try raw.write { db in
            try db.execute(sql: "INSERT INTO library (id, path) VALUES (1, ?)", arguments: [SearchFixture.news])
            try db.execute(sql: "INSERT INTO article (libraryId, path, fileSize, fileModified, headline) VALUES (1, 'old.txt', 5, 6, 'Old')")
        }
        try raw.close()
        let index = SearchIndex.open(.file(path))
        #expect(index.takeNotices().isEmpty)
        #expect(others(index, 1) == ["old.txt"])
        #expect(index.model(of: ArticleKey(library: SearchFixture.news, path: "old.txt"), signature: FileSignature(size: 5, modified: 6),
                            parser: 0) == nil)
    }
}

import Foundation
import GRDB
import Testing
@testable import BylineStore

/// What the search index keeps in memory between searches: at most two reading connections,
/// and none once they are closed when idle (each holds a page cache of its own).
@Suite("Search index: memory")
struct SearchIndexMemoryTests {
    /// An index file in `folder` holding the fixture's three articles.
    private func index(in folder: StoreFolder) -> SearchIndex {
        let index = SearchIndex.open(.file(folder.file("index.sqlite3")))
        #expect(index.path != nil, "a file, so the index is a pool of connections")
        #expect(index.update(library: SearchFixture.news, put: [SearchFixture.bridge, SearchFixture.strike, SearchFixture.train]))
        return index
    }

    @Test("searches from many threads at once open at most two reading connections")
    func readersCapped() async throws {
        let folder = try StoreFolder()
        defer { folder.cleanUp() }
        let index = index(in: folder)
        let totals = await withTaskGroup(of: Int.self) { group in
            for word in Array(repeating: ["bridge", "harbour", "strike", "Núñez"], count: 4).joined() {
                group.addTask { index.search(word, in: SearchFixture.scope).total }
            }
            return await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(totals.count == 16 && totals.allSatisfy { $0 >= 1 })
        #expect((1...SearchIndexOpener.maximumReaders).contains(index.readerOpenings.value))
    }

    @Test("idle reading connections are closed, and the next search opens one afresh")
    func idleReadersClosed() throws {
        let folder = try StoreFolder()
        defer { folder.cleanUp() }
        let index = index(in: folder)
        #expect(index.search("bridge", in: SearchFixture.scope).total == 2)
        #expect(index.search("harbour", in: SearchFixture.scope).total == 2)
        let opened = index.readerOpenings.value
        #expect(opened >= 1)
        #expect(index.search("strike", in: SearchFixture.scope).total == 1)
        #expect(index.readerOpenings.value == opened, "open connections are used again")
        index.closeIdleReaders()
        #expect(index.search("strike", in: SearchFixture.scope).total == 1)
        #expect(index.readerOpenings.value > opened, "the closed ones are not")
        index.releaseMemory()
        #expect(index.search("sleeper", in: SearchFixture.scope).total == 1)
        #expect(index.update(library: SearchFixture.news, put: [SearchFixture.train]), "the writer still writes")
    }

    @Test("a connection for the kept articles is opened ahead, and the first read of one uses it")
    func modelReadsPrepared() throws {
        let folder = try StoreFolder()
        defer { folder.cleanUp() }
        var bridge = SearchFixture.bridge
        bridge.model = Array("a parsed article".utf8)
        bridge.parser = 7
        let index = SearchIndex.open(.file(folder.file("index.sqlite3")))
        #expect(index.update(library: SearchFixture.news, put: [bridge, SearchFixture.strike]))
        index.releaseMemory()
        let before = index.readerOpenings.value
        index.prepareModelReads()
        #expect(index.readerOpenings.value == before + 1, "opened ahead")
        index.prepareModelReads()
        #expect(index.readerOpenings.value == before + 1, "and only once")
        let key = ArticleKey(library: SearchFixture.news, path: "bridge.txt")
        #expect(index.model(of: key, signature: bridge.signature, parser: 7)?.model == bridge.model)
        #expect(index.readerOpenings.value == before + 1, "the first read found it open")
        index.closeIdleReaders()
        index.prepareModelReads()
        #expect(index.readerOpenings.value == before + 2, "closed idle ones are opened afresh")
        #expect(index.model(of: key, signature: bridge.signature, parser: 7)?.model == bridge.model)
    }

    @Test("a kept article's read leaves its connection's page cache within the bound")
    func modelReadsKeepTheCacheSmall() throws {
        let folder = try StoreFolder()
        defer { folder.cleanUp() }
        let path = folder.file("index.sqlite3")
        // 400 articles with a 1,500-byte model each: about 600 KB of models, more than a
        // reading connection's page cache holds.
        let articles = (0..<400).map { n in
            var article = SearchFixture.article("a\(n).txt", headline: "Headline \(n)", body: "Body of article \(n).")
            article.model = (0..<1_500).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ n &* 7) }
            article.parser = 3
            return article
        }
        let index = SearchIndex.open(.file(path))
        #expect(index.update(library: SearchFixture.news, put: articles))
        index.close()
        // A reading connection as the index opens them (its page cache `readerCacheKiB`).
        var configuration = SearchIndexOpener.configuration(busyTimeout: 1)
        configuration.readonly = true
        let reader = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? reader.close() }
        let bound = Int(SearchReads.modelReadCacheBytes)
        let (read, highest) = try reader.inDatabase { db in
            var read = 0, highest = 0
            for article in articles {
                let key = ArticleKey(library: SearchFixture.news, path: article.path)
                if try SearchReads.model(db, key: key, signature: article.signature, parser: 3)?.model == article.model { read += 1 }
                highest = max(highest, SearchReads.cacheUsed(db))
            }
            return (read, highest)
        }
        #expect(read == articles.count)
        #expect(highest <= bound, "at most \(bound) bytes cached after a kept read, not \(highest)")
        // Without the bound the same connection keeps far more: the models pass it.
        let unbounded = try reader.inDatabase { db in
            _ = try Row.fetchAll(db, sql: "SELECT model FROM articleModel")
            return SearchReads.cacheUsed(db)
        }
        #expect(unbounded > 2 * bound, "the models fill the cache past the bound when read otherwise (\(unbounded) bytes)")
    }
}

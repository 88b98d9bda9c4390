import Foundation
import GRDB
import Testing
@testable import BylineStore

/// What the state store keeps in memory: a small page cache, however many rows one batch writes.
@Suite("State store: memory")
struct StoreMemoryTests {
    @Test("the store's connection has a page cache of its own size, and a big batch still saves")
    func smallPageCache() throws {
        let folder = try StoreFolder()
        defer { folder.cleanUp() }
        let opened = StoreOpener.open(path: folder.store, now: Date(), options: StoreOpener.Options())
        let database = try #require(opened.database)
        #expect(try database.read { try Int.fetchOne($0, sql: "PRAGMA cache_size") } == -StoreOpener.cacheKiB)
        // Marking a big list read writes more pages than the cache holds: they spill to the WAL.
        let store = StateStore.open(.file(folder.store))
        let paths = (0..<20_000).map { "section-\($0 % 40)/a-long-article-name-\($0).txt" }
        #expect(store.markRead(paths, library: "/library"))
        store.close()
        #expect(StateStore.open(.file(folder.store)).load(library: "/library").read.count == paths.count)
    }
}

import Foundation
import GRDB
import Testing
@testable import BylineStore

/// The search index on real files that are not what they should be: a damaged or newer index
/// is made afresh with one line; what is not ours is left alone and a temporary index used.
@Suite("Search index: faults")
struct SearchIndexFaultTests {
    private func indexPath(_ folder: StoreFolder) -> String { folder.file("index.sqlite3") }

    /// An index made at `folder` holding the fixture's articles, closed.
    private func seed(_ folder: StoreFolder) {
        let index = SearchIndex.open(.file(indexPath(folder)))
        #expect(index.update(library: SearchFixture.news, put: [SearchFixture.bridge, SearchFixture.strike]))
        index.close()
    }

    /// The index works: it takes an article and finds it.
    private func expectWorking(_ index: SearchIndex, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(index.update(library: SearchFixture.news, put: [SearchFixture.train]), sourceLocation: sourceLocation)
        #expect(index.search("sleeper", in: SearchFixture.scope).total == 1, sourceLocation: sourceLocation)
    }

    @Test("an index from a newer Byline is made afresh")
    func newer() throws {
        let folder = try StoreFolder()
        defer { folder.cleanUp() }
        seed(folder)
        try rawConnection(indexPath(folder)).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: from the future')")
        }
        let index = SearchIndex.open(.file(indexPath(folder)))
        let notices = index.takeNotices()
        #expect(notices == ["search index rebuilt from the articles: it was unusable (it was made by a newer Byline)"])
        #expect(index.path == indexPath(folder))
        #expect(index.search("authority", in: SearchFixture.scope).total == 0, "what the newer one held is gone")
        expectWorking(index)
    }

    @Test("a truncated index is made afresh when it is found out")
    func truncated() throws {
        let folder = try StoreFolder()
        defer { folder.cleanUp() }
        seed(folder)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: indexPath(folder))[.size] as? Int)
        #expect(truncate(indexPath(folder), off_t(size / 3)) == 0)
        let index = SearchIndex.open(.file(indexPath(folder)))
        _ = index.search("authority", in: SearchFixture.scope)
        _ = index.people(in: SearchFixture.scope)
        let notices = index.takeNotices()
        #expect(notices.count == 1, "\(notices)")
        #expect(notices.first?.hasPrefix("search index rebuilt from the articles") == true, "\(notices)")
        expectWorking(index)
    }

    @Test("another program's SQLite file is left alone; a temporary index is used")
    func notOurs() throws {
        let folder = try StoreFolder()
        defer { folder.cleanUp() }
        try rawConnection(indexPath(folder)).write { db in
            try db.execute(sql: "CREATE TABLE precious (x); INSERT INTO precious VALUES (42)")
        }
        let index = SearchIndex.open(.file(indexPath(folder)))
        let notices = index.takeNotices()
        #expect(notices.count == 1)
        #expect(notices.first?.hasPrefix("search index not kept this time (\(indexPath(folder)): it is an SQLite database of another program") == true,
                "\(notices)")
        #expect(index.path == nil)
        expectWorking(index)
        let kept = try rawConnection(indexPath(folder)).read { try Int.fetchOne($0, sql: "SELECT x FROM precious") }
        #expect(kept == 42)
    }

    @Test("a folder where the index should be is left alone")
    func folderInItsPlace() throws {
        let folder = try StoreFolder()
        defer { folder.cleanUp() }
        try FileManager.default.createDirectory(atPath: indexPath(folder), withIntermediateDirectories: false)
        let index = SearchIndex.open(.file(indexPath(folder)))
        #expect(index.takeNotices().first?.contains("it is not a regular file") == true)
        expectWorking(index)
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: indexPath(folder), isDirectory: &isFolder) && isFolder.boolValue)
    }

    @Test("a folder that cannot be written: a temporary index, and one line")
    func readOnlyFolder() throws {
        guard ReadOnlyFolder.available else {
            print("SKIPPED: a folder cannot be made read-only here (as root this needs chattr and a file system with the immutable flag)")
            return
        }
        let folder = try StoreFolder()
        defer { folder.cleanUp() }
        #expect(ReadOnlyFolder.make(folder.path))
        let index = SearchIndex.open(.file(indexPath(folder)))
        let notices = index.takeNotices()
        #expect(notices.count == 1)
        #expect(notices.first?.hasPrefix("search index not kept this time (\(indexPath(folder))") == true, "\(notices)")
        expectWorking(index)
    }

    @Test("the index beside the state store never opens the state store")
    func besideTheStore() throws {
        let folder = try StoreFolder()
        defer { folder.cleanUp() }
        folder.seed(["a.txt"])
        let before = try Data(contentsOf: URL(fileURLWithPath: folder.store))
        let location = SearchIndexLocation.beside(.file(folder.store))
        #expect(location == .file(indexPath(folder)))
        #expect(SearchIndexLocation.beside(.file(folder.file("mine.sqlite3"))) == .file(folder.file("mine.index.sqlite3")))
        #expect(SearchIndexLocation.beside(.none(reason: nil)) == .temporary)
        _ = try Data(repeating: 7, count: 4096).write(to: URL(fileURLWithPath: indexPath(folder)))
        let index = SearchIndex.open(location)
        #expect(index.takeNotices().count == 1)
        expectWorking(index)
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder.store)) == before)
        #expect(StateStore.open(.file(folder.store)).load(library: library).read == ["a.txt"])
    }
}

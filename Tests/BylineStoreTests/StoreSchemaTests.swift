import Foundation
import GRDB
import Testing
@testable import BylineStore

@Suite("State store: schema and journal")
struct StoreSchemaTests {
    @Test("a new store is in WAL mode with the current migrations, and reopening migrates nothing")
    func freshStore() throws {
        let folder = try StoreFolder()
        defer { folder.cleanUp() }
        StateStore.open(.file(folder.store)).close()
        let raw = try rawConnection(folder.store)
        try raw.read { db in
            #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal")
            #expect(try StoreSchema.migrator.hasCompletedMigrations(db))
            #expect(try db.tableExists("library"))
            let columns = try db.columns(in: "article").map(\.name)
            #expect(columns == [
                "id", "libraryId", "path", "readAt", "block", "offset", "blockCount",
                "fileSize", "fileModified", "fileHash", "anchor", "savedAt",
            ])
        }
        let reopened = StateStore.open(.file(folder.store))
        #expect(reopened.takeNotices() == [])
        #expect(try raw.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") } == ["v1: libraries and articles"])
    }

    @Test("the folder is created, private to the user")
    func folderCreated() throws {
        let folder = try StoreFolder()
        defer { folder.cleanUp() }
        let path = folder.file("state/byline/state.sqlite3")
        let store = StateStore.open(.file(path))
        #expect(store.markRead(["a.txt"], library: library))
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.file("state/byline"))
        #expect(attributes[.posixPermissions] as? Int == 0o700)
    }

    @Test("an in-memory store has the same schema")
    func inMemory() {
        let store = StateStore.inMemory()
        #expect(store.mode == .saving)
        #expect(store.path == nil)
        #expect(store.markRead(["a.txt"], library: library))
    }
}

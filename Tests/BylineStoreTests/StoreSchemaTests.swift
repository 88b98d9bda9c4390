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
            let columns = try db.columns(in: "articleState").map(\.name)
            #expect(columns == [
                "libraryId", "path", "readAt", "block", "offset", "blockCount",
                "fileSize", "fileModified", "fileHash", "anchor", "savedAt",
            ])
        }
        let reopened = StateStore.open(.file(folder.store))
        #expect(reopened.takeNotices() == [])
        #expect(try raw.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") } == ["v1: libraries and articles"])
    }

    @Test("the definitions a store is checked against are what the migrations make, and what v1 made as shipped")
    func expectedDefinitionsMatchMigrations() throws {
        let migrated = try DatabaseQueue()
        try StoreSchema.migrator.migrate(migrated)
        #expect(try migrated.read(StoreSchema.definitions) == StoreSchema.expectedDefinitions)
        #expect(StoreSchema.expectedDefinitions.keys.sorted() == ["articleState", "library"])
        // v1 as it shipped, in one statement string: stores made by it must pass the check.
        let shipped = try DatabaseQueue()
        try shipped.write { db in
            try db.execute(sql: """
                CREATE TABLE library (
                    id INTEGER PRIMARY KEY,
                    path TEXT NOT NULL UNIQUE,
                    lastSelected TEXT,
                    sortOrder TEXT
                );
                CREATE TABLE articleState (
                    libraryId INTEGER NOT NULL REFERENCES library(id) ON DELETE CASCADE,
                    path TEXT NOT NULL,
                    readAt INTEGER,
                    block INTEGER,
                    offset INTEGER,
                    blockCount INTEGER,
                    fileSize INTEGER,
                    fileModified INTEGER,
                    fileHash INTEGER,
                    anchor INTEGER,
                    savedAt INTEGER,
                    PRIMARY KEY (libraryId, path)
                ) WITHOUT ROWID;
                """)
        }
        #expect(try shipped.read(StoreSchema.holdsExpectedDefinitions))
        // One damaged word is seen.
        let damaged = try DatabaseQueue()
        try damaged.write { db in
            try db.execute(sql: StoreSchema.expectedDefinitions["library"]!.replacingOccurrences(of: "PRIMARY KEY", with: "UNIQUE"))
            try db.execute(sql: StoreSchema.expectedDefinitions["articleState"]!)
        }
        #expect(try !damaged.read(StoreSchema.holdsExpectedDefinitions))
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

    @Test("marks are committed with synchronous = FULL, positions and the rest with NORMAL")
    func durability() throws {
        let folder = try StoreFolder()
        defer { folder.cleanUp() }
        let statements = Failures()
        var options = StoreOpener.Options()
        options.prepare = { db in db.trace { statements.add("\($0)") } }
        let store = StateStore.open(.file(folder.store), options: options)
        func level(_ change: () -> Void) -> [String] {
            let before = statements.all.count
            change()
            return statements.all.dropFirst(before).filter { $0.hasPrefix("PRAGMA synchronous") }
        }
        #expect(level { store.markRead(["a.txt"], library: library) } == ["PRAGMA synchronous = FULL"])
        #expect(level { store.markUnread(["a.txt"], library: library) } == ["PRAGMA synchronous = FULL"])
        let position = SavedPosition(position: ReadingPosition(block: 1, offset: 2), blockCount: 3)
        #expect(level { store.savePosition(position, article: "a.txt", library: library) } == ["PRAGMA synchronous = NORMAL"])
        #expect(level { store.apply([.lastSelected("a.txt"), .sortOrder("date")], library: library) } == ["PRAGMA synchronous = NORMAL"])
        #expect(level { store.apply([.position("b.txt", position), .markRead(["b.txt"], at: Date())], library: library) }
                == ["PRAGMA synchronous = FULL"])
        #expect(level { _ = store.forgetMissing() } == ["PRAGMA synchronous = FULL"])
    }

    @Test("an in-memory store has the same schema")
    func inMemory() {
        let store = StateStore.inMemory()
        #expect(store.mode == .saving)
        #expect(store.path == nil)
        #expect(store.markRead(["a.txt"], library: library))
    }
}

import Foundation
import GRDB
import Testing
@testable import BylineStore

/// Each fault the issue names, on a real file: the store never throws at the reader, moves an
/// unusable file aside and starts afresh, and goes on without saving when it cannot write.
@Suite("State store: faults")
struct StoreFaultTests {
    // MARK: - Unusable files are moved aside

    /// Opens the store at `folder.store` (holding whatever the test put there) and checks that it
    /// was moved aside once, with a one-line notice, and that the fresh store saves.
    private func expectMovedAside(_ folder: StoreFolder, reason: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let store = StateStore.open(.file(folder.store), now: Date(timeIntervalSince1970: 1_800_000_000))
        let notices = store.takeNotices()
        #expect(notices.count == 1, sourceLocation: sourceLocation)
        let notice = notices.first ?? ""
        #expect(notice.contains(reason), "\(notice)", sourceLocation: sourceLocation)
        #expect(notice.contains("state.sqlite3.corrupt-20270115T080000Z"), "\(notice)", sourceLocation: sourceLocation)
        #expect(!notice.contains("\n"), sourceLocation: sourceLocation)
        #expect(folder.asideNames() == ["state.sqlite3.corrupt-20270115T080000Z"], sourceLocation: sourceLocation)
        #expect(store.mode == .saving, sourceLocation: sourceLocation)
        #expect(store.markRead(["a.txt"], library: library), sourceLocation: sourceLocation)
        #expect(store.load(library: library).read == ["a.txt"], sourceLocation: sourceLocation)
        #expect(store.takeNotices() == [], sourceLocation: sourceLocation)
    }

    @Test("random bytes")
    func randomBytes() throws {
        let folder = try StoreFolder()
        defer { folder.cleanUp() }
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<10_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        _ = FileManager.default.createFile(atPath: folder.store, contents: Data(bytes))
        expectMovedAside(folder, reason: "not a database")
        print("NAMES", folder.names())
        let aside = folder.file("state.sqlite3.corrupt-20270115T080000Z")
        #expect(FileManager.default.contents(atPath: aside) == Data(bytes), "the bad file is kept as it was")
    }

    @Test("a truncated file")
    func truncated() throws {
        let folder = try StoreFolder()
        defer { folder.cleanUp() }
        folder.seed(articles(4000))
        let size = try FileManager.default.attributesOfItem(atPath: folder.store)[.size] as? Int ?? 0
        #expect(size > 40_000)
        #expect(truncate(folder.store, off_t(size / 2)) == 0)
        expectMovedAside(folder, reason: "malformed")
    }

    /// Found by the `store` fuzz target: SQLite's integrity check reports a damaged page on two
    /// lines ("*** in database main ***", then the page), and the notice carried both.
    @Test("a damaged page: one line says so")
    func damagedPage() throws {
        let folder = try StoreFolder()
        defer { folder.cleanUp() }
        folder.seed(articles(4000))
        let handle = try #require(FileHandle(forUpdatingAtPath: folder.store))
        try handle.seek(toOffset: 2 * 4096)  // the type byte of the third page's b-tree header
        try handle.write(contentsOf: Data([0x00]))
        try handle.close()
        expectMovedAside(folder, reason: "integrity check")
    }

    @Test("a file cut inside its header")
    func cutHeader() throws {
        let folder = try StoreFolder()
        defer { folder.cleanUp() }
        folder.seed(["x.txt"])
        #expect(truncate(folder.store, 50) == 0)
        expectMovedAside(folder, reason: "malformed")
    }

    @Test("a folder in its place")
    func folderInPlace() throws {
        let folder = try StoreFolder()
        defer { folder.cleanUp() }
        try FileManager.default.createDirectory(atPath: folder.store + "/inside", withIntermediateDirectories: true)
        expectMovedAside(folder, reason: "it is a folder")
        #expect(FileManager.default.fileExists(atPath: folder.file("state.sqlite3.corrupt-20270115T080000Z/inside")))
    }

    @Test("a schema from a newer Byline")
    func newerSchema() throws {
        let folder = try StoreFolder()
        defer { folder.cleanUp() }
        folder.seed([])
        try rawConnection(folder.store).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: from the future')")
        }
        expectMovedAside(folder, reason: "newer Byline")
    }

    @Test("no log or index of the bad file is left beside the fresh store")
    func noOldLogBesideTheFreshStore() throws {
        let folder = try StoreFolder()
        defer { folder.cleanUp() }
        _ = FileManager.default.createFile(atPath: folder.store, contents: Data(repeating: 0x41, count: 8192))
        _ = FileManager.default.createFile(atPath: folder.store + "-wal", contents: Data("old log".utf8))
        _ = FileManager.default.createFile(atPath: folder.store + "-shm", contents: Data("old index".utf8))
        expectMovedAside(folder, reason: "not a database")
        // SQLite itself drops a log it cannot read; one it can read goes aside with the file.
        #expect(FileManager.default.contents(atPath: folder.store + "-wal") != Data("old log".utf8))
        #expect(FileManager.default.contents(atPath: folder.store + "-shm") != Data("old index".utf8))
        #expect(folder.names().filter { $0.hasSuffix("-shm") && $0.contains("corrupt") } == [])
    }

    @Test("an empty file is a new store, not a corrupt one")
    func emptyFile() throws {
        let folder = try StoreFolder()
        defer { folder.cleanUp() }
        _ = FileManager.default.createFile(atPath: folder.store, contents: Data())
        let store = StateStore.open(.file(folder.store))
        #expect(store.takeNotices() == [])
        #expect(store.markRead(["a.txt"], library: library))
        #expect(folder.asideNames() == [])
    }

    @Test("a second bad file on the same second gets its own name")
    func asideNamesDoNotCollide() throws {
        let folder = try StoreFolder()
        defer { folder.cleanUp() }
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        for _ in 0..<2 {
            _ = FileManager.default.createFile(atPath: folder.store, contents: Data(repeating: 0x41, count: 4096))
            StateStore.open(.file(folder.store), now: now).close()
        }
        #expect(folder.asideNames() == ["state.sqlite3.corrupt-20270115T080000Z", "state.sqlite3.corrupt-20270115T080000Z-2"])
    }

    @Test("a store damaged while in use is moved aside, and the change that found it is saved")
    func damagedWhileOpen() throws {
        let folder = try StoreFolder()
        defer { folder.cleanUp() }
        let store = StateStore.open(.file(folder.store))
        for chunk in 0..<10 { store.markRead(articles(300, from: chunk * 300), library: library) }
        // Fold the log into the file, then scribble over every page after the first. The
        // checkpoint changes the log's header, so the store's connection drops its cache.
        _ = try rawConnection(folder.store).writeWithoutTransaction { db in
            try db.checkpoint(.truncate)
        }
        let handle = try #require(FileHandle(forUpdatingAtPath: folder.store))
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: 4096)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: Int(size) - 4096))
        try handle.close()

        #expect(store.markRead(["after.txt"], library: library))
        let notices = store.takeNotices()
        #expect(notices.count == 1)
        #expect(notices.first?.contains("moved aside") == true, "\(notices)")
        #expect(folder.asideNames().count == 1)
        #expect(store.load(library: library).read == ["after.txt"])
    }

    @Test("another program's SQLite file is left alone, and nothing is saved")
    func foreignDatabase() throws {
        let folder = try StoreFolder()
        defer { folder.cleanUp() }
        try rawConnection(folder.store).write { db in
            try db.execute(sql: "CREATE TABLE bookmarks (url TEXT)")
        }
        let store = StateStore.open(.file(folder.store))
        #expect(store.takeNotices().first?.contains("another program") == true)
        #expect(!store.markRead(["a.txt"], library: library))
        #expect(folder.asideNames() == [])
        let tables = try rawConnection(folder.store).read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master") }
        #expect(tables == ["bookmarks"])
    }

    /// Found by the `store` fuzz target: a flipped bit in a record's header turns a text value
    /// into a blob (or a number into text) without failing SQLite's integrity check, and GRDB's
    /// row subscript traps on a value it cannot decode: Byline crashed on every start.
    @Test("values of the wrong type read as missing, and never crash")
    func wrongTypes() throws {
        let folder = try StoreFolder()
        defer { folder.cleanUp() }
        let seeded = StateStore.open(.file(folder.store))
        seeded.markRead(articles(4), library: library)
        for name in articles(4) {
            seeded.savePosition(SavedPosition(position: ReadingPosition(block: 3, offset: 9), blockCount: 5,
                                              signature: FileSignature(size: 10, modified: 20)), article: name, library: library)
        }
        seeded.saveLastSelected("a-1.txt", library: library)
        seeded.saveSortOrder("newest", library: library)
        seeded.close()
        try rawConnection(folder.store).write { db in
            try db.execute(sql: "UPDATE library SET lastSelected = x'ff00', sortOrder = x'fe'")
            try db.execute(sql: "UPDATE articleState SET block = 'seven', offset = 2.5, readAt = 'yesterday' WHERE path = 'a-1.txt'")
            try db.execute(sql: "UPDATE articleState SET fileSize = x'00', anchor = 'x' WHERE path = 'a-2.txt'")
            try db.execute(sql: "UPDATE articleState SET path = x'ff2d332e747874' WHERE path = 'a-3.txt'")
        }
        let store = StateStore.open(.file(folder.store))
        #expect(store.takeNotices() == [])
        let state = store.load(library: library)
        #expect(state.lastSelected == nil && state.sortOrder == nil)
        #expect(state.positions["a-0.txt"]?.position == ReadingPosition(block: 3, offset: 9))
        #expect(state.read.contains("a-0.txt"))
        #expect(store.savedPosition(library: library, article: "a-1.txt") == nil, "a block that is not a number is no position")
        #expect(store.savedPosition(library: library, article: "a-2.txt")?.signature == nil, "nor a size that is not one")
        #expect(store.savedPosition(library: library, article: "a-2.txt")?.anchor == nil)
        #expect(store.export().map(\.path).sorted() == ["a-0.txt", "a-1.txt", "a-2.txt"], "a path that is not text (a blob, not UTF-8) is left out")
        #expect(store.forgetMissing { _ in true } == ForgetSummary())
        #expect(store.markRead(["b.txt"], library: library))
        #expect(store.load(library: library).read.contains("b.txt"))
    }

    // MARK: - Stores that cannot be written

    @Test("a read-only folder: marks already saved still load, nothing is saved, one notice",
          .enabled(if: ReadOnlyFolder.available, "cannot make a read-only folder here (root needs chattr +i on this file system)"))
    func readOnlyFolder() throws {
        let folder = try StoreFolder()
        defer { folder.cleanUp() }
        folder.seed(["old.txt"])
        #expect(ReadOnlyFolder.make(folder.path))
        let store = StateStore.open(.file(folder.store))
        let notices = store.takeNotices()
        #expect(notices.count == 1)
        #expect(notices.first?.contains("state will not be saved") == true, "\(notices)")
        #expect(notices.first?.contains("its folder cannot be written") == true, "\(notices)")
        #expect(store.load(library: library).read == ["old.txt"])
        #expect(!store.markRead(["new.txt"], library: library))
        #expect(!store.saveLastSelected("new.txt", library: library))
        #expect(store.takeNotices() == [])
        if case .notSaving = store.mode {} else { Issue.record("mode is \(store.mode)") }
    }

    @Test("a read-only folder with no store yet",
          .enabled(if: ReadOnlyFolder.available, "cannot make a read-only folder here (root needs chattr +i on this file system)"))
    func readOnlyFolderNoStore() throws {
        let folder = try StoreFolder()
        defer { folder.cleanUp() }
        #expect(ReadOnlyFolder.make(folder.path))
        let store = StateStore.open(.file(folder.store))
        #expect(store.takeNotices().count == 1)
        #expect(store.load(library: library) == LibraryState())
        #expect(!store.markRead(["a.txt"], library: library))
        #expect(!store.isReadable)
    }

    @Test("a full disk: what was saved stays, later changes are dropped after one notice")
    func fullDisk() throws {
        let folder = try StoreFolder()
        defer { folder.cleanUp() }
        StateStore.open(.file(folder.store)).close()
        let pages = try rawConnection(folder.store).read { try Int.fetchOne($0, sql: "PRAGMA page_count") ?? 0 }
        // The file may not grow past a few pages, as on a disk with no room left: SQLite answers
        // SQLITE_FULL ("database or disk is full"), exactly what it answers on ENOSPC.
        var options = StoreOpener.Options()
        options.prepare = { db in try db.execute(sql: "PRAGMA max_page_count = \(pages + 2)") }
        let store = StateStore.open(.file(folder.store), options: options)
        #expect(store.takeNotices() == [])
        var saved = 0
        for chunk in 0..<50 where store.markRead(articles(100, from: chunk * 100), library: library) {
            saved += 100
        }
        #expect(saved > 0 && saved < 5000)
        let notices = store.takeNotices()
        #expect(notices.count == 1)
        #expect(notices.first?.contains("full") == true, "\(notices)")
        #expect(store.load(library: library).read.count == saved)
        #expect(!store.markRead(["late.txt"], library: library))
        #expect(store.takeNotices() == [])
    }

    // MARK: - Busy

    @Test("a store kept busy by another process: the change waits for the next one, no notice")
    func busy() throws {
        let folder = try StoreFolder()
        defer { folder.cleanUp() }
        var options = StoreOpener.Options()
        options.busyTimeout = 0.2
        let store = StateStore.open(.file(folder.store), options: options)
        store.markRead(["first.txt"], library: library)

        let other = try rawConnection(folder.store)
        try other.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            #expect(!store.markRead(["while-busy.txt"], library: library))
            try db.execute(sql: "COMMIT")
        }
        #expect(store.takeNotices() == [])
        #expect(store.mode == .saving)
        #expect(store.markRead(["after.txt"], library: library))
        #expect(store.load(library: library).read == ["first.txt", "while-busy.txt", "after.txt"])
    }

    /// Found by the `store` fuzz target: one bit flipped in the schema's text ("PRIMARY" to
    /// "PRIMARX") leaves the library's id an ordinary column, and the rows written while it
    /// was the row id hold NULL there. Reading a NULL id trapped in GRDB's subscript (now a
    /// thrown error, read as less state); and marks saved after it were lost without an error
    /// (a new library's id was NULL too). A store whose tables are not the ones the migrations
    /// make is now moved aside, with one line, and a fresh one saves.
    @Test("a schema whose library id is no longer the row id: moved aside, and the fresh store saves")
    func libraryIdNull() throws {
        let folder = try StoreFolder()
        defer { folder.cleanUp() }
        folder.seed(["a.txt", "b.txt"])
        var bytes = try #require(FileManager.default.contents(atPath: folder.store))
        let table = Data("CREATE TABLE library (\n    id INTEGER PRIMARY KEY".utf8)
        let found = try #require(bytes.range(of: table), "the library table's schema text is in the file")
        let flip = found.upperBound - " KEY".utf8.count - 1
        #expect(bytes[flip] == UInt8(ascii: "Y"))
        bytes[flip] = UInt8(ascii: "X")
        _ = FileManager.default.createFile(atPath: folder.store, contents: bytes)
        expectMovedAside(folder, reason: "its tables are not the ones Byline makes")
    }

    /// Reading such a store never traps, whatever opens it: its library row's NULL id reads as
    /// no state.
    @Test("a library row with a NULL id reads as no state")
    func libraryIdNullReads() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE library (id INTEGER, path TEXT, lastSelected TEXT, sortOrder TEXT)")
            try db.execute(sql: "INSERT INTO library (id, path) VALUES (NULL, ?)", arguments: [library])
        }
        #expect(throws: (any Error).self) {
            try queue.read { db in try StoreQueries.libraryState(db, library: library) }
        }
    }
}

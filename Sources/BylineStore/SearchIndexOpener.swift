import Foundation
import GRDB
import Synchronization

/// Where the search index lives: a file beside the state store, or a temporary one.
public enum SearchIndexLocation: Equatable, Sendable {
    /// An SQLite file (created, with its folder, when missing).
    case file(String)
    /// A temporary file of this process, which SQLite deletes when it is closed (`--no-state`):
    /// the index is made afresh each time, but never held in memory whole.
    case temporary

    /// The index's file name inside the state store's folder.
    public static let fileName = "index.sqlite3"

    /// Beside the state store: `index.sqlite3` in the folder of `state.sqlite3` (for a store
    /// file named otherwise, `NAME.index.sqlite3` beside it, so two stores never share one).
    /// Without a store (`--no-state`), temporary: nothing is kept.
    public static func beside(_ state: StateLocation) -> SearchIndexLocation {
        guard let path = state.path else { return .temporary }
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let file = name == StateLocation.fileName ? fileName : (name as NSString).deletingPathExtension + "." + fileName
        return .file(folder.isEmpty ? file : (folder as NSString).appendingPathComponent(file))
    }
}

/// Opens the index file, whatever state it is in, without ever throwing at the caller.
///
/// The index holds nothing that cannot be made again from the articles, so a damaged one
/// (not a database, malformed, made by a newer Byline) is deleted and made afresh, with a
/// notice. It lives in a file of its own so that this can never touch the read marks. A file
/// that is not ours (an SQLite database of another program) or a folder where the index should
/// be is left alone, and a temporary index used; so is one whose folder cannot be written.
enum SearchIndexOpener {
    struct Opened {
        var database: any DatabaseWriter
        /// False: temporary (perhaps though a file was asked for).
        var onDisk: Bool
        var notices: [String] = []
    }

    static func open(_ location: SearchIndexLocation, busyTimeout: TimeInterval = 10, readers: ReaderOpenings? = nil) -> Opened {
        guard case .file(let path) = location else {
            return temporary(notices: [])
        }
        var notices: [String] = []
        for attempt in 0..<2 {
            do {
                return Opened(database: try openFile(path, busyTimeout: busyTimeout, readers: readers), onDisk: true, notices: notices)
            } catch {
                switch StoreFault.classify(error) {
                case .unusable(let reason) where attempt == 0:
                    do {
                        try delete(path)
                        notices.append("search index rebuilt from the articles: it was unusable (\(StoreOpener.oneLine(reason)))")
                    } catch {
                        return temporary(notices: notices + [notKept(path, "\(reason), and it could not be deleted")])
                    }
                case .unusable(let reason), .cannotWrite(let reason), .other(let reason):
                    return temporary(notices: notices + [notKept(path, reason)])
                case .busy:
                    return temporary(notices: notices + [notKept(path, "another process kept it locked")])
                }
            }
        }
        return temporary(notices: notices + [notKept(path, "it stayed unusable")])
    }

    private static func notKept(_ path: String, _ reason: String) -> String {
        "search index not kept this time (\(path): \(StoreOpener.oneLine(reason)))"
    }

    /// A temporary index (SQLite's private file for an empty name, deleted when closed); if
    /// even that fails, one in memory; if that fails too, something is badly wrong with SQLite.
    static func temporary(notices: [String]) -> Opened {
        if let queue = try? DatabaseQueue(path: "", configuration: configuration(busyTimeout: 0)),
           (try? SearchSchema.migrator.migrate(queue)) != nil {
            return Opened(database: queue, onDisk: false, notices: notices)
        }
        do {
            let queue = try DatabaseQueue(configuration: configuration(busyTimeout: 0))
            try SearchSchema.migrator.migrate(queue)
            return Opened(database: queue, onDisk: false, notices: notices)
        } catch {
            fatalError("cannot make an in-memory search index: \(error)")
        }
    }

    /// The page cache of each connection that only reads, in KiB.
    static let readerCacheKiB = 256

    /// Reading connections a pool keeps at most: a search reads on one, and its first page's
    /// count on a second (``SearchTally``); GRDB's default is 5.
    static let maximumReaders = 2

    static func configuration(busyTimeout: TimeInterval, readers: ReaderOpenings? = nil) -> Configuration {
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.label = "byline.index"
        config.maximumReaderCount = maximumReaders
        config.prepareDatabase { db in
            try SearchFunctions.register(on: db)
            // A cache: a commit that a power cut loses is indexed again next time.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // Searches read through a page cache of their own on each reading connection, kept
            // until the connection closes: SQLite's default (2,000 KiB) filled over the soak's
            // first 30,000 keys. The pages a search walks again (the b-trees' upper levels)
            // fit in 256 KiB (512 was no faster, and two readers open at the soak's peak held
            // both); the rest comes from the system's file cache. The writer keeps the
            // default, for indexing.
            if db.configuration.readonly {
                try db.execute(sql: "PRAGMA cache_size = -\(readerCacheKiB)")
                readers?.add()
            }
        }
        return config
    }

    private static func openFile(_ path: String, busyTimeout: TimeInterval, readers: ReaderOpenings?) throws -> DatabasePool {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty && !FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw StoreFault.cannotWrite("cannot create the folder \(folder): \((error as NSError).localizedDescription)")
            }
        }
        var info = stat()
        if stat(path, &info) == 0 && info.st_mode & S_IFMT != S_IFREG {
            throw StoreFault.other("it is not a regular file")
        }
        let pool = try DatabasePool(path: path, configuration: configuration(busyTimeout: busyTimeout, readers: readers))
        try pool.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                if !tables.isEmpty && !tables.contains("grdb_migrations") {
                    throw StoreFault.other("it is an SQLite database of another program")
                }
                if try SearchSchema.migrator.hasBeenSuperseded(db) {
                    throw StoreFault.unusable("it was made by a newer Byline")
                }
                return .commit
            }
        }
        try StoreSchema.migrate(pool, with: SearchSchema.migrator)
        return pool
    }

    /// Deletes an index file and its log (it holds nothing that cannot be made again).
    static func delete(_ path: String) throws {
        for suffix in ["-wal", "-shm", "-journal", ""] {
            if unlink(path + suffix) != 0 && errno != ENOENT {
                throw StoreFault.cannotWrite("cannot delete \(path + suffix): \(String(cString: strerror(errno)))")
            }
        }
    }
}

/// How many reading connections an index has opened, counted as each is set up (the tests
/// check that the pool keeps at most ``SearchIndexOpener/maximumReaders`` and that idle ones
/// are closed).
final class ReaderOpenings: Sendable {
    private let count = Atomic<Int>(0)

    func add() { count.add(1, ordering: .relaxed) }

    var value: Int { count.load(ordering: .relaxed) }
}

import Foundation
import GRDB

/// Opens the store file, whatever state it is in, without ever throwing at the reader.
///
/// - A usable store is opened read-write: WAL journal, a busy timeout,
///   migrated to the current schema.
/// - An unusable one (not a database, malformed, a folder in its place, a schema from a newer
///   Byline) is renamed aside (``Quarantine``) and a fresh one created, with a notice.
/// - One that cannot be written (read-only folder, full disk) is opened read-only if that
///   works, so marks still show; nothing is saved, and a notice says so.
/// - An SQLite database of another program is left untouched, and nothing is saved.
enum StoreOpener {
    /// How connections are set up.
    struct Options: Sendable {
        /// How long a write waits for another process's transaction before giving up. Byline's
        /// own transactions take about a millisecond, so this is only reached when another
        /// process is stopped in the middle of one.
        var busyTimeout: TimeInterval = 10
        /// Run on each new connection (tests use it to cap the file's size, as a full disk would).
        var prepare: (@Sendable (Database) throws -> Void)?
    }

    /// What opening gave.
    struct Opened {
        /// The connection (nil: nothing can be read).
        var database: DatabaseQueue?
        /// Why nothing will be saved (nil: it will).
        var notSaving: String?
        var notices: [String] = []
    }

    static func open(path: String, now: Date, options: Options) -> Opened {
        var notices: [String] = []
        var movedAside = false
        var busyRetries = 0
        while true {
            do {
                return Opened(database: try openWritable(path, options), notSaving: nil, notices: notices)
            } catch {
                switch StoreFault.classify(error) {
                case .busy where busyRetries < 4:
                    // SQLite answers busy at once, without waiting out the timeout, when waiting
                    // could deadlock: two processes creating the same new file and switching it
                    // to WAL together. Every lock is let go by now, so another try goes through.
                    busyRetries += 1
                    usleep(UInt32(20_000 * busyRetries))
                case .unusable(let reason) where !movedAside:
                    movedAside = true
                    do {
                        let aside = try Quarantine.moveAside(path, now: now)
                        notices.append("state store moved aside and started afresh: it was unusable (\(oneLine(reason))); the old one is \(aside)")
                    } catch {
                        return notSaving(path, reason: "\(reason), and it could not be moved aside", notices: notices, options)
                    }
                case .unusable(let reason), .cannotWrite(let reason), .other(let reason):
                    return notSaving(path, reason: reason, notices: notices, options)
                case .busy:
                    return notSaving(path, reason: "another process kept the store locked", notices: notices, options)
                }
            }
        }
    }

    /// Not saving: try to read what is there, and say so once.
    private static func notSaving(_ path: String, reason: String, notices: [String], _ options: Options) -> Opened {
        let folder = (path as NSString).deletingLastPathComponent
        var reason = reason
        if access(folder.isEmpty ? "." : folder, W_OK) != 0, errno != ENOENT {
            reason = "its folder cannot be written: \(String(cString: strerror(errno)))"
        }
        let why = "state will not be saved (\(path): \(oneLine(reason)))"
        return Opened(database: openReadOnly(path, options), notSaving: why, notices: notices + [why])
    }

    // MARK: - Opening

    /// The page cache of the store's connection, in KiB.
    static let cacheKiB = 256

    static func configuration(readonly: Bool, _ options: Options) -> Configuration {
        var config = Configuration()
        config.readonly = readonly
        config.busyMode = .timeout(options.busyTimeout)
        config.label = "byline.state"
        // Marking a 10,000-article list read touches every page of the store (about 800 KiB
        // then): with SQLite's default cache (2,000 KiB) they all stayed in memory afterwards.
        // Reads and writes of a few rows need a few pages; a batch spills to the WAL.
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -\(cacheKiB)") }
        if let prepare = options.prepare { config.prepareDatabase(prepare) }
        return config
    }

    private static func openWritable(_ path: String, _ options: Options) throws -> DatabaseQueue {
        try makeFolder(for: path)
        try checkIsFile(path)
        let queue = try DatabaseQueue(path: path, configuration: configuration(readonly: false, options))
        try queue.writeWithoutTransaction { db in
            try checkIsOurs(db)
            // WAL: readers never wait for the writer, and two processes write in turn.
            let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            guard mode?.lowercased() == "wal" else {
                throw StoreFault.cannotWrite("cannot switch it to WAL (journal mode \(mode ?? "unknown"))")
            }
            // Each write picks its own level (``Durability``); until then, the stronger one.
            try Durability.synced.set(on: db)
            try db.execute(sql: "PRAGMA journal_size_limit = 1048576")
            // Under the write lock, so a store another process is creating this very moment is
            // seen whole or not at all.
            try db.inTransaction(.immediate) {
                try quickCheck(db)
                if try StoreSchema.migrator.hasBeenSuperseded(db) {
                    throw StoreFault.unusable("its schema is from a newer Byline")
                }
                if try StoreSchema.migrator.hasCompletedMigrations(db), try !StoreSchema.holdsExpectedDefinitions(db) {
                    throw StoreFault.unusable("its tables are not the ones Byline makes")
                }
                return .commit
            }
        }
        try StoreSchema.migrate(queue)
        return queue
    }

    /// A read-only connection that can read the store, or nil. In a folder that cannot be
    /// written, SQLite cannot make the WAL's index file, so the file is then opened as
    /// immutable (a URI, which Debian's SQLite accepts): what was checkpointed can be read.
    private static func openReadOnly(_ path: String, _ options: Options) -> DatabaseQueue? {
        for candidate in [path, "file:\(uriEscaped(path))?immutable=1"] {
            guard let queue = try? DatabaseQueue(path: candidate, configuration: configuration(readonly: true, options)) else { continue }
            let usable = try? queue.read { db in
                try db.tableExists("library") && StoreSchema.migrator.hasCompletedMigrations(db)
                    && !StoreSchema.migrator.hasBeenSuperseded(db) && StoreSchema.holdsExpectedDefinitions(db)
            }
            if usable == true { return queue }
        }
        return nil
    }

    /// A path as the path part of an SQLite URI (`%`, `?` and `#` escaped).
    private static func uriEscaped(_ path: String) -> String {
        var result = ""
        for character in path {
            switch character {
            case "%": result += "%25"
            case "?": result += "%3f"
            case "#": result += "%23"
            default: result.append(character)
            }
        }
        return result
    }

    // MARK: - Checks

    private static func makeFolder(for path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        guard !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) else { return }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw StoreFault.cannotWrite("cannot create the folder \(folder): \((error as NSError).localizedDescription)")
        }
    }

    /// A folder (or a device, a socket…) where the file should be is unusable.
    private static func checkIsFile(_ path: String) throws {
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR: throw StoreFault.unusable("it is a folder")
        default: throw StoreFault.unusable("it is not a regular file")
        }
    }

    /// A database with tables but none of GRDB's migration bookkeeping belongs to another
    /// program (say `--state` named the wrong file): it must not be changed, nor moved.
    private static func checkIsOurs(_ db: Database) throws {
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        if !tables.isEmpty && !tables.contains("grdb_migrations") {
            throw StoreFault.other("it is an SQLite database of another program")
        }
    }

    /// `PRAGMA quick_check`: finds a truncated or damaged file at once, instead of at the
    /// first write that lands on a bad page.
    private static func quickCheck(_ db: Database) throws {
        let result = try String.fetchAll(db, sql: "PRAGMA quick_check(1)")
        guard result == ["ok"] else {
            throw StoreFault.unusable("it failed its integrity check: \(result.first ?? "no answer")")
        }
    }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}

import Foundation
import GRDB
import Synchronization

/// Byline's memory between runs: read marks, reading positions, the last selected article and
/// the sort order of each library, in one SQLite file shared by every Byline process.
///
/// Every method is synchronous, safe to call from any thread (calls run one at a time), and
/// never throws: a store that breaks goes on as well as it can and says so once through
/// ``takeNotices()``. Call it from a worker thread, not the one that draws: a write waits for
/// the disk (each commit is synced) and, rarely, for another process's transaction.
///
/// Libraries are keyed by their canonical path (``libraryKey(for:)``), articles by their path
/// inside the library.
public final class StateStore: Sendable {
    /// Whether changes are being saved.
    public enum Mode: Equatable, Sendable {
        /// Changes are saved.
        case saving
        /// The store could not be written (read-only folder, full disk…): nothing is saved, but
        /// what could be read still is. The reason is a line for the user.
        case notSaving(String)
        /// No store at all (`--no-state`): nothing is read or written.
        case off
    }

    /// The store file (nil: in memory, or none).
    public let path: String?
    private let options: StoreOpener.Options
    private let backend: Mutex<Backend>

    private init(path: String?, options: StoreOpener.Options = .init(), backend: Backend) {
        self.path = path
        self.options = options
        self.backend = Mutex(backend)
    }

    // MARK: - Opening

    /// Opens (or creates) the store at `location`. Never fails: see ``Mode`` and
    /// ``takeNotices()`` for how it went.
    public static func open(_ location: StateLocation, now: Date = Date()) -> StateStore {
        open(location, now: now, options: .init())
    }

    /// The same, with connection options (tests: a short busy timeout, a capped file size).
    static func open(_ location: StateLocation, now: Date = Date(), options: StoreOpener.Options) -> StateStore {
        switch location {
        case .none(let reason):
            return StateStore(path: nil, backend: Backend(database: nil, mode: .off, notices: reason.map { [$0] } ?? []))
        case .file(let path):
            let opened = StoreOpener.open(path: path, now: now, options: options)
            return StateStore(path: path, options: options, backend: Backend(opened))
        }
    }

    /// A store in memory, for tests: it behaves as a file store and is gone with the object.
    public static func inMemory() -> StateStore {
        do {
            let queue = try DatabaseQueue()
            try StoreSchema.migrate(queue)
            return StateStore(path: nil, backend: Backend(database: queue, mode: .saving, notices: []))
        } catch {
            return StateStore(path: nil, backend: Backend(database: nil, mode: .notSaving("\(error)"), notices: []))
        }
    }

    /// The key of the library at `path`: its canonical absolute path (symlinks resolved), or
    /// the path made absolute when it cannot be resolved.
    public static func libraryKey(for path: String) -> String {
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return (absolute as NSString).standardizingPath
    }

    // MARK: - State

    public var mode: Mode {
        backend.withLock { $0.mode }
    }

    /// Whether what the store holds can be read (false with no store, or one that could not
    /// be opened at all).
    public var isReadable: Bool {
        backend.withLock { $0.database != nil }
    }

    /// The one-line notices since the last call (a store moved aside, state not being saved),
    /// each given once.
    public func takeNotices() -> [String] {
        backend.withLock { backend in
            defer { backend.notices.removeAll() }
            return backend.notices
        }
    }

    /// Closes the store (a final checkpoint folds the write-ahead log into the file). Later
    /// calls do nothing.
    public func close() {
        backend.withLock { backend in
            backend.database = nil
            backend.mode = .off
        }
    }

    // MARK: - Reading

    /// Everything saved for a library: read marks, positions, last selected, sort order. One
    /// indexed scan of the library's rows.
    public func load(library: String) -> LibraryState {
        perform(writing: false, fallback: LibraryState()) { database in
            try database.read { try StoreQueries.libraryState($0, library: library) }
        }
    }

    /// The saved position in one article, or nil.
    public func savedPosition(library: String, article: String) -> SavedPosition? {
        perform(writing: false, fallback: nil) { database in
            try database.read { try StoreQueries.savedPosition($0, library: library, article: article) }
        }
    }

    /// Every article with a mark or a position, in every library, sorted by library and path.
    public func export() -> [ExportedArticle] {
        perform(writing: false, fallback: []) { database in
            try database.read { try StoreQueries.export($0) }
        }
    }

    // MARK: - Writing

    /// Saves a batch of changes to one library in one transaction; returns whether they were
    /// saved. Changes that met a busy store are kept and saved with the next batch for the
    /// same library.
    @discardableResult
    public func apply(_ changes: [StateChange], library: String) -> Bool {
        guard !changes.isEmpty else { return true }
        return backend.withLock { backend in
            let batch = (backend.pending.removeValue(forKey: library) ?? []) + changes
            let durability = Durability(for: batch)
            let saved = perform(&backend, writing: true, fallback: false) { database in
                try durability.write(database) { try StoreQueries.apply($0, batch, library: library) }
                return true
            }
            if !saved, backend.lastFault == .busy { backend.pending[library] = batch }
            return saved
        }
    }

    /// Marks articles read (synced to disk before it returns); an article already read keeps
    /// its first read time.
    @discardableResult
    public func markRead(_ articles: [String], library: String, at date: Date = Date()) -> Bool {
        apply([.markRead(articles, at: date)], library: library)
    }

    /// Marks articles unread (synced); their positions stay.
    @discardableResult
    public func markUnread(_ articles: [String], library: String) -> Bool {
        apply([.markUnread(articles)], library: library)
    }

    /// Saves (or, with nil, forgets) the reading position in an article.
    @discardableResult
    public func savePosition(_ position: SavedPosition?, article: String, library: String) -> Bool {
        apply([.position(article, position)], library: library)
    }

    /// Remembers the selected article, to reopen on it next time (nil: none).
    @discardableResult
    public func saveLastSelected(_ article: String?, library: String) -> Bool {
        apply([.lastSelected(article)], library: library)
    }

    /// Remembers the list's sort order, as the reader names it (nil: its default).
    @discardableResult
    public func saveSortOrder(_ order: String?, library: String) -> Bool {
        apply([.sortOrder(order)], library: library)
    }

    /// Drops the entries of files that no longer exist (`byline state forget --missing`). A
    /// library whose folder is missing altogether is left alone and listed.
    public func forgetMissing(fileExists: (String) -> Bool = { access($0, F_OK) == 0 }) -> ForgetSummary {
        perform(writing: true, fallback: ForgetSummary()) { database in
            try Durability.synced.write(database) { try StoreQueries.forgetMissing($0, fileExists: fileExists) }
        }
    }

    // MARK: - Faults

    private func perform<T: Sendable>(writing: Bool, fallback: T, _ body: (DatabaseQueue) throws -> T) -> T {
        backend.withLock { perform(&$0, writing: writing, fallback: fallback, body) }
    }

    /// Runs `body` on the database; on a fault, follows the policy (see ``StoreFault``) and,
    /// after a store was moved aside, runs it once more on the fresh one.
    private func perform<T: Sendable>(_ backend: inout Backend, writing: Bool, fallback: T, _ body: (DatabaseQueue) throws -> T) -> T {
        backend.lastFault = nil
        for attempt in 0..<2 {
            guard let database = backend.database, !writing || backend.mode == .saving else { return fallback }
            do {
                return try body(database)
            } catch {
                let fault = StoreFault.classify(error)
                backend.lastFault = fault
                switch fault {
                case .unusable(let reason) where attempt == 0 && backend.mode == .saving:
                    guard let path else {
                        backend.stopSaving(path: nil, reason: reason)
                        return fallback
                    }
                    backend.replaceUnusable(path: path, reason: reason, options: options)
                case .busy:
                    return fallback
                case .unusable(let reason), .cannotWrite(let reason), .other(let reason):
                    backend.stopSaving(path: path, reason: reason)
                    return fallback
                }
            }
        }
        return fallback
    }

    /// The store's connection and what happened to it, guarded by the mutex.
    private struct Backend {
        var database: DatabaseQueue?
        var mode: Mode
        var notices: [String]
        /// Changes that met a busy store, by library.
        var pending: [String: [StateChange]] = [:]
        var lastFault: StoreFault?

        init(database: DatabaseQueue?, mode: Mode, notices: [String]) {
            self.database = database
            self.mode = mode
            self.notices = notices
        }

        init(_ opened: StoreOpener.Opened) {
            self.init(database: opened.database, mode: opened.notSaving.map(Mode.notSaving) ?? .saving,
                      notices: opened.notices)
        }

        /// Nothing more will be saved; say so once.
        mutating func stopSaving(path: String?, reason: String) {
            guard mode == .saving else { return }
            let line = "state will not be saved (\(path ?? "in memory"): \(StoreOpener.oneLine(reason)))"
            mode = .notSaving(line)
            notices.append(line)
        }

        /// The store turned out damaged while in use: close it, move it aside, start afresh.
        mutating func replaceUnusable(path: String, reason: String, options: StoreOpener.Options) {
            database = nil
            let aside: String
            do {
                aside = try Quarantine.moveAside(path, now: Date())
            } catch {
                stopSaving(path: path, reason: "\(reason), and it could not be moved aside")
                return
            }
            let opened = StoreOpener.open(path: path, now: Date(), options: options)
            notices.append("state store moved aside and started afresh: it was unusable (\(StoreOpener.oneLine(reason))); the old one is \(aside)")
            notices += opened.notices
            database = opened.database
            mode = opened.notSaving.map(Mode.notSaving) ?? .saving
        }
    }
}

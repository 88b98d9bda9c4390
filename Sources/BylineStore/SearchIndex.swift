import Foundation
import GRDB
import Synchronization

/// The library search index: every article's headline, standfirst, body and quotes with their
/// speakers, in SQLite FTS5, in a file of its own beside the state store
/// (``SearchIndexLocation/beside(_:)``).
///
/// Every method is synchronous, safe to call from any thread, and never throws. Writes (one
/// batch of articles at a time, see `LibraryIndexer` in the reader) run one at a time; reads run
/// beside them (WAL: a search made while a batch is being written sees the index as it was
/// before that batch). A damaged index is deleted and started afresh, with a one-line notice
/// (``takeNotices()``), and ``generation`` goes up so an indexer knows to start over; an index
/// that cannot be written still answers searches.
///
/// Articles are keyed as the state store keys them: the library's canonical path and the
/// article's path inside it (``ArticleKey``).
public final class SearchIndex: Sendable {
    /// The index file (nil: a temporary one).
    public let path: String?
    private let backend: Mutex<Backend>
    private let caches = SearchCaches()
    /// zstd's state for unpacking the bodies that go with models (made once: a fresh one per
    /// call costs more than the unpacking).
    private let modelCodec = Mutex(TextCompression())
    /// Reading connections opened so far (for the tests).
    let readerOpenings: ReaderOpenings
    /// Whether a count is being read on a second connection (``SearchTally/Pending``).
    let tallying = SearchTally.Pending.Gate()

    private struct Backend {
        var database: (any DatabaseWriter)?
        var writable: Bool
        var notices: [String]
        var generation = 0
    }

    private init(path: String?, _ opened: SearchIndexOpener.Opened, readerOpenings: ReaderOpenings = ReaderOpenings()) {
        self.path = opened.onDisk ? path : nil
        self.readerOpenings = readerOpenings
        backend = Mutex(Backend(database: opened.database, writable: true, notices: opened.notices))
    }

    // MARK: - Opening

    /// Opens (or creates) the index at `location`. Never fails: a file that cannot be used
    /// gives a temporary index, and a notice says why.
    public static func open(_ location: SearchIndexLocation) -> SearchIndex {
        let path: String? = if case .file(let path) = location { path } else { nil }
        let openings = ReaderOpenings()
        return SearchIndex(path: path, SearchIndexOpener.open(location, readers: openings), readerOpenings: openings)
    }

    /// An index of this process only, in a temporary file that SQLite deletes when it is
    /// closed (tests, `--no-state`).
    public static func temporary() -> SearchIndex {
        SearchIndex(path: nil, SearchIndexOpener.temporary(notices: []))
    }

    /// The one-line notices since the last call (an index rebuilt, not kept, or no longer
    /// updated), each given once.
    public func takeNotices() -> [String] {
        backend.withLock { backend in
            defer { backend.notices.removeAll() }
            return backend.notices
        }
    }

    /// Goes up by one each time the index is started afresh (it was found damaged): whatever
    /// an indexer learnt of it before is then out of date.
    public var generation: Int {
        backend.withLock { $0.generation }
    }

    /// Whether changes are being saved (false once the index could not be written).
    public var isWritable: Bool {
        backend.withLock { $0.writable && $0.database != nil }
    }

    /// Closes the reading connections not in use, and with them their page caches (up to
    /// ``SearchIndexOpener/readerCacheKiB`` each) and statement and schema caches; the next
    /// read opens a connection afresh. Never waits: a connection in use is closed when its
    /// read ends. The reader calls it, off its own thread, when searches have paused.
    public func closeIdleReaders() {
        let database = backend.withLock { $0.database }
        (database as? DatabasePool)?.invalidateReadOnlyConnections()
    }

    /// Frees what SQLite keeps between calls on every connection: the writer's page cache
    /// (2,000 KiB once an indexing has filled it) and caches, waiting for a write in progress,
    /// and the reading connections not in use (``closeIdleReaders()``). For the indexing
    /// thread, once it is done. Not GRDB's `DatabasePool.releaseMemory()`: its barrier waits
    /// for every reader in use while holding back new ones, and a search holding one reader
    /// while its count is read on another (``SearchTally``) would then wait forever.
    public func releaseMemory() {
        switch backend.withLock({ $0.database }) {
        case let pool as DatabasePool:
            pool.writeWithoutTransaction { $0.releaseMemory() }
            pool.invalidateReadOnlyConnections()
        case let queue as DatabaseQueue:
            queue.releaseMemory()
        default:
            break
        }
    }

    /// Closes the index. Later calls find nothing and save nothing.
    public func close() {
        backend.withLock { $0.database = nil }
    }

    // MARK: - Indexing

    /// What is indexed of a library (by its key): each article's path and the size and time
    /// of the file it was read from.
    public func signatures(library: String) -> [String: FileSignature] {
        perform(writing: false, fallback: { _ in [:] }) { database in
            try database.read { try SearchReads.signatures($0, library: library) }
        }
    }

    /// Each article indexed in a library (by its key), with the size and time of the file it
    /// was read from, one at a time (nothing is gathered: at 100,000 articles that matters).
    public func forEachIndexed(library: String, _ body: (String, FileSignature) -> Void) {
        perform(writing: false, fallback: { _ in () }) { database in
            try database.read { try SearchReads.forEachIndexed($0, library: library, body) }
        }
    }

    /// ``forEachIndexed(library:_:)`` with each path as its UTF-8 bytes, valid only during the
    /// call (the start-up check hashes them without making a string).
    public func forEachIndexedUTF8(library: String, _ body: (UnsafeBufferPointer<UInt8>, FileSignature) -> Void) {
        perform(writing: false, fallback: { _ in () }) { database in
            try database.read { try SearchReads.forEachIndexedUTF8($0, library: library, body) }
        }
    }

    /// The paths of the articles indexed in a library (by its key) whose model
    /// (``IndexedArticle/model``) is missing or was made by another parser than `parser`: none,
    /// unless the parser changed since they were indexed (or an index of an older Byline).
    public func articlesWithOtherModels(library: String, parser: Int) -> [String] {
        perform(writing: false, fallback: { _ in [] }) { database in
            try database.read { try SearchReads.otherModels($0, library: library, parser: parser) }
        }
    }

    /// The parsed model of the article at `key` (``IndexedArticle/model``) and its searchable
    /// body (``IndexedArticle/body``, unpacked; empty unless the model leaves its paragraphs to
    /// it, as an earlier build's models do), if the index holds a model made by parser
    /// `parser` from a file of exactly this size and time; nil otherwise, and when the index
    /// cannot be read. For a worker thread: it reads on one of the pool's reading connections
    /// (never the writer's, so an indexing under way does not hold it up), and never throws.
    public func model(of key: ArticleKey, signature: FileSignature, parser: Int) -> (model: [UInt8], body: [UInt8])? {
        // One statement, so no transaction (GRDB's `read` opens and ends one around it, which
        // cost about 40 k instructions of the 100 k this read took): the statement alone reads
        // one snapshot of the index.
        let packed = perform(writing: false, fallback: { _ in nil as (model: [UInt8], body: [UInt8])? }) { database in
            try database.unsafeRead { try SearchReads.model($0, key: key, signature: signature, parser: parser) }
        }
        guard let packed, !packed.model.isEmpty else { return nil }
        // (An empty body is packed as an empty frame, which unpacks to nothing, as it should; a
        // damaged one unpacks to nothing too, which the model's decoding then finds short.)
        // (No body at all: the model does not need it.)
        if packed.body.isEmpty { return (packed.model, []) }
        let body = modelCodec.withLock { codec in packed.body.withUnsafeBytes { codec.decompress($0) } }
        return (packed.model, body)
    }

    /// Opens a reading connection, if none is open, and prepares ``model(of:signature:parser:)``'s
    /// statement on it, so the first read of a model finds both ready: a connection's opening
    /// and its first statement (which reads the schema) cost about 2 M instructions, which the
    /// reader would otherwise spend at the first move of its list. For a worker thread, once
    /// the index is open and after its idle connections were closed; never throws.
    public func prepareModelReads() {
        perform(writing: false, fallback: { _ in () }) { database in
            try database.unsafeRead { try SearchReads.prepareModel($0) }
        }
    }

    /// In one transaction: adds `articles` to the library keyed `library` (replacing what was
    /// indexed of them, unless it was indexed from the same file), and takes out the articles at
    /// `removing`. Returns whether it was saved.
    @discardableResult
    public func update(library: String, put articles: [IndexedArticle], remove removing: [String] = []) -> Bool {
        guard !articles.isEmpty || !removing.isEmpty else { return true }
        defer { caches.clear() }
        return perform(writing: true, fallback: { _ in false }) { database in
            try database.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    var writes = try SearchWrites(db, library: library)
                    for path in removing { try writes.remove(path: path) }
                    for article in articles { try writes.put(article) }
                    try writes.finish()
                    return .commit
                }
            }
            return true
        }
    }

    // MARK: - Searching

    /// A page of the articles of `scope` that match `query`, best first: `limit` of them after
    /// the first `offset`. A query with nothing to search for gives a page with a
    /// ``SearchPage/problem`` and no hits.
    public func search(_ query: SearchQuery, in scope: SearchScope, offset: Int = 0, limit: Int = 50) -> SearchPage {
        perform(writing: false, fallback: { SearchPage(problem: "the search index could not be read (\($0))") }) { database in
            // A first page's count and weights may be read on a second connection while this
            // one reads the headline's matches (a pool's; a temporary index has one connection).
            let pool = database as? DatabasePool
            let aside = pool.map { pool in { [self] () -> (() throws -> SearchTally)? in
                guard tallying.wanted(),
                      let pending = SearchTally.Pending(pool, query, scope: scope, caches: caches, alone: tallying) else { return nil }
                return { try pending.value() }
            } }
            return try database.read { db in
                try SearchReads.search(db, query, scope: scope, offset: max(0, offset), limit: max(0, limit),
                                       caches: caches, aside: aside, exists: Self.fileExists)
            }
        }
    }

    /// ``search(_:in:offset:limit:)`` of a query as typed.
    public func search(_ text: String, in scope: SearchScope, offset: Int = 0, limit: Int = 50) -> SearchPage {
        search(SearchQuery(text), in: scope, offset: offset, limit: limit)
    }

    /// How many articles of `scope` are indexed (to say that a search covered part of it).
    public func articleCount(in scope: SearchScope) -> Int {
        perform(writing: false, fallback: { _ in 0 }) { database in
            try database.read { try SearchReads.articleCount($0, scope: scope) }
        }
    }

    // MARK: - People

    /// The speakers quoted in `scope`, with their numbers of quotes and articles, most quoted
    /// first. With `matching`, only those with a word of their name that starts with what
    /// was typed (`nu` finds Maria Núñez; `maria n` too).
    public func people(in scope: SearchScope, matching: String = "") -> [SpeakerSummary] {
        perform(writing: false, fallback: { _ in [] }) { database in
            try database.read { try SearchReads.people($0, scope: scope, matching: matching) }
        }
    }

    /// A page of the quotes in `scope` by the speaker named exactly `name` (a name from
    /// ``people(in:matching:)``), each with its article and block.
    public func quotes(by name: String, in scope: SearchScope, offset: Int = 0, limit: Int = 100) -> SpeakerQuotes {
        perform(writing: false, fallback: { _ in SpeakerQuotes() }) { database in
            try database.read { db in
                try SearchReads.quotes(db, by: name, scope: scope, offset: max(0, offset), limit: max(0, limit),
                                       exists: Self.fileExists)
            }
        }
    }

    private static func fileExists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    // MARK: - Faults

    /// Runs `body` on the database; on a fault, follows the policy: a damaged index is started
    /// afresh, one that cannot be written stops being updated, a busy one gives up this time.
    /// `fallback` gets the reason in one line.
    private func perform<T>(writing: Bool, fallback: (String) -> T, _ body: (any DatabaseWriter) throws -> T) -> T {
        let (database, generation, writable) = backend.withLock { ($0.database, $0.generation, $0.writable) }
        guard let database, !writing || writable else { return fallback("it is closed or cannot be written") }
        do {
            return try body(database)
        } catch {
            let fault = StoreFault.classify(error)
            switch fault {
            case .unusable(let reason):
                startAfresh(after: generation, reason: reason)
                return fallback(StoreOpener.oneLine(reason))
            case .cannotWrite(let reason) where writing:
                backend.withLock { backend in
                    guard backend.writable else { return }
                    backend.writable = false
                    backend.notices.append("search index will not be updated (\(path ?? "a temporary file"): \(StoreOpener.oneLine(reason)))")
                }
                return fallback(StoreOpener.oneLine(reason))
            case .busy:
                return fallback("another Byline is busy with it")
            case .cannotWrite(let reason), .other(let reason):
                return fallback(StoreOpener.oneLine(reason))
            }
        }
    }

    /// The index turned out damaged while in use: delete it and start a new one (once per
    /// generation, however many threads met the damage).
    private func startAfresh(after generation: Int, reason: String) {
        backend.withLock { backend in
            guard backend.generation == generation, backend.database != nil else { return }
            backend.database = nil
            backend.generation += 1
            caches.clear()
            var notices: [String] = []
            if let path {
                do {
                    try SearchIndexOpener.delete(path)
                } catch {
                    notices.append("search index could not be deleted after it was found damaged (\(error))")
                }
            }
            let opened = path.map { SearchIndexOpener.open(.file($0), readers: readerOpenings) } ?? SearchIndexOpener.temporary(notices: [])
            backend.database = opened.database
            backend.notices.append("search index rebuilt from the articles: it was damaged (\(StoreOpener.oneLine(reason)))")
            backend.notices += notices + opened.notices
        }
    }
}

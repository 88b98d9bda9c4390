import BylineModel
import BylineStore
import Foundation

/// Keeps the search index up to date with a library: files that are new or changed since they
/// were indexed (by size and modification time) are read, parsed and written in batches, one
/// transaction each; files that are gone are taken out. Nothing is kept in the library's cache.
///
/// Synchronous, for a worker thread: ``run(progress:isCancelled:)`` reports after each batch
/// and looks at `isCancelled` before each file, so it stops within one file's parse (a batch
/// already read is written first, so no work is lost). Memory stays bounded by the batch
/// (``Limits``), whatever the library's size.
public final class LibraryIndexer: Sendable {
    /// How far indexing has got: files read of the files to read.
    public struct Progress: Equatable, Sendable {
        public var done: Int
        public var total: Int

        public init(done: Int, total: Int) {
            self.done = done
            self.total = total
        }
    }

    /// What a run did, and where its time went.
    public struct Summary: Equatable, Sendable {
        /// Files read and written to the index.
        public var indexed = 0
        /// Articles taken out (their files are gone).
        public var removed = 0
        /// Files already indexed as they are.
        public var unchanged = 0
        /// Files that could not be read (gone while indexing, or an I/O error).
        public var failed = 0
        /// Bytes of the files read.
        public var bytes = 0
        /// It stopped because `isCancelled` said so.
        public var cancelled = false
        /// Time reading and parsing files, summed over the reading threads (it overlaps
        /// the writing when they run beside it).
        public var reading: Duration = .zero
        /// Time writing to the index (SQLite: FTS5, the compressed copy, quotes), on the
        /// calling thread.
        public var writing: Duration = .zero

        public init() {}
    }

    /// How big a batch (one transaction) may grow: whichever limit is reached first.
    public struct Limits: Sendable {
        public var articles: Int
        /// Bytes of searchable text.
        public var bytes: Int
        /// Threads that read and parse files while the calling thread writes batches to the
        /// index: 0 does everything on the calling thread; 1 lets parsing and SQLite each have
        /// a core; more parse on more cores (the command line uses one per core).
        public var readers: Int

        public init(articles: Int = 400, bytes: Int = 3 << 20, readers: Int = 1) {
            self.articles = articles
            self.bytes = bytes
            self.readers = readers
        }
    }

    public let library: Library
    public let index: SearchIndex
    public let keys: SearchKeys
    let limits: Limits

    public init(library: Library, index: SearchIndex, keys: SearchKeys? = nil, limits: Limits = Limits()) {
        self.library = library
        self.index = index
        self.keys = keys ?? SearchKeys(library: library)
        self.limits = limits
    }

    /// Brings the index up to date with the whole library: every listed file is checked (a
    /// `stat` each), new and changed ones indexed, and indexed articles of the library's
    /// folders whose files are gone taken out. `progress` is called once the work is known
    /// (`0 / total`) and after each batch.
    @discardableResult
    public func run(progress: (Progress) -> Void = { _ in }, isCancelled: @escaping @Sendable () -> Bool = { false }) -> Summary {
        perform(ids: library.presentIDs, sweep: true, progress: progress, isCancelled: isCancelled)
    }

    /// Brings the index up to date for these articles only (after folder events): present ones
    /// are indexed if new or changed, deleted ones taken out.
    @discardableResult
    public func update(_ ids: [ArticleID], progress: (Progress) -> Void = { _ in }, isCancelled: @escaping @Sendable () -> Bool = { false }) -> Summary {
        perform(ids: ids, sweep: false, progress: progress, isCancelled: isCancelled)
    }

    // MARK: - Planning

    /// What to do in one library (one key).
    struct Work {
        var library: String
        var read: [ArticleID] = []
        var remove: [String] = []
    }

    private func perform(ids: [ArticleID], sweep: Bool, progress: (Progress) -> Void, isCancelled: @escaping @Sendable () -> Bool) -> Summary {
        var summary = Summary()
        // A damaged index found half-way is started afresh: plan again, once.
        for _ in 0..<2 {
            let generation = index.generation
            let work = plan(ids: ids, sweep: sweep, summary: &summary)
            let total = work.reduce(0) { $0 + $1.read.count }
            progress(Progress(done: 0, total: total))
            var done = 0
            for library in work {
                guard write(library, done: &done, total: total, summary: &summary, progress: progress, isCancelled: isCancelled)
                else { break }
            }
            if summary.cancelled || index.generation == generation { return summary }
            summary = Summary()
        }
        return summary
    }

    /// Which files to read and which articles to take out, by library key.
    ///
    /// What is indexed is compared by a digest of each path (``PathDigest``), not the path: at
    /// 100,000 articles that keeps the comparison to a few MB, in a table of digests rather
    /// than a dictionary (see ``DigestTable``).
    private func plan(ids: [ArticleID], sweep: Bool, summary: inout Summary) -> [Work] {
        var byKey: [String: (present: [ArticleID], deleted: [ArticleID])] = [:]
        // Articles come folder by folder: the last folder's key is kept rather than looked up
        // (under a lock) for each, and the folders and presence of all are read under one lock.
        var last: (number: Int32, folder: String, key: String)?
        // Files named in full: their key's path is their name, not their path as given.
        var named = Set<ArticleID>()
        var run: (key: String, present: [ArticleID], deleted: [ArticleID]) = ("", [], [])
        func flush() {
            guard !run.present.isEmpty || !run.deleted.isEmpty else { return }
            // In place: a copy taken out and put back would copy the lists.
            byKey[run.key, default: ([], [])].present += run.present
            byKey[run.key, default: ([], [])].deleted += run.deleted
        }
        for (id, listed) in zip(ids, library.folderNumbers(ids)) where listed.folder >= 0 {
            let current: (number: Int32, folder: String, key: String)
            if let last, last.number == listed.folder {
                current = last
            } else {
                let folder = library.folder(number: listed.folder)
                current = (listed.folder, folder, folder.isEmpty ? "" : keys.key(ofFolder: folder))
                last = current
            }
            let key: String
            if current.folder.isEmpty {
                named.insert(id)
                key = keys.libraryKey(of: id)
            } else {
                key = current.key
            }
            // A run of one key's articles is gathered apart and put in the dictionary when the
            // key changes (hashing the key for every article cost about 4 M at 10,000).
            if run.key != key {
                flush()
                run = (key, [], [])
            }
            if listed.present { run.present.append(id) } else { run.deleted.append(id) }
        }
        flush()
        let folderKeys = Set(library.folders.map(keys.key(ofFolder:)))
        if sweep {
            for key in folderKeys where byKey[key] == nil { byKey[key] = ([], []) }
        }
        var plans: [Work] = []
        for key in byKey.keys.sorted() {
            guard let (present, deleted) = byKey[key] else { continue }
            // Articles whose kept model is not today's parser's (none, but after a parser change
            // or an upgrade) are read again, as if their file had changed.
            let otherModels = Set(index.articlesWithOtherModels(library: key, parser: ArticleParser.version).map { PathDigest.of($0) })
            var indexed = DigestTable<Stamp>(expected: present.count)
            index.forEachIndexedUTF8(library: key) { path, signature in
                let digest = PathDigest.of(utf8: path)
                indexed.put(digest, Stamp(size: signature.size, modified: signature.modified,
                                          modelIsCurrent: otherModels.isEmpty || !otherModels.contains(digest)))
            }
            var work = Work(library: key)
            // The digests listed, made a table only for the sweep that needs one.
            var listedDigests: [UInt64] = []
            listedDigests.reserveCapacity(present.count)
            var listedIndexed = 0
            // Digests and `stat`s straight from the library's packed paths: a path string is
            // made only for an article to take out.
            library.forEachFileStamp(present) { id, relativeDigest, now in
                let digest = !named.isEmpty && named.contains(id) ? PathDigest.of(keys.path(of: id)) : relativeDigest
                listedDigests.append(digest)
                let was = indexed[digest]
                if was != nil { listedIndexed += 1 }
                guard let now else {
                    if was != nil { work.remove.append(keys.path(of: id)) }
                    return
                }
                // Indexed from this very file, with a model of today's parser: nothing to do.
                if was == Stamp(size: now.size, modified: now.modified, modelIsCurrent: true) {
                    summary.unchanged += 1
                } else {
                    work.read.append(id)
                }
            }
            for id in deleted {
                let path = keys.path(of: id)
                if indexed[PathDigest.of(path)] != nil { work.remove.append(path) }
            }
            // Articles of the folder the listing no longer has: gone, unless the file is still
            // there (in a subfolder this listing leaves out, say).
            if sweep && folderKeys.contains(key) && indexed.count > listedIndexed {
                var listed = DigestTable<Bool>(expected: listedDigests.count)
                for digest in listedDigests { listed.put(digest, true) }
                index.forEachIndexed(library: key) { path, _ in
                    if listed[PathDigest.of(path)] == nil && access(ArticleKey(library: key, path: path).fullPath, F_OK) != 0 {
                        work.remove.append(path)
                    }
                }
            }
            if !work.read.isEmpty || !work.remove.isEmpty { plans.append(work) }
        }
        return plans
    }

    /// A file's size and time, as compared, and whether the parsed model kept with it was made
    /// by today's parser (an article whose model is missing or older is read again, which also
    /// brings its quotes and speakers up to date with the parser).
    private struct Stamp: Equatable {
        var size: Int64
        var modified: Int64
        var modelIsCurrent: Bool
    }

    // MARK: - Writing

    /// Reads and writes one library's work in batches; false when cancelled or the index can
    /// no longer be written.
    private func write(_ work: Work, done: inout Int, total: Int, summary: inout Summary,
                       progress: (Progress) -> Void, isCancelled: @escaping @Sendable () -> Bool) -> Bool {
        let clock = ContinuousClock()
        let reader = BatchReader(work.read, indexer: self, readers: limits.readers, isCancelled: isCancelled)
        defer { reader.abandon() }
        var remove = work.remove
        /// Writes one batch (and the removals still due); false when the index cannot be written.
        func save(_ batch: Batch) -> Bool {
            summary.reading += batch.reading
            summary.bytes += batch.bytes
            summary.failed += batch.failed
            guard !batch.articles.isEmpty || !remove.isEmpty else { return true }
            let start = clock.now
            let saved = index.update(library: work.library, put: batch.articles, remove: remove)
            summary.writing += clock.now - start
            guard saved else { return false }
            summary.indexed += batch.articles.count
            summary.removed += remove.count
            remove.removeAll()
            done += batch.articles.count
            progress(Progress(done: done, total: total))
            return true
        }
        while true {
            let batch = reader.take() ?? Batch()
            guard save(batch) else { return false }
            if batch.cancelled {
                // Other threads may hold batches read before the cancellation was seen.
                for rest in reader.drain() where !save(rest) { return false }
                summary.cancelled = true
                return false
            }
            if batch.articles.isEmpty && batch.failed == 0 { return true }
        }
    }

    /// What the index keeps of a parsed article: the body's paragraphs and crossheads (not
    /// footers, nor pull quotes, which repeat the body), the quotes whose speaker is named
    /// (a pull quote only when it repeats no quote of the body), and the whole article
    /// (``ArticleModelCodec``, its body's texts left to the body kept for search) for the
    /// reader to show without parsing it again. With the bytes of the `file` it was parsed from,
    /// the model leaves the texts found there to the file (``ArticleModelCodec/encode(_:file:)``:
    /// the reader, which reads the file anyway, then needs neither the body nor its unpacking).
    static func indexed(_ article: Article, path: String, stamp: FileStamp, file: Data? = nil) -> IndexedArticle {
        let body = ArticleModelCodec.bodyText(of: article)
        let quotes = article.quotes.compactMap { quote -> IndexedQuote? in
            guard let speaker = quote.speaker, !speaker.isEmpty, !(quote.pull && quote.repeats != nil) else { return nil }
            return IndexedQuote(text: quote.text, speaker: speaker, block: quote.block)
        }
        let model = file.map { data in data.withUnsafeBytes { ArticleModelCodec.encode(article, file: $0) } }
            ?? ArticleModelCodec.encode(article, bodyApart: true)
        return IndexedArticle(path: path, signature: FileSignature(size: stamp.size, modified: stamp.modified),
                              headline: article.headline, standfirst: article.standfirst ?? "", body: body, quotes: quotes,
                              model: model, parser: ArticleParser.version)
    }
}

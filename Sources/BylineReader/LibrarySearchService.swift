import BylineModel
import BylineStore
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The search index as the reader uses it: opened on first use by whichever worker needs it,
/// brought up to date on a thread of its own at a lower priority than the reader (so keys stay
/// quick while it works), and searched on another, where a newer query replaces one not
/// started yet. Answers go to the ``Inbox`` as actions, with articles as the reader knows them.
final class LibrarySearchService: Sendable {
    private let library: Library
    private let inbox: Inbox
    /// Where the index lives (nil: no library search, as in most unit tests).
    private let location: SearchIndexLocation?
    private let mode: Background.Mode
    private let opened = Mutex<LibraryIndexer?>(nil)
    private let cancelled = Atomic<Bool>(false)
    /// Whether the index was read since its idle connections were last closed.
    private let readSinceRelease = Atomic<Bool>(false)
    private let indexingThread = WorkerThread(name: "byline-index")
    private let searchingThread = WorkerThread(name: "byline-search")

    init(library: Library, inbox: Inbox, location: SearchIndexLocation?, mode: Background.Mode) {
        self.library = library
        self.inbox = inbox
        self.location = location
        self.mode = mode
    }

    /// Stops indexing (at the end of the batch being written) and drops work not started.
    func stop() {
        cancelled.store(true, ordering: .relaxed)
        if opened.withLock({ $0 != nil }) { library.useParsedArticles(from: nil) }
        indexingThread.stop()
        searchingThread.stop()
    }

    /// The indexer (and its index), opened on first use (the library then takes parsed
    /// articles from the index); nil without a location.
    private func indexer() -> LibraryIndexer? {
        guard let location else { return nil }
        return opened.withLock { indexer in
            if let indexer { return indexer }
            let made = LibraryIndexer(library: library, index: SearchIndex.open(location))
            indexer = made
            // Articles the index parsed need not be parsed again to be shown.
            library.useParsedArticles(from: IndexedModels(index: made.index, keys: made.keys))
            return made
        }
    }

    /// Brings the index up to date: the whole library (nil) or some articles. `notify` is
    /// handed the index's notices (rebuilt, not kept) for the status line.
    func index(_ ids: [ArticleID]?, notify: @escaping @Sendable ([String]) -> Void) {
        let inbox = self.inbox
        run(on: indexingThread) { [self] in
            if mode == .threads { Self.lowerPriority() }
            guard let indexer = indexer() else {
                inbox.post(.indexing(IndexProgress(done: 0, total: 0), finished: true))
                return
            }
            notify(indexer.index.takeNotices())
            let isCancelled: @Sendable () -> Bool = { self.cancelled.load(ordering: .relaxed) }
            var last = IndexProgress(done: 0, total: 0)
            let report: (LibraryIndexer.Progress) -> Void = { progress in
                last = IndexProgress(done: progress.done, total: progress.total)
                // Changes after folder events are small: only the end is reported.
                if ids == nil { inbox.post(.indexing(last, finished: false)) }
            }
            if let ids {
                indexer.update(ids, progress: report, isCancelled: isCancelled)
            } else {
                indexer.run(progress: report, isCancelled: isCancelled)
            }
            notify(indexer.index.takeNotices())
            if !isCancelled() { inbox.post(.indexing(IndexProgress(done: last.total, total: last.total), finished: true)) }
            // The writer's page cache, full after a first indexing, is not needed until the
            // folder changes.
            indexer.index.releaseMemory()
            // The next move of the list reads a kept article: its connection is opened now.
            if !isCancelled() { indexer.index.prepareModelReads() }
        }
    }

    /// Closes the index's reading connections that are not in use (with their page caches),
    /// if a search read the index since the last call, and opens one afresh for the kept
    /// articles (``SearchIndex/prepareModelReads()``); on the search thread, after the search
    /// in progress. Returns whether it did. The reader calls it when its loop goes idle, at
    /// most once a second: a burst of searches (a query typed a character at a time) keeps
    /// its connections, and the memory they filled is given back once it is over.
    @discardableResult
    func closeIdleReaders() -> Bool {
        guard readSinceRelease.exchange(false, ordering: .relaxed) else { return false }
        run(on: searchingThread) { [self] in
            guard let index = opened.withLock({ $0 })?.index else { return }
            index.closeIdleReaders()
            // One comes back, fresh, for the kept articles the next moves of the list read.
            if !cancelled.load(ordering: .relaxed) { index.prepareModelReads() }
        }
        return true
    }

    /// A page of results (a newer request replaces this one if it has not started).
    func search(_ request: LibraryRequest) {
        let inbox = self.inbox
        let job: WorkerThread.Job = { [self] in
            readSinceRelease.store(true, ordering: .relaxed)
            let query = SearchQuery(request.query)
            let words = query.highlights.map { SearchWord($0.text, prefix: $0.prefix) }
            guard let indexer = indexer() else {
                inbox.post(.librarySearched(LibraryAnswer(request: request, hits: [], total: 0,
                                                          problem: "Library search is off here", words: words)))
                return
            }
            let page = indexer.index.search(query, in: indexer.keys.scope, offset: request.offset, limit: request.limit)
            let hits = page.hits.compactMap { hit -> LibraryAnswer.Hit? in
                guard let id = indexer.keys.id(of: hit.article) else { return nil }
                return LibraryAnswer.Hit(id: id, snippet: Self.pieces(of: hit), missing: hit.missing)
            }
            inbox.post(.librarySearched(LibraryAnswer(request: request, hits: hits, total: page.total, problem: page.problem, words: words)))
        }
        if mode == .inline { job() } else { searchingThread.ahead([job]) }
    }

    /// The speakers whose name matches `filter` (a newer filter replaces this one).
    func people(matching filter: String) {
        let inbox = self.inbox
        let job: WorkerThread.Job = { [self] in
            readSinceRelease.store(true, ordering: .relaxed)
            let speakers = indexer().map { $0.index.people(in: $0.keys.scope, matching: filter) } ?? []
            inbox.post(.peopleLoaded(filter: filter, speakers))
        }
        if mode == .inline { job() } else { searchingThread.ahead([job]) }
    }

    /// A speaker's quotes, each with its article.
    func quotes(by name: String) {
        let inbox = self.inbox
        run(on: searchingThread) { [self] in
            readSinceRelease.store(true, ordering: .relaxed)
            guard let indexer = indexer() else {
                inbox.post(.quotesLoaded(name: name, [], total: 0))
                return
            }
            let found = indexer.index.quotes(by: name, in: indexer.keys.scope, limit: PeopleView.quoteLimit)
            let quotes = found.quotes.map { quote in
                PersonQuote(id: indexer.keys.id(of: quote.article), headline: quote.headline, block: quote.block,
                            text: quote.text, missing: quote.missing)
            }
            inbox.post(.quotesLoaded(name: name, quotes, total: found.total))
        }
    }

    /// A hit's snippet cut into plain and matched pieces.
    static func pieces(of hit: SearchHit) -> [SnippetPiece] {
        let text = hit.snippet
        var pieces: [SnippetPiece] = []
        var at = text.startIndex
        for range in hit.matches.sorted(by: { $0.lowerBound < $1.lowerBound }) where range.lowerBound >= at && range.upperBound <= text.endIndex {
            if at < range.lowerBound { pieces.append(SnippetPiece(String(text[at..<range.lowerBound]), match: false)) }
            pieces.append(SnippetPiece(String(text[range]), match: true))
            at = range.upperBound
        }
        if at < text.endIndex { pieces.append(SnippetPiece(String(text[at...]), match: false)) }
        return pieces
    }

    /// Indexing yields to the reader: this thread's nice value goes up (on Linux the nice value
    /// belongs to each thread, and `who` 0 names the calling one).
    private static func lowerPriority() {
        #if canImport(Glibc)
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
        #endif
    }

    private func run(on thread: WorkerThread, _ job: @escaping WorkerThread.Job) {
        if mode == .inline { job() } else { thread.now(job) }
    }
}

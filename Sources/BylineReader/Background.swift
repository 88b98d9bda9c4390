import BylineModel
import BylineStore
import Foundation
import Synchronization

/// Carries out the effects that read or write files, off the reader's thread, and posts what
/// they find to the ``Inbox`` as actions: articles to show (urgent), headlines for the list
/// (urgent), articles ahead of need (replaceable), folder events to examine (coalesced: events
/// that arrive while a batch is being examined are examined together next), and the state
/// store's loads and saves (in order, on a thread of their own, so a synced write never holds
/// up reading).
public final class Background: Sendable {
    /// How work is run.
    public enum Mode: Sendable {
        /// On worker threads (the reader).
        case threads
        /// At once, on the calling thread (deterministic tests).
        case inline
    }

    private let library: Library
    private let inbox: Inbox
    private let watcher: FolderWatcher?
    private let mode: Mode
    private let reading = WorkerThread(name: "byline-read")
    private let scanning = WorkerThread(name: "byline-scan")
    private let remembering = WorkerThread(name: "byline-state")
    private let waitingEvents = Mutex<[FolderEvent]>([])
    private let memory: ReaderMemory
    private let notices = Mutex<[String]>([])
    private let checking = Mutex(false)
    private let searching: LibrarySearchService
    /// Files checked per batch: a progress report (and a frame, while `!` is open) each.
    static let checkBatch = 1024

    /// - Parameters:
    ///   - store: where read marks and positions are kept (default: nowhere).
    ///   - index: where the search index is kept (default: no library search).
    public init(library: Library, inbox: Inbox, watcher: FolderWatcher? = nil, store: StoreOpening = StoreOpening(.open(.none(reason: nil))),
                index: SearchIndexLocation? = nil, mode: Mode = .threads) {
        self.library = library
        self.inbox = inbox
        self.watcher = watcher
        self.mode = mode
        self.memory = ReaderMemory(store: store, library: library)
        self.searching = LibrarySearchService(library: library, inbox: inbox, location: index, mode: mode)
    }

    deinit { stop() }

    /// Stops the worker threads (pending work is dropped).
    public func stop() {
        reading.stop()
        scanning.stop()
        remembering.stop()
        searching.stop()
    }

    /// Waits (at most `timeout` seconds) until every save asked for so far is done: the reader
    /// calls it on its way out, so a mark made just before quitting (or a hangup) is kept.
    @discardableResult
    public func finishSaving(timeout: Double = 2) -> Bool {
        guard mode == .threads else { return true }
        let done = DispatchSemaphore(value: 0)
        remembering.now { done.signal() }
        return done.wait(timeout: .now() + timeout) == .success
    }

    /// The store's notices so far (a store moved aside, state not saved), each once: shown in
    /// the status line as they come, and printed after the reader exits.
    public var storeNotices: [String] { notices.withLock { $0 } }

    /// Starts the work an effect asks for; effects that are not about files are ignored.
    public func perform(_ effect: Effect) {
        let library = self.library, inbox = self.inbox
        switch effect {
        case .loadArticle(let id):
            run(on: reading) { inbox.post(.articleLoaded(id, library.article(id))) }
        case .loadHeadlines(let ids):
            run(on: reading) {
                for id in ids { _ = library.readHeadline(id) }
                inbox.post(.headlinesLoaded(ids))
            }
        case .prefetch(let ids):
            // Into the library's cache, and nothing posted: the reader takes an article from
            // that cache once it is selected, and asks with `.loadArticle` (which answers) when
            // it is not there yet. An answer here cost the reader an update for each of the
            // three neighbours a move reads ahead, two of them already cached.
            let jobs: [WorkerThread.Job] = ids.map { id in { _ = library.article(id) } }
            if mode == .inline { jobs.forEach { $0() } } else { reading.ahead(jobs) }
        case .examine(let events):
            let first = waitingEvents.withLock { waiting -> Bool in
                waiting += events
                return waiting.count == events.count
            }
            guard first else { return }
            let watcher = self.watcher
            run(on: scanning) { [self] in
                library.prepareForChanges()
                let batch = self.waitingEvents.withLock { waiting -> [FolderEvent] in
                    defer { waiting.removeAll() }
                    return waiting
                }
                let change = FolderChange.examine(batch, library: library, watcher: watcher)
                if !change.isEmpty { inbox.post(.folderChanged(change)) }
            }
        case .loadState:
            let memory = self.memory
            run(on: remembering) { [self] in
                let saved = memory.load()
                inbox.post(.stateLoaded(saved))
                self.passOn(memory.store.takeNotices())
            }
        case .saveState(let edits):
            let memory = self.memory
            let now = Date()
            run(on: remembering) { [self] in
                memory.save(edits, at: now)
                self.passOn(memory.store.takeNotices())
            }
        case .sortRows(let order, let ids):
            run(on: scanning) {
                if order.needsFileFacts { library.statAll() }
                inbox.post(.rowsSorted(order, library.sorted(ids, by: order)))
            }
        case .countSubfolderArticles:
            run(on: scanning) { inbox.post(.subfolderArticles(library.articlesInSubfolders())) }
        case .checkFiles:
            let idle = checking.withLock { busy -> Bool in
                defer { busy = true }
                return !busy
            }
            if idle { checkStep() }
        case .index(let ids): searching.index(ids) { [self] in passOn($0) }
        case .searchLibrary(let request): searching.search(request)
        case .loadPeople(let filter): searching.people(matching: filter)
        case .loadQuotes(let name): searching.quotes(by: name)
        case .quit, .redrawAll, .loadTheme, .copy, .pipe:
            break
        }
    }

    /// Closes the search index's reading connections not in use, if a search read it since
    /// the last call (see `LibrarySearchService.closeIdleReaders`); returns whether it did.
    @discardableResult
    public func closeIdleIndexReaders() -> Bool {
        searching.closeIdleReaders()
    }

    /// Store and index notices go to the status line and are kept for after the exit.
    private func passOn(_ new: [String]) {
        guard !new.isEmpty else { return }
        notices.withLock { $0 += new }
        for notice in new { inbox.post(.notice(notice)) }
    }

    /// One batch of `.checkFiles` on the scan thread, then the next (so folder events queued
    /// meanwhile are examined in between).
    private func checkStep() {
        let library = self.library, inbox = self.inbox
        run(on: scanning) { [self] in
            let more = library.checkNext(limit: Self.checkBatch)
            if !more { checking.withLock { $0 = false } }
            inbox.post(.filesChecked(finished: !more))
            if more { checkStep() }
        }
    }

    private func run(on thread: WorkerThread, _ job: @escaping WorkerThread.Job) {
        if mode == .inline { job() } else { thread.now(job) }
    }
}

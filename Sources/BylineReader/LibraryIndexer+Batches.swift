import BylineModel
import BylineStore
import Foundation

extension LibraryIndexer {
    /// Articles read and parsed for one transaction, and what reading them cost.
    struct Batch: Sendable {
        var articles: [IndexedArticle] = []
        /// Bytes of the files read.
        var bytes = 0
        /// Bytes of searchable text (what the batch limit counts).
        var textBytes = 0
        var failed = 0
        var reading: Duration = .zero
        /// Reading stopped here because `isCancelled` said so.
        var cancelled = false
    }

    /// Reads one library's files into batches, on the calling thread or, with read-ahead, on a
    /// thread of its own that stays one batch ahead of the writer (so parsing and SQLite use
    /// both cores; at most two batches are held at once).
    final class BatchReader: @unchecked Sendable {
        private let items: [ArticleID]
        private let indexer: LibraryIndexer
        private let isCancelled: @Sendable () -> Bool
        private var next = 0
        // Read-ahead: the batch waiting for the writer, guarded by `condition`.
        private let condition = NSCondition()
        private var ready: Batch?
        private var finished = false
        private var abandoned = false
        private let threaded: Bool

        init(_ items: [ArticleID], indexer: LibraryIndexer, readAhead: Bool,
             isCancelled: @escaping @Sendable () -> Bool) {
            self.items = items
            self.indexer = indexer
            self.isCancelled = isCancelled
            threaded = readAhead && items.count > indexer.limits.articles
            if threaded {
                WorkerThread.startWithSignalsBlocked(name: "byline-index-read") { [self] in produce() }
            }
        }

        /// The next batch (empty at the end); blocks while the read-ahead thread is reading it.
        func take() -> Batch? {
            guard threaded else { return read() }
            condition.lock()
            defer { condition.unlock() }
            while ready == nil && !finished { condition.wait() }
            let batch = ready
            ready = nil
            condition.broadcast()
            return batch
        }

        /// The writer is done with this library (finished, cancelled, or it could not write):
        /// the read-ahead thread stops after the file it is reading.
        func abandon() {
            condition.lock()
            abandoned = true
            condition.broadcast()
            condition.unlock()
        }

        private func produce() {
            while true {
                let batch = read()
                condition.lock()
                while ready != nil && !abandoned { condition.wait() }
                if abandoned || batch == nil {
                    finished = true
                    condition.broadcast()
                    condition.unlock()
                    return
                }
                ready = batch
                condition.broadcast()
                condition.unlock()
            }
        }

        private var isAbandoned: Bool {
            condition.lock()
            defer { condition.unlock() }
            return abandoned
        }

        /// Reads files until the batch is full; nil when there is nothing left.
        private func read() -> Batch? {
            guard next < items.count else { return nil }
            let clock = ContinuousClock()
            var batch = Batch()
            while next < items.count && batch.articles.count < indexer.limits.articles && batch.textBytes < indexer.limits.bytes {
                if isCancelled() || (threaded && isAbandoned) {
                    batch.cancelled = true
                    next = items.count
                    break
                }
                let id = items[next]
                next += 1
                let start = clock.now
                let (article, stamp) = indexer.library.readUncached(id)
                if let stamp {
                    let indexed = LibraryIndexer.indexed(article, path: indexer.keys.key(of: id).path, stamp: stamp)
                    batch.bytes += Int(stamp.size)
                    batch.textBytes += indexed.body.utf8.count
                    batch.articles.append(indexed)
                } else {
                    batch.failed += 1
                }
                batch.reading += clock.now - start
            }
            return batch
        }
    }
}

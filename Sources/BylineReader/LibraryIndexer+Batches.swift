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

    /// Reads one library's files into batches: on the calling thread, or on reading threads of
    /// their own that stay ahead of the writer (so parsing and SQLite use every core). At most
    /// one batch per reading thread waits for the writer, besides the ones being filled.
    final class BatchReader: @unchecked Sendable {
        private let items: [ArticleID]
        private let indexer: LibraryIndexer
        private let isCancelled: @Sendable () -> Bool
        private let threads: Int
        // Shared with the reading threads, guarded by `condition`.
        private let condition = NSCondition()
        private var next = 0
        private var ready: [Batch] = []
        private var running = 0
        private var abandoned = false
        /// `isCancelled` said so: no more files are claimed.
        private var cancelled = false

        init(_ items: [ArticleID], indexer: LibraryIndexer, readers: Int, isCancelled: @escaping @Sendable () -> Bool) {
            self.items = items
            self.indexer = indexer
            self.isCancelled = isCancelled
            // No more threads than batches; none for a single batch.
            let batches = (items.count + indexer.limits.articles - 1) / max(1, indexer.limits.articles)
            threads = batches > 1 ? min(max(0, readers), batches) : 0
            running = threads
            for index in 0..<threads {
                WorkerThread.startWithSignalsBlocked(name: "byline-index-read-\(index)") { [self] in produce() }
            }
        }

        /// The next batch, or nil at the end; blocks while the reading threads are reading it.
        func take() -> Batch? {
            guard threads > 0 else { return read() }
            condition.lock()
            defer { condition.unlock() }
            while ready.isEmpty && running > 0 { condition.wait() }
            guard !ready.isEmpty else { return nil }
            let batch = ready.removeFirst()
            condition.broadcast()
            return batch
        }

        /// After a cancelled batch: waits for the other reading threads to finish the batches
        /// they were filling (they claim no more files) and hands them over, so every file read
        /// before the cancellation is written whichever thread noticed it first.
        func drain() -> [Batch] {
            guard threads > 0 else { return [] }
            condition.lock()
            defer { condition.unlock() }
            while running > 0 { condition.wait() }
            let rest = ready
            ready.removeAll()
            return rest
        }

        /// The writer is done with this library (finished, cancelled, or it could not write):
        /// the reading threads stop after the file they are reading.
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
                // A cancelled batch goes in at once: the writer stops at it.
                while ready.count >= threads && !abandoned && batch?.cancelled != true { condition.wait() }
                guard let batch, !abandoned else {
                    running -= 1
                    condition.broadcast()
                    condition.unlock()
                    return
                }
                ready.append(batch)
                if batch.cancelled { running -= 1 }
                condition.broadcast()
                condition.unlock()
                if batch.cancelled { return }
            }
        }

        /// The next item to read, or nil when there is none left (or the writer gave up).
        private func claim() -> ArticleID? {
            condition.lock()
            defer { condition.unlock() }
            guard next < items.count, !abandoned, !cancelled else { return nil }
            next += 1
            return items[next - 1]
        }

        /// Reads files until the batch is full; nil when there is nothing left.
        private func read() -> Batch? {
            let clock = ContinuousClock()
            var batch = Batch()
            var any = false
            while batch.articles.count < indexer.limits.articles && batch.textBytes < indexer.limits.bytes {
                if isCancelled() {
                    condition.lock()
                    cancelled = true
                    condition.unlock()
                    batch.cancelled = true
                    return batch
                }
                guard let id = claim() else { break }
                any = true
                let start = clock.now
                let (article, stamp, file) = indexer.library.readUncachedWithFile(id)
                if let stamp {
                    let indexed = LibraryIndexer.indexed(article, path: indexer.keys.key(of: id).path, stamp: stamp, file: file)
                    batch.bytes += Int(stamp.size)
                    batch.textBytes += indexed.body.utf8.count
                    batch.articles.append(indexed)
                } else {
                    batch.failed += 1
                }
                batch.reading += clock.now - start
            }
            return any ? batch : nil
        }
    }
}

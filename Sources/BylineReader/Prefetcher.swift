import BylineModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Parses articles near the selection on a background thread, so that the next move in the
/// list finds its article already parsed.
///
/// One worker thread blocks on a condition while there is nothing to do: no timers, no
/// polling, no wake-ups when idle. A newer request replaces an older one that has not started
/// (cancellation), so holding a key down never queues stale work. The thread blocks every
/// signal, so they interrupt the main thread's read, and it ends when the prefetcher goes away.
public final class Prefetcher: Sendable {
    private let worker: Worker

    public init(library: Library) {
        worker = Worker(library: library)
    }

    deinit { worker.stop() }

    /// Replace whatever is waiting with these entries, parsed in order.
    public func warm(_ indices: [Int]) {
        worker.replace(with: indices)
    }

    /// The queue and its thread; all state is guarded by `condition`.
    private final class Worker: @unchecked Sendable {
        let library: Library
        let condition = NSCondition()
        var pending: [Int] = []
        var started = false
        var stopped = false

        init(library: Library) {
            self.library = library
        }

        func replace(with indices: [Int]) {
            let wanted = indices.filter { $0 >= 0 && $0 < library.count }
            guard !wanted.isEmpty else { return }
            condition.lock()
            defer { condition.unlock() }
            guard !stopped else { return }
            pending = wanted
            if !started {
                started = true
                let thread = Thread { self.run() }
                thread.name = "byline-prefetch"
                thread.qualityOfService = .utility
                thread.start()
            }
            condition.signal()
        }

        func stop() {
            condition.lock()
            stopped = true
            pending.removeAll()
            condition.signal()
            condition.unlock()
        }

        private func run() {
            // Signals must reach the main thread: its blocked read is what they interrupt
            // (SIGTERM, SIGHUP, SIGCONT, SIGWINCH). A signal handled here would go unnoticed.
            var all = sigset_t()
            sigfillset(&all)
            pthread_sigmask(SIG_BLOCK, &all, nil)
            while true {
                condition.lock()
                while pending.isEmpty && !stopped { condition.wait() }
                if stopped {
                    condition.unlock()
                    return
                }
                let index = pending.removeFirst()
                condition.unlock()
                _ = library.article(at: index)
            }
        }
    }
}

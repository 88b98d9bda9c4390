import BylineModel
import Foundation

/// Parses articles near the selection on a background thread, so that the next move in the
/// list finds its article already parsed.
///
/// One worker thread blocks on a condition while there is nothing to do: no timers, no
/// polling, no wake-ups when idle. A newer request replaces an older one that has not started
/// (cancellation by generation), so holding a key down never queues stale work.
public final class Prefetcher: @unchecked Sendable {
    private let library: Library
    private let condition = NSCondition()
    /// Guarded by `condition`.
    private var pending: [Int] = []
    private var generation = 0
    private var started = false

    public init(library: Library) {
        self.library = library
    }

    /// Replace whatever is waiting with these entries, parsed in order.
    public func warm(_ indices: [Int]) {
        let wanted = indices.filter { $0 >= 0 && $0 < library.count }
        guard !wanted.isEmpty else { return }
        condition.lock()
        pending = wanted
        generation += 1
        if !started {
            started = true
            let thread = Thread { [weak self] in self?.work() }
            thread.name = "byline-prefetch"
            thread.qualityOfService = .utility
            thread.start()
        }
        condition.signal()
        condition.unlock()
    }

    private func work() {
        while true {
            condition.lock()
            while pending.isEmpty { condition.wait() }
            let index = pending.removeFirst()
            condition.unlock()
            _ = library.article(at: index)
        }
    }
}

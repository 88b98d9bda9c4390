import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A background thread that runs jobs from lanes: an urgent lane (first come, first served)
/// before an ahead-of-need lane that a newer request replaces, so holding a key down never
/// queues stale work. It blocks on a condition while there is nothing to do: no timers, no
/// polling, no wake-ups when idle.
///
/// The thread is started with every signal blocked, so signals always reach the reader's thread
/// (whose wait they must interrupt); it ends when ``stop()`` is called.
final class WorkerThread: @unchecked Sendable {
    typealias Job = @Sendable () -> Void

    private let name: String
    private let condition = NSCondition()
    private var urgent: [Job] = []
    private var ahead: [Job] = []
    private var started = false
    private var stopped = false

    init(name: String) {
        self.name = name
    }

    /// Runs `job` as soon as the jobs before it are done.
    func now(_ job: @escaping Job) {
        enqueue { $0.urgent.append(job) }
    }

    /// Replaces whatever ahead-of-need work has not started with these jobs.
    func ahead(_ jobs: [Job]) {
        enqueue { $0.ahead = jobs }
    }

    func stop() {
        condition.lock()
        stopped = true
        urgent.removeAll()
        ahead.removeAll()
        condition.signal()
        condition.unlock()
    }

    private func enqueue(_ change: (WorkerThread) -> Void) {
        condition.lock()
        defer { condition.unlock() }
        guard !stopped else { return }
        change(self)
        if !started {
            started = true
            Self.startWithSignalsBlocked(name: name) { [self] in run() }
        }
        condition.signal()
    }

    private func run() {
        while true {
            condition.lock()
            while urgent.isEmpty && ahead.isEmpty && !stopped { condition.wait() }
            if stopped {
                condition.unlock()
                return
            }
            let job = urgent.isEmpty ? ahead.removeFirst() : urgent.removeFirst()
            condition.unlock()
            job()
        }
    }

    static func startWithSignalsBlocked(name: String, _ body: @escaping @Sendable () -> Void) {
        BackgroundThread.start(name: name, body)
    }
}

import Foundation

/// How many articles hold each phrase, remembered between searches: typing `harbour f`,
/// `harbour fe`, `harbour fer` counts `harbour` once. The counts only weigh phrases against
/// each other in the ranking, so one a little out of date (another process indexed meanwhile)
/// changes nothing that matters; this process's own writes clear it.
final class FrequencyCache: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: Int64] = [:]
    /// Phrases kept at most (a typed session holds a few dozen).
    private let capacity = 512

    func count(of phrase: String, _ compute: () throws -> Int64) rethrows -> Int64 {
        lock.lock()
        let known = counts[phrase]
        lock.unlock()
        if let known { return known }
        let count = try compute()
        lock.lock()
        if counts.count >= capacity { counts.removeAll() }
        counts[phrase] = count
        lock.unlock()
        return count
    }

    func clear() {
        lock.lock()
        counts.removeAll()
        lock.unlock()
    }
}

import BylineModel
import BylineStore
import Foundation
import Synchronization

/// A state store being opened on a thread of its own, so the opening (an integrity check, a
/// migration, perhaps moving a broken file aside) runs while the folder is listed and the first
/// frame drawn. Whoever needs the store first waits for it.
public final class StoreOpening: Sendable {
    private let opened = Mutex<StateStore?>(nil)
    private let done = DispatchSemaphore(value: 0)
    /// Whether the store file was there before this opening.
    private let existed: Bool

    /// Starts opening the store at `location`.
    public init(_ location: StateLocation) {
        existed = location.path.map { access($0, F_OK) == 0 } ?? false
        WorkerThread.startWithSignalsBlocked(name: "byline-state-open") { [self] in
            let store = StateStore.open(location)
            opened.withLock { $0 = store }
            done.signal()
        }
    }

    /// A store that is already open.
    public init(_ store: StateStore) {
        existed = false
        opened.withLock { $0 = store }
        done.signal()
    }

    /// When the store file was already there, starts building `library`'s path index on a
    /// thread of its own. What the store keeps is found in the library by path (``ReaderMemory``,
    /// before the first frame), and the index of every path (about 4 ms at 10,000 files, ten
    /// times that at 100,000) is then built while the terminal starts rather than after; for a
    /// new store, which has nothing to look up, nothing is built.
    public func prepareLookups(in library: Library) {
        guard existed else { return }
        WorkerThread.startWithSignalsBlocked(name: "byline-state-paths") {
            library.prepareForChanges()
        }
    }

    /// The store, once it is open (waits for it).
    public var store: StateStore {
        if let store = opened.withLock({ $0 }) { return store }
        done.wait()
        done.signal()
        return opened.withLock { $0! }
    }
}

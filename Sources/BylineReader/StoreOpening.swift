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

    /// Starts opening the store at `location`.
    public init(_ location: StateLocation) {
        WorkerThread.startWithSignalsBlocked(name: "byline-state-open") { [self] in
            let store = StateStore.open(location)
            opened.withLock { $0 = store }
            done.signal()
        }
    }

    /// A store that is already open.
    public init(_ store: StateStore) {
        opened.withLock { $0 = store }
        done.signal()
    }

    /// The store, once it is open (waits for it).
    public var store: StateStore {
        if let store = opened.withLock({ $0 }) { return store }
        done.wait()
        done.signal()
        return opened.withLock { $0! }
    }
}

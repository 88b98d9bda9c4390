import Foundation
import Synchronization
import Testing
@testable import BylineStore

/// Two connections on one file, as two Byline processes have (the end-to-end tests do it with
/// real processes): neither waits in vain, neither loses the other's marks.
@Suite("State store: two writers on one file")
struct StoreConcurrencyTests {
    /// Runs `body(i)` on `count` threads at once and waits for them all.
    private func together(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let group = DispatchGroup()
        let start = DispatchSemaphore(value: 0)
        for index in 0..<count {
            group.enter()
            Thread {
                start.wait()
                body(index)
                group.leave()
            }.start()
        }
        for _ in 0..<count { start.signal() }
        group.wait()
    }

    @Test("two stores on one file, each marking in its own thread, one transaction a mark")
    func twoWriters() throws {
        let folder = try StoreFolder()
        defer { folder.cleanUp() }
        let stores = [StateStore.open(.file(folder.store)), StateStore.open(.file(folder.store))]
        let failures = Failures()
        together(2) { writer in
            for article in articles(300, from: writer * 1000) {
                if !stores[writer].markRead([article], library: library) { failures.add("\(writer): \(article)") }
                _ = stores[writer].load(library: library)
            }
        }
        #expect(failures.all == [])
        for store in stores {
            #expect(store.takeNotices() == [])
            #expect(store.load(library: library).read == Set(articles(300) + articles(300, from: 1000)))
        }
    }

    @Test("four stores creating the same new file at once all end up saving")
    func migrateTogether() throws {
        for _ in 0..<5 {
            let folder = try StoreFolder()
            defer { folder.cleanUp() }
            let notices = Failures()
            together(4) { writer in
                let store = StateStore.open(.file(folder.store))
                if !store.markRead(["w\(writer).txt"], library: library) { notices.add("\(writer) did not save") }
                for notice in store.takeNotices() { notices.add(notice) }
            }
            #expect(notices.all == [])
            #expect(StateStore.open(.file(folder.store)).load(library: library).read == ["w0.txt", "w1.txt", "w2.txt", "w3.txt"])
        }
    }
}

/// Lines collected from several threads.
final class Failures: Sendable {
    private let lines = Mutex<[String]>([])

    func add(_ line: String) { lines.withLock { $0.append(line) } }

    var all: [String] { lines.withLock { $0 } }
}

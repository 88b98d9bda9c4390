import Benchmark
import BylineStore
import Foundation

// The state store: marking read (a synced transaction) and saving a position (a logged one), as the
// reader does them), and opening a store with 10k or 100k marks and loading a library's state
// (what the reader needs for the list's markers). Stores are built on first use next to the
// corpora, with corpus-like file names and a saved position for one article in ten.

enum StoreFixture {
    static let library = "/home/reader/news"

    /// `004217_harbour-bridge-closes-for-repairs.txt`: as long as the corpus's names.
    static func article(_ index: Int) -> String {
        String(format: "%06d_harbour-bridge-closes-for-repairs.txt", index)
    }

    /// A store holding `marks` read marks (and a position for every tenth), built if missing.
    static func store(marks: Int) -> String {
        let dir = Corpus.root + "/store"
        let path = "\(dir)/\(marks).sqlite3"
        let marker = "\(path).complete"
        guard !FileManager.default.fileExists(atPath: marker) else { return path }
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let store = StateStore.open(.file(path))
        let date = Date(timeIntervalSince1970: 1_790_000_000)
        for start in stride(from: 0, to: marks, by: 5000) {
            let range = start..<min(marks, start + 5000)
            var changes: [StateChange] = [.markRead(range.map(article), at: date)]
            for index in range where index % 10 == 0 {
                let position = SavedPosition(position: ReadingPosition(block: index % 40, offset: 120), blockCount: 60,
                                             signature: FileSignature(size: 7400, modified: 1_790_000_000_000_000_000),
                                             anchor: BlockFingerprint.of("block \(index)"))
                changes.append(.position(article(index), position))
            }
            guard store.apply(changes, library: library) else { fatalError("cannot build \(path): \(store.takeNotices())") }
        }
        store.saveLastSelected(article(marks / 2), library: library)
        store.close()
        _ = FileManager.default.createFile(atPath: marker, contents: Data())
        return path
    }

    /// The store file's size in bytes (its write-ahead log folded in by `close()`).
    static func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }
}

func storeBenchmarks() {
    let kilobytes = BenchmarkMetric.custom("store KB", polarity: .prefersSmaller, useScalingFactor: false)

    for marks in [10_000, 100_000] {
        let label = "\(marks / 1000)k"
        Benchmark("Store open + load library, \(label) marks",
                  configuration: .init(metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident, kilobytes],
                                       maxDuration: .seconds(5), maxIterations: marks >= 100_000 ? 30 : 200,
                                       setup: { _ = StoreFixture.store(marks: marks) })) { benchmark in
            let path = StoreFixture.store(marks: marks)
            benchmark.startMeasurement()
            let store = StateStore.open(.file(path))
            let state = store.load(library: StoreFixture.library)
            benchmark.stopMeasurement()
            precondition(state.read.count == marks && state.positions.count == marks / 10, "the store lost marks")
            benchmark.measurement(kilobytes, StoreFixture.size(path) / 1024)
            blackHole(store)
        }

        Benchmark("Store load library (store open), \(label) marks",
                  configuration: .init(metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(5),
                                       maxIterations: marks >= 100_000 ? 30 : 200,
                                       setup: { _ = StoreFixture.store(marks: marks) })) { benchmark in
            let store = StateStore.open(.file(StoreFixture.store(marks: marks)))
            benchmark.startMeasurement()
            blackHole(store.load(library: StoreFixture.library))
        }
    }

    // Writes go to a copy, so the fixtures stay as built.
    func scratchStore(_ name: String) -> StateStore {
        let path = Corpus.root + "/store/scratch-\(name).sqlite3"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        try? FileManager.default.copyItem(atPath: StoreFixture.store(marks: 10_000), toPath: path)
        return StateStore.open(.file(path))
    }

    /// One write per iteration, `body(store, n)` for n = 1, 2, …, into a copy of the 10k store
    /// opened once for the whole benchmark: the steady state of a reader that has been running
    /// (the first write after opening also writes and syncs the log's header).
    func writes(_ name: String, scratch: String, _ body: @escaping @Sendable (StateStore, Int) -> Bool) {
        let state = WriterState()
        Benchmark(name, configuration: .init(metrics: [.wallClock, .cpuTotal, .mallocCountTotal],
                                             maxDuration: .seconds(5), maxIterations: 1000,
                                             setup: { state.store = scratchStore(scratch) },
                                             teardown: { state.store = nil })) { benchmark in
            guard let store = state.store else { fatalError("no scratch store") }
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                state.count += 1
                precondition(body(store, state.count))
            }
        }
    }

    writes("Store mark one article read (one synced transaction), 10k marks", scratch: "mark") { store, n in
        store.markRead([StoreFixture.article(1_000_000 + n)], library: StoreFixture.library)
    }

    writes("Store save a reading position (one logged transaction), 10k marks", scratch: "position") { store, n in
        let position = SavedPosition(position: ReadingPosition(block: 12, offset: n), blockCount: 60,
                                     signature: FileSignature(size: 7400, modified: 1_790_000_000_000_000_000))
        return store.savePosition(position, article: StoreFixture.article(42), library: StoreFixture.library)
    }

    Benchmark("Store mark 10k articles read in one batch (M)",
              configuration: .init(metrics: [.wallClock, .cpuTotal, .mallocCountTotal], maxDuration: .seconds(5),
                                   maxIterations: 50, setup: { _ = StoreFixture.store(marks: 10_000) })) { benchmark in
        let store = scratchStore("batch")
        let names = (2_000_000..<2_010_000).map(StoreFixture.article)
        benchmark.startMeasurement()
        precondition(store.markRead(names, library: StoreFixture.library))
        benchmark.stopMeasurement()
        precondition(store.markUnread(names, library: StoreFixture.library))
    }
}

/// The open scratch store of a write benchmark and how many writes it has had; the benchmark
/// runs its closures one at a time.
private final class WriterState: @unchecked Sendable {
    var store: StateStore?
    var count = 0
}

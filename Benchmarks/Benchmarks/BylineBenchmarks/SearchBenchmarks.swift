import Benchmark
import BylineModel
import BylineReader
import BylineStore
import Foundation

// The library search: indexing a corpus from nothing, and queries, `by:` and People against an
// index of the 100k corpus. The 100k index is built on first use (a few minutes) next to the
// corpora, under $BYLINE_BENCH_CORPUS/search/, and reused while its marker is there.

enum SearchBenchFixture {
    /// The index file of the `count` corpus, built if missing.
    static func index(_ count: Int) -> String {
        let dir = Corpus.root + "/search"
        let path = "\(dir)/\(count).sqlite3"
        let marker = path + ".complete"
        guard !FileManager.default.fileExists(atPath: marker) else { return path }
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        SearchBenchFixture.delete(path)
        let library = try! Library(folder: Corpus.folder(count))
        let index = SearchIndex.open(.file(path))
        let summary = LibraryIndexer(library: library, index: index).run()
        precondition(summary.indexed == count, "indexed \(summary.indexed) of \(count)")
        index.close()
        _ = FileManager.default.createFile(atPath: marker, contents: Data())
        return path
    }

    /// The index of the `count` corpus, open, with the scope of its folder.
    static func open(_ count: Int) -> (SearchIndex, SearchScope) {
        let path = index(count)
        let library = try! Library(folder: Corpus.folder(count))
        return (SearchIndex.open(.file(path)), SearchKeys(library: library).scope)
    }

    /// Deletes an index file and its log.
    static func delete(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }

}

func searchBenchmarks() {
    let ratio = BenchmarkMetric.custom("index/text %", polarity: .prefersSmaller, useScalingFactor: false)
    let readingShare = BenchmarkMetric.custom("reading %", polarity: .prefersSmaller, useScalingFactor: false)
    let megabytesPerSecond = BenchmarkMetric.custom("MB/s", polarity: .prefersLarger, useScalingFactor: false)

    // Indexing from nothing: the files read, parsed and written. Reported beside the time: the
    // index's size against the text's, the share of the time spent reading and parsing (the
    // rest is SQLite), and the text indexed per second.
    for (count, readers) in [(1_000, 1), (10_000, 1), (10_000, 2)] {
        let label = "\(count / 1000)k"
        Benchmark("Search index \(label) from nothing, \(readers) reading thread\(readers == 1 ? "" : "s")",
                  configuration: .init(metrics: [.wallClock, .cpuTotal, .peakMemoryResident, ratio, readingShare, megabytesPerSecond],
                                       warmupIterations: 0, maxDuration: .seconds(count >= 10_000 ? 120 : 30),
                                       maxIterations: count >= 10_000 ? 3 : 10,
                                       setup: { _ = Corpus.folder(count) })) { benchmark in
            let path = Corpus.root + "/search/scratch-\(count)-\(readers).sqlite3"
            try? FileManager.default.createDirectory(atPath: Corpus.root + "/search", withIntermediateDirectories: true)
            SearchBenchFixture.delete(path)
            let library = try! Library(folder: Corpus.folder(count))
            let index = SearchIndex.open(.file(path))
            let clock = ContinuousClock()
            let start = clock.now
            benchmark.startMeasurement()
            let summary = LibraryIndexer(library: library, index: index, limits: .init(readers: readers)).run()
            benchmark.stopMeasurement()
            let elapsed = clock.now - start
            index.close()
            precondition(summary.indexed == count)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            benchmark.measurement(ratio, SearchBenchFixture.fileSize(path) * 100 / max(1, summary.bytes))
            benchmark.measurement(readingShare, Int(100 * (summary.reading / (summary.reading + summary.writing))))
            benchmark.measurement(megabytesPerSecond, Int(Double(summary.bytes) / 1e6 / seconds))
        }
    }

    Benchmark("Search index 10k up to date (a stat per file)",
              configuration: .init(metrics: [.wallClock, .cpuTotal, .mallocCountTotal], maxIterations: 50,
                                   setup: { _ = SearchBenchFixture.index(10_000) })) { benchmark in
        let (index, _) = SearchBenchFixture.open(10_000)
        let library = try! Library(folder: Corpus.folder(10_000))
        benchmark.startMeasurement()
        let summary = LibraryIndexer(library: library, index: index).run()
        benchmark.stopMeasurement()
        precondition(summary.unchanged == 10_000 && summary.indexed == 0)
    }

    // Queries at 100k: the first page (50 hits with their snippets) and the total count, as the
    // reader's result list asks. The corpus's vocabulary is small, so its common words are in
    // most articles: "harbour" is a worst case, not a typical one.
    let queries: [(String, String)] = [
        ("a word in most articles", "harbour"),
        ("two words", "harbour ferry"),
        ("a phrase", "\"harbour master\""),
        ("a rarer word", "besancon"),
        ("a prefix", "harb*"),
        ("a word, leaving one out", "ferry -harbour"),
        ("in the headline", "head:harbour"),
        ("a speaker and a word", "by:Ramírez ferry"),
        ("a speaker (by:)", "by:Ramírez"),
        ("nothing found", "zanzibar"),
    ]
    let query = Benchmark.Configuration(metrics: [.wallClock, .cpuTotal, .mallocCountTotal], maxDuration: .seconds(5),
                                        maxIterations: 200, setup: { _ = SearchBenchFixture.index(100_000) })
    for (label, text) in queries {
        Benchmark("Search 100k first page: \(label) (\(text))", configuration: query) { benchmark in
            let (index, scope) = SearchBenchFixture.open(100_000)
            _ = index.search(text, in: scope, limit: 50)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(index.search(text, in: scope, limit: 50))
            }
        }
    }

    Benchmark("Search 100k People (every speaker with counts)", configuration: query) { benchmark in
        let (index, scope) = SearchBenchFixture.open(100_000)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(index.people(in: scope))
        }
    }

    Benchmark("Search 100k People filtered (\"ra\")", configuration: query) { benchmark in
        let (index, scope) = SearchBenchFixture.open(100_000)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(index.people(in: scope, matching: "ra"))
        }
    }

    Benchmark("Search 100k quotes by a speaker, first page of 100", configuration: query) { benchmark in
        let (index, scope) = SearchBenchFixture.open(100_000)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(index.quotes(by: "Inés Ramírez", in: scope, limit: 100))
        }
    }
}

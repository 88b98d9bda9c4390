import Benchmark
import BylineCanvas
import BylineCorpus
import BylineModel
import BylineReader
import Foundation

// Byline's micro-benchmarks. They report; nothing here asserts a time.
//
// Corpora (1k, 10k, 100k articles from `CorpusGenerator`, seed 1) are generated on first use
// into $BYLINE_BENCH_CORPUS, default <tmp>/byline-bench-corpus, and reused while their marker
// file matches.

// MARK: - Corpora

enum Corpus {
    static let seed: UInt64 = 1

    static var root: String {
        if let dir = ProcessInfo.processInfo.environment["BYLINE_BENCH_CORPUS"], !dir.isEmpty { return dir }
        return NSTemporaryDirectory() + "byline-bench-corpus"
    }

    /// The folder of `count` articles, generated if missing or incomplete.
    static func folder(_ count: Int) -> String {
        let dir = "\(root)/\(count)"
        let marker = "\(dir)/.complete-seed\(seed)-n\(count)"
        if !FileManager.default.fileExists(atPath: marker) {
            try? FileManager.default.removeItem(atPath: dir)
            do {
                _ = try CorpusGenerator(seed: seed).write(count: count, to: dir)
                _ = FileManager.default.createFile(atPath: marker, contents: Data())
            } catch {
                fatalError("cannot generate the corpus in \(dir): \(error)")
            }
        }
        return dir
    }

    /// A reader on `count` articles at `size`, list focused, first frame's needs loaded.
    static func state(_ count: Int, _ size: Size) -> ReaderState {
        let library = try! Library(folder: folder(count))
        var state = ReaderState(library: library, size: size)
        state.send(.start, readingAhead: false)
        return state
    }
}

/// Files of the 1k corpus held in memory, for parse throughput without disk reads.
final class ParseInput: @unchecked Sendable {
    static let shared = ParseInput()
    let files: [(id: String, data: Data)]
    let bytes: Int

    private init() {
        let dir = Corpus.folder(1000)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir))?.filter { $0.hasSuffix(".txt") }.sorted() ?? []
        files = names.map { ($0, FileManager.default.contents(atPath: "\(dir)/\($0)") ?? Data()) }
        bytes = files.reduce(0) { $0 + $1.data.count }
    }
}

// MARK: - Benchmarks

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
        timeUnits: .microseconds,
        warmupIterations: 3,
        maxDuration: .seconds(3),
        maxIterations: 2000
    )

    storeBenchmarks()
    searchBenchmarks()
    findInArticleBenchmarks()

    // Parse: every article of the 1k corpus, from memory; reports MB/s as a custom metric
    // (megabytes of article text parsed per second of wall clock). Once on one thread, once
    // shared by two (as `LibraryIndexer` reads with a thread per core on these machines).
    let megabytesPerSecond = BenchmarkMetric.custom("MB/s", polarity: .prefersLarger, useScalingFactor: false)
    for threads in [1, 2] {
        let name = threads == 1 ? "Parse 1k corpus (whole articles)" : "Parse 1k corpus (whole articles), \(threads) threads"
        Benchmark(name, configuration: .init(metrics: [.wallClock, .cpuTotal, .mallocCountTotal, megabytesPerSecond], maxIterations: 30)) { benchmark in
            let input = ParseInput.shared
            let clock = ContinuousClock()
            benchmark.startMeasurement()
            let start = clock.now
            // Threads of their own (as the indexer's readers are), every one parsing every
            // `threads`th file; the measurement ends when the last is done.
            let done = DispatchSemaphore(value: 0)
            for t in 0..<threads {
                Thread {
                    for k in stride(from: t, to: input.files.count, by: threads) {
                        let file = input.files[k]
                        blackHole(ArticleParser.parse(data: file.data, id: file.id, path: file.id))
                    }
                    done.signal()
                }.start()
            }
            for _ in 0..<threads { done.wait() }
            let elapsed = clock.now - start
            benchmark.stopMeasurement()
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            benchmark.measurement(megabytesPerSecond, Int(Double(input.bytes) / 1_000_000 / max(seconds, 1e-9)))
        }
    }

    Benchmark("Headline 1k corpus (first 8 KB each)",
              configuration: .init(metrics: [.wallClock, .mallocCountTotal], maxIterations: 100)) { benchmark in
        let input = ParseInput.shared
        let prefixes = input.files.map { (id: $0.id, data: $0.data.prefix(Library.headlineBytes), complete: $0.data.count <= Library.headlineBytes) }
        benchmark.startMeasurement()
        for p in prefixes {
            blackHole(ArticleParser.headline(prefix: p.data, id: p.id, complete: p.complete))
        }
    }

    // Library open: list the folder, then what the first frame's list needs (40 headlines and
    // reading times), as `byline DIR` does before its first frame. Warm page cache.
    for count in [1000, 10000, 100_000] {
        let label = count >= 1000 ? "\(count / 1000)k" : "\(count)"
        Benchmark("Library open + 40 headlines \(label)",
                  configuration: .init(metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
                                       maxDuration: .seconds(5), maxIterations: count >= 100_000 ? 20 : 100,
                                       setup: { _ = Corpus.folder(count) })) { benchmark in
            let dir = Corpus.folder(count)
            benchmark.startMeasurement()
            let library = try! Library(folder: dir)
            for i in 0..<min(40, library.count) {
                blackHole(library.headline(at: i))
                blackHole(library.readingTime(library.id(at: i)))
            }
            benchmark.stopMeasurement()
            blackHole(library)
        }

        Benchmark("First frame (open + state + render 120x40) \(label)",
                  configuration: .init(metrics: [.wallClock, .cpuTotal, .mallocCountTotal],
                                       maxDuration: .seconds(5), maxIterations: count >= 100_000 ? 20 : 100,
                                       setup: { _ = Corpus.folder(count) })) { benchmark in
            let dir = Corpus.folder(count)
            benchmark.startMeasurement()
            let library = try! Library(folder: dir)
            var state = ReaderState(library: library, size: Size(width: 120, height: 40), deferBody: true)
            state.send(.start, readingAhead: false)
            blackHole(Screen().render(state))
            benchmark.stopMeasurement()
        }
    }

    // Frame render: an unchanged state drawn into the canvas the run loop keeps (cells are plain
    // values; a frame reuses the canvas's buffer), three panes, list focused.
    for (w, h) in [(80, 24), (120, 40), (200, 60)] {
        Benchmark("Render \(w)x\(h)", configuration: .init(metrics: [.wallClock, .cpuTotal, .mallocCountTotal])) { benchmark in
            let state = Corpus.state(1000, Size(width: w, height: h))
            let screen = Screen()
            var canvas = Canvas(size: state.size)
            screen.render(state, into: &canvas)  // warm: the list's headlines read once
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                screen.render(state, into: &canvas)
                blackHole(canvas)
            }
        }
    }

    Benchmark("Render 200x60 reading mode", configuration: .init(metrics: [.wallClock, .mallocCountTotal])) { benchmark in
        var state = Corpus.state(1000, Size(width: 200, height: 60))
        state.send(.focusForward)
        state.send(.toggleZoom)
        let screen = Screen()
        var canvas = Canvas(size: state.size)
        screen.render(state, into: &canvas)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            screen.render(state, into: &canvas)
            blackHole(canvas)
        }
    }

    // A line scroll in reading mode, as the run loop draws it: the frame after one `j` on a long
    // article (the state moved on before measuring), into the kept canvas. Target: 0 allocations.
    for (w, h) in [(120, 40), (200, 60)] {
        Benchmark("Allocations per frame, reading-mode line scroll \(w)x\(h)",
                  configuration: .init(metrics: [.mallocCountTotal, .wallClock], maxIterations: 200)) { benchmark in
            var state = Corpus.state(1000, Size(width: w, height: h))
            state.send(.focusForward)
            state.send(.toggleZoom)
            let screen = Screen()
            var canvas = Canvas(size: state.size)
            screen.render(state, into: &canvas)
            // As in a reader that has been scrolling a while: the row cache full (it drops the
            // rows used longest ago and keeps their storage), not a fresh one filling up. (The
            // benchmark may run this closure for each iteration.) Down to the end, back to the
            // top, then a few lines down: the lines measured next were dropped long ago.
            for _ in 0..<1000 {
                let before = state.bodyTop
                state.send(.moveDown, readingAhead: false)
                screen.render(state, into: &canvas)
                if state.bodyTop == before { break }
            }
            state.send(.top, readingAhead: false)
            screen.render(state, into: &canvas)
            for _ in 0..<4 {
                state.send(.moveDown, readingAhead: false)
                screen.render(state, into: &canvas)
            }
            for _ in benchmark.scaledIterations {
                let before = state.bodyTop
                state.send(.moveDown, readingAhead: false)
                if state.bodyTop == before { state.send(.top, readingAhead: false) }
                benchmark.startMeasurement()
                screen.render(state, into: &canvas)
                benchmark.stopMeasurement()
                blackHole(canvas)
            }
        }
    }

    // Keystrokes: one update + one render, as the run loop does per key.
    for count in [10000, 100_000] {
        let label = "\(count / 1000)k"
        let keystroke = Benchmark.Configuration(metrics: [.wallClock, .cpuTotal, .mallocCountTotal], maxIterations: 2000,
                                               setup: { _ = Corpus.folder(count) })
        let single = Benchmark.Configuration(metrics: [.wallClock, .cpuTotal, .mallocCountTotal], maxIterations: 500,
                                            setup: { _ = Corpus.folder(count) })

        Benchmark("Key Down in list (update+render 120x40) \(label)", configuration: keystroke) { benchmark in
            listMoves(benchmark, count: count, zoomed: false)
        }

        // The same move when the next article is already parsed, as the reader's background
        // prefetch of the selection's neighbours leaves it.
        Benchmark("Key Down in list, next article prefetched (update+render 120x40) \(label)", configuration: single) { benchmark in
            oneKey(benchmark, count: count, .moveDown, parsedAhead: { _ in 1 })
        }

        // PgDn in the list when the article a page on is parsed, as the prefetch after a move
        // leaves it (it parses a list page either way as well as the neighbours).
        Benchmark("Key PgDn in list, target prefetched (update+render 120x40) \(label)", configuration: single) { benchmark in
            oneKey(benchmark, count: count, .pageDown, parsedAhead: { ($0.layout.list?.height ?? 2) - 1 })
        }

        // `z` on the list: the list alone, full width; a move parses nothing.
        Benchmark("Key Down in zoomed list (update+render 120x40) \(label)", configuration: keystroke) { benchmark in
            listMoves(benchmark, count: count, zoomed: true)
        }

        Benchmark("Key j in body (update+render 120x40) \(label)",
                  configuration: .init(metrics: [.wallClock, .cpuTotal, .mallocCountTotal],
                                       setup: { _ = Corpus.folder(count) })) { benchmark in
            var state = Corpus.state(count, Size(width: 120, height: 40))
            state.send(.focusForward)
            let screen = Screen()
            blackHole(screen.render(state))
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                let before = state.bodyTop
                state.send(.moveDown, readingAhead: false)
                if state.bodyTop == before { state.send(.top, readingAhead: false) }
                blackHole(screen.render(state))
            }
            benchmark.stopMeasurement()
        }
    }

    // Allocations per frame: one render into the kept canvas, three panes, malloc counts only.
    for (w, h) in [(80, 24), (120, 40), (200, 60)] {
        Benchmark("Allocations per frame \(w)x\(h)",
                  configuration: .init(metrics: [.mallocCountTotal, .mallocCountSmall, .mallocCountLarge, .memoryLeaked],
                                       maxIterations: 50)) { benchmark in
            let state = Corpus.state(1000, Size(width: w, height: h))
            let screen = Screen()
            var canvas = Canvas(size: state.size)
            screen.render(state, into: &canvas)  // warm: headlines read, article parsed
            benchmark.startMeasurement()
            screen.render(state, into: &canvas)
            benchmark.stopMeasurement()
            blackHole(canvas)
        }
    }
}

// MARK: - Keystroke helpers

/// Down in the list, over and over (back to the top at the end), each one update (with the
/// article parsed on the spot, as a worker would) and one render.
private func listMoves(_ benchmark: Benchmark, count: Int, zoomed: Bool) {
    var state = Corpus.state(count, Size(width: 120, height: 40))
    if zoomed { state.send(.toggleZoom) }
    let screen = Screen()
    blackHole(screen.render(state))  // warm: the first frame was drawn before any key
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
        if state.selectedRow == state.rows.count - 1 { state.send(.top, readingAhead: false) }
        state.send(.moveDown, readingAhead: false)
        blackHole(screen.render(state))
    }
    benchmark.stopMeasurement()  // the state's release is not part of a keystroke
}

/// One key whose target article (`parsedAhead` rows on) was parsed before it, as the prefetch leaves it.
private func oneKey(_ benchmark: Benchmark, count: Int, _ action: Action, parsedAhead: (ReaderState) -> Int) {
    var state = Corpus.state(count, Size(width: 120, height: 40))
    let screen = Screen()
    blackHole(screen.render(state))
    _ = state.library.article(state.rows[state.selectedRow + parsedAhead(state)])
    benchmark.startMeasurement()
    state.send(action, readingAhead: false)
    blackHole(screen.render(state))
    benchmark.stopMeasurement()
}

import Benchmark
import BylineCanvas
import BylineCorpus
import BylineModel
import BylineReader
import Foundation

// Finding text in the shown article as it is typed (`/` in the body): each key is one update
// (the whole article searched again from where the reading was, the body scrolled to the first
// match) and one render at 120x40, on an article of 20,000 words (CorpusGenerator, seed 1).

enum LongArticle {
    static let words = 20_000

    /// A folder holding one article of `words` words, generated once.
    static var folder: String {
        let dir = "\(Corpus.root)/long\(words)"
        let marker = "\(dir)/.complete-seed\(Corpus.seed)"
        if !FileManager.default.fileExists(atPath: marker) {
            try? FileManager.default.removeItem(atPath: dir)
            do {
                _ = try CorpusGenerator(seed: Corpus.seed, minWords: words, maxWords: words).write(count: 1, to: dir)
                _ = FileManager.default.createFile(atPath: marker, contents: Data())
            } catch {
                fatalError("cannot generate the long article in \(dir): \(error)")
            }
        }
        return dir
    }
}

/// A reader with the find prompt open on the long article, made on the first sample and kept
/// for the next ones (each sample is one key), and the keys it types in turn. Benchmarks run
/// one at a time, on one thread.
final class TypingInArticle: @unchecked Sendable {
    private let query: String
    private var state: ReaderState?
    private let screen = Screen()
    private let keys: [PromptEdit]
    private var next = 0

    init(query: String) {
        self.query = query
        // Typed from the empty prompt and rubbed out to nothing again, over and over.
        keys = query.map { PromptEdit.insert($0) } + Array(repeating: PromptEdit.backspace, count: query.count)
    }

    /// The reader on the long article with its find prompt open and empty: made once and kept
    /// (`reused`), or made afresh.
    private func reader(reused: Bool = true) -> ReaderState {
        if reused, let state { return state }
        let library = try! Library(folder: LongArticle.folder)
        var state = ReaderState(library: library, size: Size(width: 120, height: 40))
        state.send(.start, readingAhead: false)
        state.send(.focusForward, readingAhead: false)
        state.send(.openPrompt(.findInArticle), readingAhead: false)
        precondition(state.prompt?.kind == .findInArticle, "the find prompt did not open")
        var probe = state
        for c in query { probe.send(.editPrompt(.insert(c)), readingAhead: false) }
        precondition(query == "zanzibar" || !(probe.search?.matches.isEmpty ?? true), "\(query) not found in the article")
        blackHole(screen.render(state))
        if reused { self.state = state }
        return state
    }

    /// The query's first letter into the empty prompt of a new reader: one update and one render.
    func typeFirst(_ benchmark: Benchmark) {
        var state = reader(reused: false)
        benchmark.startMeasurement()
        state.send(.editPrompt(.insert(query.first!)), readingAhead: false)
        blackHole(screen.render(state))
        benchmark.stopMeasurement()
    }

    /// The next key of the query typed and rubbed out again: one update and one render.
    func typeOne(_ benchmark: Benchmark) {
        var state = reader()
        self.state = nil  // (the state is changed in place, not copied)
        benchmark.startMeasurement()
        state.send(.editPrompt(keys[next]), readingAhead: false)
        blackHole(screen.render(state))
        benchmark.stopMeasurement()
        self.state = state
        next = (next + 1) % keys.count
    }
}

func findInArticleBenchmarks() {
    // The query typed and rubbed out again to nothing, over and over: each sample is one key, a
    // character or a backspace, so p100 is the slowest key. The first letter alone ("h", smart
    // case: h and H) matches thousands of times.
    let queries: [(String, String)] = [
        ("a common word", "harbour"),
        ("a phrase", "harbour master"),
        ("a word found nowhere", "zanzibar"),
    ]
    // The costliest key on its own: the first letter in an empty prompt (a fresh reader each
    // sample, made outside the measurement).
    Benchmark("Find in article, 20,000 words: the first key (h) in the empty prompt (update+render 120x40)",
              configuration: .init(metrics: [.wallClock, .cpuTotal, .mallocCountTotal], maxDuration: .seconds(5),
                                   maxIterations: 200, setup: { _ = LongArticle.folder })) { benchmark in
        TypingInArticle(query: "h").typeFirst(benchmark)
    }
    for (label, query) in queries {
        let typing = TypingInArticle(query: query)
        Benchmark("Find in article, 20,000 words: each typed key (update+render 120x40), \(label) (\(query))",
                  configuration: .init(metrics: [.wallClock, .cpuTotal, .mallocCountTotal], maxDuration: .seconds(5),
                                       maxIterations: 2000, setup: { _ = LongArticle.folder })) { benchmark in
            typing.typeOne(benchmark)
        }
    }
}

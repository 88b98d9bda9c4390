import ArgumentParser
import BylineModel
import BylineReader
import BylineStore
import Foundation

/// `byline search QUERY [PATH…]`: the library search from the command line, like grep.
///
/// The index (beside the state store) is brought up to date first: only new and changed files
/// are read. Exit status: 0 with matches, 1 with none, 2 on an error (a query with nothing to
/// search for, a path that cannot be read, a broken config file); 64 bad arguments.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find articles: words, \"a phrase\", prefix*, -word, head:word, by:Name.",
        discussion: """
            Prints each matching article, best first: its path, headline and a line around the match, \
            separated by tabs (--json: one JSON object a line). All words must match; case and accents \
            are ignored. by:Name finds articles quoting a speaker (by:Núñez, by:"Maria Núñez"). \
            The index is kept beside the state store (--no-state: in memory, made afresh). \
            Exit status: 0 with matches, 1 with none, 2 on an error.
            """
    )

    @Argument(help: "What to find.")
    var query: String

    @Argument(help: "Article folders or .txt files (default: the bundled samples).")
    var paths: [String] = []

    @Flag(help: "Print JSON Lines: path, library, article, headline, snippet, matches, missing, score.")
    var json = false

    @Flag(help: "Also search .txt files in subfolders.")
    var recursive = false

    @Option(help: ArgumentHelp("Print at most this many matches.", valueName: "n"))
    var limit: Int?

    @OptionGroup var state: StateOptions

    @Flag(help: .hidden)
    var reportIndexing = false

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let location: StateLocation
        do {
            location = try StateOptions.location(option: state.path, noState: state.noState, environment: environment)
        } catch {
            ReaderSettings.fail(error.description)
        }
        let (library, failedPaths) = openLibrary(environment)
        let index = SearchIndex.open(.beside(location))
        report(index.takeNotices())
        // Parse on the cores this thread, writing, leaves: since the parser got faster, writing
        // is the slower half, and a reading thread more only holds more batches in memory
        // (at 100k on 2 cores: 67 MiB at the peak with two, against the goal of 60).
        let readers = max(1, min(4, ProcessInfo.processInfo.activeProcessorCount - 1))
        let indexer = LibraryIndexer(library: library, index: index, limits: .init(readers: readers))
        let progress = SearchProgress(enabled: isatty(STDERR_FILENO) == 1)
        let started = ContinuousClock.now
        let summary = indexer.run(progress: progress.show)
        progress.finish()
        if reportIndexing { Self.report(summary, in: ContinuousClock.now - started, index: index) }
        report(index.takeNotices())

        let parsed = SearchQuery(query)
        let format = SearchOutput(json: json)
        var printed = 0
        let pageSize = min(limit ?? 500, 500)
        while limit.map({ printed < $0 }) ?? true {
            let asked = ContinuousClock.now
            let cpu = Self.processCPU()
            let page = index.search(parsed, in: indexer.keys.scope, offset: printed, limit: pageSize)
            if reportIndexing && printed == 0 { Self.report(page, in: ContinuousClock.now - asked, cpu: Self.processCPU() - cpu) }
            if let problem = page.problem { ReaderSettings.fail("byline: " + problem) }
            for hit in page.hits.prefix(limit.map { $0 - printed } ?? page.hits.count) {
                print(format.line(hit))
            }
            printed += page.hits.count
            if page.hits.count < pageSize { break }
        }
        if failedPaths { throw ExitCode(2) }
        if printed == 0 { throw ExitCode(1) }
    }

    /// The library of the paths given (or the samples); whether some path could not be opened
    /// (said on stderr). None at all: exit 2.
    private func openLibrary(_ environment: [String: String]) -> (Library, Bool) {
        do {
            if paths.isEmpty {
                guard let samples = DataLocator(environment: environment).folder("Samples") else {
                    ReaderSettings.fail("byline: the bundled sample library was not found; set BYLINE_DATA_DIR or give a folder")
                }
                return (try Library(folder: samples), false)
            }
            let library = try Library(paths: paths, recursive: recursive)
            let given = Set(paths)
            let failed = library.problems.filter { given.contains($0.path) }
            for problem in failed {
                InspectCommand.printError("byline: cannot open \(problem.path): \(problem.reason)")
            }
            return (library, !failed.isEmpty)
        } catch {
            ReaderSettings.fail(error.description)
        }
    }

    /// For measurements (`--report-indexing`, hidden): where the indexing time went.
    private static func report(_ summary: LibraryIndexer.Summary, in elapsed: Duration, index: SearchIndex) {
        func seconds(_ d: Duration) -> String { String(format: "%.2f s", Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18) }
        let size = index.path.flatMap { try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int } ?? 0
        InspectCommand.printError("""
            indexed \(summary.indexed) (\(summary.bytes) bytes), removed \(summary.removed), unchanged \(summary.unchanged), \
            failed \(summary.failed) in \(seconds(elapsed)): reading and parsing \(seconds(summary.reading)), \
            writing \(seconds(summary.writing)); index file \(size) bytes
            """)
    }

    /// For measurements (`--report-indexing`, hidden): how long the first page took, and the
    /// CPU time of the process meanwhile (its threads together: a first page is read on two
    /// connections at once, so on a busy machine this is the better figure to compare).
    private static func report(_ page: SearchPage, in elapsed: Duration, cpu: Double) {
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        InspectCommand.printError(String(format: "first page: %d of %d found in %.2f ms (CPU %.2f ms)", page.hits.count, page.total, ms, cpu))
    }

    /// The process's CPU time so far (user and system), in milliseconds.
    private static func processCPU() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        func ms(_ t: timeval) -> Double { Double(t.tv_sec) * 1000 + Double(t.tv_usec) / 1000 }
        return ms(usage.ru_utime) + ms(usage.ru_stime)
    }

    private func report(_ notices: [String]) {
        for notice in notices { InspectCommand.printError("byline: " + notice) }
    }
}

/// "indexing 4,210 / 10,000" on stderr, rewritten in place, when stderr is a terminal.
private final class SearchProgress: @unchecked Sendable {
    private let enabled: Bool
    private var shown = false
    private var last = ContinuousClock.now

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func show(_ progress: LibraryIndexer.Progress) {
        guard enabled, progress.total > 0 else { return }
        let now = ContinuousClock.now
        guard !shown || progress.done == progress.total || now - last > .milliseconds(100) else { return }
        last = now
        shown = true
        let line = "indexing " + IndexProgress(done: progress.done, total: progress.total).label
        FileHandle.standardError.write(Data(("\r" + line + "\u{1B}[K").utf8))
    }

    func finish() {
        guard shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}

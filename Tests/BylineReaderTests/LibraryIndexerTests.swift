import BylineModel
import BylineReader
import BylineStore
import BylineTestSupport
import Foundation
import XCTest

/// The indexer on real files: it reads what is new or changed, takes out what is gone, and
/// never touches the state store; a damaged index is started afresh.
final class LibraryIndexerTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = try Fixtures.folder([
            "010.txt": "Ten o'clock news\nA short story about the ferry.\nIt was a quiet day on the quay.\n",
            "020.txt": ReaderFixtures.harbour,
            "030.txt": "Thirty seconds of fame\nA short story.\nJane Doe said: \"Nothing happened, and that is news.\"\n",
        ])
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    private func library(recursive: Bool = false) throws -> Library { try Library(folder: dir.path, recursive: recursive) }

    private func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: dir.appendingPathComponent(name))
    }

    private func found(_ index: SearchIndex, _ query: String, in library: Library) -> [String] {
        index.search(query, in: SearchKeys(library: library).scope).hits.map(\.article.path).sorted()
    }

    func testIndexesTheLibraryAndFindsItsWordsPhrasesAndSpeakers() throws {
        let library = try library()
        let index = SearchIndex.temporary()
        var reports: [LibraryIndexer.Progress] = []
        let summary = LibraryIndexer(library: library, index: index).run { reports.append($0) }
        XCTAssertEqual(summary.indexed, 3)
        XCTAssertEqual(summary.bytes, [ReaderFixtures.harbour.utf8.count].reduce(0, +)
                       + "Ten o'clock news\nA short story about the ferry.\nIt was a quiet day on the quay.\n".utf8.count
                       + "Thirty seconds of fame\nA short story.\nJane Doe said: \"Nothing happened, and that is news.\"\n".utf8.count)
        XCTAssertEqual(reports.first, LibraryIndexer.Progress(done: 0, total: 3))
        XCTAssertEqual(reports.last, LibraryIndexer.Progress(done: 3, total: 3))
        XCTAssertEqual(found(index, "quay", in: library), ["010.txt", "020.txt"])
        XCTAssertEqual(found(index, "\"next hundred years\"", in: library), ["020.txt"])
        XCTAssertEqual(found(index, "by:nunez", in: library), ["020.txt"])
        XCTAssertEqual(found(index, "by:\"jane doe\"", in: library), ["030.txt"])
        XCTAssertEqual(found(index, "news -quay", in: library), ["030.txt"])
        XCTAssertEqual(found(index, "head:news", in: library), ["010.txt"])
        let people = index.people(in: SearchKeys(library: library).scope)
        XCTAssertEqual(people.first { $0.name == "Ada Brennan" }?.quotes, 1, "a pull quote that repeats a quote is not counted twice")
        XCTAssertEqual(people.first { $0.name == "Maria Núñez" }?.articles, 1)
        let quote = try XCTUnwrap(index.quotes(by: "Zoë Müller", in: SearchKeys(library: library).scope).quotes.first)
        XCTAssertEqual(quote.text, "Tolls will end in spring once the loan is paid")
        let article = library.article(try XCTUnwrap(SearchKeys(library: library).id(of: quote.article)))
        XCTAssertTrue(article.blocks[quote.block].text.contains("Tolls will end"), "the quote's block is the one that holds it")
        XCTAssertEqual(library.cachedArticleCount, 1, "indexing fills no cache (the one parsed is this test's)")
    }

    func testASecondRunReadsNothing() throws {
        let index = SearchIndex.temporary()
        LibraryIndexer(library: try library(), index: index).run()
        let again = LibraryIndexer(library: try library(), index: index).run()
        XCTAssertEqual(again.indexed, 0)
        XCTAssertEqual(again.unchanged, 3)
        XCTAssertEqual(again.removed, 0)
    }

    func testChangedAddedAndDeletedFiles() throws {
        let index = SearchIndex.temporary()
        LibraryIndexer(library: try library(), index: index).run()

        try write("010.txt", "Ten o'clock news, rewritten\nThe ferry is back.\nA lighthouse keeper waved.\n")
        try write("040.txt", "Forty winks\nA short story.\nEveryone slept in the lighthouse.\n")
        try FileManager.default.removeItem(at: dir.appendingPathComponent("030.txt"))
        let library = try library()
        let summary = LibraryIndexer(library: library, index: index).run()
        XCTAssertEqual(summary.indexed, 2)
        XCTAssertEqual(summary.removed, 1)
        XCTAssertEqual(summary.unchanged, 1)
        XCTAssertEqual(found(index, "lighthouse", in: library), ["010.txt", "040.txt"])
        XCTAssertEqual(found(index, "quiet", in: library), [], "the old text of a changed file is gone")
        XCTAssertEqual(found(index, "by:doe", in: library), [], "so are the quotes of a deleted one")
        XCTAssertEqual(index.people(in: SearchKeys(library: library).scope).map(\.name).sorted(), ["Ada Brennan", "Maria Núñez", "Zoë Müller"])
    }

    func testArticlesDeletedWhileTheReaderIsOpenGoThroughUpdate() throws {
        let library = try library()
        let index = SearchIndex.temporary()
        let indexer = LibraryIndexer(library: library, index: index)
        indexer.run()
        let path = library.path(of: library.id(at: 2))
        try FileManager.default.removeItem(atPath: path)
        try write("050.txt", "Fifty years on\nA short story.\nThe pier was painted.\n")
        let update = library.apply(FolderChange(present: [library.folders[0] + "050.txt"], gone: [path]))
        XCTAssertEqual(update.removed.count, 1)
        let summary = indexer.update(update.removed + update.added + update.modified)
        XCTAssertEqual(summary.removed, 1)
        XCTAssertEqual(summary.indexed, 1)
        XCTAssertEqual(found(index, "news", in: library), ["010.txt"])
        XCTAssertEqual(found(index, "pier", in: library), ["050.txt"])
    }

    func testAFileThatVanishedSinceItWasIndexedShowsAsMissing() throws {
        let library = try library()
        let index = SearchIndex.temporary()
        LibraryIndexer(library: library, index: index).run()
        try FileManager.default.removeItem(at: dir.appendingPathComponent("010.txt"))
        let hits = index.search("quay", in: SearchKeys(library: library).scope).hits
        XCTAssertEqual(hits.map(\.article.path).sorted(), ["010.txt", "020.txt"])
        XCTAssertEqual(hits.first { $0.article.path == "010.txt" }?.missing, true)
        XCTAssertEqual(hits.first { $0.article.path == "020.txt" }?.missing, false)
        XCTAssertEqual(hits.first { $0.article.path == "010.txt" }?.headline, "Ten o'clock news", "still shown from the index")
    }

    func testCancellingStopsEarlyAndTheNextRunFinishes() throws {
        for readers in [0, 1, 2] {
            let index = SearchIndex.temporary()
            let asked = Counter()
            let first = LibraryIndexer(library: try library(), index: index, limits: .init(articles: 1, readers: readers))
                .run(isCancelled: { asked.next() > 1 })
            XCTAssertTrue(first.cancelled)
            XCTAssertLessThanOrEqual(first.indexed, readers == 0 ? 1 : 2, "\(readers) readers")
            XCTAssertLessThan(first.indexed, 3, "\(readers) readers")
            XCTAssertGreaterThanOrEqual(first.indexed, 1, "the batch read before the cancellation is written")
            let second = LibraryIndexer(library: try library(), index: index).run()
            XCTAssertEqual(second.indexed, 3 - first.indexed)
            XCTAssertEqual(second.unchanged, first.indexed)
        }
    }

    func testReadingOnOtherThreadsIndexesTheSameAsReadingInTurn() throws {
        for name in (0..<30).map({ String(format: "1%02d.txt", $0) }) {
            try write(name, "Article \(name)\nA short story.\nThe ferry \(name) crossed the sound.\n")
        }
        var results: [[String]] = []
        for readers in [0, 1, 3] {
            let index = SearchIndex.temporary()
            let library = try library()
            var reports: [Int] = []
            let summary = LibraryIndexer(library: library, index: index, limits: .init(articles: 4, readers: readers))
                .run { reports.append($0.done) }
            XCTAssertEqual(summary.indexed, 33)
            XCTAssertEqual(reports, reports.sorted())
            XCTAssertEqual(reports.last, 33)
            results.append(found(index, "ferry", in: library))
        }
        XCTAssertEqual(results[0].count, 32)
        XCTAssertEqual(results[0], results[1])
        XCTAssertEqual(results[0], results[2])
    }

    func testCancellingTwiceOver() throws {
        let index = SearchIndex.temporary()
        let asked = Counter()
        let first = LibraryIndexer(library: try library(), index: index, limits: .init(articles: 1, readers: 0))
            .run(isCancelled: { asked.next() > 1 })
        XCTAssertTrue(first.cancelled)
        XCTAssertEqual(first.indexed, 1)
        let second = LibraryIndexer(library: try library(), index: index).run()
        XCTAssertEqual(second.indexed, 2)
        XCTAssertEqual(second.unchanged, 1)
    }

    func testSubfoldersAndFilesNamedInFull() throws {
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("world"), withIntermediateDirectories: true)
        try write("world/060.txt", "Sixty miles north\nA short story.\nThe quay at the far end froze.\n")
        let index = SearchIndex.temporary()
        let recursive = try library(recursive: true)
        LibraryIndexer(library: recursive, index: index).run()
        XCTAssertEqual(found(index, "quay", in: recursive), ["010.txt", "020.txt", "world/060.txt"])
        // Read without subfolders: the subfolder's article stays indexed but out of the search.
        let flat = try library()
        XCTAssertEqual(LibraryIndexer(library: flat, index: index).run().removed, 0)
        XCTAssertEqual(found(index, "quay", in: flat), ["010.txt", "020.txt"])
        XCTAssertEqual(found(index, "quay", in: recursive), ["010.txt", "020.txt", "world/060.txt"])
        // A file named in full is keyed by its own folder and name (as its read mark is).
        let named = try Library(files: [dir.appendingPathComponent("world/060.txt").path])
        XCTAssertEqual(LibraryIndexer(library: named, index: index).run().indexed, 1)
        XCTAssertEqual(LibraryIndexer(library: named, index: index).run().unchanged, 1)
        XCTAssertEqual(found(index, "quay", in: named), ["060.txt"])
        let key = try XCTUnwrap(index.search("quay", in: SearchKeys(library: named).scope).hits.first?.article)
        XCTAssertEqual(SearchKeys(library: named).id(of: key), named.id(at: 0))
    }

    func testADamagedIndexIsRebuiltWithANoticeAndTheReadMarksStay() throws {
        let stateFolder = try Fixtures.folder([:])
        defer { try? FileManager.default.removeItem(at: stateFolder) }
        let location = StateLocation.file(stateFolder.appendingPathComponent("state.sqlite3").path)
        let store = StateStore.open(location)
        let library = try library()
        let keys = SearchKeys(library: library)
        let marked = keys.key(of: library.id(at: 1))
        XCTAssertTrue(store.markRead([marked.path], library: marked.library))
        store.close()

        let indexPath = stateFolder.appendingPathComponent("index.sqlite3").path
        XCTAssertEqual(SearchIndexLocation.beside(location), .file(indexPath))
        do {
            let index = SearchIndex.open(.beside(location))
            XCTAssertEqual(LibraryIndexer(library: library, index: index).run().indexed, 3)
            index.close()
        }
        var bytes = [UInt8](repeating: 0, count: 8192)
        for i in bytes.indices { bytes[i] = UInt8(truncatingIfNeeded: i &* 31 &+ 7) }
        try Data(bytes).write(to: URL(fileURLWithPath: indexPath))

        let index = SearchIndex.open(.beside(location))
        let notices = index.takeNotices()
        XCTAssertEqual(notices.count, 1)
        XCTAssertTrue(notices.first?.hasPrefix("search index rebuilt from the articles: it was unusable") == true, "\(notices)")
        XCTAssertEqual(notices.first?.contains("\n"), false)
        XCTAssertEqual(LibraryIndexer(library: library, index: index).run().indexed, 3)
        XCTAssertEqual(found(index, "quay", in: library), ["010.txt", "020.txt"])

        let reopened = StateStore.open(location)
        XCTAssertEqual(reopened.takeNotices(), [])
        XCTAssertEqual(reopened.load(library: marked.library).read, [marked.path], "the read marks are where they were")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: stateFolder.path).filter { $0.contains("corrupt") }, [])
    }

    func testAnIndexDamagedWhileInUseIsStartedAfreshAndTheIndexerStartsOver() throws {
        let folder = try Fixtures.folder([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("index.sqlite3").path
        let library = try library()
        do {
            let index = SearchIndex.open(.file(path))
            LibraryIndexer(library: library, index: index).run()
            index.close()
        }
        // Its pages become garbage, past the header: the file still opens.
        let index = SearchIndex.open(.file(path))
        XCTAssertEqual(index.takeNotices(), [])
        let generation = index.generation
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seek(toOffset: 4096)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: 64 * 1024))
        try handle.close()
        _ = index.search("quay", in: SearchKeys(library: library).scope)
        _ = index.signatures(library: SearchKeys(library: library).key(ofFolder: library.folders[0]))
        XCTAssertEqual(index.generation, generation + 1)
        XCTAssertTrue(index.takeNotices().contains { $0.hasPrefix("search index rebuilt from the articles: it was damaged") })
        XCTAssertEqual(LibraryIndexer(library: library, index: index).run().indexed, 3)
        XCTAssertEqual(found(index, "quay", in: library), ["010.txt", "020.txt"])
    }
}

/// A count that a cancellation check on another thread can bump.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}

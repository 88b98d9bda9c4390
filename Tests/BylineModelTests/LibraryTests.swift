import Foundation
import Testing
@testable import BylineModel

@Suite struct LibraryTests {
    @Test func ordersByFileNameNaturallyAndSkipsOthers() throws {
        let dir = try makeTempFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for name in ["b.txt", "a.txt", "B.txt", "é.txt", "10.txt", "9.txt", "notes.md", ".hidden.txt"] {
            try write("Headline of \(name)\nBody.\n", to: "\(dir)/\(name)")
        }
        try FileManager.default.createDirectory(atPath: "\(dir)/sub", withIntermediateDirectories: true)
        try write("Nested\nBody.\n", to: "\(dir)/sub/nested.txt")
        let lib = try Library(folder: dir)
        #expect(lib.entries.map(\.id) == ["9", "10", "a", "B", "b", "é"])
        #expect(lib.entries[0].path == "\(dir)/9.txt")
        #expect(lib.problems.isEmpty)
        #expect(lib.headline(at: 2) == "Headline of a.txt")
        let deep = try Library(folder: dir, recursive: true)
        #expect(deep.entries.map(\.id) == ["9", "10", "a", "B", "b", "nested", "é"])
    }

    /// Issue 12 #17: numbers as numbers, letters case folded (not byte order: 100, 10, 2, 9, B, a).
    @Test func naturalOrderOfTheIssue() throws {
        let dir = try makeTempFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for name in ["100", "10", "2", "9", "B", "a", "item007", "item7", "item8b", "Item8a", "x1y10", "x1y9"] {
            try write("Headline\nBody.\n", to: "\(dir)/\(name).txt")
        }
        let lib = try Library(folder: dir)
        #expect(lib.entries.map(\.id) == ["2", "9", "10", "100", "a", "B", "item007", "item7", "Item8a", "item8b", "x1y9", "x1y10"])
        // A file that arrives later lands in the same order.
        try write("Headline\nBody.\n", to: "\(dir)/11.txt")
        let update = lib.apply(FolderChange(present: ["\(dir)/11.txt"]))
        let rows = lib.merge(update.added, into: Array(lib.presentIDs.dropLast()))
        #expect(rows.map { lib.name(of: $0) }.prefix(5) == ["2", "9", "10", "11", "100"])
    }

    @Test func missingFolderThrowsOneLineError() {
        #expect {
            _ = try Library(folder: "/nonexistent/byline-folder")
        } throws: { error in
            (error as? LibraryError)?.description == "byline: cannot open folder /nonexistent/byline-folder: No such file or directory"
        }
        #expect(throws: LibraryError.self) { _ = try Library(paths: ["/nonexistent/x"]) }
        #expect(throws: LibraryError.self) { _ = try Library(files: ["/nonexistent/x.txt"]) }
    }

    @Test func directoryNamedTxtAndSymlinkLoopAreProblems() throws {
        let dir = try makeTempFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try write("Good\nBody.\n", to: "\(dir)/good.txt")
        try FileManager.default.createDirectory(atPath: "\(dir)/folder.txt", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: "\(dir)/loop.txt", withDestinationPath: "\(dir)/loop.txt")
        try FileManager.default.createSymbolicLink(atPath: "\(dir)/dangling.txt", withDestinationPath: "\(dir)/nowhere")
        try FileManager.default.createSymbolicLink(atPath: "\(dir)/link.txt", withDestinationPath: "\(dir)/good.txt")
        try FileManager.default.createSymbolicLink(atPath: "\(dir)/self", withDestinationPath: dir)
        #expect(mkfifo("\(dir)/pipe.txt", 0o644) == 0)
        let lib = try Library(folder: dir)
        #expect(lib.entries.map(\.id) == ["good", "link"])
        let reasons = Dictionary(uniqueKeysWithValues: lib.problems.map { (URL(fileURLWithPath: $0.path).lastPathComponent, $0.reason) })
        #expect(reasons["folder.txt"] == "is a directory")
        #expect(reasons["loop.txt"]?.contains("symbolic links") == true)
        #expect(reasons["dangling.txt"] == "No such file or directory")
        #expect(reasons["pipe.txt"] == "not a regular file")
        // Recursion through a link back to the folder stops.
        let deep = try Library(folder: dir, recursive: true)
        #expect(deep.entries.map(\.id) == ["good", "link"])
    }

    @Test func unreadableAndVanishingFiles() throws {
        let dir = try makeTempFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try write("First\nBody.\n", to: "\(dir)/a.txt")
        try write("Second\nBody of the second.\n", to: "\(dir)/b.txt")
        try Data([0x00, 0x01, 0x02, 0x03]).write(to: URL(fileURLWithPath: "\(dir)/c.txt"))
        let lib = try Library(folder: dir)
        #expect(lib.count == 3)
        // Deleted after listing.
        try FileManager.default.removeItem(atPath: "\(dir)/a.txt")
        let gone = lib.article(at: 0)
        #expect(gone.unreadableReason?.contains("No such file") == true)
        #expect(gone.headline == "a")
        // Replaced by a directory after listing: a different failure than chmod (tests run as root,
        // and root reads a chmod 000 file anyway).
        try FileManager.default.removeItem(atPath: "\(dir)/b.txt")
        try FileManager.default.createDirectory(atPath: "\(dir)/b.txt", withIntermediateDirectories: true)
        #expect(lib.headline(at: 1) == "b")
        #expect(lib.article(at: 1).unreadableReason == "is a directory")
        // Binary, found lazily.
        #expect(lib.headline(at: 2) == "c")
        #expect(lib.readingTime(lib.id(at: 2)) == .unreadable)
        let paths = lib.problems.map { URL(fileURLWithPath: $0.path).lastPathComponent }
        #expect(paths == ["a.txt", "b.txt", "c.txt"])
    }

    /// The list's page of look-ups under one lock says what the lookups one at a time say.
    @Test func rowFactsAreTheLookupsOneByOne() throws {
        let dir = try makeTempFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try write("First\nBody words.\n", to: "\(dir)/a.txt")
        try write("Second\n" + String(repeating: "Words and more words here.\n", count: 300), to: "\(dir)/b.txt")
        try write("Third\nBody.\n", to: "\(dir)/c.txt")
        try Data([0x00, 0x01, 0x02]).write(to: URL(fileURLWithPath: "\(dir)/d.txt"))
        let lib = try Library(folder: dir)
        _ = lib.readHeadline(lib.id(at: 1))
        _ = lib.article(lib.id(at: 2))
        _ = lib.readHeadline(lib.id(at: 3))
        let ids = (0..<4).map { lib.id(at: $0) } + [ArticleID(slot: 99)]
        let texts: [String?] = [nil, "Second", "Other", lib.cachedHeadline(lib.id(at: 3)), "x"]
        // Whatever `facts` held (shorter, as long, longer) is written over.
        for modified in [false, true] { for held in [1, ids.count, ids.count + 3] {
            var facts = Array(repeating: Library.RowFacts(time: .exact(77), modified: 1, headlineIs: true), count: held)
            var seen: UInt64 = 0
            let generation = lib.rowFacts(ids[...], modified: modified, into: &facts) { k, generation in
                seen = generation
                return texts[k]
            }
            #expect(seen == generation)
            #expect(facts.count == ids.count)
            for (k, id) in ids.enumerated() {
                #expect(facts[k].time == lib.readingTime(id), "\(k)")
                #expect(facts[k].modified == (modified ? lib.modified(id) : nil), "\(k)")
                #expect(facts[k].headlineIs == texts[k].flatMap { lib.cachedHeadline(id, is: $0) }, "\(k)")
            }
        } }
        #expect(lib.readingTime(lib.id(at: 3)) == .unreadable)
        // The generation moves when a headline is read, and only then.
        var facts: [Library.RowFacts] = []
        let before = lib.rowFacts(ids[...], modified: false, into: &facts) { _, _ in nil }
        #expect(lib.rowFacts(ids[...], modified: false, into: &facts) { _, _ in nil } == before)
        _ = lib.readHeadline(lib.id(at: 0))
        #expect(lib.rowFacts(ids[...], modified: false, into: &facts) { _, _ in nil } != before)
    }

    @Test func truncatedWhileOpen() throws {
        let dir = try makeTempFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = "\(dir)/t.txt"
        try write("Headline\n" + String(repeating: "Words and more words here.\n", count: 2000), to: path)
        let lib = try Library(folder: dir)
        #expect(lib.headline(at: 0) == "Headline")
        guard case .estimate(let minutes) = lib.readingTime(lib.id(at: 0)) else {
            Issue.record("a read headline gives an estimate from the size")
            return
        }
        #expect(minutes >= 30)
        #expect(truncate(path, 0) == 0)
        let a = lib.article(at: 0)
        #expect(a.blocks.isEmpty)
        #expect(a.headline == "t")
        #expect(lib.readingTime(lib.id(at: 0)) == .exact(1))
    }

    @Test func filesAndMixedPaths() throws {
        let dir = try makeTempFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try write("One\nBody.\n", to: "\(dir)/one.txt")
        try write("Two\nBody.\n", to: "\(dir)/two.txt")
        try FileManager.default.createDirectory(atPath: "\(dir)/more", withIntermediateDirectories: true)
        try write("Three\nBody.\n", to: "\(dir)/more/three.txt")
        let files = try Library(files: ["\(dir)/two.txt", "\(dir)/missing.txt", "\(dir)/one.txt"])
        #expect(files.entries.map(\.id) == ["two", "one"])
        #expect(files.problems == [LibraryProblem(path: "\(dir)/missing.txt", reason: "No such file or directory")])
        let mixed = try Library(paths: ["\(dir)/more", "\(dir)/one.txt", "/nonexistent/z.txt"])
        #expect(mixed.entries.map(\.id) == ["three", "one"])
        #expect(mixed.problems.count == 1)
    }

    @Test func packedEntriesGiveBackEachPathAndId() throws {
        let dir = try makeTempFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: "\(dir)/a/b", withIntermediateDirectories: true)
        try write("Deep\nBody.\n", to: "\(dir)/a/b/deep.TXT")
        try write("Top\nBody.\n", to: "\(dir)/top.txt")
        try write("Named\nBody.\n", to: "\(dir)/a/Named.Txt")
        let deep = try Library(folder: dir + "/", recursive: true)
        #expect(deep.entries.map(\.path) == ["\(dir)/a/b/deep.TXT", "\(dir)/a/Named.Txt", "\(dir)/top.txt"], "natural order folds case")
        #expect(deep.entries.map(\.id) == ["deep", "Named", "top"])
        #expect(deep.headline(at: 0) == "Deep")
        // Folders and files mixed: each keeps its own root.
        let mixed = try Library(paths: ["\(dir)/a/b", "\(dir)/top.txt", "\(dir)/a"])
        #expect(mixed.entries.map(\.path) == ["\(dir)/a/b/deep.TXT", "\(dir)/top.txt", "\(dir)/a/Named.Txt"])
        #expect(mixed.entries.map(\.id) == ["deep", "top", "Named"])
        #expect(mixed.article(at: 2).headline == "Named")
    }

    @Test func headlineMatchesParsedHeadline() throws {
        let dir = try makeTempFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let long = (1...2000).map { "Word\($0) &amp; more." }.joined(separator: " ")
        try write("\u{FEFF}\n\n  Caf&eacute; \u{1B}[31mnews\u{1B}[0m \u{202E}today  \r\nBody.\n", to: "\(dir)/a.txt")
        try write(long, to: "\(dir)/b.txt")
        let latin: [UInt8] = Array("Ni".utf8) + [0xF1] + Array("o at the caf".utf8) + [0xE9] + [0x0A] + Array("Body.".utf8)
        try Data(latin).write(to: URL(fileURLWithPath: "\(dir)/c.txt"))
        let lib = try Library(folder: dir)
        for i in 0..<lib.count {
            let cheap = lib.headline(at: i)
            let fresh = try Library(folder: dir)
            #expect(cheap == fresh.article(at: i).headline)
        }
        #expect(lib.headline(at: 0) == "Café news today")
        #expect(lib.headline(at: 2) == "Niño at the café")
    }

    @Test func cacheIsBounded() throws {
        let dir = try makeTempFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for i in 0..<100 { try write("Article \(i)\nBody \(i).\n", to: "\(dir)/\(String(format: "%03d", i)).txt") }
        let lib = try Library(folder: dir)
        for i in 0..<100 { #expect(lib.article(at: i).headline == "Article \(i)") }
        #expect(lib.cachedArticleCount == Library.cacheCapacity)
        #expect(lib.article(at: 99).headline == "Article 99")
    }

    /// Opening a large folder lists it and reads nothing else: no body is parsed until asked for.
    /// (How fast that is, is measured by the benchmarks, never asserted by a test.)
    @Test func largeFolderOpensWithoutReadingBodies() throws {
        let dir = try makeTempFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let count = 20_000
        for i in 0..<count {
            let fd = open("\(dir)/\(i).txt", O_CREAT | O_WRONLY, 0o644)
            close(fd)
        }
        let lib = try Library(folder: dir)
        #expect(lib.count == count)
        #expect(lib.cachedArticleCount == 0)
        _ = lib.headline(at: 5)
        #expect(lib.cachedArticleCount == 0, "a headline does not parse the body")
        _ = lib.article(at: 5)
        #expect(lib.cachedArticleCount == 1)
    }
}

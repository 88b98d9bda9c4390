import Foundation
import Glibc
import Testing
@testable import BylineModel

/// A library that follows its folder: identities that stay put, changes found on disk, and the
/// inotify watcher that reports them.
@Suite struct LiveLibraryTests {
    @Test func newFilesGetIdentitiesAndKeepTheirPlaceInListingOrder() throws {
        let dir = try makeTempFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for name in ["b.txt", "d.txt"] { try write("Headline \(name)\nBody.\n", to: "\(dir)/\(name)") }
        let lib = try Library(folder: dir)
        let before = lib.presentIDs
        try write("Headline a\nBody.\n", to: "\(dir)/a.txt")
        try write("Headline c\nBody.\n", to: "\(dir)/c.txt")
        let update = lib.apply(FolderChange(present: ["\(dir)/c.txt", "\(dir)/a.txt", "\(dir)/.hidden.txt", "\(dir)/notes.md"]))
        #expect(update.added.count == 2, "hidden files and other names are not articles")
        let rows = lib.merge(update.added, into: before)
        #expect(rows.map { lib.relativePath(of: $0) } == ["a.txt", "b.txt", "c.txt", "d.txt"])
        #expect(rows.filter { before.contains($0) } == before, "the old rows keep their identities")
        #expect(lib.readHeadline(rows[2]) == "Headline c")
    }

    @Test func rewrittenFilesAreReadAgainAndDeletedOnesComeBackWithTheSameIdentity() throws {
        let dir = try makeTempFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try write("First version\nBody.\n", to: "\(dir)/a.txt")
        let lib = try Library(folder: dir)
        let id = lib.id(at: 0)
        #expect(lib.article(id).headline == "First version")
        try write("Second version\nBody.\n", to: "\(dir)/a.txt")
        #expect(lib.apply(FolderChange(present: ["\(dir)/a.txt"])) == LibraryUpdate(modified: [id]))
        #expect(lib.cachedArticle(id) == nil && lib.cachedHeadline(id) == nil, "what was read is forgotten")
        #expect(lib.article(id).headline == "Second version")
        try FileManager.default.removeItem(atPath: "\(dir)/a.txt")
        #expect(lib.apply(FolderChange(gone: ["\(dir)/a.txt"])) == LibraryUpdate(removed: [id]))
        #expect(!lib.isPresent(id))
        #expect(lib.presentIDs.isEmpty)
        try write("Third version\nBody.\n", to: "\(dir)/a.txt")
        #expect(lib.apply(FolderChange(present: ["\(dir)/a.txt"])) == LibraryUpdate(added: [id]), "the same path is the same article")
        #expect(lib.readHeadline(id) == "Third version")
    }

    @Test func subfoldersCountOnlyWhenRecursiveAndGoneFoldersTakeTheirArticles() throws {
        let dir = try makeTempFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: "\(dir)/sub", withIntermediateDirectories: true)
        try write("Nested\nBody.\n", to: "\(dir)/sub/n.txt")
        let flat = try Library(folder: dir)
        #expect(flat.apply(FolderChange(present: ["\(dir)/sub/n.txt"])).isEmpty)
        let deep = try Library(folder: dir, recursive: true)
        #expect(deep.presentIDs.count == 1)
        try write("Another\nBody.\n", to: "\(dir)/sub/m.txt")
        let added = deep.apply(FolderChange(present: ["\(dir)/sub/m.txt"])).added
        #expect(added.map { deep.relativePath(of: $0) } == ["sub/m.txt"])
        let removed = deep.apply(FolderChange(goneFolders: ["\(dir)/sub"])).removed
        #expect(removed.count == 2 && deep.presentIDs.isEmpty)
    }

    @Test func aCompleteRescanRemovesWhatIsNotThere() throws {
        let dir = try makeTempFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for name in ["a.txt", "b.txt"] { try write("\(name)\nBody.\n", to: "\(dir)/\(name)") }
        let lib = try Library(folder: dir)
        try FileManager.default.removeItem(atPath: "\(dir)/a.txt")
        try write("c\nBody.\n", to: "\(dir)/c.txt")
        let change = FolderChange.examine([FolderEvent(.overflow, "")], library: lib, watcher: nil)
        #expect(change.complete)
        let update = lib.apply(change)
        #expect(update.removed.map { lib.relativePath(of: $0) } == ["a.txt"])
        #expect(update.added.map { lib.relativePath(of: $0) } == ["c.txt"])
        #expect(update.modified.map { lib.relativePath(of: $0) } == ["b.txt"], "a rescan cannot tell; b is read again")
    }

    @Test func theWatcherReportsArticleFilesAndIgnoresTheRest() throws {
        let dir = try makeTempFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try write("Old\nBody.\n", to: "\(dir)/old.txt")
        let lib = try Library(folder: dir)
        let (watcher, note) = FolderWatcher.start(library: lib)
        let w = try #require(watcher)
        #expect(note == nil)
        try write("New\nBody.\n", to: "\(dir)/.new.txt.tmp")
        try write("ignored", to: "\(dir)/notes.md")
        #expect(rename("\(dir)/.new.txt.tmp", "\(dir)/new.txt") == 0, "an editor's atomic save")
        try FileManager.default.removeItem(atPath: "\(dir)/old.txt")
        let events = Self.events(from: w, until: 2)
        #expect(events == [FolderEvent(.file, "\(dir)/new.txt"), FolderEvent(.file, "\(dir)/old.txt")])
        let change = FolderChange.examine(events, library: lib, watcher: w)
        #expect(change.present == ["\(dir)/new.txt"])
        #expect(change.gone == ["\(dir)/old.txt"])
    }

    @Test func aNewSubfolderIsWatchedAndListedWithRecursive() throws {
        let dir = try makeTempFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let lib = try Library(folder: dir, recursive: true)
        let w = try #require(FolderWatcher.start(library: lib).watcher)
        #expect(w.watchCount == 1)
        try FileManager.default.createDirectory(atPath: "\(dir)/2026/11", withIntermediateDirectories: true)
        try write("Deep\nBody.\n", to: "\(dir)/2026/11/deep.txt")
        let events = Self.events(from: w, until: 1)
        #expect(events.first == FolderEvent(.folderAdded, "\(dir)/2026"))
        let change = FolderChange.examine(events, library: lib, watcher: w)
        #expect(change.present == ["\(dir)/2026/11/deep.txt"])
        #expect(w.watchCount == 3, "the new folder and the one inside it are watched")
        try write("Deeper\nBody.\n", to: "\(dir)/2026/11/later.txt")
        #expect(Self.events(from: w, until: 1).contains(FolderEvent(.file, "\(dir)/2026/11/later.txt")))
    }

    @Test func runningOutOfWatchesIsANoteNotAFailure() throws {
        let dir = try makeTempFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for sub in ["a", "b", "c"] {
            try FileManager.default.createDirectory(atPath: "\(dir)/\(sub)", withIntermediateDirectories: true)
        }
        let lib = try Library(folder: dir, recursive: true)
        let limited = FolderWatcher.start(library: lib, watchLimit: 2)
        #expect(limited.note?.contains("out of inotify watches") == true)
        #expect(limited.watcher?.watchCount == 2, "what could be watched still is")
        let none = FolderWatcher.start(library: lib, watchLimit: 0)
        #expect(none.watcher == nil)
        #expect(none.note?.contains("max_user_watches") == true)
    }

    @Test func filesNamedInFullAreWatchedByName() throws {
        let dir = try makeTempFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try write("Named\nBody.\n", to: "\(dir)/named.txt")
        try write("Other\nBody.\n", to: "\(dir)/other.txt")
        let lib = try Library(files: ["\(dir)/named.txt"])
        let w = try #require(FolderWatcher.start(library: lib).watcher)
        try write("Other again\nBody.\n", to: "\(dir)/other.txt")
        try write("Named again\nBody.\n", to: "\(dir)/named.txt")
        #expect(Self.events(from: w, until: 1) == [FolderEvent(.file, "\(dir)/named.txt")])
    }

    /// Waits (bounded) until the watcher has reported at least `count` events, then returns them.
    static func events(from watcher: FolderWatcher, until count: Int) -> [FolderEvent] {
        var events: [FolderEvent] = []
        let deadline = Date().addingTimeInterval(5)
        while events.count < count && Date() < deadline {
            var fd = pollfd(fd: watcher.descriptor, events: Int16(POLLIN), revents: 0)
            if poll(&fd, 1, 100) > 0 { events += watcher.readEvents() }
        }
        // Anything else that arrives at once belongs to the same burst.
        var fd = pollfd(fd: watcher.descriptor, events: Int16(POLLIN), revents: 0)
        if poll(&fd, 1, 50) > 0 { events += watcher.readEvents() }
        return events
    }
}

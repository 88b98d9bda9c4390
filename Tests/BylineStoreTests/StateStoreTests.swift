import Foundation
import Testing
@testable import BylineStore

@Suite("State store: what is saved comes back")
struct StateStoreTests {
    @Test("marks, positions, last selected and sort order survive closing and reopening")
    func roundTrip() throws {
        let folder = try StoreFolder()
        defer { folder.cleanUp() }
        let position = SavedPosition(position: ReadingPosition(block: 7, offset: 120), blockCount: 30,
                                     signature: FileSignature(size: 4096, modified: 1_700_000_000_123_456_789, contentHash: 42),
                                     anchor: BlockFingerprint.of("The bridge has a memory."))
        do {
            let store = StateStore.open(.file(folder.store))
            #expect(store.mode == .saving)
            #expect(store.markRead(["a.txt", "b/c.txt"], library: library))
            #expect(store.savePosition(position, article: "a.txt", library: library))
            #expect(store.savePosition(SavedPosition(position: ReadingPosition(block: 1, offset: 0), blockCount: 2),
                                       article: "unread.txt", library: library))
            #expect(store.saveLastSelected("b/c.txt", library: library))
            #expect(store.saveSortOrder("date", library: library))
            #expect(store.takeNotices() == [])
            store.close()
        }
        let reopened = StateStore.open(.file(folder.store))
        let state = reopened.load(library: library)
        #expect(state.read == ["a.txt", "b/c.txt"])
        #expect(state.positions["a.txt"] == position)
        #expect(state.positions["unread.txt"]?.position == ReadingPosition(block: 1, offset: 0))
        #expect(state.positions["b/c.txt"] == nil)
        #expect(state.lastSelected == "b/c.txt")
        #expect(state.sortOrder == "date")
        #expect(reopened.savedPosition(library: library, article: "a.txt") == position)
        #expect(reopened.savedPosition(library: library, article: "nothing.txt") == nil)
        #expect(reopened.takeNotices() == [])
    }

    @Test("libraries are kept apart")
    func librariesApart() {
        let store = StateStore.inMemory()
        store.markRead(["a.txt"], library: "/one")
        store.saveLastSelected("a.txt", library: "/one")
        store.markRead(["b.txt"], library: "/two")
        #expect(store.load(library: "/one").read == ["a.txt"])
        #expect(store.load(library: "/two") == LibraryState(read: ["b.txt"]))
        #expect(store.load(library: "/three") == LibraryState())
    }

    @Test("marking read again keeps the first time; unread drops the mark but keeps the position")
    func readTimes() {
        let store = StateStore.inMemory()
        let first = Date(timeIntervalSince1970: 1_700_000_000)
        store.markRead(["a.txt"], library: library, at: first)
        store.markRead(["a.txt"], library: library, at: first.addingTimeInterval(3600))
        #expect(store.export().map(\.readAt) == [first])

        store.savePosition(SavedPosition(position: ReadingPosition(block: 2, offset: 3), blockCount: 5), article: "a.txt", library: library)
        store.markUnread(["a.txt"], library: library)
        let state = store.load(library: library)
        #expect(state.read.isEmpty)
        #expect(state.positions["a.txt"]?.position == ReadingPosition(block: 2, offset: 3))
    }

    @Test("an entry with neither a mark nor a position is removed")
    func emptyRowsGo() {
        let store = StateStore.inMemory()
        store.markRead(["a.txt", "b.txt"], library: library)
        store.savePosition(SavedPosition(position: ReadingPosition(block: 1, offset: 1), blockCount: 2), article: "b.txt", library: library)
        store.markUnread(["a.txt", "b.txt"], library: library)
        #expect(store.export().map(\.path) == ["b.txt"])
        store.savePosition(nil, article: "b.txt", library: library)
        #expect(store.export().isEmpty)
    }

    @Test("a batch is saved in one go, in order")
    func batch() {
        let store = StateStore.inMemory()
        let date = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(store.apply([.markRead(articles(3), at: date), .markUnread(["a-1.txt"]), .lastSelected("a-2.txt")], library: library))
        let state = store.load(library: library)
        #expect(state.read == ["a-0.txt", "a-2.txt"])
        #expect(state.lastSelected == "a-2.txt")
        #expect(store.apply([], library: library))
    }

    @Test("export lists every library's entries, sorted, with time and position")
    func export() {
        let store = StateStore.inMemory()
        let date = Date(timeIntervalSince1970: 1_800_000_000)
        store.markRead(["z.txt", "a.txt"], library: "/b", at: date)
        store.savePosition(SavedPosition(position: ReadingPosition(block: 4, offset: 9), blockCount: 9), article: "m.txt", library: "/a")
        #expect(store.export() == [
            ExportedArticle(library: "/a", path: "m.txt", readAt: nil, position: ReadingPosition(block: 4, offset: 9)),
            ExportedArticle(library: "/b", path: "a.txt", readAt: date, position: nil),
            ExportedArticle(library: "/b", path: "z.txt", readAt: date, position: nil),
        ])
    }

    @Test("forget --missing drops gone files, keeps libraries whose folder is missing")
    func forgetMissing() throws {
        let folder = try StoreFolder()
        defer { folder.cleanUp() }
        let news = folder.file("news")
        try FileManager.default.createDirectory(atPath: news + "/sub", withIntermediateDirectories: true)
        for name in ["kept.txt", "sub/kept.txt"] {
            _ = FileManager.default.createFile(atPath: news + "/" + name, contents: Data("x".utf8))
        }
        let store = StateStore.open(.file(folder.store))
        store.markRead(["kept.txt", "sub/kept.txt", "gone.txt", "sub/gone.txt"], library: news)
        store.markRead(["a.txt"], library: folder.file("unmounted"))
        let summary = store.forgetMissing()
        #expect(summary == ForgetSummary(forgotten: 2, missingLibraries: [folder.file("unmounted")]))
        #expect(store.load(library: news).read == ["kept.txt", "sub/kept.txt"])
        #expect(store.load(library: folder.file("unmounted")).read == ["a.txt"])
    }

    @Test("no store: nothing is read or written, and no file appears")
    func off() throws {
        let folder = try StoreFolder()
        defer { folder.cleanUp() }
        let store = StateStore.open(.none(reason: nil))
        #expect(store.mode == .off)
        #expect(!store.markRead(["a.txt"], library: library))
        #expect(store.load(library: library) == LibraryState())
        #expect(store.takeNotices() == [])
        #expect(folder.names() == [])
        let homeless = StateStore.open(.none(reason: "state will not be saved: neither XDG_STATE_HOME nor HOME is set"))
        #expect(homeless.takeNotices().count == 1)
        #expect(homeless.takeNotices() == [])
    }

    @Test("the library key is the canonical path")
    func libraryKey() throws {
        let folder = try StoreFolder()
        defer { folder.cleanUp() }
        let real = folder.file("real")
        try FileManager.default.createDirectory(atPath: real, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.file("link"), withDestinationPath: real)
        let canonical = StateStore.libraryKey(for: real)
        #expect(StateStore.libraryKey(for: folder.file("link")) == canonical)
        #expect(StateStore.libraryKey(for: real + "/") == canonical)
        #expect(StateStore.libraryKey(for: "/no/such/../folder") == "/no/folder")
    }
}

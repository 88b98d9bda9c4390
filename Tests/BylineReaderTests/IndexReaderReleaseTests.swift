import BylineModel
import BylineReader
import BylineTestSupport
import Foundation
import Testing

/// The reader closes the search index's idle reading connections when its loop goes idle, but
/// only when a search read the index since the last time (issue 16's soak).
@Suite struct IndexReaderReleaseTests {
    private func hits(_ inbox: Inbox) -> [Int] {
        inbox.drain().compactMap { action in
            if case .librarySearched(let answer) = action { answer.hits.count } else { nil }
        }
    }

    @Test func closesOnlyWhenASearchReadSinceTheLastTime() throws {
        let dir = try Fixtures.folder(["ferry.txt": "Ferry strike ends\nThe boats run again.\nThe ferry left the quay at dawn.\n",
                                       "council.txt": "Council meets\nA standfirst.\nThe council met on Tuesday.\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let inbox = Inbox()
        let background = Background(library: try Library(folder: dir.path), inbox: inbox,
                                    index: .file(dir.appendingPathComponent(".index/index.sqlite3").path), mode: .inline)
        #expect(!background.closeIdleIndexReaders(), "nothing was read yet")
        background.perform(.index(nil))
        _ = inbox.drain()
        background.perform(.searchLibrary(LibraryRequest(query: "ferry", offset: 0, limit: 10, serial: 1)))
        #expect(hits(inbox) == [1])
        #expect(background.closeIdleIndexReaders())
        #expect(!background.closeIdleIndexReaders(), "nothing was read since")
        background.perform(.searchLibrary(LibraryRequest(query: "council", offset: 0, limit: 10, serial: 2)))
        #expect(hits(inbox) == [1], "the next search opens a connection afresh")
        background.perform(.loadPeople(""))
        #expect(background.closeIdleIndexReaders())
    }
}

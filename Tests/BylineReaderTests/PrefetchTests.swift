import BylineCanvas
import BylineModel
@testable import BylineReader
import BylineTestSupport
import Foundation
import Testing

/// Reading ahead fills the library's cache and answers nothing (the reader takes a neighbour
/// from the cache once it is selected); loading an article on screen answers.
@Suite struct PrefetchTests {
    @Test func readingAheadCachesWithoutAnAnswer() throws {
        let dir = try Fixtures.folder(["010.txt": "Ten o'clock news\nA standfirst.\nIt was a quiet day on the quay.\n",
                                       "020.txt": "Council meets\nA standfirst.\nThe council met on Tuesday.\n",
                                       "030.txt": "Ferry strike ends\nThe boats run again.\nThe ferry left at dawn.\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let library = try Library(folder: dir.path)
        let inbox = Inbox()
        let background = Background(library: library, inbox: inbox, index: nil, mode: .inline)
        let ids = (0..<3).map { library.id(at: $0) }
        #expect(ids.allSatisfy { library.cachedArticle($0) == nil })
        background.perform(.prefetch([ids[1], ids[2]]))
        #expect(inbox.drain().isEmpty, "nothing posted")
        #expect(library.cachedArticle(ids[1])?.headline == "Council meets")
        #expect(library.cachedArticle(ids[2])?.headline == "Ferry strike ends")
        #expect(library.cachedArticle(ids[0]) == nil)
        background.perform(.loadArticle(ids[1]))
        let answers = inbox.drain().compactMap { action -> String? in
            if case .articleLoaded(let id, let article) = action, id == ids[1] { article.headline } else { nil }
        }
        #expect(answers == ["Council meets"], "an article on screen is answered, from the cache")
    }

    @Test func aNeighbourReadAheadShowsWhenSelected() throws {
        let dir = try Fixtures.folder(["010.txt": "Ten o'clock news\nA standfirst.\nIt was a quiet day on the quay.\n",
                                       "020.txt": "Council meets\nA standfirst.\nThe council met on Tuesday.\n",
                                       "030.txt": "Ferry strike ends\nThe boats run again.\nThe ferry left at dawn.\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        var state = ReaderState(library: try Library(folder: dir.path), size: Size(width: 100, height: 30))
        state.send(.start)
        state.send(.moveDown)
        #expect(state.article?.headline == "Council meets")
        #expect(state.library.cachedArticle(state.library.id(at: 2)) != nil, "the next one was read ahead")
        let effects = update(&state, .moveDown)
        #expect(state.article?.headline == "Ferry strike ends", "taken from the cache at once")
        #expect(!effects.contains { if case .loadArticle = $0 { true } else { false } }, "without asking for it")
    }
}

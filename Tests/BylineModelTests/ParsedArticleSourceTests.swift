import BylineTestSupport
import Foundation
import Synchronization
import Testing
@testable import BylineModel

/// ``Library/article(_:)`` with a ``ParsedArticleSource``: the kept article is used only for
/// the file as it is now and the current parser; anything else is parsed as before.
struct ParsedArticleSourceTests {
    /// Keeps bytes for one stamp and parser, and counts the questions.
    final class Kept: ParsedArticleSource {
        let entry = Mutex<(stamp: FileStamp, parser: Int, bytes: [UInt8], body: [UInt8])?>(nil)
        let asked = Atomic<Int>(0)

        func parsedArticle(_ id: ArticleID, stamp: FileStamp, parser: Int) -> KeptArticle? {
            asked.add(1, ordering: .relaxed)
            return entry.withLock { kept in
                guard let kept, kept.stamp == stamp, kept.parser == parser else { return nil }
                return KeptArticle(model: kept.bytes, body: kept.body)
            }
        }
    }

    private static let text = "Harbour bridge reopens\nThe swing bridge is open again.\nMaria Núñez said: \"We were too hopeful.\"\n"

    /// A library of one file, the file's stamp as `stat` gives it, and a source that keeps an
    /// article for that stamp whose headline differs from the file's.
    private func setUp() throws -> (Library, ArticleID, Kept, URL) {
        let dir = try Fixtures.folder(["a.txt": Self.text])
        let library = try Library(folder: dir.path)
        let id = library.id(at: 0)
        let stamp = try #require(library.readUncached(id).stamp)
        var stored = library.readUncached(id).article
        stored.headline = "From the index"
        let kept = Kept()
        kept.entry.withLock {
            $0 = (stamp, ArticleParser.version, ArticleModelCodec.encode(stored, bodyApart: true), Array(ArticleModelCodec.bodyText(of: stored).utf8))
        }
        library.useParsedArticles(from: kept)
        return (library, id, kept, dir)
    }

    @Test func theKeptArticleIsUsedForTheSameFile() throws {
        let (library, id, kept, dir) = try setUp()
        defer { try? FileManager.default.removeItem(at: dir) }
        let article = library.article(id)
        #expect(article.headline == "From the index")
        #expect(article.id == "a" && article.path == library.path(of: id), "the id and path come from the entry")
        #expect(article.blocks == library.readUncached(id).article.blocks)
        #expect(kept.asked.load(ordering: .relaxed) == 1)
        #expect(library.fileStamp(id) == library.readUncached(id).stamp)
        #expect(library.cachedHeadline(id) == "From the index")
    }

    @Test func aChangedFileIsParsed() throws {
        let (library, id, _, dir) = try setUp()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Same size, another time.
        let file = dir.appendingPathComponent("a.txt")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000)], ofItemAtPath: file.path)
        #expect(library.article(id).headline == "Harbour bridge reopens")
        // Another size, the time the source knows.
        let (library2, id2, kept2, dir2) = try setUp()
        defer { try? FileManager.default.removeItem(at: dir2) }
        let stamp = try #require(kept2.entry.withLock { $0?.stamp })
        let file2 = dir2.appendingPathComponent("a.txt")
        try Data((Self.text + "More.\n").utf8).write(to: file2)
        let seconds = Double(stamp.modified) / 1_000_000_000
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: seconds)], ofItemAtPath: file2.path)
        let article = library2.article(id2)
        #expect(article.headline == "Harbour bridge reopens")
        #expect(article.blocks.last?.text == "More.")
    }

    @Test func anotherParserVersionIsParsed() throws {
        let (library, id, kept, dir) = try setUp()
        defer { try? FileManager.default.removeItem(at: dir) }
        kept.entry.withLock { $0?.parser = ArticleParser.version - 1 }
        #expect(library.article(id).headline == "Harbour bridge reopens")
    }

    @Test func damagedBytesAreParsed() throws {
        let (library, id, kept, dir) = try setUp()
        defer { try? FileManager.default.removeItem(at: dir) }
        kept.entry.withLock { _ = $0?.bytes.removeLast() }
        let article = library.article(id)
        #expect(article == library.readUncached(id).article)
        #expect(article.headline == "Harbour bridge reopens")
    }

    @Test func aBodyThatDoesNotFitIsParsed() throws {
        let (library, id, kept, dir) = try setUp()
        defer { try? FileManager.default.removeItem(at: dir) }
        kept.entry.withLock { $0?.body += Array("\nanother line".utf8) }
        #expect(library.article(id).headline == "Harbour bridge reopens")
    }

    @Test func withoutASourceNothingIsAsked() throws {
        let (library, id, kept, dir) = try setUp()
        defer { try? FileManager.default.removeItem(at: dir) }
        library.useParsedArticles(from: nil)
        #expect(library.article(id).headline == "Harbour bridge reopens")
        #expect(kept.asked.load(ordering: .relaxed) == 0)
    }

    @Test func theIndexerReadIgnoresTheSource() throws {
        let (library, id, kept, dir) = try setUp()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(library.readUncached(id).article.headline == "Harbour bridge reopens")
        #expect(kept.asked.load(ordering: .relaxed) == 0)
    }

    @Test func aMissingFileIsUnreadableWithoutAsking() throws {
        let (library, id, kept, dir) = try setUp()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.removeItem(at: dir.appendingPathComponent("a.txt"))
        #expect(library.article(id).unreadableReason != nil)
        #expect(kept.asked.load(ordering: .relaxed) == 0)
    }
}

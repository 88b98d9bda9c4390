import BylineCorpus
import Foundation
import Testing
@testable import BylineModel

/// ``ArticleModelCodec``: every article of the repository comes back as parsed, and bytes it
/// did not make are refused with an error, never a crash.
struct ArticleModelCodecTests {
    @Test func everyRepositoryArticleRoundTrips() throws {
        #expect(ArticleCorpusFiles.articles.count > 200)
        for article in ArticleCorpusFiles.articles {
            let bytes = ArticleModelCodec.encode(article)
            let back = try ArticleModelCodec.decode(bytes, id: article.id, path: article.path)
            #expect(back == article, "\(article.path)")
        }
    }

    @Test func everyRepositoryArticleRoundTripsWithItsBodyApart() throws {
        var apart = 0
        for article in ArticleCorpusFiles.articles {
            let bytes = ArticleModelCodec.encode(article, bodyApart: true)
            let body = Array(ArticleModelCodec.bodyText(of: article).utf8)
            #expect(try ArticleModelCodec.decode(bytes, body: body, id: article.id, path: article.path) == article, "\(article.path)")
            if ArticleModelCodec.canKeepBodyApart(article) {
                apart += 1
                #expect(bytes.count < ArticleModelCodec.encode(article).count || body.isEmpty)
            } else {
                #expect(bytes == ArticleModelCodec.encode(article), "kept whole when the lines cannot give the texts back")
            }
        }
        #expect(apart > 200)
    }

    @Test func everyRepositoryArticleRoundTripsWithItsTextsInItsFile() throws {
        var smaller = 0
        for (file, article) in zip(ArticleCorpusFiles.files, ArticleCorpusFiles.articles) {
            let bytes = file.data.withUnsafeBytes { ArticleModelCodec.encode(article, file: $0) }
            #expect(ArticleModelCodec.needsFile(bytes))
            let back = try file.data.withUnsafeBytes {
                try ArticleModelCodec.decode(bytes, body: nil, file: $0, id: article.id, path: article.path)
            }
            #expect(back == article, "\(file.name)")
            // Without the file, or with other bytes, it is refused (when it left any text there).
            let full = ArticleModelCodec.encode(article)
            if bytes.count < full.count {
                smaller += 1
                #expect(throws: ArticleModelCodec.Malformed.self) { try ArticleModelCodec.decode(bytes, id: "t", path: "/t") }
                let cut = file.data.prefix(file.data.count / 2)
                let other = try? cut.withUnsafeBytes { try ArticleModelCodec.decode(bytes, body: nil, file: $0, id: article.id, path: article.path) }
                #expect(other == nil || other == article)
            }
        }
        #expect(smaller > 200, "most articles leave texts to their files")
    }

    @Test func damagedModelsWithTheirTextsInTheFileNeverCrash() {
        var rng = SplitMix64(seed: 11)
        let files = Array(ArticleCorpusFiles.files.prefix(40))
        let samples = zip(files, ArticleCorpusFiles.articles).map { file, article in
            file.data.withUnsafeBytes { ArticleModelCodec.encode(article, file: $0) }
        }
        var refused = 0
        for round in 0..<4000 {
            var bytes = samples[round % samples.count]
            let changes = round % 2 == 0 ? 1 : 4
            for _ in 0..<changes { bytes[Int(rng.next() % UInt64(bytes.count))] ^= UInt8(truncatingIfNeeded: rng.next() | 1) }
            do {
                let article = try files[round % files.count].data.withUnsafeBytes {
                    try ArticleModelCodec.decode(bytes, body: nil, file: $0, id: "t", path: "/t")
                }
                for quote in article.quotes {
                    #expect(quote.place == .body ? article.blocks.indices.contains(quote.block) : quote.block == -1)
                }
            } catch {
                refused += 1
            }
        }
        #expect(refused > 1000)
    }

    @Test func findingTextsInTheFileStaysLinear() throws {
        // A text that nearly matches at every place of a long file: compared at a few only.
        let run = String(repeating: "a", count: 200_000)
        let file = Array((run + "\tb\n").utf8)
        let article = Article(id: "a", path: "/a", headline: "aaaa", standfirst: nil,
                              blocks: [Block(kind: .paragraph, text: run + " b")],
                              quotes: [Quote(text: "aaa b", speaker: nil, block: 0, pull: false, repeats: nil, speakerEvidence: nil, place: .body)],
                              warnings: [], words: 2)
        let clock = ContinuousClock()
        let start = clock.now
        let bytes = file.withUnsafeBytes { ArticleModelCodec.encode(article, file: $0) }
        #expect(clock.now - start < .seconds(2))
        #expect(try file.withUnsafeBytes { try ArticleModelCodec.decode(bytes, body: nil, file: $0, id: "a", path: "/a") } == article)
        #expect(bytes.count > 200_000, "the paragraph is not in the file: kept inline")
    }

    @Test func rangesOutsideTheFileOrCuttingALetterAreRefused() throws {
        let file = Array("Headline here\nA café “quoted” line\n".utf8)
        let article = Article(id: "a", path: "/a", headline: "Headline here", standfirst: nil,
                              blocks: [Block(kind: .paragraph, text: "A café “quoted” line")], quotes: [], warnings: [], words: 6)
        let bytes = file.withUnsafeBytes { ArticleModelCodec.encode(article, file: $0) }
        // format, layout 2, headline: 13 bytes at 0, no standfirst … one block: paragraph, 25 bytes at 14.
        #expect(bytes == [1, 2, 27, 0, 0, 0, 0, 0, 6, 0, 1, 0, 51, 14, 0, 0])
        func decode(_ bytes: [UInt8], _ file: [UInt8]) throws -> Article {
            try file.withUnsafeBytes { try ArticleModelCodec.decode(bytes, body: nil, file: $0, id: "a", path: "/a") }
        }
        #expect(try decode(bytes, file) == article)
        func range(_ start: UInt8, _ length: UInt8) -> [UInt8] {
            var moved = bytes
            moved[12] = length * 2 + 1
            moved[13] = start
            return moved
        }
        // "é" is at 19-20, "“" at 22-24, "”" at 31-33; the file has 40 bytes.
        #expect(try decode(range(16, 5), file).blocks[0].text == "café")
        #expect(try decode(range(40, 0), file).blocks[0].text == "")
        for (start, length): (UInt8, UInt8) in [(20, 5), (14, 6), (23, 3), (22, 2), (31, 2), (32, 4), (0, 41), (39, 2), (41, 0), (120, 1)] {
            #expect(throws: ArticleModelCodec.Malformed.self, "\(start) \(length)") { try decode(range(start, length), file) }
        }
        #expect(throws: ArticleModelCodec.Malformed.self) { try decode(bytes, Array(file.prefix(30))) }
        var broken = file
        broken[17] = 0xFF
        #expect(throws: ArticleModelCodec.Malformed.self) { try decode(bytes, broken) }
        // A text that is not in the file stays inline.
        var other = article
        other.blocks[0].text = "Not in the file at all"
        #expect(try decode(file.withUnsafeBytes { ArticleModelCodec.encode(other, file: $0) }, file) == other)
        #expect(throws: ArticleModelCodec.Malformed.self) { try decode(file.withUnsafeBytes { ArticleModelCodec.encode(other, file: $0) }, []) }
    }

    @Test func aBodyThatDoesNotFitIsRefused() throws {
        let article = try #require(ArticleCorpusFiles.articles.first { $0.blocks.filter { $0.kind == .paragraph }.count > 2 })
        let bytes = ArticleModelCodec.encode(article, bodyApart: true)
        let body = ArticleModelCodec.bodyText(of: article)
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        for wrong in [nil, [], Array(lines.dropLast().joined(separator: "\n").utf8), Array((body + "\nmore").utf8), [0xFF, 0xFE]] {
            #expect(throws: ArticleModelCodec.Malformed.self) { try ArticleModelCodec.decode(bytes, body: wrong, id: "t", path: "/t") }
        }
    }

    @Test func textsTheLinesCannotGiveBackStayInTheBytes() throws {
        let article = Article(id: "a", path: "/a", headline: "h", standfirst: nil,
                              blocks: [Block(kind: .paragraph, text: "one"), Block(kind: .crosshead, text: "")],
                              quotes: [], warnings: [], words: 1)
        #expect(!ArticleModelCodec.canKeepBodyApart(article))
        var broken = article
        broken.blocks[1].text = "two\nlines"
        #expect(!ArticleModelCodec.canKeepBodyApart(broken))
        for one in [article, broken] {
            #expect(try ArticleModelCodec.decode(ArticleModelCodec.encode(one, bodyApart: true), id: "a", path: "/a") == one)
        }
        var fine = article
        fine.blocks[1].text = "two"
        #expect(ArticleModelCodec.canKeepBodyApart(fine))
        #expect(ArticleModelCodec.bodyText(of: fine) == "one\ntwo")
    }

    @Test func unreadableAndEdgeArticlesRoundTrip() throws {
        let articles = [
            ArticleParser.unreadable(id: "x", path: "/x.txt", reason: "binary (NUL bytes)"),
            ArticleParser.parse(data: Data(), id: "empty", path: "/empty.txt"),
            Article(id: "a", path: "/a", headline: "", standfirst: "", blocks: [Block(kind: .crosshead, text: "")],
                    quotes: [Quote(text: "é", speaker: "", block: -1, pull: false, place: .standfirst),
                             Quote(text: "🚆", speaker: nil, block: 0, pull: true, repeats: 0, speakerEvidence: "", place: .body)],
                    warnings: ["", "w"], words: 1 << 40, unreadableReason: "", source: "", date: ""),
        ]
        for article in articles {
            #expect(try ArticleModelCodec.decode(ArticleModelCodec.encode(article), id: article.id, path: article.path) == article)
        }
    }

    @Test func theIdAndPathComeFromTheCaller() throws {
        let article = try #require(ArticleCorpusFiles.articles.first)
        let back = try ArticleModelCodec.decode(ArticleModelCodec.encode(article), id: "other", path: "/else/other.txt")
        #expect(back.id == "other" && back.path == "/else/other.txt" && back.blocks == article.blocks)
    }

    @Test func everyCutIsRefused() {
        let sample = ArticleCorpusFiles.articles.first { !$0.quotes.isEmpty && $0.standfirst != nil }!
        let bytes = ArticleModelCodec.encode(sample)
        let apart = ArticleModelCodec.encode(sample, bodyApart: true)
        let body = Array(ArticleModelCodec.bodyText(of: sample).utf8)
        for (whole, given) in [(bytes, nil), (apart, body)] {
            for length in 0..<whole.count {
                #expect(throws: ArticleModelCodec.Malformed.self) {
                    try ArticleModelCodec.decode(Array(whole[..<length]), body: given, id: "t", path: "/t")
                }
            }
        }
        #expect(throws: ArticleModelCodec.Malformed.self) { try ArticleModelCodec.decode(bytes + [0], id: "t", path: "/t") }
    }

    @Test func damagedBytesNeverCrash() {
        var rng = SplitMix64(seed: 7)
        let articles = Array(ArticleCorpusFiles.articles.prefix(40))
        let samples = articles.map { ArticleModelCodec.encode($0) } + articles.map { ArticleModelCodec.encode($0, bodyApart: true) }
        let bodies = articles.map { Array(ArticleModelCodec.bodyText(of: $0).utf8) }
        var refused = 0
        for round in 0..<4000 {
            var bytes = samples[round % samples.count]
            switch round % 4 {
            case 0:  // a byte changed
                let at = Int(rng.next() % UInt64(bytes.count))
                bytes[at] = UInt8(truncatingIfNeeded: rng.next())
            case 1:  // a few bytes changed
                for _ in 0..<4 { bytes[Int(rng.next() % UInt64(bytes.count))] ^= UInt8(truncatingIfNeeded: rng.next() | 1) }
            case 2:  // garbage after the format byte
                bytes = [ArticleModelCodec.format] + (0..<Int(rng.next() % 64)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            default:  // garbage
                bytes = (0..<Int(rng.next() % 64)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            }
            do {
                let article = try ArticleModelCodec.decode(bytes, body: bodies[round % bodies.count], id: "t", path: "/t")
                // What decodes is a valid article: its quotes point at blocks and quotes it has.
                for quote in article.quotes {
                    #expect(quote.place == .body ? article.blocks.indices.contains(quote.block) : quote.block == -1)
                    if let repeats = quote.repeats { #expect(article.quotes.indices.contains(repeats)) }
                }
            } catch {
                refused += 1
            }
        }
        #expect(refused > 2000)
    }

    @Test func outOfRangeFieldsAreRefused() {
        // format, inline, headline "", 4 optionals nil, words 0, no warnings, one block (kind 9).
        let badKind: [UInt8] = [1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 9, 0, 0, 0]
        #expect(throws: ArticleModelCodec.Malformed.self) { try ArticleModelCodec.decode(badKind, id: "t", path: "/t") }
        // No blocks, one body quote of block 0.
        let badBlock: [UInt8] = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]
        #expect(throws: ArticleModelCodec.Malformed.self) { try ArticleModelCodec.decode(badBlock, id: "t", path: "/t") }
        // A headline that is not UTF-8.
        let badText: [UInt8] = [1, 0, 2, 0xC3, 0x28, 0, 0, 0, 0, 0, 0, 0, 0]
        #expect(throws: ArticleModelCodec.Malformed.self) { try ArticleModelCodec.decode(badText, id: "t", path: "/t") }
        // Another format.
        #expect(throws: ArticleModelCodec.Malformed.self) { try ArticleModelCodec.decode([2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], id: "t", path: "/t") }
        #expect(throws: ArticleModelCodec.Malformed.self) { try ArticleModelCodec.decode([1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0], id: "t", path: "/t") }
        // The smallest valid article, for contrast.
        #expect((try? ArticleModelCodec.decode([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], id: "t", path: "/t")) != nil)
        #expect((try? ArticleModelCodec.decode([1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0], body: [], id: "t", path: "/t")) != nil)
    }
}

import Foundation
import Testing
@testable import BylineModel

/// ``ArticleParser/version`` is honest: the parse's output on the repository's articles hashes
/// to the digest recorded for this version. Parsed articles kept by the search index are used
/// only when their version is the parser's, so a parser change that did not raise the version
/// would have the reader show articles as an older parser made them.
struct ParserVersionTests {
    @Test func theParseOutputIsTheOneRecordedForThisVersion() {
        var hash = FNV()
        for (file, article) in zip(ArticleCorpusFiles.files, ArticleCorpusFiles.articles) {
            hash.add(file.name)
            hash.add(Self.dump(article))
        }
        let digest = hash.hex
        #expect(digest == ArticleParser.outputDigest,
                "parse output changed: bump ArticleParser.version and record the new digest (\(digest)) in ArticleParser.outputDigest")
    }

    @Test func theDumpSeesEveryField() {
        let base = Article(id: "a", path: "/a", headline: "h", standfirst: "s",
                           blocks: [Block(kind: .pullquote, text: "t", attribution: "x")],
                           quotes: [Quote(text: "q", speaker: "p", block: 0, pull: true, repeats: 0, speakerEvidence: "said", place: .body)],
                           warnings: ["w"], words: 3, unreadableReason: nil, source: "u", date: "d")
        var changed: [Article] = []
        func change(_ edit: (inout Article) -> Void) {
            var copy = base
            edit(&copy)
            changed.append(copy)
        }
        change { $0.headline = "H" }
        change { $0.standfirst = nil }
        change { $0.blocks[0].kind = .paragraph }
        change { $0.blocks[0].text = "T" }
        change { $0.blocks[0].attribution = nil }
        change { $0.quotes[0].text = "Q" }
        change { $0.quotes[0].speaker = nil }
        change { $0.quotes[0].block = 1 }
        change { $0.quotes[0].pull = false }
        change { $0.quotes[0].repeats = nil }
        change { $0.quotes[0].speakerEvidence = nil }
        change { $0.quotes[0].place = .headline }
        change { $0.warnings = [] }
        change { $0.words = 4 }
        change { $0.unreadableReason = "binary" }
        change { $0.source = nil }
        change { $0.date = nil }
        for article in changed { #expect(Self.dump(article) != Self.dump(base)) }
    }

    /// Every field of an article but its id and path, each value tagged and its length given,
    /// so no two articles dump alike.
    static func dump(_ a: Article) -> String {
        var out = ""
        func put(_ tag: String, _ value: String?) {
            guard let value else { return out += tag + "-;" }
            out += "\(tag)\(value.utf8.count):\(value);"
        }
        put("h", a.headline)
        put("s", a.standfirst)
        put("u", a.source)
        put("d", a.date)
        put("x", a.unreadableReason)
        put("n", String(a.words))
        for warning in a.warnings { put("w", warning) }
        for block in a.blocks {
            put("b", block.kind.rawValue)
            put("t", block.text)
            put("a", block.attribution)
        }
        for quote in a.quotes {
            put("q", quote.text)
            put("p", quote.speaker)
            put("e", quote.speakerEvidence)
            put("k", "\(quote.block)/\(quote.pull)/\(quote.repeats.map(String.init) ?? "-")/\(quote.place.rawValue)")
        }
        return out
    }

    /// 64-bit FNV-1a over UTF-8, each string ended by a 0xFF byte (never in UTF-8).
    struct FNV {
        private var value: UInt64 = 0xcbf2_9ce4_8422_2325

        mutating func add(_ text: String) {
            for byte in text.utf8 { mix(byte) }
            mix(0xFF)
        }

        private mutating func mix(_ byte: UInt8) {
            value = (value ^ UInt64(byte)) &* 0x100_0000_01b3
        }

        var hex: String {
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
    }
}

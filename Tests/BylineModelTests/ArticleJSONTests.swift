import Foundation
import Testing
import BylineModel

/// `ArticleJSON` is what `byline inspect --json` prints: its exact line is pinned here, so moving
/// or changing the encoding cannot change the output scripts read.
@Suite struct ArticleJSONTests {
    @Test func anArticleIsOneSortedLineWithEveryKey() {
        let article = Article(
            id: "a", path: "news/a\u{1B}[31m.txt", headline: "Head \"line\"", standfirst: nil,
            blocks: [Block(kind: .paragraph, text: "Body/text\twith a tab."),
                     Block(kind: .pullquote, text: "Said it", attribution: "Ann")],
            quotes: [Quote(text: "Said it", speaker: "Ann", block: 1, pull: true, speakerEvidence: "said"),
                     Quote(text: "Up top", speaker: nil, block: -1, pull: false, place: .headline)],
            warnings: ["decoded as Windows-1252"], words: 7, source: "https://example.com/a", date: "2026-11-20")
        #expect(ArticleJSON.line(article) == """
            {"blocks":[{"kind":"paragraph","text":"Body/text\\twith a tab."},{"attribution":"Ann","kind":"pullquote",\
            "text":"Said it"}],"date":"2026-11-20","headline":"Head \\"line\\"","id":"a","path":"news/a.txt",\
            "problem":null,"quotes":[{"block":1,"place":"body","pull":true,"speaker":"Ann","speakerEvidence":"said",\
            "text":"Said it"},{"block":-1,"place":"headline","pull":false,"speaker":null,"speakerEvidence":null,\
            "text":"Up top"}],"readable":true,"source":"https://example.com/a","standfirst":null,\
            "warnings":["decoded as Windows-1252"],"words":7}
            """)
    }

    @Test func anUnreadableFileSaysWhy() throws {
        let article = Article(id: "b", path: "b.txt", headline: "b", standfirst: nil, blocks: [], quotes: [],
                              warnings: [], words: 0, unreadableReason: "binary file (contains NUL bytes)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(ArticleJSON.line(article).utf8)) as? [String: Any])
        #expect(object.keys.sorted() == ArticleJSON.keys)
        #expect(object["readable"] as? Bool == false)
        #expect(object["problem"] as? String == "binary file (contains NUL bytes)")
    }
}

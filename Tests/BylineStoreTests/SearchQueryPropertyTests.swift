import PropertyBased
import Testing
@testable import BylineStore

/// Whatever is typed, a search against a real FTS5 index answers: hits, none, or a one-line
/// message; never an SQL error, never a crash.
@Suite struct SearchQueryPropertyTests {
    /// Pieces of queries: FTS5's syntax, the query language's own, and text.
    static let fragments: [String] = [
        "\"", "*", "-", ":", "^", "(", ")", "{", "}", "+", ",", ".", "'", "\\", "/", "%", "_", "NEAR", "NEAR(", "AND", "OR",
        "NOT", "and", "by:", "BY:", "head:", "body:", "headline:", "col:", "{headline}", "-by:", "-head:", " ", "  ", "\t",
        "harbour", "bridge", "Núñez", "Maria", "e\u{301}", "café", "東京", "大阪", "👍🏽", "—", "“", "”", "0", "14.2m",
        "\u{0}", "\u{1B}", "\u{7F}", "\u{202E}", "\u{FEFF}", "\n",
    ]

    static let query = Gen.element(of: fragments).array(of: 0...12).map { $0.compactMap { $0 }.joined() }

    static let index = SearchFixture.index()

    static func check(_ text: String) {
        let page = index.search(text, in: SearchFixture.scope)
        if let problem = page.problem {
            #expect(page.hits.isEmpty)
            #expect(!problem.contains("\n"), "\(text.debugDescription): \(problem)")
            #expect(!problem.contains("could not be read"), "\(text.debugDescription): \(problem)")
        }
        #expect(page.total >= page.hits.count)
        for hit in page.hits {
            for range in hit.matches { #expect(range.lowerBound >= hit.snippet.startIndex && range.upperBound <= hit.snippet.endIndex) }
        }
    }

    @Test func randomFragments() async {
        await propertyCheck(count: 1500, input: Self.query) { text in
            Self.check(text)
        }
    }

    @Test func randomScalars() async {
        let scalars = Gen.int(in: 0...0x2FFF).map { Unicode.Scalar(UInt32($0)) ?? "?" }.array(of: 0...30)
        await propertyCheck(count: 800, input: scalars) { scalars in
            Self.check(String(String.UnicodeScalarView(scalars)))
        }
    }

    @Test("people's name filter takes anything too")
    func peopleFilter() async {
        await propertyCheck(count: 500, input: Self.query) { text in
            let people = Self.index.people(in: SearchFixture.scope, matching: text)
            #expect(people.count <= 3)
        }
    }
}

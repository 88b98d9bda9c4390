import BylineCanvas
import BylineModel
import BylineReader
import BylineTestSupport
import Foundation
import PropertyBased
import Testing

/// A query typed a key at a time finds what a fresh search finds: a longer query is looked for
/// only where the shorter one occurred, a query rubbed out takes back what its prefix found,
/// and the body draws the matches it looks up by halving.
@Suite struct TypedSearchTests {
    private static func article(_ text: String) -> Article {
        ArticleParser.parse(data: Data(text.utf8), id: "t", path: "/tmp/t.txt")
    }

    /// Paragraphs of a few letters, cases, accents (precomposed and combining) and spaces, so
    /// that matches overlap, run across accents and follow each other closely.
    static let pieces = ["a", "b", "ab", "aa", "A", "B", "é", "e\u{301}", "E", "e", " ", " ", "\n\n"]
    static let text = Gen.element(of: pieces).array(of: 0...80).map { $0.compactMap { $0 }.joined() }
    static let query = Gen.element(of: ["a", "b", "A", "é", "e", " ", "ab", "ba"]).array(of: 1...6).map { $0.compactMap { $0 }.joined() }

    /// Every non-overlapping match, leftmost first, of `needle` in the blocks' texts (case
    /// folded as smart case says), the plain way: for ASCII text, which needs no other folding.
    private static func expected(_ query: String, in article: Article) -> [TextMatch] {
        let caseSensitive = query.contains { $0.isUppercase }
        let words = query.split(separator: " ").joined(separator: " ")
        let needle = Array((caseSensitive ? words : words.lowercased()).utf8)
        guard !needle.isEmpty else { return [] }
        var found: [TextMatch] = []
        for (i, block) in article.blocks.enumerated() {
            let text = Array((caseSensitive ? block.text : block.text.lowercased()).utf8)
            var at = 0
            while at + needle.count <= text.count {
                if Array(text[at..<(at + needle.count)]) == needle {
                    found.append(TextMatch(block: i, range: at..<(at + needle.count)))
                    at += needle.count
                } else {
                    at += 1
                }
            }
        }
        return found
    }

    @Test func growingAndShrinkingFindWhatAFreshSearchFinds() async {
        await propertyCheck(count: 300, input: Self.text, Self.query) { body, query in
            let article = Self.article("Headline\nStandfirst.\n\n" + body + "\n")
            let search = TextSearch(article: article, unfoldedFooters: true, attributionPrefix: "— ")
            let prefixes = (1...query.count).map { String(query.prefix($0)) }
            var typed: [TextSearch.Occurrences] = []
            for prefix in prefixes {
                let needle = search.needle(for: prefix)
                let grown = search.occurrences(of: needle, narrowing: typed.last)
                typed.append(grown)
                #expect(search.matches(grown) == search.matches(of: prefix), "\(body.debugDescription) \(prefix.debugDescription)")
            }
            // Rubbed out: each prefix's kept occurrences still give its matches.
            for (prefix, kept) in zip(prefixes, typed).reversed() {
                #expect(search.matches(kept) == search.matches(of: prefix), "\(body.debugDescription) \(prefix.debugDescription)")
            }
        }
    }

    @Test func asciiMatchesAreThePlainNonOverlappingOnes() async {
        let ascii = Gen.element(of: ["a", "b", "ab", "aa", "A", "B", " ", "\n\n"]).array(of: 0...80).map { $0.compactMap { $0 }.joined() }
        let query = Gen.element(of: ["a", "b", "A", "aa", "ab", " "]).array(of: 1...5).map { $0.compactMap { $0 }.joined() }
        await propertyCheck(count: 300, input: ascii, query) { body, query in
            let article = Self.article("Headline\nStandfirst.\n\n" + body + "\n")
            let search = TextSearch(article: article, unfoldedFooters: true, attributionPrefix: "— ")
            var shorter: TextSearch.Occurrences?
            for k in 1...query.count {
                let prefix = String(query.prefix(k))
                let occurrences = search.occurrences(of: search.needle(for: prefix), narrowing: shorter)
                shorter = occurrences
                let found = search.matches(occurrences).filter { $0.block >= 0 }
                #expect(found == Self.expected(prefix, in: article), "\(body.debugDescription) \(prefix.debugDescription)")
            }
        }
    }

    @Test func occurrencesOverlapSoALongerQueryIsNotMissed() {
        // "aa" matches at 0 only (the next try starts at 2), but "aab" is at 1.
        let article = Self.article("Headline\nStandfirst.\n\naaab aaab\n")
        let search = TextSearch(article: article, unfoldedFooters: false, attributionPrefix: "— ")
        let aa = search.occurrences(of: search.needle(for: "aa"))
        #expect(search.matches(aa).count == 2)
        let aab = search.occurrences(of: search.needle(for: "aab"), narrowing: aa)
        #expect(search.matches(aab).map(\.range) == [1..<4, 6..<9])
    }

    /// The reader typing a query and rubbing it out, a key at a time: after each key the
    /// matches are a fresh search's, and each one in view is drawn highlighted, one cell each.
    @Test func typingInTheReaderMatchesAFreshSearchAndHighlightsWhatIsInView() throws {
        var state = try ReaderFixtures.state(Size(width: 120, height: 24))
        state.send([.moveDown, .focusForward])
        state.send(.openPrompt(.findInArticle))
        let article = try #require(state.article)
        let fresh = TextSearch(article: article, unfoldedFooters: false, attributionPrefix: "— ")
        let query = "the road"
        let keys = query.map { PromptEdit.insert($0) } + Array(repeating: PromptEdit.backspace, count: query.count)
        var typed = ""
        for key in keys {
            state.send(.editPrompt(key))
            if case .insert(let c) = key { typed.append(c) } else { typed.removeLast() }
            let search = try #require(state.search)
            #expect(search.matches == (typed.isEmpty ? [] : fresh.matches(of: typed)), "\(typed.debugDescription)")
        }
        state.send(.editPrompt(.insert("e")))
        let search = try #require(state.search)
        let body = try #require(state.body)
        let inView = search.matches.filter { (state.bodyTop..<(state.bodyTop + state.bodyHeight)).contains(body.line(of: $0.start)) }
        let canvas = Screen().render(state)
        let roles = RoleCodes.lines(canvas).joined()
        #expect(inView.count > 10, "the fixture has e's in view")
        #expect(roles.filter { $0 == "M" || $0 == "m" }.count == inView.count, "one highlighted cell per 'e' in view")
        #expect(roles.filter { $0 == "m" }.count == 1, "the current match set apart")
    }
}

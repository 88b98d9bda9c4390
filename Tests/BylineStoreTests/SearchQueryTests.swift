import Testing
@testable import BylineStore

@Suite("Search query: reading what was typed")
struct SearchQueryTests {
    typealias Term = SearchQuery.Term
    typealias Speaker = SearchQuery.Speaker

    @Test("words, phrases and prefixes")
    func words() {
        #expect(SearchQuery("harbour  bridge").terms == [Term("harbour"), Term("bridge")])
        #expect(SearchQuery("\"harbour master\" strike").terms == [Term("harbour master", quoted: true), Term("strike")])
        #expect(SearchQuery("harb*").terms == [Term("harb", prefix: true)])
        #expect(SearchQuery("harb**").terms == [Term("harb", prefix: true)])
        #expect(SearchQuery("\"harbour mas\"*").terms == [Term("harbour mas", quoted: true, prefix: true)])
        #expect(SearchQuery("").terms == [])
        #expect(SearchQuery(" \t ").terms == [])
    }

    @Test("an unclosed quote runs to the end; a quote inside a word starts a phrase")
    func quotes() {
        #expect(SearchQuery("\"harbour master").terms == [Term("harbour master", quoted: true)])
        #expect(SearchQuery("\"").terms == [Term("", quoted: true)])
        #expect(SearchQuery("bridge\"swing it\"").terms == [Term("bridge"), Term("swing it", quoted: true)])
        #expect(SearchQuery("\"\"").terms == [Term("", quoted: true)])
    }

    @Test("- excludes what follows it; alone it is a word")
    func exclusions() {
        #expect(SearchQuery("harbour -strike").terms == [Term("harbour"), Term("strike", excluded: true)])
        #expect(SearchQuery("-\"local news\"").terms == [Term("local news", quoted: true, excluded: true)])
        #expect(SearchQuery("- harbour").terms == [Term("-"), Term("harbour")])
        #expect(SearchQuery("--x").terms == [Term("-x", excluded: true)])
        #expect(SearchQuery("well-known").terms == [Term("well-known")])
    }

    @Test("head: and by:, in any case, with words, phrases, prefixes and exclusions")
    func fields() {
        #expect(SearchQuery("head:bridge").terms == [Term("bridge", field: .headline)])
        #expect(SearchQuery("HEAD:\"swing bridge\"").terms == [Term("swing bridge", quoted: true, field: .headline)])
        #expect(SearchQuery("-head:bri*").terms == [Term("bri", prefix: true, field: .headline, excluded: true)])
        #expect(SearchQuery("by:Núñez").speakers == [Speaker("Núñez")])
        #expect(SearchQuery("By:\"Maria Núñez\" bridge").speakers == [Speaker("Maria Núñez")])
        #expect(SearchQuery("By:\"Maria Núñez\" bridge").terms == [Term("bridge")])
        #expect(SearchQuery("-by:nu*").speakers == [Speaker("nu", prefix: true, excluded: true)])
        #expect(SearchQuery("by:").emptyFields == ["by:"])
        #expect(SearchQuery("head: bridge").emptyFields == ["head:"])
        #expect(SearchQuery("head: bridge").terms == [Term("bridge")])
    }

    @Test("FTS5's own syntax is just words")
    func syntaxIsText() {
        #expect(SearchQuery("a OR b").terms == [Term("a"), Term("OR"), Term("b")])
        #expect(SearchQuery("NEAR(a b)").terms == [Term("NEAR(a"), Term("b)")])
        #expect(SearchQuery("body:harbour title:x").terms == [Term("body:harbour"), Term("title:x")])
        #expect(SearchQuery("{headline}:x ^start").terms == [Term("{headline}:x"), Term("^start")])
        #expect(SearchQuery("*").terms == [Term("", prefix: true)])
        #expect(SearchQuery("byline:x").terms == [Term("byline:x")])
    }

    @Test("words to highlight in an opened article")
    func highlights() {
        let query = SearchQuery("harb* \"swing bridge\" -strike by:Núñez head:council")
        #expect(query.highlights.map(\.text) == ["harb", "swing bridge", "council"])
        #expect(query.highlights.map(\.prefix) == [true, false, false])
    }
}

@Suite("Search query: what the index runs")
struct SearchPlanTests {
    /// A stand-in for FTS5's tokenizer: lower-cased runs of letters and digits.
    private static func tokenize(_ text: String) -> [String] {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    private func plan(_ text: String) -> SearchPlan {
        SearchPlan(SearchQuery(text), tokenize: Self.tokenize)
    }

    @Test("every term becomes a quoted phrase of its tokens")
    func phrases() {
        #expect(plan("harbour bridge").match == "\"harbour\" AND \"bridge\"")
        #expect(plan("O'Connor").match == "\"o connor\"")
        #expect(plan("harb*").match == "\"harb\" *")
        #expect(plan("\"harbour master\"").match == "\"harbour master\"")
        #expect(plan("head:bridge").match == "{headline} : \"bridge\"")
        #expect(plan("a OR b").match == "\"a\" AND \"or\" AND \"b\"")
        #expect(plan("NEAR(a b)").match == "\"near a\" AND \"b\"")
        #expect(plan("harbour").phrases.map(\.tokens) == [["harbour"]])
    }

    @Test("exclusions go after NOT; terms without tokens are left out")
    func exclusions() {
        #expect(plan("harbour -strike -\"local news\"").match == "(\"harbour\") NOT (\"strike\" OR \"local news\")")
        #expect(plan("harbour -strike").exclusion == "\"strike\"")
        #expect(plan("harbour * - —").match == "\"harbour\"")
        #expect(plan("harbour -* -—").match == "\"harbour\"")
        #expect(plan("harbour -strike").phrases.map(\.tokens) == [["harbour"]])
    }

    @Test("speakers")
    func speakers() {
        let plan = plan("by:\"Maria Núñez\" -by:brenn*")
        #expect(plan.match == nil)
        #expect(plan.speakers.map(\.match) == ["\"maria núñez\"", "\"brenn\" *"])
        #expect(plan.speakers.map(\.excluded) == [false, true])
        #expect(plan.problem == nil)
    }

    @Test("nothing to search for, in one line")
    func problems() {
        #expect(plan("").problem?.hasPrefix("nothing to search for") == true)
        #expect(plan("* \" - —").problem?.hasPrefix("nothing to search for") == true)
        #expect(plan("-strike").problem?.hasPrefix("say what to find") == true)
        #expect(plan("-by:nunez").problem?.hasPrefix("say what to find") == true)
        #expect(plan("harbour by:").problem == "by: needs a name: by:Núñez or by:\"Maria Núñez\"")
        #expect(plan("by:\"—\"").problem == "by: needs a name: by:Núñez or by:\"Maria Núñez\"")
        #expect(plan("HEAD:").problem == "HEAD: needs a word: head:bridge or head:\"swing bridge\"")
        #expect(plan("by:nunez -strike").problem == nil)
        for text in ["", "-x", "by:", "head:"] {
            #expect(plan(text).problem?.contains("\n") == false)
        }
    }
}

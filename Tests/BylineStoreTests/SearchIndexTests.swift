import Foundation
import Testing
@testable import BylineStore

/// Articles for the index tests: small, with quotes by named speakers.
enum SearchFixture {
    static let news = "/home/u/news"
    static let scope = SearchScope(folders: [.init(library: news, recursive: true)])

    static func article(_ path: String, headline: String, standfirst: String = "", body: String,
                        quotes: [IndexedQuote] = [], size: Int64 = 100, modified: Int64 = 1) -> IndexedArticle {
        IndexedArticle(path: path, signature: FileSignature(size: size, modified: modified), headline: headline,
                       standfirst: standfirst, body: body, quotes: quotes)
    }

    static let bridge = article(
        "bridge.txt", headline: "Carrick Sound swing bridge reopens",
        standfirst: "Two winters of repairs end with a ribbon and a crowd",
        body: "The council leader, Maria Núñez, said the authority had underestimated the work.\nThe harbour master watched.",
        quotes: [IndexedQuote(text: "We were too hopeful at the start", speaker: "Maria Núñez", block: 2),
                 IndexedQuote(text: "The bridge has a memory", speaker: "Tomás Ferreira", block: 4)])
    static let strike = article(
        "strike.txt", headline: "Library staff walk out",
        body: "Staff at the central library began a strike on Monday. Núñez did not comment.\nA café nearby stayed open.",
        quotes: [IndexedQuote(text: "We have waited long enough", speaker: "Ada Brennan", block: 1)])
    static let train = article(
        "world/train.txt", headline: "Night train to the north returns",
        body: "The sleeper leaves at ten. Passengers praised the harbour views and the bridge.",
        quotes: [IndexedQuote(text: "It is slower, and that is the point", speaker: "Maria Núñez", block: 0)])

    /// An index in memory holding the three articles.
    static func index() -> SearchIndex {
        let index = SearchIndex.temporary()
        precondition(index.update(library: news, put: [bridge, strike, train]))
        return index
    }
}

@Suite("Search index: finding articles")
struct SearchIndexTests {
    private func paths(_ page: SearchPage) -> [String] { page.hits.map(\.article.path) }

    @Test("all words must match; case and accents are ignored")
    func words() {
        let index = SearchFixture.index()
        #expect(paths(index.search("harbour", in: SearchFixture.scope)).sorted() == ["bridge.txt", "world/train.txt"])
        #expect(paths(index.search("HARBOUR sleeper", in: SearchFixture.scope)) == ["world/train.txt"])
        #expect(paths(index.search("cafe", in: SearchFixture.scope)) == ["strike.txt"])
        #expect(paths(index.search("nunez", in: SearchFixture.scope)).sorted() == ["bridge.txt", "strike.txt"])
        #expect(index.search("harbour", in: SearchFixture.scope).total == 2)
        #expect(index.search("zebra", in: SearchFixture.scope) == SearchPage())
    }

    @Test("phrases, prefixes, exclusions and the headline")
    func forms() {
        let index = SearchFixture.index()
        let scope = SearchFixture.scope
        #expect(paths(index.search("\"harbour master\"", in: scope)) == ["bridge.txt"])
        #expect(paths(index.search("\"master harbour\"", in: scope)) == [])
        #expect(paths(index.search("slee*", in: scope)) == ["world/train.txt"])
        #expect(paths(index.search("harbour -sleeper", in: scope)) == ["bridge.txt"])
        #expect(paths(index.search("bridge -\"swing bridge\"", in: scope)) == ["world/train.txt"])
        #expect(paths(index.search("head:bridge", in: scope)) == ["bridge.txt"])
        #expect(paths(index.search("bridge -head:bridge", in: scope)) == ["world/train.txt"])
    }

    @Test("a word in the headline ranks above the same word in a body")
    func headlineWeighs() {
        let index = SearchFixture.index()
        #expect(paths(index.search("bridge", in: SearchFixture.scope)) == ["bridge.txt", "world/train.txt"])
        let library = paths(index.search("library", in: SearchFixture.scope))
        #expect(library == ["strike.txt"])
    }

    @Test("by: finds articles quoting a speaker, by surname, full name or prefix")
    func bySpeaker() {
        let index = SearchFixture.index()
        let scope = SearchFixture.scope
        #expect(paths(index.search("by:Núñez", in: scope)).sorted() == ["bridge.txt", "world/train.txt"])
        #expect(paths(index.search("by:\"maria nunez\"", in: scope)).sorted() == ["bridge.txt", "world/train.txt"])
        #expect(paths(index.search("by:ferr*", in: scope)) == ["bridge.txt"])
        #expect(paths(index.search("by:nunez sleeper", in: scope)) == ["world/train.txt"])
        #expect(paths(index.search("by:nunez -sleeper", in: scope)) == ["bridge.txt"])
        #expect(paths(index.search("by:nunez -by:ferreira", in: scope)) == ["world/train.txt"])
        #expect(paths(index.search("nunez -by:nunez", in: scope)) == ["strike.txt"])
        #expect(paths(index.search("by:brennan by:nunez", in: scope)) == [])
        let page = index.search("by:ferreira", in: scope)
        #expect(page.hits.first?.snippet == "“The bridge has a memory” — Tomás Ferreira")
        #expect(page.hits.first.map { hit in hit.matches.map { String(hit.snippet[$0]) } } == ["Tomás Ferreira"])
    }

    @Test("snippets show the matched words, with their ranges")
    func snippets() throws {
        let index = SearchFixture.index()
        let hit = try #require(index.search("authority", in: SearchFixture.scope).hits.first)
        #expect(hit.snippet.contains("authority"))
        #expect(!hit.snippet.contains("\n"))
        #expect(hit.matches.map { String(hit.snippet[$0]) } == ["authority"])
        let accented = try #require(index.search("nunez", in: SearchFixture.scope).hits.first { $0.article.path == "strike.txt" })
        #expect(accented.matches.map { String(accented.snippet[$0]) } == ["Núñez"])
        let standfirst = try #require(index.search("ribbon", in: SearchFixture.scope).hits.first)
        #expect(standfirst.matches.map { String(standfirst.snippet[$0]) } == ["ribbon"])
        #expect(hit.headline == "Carrick Sound swing bridge reopens")

        let prefix = try #require(index.search("autho*", in: SearchFixture.scope).hits.first)
        #expect(prefix.matches.map { String(prefix.snippet[$0]) } == ["authority"])
        let phrase = try #require(index.search("\"harbour master\"", in: SearchFixture.scope).hits.first)
        #expect(phrase.matches.map { String(phrase.snippet[$0]) } == ["harbour master"])
        #expect(phrase.snippet.hasPrefix("…"), "the body's start is left out: \(phrase.snippet)")
        let headline = try #require(index.search("head:reopens", in: SearchFixture.scope).hits.first)
        #expect(headline.matches.isEmpty)
        #expect(headline.snippet == SearchFixture.bridge.body.replacingOccurrences(of: "\n", with: " "),
                "the body's opening, here all of it (16 words)")
    }

    @Test("queries FTS5 would reject are searched literally or answered with a line")
    func hostileQueries() {
        let index = SearchFixture.index()
        let scope = SearchFixture.scope
        for text in ["\"", "*", "-", "\"harbour", "harbour\"", "AND", "OR harbour", "harbour NEAR bridge", "body:harbour",
                     "{headline}:x", "(", ")", "^", "harbour)", "\"\"\"", "--", "-*", "NOT", "a:b:c", "by:\"", "head:\"\""] {
            let page = index.search(text, in: scope)
            #expect(page.problem == nil || !page.problem!.contains("\n"), "\(text)")
            #expect(!(page.problem ?? "").contains("syntax"), "\(text): \(page.problem ?? "")")
        }
        #expect(paths(index.search("\"harbour", in: scope)).sorted() == ["bridge.txt", "world/train.txt"])
        #expect(paths(index.search("OR harbour", in: scope)) == [])
        #expect(index.search("*", in: scope).problem?.hasPrefix("nothing to search for") == true)
        #expect(index.search("-harbour", in: scope).problem?.hasPrefix("say what to find") == true)
        #expect(index.search("by:", in: scope).problem?.hasPrefix("by: needs a name") == true)
    }

    @Test("scopes: a folder with or without subfolders, files one by one, another library")
    func scopes() {
        let index = SearchFixture.index()
        index.update(library: "/elsewhere", put: [SearchFixture.article("x.txt", headline: "Harbour elsewhere", body: "harbour")])
        let news = SearchFixture.news
        #expect(paths(index.search("harbour", in: SearchFixture.scope)).sorted() == ["bridge.txt", "world/train.txt"])
        let top = SearchScope(folders: [.init(library: news, recursive: false)])
        #expect(paths(index.search("harbour", in: top)) == ["bridge.txt"])
        let files = SearchScope(files: [ArticleKey(library: news, path: "world/train.txt"), ArticleKey(library: "/elsewhere", path: "x.txt")])
        #expect(paths(index.search("harbour", in: files)).sorted() == ["world/train.txt", "x.txt"])
        let both = SearchScope(folders: [.init(library: news, recursive: true), .init(library: "/elsewhere", recursive: false)])
        #expect(index.search("harbour", in: both).total == 3)
        #expect(index.search("harbour", in: SearchScope(folders: [.init(library: "/nowhere", recursive: true)])) == SearchPage())
        #expect(index.articleCount(in: SearchFixture.scope) == 3)
        #expect(index.articleCount(in: top) == 2)
        #expect(index.articleCount(in: files) == 2)
    }

    @Test("pages follow one another without gaps or repeats")
    func paging() {
        let index = SearchIndex.temporary()
        let articles = (0..<25).map { n in
            SearchFixture.article(String(format: "a%02d.txt", n), headline: "Article \(n)",
                                  body: Array(repeating: "harbour", count: n % 7 + 1).joined(separator: " ") + " filler \(n)")
        }
        index.update(library: SearchFixture.news, put: articles)
        var seen: [String] = []
        for offset in stride(from: 0, to: 30, by: 10) {
            let page = index.search("harbour", in: SearchFixture.scope, offset: offset, limit: 10)
            #expect(page.total == 25)
            seen += paths(page)
        }
        #expect(seen.count == 25)
        #expect(Set(seen).count == 25)
        let scores = index.search("harbour", in: SearchFixture.scope, limit: 25).hits.map(\.score)
        #expect(scores == scores.sorted(by: >))
    }
}

@Suite("Search index: people")
struct SearchPeopleTests {
    @Test("speakers with their numbers of quotes and articles, most quoted first")
    func people() {
        let index = SearchFixture.index()
        #expect(index.people(in: SearchFixture.scope) == [
            SpeakerSummary(name: "Maria Núñez", quotes: 2, articles: 2),
            SpeakerSummary(name: "Ada Brennan", quotes: 1, articles: 1),
            SpeakerSummary(name: "Tomás Ferreira", quotes: 1, articles: 1),
        ])
        #expect(index.people(in: SearchFixture.scope, matching: "nu").map(\.name) == ["Maria Núñez"])
        #expect(index.people(in: SearchFixture.scope, matching: "maria n").map(\.name) == ["Maria Núñez"])
        #expect(index.people(in: SearchFixture.scope, matching: "zz").isEmpty)
        let top = SearchScope(folders: [.init(library: SearchFixture.news, recursive: false)])
        #expect(index.people(in: top) == [
            SpeakerSummary(name: "Ada Brennan", quotes: 1, articles: 1),
            SpeakerSummary(name: "Maria Núñez", quotes: 1, articles: 1),
            SpeakerSummary(name: "Tomás Ferreira", quotes: 1, articles: 1),
        ])
        let file = SearchScope(files: [ArticleKey(library: SearchFixture.news, path: "world/train.txt")])
        #expect(index.people(in: file) == [SpeakerSummary(name: "Maria Núñez", quotes: 1, articles: 1)])
    }

    @Test("a speaker's quotes, each with its article and block")
    func quotes() {
        let index = SearchFixture.index()
        let quotes = index.quotes(by: "Maria Núñez", in: SearchFixture.scope)
        #expect(quotes.total == 2)
        #expect(quotes.quotes.map(\.article.path) == ["bridge.txt", "world/train.txt"])
        #expect(quotes.quotes.map(\.block) == [2, 0])
        #expect(quotes.quotes.first?.text == "We were too hopeful at the start")
        #expect(quotes.quotes.first?.headline == "Carrick Sound swing bridge reopens")
        #expect(quotes.quotes.allSatisfy { $0.missing }, "no such files on this machine")
        #expect(index.quotes(by: "Maria Núñez", in: SearchFixture.scope, offset: 1, limit: 5).quotes.map(\.block) == [0])
        // The same name with combining accents is the same speaker.
        #expect(index.quotes(by: "Maria Nu\u{301}n\u{303}ez", in: SearchFixture.scope).total == 2)
    }

    @Test("counts follow articles that change and go; a speaker left without quotes goes")
    func countsFollowChanges() {
        let index = SearchFixture.index()
        var changed = SearchFixture.train
        changed.signature.modified = 2
        changed.quotes = [IndexedQuote(text: "New words", speaker: "Ada Brennan", block: 3)]
        #expect(index.update(library: SearchFixture.news, put: [changed], remove: ["bridge.txt"]))
        #expect(index.people(in: SearchFixture.scope) == [SpeakerSummary(name: "Ada Brennan", quotes: 2, articles: 2)])
        #expect(index.search("by:nunez", in: SearchFixture.scope).total == 0)
        #expect(index.search("by:ferreira", in: SearchFixture.scope).total == 0)
        #expect(index.search("authority", in: SearchFixture.scope).total == 0)
        #expect(index.search("sleeper", in: SearchFixture.scope).total == 1)
        #expect(index.signatures(library: SearchFixture.news).keys.sorted() == ["strike.txt", "world/train.txt"])
    }
}

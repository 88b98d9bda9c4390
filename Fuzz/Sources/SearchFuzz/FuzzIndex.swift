// A real search index, filled once per process with the BylineStore API: what the `search`
// target's queries run against.
import BylineStore

/// The index every input searches: a temporary FTS5 file (SQLite deletes it at exit) holding a
/// few articles in two libraries, with quotes by named speakers, accents, an apostrophe, CJK and
/// emoji. Every article's standfirst holds ``anchor``, so a query can be split by a term into the
/// articles with it and those without.
enum FuzzIndex {
    static let news = "/fuzz/news"
    static let other = "/fuzz/other library"
    /// A word in every article's standfirst (and nowhere else).
    static let anchor = "dispatch"

    /// The scopes searched: one library with its subfolders (no filter: the index is bigger),
    /// its top folder alone, both libraries, files named one by one, and nothing indexed.
    static let scopes: [SearchScope] = [
        SearchScope(folders: [.init(library: news, recursive: true)]),
        SearchScope(folders: [.init(library: news, recursive: false)]),
        SearchScope(folders: [.init(library: news, recursive: true), .init(library: other, recursive: true)]),
        SearchScope(files: [ArticleKey(library: news, path: "strike.txt"), ArticleKey(library: other, path: "ferry.txt")]),
        SearchScope(folders: [.init(library: "/fuzz/not indexed", recursive: true)]),
    ]

    private static func article(_ path: String, _ headline: String, _ standfirst: String, _ body: String,
                                _ quotes: [IndexedQuote] = []) -> IndexedArticle {
        IndexedArticle(path: path, signature: FileSignature(size: 100, modified: 1), headline: headline,
                       standfirst: standfirst + " (\(anchor))", body: body, quotes: quotes)
    }

    /// Written in this order, the last with an empty body. (GRDB's cached statement keeps the
    /// last arguments it ran with; a compressed body of more than 14 bytes is a `Data` on the heap
    /// that LeakSanitizer cannot see the statement point to, and reported at exit as a leak.)
    static let articles: KeyValuePairs<String, [IndexedArticle]> = [
        other: [
            article("ferry.txt", "Ferry \"Sound\" strike ends", "The boats run again",
                    "The ferry left the quay at dawn. NEAR the pier, col:x and head: were painted on a wall.",
                    [IndexedQuote(text: "The ferry is our road", speaker: "Ada Brennan", block: 2),
                     IndexedQuote(text: "Quoted twice", speaker: "ada brennan", block: 3)]),
        ],
        news: [
            article("bridge.txt", "Carrick Sound swing bridge reopens", "Two winters of repairs end",
                    "The council leader, Maria Núñez, said the authority had underestimated the work.\nThe harbour master watched. O'Connor's café was open.",
                    [IndexedQuote(text: "We were too hopeful at the start", speaker: "Maria Núñez", block: 2),
                     IndexedQuote(text: "The bridge has a memory", speaker: "Seán O'Connor", block: 4)]),
            article("strike.txt", "Library staff walk out", "A strike on Monday",
                    "Staff at the central library began a strike. Núñez did not comment.\nA café nearby stayed open: 24/7, well-known, AND-or-NOT.",
                    [IndexedQuote(text: "We have waited long enough", speaker: "Ada Brennan", block: 1)]),
            article("world/train.txt", "Night train to the north returns", "東京 and back",
                    "The sleeper leaves at ten. Passengers praised the harbour views 🚆 and the bridge; 東京駅 was full.",
                    [IndexedQuote(text: "It is slower, and that is the point", speaker: "Maria Núñez", block: 0),
                     IndexedQuote(text: "遅いけれど良い", speaker: "李小龍", block: 1)]),
            article("world/empty.txt", "Only a headline", "", ""),
        ],
    ]

    /// The index, made once.
    static let index: SearchIndex = {
        let index = SearchIndex.temporary()
        for (library, articles) in FuzzIndex.articles {
            guard index.update(library: library, put: articles) else { fatalError("fuzz setup: the index was not written") }
        }
        let notices = index.takeNotices()
        guard notices.isEmpty, index.search(anchor, in: scopes[2]).total == 5 else {
            fatalError("fuzz setup: the index does not find its articles: \(notices)")
        }
        return index
    }()

    /// Every article key, and the speakers' names as indexed.
    static let keys: Set<ArticleKey> = Set(articles.flatMap { library, list in list.map { ArticleKey(library: library, path: $0.path) } })
    static let speakers: Set<String> = Set(index.people(in: scopes[2]).map(\.name))
    /// The articles of the first scope (all of which hold ``anchor``).
    static let anchored: Set<ArticleKey> = Set(index.search(anchor, in: scopes[0]).hits.map(\.article))
}

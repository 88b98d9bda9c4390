import BylineModel

/// A library search in the list: the query, the results (the list's rows while it shows them),
/// and the whole library's list as it was, to go back to with Esc.
///
/// Results arrive from a worker as ``LibraryAnswer``s, a page at a time; an answer to an older
/// query (the user typed on) is dropped by its serial number.
public struct LibrarySearch: Equatable, Sendable {
    /// The query as typed.
    public internal(set) var query: String
    /// Whether the list shows results (false while the query is empty: the library shows).
    public internal(set) var showing = false
    /// Results there are in all (the list holds the pages loaded so far).
    public internal(set) var total = 0
    /// Why the query could not be searched, in one line.
    public internal(set) var problem: String?
    /// The line under each result's headline: the text around the match, the words marked.
    public internal(set) var snippets: [ArticleID: [SnippetPiece]] = [:]
    /// Results whose file has gone since it was indexed.
    public internal(set) var missing: Set<ArticleID> = []
    /// The answer came while the index was still being built: there may be more.
    public internal(set) var partial = false
    /// An answer is awaited.
    public internal(set) var waiting = false
    /// The answer awaited makes the results again (the selection stays on its article).
    var refreshing = false
    /// Indexing finished while the answer was awaited: it may have been read before the last
    /// batch, so the results are made again once it comes.
    var stale = false
    /// The words to mark in an article opened from the results.
    public internal(set) var words: [SearchWord] = []
    /// The request the list waits for (answers to others are dropped).
    var serial = 0
    /// The whole library's list, to go back to: its rows (kept up to date with the folder),
    /// the selection and the scroll.
    var libraryRows: RowsView
    var librarySelection: ArticleID?
    var libraryRow: Int
    var libraryTop: Int

    init(query: String, libraryRows: RowsView, selection: ArticleID?, row: Int, top: Int) {
        self.query = query
        self.libraryRows = libraryRows
        self.librarySelection = selection
        self.libraryRow = row
        self.libraryTop = top
    }

    /// Results asked for at a time (more as the selection nears the end of those loaded):
    /// a few screens of them. Each comes with its snippet, cut from the article's text when
    /// asked for: at 100k articles, 100 of them took 10–20 ms of a first page's time.
    public static let pageSize = 50
}

/// A piece of a result's snippet: text, and whether it is a matched word.
public struct SnippetPiece: Equatable, Sendable {
    public var text: String
    public var match: Bool

    public init(_ text: String, match: Bool) {
        self.text = text
        self.match = match
    }
}

/// What the reader asks the index for: a page of results of a query.
public struct LibraryRequest: Equatable, Sendable {
    public var query: String
    public var offset: Int
    public var limit: Int
    /// Matches answers to requests.
    public var serial: Int

    public init(query: String, offset: Int, limit: Int, serial: Int) {
        self.query = query
        self.offset = offset
        self.limit = limit
        self.serial = serial
    }
}

/// A page of results, as the reader knows articles.
public struct LibraryAnswer: Equatable, Sendable {
    public struct Hit: Equatable, Sendable {
        public var id: ArticleID
        public var snippet: [SnippetPiece]
        /// The file has gone since it was indexed.
        public var missing: Bool

        public init(id: ArticleID, snippet: [SnippetPiece], missing: Bool) {
            self.id = id
            self.snippet = snippet
            self.missing = missing
        }
    }

    public var request: LibraryRequest
    public var hits: [Hit]
    /// Results there are in all.
    public var total: Int
    public var problem: String?
    /// The words of the query to mark in an opened article.
    public var words: [SearchWord]

    public init(request: LibraryRequest, hits: [Hit], total: Int, problem: String?, words: [SearchWord]) {
        self.request = request
        self.hits = hits
        self.total = total
        self.problem = problem
        self.words = words
    }
}

/// How far the index is built: "indexing 4,210 / 10,000".
public struct IndexProgress: Equatable, Sendable {
    public var done: Int
    public var total: Int

    public init(done: Int, total: Int) {
        self.done = done
        self.total = total
    }

    /// "4,210 / 10,000".
    public var label: String { "\(Self.grouped(done)) / \(Self.grouped(total))" }

    /// A count with thousands separated by commas.
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }
}

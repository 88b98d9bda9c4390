import Foundation

/// An article as the index knows it: its library's key and its path in that library (as the
/// state store keys it).
public struct ArticleKey: Hashable, Sendable {
    /// The library's canonical path (``StateStore/libraryKey(for:)``).
    public var library: String
    /// The article's path inside the library.
    public var path: String

    public init(library: String, path: String) {
        self.library = library
        self.path = path
    }

    /// The file's full path.
    public var fullPath: String {
        library.hasSuffix("/") ? library + path : library + "/" + path
    }
}

/// Which indexed articles a search or a People list looks at: a reader's library, as keys.
public struct SearchScope: Hashable, Sendable {
    /// A folder's articles: with `recursive`, those in its subfolders too.
    public struct Folder: Hashable, Sendable {
        public var library: String
        public var recursive: Bool

        public init(library: String, recursive: Bool) {
            self.library = library
            self.recursive = recursive
        }
    }

    public var folders: [Folder]
    /// Articles named one by one (files given on the command line).
    public var files: [ArticleKey]

    public init(folders: [Folder] = [], files: [ArticleKey] = []) {
        self.folders = folders
        self.files = files
    }

    public var isEmpty: Bool { folders.isEmpty && files.isEmpty }
}

/// What the index keeps of one article: written by the indexer, one batch at a time.
public struct IndexedArticle: Sendable, Equatable {
    /// The article's path inside its library.
    public var path: String
    /// The file it was read from (size and modification time, as read).
    public var signature: FileSignature
    public var headline: String
    public var standfirst: String
    /// The body's searchable text: paragraphs and crossheads, one a line (not the footers,
    /// nor pull quotes, which repeat the body).
    public var body: String
    /// The quotes whose speaker the article names.
    public var quotes: [IndexedQuote]
    /// The whole parsed article (`ArticleModelCodec`'s bytes, kept as they are), and the
    /// version of the parser that made it; empty and 0: none.
    public var model: [UInt8]
    public var parser: Int

    public init(path: String, signature: FileSignature, headline: String, standfirst: String, body: String,
                quotes: [IndexedQuote], model: [UInt8] = [], parser: Int = 0) {
        self.path = path
        self.signature = signature
        self.headline = headline
        self.standfirst = standfirst
        self.body = body
        self.quotes = quotes
        self.model = model
        self.parser = parser
    }
}

/// A quote with its speaker, and the block of the article it stands in.
public struct IndexedQuote: Sendable, Equatable {
    public var text: String
    public var speaker: String
    public var block: Int

    public init(text: String, speaker: String, block: Int) {
        self.text = text
        self.speaker = speaker
        self.block = block
    }
}

/// One article found by a search.
public struct SearchHit: Sendable, Equatable {
    public var article: ArticleKey
    /// The headline when the article was indexed.
    public var headline: String
    /// One line of the article around what matched (the body's opening when only the
    /// headline matched; a quote by the speaker for a `by:` search without words).
    public var snippet: String
    /// Where the matched words are in ``snippet``, to highlight them.
    public var matches: [Range<String.Index>]
    /// The file is gone since it was indexed (the hit is shown, marked, rather than dropped,
    /// until the index catches up).
    public var missing: Bool
    /// Relevance: higher is better (only its order means anything).
    public var score: Double

    public init(article: ArticleKey, headline: String, snippet: String, matches: [Range<String.Index>], missing: Bool, score: Double) {
        self.article = article
        self.headline = headline
        self.snippet = snippet
        self.matches = matches
        self.missing = missing
        self.score = score
    }
}

/// A page of results.
public struct SearchPage: Sendable, Equatable {
    /// The hits of this page, best first.
    public var hits: [SearchHit]
    /// How many articles match in all (in the scope, as far as it is indexed).
    public var total: Int
    /// Why the query could not be searched, in one line (then there are no hits), e.g.
    /// "by: needs a name: by:Núñez or by:\"Maria Núñez\"".
    public var problem: String?

    public init(hits: [SearchHit] = [], total: Int = 0, problem: String? = nil) {
        self.hits = hits
        self.total = total
        self.problem = problem
    }
}

/// A speaker in the People list.
public struct SpeakerSummary: Sendable, Equatable {
    /// The name as the articles spell it (in NFC).
    public var name: String
    public var quotes: Int
    public var articles: Int

    public init(name: String, quotes: Int, articles: Int) {
        self.name = name
        self.quotes = quotes
        self.articles = articles
    }
}

/// One quote by a speaker, with where it stands.
public struct SpeakerQuote: Sendable, Equatable {
    public var article: ArticleKey
    /// The article's headline when it was indexed.
    public var headline: String
    /// The block of the article the quote stands in (to open the article scrolled to it).
    public var block: Int
    public var text: String
    /// The file is gone since it was indexed.
    public var missing: Bool

    public init(article: ArticleKey, headline: String, block: Int, text: String, missing: Bool) {
        self.article = article
        self.headline = headline
        self.block = block
        self.text = text
        self.missing = missing
    }
}

/// A page of a speaker's quotes.
public struct SpeakerQuotes: Sendable, Equatable {
    public var quotes: [SpeakerQuote]
    /// How many quotes by the speaker there are in the scope in all.
    public var total: Int

    public init(quotes: [SpeakerQuote] = [], total: Int = 0) {
        self.quotes = quotes
        self.total = total
    }
}

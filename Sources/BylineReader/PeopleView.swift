import BylineModel
import BylineStore

/// `P`: who is quoted across the library. First the speakers, with their numbers of quotes and
/// articles, narrowed as a name is typed; then, for the speaker chosen, their quotes, each with
/// its article. A plain value: the lists arrive from a worker.
public struct PeopleView: Equatable, Sendable {
    /// What is typed to narrow the speakers.
    public internal(set) var filter = ""
    public internal(set) var speakers: [SpeakerSummary] = []
    /// The speaker row chosen, and the first row on screen.
    public internal(set) var selected = 0
    public internal(set) var top = 0
    /// Speakers asked for and not arrived yet.
    public internal(set) var waiting = true
    /// The speaker whose quotes are shown (nil: the speakers are shown).
    public internal(set) var person: String?
    public internal(set) var quotes: [PersonQuote] = []
    /// Quotes the speaker has in all (the list holds the first ones).
    public internal(set) var quoteTotal = 0
    public internal(set) var quoteSelected = 0
    public internal(set) var quoteTop = 0

    /// Rows the view's list has now.
    var rowCount: Int { person == nil ? speakers.count : quotes.count }

    /// Quotes asked for at a time.
    static let quoteLimit = 500
}

/// One quote of a speaker, as the reader knows articles.
public struct PersonQuote: Equatable, Sendable {
    /// The article (nil: the library does not list it now).
    public var id: ArticleID?
    public var headline: String
    /// Where the quote is in the article (``TextPosition/header`` for the standfirst).
    public var block: Int
    public var text: String
    /// The file has gone since it was indexed.
    public var missing: Bool

    public init(id: ArticleID?, headline: String, block: Int, text: String, missing: Bool) {
        self.id = id
        self.headline = headline
        self.block = block
        self.text = text
        self.missing = missing
    }
}

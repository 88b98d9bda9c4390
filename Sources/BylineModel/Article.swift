/// What a block of an article body is.
public enum BlockKind: String, Sendable, Codable, Equatable {
    case paragraph
    case crosshead
    case pullquote
    case boilerplate
}

/// One block of an article body: a paragraph, a crosshead, a pull quote
/// (with its attribution) or a promotional/contact footer.
public struct Block: Equatable, Sendable {
    public var kind: BlockKind
    /// Sanitised text: no control characters, tabs expanded, entities decoded.
    public var text: String
    /// The speaker line under a pull quote; nil for other kinds.
    public var attribution: String?

    public init(kind: BlockKind, text: String, attribution: String? = nil) {
        self.kind = kind
        self.text = text
        self.attribution = attribution
    }
}

/// A quoted passage of speech, with its speaker where the text names one.
public struct Quote: Equatable, Sendable {
    /// The quoted words, without the quote marks.
    public var text: String
    /// Who said it, when the article says so.
    public var speaker: String?
    /// Index into `Article.blocks` of the block that holds the quote.
    public var block: Int
    /// True for a pull quote (a `.pullquote` block).
    public var pull: Bool
    /// For a pull quote: the index in `Article.quotes` of the body quote it repeats.
    public var repeats: Int?
    /// What decided the speaker: the speech verb, title or rule (`said`, `according to`,
    /// `continued`, `he → …`); nil when there is no speaker.
    public var speakerEvidence: String?
    /// Where the quote stands: the body (then `block` is its block), the headline or the
    /// standfirst (then `block` is -1).
    public var place: QuotePlace

    public init(text: String, speaker: String?, block: Int, pull: Bool, repeats: Int? = nil,
                speakerEvidence: String? = nil, place: QuotePlace = .body) {
        self.text = text
        self.speaker = speaker
        self.block = block
        self.pull = pull
        self.repeats = repeats
        self.speakerEvidence = speakerEvidence
        self.place = place
    }
}

/// The part of an article a quote stands in.
public enum QuotePlace: String, Sendable, Codable, Equatable {
    case headline
    case standfirst
    case body
}

/// A parsed article: the unit every pane renders from.
public struct Article: Equatable, Sendable {
    /// File name without `.txt`.
    public var id: String
    /// Where it was read from.
    public var path: String
    /// The headline: the first line that is not metadata (or a placeholder for an unreadable file).
    public var headline: String
    public var standfirst: String?
    public var blocks: [Block]
    /// Every quoted passage, in reading order; pull quotes included (`pull == true`).
    public var quotes: [Quote]
    /// What was odd about the file (encoding fallbacks, caps, removed controls).
    public var warnings: [String]
    /// Words in headline, standfirst and body, boilerplate left out.
    public var words: Int
    /// Why the article could not be read (binary, I/O error); nil when it reads.
    public var unreadableReason: String?
    /// A URL given on a line of its own above the headline.
    public var source: String?
    /// A date (or date and time) given on a line of its own above the headline.
    public var date: String?

    public init(id: String, path: String, headline: String, standfirst: String?, blocks: [Block],
                quotes: [Quote], warnings: [String], words: Int, unreadableReason: String? = nil,
                source: String? = nil, date: String? = nil) {
        self.id = id
        self.path = path
        self.headline = headline
        self.standfirst = standfirst
        self.blocks = blocks
        self.quotes = quotes
        self.warnings = warnings
        self.words = words
        self.unreadableReason = unreadableReason
        self.source = source
        self.date = date
    }

    /// Minutes to read at 230 words a minute, at least one.
    public var readingMinutes: Int { Self.readingMinutes(words: words) }

    /// Minutes to read `words` words at 230 words a minute, at least one.
    public static func readingMinutes(words: Int) -> Int { max(1, (words + 229) / 230) }
}

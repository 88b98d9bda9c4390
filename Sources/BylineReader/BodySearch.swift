import BylineModel

/// A search in the shown article: the query, where it was found, and which match is current.
/// The query stays when another article is shown, and is looked for there too.
public struct BodySearch: Sendable {
    public internal(set) var query: String
    /// What is looked for: the query itself, or several terms.
    var terms: [String]
    /// A library search's words (looked for whole, case ignored), instead of `terms`.
    public internal(set) var words: [SearchWord] = []
    /// Scroll to the first match once the article is laid out (an article opened from the
    /// library search's results).
    var scrollPending = false
    public internal(set) var matches: [TextMatch] = []
    /// Index into ``matches`` of the match the body was scrolled to.
    public internal(set) var current: Int?
    /// The reading position when the search began: Esc while typing goes back there.
    var origin: TextPosition
    var originOnSpacing: Bool
    /// The prepared text of the article searched, and what it was prepared for.
    var index: TextSearch?
    var indexedArticle: ArticleID?
    var indexedUnfolded = false
    /// Match indices by block, for drawing.
    private(set) var byBlock: [Int: [Int]] = [:]

    init(query: String, terms: [String]? = nil, words: [SearchWord] = [], origin: TextPosition, originOnSpacing: Bool) {
        self.query = query
        self.terms = terms ?? [query]
        self.words = words
        self.origin = origin
        self.originOnSpacing = originOnSpacing
    }

    /// Looks for the query again (in a new article, or after the query changed); the current
    /// match becomes the first at or after `from`, wrapping to the first.
    mutating func run(on article: Article, id: ArticleID, unfolded: Bool, ascii: Bool, from: TextPosition) {
        if indexedArticle != id || indexedUnfolded != unfolded || index == nil {
            index = TextSearch(article: article, unfoldedFooters: unfolded, attributionPrefix: BodyLayout.attributionDash(ascii: ascii))
            indexedArticle = id
            indexedUnfolded = unfolded
        }
        matches = (words.isEmpty ? index?.matches(ofAny: terms) : index?.matches(ofWords: words)) ?? []
        byBlock = Dictionary(grouping: matches.indices, by: { matches[$0].block })
        current = matches.isEmpty ? nil : (matches.firstIndex { $0.start >= from } ?? 0)
    }

    /// Matches that touch `range` of `block`, with whether each is the current one.
    func hits(inBlock block: Int, range: Range<Int>) -> [(range: Range<Int>, current: Bool)] {
        guard let indices = byBlock[block] else { return [] }
        return indices.compactMap { i in
            let m = matches[i].range
            guard m.overlaps(range) || (m.isEmpty && range.contains(m.lowerBound)) else { return nil }
            return (m.clamped(to: range), i == current)
        }
    }

    /// The status line's "3/17".
    public var counter: String {
        guard let current else { return "0/0" }
        return "\(current + 1)/\(matches.count)"
    }
}

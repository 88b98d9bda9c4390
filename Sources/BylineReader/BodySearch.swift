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
    /// In reading order, none overlapping: what drawing looks up by block and offset.
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
    /// The occurrences of the query as it was typed, shortest first, each needle a prefix of
    /// the next: a longer query is looked for only where the longest of them starts, a query
    /// rubbed out back to one of them takes it as it is.
    private(set) var typed: [TextSearch.Occurrences] = []

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
            typed = []
        }
        if words.isEmpty, terms.count == 1, let index {
            matches = index.matches(occurrences(of: terms[0], in: index))
        } else {
            matches = (words.isEmpty ? index?.matches(ofAny: terms) : index?.matches(ofWords: words)) ?? []
        }
        current = matches.isEmpty ? nil : (matches.firstIndex { $0.start >= from } ?? 0)
    }

    /// Where `query` occurs, from the occurrences kept for an earlier query it extends (the
    /// one typed before it, or one it was rubbed out back to), else from the whole text.
    private mutating func occurrences(of query: String, in index: TextSearch) -> TextSearch.Occurrences {
        let needle = index.needle(for: query)
        while let last = typed.last, !needle.extends(last.needle) { typed.removeLast() }
        if let last = typed.last, last.needle == needle { return last }
        let found = index.occurrences(of: needle, narrowing: typed.last)
        if !needle.bytes.isEmpty { typed.append(found) }
        return found
    }

    /// Matches that touch `range` of `block`, with whether each is the current one: found by
    /// halving, as the matches are in reading order and do not overlap.
    func hits(inBlock block: Int, range: Range<Int>) -> [(range: Range<Int>, current: Bool)] {
        // The first match in the block that ends after the range starts (or, empty, at its start).
        var low = 0, high = matches.count
        while low < high {
            let mid = (low + high) / 2
            let m = matches[mid]
            if m.block < block || (m.block == block && max(m.range.upperBound, m.range.lowerBound + 1) <= range.lowerBound) {
                low = mid + 1
            } else {
                high = mid
            }
        }
        var found: [(range: Range<Int>, current: Bool)] = []
        var i = low
        while i < matches.count, matches[i].block == block, matches[i].range.lowerBound < max(range.upperBound, range.lowerBound + 1) {
            let m = matches[i].range
            if m.overlaps(range) || (m.isEmpty && range.contains(m.lowerBound)) {
                found.append((m.clamped(to: range), i == current))
            }
            i += 1
        }
        return found
    }

    /// The status line's "3/17".
    public var counter: String {
        guard let current else { return "0/0" }
        return "\(current + 1)/\(matches.count)"
    }
}

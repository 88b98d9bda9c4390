import BylineCanvas
import BylineModel

/// The sidebar's quotes wrapped for one width: built once per (article, width), like
/// ``BodyLayout``, so a frame only copies lines.
public struct SidebarLayout: Equatable, Sendable {
    public let articleID: ArticleID
    public let textWidth: Int
    /// Per entry (in ``ReaderState/sidebarEntries`` order): its lines and their roles.
    public let entries: [[Span]]
    /// The first line of each entry, counting a blank line between entries.
    public let starts: [Int]

    /// Longest a quote runs in the sidebar before it is cut.
    public static let maxQuoteLines = 4

    public init(article: Article, id: ArticleID, entries quoteIndices: [Int], textWidth: Int, ascii: Bool) {
        articleID = id
        self.textWidth = textWidth
        let glyphs = BoxGlyphs.forMode(ascii: ascii)
        let open = ascii ? "\"" : "“", close = ascii ? "\"" : "”"
        let dash = ascii ? "-- " : "— "
        var entries: [[Span]] = []
        var starts: [Int] = []
        entries.reserveCapacity(quoteIndices.count)
        starts.reserveCapacity(quoteIndices.count)
        var total = 0
        for quoteIndex in quoteIndices {
            let quote = article.quotes[quoteIndex]
            // The quote in its marks, made at its length at once (not grown as it is joined).
            let body = Transliterate.forTerminal(quote.text, ascii: ascii)
            var quoted = ""
            quoted.reserveCapacity(open.utf8.count + body.utf8.count + close.utf8.count)
            quoted += open
            quoted += body
            quoted += close
            // One line more than is shown tells whether the quote is cut.
            var wrapped = WordWrap.wrap(quoted, width: textWidth, atMost: Self.maxQuoteLines + 1)
            if wrapped.count > Self.maxQuoteLines {
                wrapped.removeLast(wrapped.count - Self.maxQuoteLines)
                wrapped[wrapped.count - 1] = Truncate.toWidth(wrapped[wrapped.count - 1] + glyphs.ellipsis, textWidth, ellipsis: glyphs.ellipsis)
            }
            var lines: [Span] = []
            lines.reserveCapacity(wrapped.count + 1)
            for line in wrapped { lines.append(Span(line, quote.pull ? .pullquote : .sidebarNormal)) }
            lines.append(Span(Truncate.toWidth(dash + Transliterate.forTerminal(quote.speaker ?? "unattributed", ascii: ascii), textWidth, ellipsis: glyphs.ellipsis), .attribution))
            starts.append(total)
            total += lines.count + 1
            entries.append(lines)
        }
        self.entries = entries
        self.starts = starts
    }
}

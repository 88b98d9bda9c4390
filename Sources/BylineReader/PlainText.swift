import BylineModel

/// An article or a quote as plain text, to copy or to pipe to a command.
public enum PlainText {
    /// Most text handed to the clipboard at once (terminals and tmux cap OSC 52 payloads).
    public static let copyLimit = 74 * 1024

    /// The whole article: headline, standfirst and the body, a blank line between blocks, with
    /// `> ` before each line of a pull quote and its attribution. Folded footers are left out.
    public static func article(_ article: Article) -> String {
        var parts: [String] = [article.headline]
        if let standfirst = article.standfirst, !standfirst.isEmpty { parts.append(standfirst) }
        for block in article.blocks {
            switch block.kind {
            case .paragraph, .crosshead:
                parts.append(block.text)
            case .pullquote:
                var lines = ["> " + block.text]
                if let who = block.attribution, !who.isEmpty { lines.append("> — " + who) }
                parts.append(lines.joined(separator: "\n"))
            case .boilerplate:
                continue
            }
        }
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// One quote, as it would be cited: `“text” — Speaker, “Headline”` (the speaker left out
    /// when the article does not say who spoke).
    public static func quote(_ quote: Quote, headline: String) -> String {
        let who = quote.speaker.map { "\($0), " } ?? ""
        return "“\(quote.text)” — \(who)“\(headline)”"
    }

    /// `text` cut to at most `limit` bytes of UTF-8 at a character boundary, and whether it was cut.
    public static func capped(_ text: String, limit: Int = copyLimit) -> (text: String, cut: Bool) {
        guard text.utf8.count > limit else { return (text, false) }
        var end = text.startIndex
        var used = 0
        for index in text.indices {
            let size = text[index].utf8.count
            if used + size > limit { break }
            used += size
            end = text.index(after: index)
        }
        return (String(text[..<end]), true)
    }
}

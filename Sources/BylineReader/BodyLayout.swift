import BylineCanvas
import BylineModel

/// A run of text in one role.
public struct Span: Equatable, Sendable {
    public var text: String
    public var role: Role

    public init(_ text: String, _ role: Role) {
        self.text = text
        self.role = role
    }
}

/// One laid-out line of the body.
public struct BodyLine: Equatable, Sendable {
    /// Columns of indent before the first span.
    public var indent: Int
    public var spans: [Span]
    /// The article block this line belongs to; nil for the headline, standfirst and spacing.
    public var block: Int?

    public init(indent: Int = 0, spans: [Span] = [], block: Int? = nil) {
        self.indent = indent
        self.spans = spans
        self.block = block
    }

    static let blank = BodyLine()
}

/// An article's body word-wrapped for one measure: the lines the body pane scrolls
/// through, and where each block starts. Built once per (article, width, folding).
public struct BodyLayout: Equatable, Sendable {
    public let articleID: String
    public let width: Int
    public let footersUnfolded: Bool
    public private(set) var lines: [BodyLine] = []
    /// First line of each block, indexed like `Article.blocks`.
    public private(set) var blockStart: [Int] = []

    /// The widest measure the body uses, for comfortable reading.
    public static let maxMeasure = 76

    public init(article: Article, width: Int, ascii: Bool = false, footersUnfolded: Bool = false) {
        self.articleID = article.id
        self.width = max(1, width)
        self.footersUnfolded = footersUnfolded
        build(article, ascii: ascii)
    }

    /// The block shown at a line, looking upwards past spacing lines.
    public func block(atLine line: Int) -> Int? {
        guard !lines.isEmpty else { return nil }
        var i = min(max(0, line), lines.count - 1)
        while i >= 0 {
            if let b = lines[i].block { return b }
            i -= 1
        }
        return nil
    }

    /// The line range a block occupies.
    public func lineRange(ofBlock block: Int) -> Range<Int> {
        guard block >= 0, block < blockStart.count else { return 0..<0 }
        let start = blockStart[block]
        var end = start
        while end < lines.count, lines[end].block == block { end += 1 }
        return start..<max(end, start + 1)
    }

    // MARK: - Building

    private mutating func build(_ article: Article, ascii: Bool) {
        let w = width
        if let reason = article.unreadableReason {
            add(wrapped: article.headline, role: .headline)
            lines.append(.blank)
            add(wrapped: "This file could not be read: \(reason)", role: .error)
            blockStart = []
            return
        }
        add(wrapped: article.headline, role: .headline)
        if let standfirst = article.standfirst, !standfirst.isEmpty {
            lines.append(.blank)
            add(wrapped: standfirst, role: .standfirst)
        }
        let separator = BoxGlyphs.forMode(ascii: ascii).separator
        let host = article.source.map { url in
            url.split(separator: "/", omittingEmptySubsequences: true).first { $0.contains(".") && !$0.hasSuffix(":") }.map(String.init) ?? url
        }
        let meta = ([article.date, host].compactMap { $0 } + ["\(article.words) words", "\(article.readingMinutes) min read"])
            .joined(separator: separator)
        lines.append(.blank)
        add(wrapped: meta, role: .attribution)
        let bar = ascii ? "| " : "┃ "
        for (index, block) in article.blocks.enumerated() {
            lines.append(.blank)
            blockStart.append(lines.count)
            switch block.kind {
            case .paragraph:
                add(wrapped: block.text, role: .body, block: index)
            case .crosshead:
                add(wrapped: block.text, role: .crosshead, block: index)
            case .pullquote:
                let indent = w >= 30 ? 4 : 1
                let textWidth = max(1, w - indent - 2 - (w >= 30 ? 2 : 0))
                for line in WordWrap.wrap(block.text, width: textWidth) {
                    lines.append(BodyLine(indent: indent, spans: [Span(bar, .quoteMark), Span(line, .pullquote)], block: index))
                }
                if let who = block.attribution, !who.isEmpty {
                    let dash = ascii ? "-- " : "— "
                    for line in WordWrap.wrap(dash + who, width: textWidth) {
                        lines.append(BodyLine(indent: indent, spans: [Span(bar, .quoteMark), Span(line, .attribution)], block: index))
                    }
                }
            case .boilerplate:
                if footersUnfolded {
                    add(wrapped: block.text, role: .boilerplate, block: index)
                } else {
                    let marker = ascii ? "> " : "▸ "
                    let hint = "  (f unfolds)"
                    let room = max(1, w - DisplayWidth.of(marker) - hint.count)
                    let first = WordWrap.wrap(block.text, width: room)
                    let text = first.count > 1 ? first[0] + (ascii ? "..." : "…") : first[0]
                    lines.append(BodyLine(spans: [Span(marker + text + hint, .boilerplate)], block: index))
                }
            }
        }
    }

    private mutating func add(wrapped text: String, role: Role, block: Int? = nil) {
        for line in WordWrap.wrap(text, width: width) {
            lines.append(BodyLine(spans: [Span(line, role)], block: block))
        }
    }
}

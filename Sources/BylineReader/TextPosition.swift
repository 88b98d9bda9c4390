/// A place in an article's text that survives reflowing: a block and a UTF-8 offset in it.
///
/// Blocks are the article's body blocks (`Article.blocks`, from 0). The header (headline,
/// standfirst and the reading-time line) is block ``header``, its parts counted one after the
/// other. In a pull quote, the attribution line (with its dash, as shown) follows the quote's
/// text. The reading position is one of these, not a line number, so a resize or another
/// terminal width keeps the same text on top.
public struct TextPosition: Hashable, Comparable, Sendable {
    public var block: Int
    public var offset: Int

    /// The article's header: headline, standfirst and the reading-time line.
    public static let header = -1
    /// The very top of an article.
    public static let top = TextPosition(block: header, offset: 0)

    public init(block: Int, offset: Int) {
        self.block = block
        self.offset = offset
    }

    public static func < (a: TextPosition, b: TextPosition) -> Bool {
        (a.block, a.offset) < (b.block, b.offset)
    }
}

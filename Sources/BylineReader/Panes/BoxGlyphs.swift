/// The line-drawing characters, in Unicode or plain ASCII.
public struct BoxGlyphs: Sendable {
    public let vertical: String
    public let horizontal: String
    public let topLeft, topRight, bottomLeft, bottomRight: String
    public let unreadMark: String
    /// An article that appeared while the reader was open.
    public let newMark: String
    /// An article whose file was deleted while it was selected.
    public let deletedMark: String
    public let currentMark: String
    public let thumb: String
    public let ellipsis: String
    /// Between items on one line ("492 words · 3 min read").
    public let separator: String

    public static let unicode = BoxGlyphs(vertical: "│", horizontal: "─", topLeft: "┌", topRight: "┐",
                                          bottomLeft: "└", bottomRight: "┘", unreadMark: "•", newMark: "+", deletedMark: "×", currentMark: "▶",
                                          thumb: "┃", ellipsis: "…", separator: " · ")
    public static let ascii = BoxGlyphs(vertical: "|", horizontal: "-", topLeft: "+", topRight: "+",
                                        bottomLeft: "+", bottomRight: "+", unreadMark: "*", newMark: "+", deletedMark: "x", currentMark: ">",
                                        thumb: "#", ellipsis: "...", separator: " - ")

    public static func forMode(ascii: Bool) -> BoxGlyphs { ascii ? .ascii : .unicode }
}

/// One terminal cell: a terminal-safe glyph and the role it is drawn in.
///
/// A wide glyph occupies its own cell (``width`` 2) and blanks the cell to its
/// right, which holds a continuation (``width`` 0, empty text).
public struct Cell: Equatable, Sendable {
    /// Base scalar plus combining marks; empty for a continuation cell.
    public var text: String
    /// 1 for a normal cell, 2 for the first cell of a wide glyph, 0 for its second cell.
    public var width: UInt8
    public var role: Role

    public init(text: String = " ", width: UInt8 = 1, role: Role = .base) {
        self.text = text
        self.width = width
        self.role = role
    }

    /// A blank cell in the given role.
    public static func blank(_ role: Role) -> Cell { Cell(text: " ", width: 1, role: role) }

    /// True for the right half of a wide glyph.
    public var isContinuation: Bool { width == 0 }
}

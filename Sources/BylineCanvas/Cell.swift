/// One terminal cell: a terminal-safe glyph and the role it is drawn in, as a plain value.
///
/// A wide glyph occupies its own cell (``width`` 2) and blanks the cell to its right, which
/// holds a continuation (``width`` 0, no glyph). A cell owns no storage and has no padding
/// bytes, so a row of cells copies and compares as plain memory (what the terminal's diff does).
public struct Cell: Equatable, Sendable {
    /// Base scalar plus combining marks; ``Glyph/none`` for a continuation cell.
    public var glyph: Glyph
    /// 1 for a normal cell, 2 for the first cell of a wide glyph, 0 for its second cell.
    public var width: UInt8
    public var role: Role
    /// Fills what would be padding, so equal cells are equal bytes.
    private var reserved: UInt16 = 0

    public init(glyph: Glyph, width: UInt8 = 1, role: Role = .base) {
        self.glyph = glyph
        self.width = width
        self.role = role
    }

    /// A cell showing `text`, which must be one terminal-safe glyph (its first scalar is the
    /// base, the rest its marks) or empty for a continuation.
    public init(text: String = " ", width: UInt8 = 1, role: Role = .base) {
        var glyph = Glyph.none
        for (k, scalar) in text.unicodeScalars.enumerated() {
            if k == 0 { glyph = Glyph(scalar) } else { glyph.append(mark: scalar) }
        }
        self.init(glyph: glyph, width: width, role: role)
    }

    /// A blank cell in the given role.
    public static func blank(_ role: Role) -> Cell { Cell(glyph: .space, width: 1, role: role) }

    /// The right half of a wide glyph.
    public static func continuation(_ role: Role) -> Cell { Cell(glyph: .none, width: 0, role: role) }

    /// Base scalar plus combining marks; empty for a continuation cell.
    public var text: String { glyph.text }

    /// True for the right half of a wide glyph.
    public var isContinuation: Bool { width == 0 }
}

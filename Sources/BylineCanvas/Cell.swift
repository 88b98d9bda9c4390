/// One terminal cell: a terminal-safe glyph and the role it is drawn in, as a plain value.
///
/// A wide glyph occupies its own cell (``width`` 2) and blanks the cell to its right, which
/// holds a continuation (``width`` 0, no glyph). A cell owns no storage and has no padding
/// bytes, so a row of cells copies and compares as plain memory (what the terminal's diff does).
///
/// It is packed into 16 bytes (a canvas, the terminal's screen image and the panes' row caches
/// hold tens of thousands of cells at a large terminal): a scalar value takes 21 bits, so the
/// base shares its word with the width and the role, and the four marks share three words.
public struct Cell: Equatable, Sendable {
    /// The base scalar (bits 0-20), the width (bits 21-22) and the role's ordinal (bits 23-27).
    private var head: UInt32
    /// The marks, 21 bits each: the first three in the low bits of these words, the fourth
    /// split over the high bits of the first two (11 bits, then 10).
    private var marksA: UInt32 = 0, marksB: UInt32 = 0, marksC: UInt32 = 0

    private static let scalarMask: UInt32 = 0x1F_FFFF
    private static let widthShift: UInt32 = 21, roleShift: UInt32 = 23
    /// The roles by ordinal, to read a role back.
    private static let roles = Role.allCases

    public init(glyph: Glyph, width: UInt8 = 1, role: Role = .base) {
        head = glyph.base | UInt32(width & 3) << Self.widthShift | UInt32(role.ordinal) << Self.roleShift
        if glyph.hasMarks {
            marksA = glyph.mark1 | (glyph.mark4 & 0x7FF) << 21
            marksB = glyph.mark2 | (glyph.mark4 >> 11) << 21
            marksC = glyph.mark3
        }
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

    /// Base scalar plus combining marks; ``Glyph/none`` for a continuation cell.
    public var glyph: Glyph {
        Glyph(base: head & Self.scalarMask, mark1: marksA & Self.scalarMask, mark2: marksB & Self.scalarMask,
              mark3: marksC, mark4: marksA >> 21 | (marksB >> 21) << 11)
    }

    /// 1 for a normal cell, 2 for the first cell of a wide glyph, 0 for its second cell (3 for
    /// any larger width given: a cell no canvas holds).
    public var width: UInt8 { UInt8(head >> Self.widthShift & 3) }

    public var role: Role {
        get { Self.roles[Int(head >> Self.roleShift & 0x1F)] }
        set { head = head & ~(0x1F << Self.roleShift) | UInt32(newValue.ordinal) << Self.roleShift }
    }

    /// Base scalar plus combining marks; empty for a continuation cell.
    public var text: String { glyph.text }

    /// True for the right half of a wide glyph.
    public var isContinuation: Bool { width == 0 }

    /// The base scalar (bits 0-20), the width (bits 21-22) and the role's ordinal (bits 23-27)
    /// in one word: with ``hasMarks`` false, the whole cell (what the terminal's screen image keeps).
    public var packedHead: UInt32 { head }

    /// Whether combining marks go with the base (the cell is more than its ``packedHead``).
    public var hasMarks: Bool { marksA != 0 }

    /// Puts `cells` in role `new`, glyphs and widths kept, when every one of them is in role
    /// `old`; else changes nothing and says false. (A row drawn in one role, drawn again in
    /// another, is these cells.)
    public static func recolour(_ cells: UnsafeMutableBufferPointer<Cell>, from old: Role, to new: Role) -> Bool {
        let mask: UInt32 = 0x1F << roleShift
        let from = UInt32(old.ordinal) << roleShift, change = from ^ UInt32(new.ordinal) << roleShift
        guard let base = cells.baseAddress else { return true }
        // One pass, each cell checked and changed; a cell in another role (rare) puts the
        // cells changed before it back.
        for i in 0..<cells.count {
            guard base[i].head & mask == from else {
                for j in 0..<i { base[j].head ^= change }
                return false
            }
            base[i].head ^= change
        }
        return true
    }
}

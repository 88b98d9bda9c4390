/// What one cell shows, as a plain value: a base scalar and up to four combining marks, as many
/// as a curses cell holds. It owns no storage, so a cell copies and compares as plain bytes.
///
/// Only terminal-safe glyphs are made (see ``TerminalGlyph``); ``none`` (no scalar at all) is
/// the right half of a wide glyph.
public struct Glyph: Hashable, Sendable {
    /// The base scalar's value; 0 for ``none``.
    public private(set) var base: UInt32
    /// Combining marks drawn over the base, in order; 0 where there is none.
    public private(set) var mark1: UInt32 = 0, mark2: UInt32 = 0, mark3: UInt32 = 0, mark4: UInt32 = 0

    /// Most marks a glyph keeps (ncurses keeps a spacing character and four marks per cell).
    public static let maxMarks = 4

    /// No glyph: the cell a wide glyph covers.
    public static let none = Glyph(value: 0)
    /// A space.
    public static let space = Glyph(value: 0x20)

    /// A glyph of one scalar.
    public init(_ scalar: Unicode.Scalar) { base = scalar.value }

    init(value: UInt32) { base = value }

    /// A glyph from its scalar values as a ``Cell`` keeps them (0 where there is no mark).
    init(base: UInt32, mark1: UInt32, mark2: UInt32, mark3: UInt32, mark4: UInt32) {
        self.base = base
        self.mark1 = mark1
        self.mark2 = mark2
        self.mark3 = mark3
        self.mark4 = mark4
    }

    /// The base scalar, or nil for ``none``.
    public var scalar: Unicode.Scalar? { base == 0 ? nil : Unicode.Scalar(base) }

    /// Whether combining marks go with the base.
    public var hasMarks: Bool { mark1 != 0 }

    /// Adds a combining mark; ignored once ``maxMarks`` are there.
    mutating func append(mark: Unicode.Scalar) {
        if mark1 == 0 { mark1 = mark.value } else if mark2 == 0 { mark2 = mark.value } else if mark3 == 0 {
            mark3 = mark.value
        } else if mark4 == 0 { mark4 = mark.value }
    }

    /// The base and its marks, in order (empty for ``none``).
    public var scalars: [Unicode.Scalar] {
        [base, mark1, mark2, mark3, mark4].prefix { $0 != 0 }.compactMap(Unicode.Scalar.init)
    }

    /// Calls `body` with each scalar value, the base first.
    public func forEachValue(_ body: (UInt32) -> Void) {
        guard base != 0 else { return }
        body(base)
        guard mark1 != 0 else { return }
        body(mark1)
        guard mark2 != 0 else { return }
        body(mark2)
        guard mark3 != 0 else { return }
        body(mark3)
        if mark4 != 0 { body(mark4) }
    }

    /// The glyph as text: its scalars in order ("" for ``none``).
    public var text: String {
        guard let scalar else { return "" }
        guard hasMarks else { return String(Character(scalar)) }
        var view = String.UnicodeScalarView()
        forEachValue { if let s = Unicode.Scalar($0) { view.append(s) } }
        return String(view)
    }
}

/// Display width of text in terminal cells.
///
/// Widths follow what terminals (via the C library's `wcwidth`) actually do:
/// East Asian wide and fullwidth characters and emoji with emoji presentation
/// take two cells, combining marks and other zero-width characters none,
/// everything else one. Measure the *terminal-safe* form of a grapheme
/// (``TerminalGlyph``) so the width matches what reaches the screen.
public enum DisplayWidth {
    /// Width of one Unicode scalar: 0, 1 or 2.
    @inlinable
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x300 { return (v < 0x20 || (v >= 0x7F && v < 0xA0)) ? 0 : 1 }
        if isZeroWidth(scalar) { return 0 }
        if isWide(v) { return 2 }
        if v >= 0x1F000 && scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// Width of a grapheme as it will be drawn (its terminal-safe form).
    public static func of(_ character: Character) -> Int {
        // ASCII is one cell; an ASCII control is drawn as a one-cell U+FFFD (see TerminalGlyph).
        if character.isASCII { return 1 }
        let scalars = character.unicodeScalars
        if scalars.count == 1, let only = scalars.first { return of(only) }
        var total = 0
        TerminalGlyph.forEachGlyph(of: character) { _, width in total += width }
        return total
    }

    /// Width of a string as the canvas will draw it.
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        width(of: text)
    }

    /// ``of(_:)-(StringProtocol)`` for a string: made for it here, where the generic one is not
    /// (another module's call goes through the protocol's witnesses for every step).
    public static func of(_ text: String) -> Int {
        width(of: text)
    }

    /// ``of(_:)-(StringProtocol)`` for a substring.
    public static func of(_ text: Substring) -> Int {
        width(of: text)
    }

    /// The body of the `of`s for text.
    @inline(__always)
    private static func width<S: StringProtocol>(of text: S) -> Int {
        let fast = text.utf8.withContiguousStorageIfAvailable { bytes in
            ofUTF8(bytes) { offset in text[text.utf8.index(text.utf8.startIndex, offsetBy: offset)] }
        }
        if let fast { return fast }
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// The longest prefix of `text` (whole graphemes) no wider than `width` cells.
    public static func prefix(of text: String, fitting width: Int) -> Substring {
        let end = text.utf8.withContiguousStorageIfAvailable { bytes -> Int in
            var used = 0, end = 0
            forEachCluster(bytes, character: { text[text.utf8.index(text.utf8.startIndex, offsetBy: $0)] }) { offset, length, w in
                guard used + w <= width else { return false }
                used += w
                end = offset + length
                return true
            }
            return end
        }
        if let end { return text[..<text.utf8.index(text.utf8.startIndex, offsetBy: end)] }
        var used = 0
        var index = text.startIndex
        while index < text.endIndex {
            let w = of(text[index])
            guard used + w <= width else { break }
            used += w
            index = text.index(after: index)
        }
        return text[..<index]
    }

    /// The width of UTF-8 text, a grapheme at a time as `of(_: Character)` measures it.
    static func ofUTF8(_ bytes: UnsafeBufferPointer<UInt8>, character: (Int) -> Character) -> Int {
        // ASCII is one cell a byte (CR LF one cell): counted in one loop, up to the first byte
        // that is not ASCII; the rest grapheme by grapheme.
        var total = 0
        var k = 0
        var previous: UInt8 = 0
        while k < bytes.count, bytes[k] < 0x80 {
            if !(bytes[k] == 0x0A && previous == 0x0D) { total += 1 }
            previous = bytes[k]
            k += 1
        }
        guard k < bytes.count else { return total }
        // The last ASCII byte may take a combining mark: measure from the grapheme it starts.
        if k > 0 {
            k -= 1
            total -= 1
            if k > 0, bytes[k] == 0x0A, bytes[k - 1] == 0x0D { k -= 1 }
        }
        // As `forEachCluster` goes, its body written in (a closure called for every grapheme
        // cost more than the grapheme's own measure).
        let n = bytes.count
        while k < n {
            let b = bytes[k]
            if b < 0x80 && (k + 1 == n || bytes[k + 1] < 0x80) {
                // ASCII is one cell a byte, except that CR LF is one grapheme (one cell).
                k += b == 0x0D && k + 1 < n && bytes[k + 1] == 0x0A ? 2 : 1
                total += 1
                continue
            }
            let (scalar, length) = SingleScalarCluster.decode(bytes, at: k)
            let next = k + length < n ? SingleScalarCluster.decode(bytes, at: k + length).scalar : nil
            if SingleScalarCluster.breaksAfter(scalar, next: next) {
                total += scalar < 0x80 ? 1 : of(Unicode.Scalar(scalar) ?? "\u{FFFD}")
                k += length
                continue
            }
            let cluster = character(k)
            total += of(cluster)
            k += cluster.utf8.count
        }
        return total
    }

    /// Calls `body` with each grapheme's UTF-8 offset, length and width (as `of(_: Character)`
    /// measures it) until it returns false: single-scalar clusters (see ``SingleScalarCluster``)
    /// straight from the bytes, others through `character(at:)` (the `Character` starting at a
    /// byte offset).
    static func forEachCluster(_ bytes: UnsafeBufferPointer<UInt8>, character: (Int) -> Character,
                               _ body: (_ offset: Int, _ length: Int, _ width: Int) -> Bool) {
        var k = 0
        let n = bytes.count
        while k < n {
            let b = bytes[k]
            if b < 0x80 && (k + 1 == n || bytes[k + 1] < 0x80) {
                // ASCII is one cell a byte, except that CR LF is one grapheme (one cell).
                let length = b == 0x0D && k + 1 < n && bytes[k + 1] == 0x0A ? 2 : 1
                guard body(k, length, 1) else { return }
                k += length
                continue
            }
            let (scalar, length) = SingleScalarCluster.decode(bytes, at: k)
            let next = k + length < n ? SingleScalarCluster.decode(bytes, at: k + length).scalar : nil
            if SingleScalarCluster.breaksAfter(scalar, next: next) {
                guard body(k, length, scalar < 0x80 ? 1 : of(Unicode.Scalar(scalar) ?? "\u{FFFD}")) else { return }
                k += length
                continue
            }
            let cluster = character(k)
            let clusterLength = cluster.utf8.count
            guard body(k, clusterLength, of(cluster)) else { return }
            k += clusterLength
        }
    }

    /// Combining marks, zero-width joiners and spaces, variation selectors, and similar.
    @usableFromInline
    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        switch v {
        case 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x206F, 0xFE00...0xFE0F, 0xFEFF,
             0x1F3FB...0x1F3FF, 0xE0000...0xE0FFF:
            return true
        // Letters and punctuation common in news text (dashes, curly quotes, ellipses; Latin
        // for Vietnamese; CJK ideographs, Hangul syllables, kana), none a mark or a format
        // character: answered without looking their category up (about 300 instructions).
        case 0x2010...0x2027, 0x2030...0x205E, 0x1E00...0x1EFF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0x3041...0x3096, 0x30A1...0x30FA:
            return false
        default:
            break
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format:
            return true
        default:
            return false
        }
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges, compacted.
    @usableFromInline
    static func isWide(_ v: UInt32) -> Bool {
        if v < 0x1100 { return false }
        if v <= 0x115F { return true }
        if v < 0x2329 { return v == 0x231A || v == 0x231B }
        if v < 0x2E80 { return isWideSymbol(v) }
        if v <= 0xA4CF { return v != 0x303F && !(0x4DC0...0x4DFF).contains(v) }
        if v >= 0xA960 && v <= 0xA97F { return true }
        if v >= 0xAC00 && v <= 0xD7A3 { return true }
        if v >= 0xF900 && v <= 0xFAFF { return true }
        if v >= 0xFE10 && v <= 0xFE19 { return true }
        if v >= 0xFE30 && v <= 0xFE6F { return true }
        if v >= 0xFF00 && v <= 0xFF60 { return true }
        if v >= 0xFFE0 && v <= 0xFFE6 { return true }
        if v >= 0x16FE0 && v <= 0x18CFF { return true }
        if v >= 0x1B000 && v <= 0x1B2FF { return true }
        if v >= 0x1F200 && v <= 0x1F202 { return true }
        if v >= 0x1F210 && v <= 0x1F23B { return true }
        if v >= 0x1F240 && v <= 0x1F248 { return true }
        if v >= 0x1F250 && v <= 0x1F251 { return true }
        if v >= 0x20000 && v <= 0x3FFFD { return true }
        return false
    }

    /// Wide symbols between U+2329 and U+2E7F (mostly emoji-presentation symbols).
    @usableFromInline
    static func isWideSymbol(_ v: UInt32) -> Bool {
        switch v {
        case 0x2329, 0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3, 0x25FD, 0x25FE, 0x2614, 0x2615,
             0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA, 0x26AB, 0x26BD, 0x26BE, 0x26C4, 0x26C5,
             0x26CE, 0x26D4, 0x26EA, 0x26F2, 0x26F3, 0x26F5, 0x26FA, 0x26FD, 0x2705, 0x270A, 0x270B,
             0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797, 0x27B0, 0x27BF,
             0x2B1B, 0x2B1C, 0x2B50, 0x2B55:
            return true
        default:
            return false
        }
    }
}

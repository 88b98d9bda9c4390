/// A cheap, conservative test of whether a Unicode scalar is a grapheme cluster on its own,
/// from it and the scalar after it, so the canvas can draw most text without breaking it into
/// `Character`s.
///
/// "Yes" is said only where the grapheme rules (UAX #29) surely break between the two scalars:
/// the next one is below U+0300 (no scalar there extends a cluster or joins with one before
/// it) or lies in a block of letters, punctuation, symbols or emoji that neither extends a
/// cluster nor joins one (Hangul syllables only when the scalar before is no leading jamo);
/// and the scalar itself neither joins what follows (a prepended sign, a zero-width joiner)
/// nor is CR before LF. Everything else gets "don't know", and the caller takes the whole
/// `Character`: the answer only chooses the fast path, never what is drawn.
enum SingleScalarCluster {
    /// Whether the grapheme rules surely break between `scalar` (at the start of a cluster)
    /// and `next` (nil at the end of the text).
    static func breaksAfter(_ scalar: UInt32, next: UInt32?) -> Bool {
        guard let next else { return true }
        if next < 0x300 { return !(scalar == 0x0D && next == 0x0A) && !mayJoinNext(scalar) }
        guard !mayJoinNext(scalar), isOther(next) else { return false }
        // A leading jamo joins the Hangul syllable after it.
        if next >= 0xAC00 && next <= 0xD7A3 { return !isLeadingJamo(scalar) }
        return true
    }

    /// Scalars that may join the scalar after them: prepended signs (Arabic number signs, some
    /// Brahmic scripts' signs) and the zero-width joiner.
    private static func mayJoinNext(_ v: UInt32) -> Bool {
        if v < 0x600 { return false }
        switch v {
        case 0x600...0x605, 0x6DD, 0x70F, 0x890...0x891, 0x8E2, 0xD4E, 0x200D, 0x11000...0x11FFF: return true
        default: return false
        }
    }

    private static func isLeadingJamo(_ v: UInt32) -> Bool {
        (0x1100...0x115F).contains(v) || (0xA960...0xA97C).contains(v)
    }

    /// Blocks whose every scalar has grapheme break property Other (or is a Hangul syllable).
    private static func isOther(_ v: UInt32) -> Bool {
        switch v {
        case 0x370...0x482,                      // Greek, Cyrillic letters (not its combining marks)
             0x2010...0x2027, 0x2030...0x205E,   // dashes, quotation marks, ellipsis, primes
             0x20A0...0x20C0,                    // currency signs
             0x2100...0x2BFF,                    // letterlike, arrows, maths, box drawing, shapes, dingbats
             0x3000...0x3029, 0x3030...0x303F,   // CJK punctuation (not the tone marks)
             0x3041...0x3096, 0x309B...0x30FF,   // kana (not the combining voicing marks)
             0x3400...0x4DBF, 0x4E00...0x9FFF,   // CJK ideographs
             0xAC00...0xD7A3,                    // Hangul syllables
             0xFF01...0xFF9D,                    // fullwidth forms (not the halfwidth voicing marks)
             0x1F300...0x1F3FA, 0x1F400...0x1F64F, 0x1F680...0x1F6FF, 0x1F900...0x1F9FF:  // emoji, not modifiers
            return true
        default:
            return false
        }
    }

    /// The scalar whose UTF-8 starts at `k`, and its length in bytes (text from a `String` is
    /// valid UTF-8).
    static func decode(_ b: UnsafeBufferPointer<UInt8>, at k: Int) -> (scalar: UInt32, length: Int) {
        let lead = b[k]
        if lead < 0x80 { return (UInt32(lead), 1) }
        if lead < 0xE0 { return (UInt32(lead & 0x1F) << 6 | UInt32(b[k + 1] & 0x3F), 2) }
        if lead < 0xF0 { return (UInt32(lead & 0x0F) << 12 | UInt32(b[k + 1] & 0x3F) << 6 | UInt32(b[k + 2] & 0x3F), 3) }
        return (UInt32(lead & 0x07) << 18 | UInt32(b[k + 1] & 0x3F) << 12 | UInt32(b[k + 2] & 0x3F) << 6 | UInt32(b[k + 3] & 0x3F), 4)
    }
}

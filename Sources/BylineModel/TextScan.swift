/// Small character-class helpers shared by the parser and the quote finder.
enum TextScan {
    /// Whitespace, with an ASCII fast path (the Unicode property lookup is slow, and most
    /// text is ASCII).
    @inline(__always)
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        return isWideSpace(v)
    }

    /// `byte` in lower case when it is an ASCII capital, else as it is.
    @inline(__always)
    static func asciiLowered(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

    /// Whether `bytes` hold `lowered` (lower-case bytes) from `offset` on, ASCII case ignored.
    /// Index loops: zipping a suffix with the needle cost 1.4 M instructions on first use.
    @inline(__always)
    static func holdsIgnoringASCIICase(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, _ lowered: [UInt8]) -> Bool {
        guard offset >= 0, offset + lowered.count <= bytes.count else { return false }
        var k = 0
        while k < lowered.count {
            if asciiLowered(bytes[offset + k]) != lowered[k] { return false }
            k += 1
        }
        return true
    }

    /// The scalars above ASCII with Unicode's White_Space property (`properties.isWhitespace`,
    /// a fixed list: a test checks every scalar), without the property lookup.
    @inline(__always)
    static func isWideSpace(_ v: UInt32) -> Bool {
        switch v {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// `Character.isWhitespace` with an ASCII fast path, for `split(whereSeparator:)`.
    @inline(__always)
    static func isSpace(_ c: Character) -> Bool {
        if let ascii = c.asciiValue { return ascii == 0x20 || (ascii >= 0x09 && ascii <= 0x0D) }
        return c.isWhitespace
    }

    /// The lines of `text`, split at `\n`, found by bytes rather than by grapheme clusters. For
    /// sanitised text (no carriage return, so no `\r\n` cluster) this is exactly
    /// `split(separator: "\n", omittingEmptySubsequences: false)`: a line feed is then always a
    /// character of its own.
    static func lines(_ text: String) -> [Substring] {
        var copy = text
        let breaks = copy.withUTF8 { b in b.indices.filter { b[$0] == 0x0A } }
        var result: [Substring] = []
        result.reserveCapacity(breaks.count + 1)
        let utf8 = text.utf8
        var start = utf8.startIndex
        for offset in breaks {
            let end = utf8.index(utf8.startIndex, offsetBy: offset)
            result.append(text[start..<end])
            start = utf8.index(after: end)
        }
        result.append(text[start..<utf8.endIndex])
        return result
    }

    /// Whether the UTF-8 of `s` holds `byte`: eight bytes at a time (a byte equal to `byte` is
    /// a zero byte of their XOR with it in every lane), the rest one by one.
    static func contains(_ s: String, byte: UInt8) -> Bool {
        var copy = s
        return copy.withUTF8 { b in contains(b, byte: byte) }
    }

    /// ``contains(_:byte:)`` on UTF-8 bytes.
    static func contains(_ b: UnsafeBufferPointer<UInt8>, byte: UInt8) -> Bool {
        let n = b.count
        let raw = UnsafeRawBufferPointer(b)
        let pattern = 0x0101_0101_0101_0101 &* UInt64(byte)
        var i = 0
        while i + 8 <= n {
            let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ pattern
            if (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0 { return true }
            i += 8
        }
        while i < n {
            if b[i] == byte { return true }
            i += 1
        }
        return false
    }

    /// `s.hasSuffix(suffix)`, from the bytes when `suffix` is made of ASCII other than CR and of
    /// general punctuation from U+2010 to U+2027 (dashes, quote marks, the ellipsis). Characters
    /// and bytes then agree: the suffix's bytes at the end of `s` are its characters when a
    /// character starts there, which it does after ASCII other than CR (no such scalar extends
    /// or joins the one before it, nor the one after); and of them only `K`, `;` and `` ` ``
    /// have other spellings (KELVIN SIGN, GREEK QUESTION MARK, GREEK VARIA), so without them
    /// other bytes mean another text. Anything else is left to `String`.
    static func hasSuffix(_ s: String, _ suffix: String) -> Bool {
        let fast = s.utf8.withContiguousStorageIfAvailable { b in
            suffix.utf8.withContiguousStorageIfAvailable { e -> Bool? in
                let m = e.count, n = b.count
                var plain = true
                var k = 0
                while k < m {
                    let c = e[k]
                    if c == 0xE2, k + 2 < m, e[k + 1] == 0x80, e[k + 2] >= 0x90, e[k + 2] <= 0xA7 { k += 3; continue }
                    if c >= 0x80 || c == 0x0D || c == 0x4B || c == 0x3B || c == 0x60 { plain = false }
                    k += 1
                }
                guard plain else { return nil }
                guard m <= n else { return false }
                for k in 0..<m where b[n - m + k] != e[k] { return false }
                guard m < n else { return true }
                let before = b[n - m - 1]
                return before < 0x80 && before != 0x0D ? true : nil
            } ?? nil
        } ?? nil
        return fast ?? s.hasSuffix(suffix)
    }

    /// `s.hasPrefix(prefix)`, from the bytes when `prefix` is ASCII without CR, `K`, `;` or
    /// `` ` `` and the byte after it in `s` (if any) is ASCII, so no mark joins its last
    /// character (see `hasSuffix`); anything else is left to `String`.
    static func hasPrefix(_ s: String, _ prefix: String) -> Bool {
        let fast = s.utf8.withContiguousStorageIfAvailable { b in
            prefix.utf8.withContiguousStorageIfAvailable { p -> Bool? in
                let m = p.count
                for c in p where c >= 0x80 || c == 0x0D || c == 0x4B || c == 0x3B || c == 0x60 { return nil }
                guard m <= b.count else { return false }
                for k in 0..<m where b[k] != p[k] { return false }
                return m == b.count || b[m] < 0x80 ? true : nil
            } ?? nil
        } ?? nil
        return fast ?? s.hasPrefix(prefix)
    }

    /// `s.lowercased()` (each scalar's full lower-case mapping, as `String` does it), scalar by
    /// scalar through ``lowerScalar(_:)`` where it knows the answer; any other text as `String`
    /// does it.
    static func lowercased(_ s: String) -> String {
        let fast = s.utf8.withContiguousStorageIfAvailable { b -> String? in
            var changed = false
            for c in b where c >= 0x41 { changed = true; break }
            guard changed else { return s }  // no letter: nothing to lower
            var failed = false
            let lower = String(unsafeUninitializedCapacity: b.count * 2) { out in
                var i = 0, n = 0
                while i < b.count {
                    let c = b[i]
                    if c < 0x80 {
                        out[n] = c >= 0x41 && c <= 0x5A ? c | 0x20 : c
                        i += 1
                        n += 1
                        continue
                    }
                    let length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2
                    var v = UInt32(c) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                    for k in 1..<length { v = v << 6 | UInt32(b[i + k] & 0x3F) }
                    guard let l = lowerScalar(v), let scalar = Unicode.Scalar(l) else { failed = true; return 0 }
                    for byte in UTF8.encode(scalar)! { out[n] = byte; n += 1 }
                    i += length
                }
                return n
            }
            return failed ? nil : lower
        }
        if let fast, let lower = fast { return lower }
        return s.lowercased()
    }

    /// The lower case of scalar `v` when it is one scalar and known without a property lookup:
    /// from a table below U+0530 (Latin, Greek, Cyrillic; made on first use), and `v` itself for
    /// the caseless kana, Han and Hangul; nil elsewhere or when the mapping is longer (`İ`).
    @inline(__always)
    static func lowerScalar(_ v: UInt32) -> UInt32? {
        if v < 0x530 {
            let l = lowerTable[Int(v)]
            return l == 0 ? nil : l
        }
        switch v {
        case 0x3041...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3: return v
        default: return nil
        }
    }

    /// Per scalar below U+0530, its lower-case mapping when that is one scalar, else 0: the
    /// scalar itself but where `lowerRuns` says otherwise. (Asking every scalar's
    /// `lowercaseMapping` cost 0.9 M instructions at the first parse.)
    static let lowerTable: [UInt32] = {
        var table = [UInt32](unsafeUninitializedCapacity: 0x530) { b, n in
            for v in 0..<0x530 { b[v] = UInt32(v) }
            n = 0x530
        }
        var r = 0
        while r < lowerRuns.count {
            let start = Int(lowerRuns[r]), count = Int(lowerRuns[r + 1]), step = Int(lowerRuns[r + 2]), delta = Int(lowerRuns[r + 3])
            for k in 0..<count {
                let v = start + k * step
                table[v] = delta == 0 ? 0 : UInt32(v + delta)
            }
            r += 4
        }
        return table
    }()

    /// The scalars below U+0530 whose lower case is another scalar (or several: delta 0), as
    /// runs of four numbers: first scalar, count, step between them, delta to the lower case.
    /// Made from `Unicode.Scalar.Properties.lowercaseMapping`; a test holds the table to it.
    private static let lowerRuns: [Int32] = [
        0x41, 26, 1, 32, 0xC0, 23, 1, 32, 0xD8, 7, 1, 32, 0x100, 24, 2, 1, 0x130, 1, 1, 0,
        0x132, 3, 2, 1, 0x139, 8, 2, 1, 0x14A, 23, 2, 1, 0x178, 1, 1, -121, 0x179, 3, 2, 1,
        0x181, 1, 1, 210, 0x182, 2, 2, 1, 0x186, 1, 1, 206, 0x187, 1, 1, 1, 0x189, 2, 1, 205,
        0x18B, 1, 1, 1, 0x18E, 1, 1, 79, 0x18F, 1, 1, 202, 0x190, 1, 1, 203, 0x191, 1, 1, 1,
        0x193, 1, 1, 205, 0x194, 1, 1, 207, 0x196, 1, 1, 211, 0x197, 1, 1, 209, 0x198, 1, 1, 1,
        0x19C, 1, 1, 211, 0x19D, 1, 1, 213, 0x19F, 1, 1, 214, 0x1A0, 3, 2, 1, 0x1A6, 1, 1, 218,
        0x1A7, 1, 1, 1, 0x1A9, 1, 1, 218, 0x1AC, 1, 1, 1, 0x1AE, 1, 1, 218, 0x1AF, 1, 1, 1,
        0x1B1, 2, 1, 217, 0x1B3, 2, 2, 1, 0x1B7, 1, 1, 219, 0x1B8, 2, 4, 1, 0x1C4, 1, 1, 2,
        0x1C5, 1, 1, 1, 0x1C7, 1, 1, 2, 0x1C8, 1, 1, 1, 0x1CA, 1, 1, 2, 0x1CB, 9, 2, 1, 0x1DE, 9, 2, 1,
        0x1F1, 1, 1, 2, 0x1F2, 2, 2, 1, 0x1F6, 1, 1, -97, 0x1F7, 1, 1, -56, 0x1F8, 20, 2, 1,
        0x220, 1, 1, -130, 0x222, 9, 2, 1, 0x23A, 1, 1, 10795, 0x23B, 1, 1, 1, 0x23D, 1, 1, -163,
        0x23E, 1, 1, 10792, 0x241, 1, 1, 1, 0x243, 1, 1, -195, 0x244, 1, 1, 69, 0x245, 1, 1, 71,
        0x246, 5, 2, 1, 0x370, 2, 2, 1, 0x376, 1, 1, 1, 0x37F, 1, 1, 116, 0x386, 1, 1, 38,
        0x388, 3, 1, 37, 0x38C, 1, 1, 64, 0x38E, 2, 1, 63, 0x391, 17, 1, 32, 0x3A3, 9, 1, 32,
        0x3CF, 1, 1, 8, 0x3D8, 12, 2, 1, 0x3F4, 1, 1, -60, 0x3F7, 1, 1, 1, 0x3F9, 1, 1, -7,
        0x3FA, 1, 1, 1, 0x3FD, 3, 1, -130, 0x400, 16, 1, 80, 0x410, 32, 1, 32, 0x460, 17, 2, 1,
        0x48A, 27, 2, 1, 0x4C0, 1, 1, 15, 0x4C1, 7, 2, 1, 0x4D0, 48, 2, 1,
    ]

    /// `s.unicodeScalars.count`, counted on the UTF-8 bytes (every byte but a continuation byte
    /// starts a scalar).
    static func scalarCount<S: StringProtocol>(_ s: S) -> Int {
        s.utf8.withContiguousStorageIfAvailable { b in b.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } } ?? s.unicodeScalars.count
    }

    /// `Array(s.unicodeScalars)`, decoded from the UTF-8 bytes in one loop.
    static func scalars(_ s: String) -> [Unicode.Scalar] {
        var copy = s
        return copy.withUTF8 { b in
            [Unicode.Scalar](unsafeUninitializedCapacity: b.count) { out, count in
                var i = 0, n = 0
                let end = b.count
                while i < end {
                    let lead = b[i]
                    var v: UInt32
                    if lead < 0x80 {
                        out[n] = Unicode.Scalar(lead)
                        n += 1
                        i += 1
                        continue
                    } else if lead < 0xE0 {
                        v = UInt32(lead & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)
                        i += 2
                    } else if lead < 0xF0 {
                        v = UInt32(lead & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
                        i += 3
                    } else {
                        v = UInt32(lead & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F)
                        i += 4
                    }
                    out[n] = Unicode.Scalar(v) ?? "\u{FFFD}"
                    n += 1
                }
                count = n
            }
        }
    }

    /// Whether `s` is all ASCII.
    static func isASCII(_ s: String) -> Bool {
        var copy = s
        return copy.withUTF8 { b in b.allSatisfy { $0 < 0x80 } }
    }

    /// `s.count` (characters), from the bytes when `s` is ASCII (CR LF is one character).
    static func characterCount(_ s: String) -> Int {
        var copy = s
        let ascii = copy.withUTF8 { b -> Int? in
            var n = 0
            var previous: UInt8 = 0
            for c in b {
                if c >= 0x80 { return nil }
                if !(c == 0x0A && previous == 0x0D) { n += 1 }
                previous = c
            }
            return n
        }
        return ascii ?? s.count
    }

    /// Lower-case needles looked for together, in one pass over a text, ignoring ASCII case; in
    /// groups, so one pass can answer for several lists.
    struct Needles: Sendable {
        /// The needles of two bytes or more, back to back, sorted by their first two bytes, and
        /// where each one starts.
        private let bytes: [UInt8]
        private let starts: [Int]
        /// Per needle (in the same order), the bit of its group.
        private let groupBits: [UInt32]
        /// The pairs of first bytes that open a needle, and the needles (in `starts`) each opens.
        private let pairs: [Int]
        private let pairNeedles: [Range<Int>]
        /// Open addressing over `pairs`: an index into it, or -1.
        private let slots: [Int32]
        private let slotShift: Int
        /// Per byte, the groups of the one-byte needles that are that byte.
        private let single: [UInt32]
        /// A bit per (first byte, second byte) pair that opens a needle (65,536 bits), then one
        /// per byte that is a whole needle (256): most positions of a text are ruled out by one
        /// bit test.
        private let bits: [UInt64]
        /// A bit per hashed (first, second, third byte) that opens a needle: most pairs that pass
        /// `bits` (`re`, `co`, `st` open needles) are then ruled out without a slot probe. A
        /// needle of two bytes sets the bit of every third byte (and is checked in full at the
        /// text's end).
        private let triples: [UInt64]
        /// A bit per pair of bytes as they stand in a text (any case) that `bits` lets through:
        /// the pair opens a needle, or its first byte is one. One test rules out most positions.
        private let rawPairs: [UInt64]
        /// The gram filter, for needles of four bytes or more: per hashed four bytes (see
        /// ``gram(_:)``), a bit `1 << t` for each needle holding those bytes at
        /// offset `t`. Each needle puts in two grams, at `t` and `t + 1`, so one of them stands
        /// at an even place of any text holding the needle. Empty when not used.
        private let gramMasks: [UInt8]
        /// The bytes (both cases of a letter) that open a needle of fewer than four bytes, each
        /// in every byte of a word: a text holding none of them holds no such needle, so the
        /// gram filter answers for it. Two (one repeated, or NUL when there are none).
        private let escapes: [UInt64]

        /// One group of needles.
        init(_ words: [String]) { self.init(groups: [words]) }

        /// Groups of needles: group `k` answers with bit `1 << k`.
        init(groups: [[String]]) {
            let all = groups.enumerated().flatMap { k, words in words.map { (Array($0.utf8), UInt32(1) << UInt32(k)) } }
            var single = [UInt32](repeating: 0, count: 256)
            var bits = [UInt64](repeating: 0, count: 1024 + 4)
            for (n, group) in all where n.count == 1 {
                single[Int(n[0])] |= group
                bits[(65536 + Int(n[0])) >> 6] |= 1 << UInt64((65536 + Int(n[0])) & 63)
            }
            let sorted = all.filter { $0.0.count >= 2 }.sorted { Int($0.0[0]) << 8 | Int($0.0[1]) < Int($1.0[0]) << 8 | Int($1.0[1]) }
            bytes = sorted.flatMap { $0.0 }
            groupBits = sorted.map { $0.1 }
            var starts = [0]
            for n in sorted { starts.append(starts.last! + n.0.count) }
            self.starts = starts
            var pairs: [Int] = []
            var pairNeedles: [Range<Int>] = []
            for (k, (n, _)) in sorted.enumerated() {
                let key = Int(n[0]) << 8 | Int(n[1])
                bits[key >> 6] |= 1 << UInt64(key & 63)
                if pairs.last == key {
                    pairNeedles[pairNeedles.count - 1] = pairNeedles[pairNeedles.count - 1].lowerBound..<(k + 1)
                } else {
                    pairs.append(key)
                    pairNeedles.append(k..<(k + 1))
                }
            }
            var triples = [UInt64](repeating: 0, count: 1 << (Self.tripleBits - 6))
            for (n, _) in sorted {
                let key = Int(n[0]) << 8 | Int(n[1])
                for third in n.count >= 3 ? Int(n[2])...Int(n[2]) : 0...255 {
                    let t = Self.triple(key, third)
                    triples[t >> 6] |= 1 << UInt64(t & 63)
                }
            }
            self.triples = triples
            var slotBits = 4
            while 1 << slotBits < pairs.count * 4 { slotBits += 1 }
            var slots = [Int32](repeating: -1, count: 1 << slotBits)
            for (k, key) in pairs.enumerated() {
                var slot = Self.slot(key, shift: 32 - slotBits)
                while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
                slots[slot] = Int32(k)
            }
            self.pairs = pairs
            self.pairNeedles = pairNeedles
            self.slots = slots
            self.slotShift = 32 - slotBits
            self.single = single
            self.bits = bits
            // A needle's bytes stand for themselves and, a lower-case letter, for its capital too
            // (the bytes `lowered` maps to it); a capital in a needle matches nothing.
            @inline(__always) func cases(_ c: Int) -> (Int, Int?) {
                if c >= 0x41 && c <= 0x5A { return (-1, nil) }
                return (c, c >= 0x61 && c <= 0x7A ? c - 0x20 : nil)
            }
            var rawPairs = [UInt64](repeating: 0, count: 1024)
            for key in pairs {
                let (a1, a2) = cases(key >> 8), (b1, b2) = cases(key & 255)
                for a in [a1, a2 ?? -1] where a >= 0 {
                    for b in [b1, b2 ?? -1] where b >= 0 { rawPairs[(a << 8 | b) >> 6] |= 1 << UInt64(b & 63) }
                }
            }
            for c in 0..<256 where single[c] != 0 {
                let (a1, a2) = cases(c)
                for a in [a1, a2 ?? -1] where a >= 0 {
                    for w in 0..<4 { rawPairs[(a << 8) >> 6 + w] = ~0 }
                }
            }
            self.rawPairs = rawPairs
            (gramMasks, escapes) = Self.gramFilter(all)
        }

        /// Bits of the gram filter's hash (16,384 entries of one byte).
        private static let gramBits = 14

        /// The hash of four bytes (`x`, little-endian), each with bit 5 (0x20) cleared, so ASCII
        /// case folds.
        @inline(__always)
        static func gram(_ x: UInt32) -> Int {
            Int(((x & 0xDFDF_DFDF) &* 0x9E37_79B1) >> UInt32(32 - gramBits))
        }

        /// The gram filter and its escapes for `needles` (lower case), or nothing when more than
        /// two bytes open short needles. Each needle's two grams are the neighbours least likely
        /// in prose (by English letter frequencies, each byte taken alone), to let few places
        /// of a text through. A needle's second gram may run one byte past its end: then it
        /// goes in with every byte there.
        static func gramFilter(_ needles: [([UInt8], UInt32)]) -> (masks: [UInt8], escapes: [UInt64]) {
            var escapeBytes: [UInt8] = []
            for (n, _) in needles where n.count < 4 {
                for c in n[0] >= 0x61 && n[0] <= 0x7A ? [n[0], n[0] - 0x20] : [n[0]] where !escapeBytes.contains(c) {
                    escapeBytes.append(c)
                }
            }
            guard escapeBytes.count <= 2, needles.contains(where: { $0.0.count >= 4 }) else { return ([], []) }
            var masks = [UInt8](repeating: 0, count: 1 << gramBits)
            func likelihood(_ g: ArraySlice<UInt8>) -> Double {
                g.reduce(1.0) { $0 * letterFrequency[Int($1)] } * (g.count < 4 ? 20 : 1)
            }
            for (n, _) in needles where n.count >= 4 {
                // Offsets t and t + 1, t + 1 at most 7 (a bit of the mask each).
                let best = (0...min(n.count - 4, 6)).min { a, b in
                    likelihood(n[a..<(a + 4)]) + likelihood(n[(a + 1)..<min(a + 5, n.count)])
                        < likelihood(n[b..<(b + 4)]) + likelihood(n[(b + 1)..<min(b + 5, n.count)])
                }!
                for t in best...(best + 1) {
                    let known = UInt32(n[t]) | UInt32(n[t + 1]) << 8 | UInt32(n[t + 2]) << 16
                    for last in t + 3 < n.count ? UInt32(n[t + 3])...UInt32(n[t + 3]) : 0...255 {
                        masks[gram(known | last << 24)] |= 1 << UInt8(t)
                    }
                }
            }
            // No escape: NUL stands in (a text holding one goes to the full scan, which is exact).
            let escapes = (0..<2).map { k in 0x0101_0101_0101_0101 &* UInt64(k < escapeBytes.count ? escapeBytes[k] : escapeBytes.first ?? 0) }
            return (masks, escapes)
        }

        /// Roughly how often each byte stands in English prose, in per cent (a letter in either
        /// case; 0.5 for any byte not listed).
        private static let letterFrequency: [Double] = {
            let listed: [(String, Double)] = [
                (" ", 18), ("e", 12.7), ("t", 9.1), ("a", 8.2), ("o", 7.5), ("i", 7.0), ("n", 6.7), ("s", 6.3), ("h", 6.1),
                ("r", 6.0), ("d", 4.3), ("l", 4.0), ("c", 2.8), ("u", 2.8), ("m", 2.4), ("w", 2.4), ("f", 2.2), ("g", 2.0),
                ("y", 2.0), ("p", 1.9), ("b", 1.5), ("v", 1.0), ("k", 0.8), ("j", 0.15), ("x", 0.15), ("q", 0.1), ("z", 0.07),
            ]
            var table = [Double](repeating: 0.5, count: 256)
            for (c, f) in listed {
                let b = Int(c.utf8.first!)
                table[b] = f
                if b >= 0x61 && b <= 0x7A { table[b - 0x20] = f }
            }
            return table
        }()

        /// `groups(in:wanted:)` through the gram filter, or nil when `buffer` holds an escape
        /// (then only the full scan answers). Six bytes a step (``nextGramStep``); a needle is
        /// tried only where a gram of it would start it.
        @inline(never)
        private func gramGroups(in buffer: UnsafeBufferPointer<UInt8>, wanted: UInt32) -> UInt32? {
            gramMasks.withUnsafeBufferPointer { masks -> UInt32? in
                let count = buffer.count
                guard let base = buffer.baseAddress else { return 0 }
                let raw = UnsafeRawPointer(base)
                let table = masks.baseAddress!
                let e0 = escapes[0], e1 = escapes[1]
                var found: UInt32 = 0
                // Tries the needles a gram mask `m` at place `i` points back to; true once every
                // wanted group is found.
                func tryAt(_ i: Int, _ m: UInt8) -> Bool {
                    var m = m
                    while m != 0 {
                        let t = m.trailingZeroBitCount
                        m &= m &- 1
                        if i >= t {
                            found |= needlesAt(i &- t, in: buffer, wanted: wanted & ~found)
                            if wanted & ~found == 0 { return true }
                        }
                    }
                    return false
                }
                var i = 0
                while true {
                    i = Self.nextGramStep(raw, count: count, from: i, table: table, e0, e1)
                    if i < 0 { return nil }
                    guard i &+ 8 <= count else { break }
                    let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    if tryAt(i, table[Self.gram(UInt32(truncatingIfNeeded: w))])
                        || tryAt(i &+ 2, table[Self.gram(UInt32(truncatingIfNeeded: w &>> 16))])
                        || tryAt(i &+ 4, table[Self.gram(UInt32(truncatingIfNeeded: w &>> 32))]) {
                        return found & wanted
                    }
                    i &+= 6
                }
                // The last bytes one at a time.
                let ones: UInt64 = 0x0101_0101_0101_0101
                for k in i..<count {
                    let c = UInt64(buffer[k]) &* ones
                    if c == e0 || c == e1 { return nil }
                }
                // A needle's second gram may run one byte past the text's end: NUL stands there
                // (its gram went in with every byte).
                while i &+ 2 < count {
                    let x = UInt32(buffer[i]) | UInt32(buffer[i &+ 1]) << 8 | UInt32(buffer[i &+ 2]) << 16
                        | (i &+ 3 < count ? UInt32(buffer[i &+ 3]) << 24 : 0)
                    if tryAt(i, table[Self.gram(x)]) { return found & wanted }
                    i &+= 2
                }
                return found & wanted
            }
        }

        /// From place `start` (even), six bytes a step while eight can be read: the place of the
        /// first step whose six bytes hold an escape (`e0`, `e1`: a byte in every byte of a word),
        /// as `-1`, or whose three even places have a gram with a mask (the last one's gram
        /// reads the step's last two bytes and the next two); else the place after the last step.
        @inline(__always)
        private static func nextGramStep(_ raw: UnsafeRawPointer, count: Int, from start: Int, table: UnsafePointer<UInt8>,
                                         _ e0: UInt64, _ e1: UInt64) -> Int {
            let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
            // The top two bytes of a word are the next step's: never a zero byte here.
            let top: UInt64 = 0xFFFF_0000_0000_0000
            var i = start
            while i &+ 8 <= count {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let x0 = w ^ e0 | top, x1 = w ^ e1 | top
                if ((x0 &- ones) & ~x0 | (x1 &- ones) & ~x1) & high != 0 { return -1 }
                let m = table[gram(UInt32(truncatingIfNeeded: w))] | table[gram(UInt32(truncatingIfNeeded: w &>> 16))]
                    | table[gram(UInt32(truncatingIfNeeded: w &>> 32))]
                if m != 0 { return i }
                i &+= 6
            }
            return i
        }

        /// The groups among `wanted` of the needles of two bytes or more that start at `i`.
        private func needlesAt(_ i: Int, in buffer: UnsafeBufferPointer<UInt8>, wanted: UInt32) -> UInt32 {
            let count = buffer.count
            guard i + 1 < count else { return 0 }
            let lower = Self.lowered
            let key = Int(lower[Int(buffer[i])]) << 8 | Int(lower[Int(buffer[i + 1])])
            guard bits[key >> 6] & (1 << UInt64(key & 63)) != 0 else { return 0 }
            var slot = Self.slot(key, shift: slotShift)
            let mask = slots.count - 1
            while pairs[Int(slots[slot])] != key { slot = (slot + 1) & mask }
            var found: UInt32 = 0
            for k in pairNeedles[Int(slots[slot])] where groupBits[k] & wanted & ~found != 0 {
                let lo = starts[k], m = starts[k + 1] - lo
                guard i + m <= count else { continue }
                var j = 2
                while j < m && lower[Int(buffer[i + j])] == bytes[lo + j] { j += 1 }
                if j == m { found |= groupBits[k] }
            }
            return found & wanted
        }

        @inline(__always)
        private static func slot(_ key: Int, shift: Int) -> Int { Int((UInt32(truncatingIfNeeded: key) &* 0x9E37_79B1) >> UInt32(shift)) }

        /// Bits of the `triples` filter (16,384: 2 KB).
        private static let tripleBits = 14

        @inline(__always)
        private static func triple(_ key: Int, _ third: Int) -> Int {
            Int((UInt32(truncatingIfNeeded: key << 8 | third) &* 0x9E37_79B1) >> UInt32(32 - tripleBits))
        }

        /// ASCII letters in lower case, every other byte as it is.
        private static let lowered: [UInt8] = (0..<256).map { (b: Int) -> UInt8 in
            let byte = UInt8(b)
            return byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
        }

        /// Does `haystack` hold any of the needles?
        func found(in haystack: String) -> Bool { groups(in: haystack, wanted: ~0) != 0 }

        /// The bits of the groups among `wanted` that have a needle in `haystack` (the pass stops
        /// once every wanted group is found).
        func groups(in haystack: String, wanted: UInt32) -> UInt32 {
            guard wanted != 0 else { return 0 }
            var h = haystack
            return h.withUTF8 { groups(in: $0, wanted: wanted) }
        }

        /// Does the UTF-8 text `haystack` hold any of the needles?
        func found(in haystack: UnsafeBufferPointer<UInt8>) -> Bool { groups(in: haystack, wanted: ~0) != 0 }

        /// `groups(in:wanted:)` on UTF-8 bytes.
        func groups(in buffer: UnsafeBufferPointer<UInt8>, wanted: UInt32) -> UInt32 {
            guard wanted != 0 else { return 0 }
            if !gramMasks.isEmpty, let found = gramGroups(in: buffer, wanted: wanted) { return found }
            return bytes.withUnsafeBufferPointer { needleBytes in
                  starts.withUnsafeBufferPointer { starts in
                    groupBits.withUnsafeBufferPointer { groupBits in
                      pairs.withUnsafeBufferPointer { pairs in
                        pairNeedles.withUnsafeBufferPointer { pairNeedles in
                          slots.withUnsafeBufferPointer { slots in
                            single.withUnsafeBufferPointer { single in
                              bits.withUnsafeBufferPointer { bits in
                               triples.withUnsafeBufferPointer { triples in
                               rawPairs.withUnsafeBufferPointer { rawPairs in
                                Self.lowered.withUnsafeBufferPointer { lower in
                                    let count = buffer.count
                                    guard count > 0 else { return 0 }
                                    @inline(__always) func has(_ key: Int) -> Bool { bits[key >> 6] & (1 << UInt64(key & 63)) != 0 }
                                    let mask = slots.count - 1
                                    var found: UInt32 = 0
                                    let text = buffer.baseAddress!
                                    let rawBits = rawPairs.baseAddress!
                                    let last = count - 1
                                    var next = 0
                                    while next < count {
                                        // Most positions: their two bytes, as they are, open no needle.
                                        // Passed over with the byte before kept in a register; the
                                        // last byte has no pair and is always looked at.
                                        var i = next
                                        if i < last {
                                            var previous = Int(text[i])
                                            while i < last {
                                                let byte = Int(text[i &+ 1])
                                                let raw = previous &<< 8 | byte
                                                if rawBits[raw &>> 6] & (1 &<< UInt64(raw & 63)) != 0 { break }
                                                previous = byte
                                                i &+= 1
                                            }
                                        }
                                        next = i + 1
                                        let first = Int(lower[Int(buffer[i])])
                                        let second = i + 1 < count ? Int(lower[Int(buffer[i + 1])]) : -1
                                        if has(65536 + first) {
                                            found |= single[first] & wanted
                                            if wanted & ~found == 0 { return found }
                                        }
                                        guard second >= 0 else { continue }
                                        let key = first << 8 | second
                                        guard has(key) else { continue }
                                        if i + 2 < count {
                                            let t = Self.triple(key, Int(lower[Int(buffer[i + 2])]))
                                            guard triples[t >> 6] & (1 << UInt64(t & 63)) != 0 else { continue }
                                        }
                                        var slot = Self.slot(key, shift: slotShift)
                                        while pairs[Int(slots[slot])] != key { slot = (slot + 1) & mask }
                                        for k in pairNeedles[Int(slots[slot])] where groupBits[k] & wanted & ~found != 0 {
                                            let lo = starts[k], m = starts[k + 1] - lo
                                            guard i + m <= count else { continue }
                                            var j = 2
                                            while j < m && lower[Int(buffer[i + j])] == needleBytes[lo + j] { j += 1 }
                                            if j == m {
                                                found |= groupBits[k]
                                                if wanted & ~found == 0 { return found & wanted }
                                            }
                                        }
                                    }
                                    return found & wanted
                                }
                               }
                               }
                              }
                            }
                          }
                        }
                      }
                    }
                  }
                }
        }
    }

    /// Lower-case ASCII prefixes looked for at the start of a text, ignoring ASCII case: what
    /// `prefixes.contains { hasPrefixIgnoringCase(text, $0) }` answers, comparing only the
    /// prefixes that open with the text's first byte.
    struct Prefixes: Sendable {
        /// Per first byte, the prefixes opening with it.
        private let byFirst: [[[UInt8]]]
        /// An empty prefix was given: every text opens with it.
        private let empty: Bool

        init(_ prefixes: [String]) {
            var byFirst = [[[UInt8]]](repeating: [], count: 256)
            for p in prefixes {
                let b = Array(p.utf8)
                if let f = b.first { byFirst[Int(f)].append(b) }
            }
            self.byFirst = byFirst
            empty = prefixes.contains("")
        }

        /// Whether `text` (UTF-8) opens with one of the prefixes.
        func match(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
            if empty { return true }
            guard let f = text.first else { return false }
            let first = f >= 0x41 && f <= 0x5A ? f | 0x20 : f
            for p in byFirst[Int(first)] where p.count <= text.count {
                var k = 1
                while k < p.count {
                    let c = text[k]
                    if (c >= 0x41 && c <= 0x5A ? c | 0x20 : c) != p[k] { break }
                    k += 1
                }
                if k == p.count { return true }
            }
            return false
        }

        func match(_ text: String) -> Bool {
            text.utf8.withContiguousStorageIfAvailable(match) ?? Array(text.utf8).withUnsafeBufferPointer(match)
        }
    }

    /// Whether `text` starts with `prefix` (lower-case ASCII), ignoring ASCII case.
    static func hasPrefixIgnoringCase(_ text: String, _ prefix: String) -> Bool {
        var t = text, p = prefix
        return t.withUTF8 { a in
            p.withUTF8 { b in
                guard a.count >= b.count else { return false }
                for i in 0..<b.count {
                    let c = a[i]
                    if (c >= 0x41 && c <= 0x5A ? c | 0x20 : c) != b[i] { return false }
                }
                return true
            }
        }
    }

    /// Letters or digits (any script), the things a word is made of.
    @inline(__always)
    static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 {
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        return isWideWordScalar(c)
    }

    /// `isWordScalar` above ASCII (out of line: the ASCII test stays small enough to inline).
    @inline(never)
    static func isWideWordScalar(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if let known = knownWordScalar(v) { return known }
        // Combining diacritics (of them the ypogegrammeni and the small Latin letters from
        // U+0363 are alphabetic), symbols and dingbats (their negative circled digits are
        // numerals), variation selectors, regional indicators and pictographs, from ranges too
        // (not in `knownWordScalar`, whose no means a separator to `normalized`).
        if v >= 0x300 && v <= 0x36F { return v == 0x345 || v >= 0x363 }
        if v >= 0x2600 && v <= 0x27BF { return v >= 0x2776 && v <= 0x2793 }
        if (v >= 0xFE00 && v <= 0xFE0F) || (v >= 0x1F1E6 && v <= 0x1FAFF) { return false }
        return c.properties.isAlphabetic || c.properties.numericType != nil
    }

    /// `isWordScalar` for the blocks news text meets most (Latin, Greek, Cyrillic, general
    /// punctuation, Han, Hangul), from ranges rather than a property lookup; nil elsewhere. A test
    /// holds every scalar it answers for to the properties.
    @inline(__always)
    static func knownWordScalar(_ v: UInt32) -> Bool? {
        if v < 0x100 {
            if v >= 0xC0 { return v != 0xD7 && v != 0xF7 }
            switch v {
            case 0xAA, 0xB2, 0xB3, 0xB5, 0xB9, 0xBA, 0xBC, 0xBD, 0xBE: return true
            default: return false
            }
        }
        if v <= 0x2C1 { return true }
        if v >= 0x3A3 && v <= 0x52F { return v != 0x3F6 && !(v >= 0x482 && v <= 0x489) }
        if v >= 0x1E00 && v <= 0x1F15 { return true }
        if v >= 0x2000 && v <= 0x206F { return false }
        if (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x4E00 && v <= 0xA48C) || (v >= 0xAC00 && v <= 0xD7A3) { return true }
        if (v >= 0x3041 && v <= 0x3096) || (v >= 0x30A1 && v <= 0x30FA) { return true }  // kana
        return nil
    }

    /// A scalar with a numeric type (digits of any script, fractions, numerals).
    @inline(__always)
    static func isNumeric(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return v >= 0x30 && v <= 0x39 }
        return c.properties.numericType != nil
    }

    /// A nonspacing mark (general category Mn), which joins the word before it. None lies below
    /// U+0300 or in general punctuation (a test checks).
    @inline(__always)
    static func isNonspacingMark(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x300 || (v >= 0x2000 && v <= 0x206F) { return false }
        // Combining diacritics and variation selectors are; symbols, dingbats and pictographs not.
        if v <= 0x36F || (v >= 0xFE00 && v <= 0xFE0F) { return true }
        if (v >= 0x2600 && v <= 0x27BF) || (v >= 0x1F1E6 && v <= 0x1FAFF) { return false }
        return c.properties.generalCategory == .nonspacingMark
    }

    /// Han, kana and similar scripts that are written without spaces between words.
    static func isCJK(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FFFF:
            return true
        default:
            return false
        }
    }

    /// Trims whitespace (any Unicode whitespace) from both ends.
    static func trim<S: StringProtocol>(_ s: S) -> String {
        let scalars = s.unicodeScalars
        // Nothing to trim (the usual case): the text as it is.
        if let f = scalars.first, let l = scalars.last, !isSpace(f), !isSpace(l) { return String(s) }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        return ScalarWriter.string(scalars[first...last])
    }

    /// Words for reading time: each whitespace-separated token holding a letter or digit counts
    /// one; text in scripts written without spaces (Chinese, Japanese) counts one word per two
    /// characters, which matches reading speed roughly.
    static func countWords<S: StringProtocol>(_ s: S) -> Int {
        if let n = s.utf8.withContiguousStorageIfAvailable(countUTF8Words) { return n }
        var copy = String(s)
        return copy.withUTF8(countUTF8Words)
    }

    /// `countWords` on the UTF-8 bytes of a string: ASCII classified by byte, other characters
    /// decoded one by one.
    /// Per byte: 0 whitespace, 1 letter or digit, 2 anything else in ASCII, 3 a byte above ASCII.
    private static let byteClass: [UInt8] = (0..<256).map { (c: Int) -> UInt8 in
        if c >= 0x80 { return 3 }
        if c == 0x20 || (c >= 0x09 && c <= 0x0D) { return 0 }
        if (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) { return 1 }
        return 2
    }

    private static func countUTF8Words(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        byteClass.withUnsafeBufferPointer { countUTF8Words(b, byteClass: $0) }
    }

    private static func countUTF8Words(_ b: UnsafeBufferPointer<UInt8>, byteClass: UnsafeBufferPointer<UInt8>) -> Int {
        var words = 0
        // The token being read: none (0), without a letter or digit yet (1), with one (2). A
        // token counts one word when it gets its first letter or digit, and its CJK run in pairs
        // when it ends.
        var token = 0
        var cjkRun = 0
        var i = 0
        let n = b.count
        let raw = UnsafeRawBufferPointer(b)
        var chunkEnd = 0
        while i < n {
            if i >= chunkEnd {
                if i + 8 <= n, cjkRun == 0,
                   let chunk = chunkWords(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self), token: token) {
                    // ASCII only: the words that start in these bytes, and the token after them.
                    words += chunk.words
                    token = chunk.token
                    i += 8
                    continue
                }
                chunkEnd = i + 8  // these eight bytes (or the rest) one at a time
            }
            let c = b[i]
            var kind = byteClass[Int(c)]
            if kind < 3 {
                i += 1
            } else {
                // Decode one multi-byte scalar.
                let length = min(c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2, n - i)
                var v = UInt32(c) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for k in 1..<max(1, length) { v = v << 6 | (UInt32(b[i + k]) & 0x3F) }
                i += max(1, length)
                let scalar = Unicode.Scalar(v) ?? "\u{FFFD}"
                if isSpace(scalar) {
                    kind = 0
                } else if isCJK(scalar) {
                    cjkRun += 1
                    kind = 2
                } else {
                    kind = isWordScalar(scalar) ? 1 : 2
                }
            }
            if kind == 0 {
                // A token ends: its CJK run in pairs.
                if token != 0 {
                    words += (cjkRun + 1) / 2
                    cjkRun = 0
                    token = 0
                }
            } else if kind == 1 {
                if token != 2 { words += 1 }
                token = 2
            } else if token == 0 {
                token = 1
            }
        }
        if token != 0 {
            words += (cjkRun + 1) / 2
        }
        return words
    }

    /// For eight ASCII bytes (little-endian in `w`), read after a token in state `token` (as in
    /// `countUTF8Words`: none 0, without a letter or digit yet 1, with one 2): the words that
    /// start in them and the state after them; nil when a byte is not ASCII. A word starts at a
    /// letter or digit whose nearest space, letter or digit before it is a space (or, when none
    /// of these bytes before it is one, when the token had no letter or digit): found for all
    /// eight bytes at once by filling each byte with the kind of the nearest such byte, in
    /// three doubling steps, so punctuation costs no byte-at-a-time pass. (Each range test
    /// adds a constant to every byte, which never carries out of a byte below 0x80.)
    @inline(__always)
    static func chunkWords(_ w: UInt64, token: Int) -> (words: Int, token: Int)? {
        let high: UInt64 = 0x8080_8080_8080_8080
        guard w & high == 0 else { return nil }
        @inline(__always) func atLeast(_ x: UInt64, _ low: UInt8) -> UInt64 { x &+ 0x0101_0101_0101_0101 &* UInt64(0x80 - low) }
        // 0x09–0x0D and the space; 0–9; a–z once A–Z are folded onto them.
        let seven: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let x = w ^ 0x2020_2020_2020_2020
        let space = (~(((x & seven) &+ seven) | x) | atLeast(w, 0x09) & ~atLeast(w, 0x0E)) & high
        let digit = atLeast(w, 0x30) & ~atLeast(w, 0x3A)
        let folded = w | 0x2020_2020_2020_2020
        let letter = atLeast(folded, 0x61) & ~atLeast(folded, 0x7B)
        let word = (digit | letter) & high
        if space | word == high {
            // Spaces and letters or digits only (most chunks of prose): a word starts at each
            // letter or digit after a space (or after a token without one yet).
            let starts = word & ~(word << 8 | (token == 2 ? 0x80 : 0))
            return (topBitCount(starts), word >> 63 != 0 ? 2 : 0)
        }
        // Per byte: `known`, a space, letter or digit stands at or before it in these bytes;
        // `spaced`, the nearest one is a space.
        var known = space | word, spaced = space
        spaced |= (spaced << 8) & ~known; known |= known << 8
        spaced |= (spaced << 16) & ~known; known |= known << 16
        spaced |= (spaced << 32) & ~known; known |= known << 32
        let opensWord = spaced << 8 | ~(known << 8) & (token == 2 ? 0 : high)
        let words = topBitCount(word & opensWord)
        let after: Int
        if known >> 63 == 0 {
            after = token == 0 ? 1 : token  // no space, letter or digit: the token goes on
        } else if spaced >> 63 == 0 {
            after = 2
        } else {
            after = space >> 63 != 0 ? 0 : 1
        }
        return (words, after)
    }

    /// The set bits of `x`, which may only be the top bits of its bytes: summed by one multiply
    /// (the build's baseline x86-64 has no population-count instruction, and the portable count
    /// takes about 17).
    @inline(__always)
    static func topBitCount(_ x: UInt64) -> Int {
        Int(((x >> 7) &* 0x0101_0101_0101_0101) >> 56)
    }

    /// Lower-case letters and digits only, words separated by one space: for comparing quotes.
    static func normalized<S: StringProtocol>(_ s: S) -> String {
        var out = Normalizer()
        for c in s.unicodeScalars { out.append(c) }
        return out.string
    }

    /// ``normalized(_:)`` a scalar at a time, so text cut into pieces (the pull-quote
    /// fragments) is normalised piece by piece with no string made of each piece first.
    struct Normalizer {
        private var out = ScalarWriter()
        private var pendingSpace = false

        var isEmpty: Bool { out.isEmpty }
        /// The normalised text so far.
        var string: String { out.string }

        @inline(__always)
        mutating func append(_ c: Unicode.Scalar) {
            let v = c.value
            if v < 0x80 {
                if (v >= 0x30 && v <= 0x39) || (v >= 0x61 && v <= 0x7A) {
                    if pendingSpace { out.append(" "); pendingSpace = false }
                    out.append(c)
                } else if v >= 0x41 && v <= 0x5A {
                    if pendingSpace { out.append(" "); pendingSpace = false }
                    out.append(Unicode.Scalar(v + 32)!)
                } else if !out.isEmpty {
                    pendingSpace = true
                }
                return
            }
            // The blocks news text uses most (accents, general punctuation such as curly quotes
            // and dashes, Han, Hangul) without a property lookup, with the same answers.
            if let word = knownWordScalar(v), !(v >= 0x483 && v <= 0x489) {
                if word, let l = lowerScalar(v) {
                    if pendingSpace { out.append(" "); pendingSpace = false }
                    out.append(Unicode.Scalar(l) ?? c)
                    return
                }
                if !word {
                    // No mark lies where `knownWordScalar` says false but U+0483...U+0489.
                    if !out.isEmpty { pendingSpace = true }
                    return
                }
            }
            let p = c.properties
            if p.isAlphabetic || p.numericType != nil {
                if pendingSpace { out.append(" "); pendingSpace = false }
                if p.changesWhenLowercased {
                    out.append(contentsOf: p.lowercaseMapping.unicodeScalars)
                } else {
                    out.append(c)
                }
            } else if p.generalCategory == .nonspacingMark || p.generalCategory == .spacingMark {
                out.append(c)
            } else if !out.isEmpty {
                pendingSpace = true
            }
        }

        /// Starts again from nothing (the buffer is kept).
        mutating func removeAll() {
            out.removeAll()
            pendingSpace = false
        }
    }

    /// `s` without quote marks (`QuoteFinder.isQuoteMark`) wrapped around the whole of it.
    static func stripWrappingQuotes(_ s: String) -> String {
        var scalars = Substring(s).unicodeScalars
        var stripped = false
        while let f = scalars.first, QuoteFinder.isQuoteMark(f) { scalars = scalars.dropFirst(); stripped = true }
        while let l = scalars.last, QuoteFinder.isQuoteMark(l) { scalars = scalars.dropLast(); stripped = true }
        return stripped ? trim(ScalarWriter.string(scalars)) : trim(s)
    }
}

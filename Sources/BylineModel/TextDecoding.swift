import Foundation

/// Bytes of an article file to clean text: encoding, line endings, entities, sanitising.
///
/// The same steps serve the full parse and the library's cheap headline read, so the list and
/// the article always agree.
public enum TextDecoding {
    /// At most this many bytes of a file are parsed.
    public static let byteCap = 4 * 1024 * 1024

    /// The outcome of decoding a file's bytes.
    public enum Result: Equatable, Sendable {
        /// Clean text (sanitised, `\n` line ends) and what was odd about it.
        case text(String, warnings: [String])
        /// The bytes are not text; the reason says why.
        case binary(reason: String)
    }

    /// Decodes, caps, entity-decodes and sanitises `data`.
    ///
    /// - Parameter complete: false when `data` is only the start of a file (a headline read): a
    ///   multi-byte character cut at the end is then dropped instead of reported.
    public static func decode(_ data: Data, complete: Bool = true) -> Result {
        var warnings: [String] = []
        var bytes = data
        if bytes.count > byteCap {
            bytes = bytes.prefix(byteCap)
            warnings.append("body truncated at 4 MiB")
            bytes = trimCutUTF8(bytes)
        } else if !complete {
            bytes = trimCutUTF8(bytes)
        }
        // Byte order marks (looked for in the bytes first: `Data.starts(with:)` costs about
        // 800 instructions a call).
        let marked = bytes.withUnsafeBytes(startsWithByteOrderMark)
        if marked && bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes = bytes.dropFirst(3)
        } else if marked && (bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])) {
            let little = bytes.first == 0xFF
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var it = bytes.dropFirst(2).makeIterator()
            while let a = it.next(), let b = it.next() {
                units.append(little ? UInt16(a) | UInt16(b) << 8 : UInt16(a) << 8 | UInt16(b))
            }
            warnings.append("decoded as UTF-16")
            return .text(clean(String(decoding: units, as: UTF16.self), &warnings), warnings: warnings)
        }
        // Nearly every file: text that every step below would leave as it is, checked in one
        // pass over the bytes and copied into a string once.
        if let text = bytes.withUnsafeBytes({ isFinalText($0) ? String(decoding: $0.assumingMemoryBound(to: UInt8.self), as: UTF8.self) : nil }) {
            return .text(text, warnings: warnings)
        }
        if let reason = binaryReason(bytes) { return .binary(reason: reason) }

        let text: String
        if let s = String(validating: bytes, as: UTF8.self) {
            text = s
        } else {
            let (valid, invalid) = utf8Census(bytes)
            if valid >= invalid && valid > 0 {
                text = String(decoding: bytes, as: UTF8.self)
                warnings.append("invalid UTF-8: \(invalid) bad byte\(invalid == 1 ? "" : "s") replaced with U+FFFD")
            } else {
                text = windows1252(bytes)
                warnings.append("not UTF-8: decoded as Windows-1252 (Latin-1)")
            }
        }
        return .text(clean(text, &warnings), warnings: warnings)
    }

    /// Entities once, then the sanitiser; notes removed controls.
    private static func clean(_ s: String, _ warnings: inout [String]) -> String {
        let (text, removed) = TextSanitizer.sanitizeCounting(HTMLEntities.decode(s))
        if removed > 0 {
            warnings.append("removed \(removed) control character\(removed == 1 ? "" : "s") or escape sequence\(removed == 1 ? "" : "s")")
        }
        return text
    }

    /// Whether any of the eight bytes of `w` is other than printable ASCII, or is `&` or DEL:
    /// a byte at or above 0x80, or below 0x20, sets its top bit in the mask; so does a byte
    /// equal to `&` or to DEL (a zero byte in `w ^ pattern`).
    @inline(__always)
    static func hasOddByte(_ w: UInt64) -> Bool {
        let amp = w ^ 0x2626_2626_2626_2626
        let del = w ^ 0x7F7F_7F7F_7F7F_7F7F
        return (w | (w &- 0x2020_2020_2020_2020) & ~w
            | (amp &- 0x0101_0101_0101_0101) & ~amp
            | (del &- 0x0101_0101_0101_0101) & ~del) & 0x8080_8080_8080_8080 != 0
    }

    /// Whether `raw` is already what `decode` makes of it: well-formed UTF-8 with no control
    /// byte but tab and line feed, no DEL, no `&` (so no entity), no C1 control (C2 80–9F), no
    /// U+2028/2029 or bidi control (E2 80 A8–AE, E2 81 A6–A9) and no U+FEFF (EF BB BF): then
    /// ``binaryReason(_:)`` finds nothing, `String(validating:)` takes the bytes, and neither
    /// `HTMLEntities.decode` nor `TextSanitizer` changes a thing. One pass, eight bytes at a
    /// time where they are printable ASCII other than `&` and DEL.
    static func isFinalText(_ raw: UnsafeRawBufferPointer) -> Bool {
        let n = raw.count
        var i = 0
        while i < n {
            if i + 8 <= n {
                if !hasOddByte(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { i += 8; continue }
            }
            let b = raw[i]
            if b < 0x80 {
                if (b < 0x20 && b != 0x09 && b != 0x0A) || b == 0x26 || b == 0x7F { return false }
                i += 1
                continue
            }
            guard let length = sequenceLength(raw, at: i) else { return false }
            if length == 2 && b == 0xC2 && raw[i + 1] < 0xA0 { return false }  // C2 80–9F: C1 controls
            if length == 3 {
                let c1 = raw[i + 1], c2 = raw[i + 2]
                if b == 0xE2 && c1 == 0x80 && c2 >= 0xA8 && c2 <= 0xAE { return false }
                if b == 0xE2 && c1 == 0x81 && c2 >= 0xA6 && c2 <= 0xA9 { return false }
                if b == 0xEF && c1 == 0xBB && c2 == 0xBF { return false }
            }
            i += length
        }
        return true
    }

    /// The length of the well-formed UTF-8 sequence of two to four bytes whose lead byte (at or
    /// above 0x80) is at `i`, or nil when there is none: no overlong form, no surrogate, nothing
    /// past U+10FFFF, nothing cut off by the end of `raw`.
    @inline(__always)
    static func sequenceLength(_ raw: UnsafeRawBufferPointer, at i: Int) -> Int? {
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        let need: Int
        switch raw[i] {
        case 0xC2...0xDF: need = 1
        case 0xE0: need = 2; low = 0xA0
        case 0xE1...0xEC, 0xEE, 0xEF: need = 2
        case 0xED: need = 2; high = 0x9F
        case 0xF0: need = 3; low = 0x90
        case 0xF1...0xF3: need = 3
        case 0xF4: need = 3; high = 0x8F
        default: return nil
        }
        guard i + need < raw.count, raw[i + 1] >= low, raw[i + 1] <= high else { return nil }
        if need > 1 {
            for k in 2...need where raw[i + k] & 0xC0 != 0x80 { return nil }
        }
        return need + 1
    }

    /// Drops an incomplete UTF-8 sequence at the very end (from cutting a buffer).
    static func trimCutUTF8(_ bytes: Data) -> Data {
        guard let last = bytes.last, last >= 0x80 else { return bytes }
        // Walk back over continuation bytes to the lead byte.
        var k = bytes.endIndex - 1
        var back = 0
        while k > bytes.startIndex, bytes[k] & 0xC0 == 0x80, back < 3 { k -= 1; back += 1 }
        let lead = bytes[k]
        let need: Int
        switch lead {
        case 0xC0...0xDF: need = 2
        case 0xE0...0xEF: need = 3
        case 0xF0...0xF7: need = 4
        default: return bytes
        }
        let have = bytes.endIndex - k
        return have < need ? bytes[bytes.startIndex..<k] : bytes
    }

    /// Whether `raw` is well-formed UTF-8 with no control byte but tab, line feed, CR, form
    /// feed and ESC: then ``binaryReason(_:)`` finds nothing and `String(validating:)` takes the
    /// bytes. One pass, 32 bytes at a time where they are printable ASCII: a byte below 0x20 or
    /// at or above 0x80 is one below 0x20 read as signed, so two vector compares find one, and
    /// the pass goes straight to it (the headline read of a list row asks this of 8 KB: byte by
    /// byte from each such byte on, eight at a time, it cost about 17 k instructions).
    static func isCleanUTF8(_ raw: UnsafeRawBufferPointer) -> Bool {
        let n = raw.count
        let limit = SIMD16<Int8>(repeating: 0x20)
        var i = 0
        while i < n {
            if i + 32 <= n {
                let a = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<Int8>.self) .< limit
                let b = raw.loadUnaligned(fromByteOffset: i + 16, as: SIMD16<Int8>.self) .< limit
                let both = unsafeBitCast(a .| b, to: SIMD2<UInt64>.self)
                if both[0] | both[1] == 0 { i += 32; continue }
                // The first such byte: a compare sets all eight bits of a byte it finds.
                let low = unsafeBitCast(a, to: SIMD2<UInt64>.self), high = unsafeBitCast(b, to: SIMD2<UInt64>.self)
                if low[0] != 0 { i += low[0].trailingZeroBitCount >> 3 }
                else if low[1] != 0 { i += 8 + low[1].trailingZeroBitCount >> 3 }
                else if high[0] != 0 { i += 16 + high[0].trailingZeroBitCount >> 3 }
                else { i += 24 + high[1].trailingZeroBitCount >> 3 }
            }
            let b = raw[i]
            if b < 0x80 {
                if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C && b != 0x1B { return false }
                i += 1
                continue
            }
            guard let length = sequenceLength(raw, at: i) else { return false }
            i += length
        }
        return true
    }

    /// How many of `raw`'s bytes ``trimCutUTF8(_:)`` keeps: all but an incomplete UTF-8
    /// sequence at the very end.
    static func uncutCount(_ raw: UnsafeRawBufferPointer) -> Int {
        guard let last = raw.last, last >= 0x80 else { return raw.count }
        var k = raw.count - 1
        var back = 0
        while k > 0, raw[k] & 0xC0 == 0x80, back < 3 { k -= 1; back += 1 }
        let need: Int
        switch raw[k] {
        case 0xC0...0xDF: need = 2
        case 0xE0...0xEF: need = 3
        case 0xF0...0xF7: need = 4
        default: return raw.count
        }
        return raw.count - k < need ? k : raw.count
    }

    /// Whether `raw` starts with a byte order mark (UTF-8, UTF-16 little or big endian).
    static func startsWithByteOrderMark(_ raw: UnsafeRawBufferPointer) -> Bool {
        let n = raw.count
        if n >= 2 && ((raw[0] == 0xFF && raw[1] == 0xFE) || (raw[0] == 0xFE && raw[1] == 0xFF)) { return true }
        return n >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF
    }

    /// Why `bytes` look binary, or nil: a NUL in the first 8 KB, or more than 10% of
    /// them being control bytes other than tab, newline, CR, form feed and ESC.
    static func binaryReason(_ bytes: Data) -> String? {
        let sample = bytes.prefix(8192)
        guard !sample.isEmpty else { return nil }
        let (nul, controls) = sample.withUnsafeBytes { raw -> (Bool, Int) in
            var controls = 0
            for b in raw where b < 0x20 {
                if b == 0 { return (true, 0) }
                if b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C && b != 0x1B { controls += 1 }
            }
            return (false, controls)
        }
        if nul { return "binary file (contains NUL bytes)" }
        if controls * 10 > sample.count { return "binary file (mostly control bytes)" }
        return nil
    }

    /// Whether ``binaryReason(_:)`` finds a reason in `raw`, without making a `Data` of it: one
    /// pass, 64 bytes a turn while none is a control byte or the only ones are line feeds; the
    /// rare blocks with others are counted byte by byte.
    static func looksBinary(_ raw: UnsafeRawBufferPointer) -> Bool {
        let n = min(raw.count, 8192)
        let limit = SIMD16<UInt8>(repeating: 0x20), newline = SIMD16<UInt8>(repeating: 0x0A)
        var controls = 0, i = 0
        while i < n {
            var end = n
            if i + 64 <= n {
                let a = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                let b = raw.loadUnaligned(fromByteOffset: i + 16, as: SIMD16<UInt8>.self)
                let c = raw.loadUnaligned(fromByteOffset: i + 32, as: SIMD16<UInt8>.self)
                let d = raw.loadUnaligned(fromByteOffset: i + 48, as: SIMD16<UInt8>.self)
                // (Masks tested as two words: `any` is a call here.)
                let low = unsafeBitCast((a .< limit) .| (b .< limit) .| (c .< limit) .| (d .< limit), to: SIMD2<UInt64>.self)
                if low[0] | low[1] == 0 { i += 64; continue }
                let odd = unsafeBitCast((a .< limit) .& (a .!= newline) .| ((b .< limit) .& (b .!= newline))
                    .| ((c .< limit) .& (c .!= newline)) .| ((d .< limit) .& (d .!= newline)), to: SIMD2<UInt64>.self)
                if odd[0] | odd[1] == 0 { i += 64; continue }
                end = i + 64
            }
            // The block (or the bytes left) byte by byte.
            while i < end {
                let b = raw[i]
                if b < 0x20 {
                    if b == 0 { return true }
                    if b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C && b != 0x1B { controls += 1 }
                }
                i += 1
            }
        }
        return n > 0 && controls * 10 > n
    }

    /// Counts well-formed multi-byte UTF-8 sequences and bytes that belong to none.
    static func utf8Census(_ bytes: Data) -> (valid: Int, invalid: Int) {
        var valid = 0, invalid = 0
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let need: Int
            switch b {
            case 0xC2...0xDF: need = 1
            case 0xE0...0xEF: need = 2
            case 0xF0...0xF4: need = 3
            default: invalid += 1; i += 1; continue
            }
            var ok = i + need < end
            if ok {
                for k in 1...need where bytes[i + k] & 0xC0 != 0x80 { ok = false; break }
            }
            if ok { valid += 1; i += need + 1 } else { invalid += 1; i += 1 }
        }
        return (valid, invalid)
    }

    /// Windows-1252 (a superset of Latin-1's printable range); its five holes become U+FFFD.
    static func windows1252(_ bytes: Data) -> String {
        var out = ScalarWriter(capacity: bytes.count)
        for b in bytes {
            if b >= 0x80 && b <= 0x9F {
                let v = cp1252High[Int(b) - 0x80]
                out.append(Unicode.Scalar(v) ?? "\u{FFFD}")
            } else {
                out.append(Unicode.Scalar(b))
            }
        }
        return out.string
    }

    private static let cp1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]
}

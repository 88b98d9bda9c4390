/// A 64-bit digest of a path's UTF-8 bytes: how the search index's check of every file matches
/// a listed file with an indexed one without a string or a `Hasher` per file. The bytes are
/// taken eight at a time, each word mixed in with a multiply and a shift, the length last; the
/// same bytes always give the same digest (it is not seeded, and never saved). Two of 100,000
/// paths share a digest with odds of about one in 10^9 (a collision, with the same size and
/// time besides, would only leave one file unindexed until it changes).
public enum PathDigest {
    private static let seed: UInt64 = 0xCBF2_9CE4_8422_2325
    private static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// The digest of these bytes.
    public static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        digest(bytes).digest
    }

    /// The digest of these bytes if they are ASCII, else nil (one pass over them).
    public static func ofASCII(_ bytes: UnsafeRawBufferPointer) -> UInt64? {
        let (digest, high) = digest(bytes)
        return high & 0x8080_8080_8080_8080 == 0 ? digest : nil
    }

    /// The digest, and every word's bits or-ed together (their high bits tell non-ASCII).
    private static func digest(_ bytes: UnsafeRawBufferPointer) -> (digest: UInt64, high: UInt64) {
        var digest = seed, high: UInt64 = 0
        var at = 0
        let count = bytes.count
        while at + 8 <= count {
            let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self))
            digest = mix(digest, word)
            high |= word
            at += 8
        }
        if at < count {
            var tail: UInt64 = 0
            for i in at..<count { tail |= UInt64(bytes[i]) << (8 * UInt64(i - at)) }
            digest = mix(digest, tail)
            high |= tail
        }
        return (mix(digest, UInt64(count)), high)
    }

    /// The digest of these UTF-8 bytes.
    public static func of(utf8 bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        of(UnsafeRawBufferPointer(bytes))
    }

    /// The digest of the string's UTF-8.
    public static func of(_ path: String) -> UInt64 {
        var path = path
        return path.withUTF8 { of(utf8: $0) }
    }

    private static func mix(_ digest: UInt64, _ word: UInt64) -> UInt64 {
        let product = (digest ^ word) &* multiplier
        return product ^ (product >> 29)
    }
}

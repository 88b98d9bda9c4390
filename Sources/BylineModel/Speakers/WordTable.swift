/// A fixed table of words (the lexicon's lists, the given names), looked up by their UTF-8
/// bytes: what a `Set<String>` or `[String: Value]` answers, without hashing a `String`
/// (which normalises it first) on every lookup.
///
/// ASCII words live in an open-addressed table keyed by an FNV-1a hash of their bytes; two ASCII
/// strings are equal exactly when their bytes are. Other words keep a `[String: Value]` of their
/// own, asked only for text that is not ASCII, so a lookup answers exactly as `String`
/// equality (canonical equivalence) would. A word that is canonically equivalent to ASCII text
/// (a Kelvin sign for a K) is filed under that ASCII form.
struct WordTable<Value: Sendable>: Sendable {
    /// The ASCII words back to back.
    private let bytes: [UInt8]
    /// Per ASCII word: where its bytes start and end, and its value.
    private let entries: [(start: Int, end: Int, value: Value)]
    /// Open addressing: an index into `entries`, or -1.
    private let slots: [Int32]
    private let others: [String: Value]

    /// Words and their values; a word listed again takes the later value.
    init(_ pairs: [(String, Value)]) {
        var ascii: [String: Value] = [:]
        var order: [String] = []
        var others: [String: Value] = [:]
        for (word, value) in pairs {
            if let folded = Self.asciiForm(of: word) {
                if ascii.updateValue(value, forKey: folded) == nil { order.append(folded) }
            } else {
                others[word] = value
            }
        }
        var bytes: [UInt8] = []
        var entries: [(start: Int, end: Int, value: Value)] = []
        for word in order {
            let start = bytes.count
            bytes += word.utf8
            entries.append((start, bytes.count, ascii[word]!))
        }
        var size = 16
        while size < entries.count * 3 { size *= 2 }
        var slots = [Int32](repeating: -1, count: size)
        for (k, entry) in entries.enumerated() {
            var slot = Int(bytes.withUnsafeBufferPointer { Self.hash(UnsafeBufferPointer(rebasing: $0[entry.start..<entry.end])) }) & (size - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(k)
        }
        self.bytes = bytes
        self.entries = entries
        self.slots = slots
        self.others = others
    }

    /// The ASCII text `word` is canonically equivalent to, if any: itself when ASCII, or with
    /// the only scalars whose canonical decomposition is ASCII (KELVIN SIGN, GREEK QUESTION MARK,
    /// GREEK VARIA) replaced by it; nil for anything else.
    static func asciiForm(of word: String) -> String? {
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return word }
        var out = ""
        for scalar in word.unicodeScalars {
            switch scalar.value {
            case 0..<0x80: out.unicodeScalars.append(scalar)
            case 0x212A: out += "K"
            case 0x037E: out += ";"
            case 0x1FEF: out += "`"
            default: return nil
            }
        }
        return out
    }

    /// Whether the `b.count` bytes at `a` are those of `b`.
    private static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        for k in 0..<b.count where a[k] != b[k] { return false }
        return true
    }

    /// FNV-1a, 32 bits.
    private static func hash(_ b: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for c in b { h = (h ^ UInt32(c)) &* 16_777_619 }
        return h
    }

    /// The value of `word`, or nil when it is not in the table.
    subscript(_ word: String) -> Value? {
        var copy = word
        let ascii: Value?? = copy.withUTF8 { b in
            guard b.allSatisfy({ $0 < 0x80 }) else { return .none }
            return .some(lookup(b, hash: Self.hash(b)))
        }
        if let ascii { return ascii }
        return others[word]
    }

    /// The value of a word given as its bytes, which must be ASCII (and their hash, if known).
    func value(asciiBytes b: UnsafeBufferPointer<UInt8>, hash: UInt32? = nil) -> Value? { lookup(b, hash: hash ?? Self.hash(b)) }

    /// FNV-1a of a word's bytes (the hash the table files ASCII words under).
    static func hashBytes(_ b: UnsafeBufferPointer<UInt8>) -> UInt32 { hash(b) }

    /// The value of the ASCII word `b`, whose hash is `hash`.
    private func lookup(_ b: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Value? {
        slots.withUnsafeBufferPointer { slots in
            bytes.withUnsafeBufferPointer { bytes in
                let mask = slots.count - 1
                var slot = Int(hash) & mask
                while slots[slot] >= 0 {
                    let entry = entries[Int(slots[slot])]
                    if entry.end - entry.start == b.count, Self.equal(bytes.baseAddress! + entry.start, b) {
                        return entry.value
                    }
                    slot = (slot + 1) & mask
                }
                return nil
            }
        }
    }

    /// Every word in the table (ASCII ones in the order first given).
    var words: [String] {
        entries.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) } + others.keys.sorted()
    }
}

/// A fixed set of words: a ``WordTable`` without values, written like a `Set<String>` literal.
struct WordSet: Sendable, ExpressibleByArrayLiteral, Sequence {
    private let table: WordTable<Bool>

    init(arrayLiteral words: String...) { table = WordTable(words.map { ($0, true) }) }

    init(_ words: [String]) { table = WordTable(words.map { ($0, true) }) }

    /// Whether `word` is in the set (as `Set<String>.contains` would say).
    func contains(_ word: String) -> Bool { table[word] != nil }

    /// Whether the word given as its bytes, which must be ASCII, is in the set.
    func contains(asciiBytes b: UnsafeBufferPointer<UInt8>, hash: UInt32? = nil) -> Bool { table.value(asciiBytes: b, hash: hash) != nil }

    func makeIterator() -> IndexingIterator<[String]> { table.words.makeIterator() }
}

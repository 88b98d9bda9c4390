import Foundation
import Synchronization

/// A fixed table of words (the lexicon's lists, the given names), looked up by their UTF-8
/// bytes: what a `Set<String>` or `[String: Value]` answers, without hashing a `String`
/// (which normalises it first) on every lookup.
///
/// Text made only of scalars that are in normal form C by themselves and never combine with
/// a neighbour (see ``comparesAsBytes(_:)``: ASCII, Latin to U+02FF, Greek and Cyrillic letters)
/// equals another such text exactly when their bytes are equal. Words of that kind live in an
/// open-addressed table keyed by an FNV-1a hash of their bytes; a word that is only canonically
/// equivalent to one (a Kelvin sign for a K, `e` and a combining acute for `é`) is filed under
/// that form. Text the bytes do not decide is looked up in a `[String: Value]` of every word,
/// so a lookup answers exactly as `String` equality (canonical equivalence) would; that
/// dictionary is made the first time it is asked (hashing every word as a `String` was most
/// of the cost of making the tables, about 25 M instructions at start-up).
struct WordTable<Value: Sendable>: Sendable {
    /// The words' bytes back to back.
    private let bytes: [UInt8]
    /// Per word in the byte table: where its bytes start and end, and its value.
    private let entries: [(start: Int, end: Int, value: Value)]
    /// Open addressing: an index into `entries`, or -1.
    private let slots: [Int32]
    /// Every word as given, for the dictionary made on first need.
    private let all: Fallback<Value>
    /// One bit per ASCII letter that opens a word kept only in the dictionary (see
    /// ``asciiInitials``).
    private let oddInitials: UInt32

    /// Words and their values; a word listed again takes the later value.
    init(_ pairs: [(String, Value)]) {
        var builder = Builder(capacity: pairs.count)
        var odd: UInt32 = 0
        for (word, value) in pairs {
            var text = word
            let filed = text.withUTF8 { b in
                guard Self.comparesAsBytes(b) else { return false }
                builder.insert(b, value)
                return true
            }
            if filed { continue }
            if let key = Self.byteKey(of: word) {
                key.withUnsafeBufferPointer { builder.insert($0, value) }
            } else {
                odd |= Self.asciiInitial(word)
            }
        }
        (bytes, entries, slots) = (builder.bytes, builder.entries, builder.slots)
        all = Fallback { pairs }
        oddInitials = odd
    }

    /// The words of word lists written as text (words parted by spaces and line feeds), each
    /// list's words with one value; a word listed again (in the same list or a later one) takes
    /// the later value. The words are read as bytes: no string is made for a word whose bytes
    /// compare as text (see ``comparesAsBytes(_:)``), so a table of thousands of names costs
    /// little to make at start-up.
    init(lists: [(text: String, value: Value)]) {
        var builder = Builder(capacity: lists.reduce(0) { $0 + $1.text.utf8.count / 6 })
        var odd: [String] = []
        for list in lists {
            Self.forEachWord(of: list.text) { word in
                if Self.comparesAsBytes(word) {
                    builder.insert(word, list.value)
                } else {
                    let text = String(decoding: word, as: UTF8.self)
                    odd.append(text)
                    if let key = Self.byteKey(of: text) { key.withUnsafeBufferPointer { builder.insert($0, list.value) } }
                }
            }
        }
        (bytes, entries, slots) = (builder.bytes, builder.entries, builder.slots)
        all = Fallback { lists.flatMap { list in Self.words(of: list.text).map { ($0, list.value) } } }
        oddInitials = odd.reduce(0) { mask, word in Self.byteKey(of: word) == nil ? mask | Self.asciiInitial(word) : mask }
    }

    /// The words of a list written as text, parted by spaces and line feeds (found as bytes:
    /// the lists hold neither a carriage return nor a mark after a space, which would join them
    /// to a character).
    static func words(of text: String) -> [String] {
        text.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x0A }).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the bytes of each word of `text`, as ``words(of:)`` parts them.
    private static func forEachWord(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { b in
            var start = 0
            for i in 0...b.count where i == b.count || b[i] == 0x20 || b[i] == 0x0A {
                if i > start { body(UnsafeBufferPointer(rebasing: b[start..<i])) }
                start = i + 1
            }
        }
    }

    /// The open-addressed byte table as it is filled.
    private struct Builder {
        var bytes: [UInt8] = []
        var entries: [(start: Int, end: Int, value: Value)] = []
        var slots: [Int32]

        init(capacity: Int) {
            var size = 16
            while size < capacity * 3 { size *= 2 }
            slots = [Int32](repeating: -1, count: size)
        }

        /// Files `value` under the bytes `k`, replacing the value of an earlier equal key.
        mutating func insert(_ k: UnsafeBufferPointer<UInt8>, _ value: Value) {
            if entries.count * 3 >= slots.count { grow() }
            let mask = slots.count - 1
            var slot = Int(WordTable.hash(k)) & mask
            while slots[slot] >= 0 {
                let e = entries[Int(slots[slot])]
                if e.end - e.start == k.count, bytes.withUnsafeBufferPointer({ WordTable.equal($0.baseAddress! + e.start, k) }) {
                    entries[Int(slots[slot])].value = value
                    return
                }
                slot = (slot + 1) & mask
            }
            slots[slot] = Int32(entries.count)
            let start = bytes.count
            bytes.append(contentsOf: k)
            entries.append((start, bytes.count, value))
        }

        /// Doubles the slots and files every entry again.
        private mutating func grow() {
            let size = slots.count * 2
            slots = [Int32](repeating: -1, count: size)
            for (n, e) in entries.enumerated() {
                let h = bytes.withUnsafeBufferPointer { WordTable.hash(UnsafeBufferPointer(rebasing: $0[e.start..<e.end])) }
                var slot = Int(h) & (size - 1)
                while slots[slot] >= 0 { slot = (slot + 1) & (size - 1) }
                slots[slot] = Int32(n)
            }
        }
    }

    /// The bytes `word` is filed under in the byte table: its own when they compare as text,
    /// else those of its normal form C when those do; nil for anything else.
    static func byteKey(of word: String) -> [UInt8]? {
        let own = Array(word.utf8)
        if own.withUnsafeBufferPointer(comparesAsBytes) { return own }
        // Only the rare word outside those blocks pays for normalising: through the standard
        // library (about three quarters of Foundation's cost a word), but for text with Hangul
        // jamo, which Foundation composes otherwise (a syllable and a final consonant stay apart
        // there, and U+1176 joins a leading consonant): there Foundation, as before. (A test
        // holds the two ways to the same keys for every scalar alone and after letters that
        // compose.)
        let jamo = word.unicodeScalars.contains { (0x1100...0x11FF).contains($0.value) || (0xA960...0xA97F).contains($0.value) || (0xD7B0...0xD7FF).contains($0.value) }
        let composed = jamo ? Array(word.precomposedStringWithCanonicalMapping.utf8) : word._nfcCodeUnits
        return composed.withUnsafeBufferPointer(comparesAsBytes) ? composed : nil
    }

    /// Whether the UTF-8 text `b` is made only of scalars below U+0300, Greek letters from
    /// U+0388 to U+03FF, Cyrillic ones from U+0400 to U+0482, Latin Extended Additional
    /// (U+1E00–U+1EFF: Vietnamese, Welsh), kana (U+3041–U+3096,
    /// U+30A1–U+30FA), Han (U+3400–U+4DBF, U+4E00–U+9FFF) and Hangul syllables: each is its own
    /// normal form C, has canonical combining class 0 and is never the second part of a
    /// composition (a test checks every one), so two such texts are canonically equivalent
    /// exactly when their bytes are equal.
    static func comparesAsBytes(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            if c < 0xE0 {
                guard i + 1 < n else { return false }
                let next = b[i + 1]
                switch c {
                case 0xC2...0xCB, 0xCF, 0xD0, 0xD1: break
                case 0xCE: if next < 0x88 { return false }
                case 0xD2: if next > 0x82 { return false }
                default: return false
                }
                i += 2
                continue
            }
            guard c < 0xF0, i + 2 < n else { return false }
            let v = UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
            switch v {
            case 0x1E00...0x1EFF, 0x3041...0x3096, 0x30A1...0x30FA, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3: break
            default: return false
            }
            i += 3
        }
        return true
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
        let decided = word.utf8.withContiguousStorageIfAvailable { b -> Value?? in
            guard Self.comparesAsBytes(b) else { return .none }
            return .some(lookup(b, hash: Self.hash(b)))
        }
        if let decided, let answer = decided { return answer }
        return all.value(of: word)
    }

    /// ``subscript(_:)``, but text whose bytes do not compare as text (`e` and a combining
    /// acute) is looked up by its normal form C when that form's bytes do (every word it can
    /// equal is filed under that form), so the dictionary of a large table (the given names) is
    /// made only for text neither decides. Normalising costs more than the dictionary's
    /// look-up, so small tables do not ask this way.
    func value(normalising word: String) -> Value? {
        let decided = word.utf8.withContiguousStorageIfAvailable { b -> Value?? in
            guard Self.comparesAsBytes(b) else { return .none }
            return .some(lookup(b, hash: Self.hash(b)))
        }
        if let decided, let answer = decided { return answer }
        if let key = Self.byteKey(of: word) { return key.withUnsafeBufferPointer { lookup($0, hash: Self.hash($0)) } }
        return all.value(of: word)
    }

    /// One bit per ASCII letter (`a` bit 0 … `z` bit 25) that opens some word of the table.
    var asciiInitials: UInt32 {
        var mask = oddInitials
        for e in entries {
            let f = bytes[e.start]
            if f >= 0x61 && f <= 0x7A { mask |= 1 << UInt32(f - 0x61) }
        }
        return mask
    }

    /// A bit per 12-bit value of the top bits of a hash (4,096 bits in 64 words), set for the
    /// hash of each word in the byte table: a word given as bytes whose bit is clear is not
    /// in the table (``value(asciiBytes:hash:)`` is nil), which a caller can test before asking.
    var hashFilter: [UInt64] {
        var filter = [UInt64](repeating: 0, count: 64)
        bytes.withUnsafeBufferPointer { bytes in
            for e in entries {
                let h = Self.hash(UnsafeBufferPointer(rebasing: bytes[e.start..<e.end]))
                filter[Int(h >> 26)] |= 1 << UInt64((h >> 20) & 63)
            }
        }
        return filter
    }

    /// Whether `filter` (a ``hashFilter``) has the bit of `hash`.
    @inline(__always)
    static func filter(_ filter: UnsafeBufferPointer<UInt64>, has hash: UInt32) -> Bool {
        filter[Int(hash >> 26)] & (1 << UInt64((hash >> 20) & 63)) != 0
    }

    /// The bit of ``asciiInitials`` for the word's first scalar, or 0.
    private static func asciiInitial(_ word: String) -> UInt32 {
        guard let f = word.unicodeScalars.first, f.value >= 0x61, f.value <= 0x7A else { return 0 }
        return 1 << (f.value - 0x61)
    }

    /// The value of a word given as its bytes, which must compare as text (ASCII does; see
    /// ``comparesAsBytes(_:)``), and their hash, if known.
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

    /// Every word in the table (as given; a word equivalent to one before it once).
    var words: [String] { all.sortedWords }
}

/// A ``WordTable``'s words as given, turned into a `[String: Value]` of them the first time a
/// lookup needs one (the words as given are then let go: never both held).
private final class Fallback<Value: Sendable>: Sendable {
    private enum Words {
        case given(@Sendable () -> [(String, Value)])
        case table([String: Value])
    }

    private let words: Mutex<Words>

    /// `pairs` gives the words as given, made only when first needed.
    init(_ pairs: @escaping @Sendable () -> [(String, Value)]) { words = Mutex(.given(pairs)) }

    /// The value of `word` (canonical equivalence, as `String` compares).
    func value(of word: String) -> Value? { withTable { $0[word] } }

    /// Every word (as given; a word equivalent to one before it once), sorted.
    var sortedWords: [String] { withTable { $0.keys.sorted() } }

    private func withTable<R>(_ body: ([String: Value]) -> R) -> R {
        words.withLock { words in
            if case .given(let pairs) = words {
                words = .table(Dictionary(pairs(), uniquingKeysWith: { _, later in later }))
            }
            guard case .table(let table) = words else { preconditionFailure("made above") }
            return body(table)
        }
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

    /// One bit per ASCII letter (`a` bit 0 … `z` bit 25) that opens some word of the set.
    var asciiInitials: UInt32 { table.asciiInitials }

    /// The table's ``WordTable/hashFilter``.
    var hashFilter: [UInt64] { table.hashFilter }
}

/// A paragraph cut into words, punctuation and quote marks, with quoted spans and sentence
/// ends found: what the attribution rules read.
///
/// A word keeps its inner apostrophes, hyphens and full stops (`Jolie’s`, `42-year-old`,
/// `U.S`, `3.5`); a quote mark is a token of its own. Tokens are byte ranges over one copy of
/// the paragraph's UTF-8 (``utf8``); strings are made only for the tokens the rules look at.
struct ParagraphTokens {
    enum Kind: UInt8 { case word, punct, quote }

    struct Token {
        /// The token's bytes in ``utf8``: `lo..<hi` (stored in 32 bits: a token is 20 bytes).
        private var start: Int32
        private var end: Int32
        /// Its length in Unicode scalars (`U.S` is 3, `Zoë` 3 however the ë is spelt in bytes).
        var scalarCount: Int32
        /// For an ASCII token, the hash of its lower-case bytes (as ``WordTable`` hashes); for
        /// another, 0 until its wide form is made, then 1 + that form's place in
        /// ``ParagraphTokens/wideForms`` (so no table of tokens is filled for a few wide words).
        var hash: UInt32
        var kind: Kind
        /// A word opening in a capital (or a letter without case: Chinese, Japanese, …).
        var capitalised: Bool
        /// Whitespace stands before it.
        var spaceBefore: Bool
        /// Every byte is ASCII: its lower case is ``ParagraphTokens/folded`` over `lo..<hi`.
        var ascii: Bool

        init(lo: Int, hi: Int, scalarCount: Int32, hash: UInt32, kind: Kind, capitalised: Bool, spaceBefore: Bool, ascii: Bool) {
            (start, end, self.scalarCount, self.hash) = (Int32(truncatingIfNeeded: lo), Int32(truncatingIfNeeded: hi), scalarCount, hash)
            (self.kind, self.capitalised, self.spaceBefore, self.ascii) = (kind, capitalised, spaceBefore, ascii)
        }

        /// A token standing for none: what fills the tokens' buffer beyond the tokens.
        static let blank = Token(lo: 0, hi: 0, scalarCount: 0, hash: 0, kind: .punct, capitalised: false, spaceBefore: false, ascii: true)

        var lo: Int { Int(start) }
        var hi: Int { Int(end) }
    }

    /// Blanks that new room in the tokens' buffer is filled from.
    private static let blanks = [Token](repeating: .blank, count: 256)

    /// A quoted passage: the tokens of its marks (`close == tokens.count` when left open).
    struct Span {
        var open: Int
        var close: Int
        var terminated: Bool
        var single: Bool
    }

    /// The paragraph's UTF-8 (valid: it comes from a `String`).
    private(set) var utf8: [UInt8]
    /// ``utf8`` with every ASCII capital in lower case and a backtick made an apostrophe (as
    /// ``lower(_:)`` spells them), so an ASCII token's lower case is read in place; the bytes of
    /// other tokens are left as they are and never read.
    private var folded: [UInt8]
    private(set) var tokens: [Token] = []
    private(set) var spans: [Span] = []
    /// Of each token that is not ASCII, made on its first look-up (in the order made; the
    /// token's `hash` says where): its lower case as UTF-8 and the bytes that lower case is
    /// filed under in a ``WordTable`` (its own, or those of its normal form C:
    /// `WordTable.byteKey`), both in ``wideBytes``. So a word is lower-cased and (spelt with
    /// combining marks) normalised once, not once a look-up.
    private var wideForms: [WideForm] = []
    private var wideBytes: [UInt8] = []

    /// A token's lower case and byte key in ``wideBytes``.
    private struct WideForm {
        var lowerStart: Int32 = 0, lowerEnd: Int32 = 0
        /// `keyStart < 0`: no byte key (the tables' dictionaries answer).
        var keyStart: Int32 = -1, keyEnd: Int32 = -1
        var keyHash: UInt32 = 0
    }

    /// The segments of the clause last cut by ``segments(_:)``: filled again for each clause, so
    /// cutting one allocates nothing once its buffers have grown.
    var clauseSegments = ClauseSegments()

    init(_ text: String) {
        utf8 = Array(text.utf8)
        folded = utf8
        // A paragraph longer than 2 GB (none is) would not fit the tokens' 32-bit offsets.
        precondition(utf8.count < Int(Int32.max), "paragraph too long to tokenize")
        tokenize()
        findSpans()
    }

    /// A paragraph of no text, whose buffers ``reload(_:)`` fills.
    init() {
        utf8 = []
        folded = []
    }

    /// Makes this the paragraph `text` (as `ParagraphTokens(text)` is), reusing the buffers
    /// of the text it held: a finder reading paragraph after paragraph allocates only the
    /// tokens afresh.
    mutating func reload(_ text: String) {
        utf8.removeAll(keepingCapacity: true)
        utf8.append(contentsOf: text.utf8)
        folded.removeAll(keepingCapacity: true)
        folded.append(contentsOf: utf8)
        spans.removeAll(keepingCapacity: true)
        wideForms.removeAll(keepingCapacity: true)
        wideBytes.removeAll(keepingCapacity: true)
        clauseSegments.removeAll()
        precondition(utf8.count < Int(Int32.max), "paragraph too long to tokenize")
        tokenize()
        findSpans()
    }

    var count: Int { tokens.count }

    // MARK: - Text of tokens

    func text(_ i: Int) -> String { string(tokens[i].lo..<tokens[i].hi) }

    /// The text of a byte range of the paragraph (one that starts and ends on scalars).
    func string(_ range: Range<Int>) -> String {
        utf8.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    /// The token in lower case: an ASCII token's made from ``folded`` (a small string, with no
    /// allocation, up to 15 bytes); another's from its bytes when every scalar is one
    /// `TextScan.lowerScalar` answers (Latin, Greek, Cyrillic, CJK), else by Unicode's mapping.
    func lower(_ i: Int) -> String {
        let t = tokens[i]
        if t.ascii {
            return folded.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[t.lo..<t.hi]), as: UTF8.self) }
        }
        return lowerWide(t) ?? Self.lowercase(text(i).unicodeScalars)
    }

    /// ``lower(_:)`` for a token that is not ASCII, written as UTF-8 straight from its bytes;
    /// nil when a scalar needs Unicode's mapping (`İ`, scripts beyond the table).
    private func lowerWide(_ t: Token) -> String? {
        Self.withLowerWide(t, of: utf8) { $0.map { String(decoding: $0, as: UTF8.self) } }
    }

    /// Calls `body` with ``lowerWide(_:)``'s bytes for token `t` of the paragraph `utf8` (nil
    /// where it answers nil), written on the stack: no string is made.
    private static func withLowerWide<R>(_ t: Token, of utf8: [UInt8], _ body: (UnsafeBufferPointer<UInt8>?) -> R) -> R {
        // A scalar's lower case is at most half as long again in UTF-8 (Ⱥ → ⱥ): twice is room.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * (t.hi - t.lo)) { out in
            utf8.withUnsafeBufferPointer { u in
                var n = 0
                var k = t.lo
                while k < t.hi {
                    let (c, length) = Self.scalar(u, at: k)
                    k += length
                    let v = c.value
                    var l: UInt32
                    if v < 0x80 {
                        l = v >= 0x41 && v <= 0x5A ? v + 32 : v
                    } else if let lower = TextScan.lowerScalar(v) {
                        l = Unicode.Scalar(lower) == nil ? v : lower
                    } else if v == 0x2019 {  // ’ (unchanged by lower-casing) spelt as an apostrophe
                        l = 0x27
                    } else {
                        return body(nil)
                    }
                    for b in UTF8.encode(Unicode.Scalar(l)!)! { out[n] = b; n += 1 }
                }
                return body(UnsafeBufferPointer(rebasing: out[..<n]))
            }
        }
    }

    /// A token in lower case by Unicode's mappings (what ``lowerWide(_:)`` cannot answer).
    @inline(never)
    private static func lowercase(_ scalars: String.UnicodeScalarView) -> String {
        var w = ScalarWriter(capacity: scalars.underestimatedCount)
        for c in scalars {
            let v = c.value
            if v >= 0x41 && v <= 0x5A {
                w.append(Unicode.Scalar(v + 32)!)
            } else if v < 0x80 {
                w.append(c)
            } else if let l = TextScan.lowerScalar(v) {
                // One scalar: itself when lower-casing does not change it.
                w.append(Unicode.Scalar(l) ?? c)
            } else if c.properties.changesWhenLowercased {
                w.append(contentsOf: c.properties.lowercaseMapping.unicodeScalars)
            } else if c == "\u{2019}" {
                w.append("'")
            } else {
                w.append(c)
            }
        }
        return w.string
    }

    /// Calls `body` with the token in lower case as bytes, spelt as ``lower(_:)`` spells it,
    /// when the token is ASCII (most are); nil otherwise (ask ``lower(_:)``). No string is made.
    func withLowerASCII<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        let t = tokens[i]
        guard t.ascii else { return nil }
        return folded.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[t.lo..<t.hi])) }
    }

    /// Calls `body` with the token in lower case as UTF-8 bytes, spelt as ``lower(_:)`` spells
    /// it: an ASCII token's from ``folded``, another's made once and kept.
    mutating func withLowerBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let t = tokens[i]
        if t.ascii { return folded.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[t.lo..<t.hi])) } }
        let form = wideForm(i)
        return wideBytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[Int(form.lowerStart)..<Int(form.lowerEnd)])) }
    }

    /// Calls `body` with the token's byte key: the bytes `WordTable.byteKey` gives for its lower
    /// case (``lower(_:)``), which every table files a word equal to it under; nil for an ASCII
    /// token (its lower case is its key) or a token without a key.
    mutating func withKeyBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard !tokens[i].ascii, let key = wideKey(i) else { return nil }
        return wideBytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[key.bytes])) }
    }

    /// The lower case and byte key of a token that is not ASCII, made on its first look-up.
    @inline(never)
    private mutating func wideForm(_ i: Int) -> WideForm {
        assert(!tokens[i].ascii, "an ASCII token has no wide form")
        let made = Int(tokens[i].hash)
        if made > 0 { return wideForms[made - 1] }
        var form = WideForm()
        form.lowerStart = Int32(wideBytes.count)
        // The lower case as ``lower(_:)`` spells it, written from the bytes when it can be.
        let written = Self.withLowerWide(tokens[i], of: utf8) { b -> Bool in
            guard let b else { return false }
            wideBytes.append(contentsOf: b)
            return true
        }
        if !written { wideBytes.append(contentsOf: Self.lowercase(text(i).unicodeScalars).utf8) }
        form.lowerEnd = Int32(wideBytes.count)
        let ownKey = wideBytes.withUnsafeBufferPointer { WordTable<Bool>.comparesAsBytes(UnsafeBufferPointer(rebasing: $0[Int(form.lowerStart)..<Int(form.lowerEnd)])) }
        if ownKey {
            (form.keyStart, form.keyEnd) = (form.lowerStart, form.lowerEnd)
        } else if let key = WordTable<Bool>.byteKey(of: wideBytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[Int(form.lowerStart)..<Int(form.lowerEnd)]), as: UTF8.self)
        }) {
            form.keyStart = Int32(wideBytes.count)
            wideBytes += key
            form.keyEnd = Int32(wideBytes.count)
        }
        if form.keyStart >= 0 {
            form.keyHash = wideBytes.withUnsafeBufferPointer { WordTable<Bool>.hashBytes(UnsafeBufferPointer(rebasing: $0[Int(form.keyStart)..<Int(form.keyEnd)])) }
        }
        wideForms.append(form)
        tokens[i].hash = UInt32(wideForms.count)
        return form
    }

    /// Whether the token in lower case is in `set` (`set.contains(lower(i))`).
    mutating func word(_ i: Int, in set: WordSet) -> Bool {
        let t = tokens[i]
        guard t.ascii else {
            // (No closure over `set`: one made a copy of the set's table, retains and all.)
            guard let key = wideKey(i) else { return set.contains(lower(i)) }
            return wideBytes.withUnsafeBufferPointer { set.contains(asciiBytes: UnsafeBufferPointer(rebasing: $0[key.bytes]), hash: key.hash) }
        }
        return folded.withUnsafeBufferPointer { set.contains(asciiBytes: UnsafeBufferPointer(rebasing: $0[t.lo..<t.hi]), hash: t.hash) }
    }

    /// The value the token in lower case has in `table` (`table[lower(i)]`), looked up as bytes
    /// when it has a byte key.
    mutating func value<Value>(_ i: Int, in table: WordTable<Value>) -> Value? {
        let t = tokens[i]
        guard t.ascii else {
            guard let key = wideKey(i) else { return table[lower(i)] }
            return wideBytes.withUnsafeBufferPointer { table.value(asciiBytes: UnsafeBufferPointer(rebasing: $0[key.bytes]), hash: key.hash) }
        }
        return folded.withUnsafeBufferPointer { table.value(asciiBytes: UnsafeBufferPointer(rebasing: $0[t.lo..<t.hi]), hash: t.hash) }
    }

    /// Where in ``wideBytes`` the bytes a token that is not ASCII is filed under in a
    /// ``WordTable`` stand (its lower case's byte key, made on its first look-up), and their
    /// hash; nil when it has none (ask the table with ``lower(_:)``). Out of line: ASCII tokens
    /// never come here.
    @inline(never)
    private mutating func wideKey(_ i: Int) -> (bytes: Range<Int>, hash: UInt32)? {
        let form = wideForm(i)
        guard form.keyStart >= 0 else { return nil }
        return (Int(form.keyStart)..<Int(form.keyEnd), form.keyHash)
    }

    /// Whether the token is an acronym (`QuoteFinder.isAcronym(text(i))`), read from its bytes
    /// when it is ASCII.
    func isAcronym(_ i: Int) -> Bool {
        let t = tokens[i]
        guard t.ascii else { return QuoteFinder.isAcronym(text(i)) }
        var letters = 0
        for k in t.lo..<t.hi where utf8[k] != 0x2E {
            let v = utf8[k]
            guard v >= 0x41 && v <= 0x5A else { return false }
            letters += 1
        }
        return letters >= 2
    }

    /// The gender the token in lower case suggests as a given name (`GivenNames.gender(of:
    /// lower(i))`), looked up as bytes when the token is ASCII.
    mutating func givenName(_ i: Int) -> GivenNames.Gender? {
        if let ascii = withLowerASCII(i, { GivenNames.gender(ofASCII: $0) }) { return ascii }
        guard let key = wideKey(i) else { return GivenNames.gender(of: lower(i)) }
        return wideBytes.withUnsafeBufferPointer { GivenNames.gender(ofBytes: UnsafeBufferPointer(rebasing: $0[key.bytes]), hash: key.hash) }
    }

    func isWord(_ i: Int) -> Bool { i >= 0 && i < tokens.count && tokens[i].kind == .word }
    func isPunct(_ i: Int, _ c: Unicode.Scalar) -> Bool {
        i >= 0 && i < tokens.count && tokens[i].kind == .punct && first(i) == c
    }
    /// The token's first scalar.
    func first(_ i: Int) -> Unicode.Scalar {
        utf8.withUnsafeBufferPointer { Self.scalar($0, at: tokens[i].lo).scalar }
    }
    /// The token's last scalar.
    func last(_ i: Int) -> Unicode.Scalar {
        utf8.withUnsafeBufferPointer { Self.scalar($0, before: tokens[i].hi) }
    }

    /// A quick test before a word is looked up as a speech verb: an ASCII word must be 3 to 12
    /// letters long and open with a letter some speech verb opens with; other words (Greek,
    /// Russian) are always looked up.
    func mayBeSpeechVerb(_ i: Int) -> Bool {
        Self.speechVerbHashes.withUnsafeBufferPointer { mayBeSpeechVerb(i, initials: Self.speechVerbInitials, hashes: $0) }
    }

    /// ``mayBeSpeechVerb(_:)`` with ``speechVerbInitials`` and ``speechVerbHashes`` read once
    /// by the caller (a loop over every word of a paragraph then does not check the constants
    /// are made, word after word). An ASCII word whose hash's bit is clear is no speech verb:
    /// most words are turned away here instead of by a look-up in the set.
    @inline(__always)
    func mayBeSpeechVerb(_ i: Int, initials: UInt32, hashes: UnsafeBufferPointer<UInt64>) -> Bool {
        let t = tokens[i]
        let f = UInt32(utf8[t.lo])
        guard f < 0x80 else { return true }
        let length = Int(t.scalarCount)
        guard length >= 3, length <= 12, f >= 0x61, f <= 0x7A else { return false }
        guard initials & (1 << (f - 0x61)) != 0 else { return false }
        return !t.ascii || WordTable<Bool>.filter(hashes, has: t.hash)
    }

    /// One bit per ASCII letter that opens a speech verb.
    static let speechVerbInitials: UInt32 = Lexicon.speechVerbs.asciiInitials
    /// The speech verbs' ``WordSet/hashFilter``.
    static let speechVerbHashes: [UInt64] = Lexicon.speechVerbs.hashFilter

    /// A word in lower case opening in a lower-case letter.
    func isLowerWord(_ i: Int) -> Bool {
        guard isWord(i) else { return false }
        let c = first(i)
        if c.value < 0x80 { return c.value >= 0x61 && c.value <= 0x7A }
        return c.properties.isLowercase
    }

    // MARK: - Tokenising

    @inline(__always)
    private static func isLetterOrDigit(_ c: Unicode.Scalar) -> Bool { TextScan.isWordScalar(c) }

    /// Per byte, its lower case when it is an ASCII letter or digit; 0 for any other byte.
    private static let foldedLetters: [UInt8] = (0...255).map { b in
        let b = UInt8(b)
        guard b < 0x80, isASCIILetterOrDigit(b) else { return 0 }
        return b >= 0x41 && b <= 0x5A ? b | 0x20 : b
    }

    /// An ASCII letter or digit (`isLetterOrDigit` for a byte below 0x80).
    @inline(__always)
    private static func isASCIILetterOrDigit(_ b: UInt8) -> Bool {
        (b &- 0x30) < 10 || ((b | 0x20) &- 0x61) < 26
    }

    /// The scalar whose bytes start at `i` of valid UTF-8, and its length in bytes.
    @inline(__always)
    static func scalar(_ u: UnsafeBufferPointer<UInt8>, at i: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let lead = u[i]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        return wideScalar(u, at: i)
    }

    /// ``scalar(_:at:)`` for a lead byte of two to four bytes.
    @inline(never)
    private static func wideScalar(_ u: UnsafeBufferPointer<UInt8>, at i: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let lead = u[i]
        let v: UInt32, length: Int
        if lead < 0xE0 {
            v = UInt32(lead & 0x1F) << 6 | UInt32(u[i + 1] & 0x3F)
            length = 2
        } else if lead < 0xF0 {
            v = UInt32(lead & 0x0F) << 12 | UInt32(u[i + 1] & 0x3F) << 6 | UInt32(u[i + 2] & 0x3F)
            length = 3
        } else {
            v = UInt32(lead & 0x07) << 18 | UInt32(u[i + 1] & 0x3F) << 12 | UInt32(u[i + 2] & 0x3F) << 6 | UInt32(u[i + 3] & 0x3F)
            length = 4
        }
        return (Unicode.Scalar(v) ?? "\u{FFFD}", length)
    }

    /// The scalar whose bytes end just before `end`.
    static func scalar(_ u: UnsafeBufferPointer<UInt8>, before end: Int) -> Unicode.Scalar {
        var k = end - 1
        while k > 0, u[k] & 0xC0 == 0x80 { k -= 1 }  // back over continuation bytes
        return scalar(u, at: k).scalar
    }

    /// How many scalars the bytes of `range` hold (their bytes that are no continuation bytes).
    private static func scalarCount(_ u: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var count = 0
        for k in range where u[k] & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// One pass over the bytes: each scalar is decoded once (ASCII without a call), ASCII bytes
    /// are lower-cased into ``folded`` and hashed as they are passed. The rules are those of the
    /// scalar tokenizer this replaced (kept in the tests as the reference).
    private mutating func tokenize() {
        // Tokens are written in place, into the buffer of the paragraph before when there is
        // one (its tokens are overwritten; blanks fill the room beyond them). Room for a token
        // every three bytes is plenty for prose (a word and its space take four or more); text
        // denser than that (`!!!!`) is tokenized again with room for a token a byte, the most
        // there can be.
        var buffer = tokens
        tokens = []  // so `buffer` is the only reference, and is written in place
        for room in [utf8.count / 3 + 16, utf8.count] {
            // Blanks copied a block at a time (a token at a time, filling was 28 k an article).
            while buffer.count < room { buffer.append(contentsOf: Self.blanks.prefix(room - buffer.count)) }
            let made = buffer.withUnsafeMutableBufferPointer { out in
                utf8.withUnsafeBufferPointer { u in
                    folded.withUnsafeMutableBufferPointer { folded in
                        Self.foldedLetters.withUnsafeBufferPointer {
                            Self.tokenize(u, folded: folded, letters: $0, into: UnsafeMutableBufferPointer(rebasing: out[..<room]))
                        }
                    }
                }
            }
            if made >= 0 {
                buffer.removeLast(buffer.count - made)
                tokens = buffer
                return
            }
        }
        preconditionFailure("a token a byte is room for every token")
    }

    /// ``tokenize()``'s pass: writes the tokens of `u` over those at the start of `tokens`
    /// and returns how many; -1 when they do not fit. A word opening with an ASCII letter or digit (most)
    /// is read without decoding a scalar; what is rare (a mark inside a word, a letter above
    /// ASCII opening one) is decided out of line, so the loop keeps its values in registers.
    private static func tokenize(_ u: UnsafeBufferPointer<UInt8>, folded: UnsafeMutableBufferPointer<UInt8>,
                                 letters: UnsafeBufferPointer<UInt8>, into tokens: UnsafeMutableBufferPointer<Token>) -> Int {
        var made = 0
        let n = u.count
        var i = 0
        var space = true
        while i < n {
            let b0 = u[i]
            if b0 == 0x20 { space = true; i += 1; continue }  // the usual space, without decoding
            let start = i
            var hash: UInt32 = 2_166_136_261
            var ascii = true
            let cap: Bool
            let lower0 = letters[Int(b0)]
            if lower0 != 0 {
                // An ASCII letter or digit: lower-cased and hashed by table.
                folded[i] = lower0
                hash = (hash ^ UInt32(lower0)) &* 16_777_619
                cap = b0 &- 0x41 < 26
                i += 1
            } else {
                let (c, cLength) = Self.scalar(u, at: i)
                if TextScan.isSpace(c) { space = true; i += cLength; continue }
                if cLength == 1 {
                    // Lower-cased (no capital comes here: a backtick spelt as an apostrophe) and hashed.
                    let lower = b0 == 0x60 ? 0x27 : b0
                    folded[i] = lower
                    hash = (hash ^ UInt32(lower)) &* 16_777_619
                } else {
                    ascii = false
                }
                i += cLength
                guard Self.isLetterOrDigit(c) else {
                    let kind: Kind = QuoteFinder.isQuoteMark(c) ? .quote : .punct
                    guard made < tokens.count else { return -1 }
                    tokens[made] = Token(lo: start, hi: i, scalarCount: 1, hash: ascii ? hash : 0, kind: kind,
                                         capitalised: false, spaceBefore: space, ascii: ascii)
                    made += 1
                    space = false
                    continue
                }
                cap = Self.opensCapitalised(c)  // a letter or digit above ASCII
            }
            var pieceStart = start  // where the piece after the word's last full stop starts
            while i < n {
                // ASCII letters and digits (most of every word): taken without decoding, by table.
                let b = u[i]
                let lower = letters[Int(b)]
                if lower != 0 {
                    folded[i] = lower
                    hash = (hash ^ UInt32(lower)) &* 16_777_619
                    i += 1
                    continue
                }
                // Any other ASCII byte but the inner marks below ends the word.
                if b < 0x80, b != 0x27, b != 0x2D, b != 0x2F, b != 0x26, b != 0x2E, b != 0x2C { break }
                let length = Self.innerLength(u, at: i, pieceStart: pieceStart)
                if length == 0 { break }
                if length == 1 {
                    // One of the marks above, its own lower case (already so in `folded`).
                    hash = (hash ^ UInt32(b)) &* 16_777_619
                } else {
                    ascii = false
                }
                i += length
                if b == 0x2E { pieceStart = i }
            }
            let count = ascii ? i - start : Self.scalarCount(u, start..<i)
            guard made < tokens.count else { return -1 }
            tokens[made] = Token(lo: start, hi: i, scalarCount: Int32(count), hash: ascii ? hash : 0, kind: .word,
                                 capitalised: cap, spaceBefore: space, ascii: ascii)
            made += 1
            space = false
        }
        return made
    }

    /// How many bytes of the scalar at `i` (inside a word, not an ASCII letter or digit) the
    /// word takes: a letter, digit or nonspacing mark, or an inner apostrophe, hyphen, slash or
    /// ampersand, a full stop (`U.S`, `a.m`, `3.5`, but not "end.Next" after a long word) or a
    /// comma in a number, before a letter or digit; 0 when the word ends there.
    @inline(never)
    private static func innerLength(_ u: UnsafeBufferPointer<UInt8>, at i: Int, pieceStart: Int) -> Int {
        let (d, dLength) = scalar(u, at: i)
        if isLetterOrDigit(d) || TextScan.isNonspacingMark(d) { return dLength }
        guard i + dLength < u.count else { return 0 }
        let next = scalar(u, at: i + dLength).scalar
        guard isLetterOrDigit(next) else { return 0 }
        switch d.value {
        case 0x27, 0x2019, 0x2D, 0x2010, 0x2F, 0x26:  // ' ’ - ‐ / &
            return dLength
        case 0x2E:
            return scalarCount(u, pieceStart..<i) <= 2 || TextScan.isNumeric(scalar(u, before: i)) ? dLength : 0
        case 0x2C:
            return TextScan.isNumeric(scalar(u, before: i)) && TextScan.isNumeric(next) ? dLength : 0
        default:
            return 0
        }
    }

    /// Whether a word opening with the letter or digit `c` (above ASCII) is capitalised: a
    /// capital, or a letter without case (Chinese, Japanese, …). A Latin letter up to U+024F
    /// whose lower case is another letter is a capital (bar the four title-case digraphs), with
    /// no property looked up; a test holds every scalar to the properties.
    @inline(never)
    static func opensCapitalised(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v >= 0xC0 && v < 0x250 && v != 0x1C5 && v != 0x1C8 && v != 0x1CB && v != 0x1F2,
           let l = TextScan.lowerScalar(v), l != v {
            return true
        }
        // Letters without case: Han, Hangul syllables, kana (no property looked up).
        if (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0xAC00 && v <= 0xD7A3)
            || (v >= 0x3041 && v <= 0x3096) || (v >= 0x30A1 && v <= 0x30FA) {
            return true
        }
        let p = c.properties
        return p.isUppercase || (p.isAlphabetic && !p.isLowercase && !p.changesWhenUppercased)
    }

    // MARK: - Quoted spans

    private func isDoubleOpener(_ c: Unicode.Scalar) -> Bool { c == "\u{201C}" || c == "\u{201E}" || c == "\u{00AB}" }
    private func isDoubleCloser(_ c: Unicode.Scalar) -> Bool { c == "\u{201D}" || c == "\u{00BB}" }
    private func isSingle(_ c: Unicode.Scalar) -> Bool { c == "'" || c == "\u{2018}" || c == "\u{2019}" || c == "\u{201A}" }

    /// Whether the quote token at `i` stands where a quotation opens: at the start, after
    /// whitespace or an opening bracket or dash, with text right after it.
    private func opensHere(_ i: Int) -> Bool {
        guard i + 1 < tokens.count, !tokens[i + 1].spaceBefore else { return false }
        if i == 0 || tokens[i].spaceBefore { return true }
        let p = first(i - 1)
        return tokens[i - 1].kind != .word && "([{—–-:/".unicodeScalars.contains(p) || tokens[i - 1].kind == .quote
    }

    /// Whether the single mark at `i` can close a quotation: right after text, and not inside a
    /// word; a plural possessive (`the players’ union`) is passed over.
    private mutating func closesSingle(_ i: Int) -> Bool {
        guard i > 0, !tokens[i].spaceBefore else { return false }
        if i + 1 < tokens.count, !tokens[i + 1].spaceBefore, tokens[i + 1].kind == .word { return false }
        if tokens[i - 1].kind == .word, let l = Optional(last(i - 1)), l == "s" || l == "S",
           i + 1 < tokens.count, tokens[i + 1].kind == .word, isLowerWord(i + 1) {
            let next = lower(i + 1)
            if !Lexicon.speechVerbs.contains(next) && !Lexicon.malePronouns.contains(next)
                && !Lexicon.femalePronouns.contains(next) && !Lexicon.otherPronouns.contains(next) {
                return false
            }
        }
        return true
    }

    private mutating func findSpans() {
        var i = 0
        let n = tokens.count
        while i < n {
            guard tokens[i].kind == .quote else { i += 1; continue }
            let c = first(i)
            if c == "\"" || isDoubleOpener(c) {
                if c == "\"" && !opensHere(i) && i > 0 { i += 1; continue }
                var j = i + 1
                while j < n {
                    if tokens[j].kind == .quote {
                        let d = first(j)
                        if d == "\"" || isDoubleCloser(d) || (c == "\u{201E}" && d == "\u{201C}") { break }
                    }
                    j += 1
                }
                spans.append(Span(open: i, close: j, terminated: j < n, single: false))
                i = j + 1
            } else if isSingle(c), c != "\u{2019}", opensHere(i) {
                var j = i + 1
                var found = false
                while j < n {
                    if tokens[j].kind == .quote, isSingle(first(j)), first(j) != "\u{2018}", closesSingle(j) {
                        found = true
                        break
                    }
                    j += 1
                }
                if found {
                    spans.append(Span(open: i, close: j, terminated: true, single: true))
                    i = j + 1
                } else if i == 0 {
                    // A quotation left open at the end of its paragraph (it goes on in the next).
                    spans.append(Span(open: i, close: n, terminated: false, single: true))
                    i = n
                } else {
                    i += 1
                }
            } else {
                i += 1
            }
        }
    }

    /// The byte range of a span's words (inside its marks).
    func innerRange(_ span: Span) -> Range<Int> {
        let lo = tokens[span.open].hi
        let hi = span.close < tokens.count ? tokens[span.close].lo : utf8.count
        return lo..<max(lo, hi)
    }

    /// The text inside a span's marks, as it stands.
    func innerText(_ span: Span) -> String { string(innerRange(span)) }

    // MARK: - Sentences

    /// Whether the full stop, `!` or `?` at token `i` ends a sentence: it is followed by a
    /// capitalised word, a quote mark, a bracket or nothing, and (for a full stop) does not end
    /// an abbreviation or an initial.
    @inline(__always)
    mutating func endsSentence(_ i: Int) -> Bool {
        // Most tokens are no full stop, `!`, `?` or `…` (whose UTF-8 opens with E2): answered
        // here, from the first byte, without a call.
        let t = tokens[i]
        guard t.kind == .punct else { return false }
        let b = utf8[t.lo]
        guard b == 0x2E || b == 0x21 || b == 0x3F || b == 0xE2 else { return false }
        return endsSentenceAfterMark(i)
    }

    /// ``endsSentence(_:)`` for a punctuation token opening with one of its bytes.
    @inline(never)
    private mutating func endsSentenceAfterMark(_ i: Int) -> Bool {
        let c = first(i)
        guard c == "." || c == "!" || c == "?" || c == "…" else { return false }
        var k = i + 1
        while k < tokens.count, tokens[k].kind == .quote || isPunct(k, ")") { k += 1 }
        if k < tokens.count {
            let t = tokens[k]
            guard t.spaceBefore || k > i + 1 else { return false }
            if t.kind == .word && !t.capitalised && !TextScan.isNumeric(first(k)) { return false }
        }
        if c == "." && i > 0 && isWord(i - 1) && !tokens[i].spaceBefore {
            if word(i - 1, in: Self.abbreviations) { return false }
            if tokens[i - 1].scalarCount == 1 && tokens[i - 1].capitalised { return false }  // an initial
            let nextCapitalised = k < tokens.count && tokens[k].capitalised
            // An ASCII word is read as its lower-case bytes (one byte a character).
            if let ascii = withLowerASCII(i - 1, { w in
                (nextCapitalised && w.contains(0x2E)) || (w.count <= 7 && Self.hasPartyPrefix(w))
            }) {
                if ascii { return false }
            } else if withLowerBytes(i - 1, { w in w.contains(0x2E) || Self.hasPartyPrefix(w) }) {
                // (Without a full stop or a party code in its lower-case bytes, neither test
                // below can hold: the string is read only for a word that has one.)
                let w = lower(i - 1)
                if nextCapitalised && w.contains(".") { return false }  // U.S. Senate
                if TextScan.characterCount(w) <= 7, TextScan.hasPrefix(w, "d-") || TextScan.hasPrefix(w, "r-") || TextScan.hasPrefix(w, "i-") { return false }  // D-Nev.
            }
        }
        return true
    }

    /// Whether lower-case ASCII bytes open with a party code and a hyphen (`d-`, `r-`, `i-`).
    static func hasPartyPrefix(_ w: UnsafeBufferPointer<UInt8>) -> Bool {
        w.count >= 2 && w[1] == 0x2D && (w[0] == 0x64 || w[0] == 0x72 || w[0] == 0x69)
    }

    /// Words that end in a full stop without ending the sentence.
    static let abbreviations: WordSet = [
        "mr", "mrs", "ms", "dr", "st", "sen", "rep", "gov", "gen", "lt", "col", "capt", "cpt", "sgt",
        "det", "insp", "supt", "prof", "rev", "jr", "sr", "inc", "corp", "ltd", "co", "no", "nos", "vs",
        "v", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt",
        "ft", "pt", "fig", "al", "approx", "dept", "est", "govt", "adm", "cmdr", "maj", "pte", "cpl",
        "messrs", "mme", "mlle", "hon", "ald", "atty", "ave", "blvd", "rd", "lieut", "brig", "u.s",
        "u.k", "u.n", "d.c", "a.m", "p.m", "e.g", "i.e", "ph.d",
    ]
}

/// A paragraph cut into words, punctuation and quote marks, with quoted spans and sentence
/// ends found: what the attribution rules read.
///
/// A word keeps its inner apostrophes, hyphens and full stops (`Jolie’s`, `42-year-old`,
/// `U.S`, `3.5`); a quote mark is a token of its own. Strings are made only for the tokens the
/// rules look at.
struct ParagraphTokens {
    enum Kind: UInt8 { case word, punct, quote }

    struct Token {
        var lo: Int
        var hi: Int
        var kind: Kind
        /// A word opening in a capital (or a letter without case: Chinese, Japanese, …).
        var capitalised: Bool
        /// Whitespace stands before it.
        var spaceBefore: Bool
    }

    /// A quoted passage: the tokens of its marks (`close == tokens.count` when left open).
    struct Span {
        var open: Int
        var close: Int
        var terminated: Bool
        var single: Bool
    }

    let s: [Unicode.Scalar]
    private(set) var tokens: [Token] = []
    private(set) var spans: [Span] = []
    /// ``lower(_:)``'s cache, made on its first use.
    private var lowered: [String?] = []
    /// Every ASCII token in lower case (as ``lower(_:)`` spells it), back to back, so word lists
    /// are asked with no string made; per token, where its bytes start (-1: not ASCII) and
    /// their hash (as ``WordTable`` hashes).
    private var asciiLower: [UInt8] = []
    private var asciiStart: [Int32] = []
    private var asciiHash: [UInt32] = []
    /// Per token that is not ASCII, the bytes its lower case is filed under in a ``WordTable``
    /// (its own, or those of its normal form C: `WordTable.byteKey`), made on its first
    /// look-up, so a word spelt with combining marks is normalised once, not once a table.
    private var wideKeys: [WideKey] = []
    private var wideKeyBytes: [UInt8] = []

    private enum WideKey {
        case unknown
        /// No byte key: the tables' dictionaries answer.
        case none
        case bytes(start: Int32, end: Int32, hash: UInt32)
    }

    init(_ text: String) {
        s = TextScan.scalars(text)
        tokens.reserveCapacity(s.count / 4 + 8)  // a token every four or five scalars: room without regrowing
        tokenize()
        lowerASCII()
        findSpans()
    }

    private mutating func lowerASCII() {
        var starts = [Int32](repeating: -1, count: tokens.count)
        var hashes = [UInt32](repeating: 0, count: tokens.count)
        let bytes = [UInt8](unsafeUninitializedCapacity: s.count) { out, used in
            s.withUnsafeBufferPointer { s in
                tokens.withUnsafeBufferPointer { tokens in
                    var n = 0
                    for i in 0..<tokens.count {
                        let t = tokens[i]
                        var hash: UInt32 = 2_166_136_261
                        var k = t.lo
                        while k < t.hi {
                            let v = s[k].value
                            if v >= 0x80 { break }
                            let b = UInt8(truncatingIfNeeded: v)
                            let lower = b >= 0x41 && b <= 0x5A ? b | 0x20 : (b == 0x60 ? 0x27 : b)
                            out[n + k - t.lo] = lower
                            hash = (hash ^ UInt32(lower)) &* 16_777_619
                            k += 1
                        }
                        guard k == t.hi else { continue }
                        starts[i] = Int32(n)
                        hashes[i] = hash
                        n += t.hi - t.lo
                    }
                    used = n
                }
            }
        }
        asciiLower = bytes
        asciiStart = starts
        asciiHash = hashes
    }

    var count: Int { tokens.count }

    // MARK: - Text of tokens

    func text(_ i: Int) -> String { ScalarWriter.string(s[tokens[i].lo..<tokens[i].hi]) }

    /// The token in lower case (cached).
    mutating func lower(_ i: Int) -> String {
        if lowered.isEmpty { lowered = Array(repeating: nil, count: tokens.count) }
        if let l = lowered[i] { return l }
        let l = Self.lowercase(s[tokens[i].lo..<tokens[i].hi])
        lowered[i] = l
        return l
    }

    private static func lowercase(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        // ASCII (nearly every word): built in place; 15 bytes or fewer make a small string,
        // which needs no allocation.
        if scalars.allSatisfy({ $0.value < 0x80 }) {
            return String(unsafeUninitializedCapacity: scalars.count) { buffer in
                var k = 0
                for c in scalars {
                    let v = UInt8(truncatingIfNeeded: c.value)
                    buffer[k] = v >= 0x41 && v <= 0x5A ? v | 0x20 : (v == 0x60 ? 0x27 : v)
                    k += 1
                }
                return k
            }
        }
        var w = ScalarWriter(capacity: scalars.count)
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
        let start = Int(asciiStart[i])
        guard start >= 0 else { return nil }
        let end = start + tokens[i].hi - tokens[i].lo
        return asciiLower.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// Whether the token in lower case is in `set` (`set.contains(lower(i))`).
    mutating func word(_ i: Int, in set: WordSet) -> Bool {
        let start = Int(asciiStart[i])
        guard start >= 0 else { return withWideKey(i) { set.contains(asciiBytes: $0, hash: $1) } ?? set.contains(lower(i)) }
        let end = start + tokens[i].hi - tokens[i].lo
        return asciiLower.withUnsafeBufferPointer { set.contains(asciiBytes: UnsafeBufferPointer(rebasing: $0[start..<end]), hash: asciiHash[i]) }
    }

    /// The value the token in lower case has in `table` (`table[lower(i)]`), looked up as bytes
    /// when it has a byte key.
    mutating func value<Value>(_ i: Int, in table: WordTable<Value>) -> Value? {
        let start = Int(asciiStart[i])
        guard start >= 0 else { return withWideKey(i) { table.value(asciiBytes: $0, hash: $1) } ?? table[lower(i)] }
        let end = start + tokens[i].hi - tokens[i].lo
        return asciiLower.withUnsafeBufferPointer { table.value(asciiBytes: UnsafeBufferPointer(rebasing: $0[start..<end]), hash: asciiHash[i]) }
    }

    /// Calls `body` with the bytes a token that is not ASCII is filed under in a ``WordTable``
    /// (its lower case's byte key, made on its first look-up) and their hash; nil when it has
    /// none (ask the table with ``lower(_:)``). Out of line: ASCII tokens never come here.
    @inline(never)
    private mutating func withWideKey<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>, UInt32) -> R) -> R? {
        if wideKeys.isEmpty { wideKeys = Array(repeating: .unknown, count: tokens.count) }
        if case .unknown = wideKeys[i] {
            if let key = WordTable<Bool>.byteKey(of: lower(i)) {
                let keyStart = wideKeyBytes.count
                wideKeyBytes += key
                let hash = key.withUnsafeBufferPointer(WordTable<Bool>.hashBytes)
                wideKeys[i] = .bytes(start: Int32(keyStart), end: Int32(wideKeyBytes.count), hash: hash)
            } else {
                wideKeys[i] = .none
            }
        }
        guard case .bytes(let lo, let hi, let hash) = wideKeys[i] else { return nil }
        return wideKeyBytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[Int(lo)..<Int(hi)]), hash) }
    }

    /// Whether the token is an acronym (`QuoteFinder.isAcronym(text(i))`), read from its scalars.
    func isAcronym(_ i: Int) -> Bool {
        var letters = 0
        for c in s[tokens[i].lo..<tokens[i].hi] where c != "." {
            let v = c.value
            if v >= 0x41 && v <= 0x5A { letters += 1; continue }
            if v < 0x80 || !c.properties.isUppercase { return false }
            letters += 1
        }
        return letters >= 2
    }

    /// The gender the token in lower case suggests as a given name (`GivenNames.gender(of:
    /// lower(i))`), looked up as bytes when the token is ASCII.
    mutating func givenName(_ i: Int) -> GivenNames.Gender? {
        if let ascii = withLowerASCII(i, { GivenNames.gender(ofASCII: $0) }) { return ascii }
        return withWideKey(i) { GivenNames.gender(ofBytes: $0, hash: $1) } ?? GivenNames.gender(of: lower(i))
    }

    func isWord(_ i: Int) -> Bool { i >= 0 && i < tokens.count && tokens[i].kind == .word }
    func isPunct(_ i: Int, _ c: Unicode.Scalar) -> Bool {
        i >= 0 && i < tokens.count && tokens[i].kind == .punct && s[tokens[i].lo] == c
    }
    func first(_ i: Int) -> Unicode.Scalar { s[tokens[i].lo] }
    func last(_ i: Int) -> Unicode.Scalar { s[tokens[i].hi - 1] }

    /// A quick test before a word is looked up as a speech verb: an ASCII word must be 3 to 12
    /// letters long and open with a letter some speech verb opens with; other words (Greek,
    /// Russian) are always looked up.
    func mayBeSpeechVerb(_ i: Int) -> Bool {
        let t = tokens[i]
        let f = s[t.lo].value
        guard f < 0x80 else { return true }
        let length = t.hi - t.lo
        guard length >= 3, length <= 12, f >= 0x61, f <= 0x7A else { return false }
        return Self.speechVerbInitials & (1 << (f - 0x61)) != 0
    }

    /// One bit per ASCII letter that opens a speech verb.
    private static let speechVerbInitials: UInt32 = Lexicon.speechVerbs.asciiInitials

    /// A word in lower case opening in a lower-case letter.
    func isLowerWord(_ i: Int) -> Bool {
        guard isWord(i) else { return false }
        let c = s[tokens[i].lo]
        if c.value < 0x80 { return c.value >= 0x61 && c.value <= 0x7A }
        return c.properties.isLowercase
    }

    // MARK: - Tokenising

    @inline(__always)
    private static func isLetterOrDigit(_ c: Unicode.Scalar) -> Bool { TextScan.isWordScalar(c) }

    private mutating func tokenize() {
        var tokens: [Token] = []
        swap(&tokens, &self.tokens)  // the reserved buffer, held once
        s.withUnsafeBufferPointer { s in
            var i = 0
            let n = s.count
            var space = true
            while i < n {
                let c = s[i]
                if TextScan.isSpace(c) { space = true; i += 1; continue }
                let start = i
                if Self.isLetterOrDigit(c) {
                    i += 1
                    while i < n {
                        let d = s[i]
                        if Self.isLetterOrDigit(d) || TextScan.isNonspacingMark(d) { i += 1; continue }
                        // Inner apostrophes, hyphens, full stops, commas in numbers, slashes, ampersands.
                        if i + 1 < n, Self.isLetterOrDigit(s[i + 1]) {
                            switch d.value {
                            case 0x27, 0x2019, 0x2D, 0x2010, 0x2F, 0x26:  // ' ’ - ‐ / &
                                i += 1; continue
                            case 0x2E:
                                // U.S, a.m, 3.5 — but not "end.Next" after a long word.
                                let runStart = Self.segmentStart(s, before: i, from: start)
                                if i - runStart <= 2 || TextScan.isNumeric(s[i - 1]) { i += 1; continue }
                            case 0x2C:
                                if TextScan.isNumeric(s[i - 1]) && TextScan.isNumeric(s[i + 1]) { i += 1; continue }
                            default: break
                            }
                        }
                        break
                    }
                    let f = s[start]
                    let cap = f.value < 0x80 ? (f.value >= 0x41 && f.value <= 0x5A)
                        : f.properties.isUppercase || (f.properties.isAlphabetic && !f.properties.isLowercase && !f.properties.changesWhenUppercased)
                    tokens.append(Token(lo: start, hi: i, kind: .word, capitalised: cap, spaceBefore: space))
                } else {
                    i += 1
                    let kind: Kind = QuoteFinder.isQuoteMark(c) ? .quote : .punct
                    tokens.append(Token(lo: start, hi: i, kind: kind, capitalised: false, spaceBefore: space))
                }
                space = false
            }
        }
        self.tokens = tokens
    }

    /// Start of the current dot-separated piece of a word (for `U.S` and `a.m`).
    private static func segmentStart(_ s: UnsafeBufferPointer<Unicode.Scalar>, before i: Int, from start: Int) -> Int {
        var k = i
        while k > start, s[k - 1] != "." { k -= 1 }
        return k
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
        let p = s[tokens[i - 1].lo]
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
            let c = s[tokens[i].lo]
            if c == "\"" || isDoubleOpener(c) {
                if c == "\"" && !opensHere(i) && i > 0 { i += 1; continue }
                var j = i + 1
                while j < n {
                    if tokens[j].kind == .quote {
                        let d = s[tokens[j].lo]
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
                    if tokens[j].kind == .quote, isSingle(s[tokens[j].lo]), s[tokens[j].lo] != "\u{2018}", closesSingle(j) {
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

    /// The scalar range of a span's words (inside its marks).
    func innerRange(_ span: Span) -> Range<Int> {
        let lo = tokens[span.open].hi
        let hi = span.close < tokens.count ? tokens[span.close].lo : s.count
        return lo..<max(lo, hi)
    }

    // MARK: - Sentences

    /// Whether the full stop, `!` or `?` at token `i` ends a sentence: it is followed by a
    /// capitalised word, a quote mark, a bracket or nothing, and (for a full stop) does not end
    /// an abbreviation or an initial.
    mutating func endsSentence(_ i: Int) -> Bool {
        guard tokens[i].kind == .punct else { return false }
        let c = s[tokens[i].lo]
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
            if tokens[i - 1].hi - tokens[i - 1].lo == 1 && tokens[i - 1].capitalised { return false }  // an initial
            let nextCapitalised = k < tokens.count && tokens[k].capitalised
            // An ASCII word is read as its lower-case bytes (one byte a character).
            if let ascii = withLowerASCII(i - 1, { w in
                (nextCapitalised && w.contains(0x2E)) || (w.count <= 7 && Self.hasPartyPrefix(w))
            }) {
                if ascii { return false }
            } else {
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

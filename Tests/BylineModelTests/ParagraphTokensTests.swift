@testable import BylineModel
import PropertyBased
import Testing

/// The tokenizer of `ParagraphTokens` (byte ranges over the paragraph's UTF-8, scalar classes
/// from ranges, ASCII tokens lower-cased as bytes) against the scalar tokenizer it replaced,
/// written out here with the Unicode properties, on random text of curly and straight quotes,
/// guillemets, accents, combining marks, CJK, RTL, emoji, CR LF, numbers and abbreviations, and
/// on random scalars of every plane.
@Suite struct ParagraphTokensTests {
    private struct Expected: Equatable {
        var lo: Int, hi: Int, kind: ParagraphTokens.Kind, capitalised: Bool, spaceBefore: Bool
        var lower: [UInt8]?
    }

    private func reference(_ text: String) -> [Expected] {
        let s = Array(text.unicodeScalars)
        var result: [Expected] = []
        var i = 0
        var space = true
        func word(_ c: Unicode.Scalar) -> Bool { c.properties.isAlphabetic || c.properties.numericType != nil }
        func numeric(_ c: Unicode.Scalar) -> Bool { c.properties.numericType != nil }
        while i < s.count {
            let c = s[i]
            if c.properties.isWhitespace { space = true; i += 1; continue }
            let start = i
            if word(c) {
                i += 1
                scan: while i < s.count {
                    let d = s[i]
                    if word(d) || d.properties.generalCategory == .nonspacingMark { i += 1; continue }
                    if i + 1 < s.count, word(s[i + 1]) {
                        switch d {
                        case "'", "\u{2019}", "-", "\u{2010}", "/", "&": i += 1; continue scan
                        case ".":
                            var runStart = i
                            while runStart > start, s[runStart - 1] != "." { runStart -= 1 }
                            if i - runStart <= 2 || numeric(s[i - 1]) { i += 1; continue scan }
                        case ",":
                            if numeric(s[i - 1]) && numeric(s[i + 1]) { i += 1; continue scan }
                        default: break
                        }
                    }
                    break
                }
                let f = s[start]
                let cap = f.properties.isUppercase || (f.properties.isAlphabetic && !f.properties.isLowercase && !f.properties.changesWhenUppercased)
                result.append(Expected(lo: start, hi: i, kind: .word, capitalised: cap, spaceBefore: space, lower: nil))
            } else {
                i += 1
                let quote = "\"'\u{201C}\u{201D}\u{201E}\u{00AB}\u{00BB}\u{2018}\u{2019}\u{201A}".unicodeScalars.contains(c)
                result.append(Expected(lo: start, hi: i, kind: quote ? .quote : .punct, capitalised: false, spaceBefore: space, lower: nil))
            }
            space = false
            let piece = s[start..<i]
            if piece.allSatisfy({ $0.isASCII }) {
                result[result.count - 1].lower = piece.map { c in
                    let b = UInt8(c.value)
                    return b >= 0x41 && b <= 0x5A ? b | 0x20 : (b == 0x60 ? 0x27 : b)
                }
            }
        }
        return result
    }

    static let pieces = [" ", "  ", "\t", "\r\n", "\n", "\u{00A0}", "\u{3000}", "Mr", "Mr.", "U.S.", "a.m.", "3.5", "1,000", "42-year-old",
                         "Jolie’s", "players’", "O'Neill", "don't", "`", "said", "Said", "SAID", "Zoë", "Ame\u{301}lie", "\u{301}",
                         "Ελένη", "Москва", "東京", "こんにちは", "서울", "Nguyễn", "İstanbul", "ǅ", "“", "”", "‘", "’", "„", "«", "»", "‚",
                         "\"", "'", ",", ".", ":", ";", "!", "?", "…", "—", "–", "-", "(", ")", "[", "/", "&", "end.Next",
                         "x", "7", "٣", "Ⅻ", "½", "😀", "\u{FFFD}", "AT&T", "km/h", "e.g.", "Ph.D.",
                         "שלום", "مرحبا", "\u{200F}", "\u{202E}", "\u{200D}", "👩‍👩‍👧", "🇬🇧", "❤️", "\u{FE0F}", "ﷺ", "𝔘", "𝟙", "１,０",
                         "ᄀ\u{1161}", "e\u{301}.", "a.\u{301}b", "1.\u{661}", "٣,٤", "ﬁ", "ß", "Σ", "\u{0}", "\u{7F}", "\u{85}"]
    static let text = Gen.element(of: pieces).array(of: 0...40).map { $0.compactMap { $0 }.joined() }
    /// Random scalars of every plane among ASCII (surrogates are no scalars).
    static let anyScalars = Gen.oneOf(Gen.element(of: pieces), Gen.uint32(in: 0...0x10FFFF).map { v -> String? in Unicode.Scalar(v).map { String($0) } ?? "x" })
        .array(of: 0...30).map { $0.compactMap { $0 }.joined() }

    /// The tokens with byte offsets turned into scalar offsets, as the reference counts.
    private func tokens(_ text: String) -> [Expected] {
        let p = ParagraphTokens(text)
        var scalarAt: [Int: Int] = [:]
        var byte = 0
        for (k, c) in text.unicodeScalars.enumerated() {
            scalarAt[byte] = k
            byte += UTF8.width(c)
        }
        scalarAt[byte] = text.unicodeScalars.count
        return p.tokens.indices.map { i in
            let t = p.tokens[i]
            let lo = scalarAt[t.lo] ?? -1, hi = scalarAt[t.hi] ?? -1
            #expect(Int(t.scalarCount) == hi - lo)
            #expect(p.text(i).unicodeScalars.count == hi - lo)
            return Expected(lo: lo, hi: hi, kind: t.kind, capitalised: t.capitalised,
                            spaceBefore: t.spaceBefore, lower: p.withLowerASCII(i) { Array($0) })
        }
    }

    @Test func tokenizerAgreesWithTheRules() async {
        await propertyCheck(count: 4000, input: Self.text) { text in
            #expect(tokens(text) == reference(text), "\(text.debugDescription)")
        }
    }

    @Test func tokenizerAgreesOnRandomScalars() async {
        await propertyCheck(count: 3000, input: Self.anyScalars) { text in
            #expect(tokens(text) == reference(text), "\(text.debugDescription)")
        }
    }

    /// `lower(_:)` as it was made before tokens were bytes: scalar by scalar, Unicode's mapping
    /// where the table has none, `’` as `'`, and (ASCII tokens only) `` ` `` as `'`.
    private static func referenceLower(_ token: String) -> String {
        if token.unicodeScalars.allSatisfy(\.isASCII) {
            return String(decoding: token.utf8.map { b in b >= 0x41 && b <= 0x5A ? b | 0x20 : (b == 0x60 ? 0x27 : b) }, as: UTF8.self)
        }
        var out = String.UnicodeScalarView()
        for c in token.unicodeScalars {
            if c.isASCII {
                out.append(Unicode.Scalar(UInt8(c.value) >= 0x41 && c.value <= 0x5A ? UInt8(c.value) | 0x20 : UInt8(c.value)))
            } else if c.properties.changesWhenLowercased {
                out.append(contentsOf: c.properties.lowercaseMapping.unicodeScalars)
            } else if c == "\u{2019}" {
                out.append("'")
            } else {
                out.append(c)
            }
        }
        return String(out)
    }

    @Test func lowerIsTheScalarLowerCase() async {
        await propertyCheck(count: 3000, input: Self.anyScalars) { text in
            let p = ParagraphTokens(text)
            for i in 0..<p.count {
                #expect(p.lower(i) == Self.referenceLower(p.text(i)), "\(p.text(i).debugDescription)")
            }
        }
        let p = ParagraphTokens("İstanbul ȺB Zoë’s ΣΟΦΊΑ Ame\u{301}lie ǅ 東京 Ⅻ ﬁ `a")
        #expect((0..<p.count).map { p.lower($0) } == ["i\u{307}stanbul", "ⱥb", "zoë's", "σοφία", "ame\u{301}lie", "ǆ", "東京", "ⅻ", "ﬁ", "'", "a"])
    }

    /// `withKeyBytes(_:)` gives `WordTable.byteKey` of a wide token's lower case (nil for an
    /// ASCII token or one without a key), and the tables' and a registry's byte look-ups of it
    /// answer as their string look-ups of the lower case do.
    @Test func keyBytesAreTheLowerCasesByteKey() async {
        var registry = SpeakerRegistry()
        _ = registry.entity(named: ["Ame\u{301}lie", "Zoe\u{301}"], gender: .female)
        _ = registry.entity(named: ["Zoë", "Ame\u{301}lie"], gender: .female)
        await propertyCheck(count: 2000, input: Self.anyScalars) { text in
            var p = ParagraphTokens(text + " Ame\u{301}lie ZOE\u{301} zoë's")
            for i in 0..<p.count {
                let lower = p.lower(i)
                let key = p.withKeyBytes(i) { Array($0) }
                #expect(key == (p.tokens[i].ascii ? nil : WordTable<Int>.byteKey(of: lower)), "\(p.text(i).debugDescription)")
                guard let key else { continue }
                key.withUnsafeBufferPointer { b in
                    let h = WordTable<Bool>.hashBytes(b)
                    #expect((GivenNames.gender(ofBytes: b, hash: h) != nil) == (GivenNames.gender(of: lower) != nil))
                    #expect(registry.knows(lowercasedBytes: b) == registry.knows(lowercased: lower), "\(lower.debugDescription)")
                    #expect(Lexicon.titles.contains(asciiBytes: b, hash: h) == Lexicon.titles.contains(lower))
                }
            }
        }
        var p = ParagraphTokens("Ame\u{301}lie said")
        #expect(p.withKeyBytes(0) { Array($0) } == Array("am\u{E9}lie".utf8))
        #expect(p.withKeyBytes(1) { Array($0) } == nil)
    }

    /// The registry finds an entity by its name as strings compare, whether the bytes decide
    /// (names of other lengths told apart at once) or not (a decomposed accent).
    @Test func registryFindsNamesAsStringsCompare() {
        var r = SpeakerRegistry()
        let acme = r.entity(named: ["Acme", "Ltd"], gender: .unknown, organisation: true)
        let zoe = r.entity(named: ["Zoe\u{301}", "Ltd"], gender: .unknown, organisation: true)
        #expect(r.entity(named: ["Zoé", "Ltd"], gender: .unknown, organisation: true) == zoe)
        #expect(r.entity(named: ["Zoe\u{301}", "Ltd"], gender: .unknown, organisation: true) == zoe)
        #expect(r.entity(named: ["Acme", "Ltd"], gender: .unknown, organisation: true) == acme)
        let acmeCo = r.entity(named: ["Acme", "Co"], gender: .unknown, organisation: true)
        #expect(acmeCo != acme && acmeCo != zoe)
        let zoeCo = r.entity(named: ["Zoé", "Co"], gender: .unknown, organisation: true)
        #expect(r.entity(named: ["Zoe\u{301}", "Co"], gender: .unknown, organisation: true) == zoeCo)
        #expect(r.entities.count == 4)
    }

    /// `withLowerBytes(_:)` (a wide token's lower case made once and kept) spells `lower(_:)`,
    /// on its first look-up and again, and look-ups through the kept forms answer as strings do.
    @Test func lowerBytesAreTheLowerCase() async {
        await propertyCheck(count: 2000, input: Self.anyScalars) { text in
            var p = ParagraphTokens(text)
            for _ in 0..<2 {
                for i in 0..<p.count {
                    let lower = p.lower(i)
                    #expect(p.withLowerBytes(i) { Array($0) } == Array(lower.utf8), "\(p.text(i).debugDescription)")
                    #expect(p.word(i, in: Lexicon.speechVerbs) == Lexicon.speechVerbs.contains(lower))
                    #expect(p.givenName(i) == GivenNames.gender(of: lower))
                }
            }
        }
        var p = ParagraphTokens("ZOË Ame\u{301}lie ΕΊΠΕ")
        #expect(p.withLowerBytes(0) { Array($0) } == Array("zoë".utf8))
        #expect(p.withLowerBytes(1) { Array($0) } == Array("ame\u{301}lie".utf8))
        #expect(p.givenName(1) == GivenNames.gender(of: "amélie"))
    }

    /// A paragraph reloaded with another text (its buffers reused, longer or shorter, dense or
    /// not, its wide tokens' lower cases made for the text before) reads as one made afresh.
    @Test func reloadedTokensAreFreshTokens() async {
        var reused = ParagraphTokens()
        let fixed = ["İstanbul ȺB Zoë’s ΣΟΦΊΑ Ame\u{301}lie", "", String(repeating: "!?“a,", count: 60), "“Zoë’s café,” said Ελένη ‘to’ him."]
        for text in fixed {
            reused.reload(text)
            Self.expectSame(&reused, text)
        }
        await propertyCheck(count: 2000, input: Self.anyScalars) { text in
            reused.reload(text)
            Self.expectSame(&reused, text)
        }
    }

    private static func expectSame(_ reused: inout ParagraphTokens, _ text: String) {
        var fresh = ParagraphTokens(text)
        #expect(reused.utf8 == fresh.utf8)
        #expect(reused.count == fresh.count, "\(text.debugDescription)")
        guard reused.count == fresh.count else { return }
        for i in 0..<fresh.count {
            let (a, b) = (reused.tokens[i], fresh.tokens[i])
            #expect(a.lo == b.lo && a.hi == b.hi && a.kind == b.kind && a.hash == b.hash && a.scalarCount == b.scalarCount
                    && a.capitalised == b.capitalised && a.spaceBefore == b.spaceBefore && a.ascii == b.ascii, "\(text.debugDescription)")
            #expect(reused.lower(i) == fresh.lower(i))
            #expect(reused.withLowerBytes(i) { Array($0) } == fresh.withLowerBytes(i) { Array($0) })
            #expect(reused.word(i, in: Lexicon.speechVerbs) == fresh.word(i, in: Lexicon.speechVerbs))
        }
        #expect(reused.spans.map { [$0.open, $0.close] } == fresh.spans.map { [$0.open, $0.close] })
        #expect(reused.spans.map { [$0.terminated, $0.single] } == fresh.spans.map { [$0.terminated, $0.single] })
    }

    /// The capital test of a word's first scalar above ASCII (a table for Latin letters, ranges
    /// for Han, Hangul and kana, the properties otherwise) agrees with the properties for every
    /// scalar of the basic plane below the surrogates.
    @Test func capitalisedAsThePropertiesSay() {
        for v in UInt32(0x80)..<0xD800 {
            guard let c = Unicode.Scalar(v) else { continue }
            let p = c.properties
            let expected = p.isUppercase || (p.isAlphabetic && !p.isLowercase && !p.changesWhenUppercased)
            #expect(ParagraphTokens.opensCapitalised(c) == expected, "U+\(String(v, radix: 16))")
        }
    }

    /// Text denser in tokens than prose (a token a byte) is tokenized again with room for all.
    @Test func denseTextHasEveryToken() {
        let text = String(repeating: "!?“a,", count: 200)
        #expect(ParagraphTokens(text).count == 1000)
        #expect(tokens(text) == reference(text))
        let dots = String(repeating: ".", count: 100)
        #expect(ParagraphTokens(dots).count == 100)
    }

    /// First and last scalars, and a quotation's inner text, read from the bytes.
    @Test func scalarsAndInnerTextFromBytes() {
        let p = ParagraphTokens("“Zoë’s café,” said Ελένη 👩‍👩‍👧.")
        #expect(p.first(0) == "“")
        #expect(p.first(1) == "Z" && p.last(1) == "s")
        #expect(p.last(2) == "\u{E9}")
        #expect(p.spans.count == 1)
        #expect(p.innerText(p.spans[0]) == "Zoë’s café,")
        #expect(p.text(6) == "Ελένη" && p.first(6) == "Ε" && p.last(6) == "η")
        #expect(p.last(p.count - 2) == "\u{1F467}")
    }

    /// Invalid UTF-8 is repaired to U+FFFD before tokenizing: a punctuation token of its own.
    @Test func repairedBytesArePunctuation() {
        let text = String(decoding: [0x61, 0xFF, 0x62, 0x20, 0xE2, 0x80], as: UTF8.self)
        let p = ParagraphTokens(text)
        #expect(p.tokens.map(\.kind) == [.word, .punct, .word, .punct])
        #expect(p.withLowerASCII(1) { Array($0) } == nil)
        #expect(p.withLowerASCII(0) { Array($0) } == [0x61])
    }

    /// The quick test before a speech-verb look-up turns away no speech verb written in lower
    /// case, and most other words (their hash's bit is clear).
    @Test func speechVerbFilterKeepsEveryVerb() {
        for verb in Lexicon.speechVerbs {
            var p = ParagraphTokens("They \(verb) it, and \(verb).")
            for i in p.tokens.indices where p.isWord(i) && p.word(i, in: Lexicon.speechVerbs) && p.isLowerWord(i) {
                #expect(p.mayBeSpeechVerb(i), "\(verb)")
            }
        }
        let others = "the harbour reopened after a long storm and the council met to discuss plans for new housing near".split(separator: " ")
        var p = ParagraphTokens(others.joined(separator: " "))
        let passed = p.tokens.indices.filter { p.mayBeSpeechVerb($0) && !p.word($0, in: Lexicon.speechVerbs) }.count
        #expect(passed <= 2, "\(passed) of \(others.count) ordinary words passed the filter")
    }
}

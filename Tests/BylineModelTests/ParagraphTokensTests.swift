@testable import BylineModel
import PropertyBased
import Testing

/// The tokenizer of `ParagraphTokens` (scalar classes from ranges, ASCII tokens lower-cased as
/// bytes) against its rules written out with the Unicode properties, on random text of curly
/// and straight quotes, guillemets, accents, combining marks, CJK, CR LF, numbers and
/// abbreviations.
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
                         "x", "7", "٣", "Ⅻ", "½", "😀", "\u{FFFD}", "AT&T", "km/h", "e.g.", "Ph.D."]
    static let text = Gen.element(of: pieces).array(of: 0...40).map { $0.compactMap { $0 }.joined() }

    @Test func tokenizerAgreesWithTheRules() async {
        await propertyCheck(count: 4000, input: Self.text) { text in
            let p = ParagraphTokens(text)
            let got = p.tokens.indices.map { i in
                Expected(lo: p.tokens[i].lo, hi: p.tokens[i].hi, kind: p.tokens[i].kind, capitalised: p.tokens[i].capitalised,
                         spaceBefore: p.tokens[i].spaceBefore, lower: p.withLowerASCII(i) { Array($0) })
            }
            #expect(got == reference(text), "\(text.debugDescription)")
        }
    }

    /// Invalid UTF-8 is repaired to U+FFFD before tokenizing: a punctuation token of its own.
    @Test func repairedBytesArePunctuation() {
        let text = String(decoding: [0x61, 0xFF, 0x62, 0x20, 0xE2, 0x80], as: UTF8.self)
        let p = ParagraphTokens(text)
        #expect(p.tokens.map(\.kind) == [.word, .punct, .word, .punct])
        #expect(p.withLowerASCII(1) { Array($0) } == nil)
        #expect(p.withLowerASCII(0) { Array($0) } == [0x61])
    }
}

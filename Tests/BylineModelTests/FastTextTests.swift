import Foundation
import PropertyBased
import Testing
@testable import BylineModel

/// The shortcuts the parser takes on bytes and on known blocks of Unicode agree with the
/// Unicode properties and the `String` operations they stand for.
@Suite struct FastTextTests {
    /// Every scalar: the whitespace list, the word-scalar ranges, nonspacing marks and numerals.
    @Test func scalarClassesAgreeWithTheProperties() {
        for v in UInt32(0)...0x10FFFF {
            guard let c = Unicode.Scalar(v) else { continue }
            let p = c.properties
            #expect(TextScan.isSpace(c) == p.isWhitespace, "U+\(String(v, radix: 16))")
            #expect(TextScan.isWordScalar(c) == (p.isAlphabetic || p.numericType != nil), "U+\(String(v, radix: 16))")
            #expect(TextScan.isNonspacingMark(c) == (p.generalCategory == .nonspacingMark), "U+\(String(v, radix: 16))")
            #expect(TextScan.isNumeric(c) == (p.numericType != nil), "U+\(String(v, radix: 16))")
            if let l = TextScan.lowerScalar(v) {
                #expect(Array(p.lowercaseMapping.unicodeScalars.map(\.value)) == [l], "U+\(String(v, radix: 16))")
            }
        }
    }

    /// Every scalar, alone and between letters: `normalized` (which answers the common blocks
    /// from ranges and a table) as the properties say.
    @Test func normalizedAgreesWithThePropertiesForEveryScalar() {
        func reference(_ text: String) -> String {
            var out = ""
            var pendingSpace = false
            for c in text.unicodeScalars {
                let p = c.properties
                if p.isAlphabetic || p.numericType != nil {
                    if pendingSpace { out += " "; pendingSpace = false }
                    out.unicodeScalars.append(contentsOf: p.changesWhenLowercased ? p.lowercaseMapping.unicodeScalars : String(c).unicodeScalars)
                } else if p.generalCategory == .nonspacingMark || p.generalCategory == .spacingMark {
                    out.unicodeScalars.append(c)
                } else if !out.isEmpty {
                    pendingSpace = true
                }
            }
            return out
        }
        for v in UInt32(0)...0x10FFFF {
            guard let c = Unicode.Scalar(v) else { continue }
            // Unassigned and private-use scalars take the property path alike; spot-check them.
            if v >= 0x30000 && v % 97 != 0 { continue }
            for text in ["x\(c)Y", String(c)] where TextScan.normalized(text) != reference(text) {
                Issue.record("U+\(String(v, radix: 16)) in \(text.debugDescription): \(TextScan.normalized(text).debugDescription), not \(reference(text).debugDescription)")
            }
        }
    }

    @Test func asciiPunctuationIsFoundationsPunctuation() {
        for b in UInt8(0x20)...0x7E {
            #expect(Boilerplate.asciiPunctuation(b) == CharacterSet.punctuationCharacters.contains(Unicode.Scalar(b)), "\(b)")
        }
    }

    /// Text made of the pieces that make byte shortcuts go wrong: combining marks after ASCII,
    /// CR LF, canonical equivalents of ASCII, wide spaces, quote marks and dashes.
    static let pieces: [String] = [
        "a", "s", "'s", "n't", ".", ",", ":", " ", "  ", "\t", "\r\n", "\n", "\u{301}", "\u{308}", "\u{200D}", "\u{212A}", "\u{37E}",
        "é", "e\u{301}", "\u{A0}", "\u{2009}", "\u{3000}", "\u{1680}", "\u{85}", "¿", "\"", "\"\"", "“", "”", "‘", "’", "«", "»",
        "—", "-", "(", ")", "[", "]", "Reporting by", "ADVERTISEMENT", "learn more", "Getty Images", "/AP", "click here",
        "call us", "Facebook", "©", "@", "日本", "한국", "👍🏽", "ed", "-year-old", "K", ";", "\u{2019}", "’s", "d-", "D-", "r", "\u{2028}",
        "\u{600}", "İ", "ẞ", "Σ", "ΑΣ", "Ёлка", "Tomás", "ŁÓDŹ", "Ⱥ", "名古屋", "ǅ",
    ]
    static let text = Gen.element(of: pieces).array(of: 0...12).map { $0.compactMap { $0 }.joined() }

    @Test func byteShortcutsAgreeWithStrings() async {
        let suffixes = [".", ",", ":", "'s", "n't", "ed", "s", "ss", "-year-old", "]", "/ap", " -", "K", ";", "é", "\r\n", "\u{301}",
                        "\u{2019}s", "\u{2019}", "—", "\u{2028}"]
        let prefixesToTest = ["d-", "r-", "(", "a", "é", "K", "\r", "'s"]
        let groups = [["click here", "©"], ["call us", "@"], ["facebook"], ["reporting by", "k"]]
        let needles = TextScan.Needles(groups: groups)
        let prefixes = ["reporting by", "(c) ", "advertisement", "getty images", "—", "é"]
        let prefixSet = TextScan.Prefixes(prefixes)
        await propertyCheck(count: 2000, input: Self.text) { s in
            for suffix in suffixes {
                #expect(TextScan.hasSuffix(s, suffix) == s.hasSuffix(suffix), "\(s.debugDescription) \(suffix.debugDescription)")
            }
            for prefix in prefixesToTest {
                #expect(TextScan.hasPrefix(s, prefix) == s.hasPrefix(prefix), "\(s.debugDescription) \(prefix.debugDescription)")
            }
            #expect(TextScan.lowercased(s) == s.lowercased())
            let lowered = String(String.UnicodeScalarView(s.unicodeScalars.map { $0.value >= 0x41 && $0.value <= 0x5A ? Unicode.Scalar($0.value + 32)! : $0 }))
            var expected: UInt32 = 0
            for (k, group) in groups.enumerated() where group.contains(where: { Array(lowered.utf8).firstRange(of: Array($0.utf8)) != nil }) {
                expected |= 1 << UInt32(k)
            }
            #expect(needles.groups(in: s, wanted: 0b1111) == expected, "\(s.debugDescription)")
            #expect(needles.groups(in: s, wanted: 0b0101) == expected & 0b0101, "\(s.debugDescription)")
            #expect(prefixSet.match(s) == prefixes.contains { TextScan.hasPrefixIgnoringCase(s, $0) }, "\(s.debugDescription)")
            let line = TextSanitizer.sanitize(s).replacingOccurrences(of: "\n", with: " ")
            #expect(ArticleParser.collapse(line) == ArticleParser.collapseScalars(line), "\(line.debugDescription)")
            #expect(TextScan.stripWrappingQuotes(s) == Self.obviousStrip(s), "\(s.debugDescription)")
            #expect(TextScan.scalars(s) == Array(s.unicodeScalars))
        }
    }

    /// Quote marks dropped from both ends, then whitespace trimmed, scalar by scalar.
    static func obviousStrip(_ s: String) -> String {
        var scalars = Array(s.unicodeScalars)
        while let f = scalars.first, QuoteFinder.isQuoteMark(f) { scalars.removeFirst() }
        while let l = scalars.last, QuoteFinder.isQuoteMark(l) { scalars.removeLast() }
        while let f = scalars.first, f.properties.isWhitespace { scalars.removeFirst() }
        while let l = scalars.last, l.properties.isWhitespace { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    /// The quick "no numeral, no month" answer of a date line never hides one.
    @Test func dateLinesNeedANumeralOrAMonth() {
        #expect(Metadata.isDate("Monday, 3 March 2014"))
        #expect(Metadata.isDate("Updated \u{662}\u{660}\u{661}\u{664}"), "Arabic-Indic digits are a year too")
        #expect(Metadata.isDate("MARCH · Tuesday"))
        #expect(!Metadata.isDate("Harbour reopens 🏯 after storm"))
        #expect(!Metadata.isDate("Tuesday, ½"))
    }

    /// Junk tests whose openers, case or marks the byte paths must read as characters do.
    @Test func junkSentencesReadAsCharacters() {
        #expect(Boilerplate.isJunkSentence("(Reporting by Jane Doe; Editing by John Roe)"))
        #expect(Boilerplate.isJunkSentence("— Reporting by Jane Doe"))
        #expect(Boilerplate.isJunkSentence("- - ( ADVERTISEMENT."))
        #expect(Boilerplate.isJunkSentence("Learn More"))
        #expect(!Boilerplate.isJunkSentence("(\u{301}Reporting by Jane Doe"), "a mark joins the bracket: no opener")
        #expect(!Boilerplate.isJunkSentence("“Reporting by Jane Doe"))
        #expect(!Boilerplate.isJunkSentence("Learn more about the harbour"))
        #expect(!Boilerplate.isJunkSentence("Advertisement\u{301}"))
        #expect(Boilerplate.isJunkLine("Photo: Getty Images"))
        #expect(Boilerplate.isJunkLine("(ADVERTISEMENT)"))
        #expect(Boilerplate.isJunkLine("  Share this article  "))
        #expect(Boilerplate.isJunkLine("Harbour at dawn. JANE DOE/AP"))
        #expect(Boilerplate.isJunkLine("Harbour at dawn. Jane Doe/Getty"))
        #expect(Boilerplate.isJunkLine("Getty Images\u{301}"), "line starts are compared as bytes, as they always were")
        #expect(!Boilerplate.isJunkLine("Jane Doe/Getty Images\u{301}"), "a mark after the credit makes another last character")
        #expect(Boilerplate.isJunkLine("Photo credit: Ré/AP"))
        #expect(!Boilerplate.isJunkLine("The harbour reopened on Tuesday."))
    }

    /// A needle of lower-case bytes is found at its place whatever the ASCII case of the text,
    /// and not past either end, nor where a byte other than a capital differs.
    @Test func bytesHeldIgnoringASCIICase() {
        let needle = Array("getty images".utf8)
        let text = Array("By JANE / Getty Images".utf8)
        text.withUnsafeBufferPointer { b in
            #expect(TextScan.holdsIgnoringASCIICase(b, at: 10, needle))
            #expect(!TextScan.holdsIgnoringASCIICase(b, at: 9, needle))
            #expect(!TextScan.holdsIgnoringASCIICase(b, at: 11, needle), "past the end")
            #expect(!TextScan.holdsIgnoringASCIICase(b, at: -1, needle))
            #expect(TextScan.holdsIgnoringASCIICase(b, at: 3, Array("jane".utf8)))
            #expect(!TextScan.holdsIgnoringASCIICase(b, at: 3, Array("JANE".utf8)), "the needle is lower case")
        }
        #expect(TextScan.asciiLowered(0x40) == 0x40 && TextScan.asciiLowered(0x5B) == 0x5B)
        #expect((0x41...0x5A).allSatisfy { TextScan.asciiLowered(UInt8($0)) == UInt8($0) + 32 })
    }
}

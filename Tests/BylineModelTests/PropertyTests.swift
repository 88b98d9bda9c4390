import Foundation
import PropertyBased
import Testing
@testable import BylineModel

/// Whatever the bytes, parsing never crashes and never lets a control character through.
@Suite struct ParserPropertyTests {
    /// Pieces that make escape sequences, entities, quotes and text when strung together at random.
    static let fragments: [String] = [
        "\u{1B}", "[", "]", "52;c;", "ZXZpbA==", "\u{07}", "\u{1B}\\", "P", "_", "^", "X", "0;31m", "8;;http://x.example/",
        "?1049h", "\u{9B}", "\u{9D}", "\u{9C}", "\u{90}", "\u{9F}", "\u{85}", "\u{202A}", "\u{202E}", "\u{2066}", "\u{2069}",
        "\r", "\n", "\n\n", "\r\n", "\t", "\u{7F}", "\u{0}", "\u{8}", "\u{FEFF}", "\u{2028}",
        "&#27;", "&#x1b;", "&#155;", "&#x202E;", "&amp;", "&#", "&eacute;", ";",
        "\"", "“", "”", "‘", "’", "'", " said: ", " said ", " she said.", "Jane Doe", ", engineer", "HELLO WORLD",
        " — ", ".", "é", "e\u{301}", "日本語", "한국", "👍🏽", "👩\u{200D}💻", "a", "word ", "The quick brown fox. ",
    ]

    static let text = Gen.element(of: fragments).array(of: 0...120).map { $0.compactMap { $0 }.joined() }

    static func check(_ a: Article) {
        for s in allText(a) {
            #expect(!hasForbidden(s), "control character in \(s.debugDescription)")
        }
        for b in a.blocks { #expect(!b.text.isEmpty) }
        for q in a.quotes {
            // Headline and standfirst quotes stand outside the blocks.
            #expect(q.place == .body ? a.blocks.indices.contains(q.block) : q.block == -1)
            if let r = q.repeats { #expect(a.quotes.indices.contains(r) && !a.quotes[r].pull) }
        }
    }

    @Test func randomBytes() async {
        await propertyCheck(count: 400, input: Gen.uint8().array(of: 0...600)) { bytes in
            Self.check(parse(bytes: bytes))
        }
    }

    @Test func randomBytesWithoutNUL() async {
        await propertyCheck(count: 400, input: Gen.uint8(in: 1...255).array(of: 0...600)) { bytes in
            Self.check(parse(bytes: bytes))
        }
    }

    @Test func randomEscapeFragments() async {
        await propertyCheck(count: 600, input: Self.text) { s in
            Self.check(parse(s))
            #expect(!hasForbidden(TextSanitizer.sanitize(s)))
            // The headline read and the parse agree.
            let data = Data(s.utf8)
            if case .headline(let h) = ArticleParser.headline(prefix: data, id: "t", complete: true) {
                #expect(h == parse(s).headline)
            }
        }
    }

    /// The byte-level helpers the parser uses agree with the slow, obvious versions.
    @Test func fastScansAgreeWithTheObviousOnes() async {
        let needles = ["said", "©", "click here", "é", "jane doe"]
        let set = TextScan.Needles(needles)
        await propertyCheck(count: 600, input: Self.text) { s in
            let clean = TextSanitizer.sanitize(s)
            #expect(TextScan.lines(clean) == clean.split(separator: "\n", omittingEmptySubsequences: false))
            // ASCII case is ignored, other bytes must match exactly.
            let lowered = String(clean.unicodeScalars.map { $0.value >= 0x41 && $0.value <= 0x5A ? Unicode.Scalar($0.value + 32)! : $0 }.map(Character.init))
            let naive = needles.contains { Array(lowered.utf8).firstRange(of: Array($0.utf8)) != nil }
            #expect(set.found(in: clean) == naive, "\(clean.debugDescription)")
            #expect(ScalarWriter.string(clean.unicodeScalars) == clean)
            #expect(TextScan.countWords(clean) == Self.obviousWordCount(clean), "\(clean.debugDescription)")
            // The byte-level shortcut only lets through text the sanitiser would leave as it is.
            if TextSanitizer.isClean(s) { #expect(TextSanitizer.sanitize(s) == s, "\(s.debugDescription)") }
        }
    }

    /// Words as `TextScan.countWords` defines them, scalar by scalar.
    static func obviousWordCount(_ s: String) -> Int {
        var words = 0
        for token in s.unicodeScalars.split(whereSeparator: TextScan.isSpace) {
            if token.contains(where: { TextScan.isWordScalar($0) && !TextScan.isCJK($0) }) { words += 1 }
            var run = 0
            for c in token {
                if TextScan.isCJK(c) { run += 1 }
            }
            words += (run + 1) / 2
        }
        return words
    }

    @Test func randomFragmentsAsLatin1Bytes() async {
        // The same fragments with their UTF-8 cut at random: exercises the Windows-1252 and U+FFFD paths.
        await propertyCheck(count: 300, input: Self.text, Gen.int(in: 0...8)) { s, cut in
            var bytes = Array(s.utf8)
            if bytes.count > cut { bytes.remove(at: cut) }
            Self.check(parse(bytes: bytes))
        }
    }
}

import Foundation
import PropertyBased
import Testing
@testable import BylineModel

/// The parser's byte-level helpers (issue 17, sixth round) answer as the string code they
/// stand in for.
@Suite struct ByteParseTests {
    /// Lines of text made of the pieces byte shortcuts get wrong, with blank lines and wide spaces.
    static let pieces: [String] = FastTextTests.pieces + ["\n", "\n\n", " \n", "\u{A0}\n", "\u{3000}", "&amp;", "&#27;", "\u{1B}[31m",
                                                          "\u{9B}", "\u{7F}", "\u{0}", "\u{C}", "\u{FEFF}", "\u{202E}", "\u{2066}", "\u{9C}"]
    static let text = Gen.element(of: pieces).array(of: 0...16).map { $0.compactMap { $0 }.joined() }

    @Test func linesAgreeWithSplittingTheString() async {
        await propertyCheck(count: 2000, input: Self.text) { raw in
            let clean = TextSanitizer.sanitize(raw)
            let lines = TextLines(clean)
            let expected = clean.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count == expected.count)
            for (k, line) in expected.enumerated() where k < lines.count {
                #expect(lines.string(k) == String(line))
                #expect(lines.blank[k] == line.unicodeScalars.allSatisfy(TextScan.isSpace), "\(line.debugDescription)")
                #expect(lines.collapsed(k) == ArticleParser.collapseScalars(line), "\(line.debugDescription)")
                #expect(lines.scalarCount(k) == line.unicodeScalars.count)
            }
        }
    }

    @Test func linesOfSmallTexts() {
        let lines = TextLines("a\n \n\u{3000}\nb c\n")
        #expect(lines.count == 5)
        #expect(lines.blank == [false, true, true, false, true])
        #expect(lines.collapsed(3) == "b c")
        #expect(TextLines("").count == 1)
    }

    /// Needles found through the gram filter (at most two bytes open a short needle) as by
    /// looking for each one, at every place of texts made of them, their pieces and filler,
    /// with escapes and without, and cut anywhere (the filter reads six bytes a step and the
    /// last ones alone).
    @Test func gramFilterFindsWhatAPlainSearchFinds() async {
        let groups = [["click here", "(c) ", "©"], ["call us", "@"], ["facebook", "read more"], ["reporting by", "for more news", "rights reserved"]]
        let plainGroups = [["click here", "(c) "], ["call us", "newsletter"], ["facebook", "read more"], ["reporting by", "for more news"]]
        let pieces = ["Click Here", "click her", "(c) ", "(C)", "c) ", "©", "@", "CALL us", "call u", "Facebook", "read more", "Read mor",
                      "REPORTING by", "for more news", "for more new", "rights reserved", "newsletter", " ", "x", "ab", "é", "\u{0}", "K",
                      "Reporting", "more", "news", "ere", "ook", "\n"]
        let text = Gen.element(of: pieces).array(of: 0...14).map { $0.compactMap { $0 }.joined() }
        func expected(_ s: String, _ groups: [[String]]) -> UInt32 {
            let lowered = Array(s.utf8).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            var bits: UInt32 = 0
            for (k, group) in groups.enumerated() where group.contains(where: { lowered.firstRange(of: Array($0.utf8)) != nil }) {
                bits |= 1 << UInt32(k)
            }
            return bits
        }
        let withEscapes = TextScan.Needles(groups: groups)
        let withoutEscapes = TextScan.Needles(groups: plainGroups)
        await propertyCheck(count: 3000, input: text) { s in
            #expect(withEscapes.groups(in: s, wanted: 0b1111) == expected(s, groups), "\(s.debugDescription)")
            #expect(withEscapes.groups(in: s, wanted: 0b1010) == expected(s, groups) & 0b1010, "\(s.debugDescription)")
            #expect(withoutEscapes.groups(in: s, wanted: 0b1111) == expected(s, plainGroups), "\(s.debugDescription)")
            #expect(withoutEscapes.groups(in: s, wanted: 0b0001) == expected(s, plainGroups) & 0b0001, "\(s.debugDescription)")
        }
        // Every place of a longer text, needle by needle.
        for needle in plainGroups.joined() {
            for k in 0..<24 {
                let s = String(repeating: "x", count: k) + needle.uppercased() + String(repeating: "y", count: k % 5)
                #expect(withoutEscapes.found(in: s), "\(s.debugDescription)")
                #expect(!withoutEscapes.found(in: String(s.dropLast(k % 5 + 1))) || k % 5 > 0, "\(s.debugDescription)")
            }
        }
    }

    /// Photo credits at the end of text that is not ASCII: as lower-casing it all finds them.
    @Test func photoCreditsBeyondASCII() async {
        let pieces = ["Photo", " ", "/AP", "/ap", "Getty Images", "GETTY IMAGES", "/Reuters", "/SHUTTERSTOC", "\u{212A}", "K", "k", ".", "é",
                      "\u{301}", "Ä", "/Pa", "\u{0600}", "ſ", "İ", "/INSTAGRAM", "\r", "Σ", "😀", "y", "/GETT", "X", "/re", "m", "\""]
        let text = Gen.element(of: pieces).array(of: 0...8).map { $0.compactMap { $0 }.joined() }
        await propertyCheck(count: 3000, input: text) { s in
            let lower = TextScan.lowercased(s)
            let expected = Boilerplate.photoCredits.contains { TextScan.hasSuffix(lower, $0) }
            #expect(Boilerplate.isPhotoCredit(s) == expected, "\(s.debugDescription)")
        }
        #expect(Boilerplate.isPhotoCredit("Björn/SHUTTERSTOC\u{212A}"))
        #expect(Boilerplate.isPhotoCredit("Photo: Zoë/AP"))
        #expect(!Boilerplate.isPhotoCredit("Zoë took it."))
    }

    /// `topBitCount` counts the top bits of a word's bytes as `nonzeroBitCount` does.
    @Test func topBitCountIsThePopulationCount() async {
        await propertyCheck(count: 3000, input: Gen.uint8().array(of: 8...8)) { bytes in
            var x: UInt64 = 0
            for (k, b) in bytes.enumerated() where b & 1 != 0 { x |= 0x80 << (8 * UInt64(k)) }
            #expect(TextScan.topBitCount(x) == x.nonzeroBitCount)
        }
        #expect(TextScan.topBitCount(0x8080_8080_8080_8080) == 8)
        #expect(TextScan.topBitCount(0) == 0)
    }

    /// Text `isFinalText` passes is text every step of the decoder leaves alone.
    @Test func finalTextNeedsNoDecoding() async {
        await propertyCheck(count: 3000, input: Self.text) { s in
            let bytes = Data(s.utf8)
            let final = bytes.withUnsafeBytes(TextDecoding.isFinalText)
            let plain = TextDecoding.binaryReason(bytes) == nil && !s.utf8.contains(0x0D) && !s.utf8.contains(0x0C)
                && !s.utf8.contains(0x1B) && !s.utf8.contains(0x26) && TextSanitizer.isClean(s)
            #expect(final == plain, "\(s.debugDescription)")
            if final { #expect(TextDecoding.decode(bytes) == .text(s, warnings: [])) }
        }
    }

    @Test func finalTextRejectsBrokenAndSpecialBytes() {
        func final(_ b: [UInt8]) -> Bool { b.withUnsafeBytes(TextDecoding.isFinalText) }
        #expect(final(Array("plain text, long enough for a word or two\n\tand a tab".utf8)))
        #expect(final([]))
        #expect(!final(Array("sixteen bytes ok & an entity".utf8)))
        #expect(!final(Array("sixteen bytes ok \u{7F} a DEL".utf8)))
        #expect(!final(Array("sixteen bytes ok\r\n".utf8)))
        #expect(!final([0x61, 0xC3]), "a cut character")
        #expect(!final([0xC0, 0x80]), "an overlong NUL")
        #expect(!final([0xED, 0xA0, 0x80]), "a surrogate")
        #expect(!final([0xC2, 0x9B]), "C1 CSI")
        #expect(final([0xC2, 0xA0]))
        #expect(!final(Array("\u{FEFF}".utf8)))
        #expect(!final(Array("\u{2028}".utf8)))
        #expect(!final(Array("\u{2069}".utf8)))
        #expect(final(Array("\u{2027}\u{202F}\u{2065}".utf8)))
    }

    /// The lower-case table (built from runs) is each scalar's one-scalar lower case, or 0.
    @Test func lowerTableIsTheLowercaseMapping() {
        for v in UInt32(0)..<0x530 {
            let mapping = Unicode.Scalar(v)!.properties.lowercaseMapping.unicodeScalars
            #expect(TextScan.lowerTable[Int(v)] == (mapping.count == 1 ? mapping.first!.value : 0), "U+\(String(v, radix: 16))")
        }
    }

    /// ASCII date lines by bytes as by characters.
    @Test func asciiDatesAsCharacters() async {
        let words = ["Monday", "3", "March", "2014", "2014-03-02", "03/02/2014", "10:22", "AM", "am", "ET", "Updated", "on", "at",
                     "(", ")", "[Mar]", "3rd", "12th", "10:22am", "Sept", "MAY", "mayor", ",", "|", "Posted:", "1.5", "-", ":", "the", "of",
                     "x", "Kelvin", "12:30pm", "99999", "1/2/3", "Dec."]
        let line = Gen.element(of: words).array(of: 0...14).map { ws in ws.compactMap { $0 }.joined(separator: " ") }
        await propertyCheck(count: 3000, input: line) { l in
            #expect(Metadata.isDate(l) == Metadata.isDateCharacters(l), "\(l.debugDescription)")
            let squeezed = l.replacingOccurrences(of: " ", with: "")
            #expect(Metadata.isDate(squeezed) == Metadata.isDateCharacters(squeezed), "\(squeezed.debugDescription)")
        }
        #expect(Metadata.isDate("Updated 10:22 AM ET, Mon March 3, 2014"))
        #expect(!Metadata.isDate("Mayor opens 2014 harbour"))
    }

    /// Lines past ASCII: the first word read from the bytes says no only where the characters do,
    /// also with marks, extenders and non-ASCII separators or numerals next to it.
    @Test func nonASCIIDatesAsCharacters() async {
        let words = ["Monday", "3", "March", "2014", "10:22", "AM", "Updated", "(", "[Mar]", "3rd", "10:22am", "Posted:", "x",
                     "Düsseldorf", "März", "·", "—", "–", "\u{301}", "\u{200D}", "\u{E33}", "\u{212A}", "İ", "٣", "½", "Ⅻ",
                     "é", "e\u{301}", "MAY\u{301}", ",", "|", "Industry", "\u{FE0F}", "🇬🇧", "\r", "\r\n", "\t", "Σ",
                     "Cádiz", "Göteborg", "부산", "大阪", "三", "三十", "二〇一四", "隅田川の花火", "Москва", "ǅ", "İstanbul",
                     "×", "÷", "\u{1100}", "가\u{11A8}", "カ\u{3099}", "\u{212A}", "ＭＡＹ", "١٢", "2014年", "3月",
                     "東京駅", "京", "大阪万博", "—", "–", "·", "“", "—\u{301}", "\u{200D}", "2014—March", "The"]
        let line = Gen.element(of: words).array(of: 0...15).map { ws -> String in
            let parts = ws.compactMap { $0 }
            // Words with and without spaces between them, so separators meet marks.
            return parts.enumerated().map { $0.offset % 3 == 2 ? $0.element : $0.element + " " }.joined()
        }
        await propertyCheck(count: 4000, input: line) { l in
            #expect(Metadata.isDate(l) == Metadata.isDateCharacters(l), "\(l.debugDescription)")
        }
        for l in ["隅田川の花火 — Minister since", "東京駅 — Often", "The — 隅田川", "On — 2014", "3 March—2014 x", "Monday · 京",
                  "Mon —\u{301} x", "Mon — \u{301}", "2014 “x”", "Cádiz 3 March 2014", "3 March 2014 Cádiz", "三 2014", "大阪 2014", "부산 March", "Monday, 三 March",
                  "İstanbul 2014", "\u{212A} 2014", "x\u{212A} 2014", "Industry \u{301}März 2014", "Monday \u{E33} 2014", "3 \u{200D}March", "Updated,\u{301} 2014", "Mon|é 2014",
                  "Düsseldorf 3 March 2014", "March 3, 2014 — Düsseldorf", "Mayor opens 2014 harbour in Köln", "x\u{301} 2014"] {
            #expect(Metadata.isDate(l) == Metadata.isDateCharacters(l), "\(l.debugDescription)")
        }
        #expect(Array("Industry in Düsseldorf".utf8).withUnsafeBufferPointer(Metadata.plainWordsSayNoDate))
        #expect(Array("März in Düsseldorf".utf8).withUnsafeBufferPointer(Metadata.plainWordsSayNoDate))
        #expect(Array("부산 some had early".utf8).withUnsafeBufferPointer(Metadata.plainWordsSayNoDate))
        #expect(!Array("三 March".utf8).withUnsafeBufferPointer(Metadata.plainWordsSayNoDate), "a numeral: not sure")
        #expect(Array("Monday in Düsseldorf".utf8).withUnsafeBufferPointer(Metadata.plainWordsSayNoDate))
        #expect(Array("The mayor of Düsseldorf".utf8).withUnsafeBufferPointer(Metadata.plainWordsSayNoDate))
        #expect(Array("Monday 3 März 2014".utf8).withUnsafeBufferPointer(Metadata.plainWordsSayNoDate))
        #expect(!Metadata.isDateCharacters("Monday 3 März 2014"))
        #expect(!Array("Monday \u{301}x".utf8).withUnsafeBufferPointer(Metadata.plainWordsSayNoDate))
        let thirteen = Array(repeating: "3", count: 13).joined(separator: " ") + " März"
        #expect(Array(thirteen.utf8).withUnsafeBufferPointer(Metadata.plainWordsSayNoDate))
        #expect(!Metadata.isDate(thirteen) && !Metadata.isDateCharacters(thirteen))
        let twelve = Array(repeating: "2014", count: 11).joined(separator: " ") + " 三"
        #expect(!Array(twelve.utf8).withUnsafeBufferPointer(Metadata.plainWordsSayNoDate), "a numeral: not sure")
        #expect(Metadata.isDate(twelve) == Metadata.isDateCharacters(twelve))
    }

    /// Eight bytes pass `plainWord` exactly when the byte loop would pass them as ASCII.
    @Test func plainWordsAsByteByByte() async {
        let bytes: [UInt8] = [0x20, 0x22, 0x41, 0x61, 0x0A, 0x09, 0x1F, 0x21, 0x7F, 0x80, 0xC2, 0xFF, 0x00]
        let word = Gen.element(of: bytes).array(of: 9...9).map { $0.compactMap { $0 } }
        await propertyCheck(count: 5000, input: word) { b in
            guard b.count == 9 else { return }
            var expected = true
            for k in 1..<9 {
                let c = b[k], p = b[k - 1]
                if c >= 0x80 || c < 0x20 || (c == 0x20 && p == 0x20) || (c == 0x22 && p == 0x22) { expected = false }
            }
            let w = b[1...].withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            #expect(ArticleParser.plainWord(w, after: b[0]) == expected, "\(b)")
        }
    }

    /// Words counted eight bytes at a time where they can be, as token by token.
    @Test func wordCountsAsTokenByToken() async {
        func reference(_ s: String) -> Int {
            var words = 0, token = 0, cjk = 0
            func end() {
                if token == 2 { words += 1 }
                words += (cjk + 1) / 2
                cjk = 0
                token = 0
            }
            for c in s.unicodeScalars {
                if TextScan.isSpace(c) {
                    if token != 0 { end() }
                } else if TextScan.isCJK(c) {
                    cjk += 1
                    if token == 0 { token = 1 }
                } else if TextScan.isWordScalar(c) {
                    token = 2
                } else if token == 0 {
                    token = 1
                }
            }
            if token != 0 { end() }
            return words
        }
        let more = Self.pieces + ["harbour", "reopens ", "2014", "x", "  ", "\t", "\u{B}", "AB12cd", "(", "日本語", "-"]
        let text = Gen.element(of: more).array(of: 0...30).map { $0.compactMap { $0 }.joined() }
        await propertyCheck(count: 3000, input: text) { s in
            #expect(TextScan.countWords(s) == reference(s), "\(s.debugDescription)")
        }
        #expect(TextScan.countWords("The harbour reopens after the storm, said Elin Voss.") == 9)
    }

    /// A byte found eight at a time as one by one: every byte value, at every place in texts
    /// of every length up to three words of eight, among bytes equal to it but one bit.
    @Test func containsByteAsOneByOne() {
        for byte in UInt8(0)...255 {
            for length in 0...24 {
                var bytes = [UInt8](repeating: byte ^ 1, count: length)
                #expect(!bytes.withUnsafeBufferPointer { TextScan.contains($0, byte: byte) })
                for place in 0..<length {
                    bytes[place] = byte
                    #expect(bytes.withUnsafeBufferPointer { TextScan.contains($0, byte: byte) }, "\(byte) at \(place) of \(length)")
                    bytes[place] = byte ^ 0x80
                    #expect(!bytes.withUnsafeBufferPointer { TextScan.contains($0, byte: byte) }, "\(byte) at \(place) of \(length)")
                    bytes[place] = byte ^ 1
                }
            }
        }
        #expect(TextScan.contains("Amélie: 2:14", byte: 0x3A))
        #expect(!TextScan.contains("Amélie", byte: 0x3A))
    }

    /// Eight ASCII bytes counted at once as byte by byte, from each state a token can be in:
    /// spaces, letters, digits, punctuation and control bytes in every mix.
    @Test func chunkWordsAsByteByByte() {
        func reference(_ bytes: [UInt8], token: Int) -> (words: Int, token: Int) {
            var words = 0, token = token
            for b in bytes {
                if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                    token = 0
                } else if (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) {
                    if token != 2 { words += 1 }
                    token = 2
                } else if token == 0 {
                    token = 1
                }
            }
            return (words, token)
        }
        // Bytes of each kind, edges of every range test included.
        let kinds: [[UInt8]] = [[0x20, 0x09, 0x0D, 0x0A], [0x41, 0x5A, 0x61, 0x7A, 0x30, 0x39, 0x6D],
                                [0x2E, 0x2C, 0x27, 0x40, 0x5B, 0x60, 0x7B, 0x7F, 0x2F, 0x3A, 0x08, 0x0E, 0x00, 0x1F]]
        var rng = SystemRandomNumberGenerator()
        for round in 0..<20_000 {
            // Runs of one kind, as text has them, and mixes byte by byte.
            var bytes: [UInt8] = []
            while bytes.count < 8 {
                let kind = kinds[Int.random(in: 0..<3, using: &rng)]
                for _ in 0..<(round % 2 == 0 ? 1 : Int.random(in: 1...4, using: &rng)) where bytes.count < 8 {
                    bytes.append(kind.randomElement(using: &rng)!)
                }
            }
            let w = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            for token in 0...2 {
                let got = TextScan.chunkWords(w, token: token)
                let expected = reference(bytes, token: token)
                #expect(got?.words == expected.words && got?.token == expected.token, "\(bytes) from \(token)")
            }
        }
        let wide = Array("abc\u{E9}defg".utf8.prefix(8))
        #expect(TextScan.chunkWords(wide.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }, token: 0) == nil)
    }

    /// Short lines that are not ASCII: junk whole only when they hold a junk line.
    @Test func wholeJunkLinesBeyondASCII() {
        #expect(Boilerplate.isJunkLine("“Advertisement…”"))
        #expect(Boilerplate.isJunkLine("— Getty Images —"))
        #expect(Boilerplate.isJunkLine("¡SKIP AD!"))
        #expect(Boilerplate.isJunkLine("\u{212A}", words: 1) == false)
        #expect(!Boilerplate.isJunkLine("“Advertisement is here”"))
        #expect(!Boilerplate.isJunkLine("Amélie Nguyễn"))
        #expect(Boilerplate.mayHoldWholeJunkLine("x SKIP AD é"))
        #expect(Boilerplate.mayHoldWholeJunkLine("\u{212A}"))
        #expect(!Boilerplate.mayHoldWholeJunkLine("Amélie Nguyễn"))
    }

    /// The whole junk lines found by needles in one pass, as line by line at each place.
    @Test func wholeJunkLinesByNeedles() async {
        let pieces = ["Skip Ad", "SKIP", "ad", "é", " ", "\u{212A}", "AFP/Getty", "Images", "(APPLAUSE)", "Reuters", "p", "a", "x", "“", "Copy link",
                      "TOPICS", "clos", "e", "Tweet", "Sponsored content", "é\u{301}", "print", "pa", "AP"]
        let text = Gen.element(of: pieces).array(of: 0...8).map { $0.compactMap { $0 }.joined() }
        // Line by line at each place, as it was done.
        func byLines(_ text: String) -> Bool {
            let b = Array(text.utf8)
            let n = b.count
            for k in 0..<n where b[k] == 0xE2 && k + 2 < n && b[k + 1] == 0x84 && b[k + 2] == 0xAA { return true }
            return b.withUnsafeBufferPointer { bytes in
                Boilerplate.wholeLines.contains { line in
                    let l = Array(line.utf8)
                    return l.count <= n && (0...(n - l.count)).contains { TextScan.holdsIgnoringASCIICase(bytes, at: $0, l) }
                }
            }
        }
        await propertyCheck(count: 3000, input: text) { s in
            #expect(Boilerplate.mayHoldWholeJunkLine(s) == byLines(s), "\(s.debugDescription)")
        }
    }

    /// ASCII words by bytes as by characters.
    @Test func asciiWordShapeAsCharacters() async {
        await propertyCheck(count: 2000, input: Self.text) { s in
            guard let shape = ArticleParser.asciiWordShape(s) else {
                #expect(s.utf8.contains { $0 >= 0x80 || $0 == 0x0D })
                return
            }
            let words = s.split(whereSeparator: TextScan.isSpace)
            #expect(shape.count == words.count, "\(s.debugDescription)")
            #expect(shape.capitalised == words.contains { $0.unicodeScalars.first!.properties.isUppercase }, "\(s.debugDescription)")
        }
    }

    /// Words read scalar by scalar as by characters, for the text the scalar reading takes.
    @Test func scalarWordShapeAsCharacters() async {
        let more = Self.pieces + ["Amélie", "Nguyễn", "e\u{301}", " \u{301}x", "\u{600} a", "a \u{903}", "大阪 市", "が\u{3099} x",
                                  "\u{2003}", "\u{85}", "\r\n", "\u{200D}", "Łódź", "éclair", "Élan", "日本"]
        let text = Gen.element(of: more).array(of: 0...16).map { $0.compactMap { $0 }.joined() }
        var taken = 0
        await propertyCheck(count: 3000, input: text) { s in
            guard let shape = ArticleParser.scalarWordShape(s) else { return }
            taken += 1
            let expected = ArticleParser.characterWordShape(s)
            #expect(shape.count == expected.count && shape.capitalised == expected.capitalised, "\(s.debugDescription)")
        }
        #expect(taken > 500)
        // Every scalar the reading takes next to every whitespace scalar: a character apart.
        let spaces = (0..<0x3001).compactMap(Unicode.Scalar.init).filter { TextScan.isSpace($0) }
        for v in 0..<0xA000 where ArticleParser.standsBeforeSpace(UInt32(v)) || ArticleParser.standsAfterSpace(UInt32(v)) {
            guard let c = Unicode.Scalar(v), !TextScan.isSpace(c) else { continue }
            for w in spaces {
                if ArticleParser.standsBeforeSpace(UInt32(v)) {
                    #expect((String(c) + String(w)).count == 2, "U+\(String(v, radix: 16)) before \(w.value)")
                }
                if ArticleParser.standsAfterSpace(UInt32(v)) {
                    #expect((String(w) + String(c)).count == 2, "U+\(String(v, radix: 16)) after \(w.value)")
                }
            }
        }
    }

    @Test func numeralsFromBytes() async {
        await propertyCheck(count: 2000, input: Self.text) { s in
            #expect(Metadata.containsNumeral(s) == s.unicodeScalars.contains(where: TextScan.isNumeric), "\(s.debugDescription)")
        }
        #expect(Metadata.containsNumeral("Updated \u{662}\u{660}"))
        #expect(Metadata.containsNumeral("½ 👍🏽"))
        #expect(!Metadata.containsNumeral("Amélie Nguyễn 👍🏽"))
    }

    @Test func crossheadAndAttributionShortcuts() {
        #expect(ArticleParser.hasASCIILowercase("CAPITALS and"))
        #expect(!ArticleParser.hasASCIILowercase("ÉCOLE ÉTÉ"))
        for s in ["Said.", "Asked?", "Name,", "Quote\"", "Then…", "Open“", "Close”", "Colon:", "Semi;", "Bang!"] {
            #expect(ArticleParser.endsInClosingMark(s), "\(s)")
            #expect(!ArticleParser.isAttributionLike(s))
        }
        for s in ["— Elin Voss", "Elin Voss, harbourmaster", "", "‘", "Ends in ’"] {
            #expect(!ArticleParser.endsInClosingMark(s), "\(s)")
        }
        #expect(ArticleParser.isAttributionLike("— Elin Voss, harbourmaster"))
        #expect(ArticleParser.isCrosshead("HARBOUR REOPENS"))
        #expect(!ArticleParser.isCrosshead("HARBOUR REOPENs"))
    }
}

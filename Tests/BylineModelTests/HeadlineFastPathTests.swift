import Foundation
import Testing
@testable import BylineModel
import BylineCorpus

/// The library's short headline path must give what the full headline read gives.
@Suite struct HeadlineFastPathTests {
    private func both(_ bytes: [UInt8], complete: Bool = true) -> (fast: ArticleParser.HeadlineRead, full: ArticleParser.HeadlineRead) {
        let data = Data(bytes)
        return (Library.headline(prefix: data, id: "x", complete: complete),
                ArticleParser.headline(prefix: data, id: "x", complete: complete))
    }

    @Test func generatedArticlesAgree() {
        let generator = CorpusGenerator(seed: 7)
        for i in 1...300 {
            let bytes = Array(generator.text(of: i).utf8)
            for complete in [true, false] {
                let cut = complete ? bytes : Array(bytes.prefix(Library.headlineBytes))
                let r = both(cut, complete: complete)
                #expect(r.fast == r.full, "article \(i)")
            }
        }
    }

    @Test(arguments: [
        "\n\n  Plain headline  \nBody.\n",
        "Marks &amp; Spencer &#27;[31m red\nBody.\n",
        "Escape \u{1B}]0;title\nstill title?\u{7}\nBody.\n",
        "\u{200B}\nReal headline\nBody.\n",
        "C1 \u{9B}31m csi\nBody.\n",
        "Line sep\u{2028}second\nBody.\n",
        "Tab\tand CR\r\nBody.\n",
        "No newline at all",
        String(repeating: "long ", count: 200) + "\nBody.\n",
        "x\nBody.\n",
    ])
    func trickyFirstLinesAgree(_ text: String) {
        let r = both(Array(text.utf8))
        #expect(r.fast == r.full)
    }

    @Test func nonUTF8AndBinaryTakeTheFullPath() {
        let latin: [UInt8] = Array("Ni".utf8) + [0xF1, 0x0A] + Array("Body".utf8) + [0xE9, 0x0A]
        #expect(Library.plainFirstLineEnd(Data(latin), complete: true) == nil)
        #expect(Library.plainFirstLineEnd(Data([0x41, 0x0A, 0x00, 0x42]), complete: true) == nil)
        #expect(Library.plainFirstLineEnd(Data([0xEF, 0xBB, 0xBF, 0x41, 0x0A]), complete: true) == nil)
        #expect(Library.plainFirstLineEnd(Data(Array("Head\nBody\n".utf8)), complete: true) == 5)
        // An ASCII line is read alike however the rest decodes: the short path, unless binary.
        #expect(Library.plainFirstLineEnd(Data(Array("Head\n".utf8) + [0xE9, 0x0A]), complete: true) == 5)
        #expect(Library.plainFirstLineEnd(Data(Array("Head\n".utf8) + [0xE9, 0x00]), complete: true) == nil)
        let r = both(latin)
        #expect(r.fast == r.full)
    }

    /// Byte order marks, CRLF, Windows-1252, invalid UTF-8, binary prefixes, URL and date first
    /// lines, cut characters at the end of a partial read: the short path gives what the full
    /// read gives, whole or cut at every length.
    @Test func edgeCasePrefixesAgree() {
        let body = Array("Second line here.\nThird line with more words.\n".utf8)
        let cases: [[UInt8]] = [
            [0xEF, 0xBB, 0xBF] + Array("BOM headline\n".utf8) + body,
            [0xFF, 0xFE, 0x48, 0x00, 0x69, 0x00, 0x0A, 0x00],
            [0xFE, 0xFF, 0x00, 0x48, 0x00, 0x69, 0x00, 0x0A],
            Array("CRLF headline\r\nBody line\r\n".utf8),
            Array("Caf".utf8) + [0xE9, 0x20, 0x6F, 0x77, 0x6E, 0x65, 0x72, 0x0A] + body,
            Array("ASCII headline\n".utf8) + [0x93, 0x51, 0x94, 0x0A] + body,
            Array("Bad UTF-8 later\n".utf8) + [0xC3, 0x28, 0xE2, 0x82, 0xAC, 0x0A] + body,
            Array("Binary later\n".utf8) + body + [0x00, 0x01, 0x02],
            Array("Mostly controls\n".utf8) + Array(repeating: 0x01, count: 10),
            Array("https://example.com/news/1\nReal headline\n".utf8) + body,
            Array("Monday, 3 March 2014\nDated headline\n".utf8) + body,
            Array("Montag, 3. März 2014\nDüsseldorf headline\n".utf8) + body,
            Array("Düsseldorf mayor opens 2014 harbour\n".utf8) + body,
            Array("\r\n\r\n  Café after blank lines  \r\n".utf8) + body,
            Array("Ends in a cut char é".utf8),
            Array("Zürich\n".utf8) + [0xE2, 0x82],
            // An ASCII first line before bytes that make the prefix Windows-1252, bad UTF-8,
            // binary or nearly so: the line is read alike, unless the prefix is binary.
            Array("ASCII then Latin-1\r\n".utf8) + [0xE9, 0x74, 0xE9, 0x0A, 0x93, 0x94] + body,
            Array("  ASCII then bad UTF-8 \n".utf8) + [0xC3, 0x28, 0xFF, 0x0A] + body,
            Array("\n\nASCII then a NUL\n".utf8) + body + [0x00] + body,
            Array("ASCII then controls\n".utf8) + [0x01, 0x02, 0x03, 0x04, 0x05, 0x0B],
            Array("ASCII then tabs\t\n".utf8) + [0x09, 0x0C, 0x0D, 0x1B, 0x7F] + body,
            Array("ASCII \u{1}control in the line\n".utf8) + [0xE9] + body,
            Array("https://example.com/x\n".utf8) + [0xE9, 0x0A] + Array("After a URL\n".utf8),
            Array("ASCII then C1\n".utf8) + [0xC2, 0x9B, 0x33, 0x31, 0x6D, 0x0A] + body,
        ]
        for bytes in cases {
            for end in 0...bytes.count {
                let prefix = Array(bytes.prefix(end))
                for complete in [true, false] {
                    let r = both(prefix, complete: complete)
                    #expect(r.fast == r.full, "\(prefix) complete: \(complete)")
                }
            }
        }
    }

    /// The line read straight from its bytes: taken for a plain first line (after blank lines of
    /// spaces), and then what the full read gives; any other first line is left to the decoder.
    @Test func plainLinesAreReadFromTheirBytes() {
        let body = Array("Second line here.\nThird line &amp; more.\n".utf8)
        func line(_ bytes: [UInt8]) -> Library.PlainFirstLine? { Library.plainFirstLine(Data(bytes), complete: true) }
        #expect(line(Array("Plain headline\n".utf8) + body) == .line("Plain headline"))
        #expect(line(Array("\n  \n\nAfter blank lines\n".utf8) + body) == .line("After blank lines"))
        #expect(line(Array("Łódź and 부산 “quoted”\n".utf8) + body) == .line("Łódź and 부산 “quoted”"))
        #expect(line(Array("https://example.com/a\n".utf8) + body) == .line("https://example.com/a"))
        for text in ["  Leading spaces\n", "Trailing space \n", "Two  spaces\n", "Tab\there\n", "CRLF line\r\n",
                     "\t\nAfter a tab line\n", "\r\nAfter a CR\n", "\u{A0}No-break space first\n", "\u{2028}x\n",
                     "Bidi \u{202E}mark\n", "Quote \"\"marks\n"] {
            if case .line = line(Array(text.utf8) + body) { Issue.record("read from its bytes: \(text.debugDescription)") }
        }
        #expect(line(Array("Amp &amp; line\n".utf8) + body) == nil)
        #expect(line(Array("Plain line\n".utf8) + body + [0x00]) == nil)
    }

    /// Random first lines (plain words, spaces and tabs in odd places, letters past ASCII, wide
    /// spaces, marks, quote marks, URL and date lines, very long lines), after random blank lines
    /// and before random bodies (plain, Windows-1252, bad UTF-8, entities, NUL, controls), whole
    /// or cut at 8 KB in the middle of a character: the library's read is the full read.
    @Test func randomFirstLinesAgreeWithTheFullRead() {
        var rng = SplitMix64(seed: 41)
        let words: [String] = ["Plain", "words", "Łódź", "부산", "café", "“quoted”", "‘single’", "—", "\"", "\"\"", "2014", "March",
                               "Monday,", "3", "https://x.org/a", "www.example.com", "x.com/news", "\u{A0}", "\u{2009}", "\u{3000}",
                               "e\u{301}", "\u{200B}", "\u{FEFF}", "\u{2028}", "\t", "\r", "¿Qué?", "a.", "Sentence ends. Then",
                               String(repeating: "long ", count: 90), "🏯", "&amp;", "\u{1B}[31m", "\u{85}", "\u{9B}"]
        let leads: [String] = ["", "\n", "  \n", "\n\n", " \t\n", "\r\n", "\u{A0}\n", "   "]
        let bodies: [[UInt8]] = [Array("Body text here.\nMore body.\n".utf8), [0xE9, 0x74, 0xE9, 0x0A], [0xC3, 0x28, 0xFF, 0x0A],
                                 Array("Tom &amp; Jerry\n".utf8), [0x00], [0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08],
                                 Array("Plain ASCII body line that goes on for a while.\n".utf8), Array("Ünïcödé body\n".utf8)]
        for round in 0..<4000 {
            var text = leads.randomElement(using: &rng)!
            for k in 0..<Int.random(in: 1...12, using: &rng) {
                if k > 0 { text += Int.random(in: 0..<6, using: &rng) == 0 ? "  " : " " }
                text += words.randomElement(using: &rng)!
            }
            if Int.random(in: 0..<8, using: &rng) == 0 { text += " " }
            text += Bool.random(using: &rng) ? "\n" : "\r\n"
            var bytes = Array(text.utf8)
            for _ in 0..<Int.random(in: 0...6, using: &rng) { bytes += bodies.randomElement(using: &rng)! }
            if Int.random(in: 0..<6, using: &rng) == 0 {
                // A prefix of 8 KB with a character cut at its end.
                while bytes.count < Library.headlineBytes + 8 { bytes += Array("Filler line with a café in it.\n".utf8) }
                var cut = Library.headlineBytes
                while cut > 0 && bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
                bytes = Array(bytes.prefix(cut + 1))
            }
            for complete in [true, false] {
                let r = both(bytes, complete: complete)
                #expect(r.fast == r.full, "round \(round), complete \(complete): \(text.debugDescription)")
                if r.fast != r.full { return }
            }
        }
    }

    /// Every file under the folders in `BYLINE_HEADLINE_FOLDERS` (separated by `:`;
    /// nothing without it, as the folders are the machine's): the short path gives the full
    /// read's headline for the file's first 8 KB, as the library reads them. A check over real
    /// corpora, run by hand (`BYLINE_HEADLINE_FOLDERS=a:b swift test --filter foldersAgree`).
    @Test func foldersAgree() throws {
        guard let list = ProcessInfo.processInfo.environment["BYLINE_HEADLINE_FOLDERS"] else { return }
        var files = 0
        for folder in list.split(separator: ":").map(String.init) {
            let walk = FileManager.default.enumerator(atPath: folder)
            while let relative = walk?.nextObject() as? String {
                guard let data = FileManager.default.contents(atPath: folder + "/" + relative) else { continue }
                let prefix = data.prefix(Library.headlineBytes)
                let complete = data.count < Library.headlineBytes
                let fast = Library.headline(prefix: prefix, id: "x", complete: complete)
                #expect(fast == ArticleParser.headline(prefix: prefix, id: "x", complete: complete), "\(folder)/\(relative)")
                // The date rule from the bytes says what it says from the characters, on each line.
                if case .text(let text, _) = TextDecoding.decode(prefix, complete: complete) {
                    for line in text.split(separator: "\n").prefix(40) {
                        let l = String(line)
                        #expect(Metadata.isDate(l) == Metadata.isDateCharacters(l), "\(folder)/\(relative): \(l.debugDescription)")
                    }
                }
                files += 1
            }
        }
        print("foldersAgree: \(files) files")
    }

    /// The one-pass check says yes exactly when the two checks it stands for both would.
    @Test func cleanUTF8CheckAgreesWithValidationAndControls() {
        func slow(_ bytes: [UInt8]) -> Bool {
            String(validating: bytes, as: UTF8.self) != nil
                && !bytes.contains { $0 < 0x20 && ![0x09, 0x0A, 0x0D, 0x0C, 0x1B].contains($0) }
        }
        let pieces: [[UInt8]] = [
            Array("plain ascii text ".utf8), [0x0A], [0x09], [0x0D], [0x0C], [0x1B], [0x00], [0x01], [0x1F], [0x7F], [0x20],
            [0xC3, 0xA9], [0xC2, 0x80], [0xC1, 0xBF], [0xC0, 0x80], [0xDF, 0xBF], [0xE0, 0xA0, 0x80], [0xE0, 0x9F, 0xBF],
            [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xEF, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80], [0xF0, 0x8F, 0xBF, 0xBF],
            [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0x80], [0xBF],
            [0xE2, 0x80], [0xF0, 0x9F, 0x98], Array("名古屋 🏯 café".utf8),
        ]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...40, using: &rng) { bytes += pieces.randomElement(using: &rng)! }
            let fast = bytes.withUnsafeBytes(TextDecoding.isCleanUTF8)
            #expect(fast == slow(bytes), "\(bytes)")
        }
        for piece in pieces {
            // Each piece at every offset of a word and of the 32-byte blocks, with plain text after
            // it or not, and cut short at the end.
            for pad in 0..<70 {
                let bytes = Array(repeating: UInt8(0x41), count: pad) + piece
                #expect(bytes.withUnsafeBytes(TextDecoding.isCleanUTF8) == slow(bytes), "\(bytes)")
                let cut = Array(bytes.dropLast())
                #expect(cut.withUnsafeBytes(TextDecoding.isCleanUTF8) == slow(cut), "\(cut)")
                let followed = bytes + Array(repeating: UInt8(0x42), count: 40)
                #expect(followed.withUnsafeBytes(TextDecoding.isCleanUTF8) == slow(followed), "\(followed)")
            }
        }
    }

    /// The one-pass binary check says what ``TextDecoding/binaryReason(_:)`` says: NUL bytes,
    /// and control bytes past a tenth, at every place in and across the 32-byte blocks.
    @Test func binaryCheckAgreesWithBinaryReason() {
        let pieces: [[UInt8]] = [
            Array("plain ascii text ".utf8), [0x0A], [0x09], [0x0D], [0x0C], [0x1B], [0x00], [0x01], [0x1F], [0x7F],
            [0x20], [0x80], [0xFF], [0xC3, 0xA9], Array(repeating: 0x02, count: 5), Array(repeating: 0x41, count: 40),
        ]
        func agree(_ bytes: [UInt8]) {
            let fast = bytes.withUnsafeBytes(TextDecoding.looksBinary)
            #expect(fast == (TextDecoding.binaryReason(Data(bytes)) != nil), "\(bytes)")
        }
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...60, using: &rng) { bytes += pieces.randomElement(using: &rng)! }
            agree(bytes)
        }
        for piece in pieces {
            for pad in 0..<70 {
                agree(Array(repeating: UInt8(0x41), count: pad) + piece)
                agree(Array(repeating: UInt8(0x41), count: pad) + piece + Array(repeating: UInt8(0x42), count: 40))
            }
        }
        // Past 8 KB only the first 8 KB count; a tenth exactly is not binary.
        agree(Array(repeating: UInt8(0x41), count: 8192) + [0x00])
        agree(Array(repeating: UInt8(0x01), count: 10) + Array(repeating: UInt8(0x41), count: 90))
        agree(Array(repeating: UInt8(0x01), count: 11) + Array(repeating: UInt8(0x41), count: 89))
        agree(Array(repeating: UInt8(0x01), count: 820) + Array(repeating: UInt8(0x41), count: 8000))
        agree([])
    }

    /// A line with a space between ASCII bytes is no URL, whatever else it holds; a space
    /// joined to a mark is not a space character, so such a line is judged as before.
    @Test func urlLinesWithSpacesAndAccents() {
        #expect(!Metadata.isURL("https://exámple.com/a b"))
        #expect(!Metadata.isURL("Café owner says prices 9/10"))
        #expect(Metadata.isURL("https://exámple.com/páth"))
        #expect(Metadata.isURL("exámple.com/news"))
        #expect(!Metadata.isURL("é x.com/a"))
        #expect(Metadata.isURL("https://example.com/ \u{301}a"))
    }
}


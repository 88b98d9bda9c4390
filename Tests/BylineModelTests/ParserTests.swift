import Foundation
import Testing
@testable import BylineModel

@Suite struct ShapeTests {
    @Test func blankLineParagraphsJoinWrappedLines() {
        let a = parse("""
        Harbour bridge reopens after two years

        The swing span turned again on Monday, to cheers
        from the quay.

        Engineers had replaced every bearing in the
        mechanism, the council said, and the
        work came in under budget.

        THE COST OF DELAY

        Traders say the closure cost them dearly.
        """)
        #expect(a.headline == "Harbour bridge reopens after two years")
        #expect(a.standfirst == "The swing span turned again on Monday, to cheers from the quay.")
        #expect(a.blocks.map(\.kind) == [.paragraph, .crosshead, .paragraph])
        #expect(a.blocks[0].text == "Engineers had replaced every bearing in the mechanism, the council said, and the work came in under budget.")
        #expect(a.words == 6 + 12 + 18 + 4 + 7)
    }

    @Test func blankLineShapeWithoutStandfirst() {
        // The second block is long: no standfirst.
        let long = Array(repeating: "word", count: 70).joined(separator: " ")
        let a = parse("Headline here\n\n\(long).\n\nSecond paragraph.\n")
        #expect(a.standfirst == nil)
        #expect(a.blocks.count == 2)
    }

    @Test func crlfAndBOM() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Head\r\nStand first\r\nBody one.\r\nBody two.\rBody three.\r\n".utf8)
        let a = parse(bytes: bytes)
        #expect(a.headline == "Head")
        #expect(a.standfirst == "Stand first")
        #expect(a.blocks.map(\.text) == ["Body one.", "Body two.", "Body three."])
        #expect(a.warnings.isEmpty)
    }

    @Test func latin1Bytes() {
        // "Café in Zürich" in Latin-1 / Windows-1252, with a curly quote (0x93/0x94).
        let bytes: [UInt8] = Array("Caf".utf8) + [0xE9] + Array(" in Z".utf8) + [0xFC] + Array("rich\nThe owner said: ".utf8)
            + [0x93] + Array("We open at nine every day.".utf8) + [0x94] + [0x0A]
        let a = parse(bytes: bytes)
        #expect(a.headline == "Café in Zürich")
        #expect(a.blocks.first?.text == "The owner said: “We open at nine every day.”")
        #expect(a.warnings.contains { $0.contains("Windows-1252") })
        #expect(a.quotes.first?.text == "We open at nine every day.")
    }

    @Test func invalidUTF8GetsReplacementCharacters() {
        let bytes: [UInt8] = Array("Naïve headline\nCafé ".utf8) + [0xFF] + Array(" crème brûlée\n".utf8)
        let a = parse(bytes: bytes)
        #expect(a.headline == "Naïve headline")
        #expect(a.blocks.first?.text == "Café \u{FFFD} crème brûlée")
        #expect(a.warnings.contains { $0.contains("invalid UTF-8") })
    }

    @Test func binaryFileIsUnreadable() {
        let a = parse(bytes: [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00] + Array(repeating: 0, count: 100), id: "elf")
        #expect(a.unreadableReason?.contains("binary") == true)
        #expect(a.headline == "elf")
        #expect(a.blocks.isEmpty)
        #expect(a.words == 0)
        let controls = parse(bytes: Array(repeating: 0x01, count: 50) + Array("text".utf8))
        #expect(controls.unreadableReason != nil)
    }

    @Test func emptyAndWhitespaceOnly() {
        let empty = parse("", id: "empty")
        #expect(empty.headline == "empty")
        #expect(empty.blocks.isEmpty && empty.words == 0 && empty.unreadableReason == nil)
        #expect(empty.warnings == ["empty file"])
        let blank = parse(" \n\t\n  \r\n", id: "blank")
        #expect(blank.headline == "blank")
        #expect(blank.warnings == ["no text"])
        #expect(blank.readingMinutes == 1)
    }

    @Test func headlineOnly() {
        let a = parse("\n\n  Just a headline  \n\n")
        #expect(a.headline == "Just a headline")
        #expect(a.standfirst == nil)
        #expect(a.blocks.isEmpty)
        #expect(a.words == 3)
    }

    /// A body on one line (wire copy) is split at sentence ends into short paragraphs
    /// (issue 10; it used to stay one wall of text).
    @Test func oneLineBody() {
        let body = (1...300).map { "Sentence number \($0) is here." }.joined(separator: " ")
        let a = parse("Headline\n\(body)\n")
        #expect(a.standfirst == nil)
        #expect(a.blocks.count > 20)
        #expect(a.blocks.allSatisfy { $0.kind == .paragraph && TextScan.countWords($0.text) <= 150 })
        #expect(a.blocks.map(\.text).joined(separator: " ") == body)
        #expect(a.words == 1 + 300 * 5)
    }

    @Test func wholeArticleOnOneLine() {
        let body = (1...100).map { "Sentence number \($0) is here." }.joined(separator: " ")
        let a = parse("A headline that ends. " + body)
        #expect(a.headline == "A headline that ends.")
        #expect(a.blocks.count > 5)
        #expect(a.blocks.map(\.text).joined(separator: " ") == body)
    }

    @Test func entitiesDecodedOnce() {
        let a = parse("Fish &amp; chips &#233;t&eacute; &#191;qu&eacute;? &lt;b&gt;\nStand&nbsp;first\nBody &amp;#27; stays, &#27;[31mred&#x1b;[0m is gone &copy; no &unknown; &amp\nMore.")
        #expect(a.headline == "Fish & chips été ¿qué? <b>")
        #expect(a.standfirst == "Stand first")
        #expect(a.blocks[0].text == "Body &#27; stays, red is gone © no &unknown; &amp")
    }

    @Test func crossheadShapes() {
        let a = parse("H\nS\nIntro.\n‘WE WILL NOT BACK DOWN’\nText.\nCAFÉ SOCIETY\nText.\nA CENTURY OF SERVICE\nMore text.\nNot A Crosshead\nUK.\n")
        #expect(a.blocks.map(\.kind) == [.paragraph, .crosshead, .paragraph, .crosshead, .paragraph, .crosshead, .paragraph, .paragraph, .paragraph])
    }

    @Test func boilerplateContactFooterAndCopyright() {
        let a = parse("""
        Headline
        Standfirst here.
        Readers can call the council on 0207 946 0000 to complain, officials said today in a statement about the works.
        Middle.
        Another.
        Got a story? Email news@example.com or call 0207 782 4368.
        © 2024 Example News. All rights reserved.
        """)
        #expect(a.blocks.map(\.kind) == [.paragraph, .paragraph, .paragraph, .boilerplate, .boilerplate])
        #expect(a.words == 1 + 2 + 20 + 1 + 1)
    }
}

@Suite struct QuoteTests {
    @Test func twoPullQuotesAndRoleAttribution() {
        let a = parse("""
        Night train returns to the valley
        The sleeper service runs again after forty years.
        Jane Doe, harbour engineer, said: “The bridge was never the problem. The money was.”
        Station master Tom Reid said: "People have waited a long time for this train to come back."
        The bridge was never the problem — the money was
        Jane Doe, harbour engineer
        Trains will run three nights a week.
        People have waited a long time for this train to come back
        Station master Tom Reid
        Tickets go on sale on Friday.
        """)
        let pulls = a.blocks.enumerated().filter { $0.element.kind == .pullquote }
        #expect(pulls.count == 2)
        #expect(pulls[0].element.attribution == "Jane Doe, harbour engineer")
        #expect(pulls[1].element.attribution == "Station master Tom Reid")
        let pullQuotes = a.quotes.filter(\.pull)
        #expect(pullQuotes.map(\.speaker) == ["Jane Doe", "Tom Reid"])
        #expect(pullQuotes.map(\.block) == pulls.map(\.offset))
        #expect(pullQuotes.map { $0.repeats.map { a.quotes[$0].speaker } } == [.some("Jane Doe"), .some("Tom Reid")])
        #expect(a.quotes.filter { !$0.pull }.map(\.speaker) == ["Jane Doe", "Tom Reid"])
        #expect(a.blocks.count == 6)
    }

    /// Found by the property test `randomEscapeFragments`: a line of an opening quote mark alone,
    /// signed by a dash line under it, became a pull quote with no text.
    @Test func quoteMarksAloneAreNoPullQuote() {
        let a = parse("”\na\n\n“\n\n — X she said.X")
        #expect(!a.blocks.contains { $0.kind == .pullquote })
        #expect(a.blocks.allSatisfy { !$0.text.isEmpty })
        #expect(a.quotes.allSatisfy { !$0.text.isEmpty })
        // The same shape with words in the marks is still one.
        let signed = parse("Headline\nStandfirst.\n\n“We will build it.”\n\n — Jane Doe, engineer")
        #expect(signed.blocks.filter { $0.kind == .pullquote }.map(\.text) == ["We will build it."])
    }

    @Test func noInventedPullQuotes() {
        let a = parse("""
        Headline
        Standfirst.
        The mayor spoke briefly at the opening ceremony on the quay
        Harbour Master
        Nobody was quoted here at all.
        """)
        #expect(!a.blocks.contains { $0.kind == .pullquote })
        #expect(a.quotes.isEmpty)
    }

    @Test func quoteAttributedAfterTheQuote() {
        let a = parse("""
        H
        S
        "We will rebuild the pier by the summer," said Maria Núñez. The works start in May.
        "The tide waits for no one," harbour master Zoë Müller said.
        "Ask anyone on the quay," Ada Brennan, engineer, said.
        """)
        #expect(a.quotes.map(\.speaker) == ["Maria Núñez", "Zoë Müller", "Ada Brennan"])
        #expect(a.quotes[0].text == "We will rebuild the pier by the summer")
        #expect(a.quotes.map(\.block) == [0, 1, 2])
    }

    @Test func pronounSpeakerResolvesToLastNamed() {
        let a = parse("""
        H
        S
        Keiko Tanaka told reporters: "The festival will go ahead whatever the weather."
        Crowds are expected.
        "We have never cancelled in sixty years," she said.
        """)
        #expect(a.quotes.count == 2)
        #expect(a.quotes[0].speaker == "Keiko Tanaka")
        #expect(a.quotes[1].speaker == "Keiko Tanaka")
        #expect(a.quotes[1].block == 2)
    }

    /// Scare quotes are not speech; a fragment put in someone's mouth by a verb is (issue 10:
    /// "called the plan "a disgrace"" quotes him), but "He" names nobody here.
    @Test func scareQuotesAreNotSpeech() {
        let a = parse("""
        H
        S
        The so-called "caliphate" fell, and the "war on terror" ended, officials said.
        He called it "a disgrace" on Tuesday.
        Bali said: "No."
        """)
        #expect(a.quotes.map(\.text) == ["a disgrace", "No."])
        #expect(a.quotes.map(\.speaker) == [nil, "Bali"])
    }

    @Test func unterminatedQuoteContinuesInNextParagraph() {
        let a = parse("""
        H
        S
        The chair, Amélie Poulain, said: "We started with nothing.
        "Now there are four hundred members and a waiting list."
        """)
        #expect(a.quotes.map(\.speaker) == ["Amélie Poulain", "Amélie Poulain"])
    }
}

@Suite struct SanitizingTests {
    @Test func escapeSequencesAreRemoved() {
        let esc = "\u{1B}"
        let text = "Head\(esc)[31mline\(esc)[0m\n"
            + "OSC52 \(esc)]52;c;ZXZpbCBjbGlwYm9hcmQ=\u{07}gone\n"
            + "Link \(esc)]8;;http://evil.example/\(esc)\\text\(esc)]8;;\(esc)\\ end\n"
            + "DCS \(esc)P1$r0m\(esc)\\x APC \(esc)_payload\(esc)\\y PM \(esc)^pm\(esc)\\z SOS \(esc)Xsos\(esc)\\w\n"
            + "C1 \u{9B}31mcsi and \u{9D}0;title\u{9C} and \u{85} next\n"
            + "Bidi \u{202E}evil\u{202C} and \u{2066}iso\u{2069} tab\there bell\u{07} del\u{7F} nul-free\n"
        let a = parse(text)
        #expect(a.headline == "Headline")
        #expect(a.standfirst == "OSC52 gone")
        #expect(a.blocks.map(\.text) == [
            "Link text end",
            "DCS x APC y PM z SOS w",
            "C1 csi and and next",
            "Bidi evil and iso tab\there bell del nul-free",
        ])
        #expect(a.warnings.contains { $0.hasPrefix("removed") })
        for s in allText(a) { #expect(!hasForbidden(s), "\(s.debugDescription)") }
    }

    @Test func sanitizerOnItsOwn() {
        #expect(TextSanitizer.sanitize("a\u{1B}[2Jb\u{1B}c\u{1B}(Bd\te\r\nf\rg\u{9B}1;2Hh") == "ab" + "d\te\nf\ngh", "a tab stays (as layout)")
        #expect(TextSanitizer.sanitize("unterminated \u{1B}]0;title\nnext") == "unterminated \nnext")
        #expect(TextSanitizer.sanitize("trailing \u{1B}") == "trailing ")
        #expect(TextSanitizer.sanitize("日本語 👍🏽 é") == "日本語 👍🏽 é")
    }

    @Test func entityDecodedEscapeIsRemoved() {
        let a = parse("Head &#27;[2J&#x9b;1mline &#8238;x\nBody.")
        #expect(a.headline == "Head line x")
    }
}

@Suite struct BoundedWorkTests {
    @Test func twoMegabyteSingleLine() {
        var line = ""
        line.reserveCapacity(2_100_000)
        var k = 0
        while line.utf8.count < 2_000_000 {
            k += 1
            line += k % 7 == 0 ? "Mayor Jo Bloggs said: \"We will build it by spring. \" " : "The works continue apace near the harbour. "
        }
        let a = parse(line)
        #expect(a.headline == "The works continue apace near the harbour.")
        #expect(a.words > 300_000)
    }

    @Test func bigFileIsTruncatedAt4MiB() {
        let para = "A paragraph of ordinary words that repeats for a long time.\n"
        let count = (5 * 1024 * 1024) / para.utf8.count
        let text = "Headline\n" + String(repeating: para, count: count)
        let a = parse(text)
        #expect(a.warnings.contains("body truncated at 4 MiB"))
        #expect(a.blocks.count < count)
        #expect(a.blocks.count > 60_000)
    }

    @Test func manyCandidatePullLinesStayFast() {
        // Thousands of quote-like lines each followed by a name: must not be quadratic (a quadratic
        // matcher would not finish this in CI's time; the benchmarks measure the speed).
        var lines = ["Headline", "Standfirst."]
        for k in 0..<20_000 {
            lines.append("Person\(k) said: \"Line number \(k) of a long run of quotes.\"")
            lines.append("Line number \(k + 1) of a long run of quotes")
            lines.append("Person Name")
        }
        let a = parse(lines.joined(separator: "\n"))
        #expect(a.blocks.filter { $0.kind == .pullquote }.count > 10_000)
    }
}

import Foundation
import Testing
@testable import BylineModel

/// Bodies as issue 10 found them on real folders: metadata lines, CSV quotes, `¿`, junk, walls
/// of text, short lines, false crossheads, "— Name" attributions.
@Suite struct BodyRulesTests {
    @Test func urlAndDateLinesAreMetadata() {
        let a = parse("""
        https://www.example.com/2019/06/12/some-story
        Monday, 3 March 2014
        The real headline
        The body starts here and goes on.
        """)
        #expect(a.source == "https://www.example.com/2019/06/12/some-story")
        #expect(a.date == "Monday, 3 March 2014")
        #expect(a.headline == "The real headline")
        #expect(a.blocks.map(\.text) == ["The body starts here and goes on."])
        // The list's quick headline read agrees.
        let data = Data("https://www.example.com/x\nThe real headline\nBody.\n".utf8)
        #expect(Library.headline(prefix: data, id: "x", complete: true) == .headline("The real headline"))
    }

    @Test func aHeadlineThatMentionsADateIsStillTheHeadline() {
        #expect(parse("May 2014 was the wettest on record\nBody.\n").headline == "May 2014 was the wettest on record")
    }

    @Test func csvDoubledQuotesAreUndone() {
        let a = parse(#"""
        Senator calls attack ""heinous""
        Sen. Ben Cardin called it ""a heinous act"" on Friday.
        """Those responsible must be held to account,""" Cardin said.
        """#)
        #expect(a.headline == "Senator calls attack \"heinous\"")
        #expect(!([a.headline] + a.blocks.map(\.text)).contains { $0.contains("\"\"") })
        #expect(a.quotes.map(\.text) == ["heinous", "a heinous act", "Those responsible must be held to account"])
        #expect(a.quotes.map(\.speaker) == ["Ben Cardin", "Ben Cardin", "Ben Cardin"])
    }

    @Test func invertedQuestionMarkArtefact() {
        let a = parse("Brown pledges &#191;prudence&#191; in Budget\nMr Blair&#191;s comments came as the inquiry met.\n¿Qué pasa? asked the Spanish headline.\n")
        #expect(a.headline == "Brown pledges ‘prudence’ in Budget")
        #expect(a.standfirst == "Mr Blair's comments came as the inquiry met.")
        #expect(a.blocks.map(\.text) == ["¿Qué pasa? asked the Spanish headline."])
    }

    @Test func junkLinesAreFolded() {
        let a = parse("""
        Headline

        Standfirst of the story.

        The first paragraph of the story is ordinary prose about the news of the day.

        Share this article
        Facebook Twitter Pinterest Email

        Read more: Brad Pitt reveals why he quit drinking

        ADVERTISEMENT

        [Inside Angelina Jolie's $25 million mansion]

        Play Video 2:14 Kim Kardashian on balancing motherhood and law school

        WATCH: Alicia Vikander shows off her moves (1:47)

        Photo: Getty Images

        Before you go, we thought you'd like these...

        Learn more
        """)
        #expect(a.blocks.first?.kind == .paragraph)
        #expect(a.blocks.dropFirst().allSatisfy { $0.kind == .boilerplate }, "\(a.blocks.map(\.text))")
        #expect(a.blocks.count == 11)
    }

    @Test func trailingJunkSentencesAreSplitOffAndProseIsKept() {
        let story = (1...40).map { "The council met for the \($0)th time to discuss the bridge." }.joined(separator: " ")
        let a = parse("Headline\n\(story) (Reporting by Ann Saphir; Editing by Dan Grebler) Click here for more coverage.\n")
        let folded = a.blocks.filter { $0.kind == .boilerplate }
        #expect(folded.map(\.text) == ["(Reporting by Ann Saphir; Editing by Dan Grebler) Click here for more coverage."])
        #expect(a.blocks.filter { $0.kind == .paragraph }.map(\.text).joined(separator: " ") == story)
    }

    @Test func aLongParagraphEndingInSignUpIsNotFolded() {
        let prose = (1...40).map { "Residents said the \($0)th meeting had gone well." }.joined(separator: " ")
        let a = parse("Headline\nStandfirst.\n\(prose) Sign up to our newsletter here.\nMore.\n")
        let words = a.blocks.filter { $0.kind == .paragraph }.map { TextScan.countWords($0.text) }.reduce(0, +)
        #expect(words >= 40 * 8)
    }

    @Test func oneLineWireBodiesReadInParagraphs() {
        let sentences = [
            "WASHINGTON (Reuters) - House Speaker John A. Boehner said on Tuesday the chamber would vote this week.",
            "\"We are going to do our job,\" Boehner told reporters at the Capitol. \"The American people expect it.\"",
            "The plan, drafted by Rep. Paul Ryan of Wisconsin, would raise the limit by $1.1 trillion.",
            "Democratic Sen. Charles E. Schumer of New York, the No. 3 Democrat in the Senate, dismissed it.",
            "Stocks fell 0.6 percent at 3 p.m. in New York as the U.S. Treasury warned of the risks.",
        ]
        let body = Array(repeating: sentences, count: 6).flatMap { $0 }.joined(separator: " ")
        let a = parse("Boehner says House will vote\n\(body)\n")
        let paragraphs = a.blocks.filter { $0.kind == .paragraph }
        #expect(paragraphs.count >= 6)
        for p in paragraphs {
            #expect(TextScan.countWords(p.text) <= 150)
            // Never cut after an abbreviation or an initial, nor inside a quotation.
            for bad in ["Sen.", "Rep.", "A.", "No.", "p.m.", "U.S."] { #expect(!p.text.hasSuffix(bad)) }
            #expect(p.text.filter { $0 == "\"" }.count % 2 == 0, "\(p.text)")
        }
    }

    @Test func shortSingleNewlineLinesStayLines() {
        let a = parse("""
        Headline

        Standfirst of the story here.

        Here is what you need to know:
        • The iPhone 11 starts at $699
        • Apple Arcade launches on 19 September

        Updated 10 September 2019, 21:40 BST
        Photo: Justin Sullivan/Getty Images

        The engineers had replaced every bearing in the
        mechanism, the council said.
        """)
        #expect(a.blocks.map(\.text) == [
            "Here is what you need to know:", "• The iPhone 11 starts at $699", "• Apple Arcade launches on 19 September",
            "Updated 10 September 2019, 21:40 BST", "Photo: Justin Sullivan/Getty Images",
            "The engineers had replaced every bearing in the mechanism, the council said.",
        ])
    }

    @Test func noFalseCrossheads() {
        for line in ["2000 GMT", "1400 GMT", "ADVERTISEMENT", "(APPLAUSE)", "[LAUGHTER]", "WASHINGTON (Reuters) -"] {
            #expect(!ArticleParser.isCrosshead(line), "\(line)")
        }
        #expect(ArticleParser.isCrosshead("WHAT WE KNOW SO FAR"))
        #expect(ArticleParser.isCrosshead("'A LONG NIGHT AHEAD'"))
    }

    @Test func dashAttributionUnderAPullQuote() {
        let a = parse("""
        Headline

        Standfirst of the story.

        Harbourmaster Elin Voss said: "The sea came over the wall like it wasn't there."

        “The sea came over the wall like it wasn’t there”
        — Elin Voss, harbourmaster

        Fisherman Magnus Irvine lost his creels.

        "Every week there's another storm"
        - Magnus Irvine
        """)
        let pulls = a.blocks.filter { $0.kind == .pullquote }
        #expect(pulls.map(\.attribution) == ["Elin Voss, harbourmaster", "Magnus Irvine"])
        #expect(a.quotes.filter(\.pull).map(\.speaker) == ["Elin Voss", "Magnus Irvine"])
        #expect(!a.blocks.contains { $0.text.hasPrefix("—") || $0.text.hasPrefix("- ") })
    }
}

@testable import BylineModel
import Foundation
import XCTest

/// `WordTable(lists:)` (the given names, read as bytes at start-up), the lookup of decomposed
/// text by its normal form, the initials a set reports, and the token look-ups the attribution
/// rules use instead of strings: each against what a `[String: Value]` or a string says.
final class WordTableListsTests: XCTestCase {
    func testListsAnswerAsADictionaryOfTheirWords() {
        let lists: [(text: String, value: Int)] = [
            ("ann bob\ncarl andré  zoë", 1),
            ("bob dana \u{212A}im nguye\u{302}\u{303}n 🏯x", 2),
            ("\neve ann\n", 3),
        ]
        let table = WordTable(lists: lists)
        var dictionary: [String: Int] = [:]
        for list in lists {
            for word in list.text.split(whereSeparator: { $0 == " " || $0 == "\n" }) { dictionary[String(word)] = list.value }
        }
        let probes = ["ann", "bob", "carl", "andré", "andre\u{301}", "zoë", "zoe\u{308}", "dana", "Kim", "\u{212A}im", "nguy\u{1EC5}n",
                      "nguye\u{302}\u{303}n", "🏯x", "eve", "", "an", "annn", "andre", "x", "zoe"]
        for probe in probes {
            XCTAssertEqual(table[probe], dictionary[probe], probe)
        }
        XCTAssertEqual(table["ann"], 3, "a word listed again takes the later value")
        XCTAssertEqual(table["bob"], 2)
        XCTAssertEqual(Set(table.words), Set(dictionary.keys))
    }

    func testTablesGrowPastTheirFirstSize() {
        let names = (0..<2_000).map { "w\($0)" }
        let table = WordTable(lists: [(names.joined(separator: " "), 7)])
        for name in names { XCTAssertEqual(table[name], 7) }
        XCTAssertNil(table["w2000"])
        let pairs = WordTable(names.map { ($0, 1) })
        XCTAssertEqual(pairs["w1999"], 1)
    }

    func testGivenNamesAreTheListsSplitAsCharacters() {
        // Male wins over female wins over unisex, as the lists are read.
        XCTAssertEqual(GivenNames.gender(of: "boris"), .male)
        XCTAssertEqual(GivenNames.gender(of: "andré"), .male)
        XCTAssertEqual(GivenNames.gender(of: "andre\u{301}"), .male)
        XCTAssertNil(GivenNames.gender(of: "street"))
    }

    func testInitialsAreThoseOfTheWords() {
        let set: WordSet = ["said", "told", "είπε", "x\u{1F3EF}", "Quote", "zoë"]
        var expected: UInt32 = 0
        for word in set {
            guard let f = word.unicodeScalars.first, f.value >= 0x61, f.value <= 0x7A else { continue }
            expected |= 1 << (f.value - 0x61)
        }
        XCTAssertEqual(set.asciiInitials, expected)
        XCTAssertEqual(set.asciiInitials, 1 << 18 | 1 << 19 | 1 << 23 | 1 << 25)
    }

    /// A token looked up by `word(_:in:)` and `value(_:in:)` answers as the set or table asked
    /// with its lower-case string; `isAcronym` as `QuoteFinder.isAcronym` of its text.
    func testTokenLookupsAnswerAsStrings() {
        let text = "Sen. Rep said U.S. NATO ÉTAT Zoe\u{308} rep. Hit back, D-Nev. SÁNCHEZ the É said. A.B"
        var p = ParagraphTokens(text)
        let sets: [WordSet] = [Lexicon.titles, Lexicon.speechVerbs, ParagraphTokens.abbreviations, ["zoë", "état"]]
        for i in 0..<p.count where p.isWord(i) {
            for set in sets {
                XCTAssertEqual(p.word(i, in: set), set.contains(p.lower(i)), p.text(i))
            }
            XCTAssertEqual(p.value(i, in: ParagraphTokens.officeAbbreviations), ParagraphTokens.officeAbbreviations[p.lower(i)], p.text(i))
            XCTAssertEqual(p.value(i, in: Lexicon.verbParticles), Lexicon.verbParticles[p.lower(i)], p.text(i))
            XCTAssertEqual(p.isAcronym(i), QuoteFinder.isAcronym(p.text(i)), p.text(i))
        }
    }
}

/// `PullQuoteMatcher.pieces` (one pass into bytes for plain text) against the normalised text
/// and fragments it stands for, on random text of ASCII, punctuation, dashes, curly quotes and
/// some letters that take the slow path.
final class PullQuotePiecesTests: XCTestCase {
    func testPiecesAreTheNormalisedTextAndFragments() {
        let alphabet: [String] = ["a", "B", "z", "Q", "7", " ", " ", ".", ".", "!", "?", ";", "-", "-", ",", "\"", "'",
                                  "\u{2014}", "\u{2013}", "\u{2015}", "\u{2026}", "\u{201C}", "\u{201D}", "\u{2019}",
                                  "\u{2009}", "\u{200D}", "\u{2060}", "\n", "\t", "\u{7F}", "é", "É", "Ł", "ø", "\u{301}", "\u{3002}", "x",
                                  "Σ", "ς", "Ж", "\u{483}", "東", "서", "ǅ", "İ", "ß", "\u{FF01}", "\u{FF1F}", "½", "²", "×", "\u{1E9E}", "🏯"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let count = Int.random(in: 0..<40, using: &rng)
            let text = (0..<count).map { _ in alphabet.randomElement(using: &rng)! }.joined()
            let pieces = PullQuoteMatcher.pieces(text)
            XCTAssertEqual(pieces.whole, TextScan.normalized(text), text.debugDescription)
            XCTAssertEqual(pieces.fragments, PullQuoteMatcher.fragments(text), text.debugDescription)
        }
    }
}

/// `PullQuoteMatcher`'s byte-keyed index answers as a `[String: [Int]]` of the keys would:
/// keys spelt precomposed and with combining marks are one key, whichever comes first; a line
/// never matches a quote of its own paragraph; each key keeps at most four quotes.
final class PullQuoteIndexTests: XCTestCase {
    private func found(_ text: String, _ paragraph: Int) -> QuoteFinder.Found {
        QuoteFinder.Found(text: text, speaker: nil, paragraph: paragraph, unterminated: false, evidence: nil)
    }

    func testCanonicallyEquivalentKeysAreOneKey() {
        // Five words: under the six a line needs to be looked for inside a quote, so only the
        // index answers.
        let decomposed = "We open the cafe\u{301} today"
        let precomposed = "We open the café today"
        var m = PullQuoteMatcher(quotes: [found(decomposed, 1)])
        XCTAssertEqual(m.match(precomposed, notInParagraph: 5), 0)
        XCTAssertNil(m.match(precomposed, notInParagraph: 1))
        m = PullQuoteMatcher(quotes: [found(precomposed, 1)])
        XCTAssertEqual(m.match(decomposed, notInParagraph: 5), 0)
        // Both spellings filed: one key, its quotes in the order noted.
        m = PullQuoteMatcher(quotes: [found(decomposed, 1), found(precomposed, 2)])
        XCTAssertEqual(m.match(precomposed, notInParagraph: 5), 0)
        XCTAssertEqual(m.match(precomposed, notInParagraph: 1), 1)
        m = PullQuoteMatcher(quotes: [found(precomposed, 1), found(decomposed, 2)])
        XCTAssertEqual(m.match(decomposed, notInParagraph: 1), 1)
        // Text outside the byte-comparable blocks (Arabic) as a key of its own.
        let arabic = "قال الوزير إن الخطة ستنجح"
        m = PullQuoteMatcher(quotes: [found(precomposed, 1), found(arabic, 2)])
        XCTAssertEqual(m.match(arabic, notInParagraph: 5), 1)
        XCTAssertNil(m.match("We open the cafe today", notInParagraph: 5))
    }

    func testAKeyKeepsFourQuotes() {
        let line = "The harbour will be rebuilt within a year"
        var m = PullQuoteMatcher(quotes: (0..<6).map { found(line, $0) })
        // The first four are filed; a line in paragraph 0 to 3 skips its own.
        XCTAssertEqual(m.match(line, notInParagraph: 0), 1)
        XCTAssertEqual(m.match(line, notInParagraph: 9), 0)
        var single = PullQuoteMatcher(quotes: (0..<6).map { found(line, $0 < 4 ? 7 : $0) })
        // Quotes 4 and 5 were never filed under the whole line: only the scan of quotes finds them.
        XCTAssertEqual(single.match(line, notInParagraph: 7), 4)
    }
}

extension WordTableListsTests {
    func testNormalisingLookUpAnswersAsTheSubscript() {
        let table = WordTable(lists: [("andré zoë nguy\u{1EC5}n kim 🏯x", 1), ("kim", 2)])
        for probe in ["andre\u{301}", "andré", "zoe\u{308}", "nguye\u{302}\u{303}n", "kim", "\u{212A}im", "🏯x", "andre", "zoë\u{301}", ""] {
            XCTAssertEqual(table.value(normalising: probe), table[probe], probe.debugDescription)
        }
    }
}

/// The registry's key filter never says no to a hash it holds, and says no to most others.
final class KeyFilterTests: XCTestCase {
    func testNoFalseNegativesAndFewFalsePositives() {
        var filter = KeyFilter()
        var held = Set<UInt32>()
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<40 {
            let h = UInt32.random(in: 0...UInt32.max, using: &rng)
            filter.insert(h)
            held.insert(h)
        }
        for h in held { XCTAssertTrue(filter.mayContain(h)) }
        var wrong = 0
        for _ in 0..<10_000 {
            let h = UInt32.random(in: 0...UInt32.max, using: &rng)
            if !held.contains(h) && filter.mayContain(h) { wrong += 1 }
        }
        XCTAssertLessThan(wrong, 1_000, "40 keys mark at most 40 of 1,024 bits")
        XCTAssertFalse(KeyFilter().mayContain(12_345))
    }

    func testRegistryKnowsNamesItWasGiven() {
        var registry = SpeakerRegistry()
        _ = registry.entity(named: ["Angelina", "Jolie"], gender: .female)
        XCTAssertTrue(registry.knows("Jolie"))
        XCTAssertTrue(registry.knows("jolie"))
        XCTAssertTrue(registry.knows("Angelina"))
        XCTAssertFalse(registry.knows("Pitt"))
        XCTAssertTrue(Array("jolie".utf8).withUnsafeBufferPointer { registry.knows(asciiLowercased: $0) })
        XCTAssertFalse(Array("pitt".utf8).withUnsafeBufferPointer { registry.knows(asciiLowercased: $0) })
    }
}

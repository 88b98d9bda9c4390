import Foundation
import Testing
@testable import BylineModel

/// The quality corpus (`Corpus/`), scored as `scripts/quality.sh` scores it. The development
/// corpus must meet issue 10's targets; the held-out corpus (written after the rules, never
/// tuned on) must meet the structural ones, and its figures are printed for the README.
@Suite struct QualityCorpusTests {
    static func report(_ name: String) throws -> QualityReport {
        let dir = Paths.corpus.appendingPathComponent(name)
        return try QualityScorer.score(folder: dir.path, labels: dir.appendingPathComponent("labels.who").path)
    }

    @Test func developmentCorpusMeetsTheTargets() throws {
        let r = try Self.report("dev")
        print("Corpus/dev:\n" + r.summary)
        #expect(r.articles >= 60)
        #expect(r.missingArticles == 0)
        #expect(r.quoteRecall >= 0.90)
        #expect(r.namedSpeakerPrecision >= 0.90)
        #expect(r.speakerRecall >= 0.80)
        #expect(r.nonPersonShare <= 0.03)
        Self.expectSound(r)
    }

    @Test func heldOutCorpusIsSound() throws {
        let r = try Self.report("heldout")
        print("Corpus/heldout:\n" + r.summary)
        #expect(r.articles >= 20)
        #expect(r.missingArticles == 0)
        Self.expectSound(r)
    }

    /// What no article may show, whatever its quotes: folded stories, metadata headlines, raw
    /// CSV quotes, false crossheads, walls of text.
    static func expectSound(_ r: QualityReport) {
        #expect(r.foldedStories == 0)
        #expect(r.metadataHeadlines == 0)
        #expect(r.rawDoubledQuotes == 0)
        #expect(r.falseCrossheads == 0)
        #expect(r.overlongParagraphs == 0)
    }

    @Test func scorerCountsWhatItShould() throws {
        let labels = try QualityLabels(text: """
        == a
        h Head
        q We will win = Jane Doe
        q the plan is dead = ?
        q never found here = John Smith
        fold Read more:
        """)
        let article = parse("""
        Head
        Stand first.
        "We will win," said Jane Doe. "The plan is dead," a spokesman told Smith Jones, who said "nothing".

        Read more: other things
        """, id: "a")
        let r = QualityScorer.score([article], labels: labels)
        #expect(r.labelledQuotes == 3)
        #expect(r.foundQuotes == 2)
        #expect(r.namedCorrect == 1)
        #expect(r.junkShown == 0)
        #expect(NameMatch.same("Speaker John A. Boehner", "John Boehner"))
        #expect(NameMatch.same("Boehner", "John A. Boehner"))
        #expect(!NameMatch.same("Jamie Murray", "Andy Murray"))
        #expect(QualityScorer.looksLikeURLOrDate("Monday, 3 March 2014"))
        #expect(QualityScorer.looksLikeURLOrDate("https://example.com/a/b"))
        #expect(!QualityScorer.looksLikeURLOrDate("May the best team win"))
    }
}

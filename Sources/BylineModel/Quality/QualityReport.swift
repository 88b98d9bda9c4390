/// The figures `QualityScorer` measures, and the problems behind them.
public struct QualityReport: Sendable {
    public var articles = 0
    public var missingArticles = 0
    /// Labelled quotations, and how many of them the parser found.
    public var labelledQuotes = 0
    public var foundQuotes = 0
    /// Labelled quotations whose speaker is a named person or organisation.
    public var namedLabels = 0
    /// Found quotations the parser gave a speaker, and how many of those are right.
    public var namedGiven = 0
    public var namedCorrect = 0
    /// Speaker strings over all quotes, and those naming no one the labels know.
    public var speakerStrings = 0
    public var nonPersonSpeakers = 0
    /// Words of story text folded as boilerplate, and articles mostly folded away.
    public var foldedStoryWords = 0
    public var foldedStories = 0
    /// Labelled junk left showing.
    public var junkShown = 0
    public var longestParagraph = 0
    /// Paragraphs over 250 words that hold more than one sentence.
    public var overlongParagraphs = 0
    public var metadataHeadlines = 0
    public var wrongHeadlines = 0
    public var wrongMetadata = 0
    public var rawDoubledQuotes = 0
    public var falseCrossheads = 0
    /// One line per thing that went wrong, for tuning.
    public var problems: [String] = []

    public init() {}

    public var quoteRecall: Double { ratio(foundQuotes, labelledQuotes) }
    public var namedSpeakerPrecision: Double { ratio(namedCorrect, namedGiven) }
    public var speakerRecall: Double { ratio(namedCorrect, namedLabels) }
    public var nonPersonShare: Double { speakerStrings == 0 ? 0 : ratio(nonPersonSpeakers, speakerStrings) }

    private func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 1 : Double(a) / Double(b) }

    /// The targets, each with whether it is met.
    public var targets: [(name: String, met: Bool)] {
        [
            ("quote recall >= 90%", quoteRecall >= 0.90),
            ("named-speaker precision >= 90%", namedSpeakerPrecision >= 0.90),
            ("speaker recall >= 80%", speakerRecall >= 0.80),
            ("non-person speakers <= 3%", nonPersonShare <= 0.03),
            ("0 stories folded", foldedStories == 0),
            ("0 URL or date headlines", metadataHeadlines == 0),
            ("no raw \"\"", rawDoubledQuotes == 0),
            ("no false crossheads", falseCrossheads == 0),
            ("no paragraph over 250 words unless one sentence", overlongParagraphs == 0),
        ]
    }

    /// The figures as aligned lines of text.
    public var summary: String {
        func pct(_ x: Double) -> String {
            let tenths = Int((x * 1000).rounded())
            return "\(tenths / 10).\(tenths % 10)%"
        }
        let rows: [(String, String)] = [
            ("articles", "\(articles)"),
            ("quote recall", "\(pct(quoteRecall)) (\(foundQuotes) of \(labelledQuotes) quotes found)"),
            ("named-speaker precision", "\(pct(namedSpeakerPrecision)) (\(namedCorrect) of \(namedGiven) names given are right)"),
            ("speaker recall", "\(pct(speakerRecall)) (\(namedCorrect) of \(namedLabels) named speakers given)"),
            ("non-person speakers", "\(pct(nonPersonShare)) (\(nonPersonSpeakers) of \(speakerStrings) speaker strings)"),
            ("folded story words", "\(foldedStoryWords) (\(foldedStories) stories mostly folded)"),
            ("junk left showing", "\(junkShown) labelled lines"),
            ("longest paragraph", "\(longestParagraph) words (\(overlongParagraphs) over 250 words with 2+ sentences)"),
            ("URL/date headlines", "\(metadataHeadlines)"),
            ("headlines not as labelled", "\(wrongHeadlines) (metadata: \(wrongMetadata))"),
            ("raw \"\"", "\(rawDoubledQuotes)"),
            ("false crossheads", "\(falseCrossheads)"),
        ]
        let width = rows.map(\.0.count).max() ?? 0
        var lines = rows.map { $0.0 + String(repeating: " ", count: width - $0.0.count) + "  " + $0.1 }
        let missed = targets.filter { !$0.met }.map(\.name)
        lines.append(missed.isEmpty ? "targets: all met" : "targets missed: " + missed.joined(separator: "; "))
        return lines.joined(separator: "\n")
    }
}

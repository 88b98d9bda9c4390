import ArgumentParser
import BylineModel

/// `byline quality FOLDER LABELS [--problems]`: how well Byline reads a labelled corpus.
///
/// Hidden from help: it serves `scripts/quality.sh` and the corpus tests (see the README's
/// "Parsing rules and quality" section for the label format and the figures).
struct QualityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quality",
        abstract: "Score the parsing of a folder of articles against hand-made labels.",
        shouldDisplay: false
    )

    @Argument(help: "Folder of *.txt articles.")
    var folder: String

    @Argument(help: "The label file (see Corpus/dev/labels.who).")
    var labels: String

    @Flag(help: "Also list every quote missed, wrong speaker, folded story and so on.")
    var problems = false

    func run() throws {
        let report = try QualityScorer.score(folder: folder, labels: labels)
        if problems {
            for line in report.problems { print(line) }
            print("")
        }
        print(report.summary)
    }
}

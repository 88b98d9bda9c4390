import ArgumentParser
import BylineStore
import Foundation

/// `byline state exercise`: marks articles read and saves positions, one transaction each,
/// printing `saved N` as each commits. Hidden from help: the end-to-end tests run it in two
/// processes at once, and kill it with SIGKILL, to check that the store loses nothing.
struct StateExerciseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exercise",
        abstract: "Mark articles a-START.txt … read, one transaction each (for tests).",
        shouldDisplay: false
    )

    @Option(help: "The library's key.")
    var library: String

    @Option(help: "How many articles (0: until killed).")
    var count: Int

    @Option(help: "The number of the first article.")
    var start = 0

    @OptionGroup var store: StoreFileOption

    func run() {
        let state = store.open(store.file())
        var index = start
        while count == 0 || index < start + count {
            let article = "a-\(index).txt"
            let position = SavedPosition(position: ReadingPosition(block: index, offset: 1), blockCount: index + 1)
            let saved = state.apply([.markRead([article], at: Date()), .position(article, position)], library: library)
            // Written straight to the descriptor, so a line is out the moment the commit is done.
            FileHandle.standardOutput.write(Data((saved ? "saved \(index)\n" : "not saved \(index)\n").utf8))
            store.report(state.takeNotices())
            index += 1
        }
    }
}

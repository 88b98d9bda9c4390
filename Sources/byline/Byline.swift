import ArgumentParser

/// The `byline` command: reads by default, with `inspect` for plain-text output.
struct Byline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "byline",
        abstract: "A calm terminal reader for folders of plain-text news articles.",
        usage: """
            byline [<paths> ...] [--theme <theme>] [--color <color>] [--sort <order>] [--ascii] [--recursive] [--no-watch]
              byline --list-themes
              byline inspect [--json] [--recursive] <paths> ...
              byline search <query> [<paths> ...] [--json] [--limit <n>] [--state <path>] [--no-state]
              byline state path|export [--json]|forget --missing [--state <path>]
            """,
        discussion: "With no path, opens the bundled sample library. 'byline help read' lists the reader's options; press ? in the reader for its keys.",
        version: "0.1.0",
        subcommands: [ReadCommand.self, InspectCommand.self, SearchCommand.self, StateCommand.self, GenerateCorpusCommand.self, QualityCommand.self],
        defaultSubcommand: ReadCommand.self
    )
}

/// `byline` as shell completion sees it: the reader's options and paths right after `byline`,
/// and the subcommands. Completion scripts know nothing of a default subcommand, so they are
/// generated from this tree (and its `---completion` callbacks answered by it); parsing for real
/// uses ``Byline``, where a path cannot be mistaken for a subcommand.
struct BylineForCompletion: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "byline",
        subcommands: [ReadCommand.self, InspectCommand.self]
    )

    @OptionGroup var options: ReaderOptions
}

@main
enum Main {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        if arguments.contains(where: { $0.hasPrefix("--generate-completion-script") || $0 == "---completion" }) {
            BylineForCompletion.main()
        } else if PathsOnly.applies(to: Array(arguments)) {
            assert(Byline.configuration.subcommands.map { $0._commandName }.sorted() == PathsOnly.subcommands.sorted(),
                   "PathsOnly.subcommands must name Byline's subcommands")
            do {
                try ReaderSettings(paths: Array(arguments)).openReader()
            } catch {
                Byline.exit(withError: error)
            }
        } else {
            Byline.main()
        }
    }
}

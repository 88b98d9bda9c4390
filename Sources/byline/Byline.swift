import ArgumentParser

/// The `byline` command: reads by default, with `inspect` for plain-text output.
@main
struct Byline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "byline",
        abstract: "A calm terminal reader for folders of plain-text news articles.",
        usage: """
            byline [<paths> ...] [--theme <theme>] [--color <color>] [--ascii] [--recursive] [--no-watch]
              byline --list-themes
              byline inspect [--json] [--recursive] <paths> ...
              byline search <query> [<paths> ...] [--json] [--limit <n>] [--state <path>] [--no-state]
              byline state path|export [--json]|forget --missing [--state <path>]
            """,
        discussion: "With no path, opens the bundled sample library. 'byline help read' lists the reader's options; press ? in the reader for its keys.",
        version: "0.1.0",
        subcommands: [ReadCommand.self, InspectCommand.self, SearchCommand.self, StateCommand.self, GenerateCorpusCommand.self],
        defaultSubcommand: ReadCommand.self
    )
}

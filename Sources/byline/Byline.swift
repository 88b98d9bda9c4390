import ArgumentParser

/// The `byline` command: reads by default, with `inspect` for plain-text output.
@main
struct Byline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "byline",
        abstract: "A calm terminal reader for folders of plain-text news articles.",
        version: "0.1.0",
        subcommands: [ReadCommand.self, InspectCommand.self, GenerateCorpusCommand.self],
        defaultSubcommand: ReadCommand.self
    )
}

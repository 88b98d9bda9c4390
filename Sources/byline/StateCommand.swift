import ArgumentParser
import BylineStore
import Foundation

/// `byline state path|export|forget`: the state store from the command line.
///
/// Exit status: 0 done; 1 the store could not be read or written (the reason on stderr);
/// 2 a broken config file; 64 bad arguments (as for every command).
struct StateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "state",
        abstract: "Show where the state store is, export it, or forget missing files.",
        discussion: """
            The state store keeps read marks, reading positions and the last article of each library. \
            Exit status: 0 done; 1 the store could not be read or written; 2 a broken config file.
            """,
        subcommands: [PathCommand.self, ExportCommand.self, ForgetCommand.self, StateExerciseCommand.self]
    )

    /// `byline state path`: where the store is (whether or not it exists yet).
    struct PathCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "path", abstract: "Print where the state store is.")

        @OptionGroup var store: StoreFileOption

        func run() {
            print(store.file())
        }
    }

    /// `byline state export [--json]`: one line per article with a mark or a position.
    struct ExportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Print every read mark and position, one article a line.",
            discussion: """
                Text: read or unread, the time it was marked read (or -), the position as block:offset (or -), \
                and the file's path, separated by tabs. --json: one JSON object a line with path, library, \
                article, read, readAt and position.
                """
        )

        @Flag(help: "Print JSON Lines.")
        var json = false

        @OptionGroup var store: StoreFileOption

        func run() throws {
            let file = store.file()
            // Nothing saved yet: nothing to print, and no store is created just to say so.
            guard FileManager.default.fileExists(atPath: file) else { return }
            let state = store.open(file)
            guard state.isReadable else { throw ExitCode(1) }
            let format = ExportFormat()
            for entry in state.export() {
                print(json ? format.jsonLine(entry) : format.textLine(entry))
            }
        }
    }

    /// `byline state forget --missing`: drop entries of files that are gone.
    struct ForgetCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "forget",
            abstract: "Forget the marks and positions of files that no longer exist.",
            discussion: "A library whose folder is missing altogether (a disk not mounted?) is kept, and named."
        )

        @Flag(help: "Forget the entries of files that no longer exist.")
        var missing = false

        @OptionGroup var store: StoreFileOption

        func validate() throws {
            guard missing else { throw ValidationError("say what to forget: --missing") }
        }

        func run() throws {
            let file = store.file()
            guard FileManager.default.fileExists(atPath: file) else {
                print("forgot nothing: there is no state store yet")
                return
            }
            let state = store.open(file)
            let summary = state.forgetMissing()
            store.report(state.takeNotices())
            guard state.mode == .saving else { throw ExitCode(1) }
            print("forgot \(summary.forgotten) \(summary.forgotten == 1 ? "entry" : "entries") of missing files")
            for library in summary.missingLibraries {
                print("kept \(ExportFormat.clean(library)): the folder is missing")
            }
        }
    }
}

/// `--state PATH` for the `state` commands, and what they share: finding and opening the store.
struct StoreFileOption: ParsableArguments {
    @Option(name: .customLong("state"), help: ArgumentHelp(
        "The state store (default: $XDG_STATE_HOME/byline/state.sqlite3, or state = … in the config).",
        valueName: "path"))
    var path: String?

    /// The store's file; exits 2 on a broken config, 1 when there is no place for a store.
    func file() -> String {
        let location: StateLocation
        do {
            location = try StateOptions.location(option: path, environment: ProcessInfo.processInfo.environment)
        } catch {
            ReaderSettings.fail(error.description)
        }
        guard let file = location.path else {
            if case .none(let reason?) = location { report([reason]) }
            Foundation.exit(1)
        }
        return file
    }

    /// Opens the store, printing how it went (moved aside, not saving) on stderr.
    func open(_ file: String) -> StateStore {
        let store = StateStore.open(.file(file))
        report(store.takeNotices())
        return store
    }

    /// Each notice as one clean `byline: …` line on stderr.
    func report(_ notices: [String]) {
        for notice in notices {
            InspectCommand.printError("byline: " + notice)
        }
    }
}

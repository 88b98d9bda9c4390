import ArgumentParser
import BylineStore
import BylineTheme
import Foundation

/// `--state PATH` and `--no-state`, for the reader: where read marks and positions are kept.
///
/// The reader includes these with `@OptionGroup` (as ``ReaderSettings/statePath`` and
/// ``ReaderSettings/noState``) and calls ``location(option:noState:configured:environment:)``
/// with the config file's `state` value.
struct StateOptions: ParsableArguments {
    @Option(name: .customLong("state"), help: ArgumentHelp(
        "Keep read marks and positions in this SQLite file (or in state.sqlite3 inside this folder).",
        valueName: "path"))
    var path: String?

    @Flag(help: "Read and save no state at all.")
    var noState = false

    /// Where the store is (see ``location(option:noState:configured:environment:)``), loading
    /// the config file for its `state` (a broken config is an error, as for
    /// the reader).
    static func location(option: String?, noState: Bool = false, environment: [String: String]) throws(ThemeError) -> StateLocation {
        let configured = noState || option != nil ? nil : try BylineConfig.load(environment: environment).state
        return location(option: option, noState: noState, configured: configured, environment: environment)
    }

    /// Where the store is: `--no-state`, `--state`, the config's `state`, then the XDG default.
    static func location(option: String?, noState: Bool, configured: String?, environment: [String: String]) -> StateLocation {
        StateLocation.resolve(option: option, noState: noState, configured: configured, environment: environment,
                              currentDirectory: FileManager.default.currentDirectoryPath)
    }
}

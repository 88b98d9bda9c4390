import ArgumentParser
import BylineModel
import BylineTheme
import Foundation

/// The reader's arguments and options, shared by `byline` itself and `byline read`, so shell
/// completion offers them right after `byline` (completion scripts know nothing of a default
/// subcommand).
struct ReaderOptions: ParsableArguments {
    @Argument(help: "Article folders or .txt files.", completion: .file(extensions: ["txt"]))
    var paths: [String] = []

    @Flag(help: "Also read .txt files in subfolders.")
    var recursive = false

    @Flag(help: "Draw with ASCII only (automatic when the locale is not UTF-8).")
    var ascii = false

    @Option(help: "Theme name or path to a .toml theme.", completion: .custom(ReaderOptions.themeNames))
    var theme: String?

    @Option(help: "Use colour: auto, always or never (NO_COLOR is honoured with auto).")
    var color: ColorChoice?

    @Flag(help: "Do not follow the folder for new, changed and deleted articles while reading.")
    var noWatch = false

    @Option(help: "The list's order: name (natural), newest or longest (o cycles them in the reader).")
    var sort: ListOrder?

    @Flag(help: "Open at the top of the list, not on the article you last had selected.")
    var fromTop = false

    @Flag(help: "Do not ask the terminal for mouse reports (clicks and the wheel).")
    var noMouse = false

    @Flag(help: "Do not let y and Y copy through the terminal (OSC 52).")
    var noClipboard = false

    @Flag(help: "List the keys (with the config's [keys] applied) and exit.")
    var listKeys = false

    @Flag(help: "List the actions a key can be bound to in [keys] and exit.")
    var listActions = false

    @OptionGroup var state: StateOptions

    @Flag(help: "List the themes and exit.")
    var listThemes = false

    /// The options as plain values.
    var settings: ReaderSettings {
        ReaderSettings(paths: paths, recursive: recursive, ascii: ascii, theme: theme, color: color, noWatch: noWatch,
                       sort: sort, fromTop: fromTop, noMouse: noMouse, noClipboard: noClipboard, listKeys: listKeys,
                       listActions: listActions, listThemes: listThemes, statePath: state.path, noState: state.noState)
    }

    /// `--theme`'s completions: the themes installed (shipped and the user's), and `.toml` files.
    @Sendable static func themeNames(_ arguments: [String], _ index: Int, _ prefix: String) -> [String] {
        let environment = ProcessInfo.processInfo.environment
        let catalog = ThemeCatalog(shippedDirectory: DataLocator(environment: environment).folder("Themes"), environment: environment)
        return catalog.names.filter { $0.hasPrefix(prefix) }
    }
}

extension ColorChoice: ExpressibleByArgument {}
extension ListOrder: ExpressibleByArgument {}

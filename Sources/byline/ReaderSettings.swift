import BylineModel
import BylineTheme

/// What the reader is opened with: ``ReaderOptions`` as plain values. `byline PATH...` (paths
/// only, the usual start) makes these without swift-argument-parser, whose first parse costs
/// about 14 M instructions (most of them the Swift runtime's first look-ups of the generic
/// types it casts), a tenth of a start; everything else comes through ``ReaderOptions``.
struct ReaderSettings {
    var paths: [String] = []
    var recursive = false
    var ascii = false
    var theme: String?
    var color: ColorChoice?
    var noWatch = false
    var sort: ListOrder?
    var fromTop = false
    var noMouse = false
    var noClipboard = false
    var listKeys = false
    var listActions = false
    var listThemes = false
    /// `--state PATH`.
    var statePath: String?
    var noState = false
}

/// `byline [PATH...]` with paths only (no option, no subcommand), which opens the reader on
/// them with every option at its default: read without the argument parser. Whatever else
/// comes goes through ``Byline`` for its usual handling and messages.
enum PathsOnly {
    /// Whether `arguments` (without the program's name) are paths only: none starts with "-"
    /// (an option, or "--"), none is empty, and the first is not a subcommand's name.
    static func applies(to arguments: [String]) -> Bool {
        if let first = arguments.first, first == "help" || subcommands.contains(first) { return false }
        return arguments.allSatisfy { !$0.isEmpty && !$0.hasPrefix("-") }
    }

    /// The names of ``Byline``'s subcommands, kept here so that a start with paths does not
    /// start the argument parser's machinery to read them from its configuration (debug
    /// builds, which the end-to-end tests run, check the two agree at every such start).
    /// (An array, not a set: the first `Set<String>` made costs the runtime's conformance
    /// look-ups, about 0.4 M instructions.)
    static let subcommands = ["read", "inspect", "search", "state", "generate-corpus", "quality"]
}

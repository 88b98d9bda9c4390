import BylineCanvas

/// A theme or config file that cannot be used, described in one line of terminal-safe text.
///
/// The description names the file, the line when known, and what is wrong, e.g.
/// `byline: Themes/x.toml:7: unknown colour "blurple" for headline.fg (use default,
/// an ANSI name, colorN or #rrggbb)`. The executable prints it and exits with status 2.
public struct ThemeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file at fault (as the user would name it), or nil when no file is involved.
    public var file: String?
    /// The 1-based line, when known.
    public var line: Int?
    /// What is wrong, without the file and line.
    public var message: String

    public init(file: String?, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        var text = "byline: "
        if let file {
            text += file
            if let line { text += ":\(line)" }
            text += ": "
        }
        text += message
        // One line, whatever the parser said, and nothing from the file a terminal would act on.
        return text.terminalSafeLine
    }
}

extension String {
    /// This text on one line (line breaks become spaces) without controls or bidi overrides
    /// (``BylineCanvas/TerminalGlyph/isUnsafe(_:)``): for what goes to stderr or stdout as is.
    var terminalSafeLine: String {
        let line = split(whereSeparator: \.isNewline).joined(separator: " ")
        return String(String.UnicodeScalarView(line.unicodeScalars.filter { !TerminalGlyph.isUnsafe($0) }))
    }
}

/// The shipped `default` theme, compiled in.
///
/// This must equal `Themes/default.toml` byte for byte (a test checks), so the reader
/// has a theme even when the `Themes/` directory cannot be found. When you change one,
/// copy it into the other.
extension Theme {
    /// The text of `Themes/default.toml`.
    public static let builtinDefault: String = #"""
        # Byline theme: default
        # Your terminal's own foreground and background, with a few ANSI accents.
        # Only the eight basic colours are used, so it follows your terminal's palette,
        # light or dark. See Themes/README.md for the format.

        name = "Default"
        description = "Your terminal's own colours, with a few ANSI accents"

        [base]
        fg = "default"
        bg = "default"

        [border]
        dim = true

        # The article list. list.read, list.unread and list.selected inherit from
        # list.normal; list.selected-unfocused inherits from list.selected.
        [list.selected]
        fg = "white"
        bg = "blue"
        bold = true

        [list.selected-unfocused]
        fg = "blue"
        bg = "default"
        bold = false
        underline = true

        [list.read]
        dim = true

        [list.unread]
        bold = true

        # The article.
        [headline]
        bold = true

        [standfirst]
        italic = true

        [crosshead]
        fg = "blue"
        bold = true

        [pullquote]
        fg = "magenta"
        italic = true

        [quote-mark]
        bold = true
        italic = false

        [attribution]
        fg = "magenta"

        [boilerplate]
        dim = true

        # The sidebar.
        [sidebar.current]
        fg = "blue"
        bold = true

        # Status line, help, search and errors.
        [status]
        reverse = true

        [search-match]
        fg = "black"
        bg = "yellow"

        [search-current]
        fg = "black"
        bg = "brightyellow"
        bold = true
        underline = true

        [error]
        fg = "red"
        bold = true

        """#

    /// ``builtinDefault``, parsed.
    public static let builtinDefaultTheme: Theme = {
        do throws(ThemeError) {
            return try Theme(parsing: builtinDefault, file: "(built-in default theme)", defaultName: "default")
        } catch {
            // Unreachable while the shipped-themes test passes; plain terminal colours otherwise.
            return Theme(name: "Default", description: "", source: nil, styles: [:])
        }
    }()
}

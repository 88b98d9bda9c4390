/// Loads themes for one run of the reader, parsing a file again only when its text changed.
///
/// Cycling themes with `t` loads the next theme each time. TOMLKit keeps a little of every
/// document it parses for good (its accessors hand out `malloc`ed copies of keys and strings
/// that nobody frees: a few KB for a shipped theme, see `TOMLDocument`), so parsing on every
/// press made memory grow without bound. The loader reads the file on every load, so a theme
/// edited while Byline runs still shows up when cycled to again, but parses it only when the
/// text differs from last time. It keeps one theme per file, so it holds at most as many
/// themes as there are files to cycle through.
public final class ThemeLoader {
    /// Where themes are looked up by name.
    public let catalog: ThemeCatalog
    /// The last text read from each file, and what parsing it gave (a theme or its error).
    private var cached: [String: (text: String, result: Result<Theme, ThemeError>)] = [:]

    /// How many times a theme file has been parsed (each load that found new text).
    public private(set) var parses = 0

    public init(catalog: ThemeCatalog) {
        self.catalog = catalog
    }

    /// Loads a theme by name or path, as ``ThemeCatalog/load(_:)-(String)`` does.
    public func load(_ nameOrPath: String) throws(ThemeError) -> Theme {
        let entry = try catalog.entry(for: nameOrPath)
        guard let path = entry.path else { return Theme.builtinDefaultTheme }
        let text = try readText(path: path, what: "theme")
        if let hit = cached[path], hit.text == text { return try hit.result.get() }
        parses += 1
        let result = Result { () throws(ThemeError) in try Theme(parsing: text, file: path, defaultName: entry.name) }
        cached[path] = (text, result)
        return try result.get()
    }
}

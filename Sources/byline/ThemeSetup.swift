import BylineModel
import BylineTheme

/// The theme and colour choices for a run: command line over config file over defaults.
/// Everything here is checked before the terminal is touched.
struct ThemeSetup {
    let catalog: ThemeCatalog
    /// Loads themes for cycling, parsing each file once (unless it changes).
    let loader: ThemeLoader
    let current: Theme
    /// What the current theme is called in the catalog (or the path it was given by).
    let currentKey: String
    let choice: ColorChoice
    let environment: [String: String]
    /// The config file's settings.
    let config: BylineConfig

    init(themeOption: String?, colorChoice: ColorChoice?, shippedDirectory: String?, environment: [String: String]) throws(ThemeError) {
        config = try BylineConfig.load(environment: environment)
        catalog = ThemeCatalog(shippedDirectory: shippedDirectory, environment: environment)
        loader = ThemeLoader(catalog: catalog)
        choice = colorChoice ?? config.color ?? .auto
        currentKey = themeOption ?? config.theme ?? "default"
        current = try loader.load(currentKey)
        self.environment = environment
    }

    /// Whether curses should start colours at all (never for NO_COLOR or `--color never`).
    var wantsColor: Bool {
        ColorDepth.detect(choice: choice, colors: nil, environment: environment) != .attributesOnly
    }

    /// The depth to resolve themes at, once curses knows how many colours there are.
    func depth(colorCount: Int) -> ColorDepth {
        ColorDepth.detect(choice: choice, colors: wantsColor ? colorCount : nil, environment: environment)
    }

    /// Theme names for cycling, with the current one included.
    var names: [String] {
        catalog.names.contains(currentKey) ? catalog.names : [currentKey] + catalog.names
    }

    func load(_ name: String) throws(ThemeError) -> Theme {
        if name == currentKey, catalog.entry(named: name) == nil { return current }
        return try loader.load(name)
    }

    /// `byline --list-themes`: one theme a line.
    func listing() -> String {
        var out = ""
        for item in catalog.listing() {
            let marker = item.entry.name == currentKey ? "*" : " "
            let origin = item.entry.path ?? item.entry.origin.rawValue
            let about = item.error.map { "(does not load: \($0.description))" } ?? item.description
            let line = "\(marker) \(item.entry.name.padding(toLength: 14, withPad: " ", startingAt: 0)) \(about)  [\(origin)]"
            // File names come from the user's folder: cleaned like everything else printed.
            out += TextSanitizer.sanitize(line) + "\n"
        }
        return out
    }
}

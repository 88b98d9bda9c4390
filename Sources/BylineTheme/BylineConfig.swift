/// The user's settings from `$XDG_CONFIG_HOME/byline/config.toml`.
///
/// ```toml
/// theme = "paper"      # a theme name, or a path to a .toml file
/// color = "auto"       # auto, always or never
/// watch = true         # follow the folder while reading (false: like --no-watch)
/// state = "~/.local/state/byline/state.sqlite3"   # where read marks and positions are kept
/// sort = "name"        # the list's order: name, newest or longest
/// mouse = true         # clicks and the wheel (false: like --no-mouse)
/// clipboard = true     # y and Y copy through the terminal (false: like --no-clipboard)
///
/// [keys]               # your own keys: "key" = "action" (or "none")
/// "ctrl-d" = "page-down"
/// ```
/// Any other key is an error, so a typo does not go unnoticed.
public struct BylineConfig: Equatable, Sendable {
    /// The theme to start with, by name or path (nil: `default`).
    public var theme: String?
    /// The colour choice (nil: `auto`, or whatever `--color` says).
    public var color: ColorChoice?
    /// Whether to follow the folder while reading (nil: yes, unless `--no-watch`).
    public var watch: Bool?
    /// The state store's path, resolved like a theme path (nil: the default place).
    public var state: String?
    /// The list's order to start with, one of ``sortValues`` (nil: by name, or `--sort`).
    public var sort: String?
    /// Whether to report clicks and the wheel (nil: yes, unless `--no-mouse`).
    public var mouse: Bool?
    /// Whether `y` / `Y` may copy through the terminal (nil: yes, unless `--no-clipboard`).
    public var clipboard: Bool?
    /// The `[keys]` table: each key as written, the action it names, and its line. Checked
    /// against the key map by the reader.
    public var keyBindings: [KeyBindingSetting] = []

    public init(theme: String? = nil, color: ColorChoice? = nil, watch: Bool? = nil, state: String? = nil) {
        self.theme = theme
        self.color = color
        self.watch = watch
        self.state = state
    }

    /// The keys a config file may hold.
    static let keys = ["theme", "color", "watch", "state", "sort", "mouse", "clipboard", "keys"]
    /// The orders `sort` takes.
    public static let sortValues = ["name", "newest", "longest"]

    /// Parses the text of a config file.
    ///
    /// A relative theme path (containing `/` or ending `.toml`) is taken relative to the
    /// config file's directory, and `~/` is expanded with `HOME` from `environment`.
    public init(parsing text: String, file: String, environment: [String: String] = [:]) throws(ThemeError) {
        let document = try TOMLDocument(text: text, file: file)
        var errors: [ThemeError] = []
        var config = BylineConfig()
        for key in document.root.keys {
            guard let value = document.root[key] else { continue }
            switch key {
            case "theme":
                guard let name = value.string, !name.trimmingWhitespace().isEmpty else {
                    errors.append(document.error(at: [key], "theme must be a theme name or path in quotes, not \(value.string == nil ? value.kindDescription : "an empty string")"))
                    continue
                }
                config.theme = Self.resolveThemePath(name, configFile: file, environment: environment)
            case "color":
                guard let word = value.string, let choice = ColorChoice(rawValue: word.lowercased()) else {
                    let found = value.string.map { "\"\($0)\"" } ?? value.kindDescription
                    errors.append(document.error(at: [key], "color must be \"auto\", \"always\" or \"never\", not \(found)"))
                    continue
                }
                config.color = choice
            case "mouse", "clipboard":
                guard let flag = value.bool else {
                    errors.append(document.error(at: [key], "\(key) must be true or false, not \(value.kindDescription)"))
                    continue
                }
                if key == "mouse" { config.mouse = flag } else { config.clipboard = flag }
            case "keys":
                guard let table = value.table else {
                    errors.append(document.error(at: [key], "keys must be a table like [keys] with lines such as \"ctrl-d\" = \"page-down\", not \(value.kindDescription)"))
                    continue
                }
                for name in table.keys {
                    guard let action = table[name]?.string else {
                        errors.append(document.error(at: [key, name], "the action for key \"\(name)\" must be a name in quotes (byline --list-actions lists them)"))
                        continue
                    }
                    config.keyBindings.append(KeyBindingSetting(key: name, action: action, line: document.line(of: [key, name])))
                }
            case "watch":
                guard let flag = value.bool else {
                    errors.append(document.error(at: [key], "watch must be true or false, not \(value.kindDescription)"))
                    continue
                }
                config.watch = flag
            case "state":
                guard let path = value.string, !path.trimmingWhitespace().isEmpty else {
                    errors.append(document.error(at: [key], "state must be a path in quotes, not \(value.string == nil ? value.kindDescription : "an empty string")"))
                    continue
                }
                config.state = Self.resolvePath(path, configFile: file, environment: environment)
            case "sort":
                guard let word = value.string?.lowercased(), Self.sortValues.contains(word) else {
                    let found = value.string.map { "\"\($0)\"" } ?? value.kindDescription
                    errors.append(document.error(at: [key], "sort must be \"name\", \"newest\" or \"longest\", not \(found)"))
                    continue
                }
                config.sort = word
            default:
                errors.append(document.error(at: [key], "unknown key \"\(key)\" (the config file takes \(Self.keys.dropLast().joined(separator: ", ")) and \(Self.keys.last ?? ""))"))
            }
        }
        if let error = TOMLDocument.first(of: errors) { throw error }
        self = config
    }

    /// `$XDG_CONFIG_HOME/byline/config.toml` (or `~/.config/byline/config.toml`).
    public static func path(environment: [String: String]) -> String? {
        ThemeCatalog.configDirectory(environment: environment).map { $0 + "/config.toml" }
    }

    /// Loads the user's config; no config file at all is an empty config, not an error.
    public static func load(environment: [String: String]) throws(ThemeError) -> BylineConfig {
        guard let path = path(environment: environment) else { return BylineConfig() }
        return try load(path: path, environment: environment) ?? BylineConfig()
    }

    /// Loads the config at `path`, or nil when there is no such file.
    public static func load(path: String, environment: [String: String] = [:]) throws(ThemeError) -> BylineConfig? {
        do throws(ThemeError) {
            let text = try readText(path: path, what: "config")
            return try BylineConfig(parsing: text, file: path, environment: environment)
        } catch where error.message == "no such config file" {
            return nil
        }
    }

    private static func resolveThemePath(_ theme: String, configFile: String, environment: [String: String]) -> String {
        guard ThemeCatalog.isPath(theme) else { return theme }
        return resolvePath(theme, configFile: configFile, environment: environment)
    }

    /// `~/` expanded with `HOME`; a relative path taken from the config file's folder.
    private static func resolvePath(_ path: String, configFile: String, environment: [String: String]) -> String {
        if path.hasPrefix("~/"), let home = environment["HOME"] {
            return home.trimmingTrailingSlashes() + path.dropFirst()
        }
        guard !path.hasPrefix("/"), let slash = configFile.lastIndex(of: "/") else { return path }
        return String(configFile[...slash]) + path
    }
}

/// One line of a config file's `[keys]` table.
public struct KeyBindingSetting: Equatable, Sendable {
    /// The key as written (`"ctrl-d"`).
    public var key: String
    /// The action as written (`"page-down"`, or `"none"`).
    public var action: String
    /// Where it is, for errors.
    public var line: Int?

    public init(key: String, action: String, line: Int?) {
        self.key = key
        self.action = action
        self.line = line
    }
}

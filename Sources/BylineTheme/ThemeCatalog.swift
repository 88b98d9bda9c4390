import Foundation

/// Where themes come from: the shipped `Themes/` directory and the user's own, with the
/// user's shadowing shipped themes of the same name (file stem).
///
/// The catalog is a snapshot of both directories taken when it is made; loading reads
/// the file each time, so an edited theme shows up when cycled to again.
public struct ThemeCatalog: Sendable {
    /// Where a theme was found.
    public enum Origin: String, Sendable {
        case shipped
        case user
        /// ``Theme/builtinDefault``, used when no `default.toml` is found.
        case builtIn = "built in"
    }

    /// One theme the catalog knows of, by name.
    public struct Entry: Hashable, Sendable {
        /// The name to select it by: the file stem, e.g. `high-contrast`.
        public let name: String
        /// The file, or nil for the built-in default.
        public let path: String?
        public let origin: Origin
    }

    /// A line of `byline --list-themes`.
    public struct Listing: Sendable {
        public let entry: Entry
        /// The theme's description, empty if it has none or does not load.
        public let description: String
        /// Why the theme does not load, if it does not.
        public let error: ThemeError?
    }

    /// The names of the themes Byline ships, in cycling order.
    public static let shippedOrder = ["default", "dark", "light", "paper", "high-contrast", "mono"]

    /// Every theme, in cycling order: the shipped ones in ``shippedOrder`` (then any
    /// other shipped files alphabetically), then user themes that shadow nothing,
    /// alphabetically. A user theme named like a shipped one takes its place.
    public let entries: [Entry]

    /// - Parameters:
    ///   - shippedDirectory: The `Themes/` directory installed with Byline, if found.
    ///   - userDirectory: The user's theme directory (see ``userThemesDirectory(environment:)``).
    public init(shippedDirectory: String?, userDirectory: String?) {
        let shipped = Self.themeFiles(in: shippedDirectory)
        let user = Self.themeFiles(in: userDirectory)

        var shippedNames = Self.shippedOrder.filter { shipped[$0] != nil }
        shippedNames += shipped.keys.filter { !Self.shippedOrder.contains($0) }.sorted()
        if !shippedNames.contains("default") { shippedNames.insert("default", at: 0) }

        var entries: [Entry] = shippedNames.map { name in
            if let path = user[name] { return Entry(name: name, path: path, origin: .user) }
            if let path = shipped[name] { return Entry(name: name, path: path, origin: .shipped) }
            return Entry(name: name, path: nil, origin: .builtIn)
        }
        for name in user.keys.sorted() where !shippedNames.contains(name) {
            entries.append(Entry(name: name, path: user[name], origin: .user))
        }
        self.entries = entries
    }

    /// A catalog of `shippedDirectory` and the user directory the environment names.
    public init(shippedDirectory: String?, environment: [String: String]) {
        self.init(shippedDirectory: shippedDirectory, userDirectory: Self.userThemesDirectory(environment: environment))
    }

    /// Theme names in cycling order.
    public var names: [String] { entries.map(\.name) }

    /// The entry called `name`, if any.
    public func entry(named name: String) -> Entry? {
        entries.first { $0.name == name }
    }

    // MARK: - Loading

    /// Loads a theme by name (`dark`) or by path (anything containing `/` or ending
    /// in `.toml`, e.g. `./mine.toml`).
    public func load(_ nameOrPath: String) throws(ThemeError) -> Theme {
        try load(entry(for: nameOrPath))
    }

    /// The entry a theme argument names: a catalog entry by name, or a file by path (named
    /// after its stem).
    public func entry(for nameOrPath: String) throws(ThemeError) -> Entry {
        if Self.isPath(nameOrPath) { return Entry(name: nameOrPath.fileStem, path: nameOrPath, origin: .user) }
        guard let entry = entry(named: nameOrPath) else {
            throw ThemeError(
                file: nil,
                message: "no theme named \"\(nameOrPath)\" (available: \(names.joined(separator: ", ")); or give the path of a .toml file)")
        }
        return entry
    }

    /// Loads the theme an entry names (for cycling: skip one that throws, with its message).
    public func load(_ entry: Entry) throws(ThemeError) -> Theme {
        guard let path = entry.path else { return Theme.builtinDefaultTheme }
        return try Theme.load(path: path, defaultName: entry.name)
    }

    /// Every theme with its description, for `byline --list-themes`.
    public func listing() -> [Listing] {
        entries.map { entry in
            do throws(ThemeError) {
                let theme = try load(entry)
                return Listing(entry: entry, description: theme.description, error: nil)
            } catch {
                return Listing(entry: entry, description: "", error: error)
            }
        }
    }

    /// Whether a theme argument is a path rather than a name.
    public static func isPath(_ text: String) -> Bool {
        text.contains("/") || text.hasSuffix(".toml")
    }

    // MARK: - Directories

    /// `$XDG_CONFIG_HOME/byline/themes`, or `~/.config/byline/themes`; nil with neither
    /// an absolute `XDG_CONFIG_HOME` nor `HOME`.
    public static func userThemesDirectory(environment: [String: String]) -> String? {
        configDirectory(environment: environment).map { $0 + "/themes" }
    }

    /// `$XDG_CONFIG_HOME/byline` (a relative or empty `XDG_CONFIG_HOME` is ignored, as
    /// the XDG spec asks), else `$HOME/.config/byline`.
    public static func configDirectory(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            return xdg.trimmingTrailingSlashes() + "/byline"
        }
        if let home = environment["HOME"], !home.isEmpty {
            return home.trimmingTrailingSlashes() + "/.config/byline"
        }
        return nil
    }

    /// The `.toml` files directly in `directory`, by stem.
    private static func themeFiles(in directory: String?) -> [String: String] {
        guard let directory,
              let names = try? FileManager.default.contentsOfDirectory(atPath: directory)
        else { return [:] }
        var files: [String: String] = [:]
        for name in names where name.hasSuffix(".toml") && !name.hasPrefix(".") {
            let stem = String(name.dropLast(".toml".count))
            guard !stem.isEmpty else { continue }
            files[stem] = directory.trimmingTrailingSlashes() + "/" + name
        }
        return files
    }
}

// MARK: - Reading files

extension Theme {
    /// Reads and parses the theme file at `path`; its name defaults to the file stem.
    public static func load(path: String, defaultName: String? = nil) throws(ThemeError) -> Theme {
        let text = try readText(path: path, what: "theme")
        return try Theme(parsing: text, file: path, defaultName: defaultName ?? path.fileStem)
    }
}

/// The UTF-8 text of a file, or a ``ThemeError`` saying why not.
func readText(path: String, what: String) throws(ThemeError) -> String {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw ThemeError(file: path, message: "no such \(what) file")
    }
    guard !isDirectory.boolValue else { throw ThemeError(file: path, message: "is a directory, not a \(what) file") }
    guard let data = FileManager.default.contents(atPath: path) else {
        throw ThemeError(file: path, message: "cannot read the \(what) file (permission denied?)")
    }
    guard let text = String(data: data, encoding: .utf8) else {
        throw ThemeError(file: path, message: "the \(what) file is not UTF-8 text")
    }
    return text
}

extension String {
    /// `a/b/dark.toml` → `dark`.
    var fileStem: String {
        let last = split(separator: "/").last.map(String.init) ?? self
        return last.hasSuffix(".toml") ? String(last.dropLast(".toml".count)) : last
    }

    func trimmingTrailingSlashes() -> String {
        var text = self
        while text.count > 1, text.hasSuffix("/") { text.removeLast() }
        return text
    }
}

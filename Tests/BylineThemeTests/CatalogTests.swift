import Foundation
import Testing
@testable import BylineTheme

@Suite("Theme catalog and config")
struct CatalogTests {
    @Test("shipped themes come in the documented order")
    func shippedOrder() {
        let catalog = ThemeCatalog(shippedDirectory: shippedThemesDirectory, userDirectory: nil)
        #expect(catalog.names == ["default", "dark", "light", "paper", "high-contrast", "mono"])
        #expect(catalog.entries.allSatisfy { $0.origin == .shipped })
    }

    @Test("user themes shadow shipped ones by name and follow them otherwise")
    func userShadowing() throws {
        let home = try TemporaryDirectory()
        defer { home.cleanUp() }
        let dark = try home.write("config/byline/themes/dark.toml", "name = \"My dark\"\ndescription = \"mine\"\n")
        try home.write("config/byline/themes/zebra.toml", "description = \"stripes\"\n")
        try home.write("config/byline/themes/aardvark.toml", "[headline]\nbold = true\n")
        try home.write("config/byline/themes/notes.txt", "not a theme")

        let catalog = ThemeCatalog(shippedDirectory: shippedThemesDirectory,
                                   environment: ["XDG_CONFIG_HOME": home.path + "/config", "HOME": "/nowhere"])
        #expect(catalog.names == ["default", "dark", "light", "paper", "high-contrast", "mono", "aardvark", "zebra"])
        #expect(catalog.entry(named: "dark") == ThemeCatalog.Entry(name: "dark", path: dark, origin: .user))
        #expect(try catalog.load("dark").name == "My dark")
        #expect(try catalog.load("light").name == "Light")
        // No name = falls back to the file stem.
        #expect(try catalog.load("zebra").name == "zebra")
    }

    @Test("HOME/.config is used when XDG_CONFIG_HOME is unset or relative")
    func homeFallback() {
        #expect(ThemeCatalog.userThemesDirectory(environment: ["HOME": "/home/u"]) == "/home/u/.config/byline/themes")
        #expect(ThemeCatalog.userThemesDirectory(environment: ["HOME": "/home/u", "XDG_CONFIG_HOME": "rel"]) == "/home/u/.config/byline/themes")
        #expect(ThemeCatalog.userThemesDirectory(environment: ["XDG_CONFIG_HOME": "/x/"]) == "/x/byline/themes")
        #expect(ThemeCatalog.userThemesDirectory(environment: [:]) == nil)
        #expect(BylineConfig.path(environment: ["XDG_CONFIG_HOME": "/x"]) == "/x/byline/config.toml")
    }

    @Test("listing gives name, source and description, and flags broken themes")
    func listing() throws {
        let user = try TemporaryDirectory()
        defer { user.cleanUp() }
        let broken = try user.write("broken.toml", "[headline]\nfg = \"blurple\"\n")
        let catalog = ThemeCatalog(shippedDirectory: shippedThemesDirectory, userDirectory: user.path)
        let listing = catalog.listing()
        #expect(listing.map(\.entry.name) == catalog.names)
        let paper = try #require(listing.first { $0.entry.name == "paper" })
        #expect(paper.entry.path == shippedThemesDirectory + "/paper.toml")
        #expect(paper.description.contains("off-white"))
        #expect(paper.error == nil)
        let bad = try #require(listing.last)
        #expect(bad.entry.name == "broken")
        #expect(bad.error?.description == "byline: \(broken):2: unknown colour \"blurple\" for headline.fg (use default, an ANSI name, colorN or #rrggbb)")
    }

    @Test("cycling can skip a broken theme with its message")
    func cycling() throws {
        let user = try TemporaryDirectory()
        defer { user.cleanUp() }
        try user.write("broken.toml", "[headline\n")
        let catalog = ThemeCatalog(shippedDirectory: shippedThemesDirectory, userDirectory: user.path)
        var loaded: [String] = []
        var skipped: [String] = []
        for entry in catalog.entries {
            do throws(ThemeError) {
                _ = try catalog.load(entry)
                loaded.append(entry.name)
            } catch {
                skipped.append(error.description)
            }
        }
        #expect(loaded == ThemeCatalog.shippedOrder)
        #expect(skipped.count == 1)
        #expect(skipped.first?.contains("broken.toml:1: TOML syntax error") == true)
    }

    @Test("themes load by path as well as by name")
    func loadByPath() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanUp() }
        let path = try dir.write("mine.toml", "name = \"Mine\"\n[base]\nfg = \"#102030\"\n")
        let catalog = ThemeCatalog(shippedDirectory: shippedThemesDirectory, userDirectory: nil)
        let theme = try catalog.load(path)
        #expect(theme.name == "Mine")
        #expect(theme.source == path)
        #expect(theme.styles[.base]?.fg == .rgb(0x10, 0x20, 0x30))
        #expect(ThemeCatalog.isPath("x.toml"))
        #expect(ThemeCatalog.isPath("./x"))
        #expect(!ThemeCatalog.isPath("high-contrast"))
    }

    @Test("an unknown name lists what is available")
    func unknownName() {
        let catalog = ThemeCatalog(shippedDirectory: shippedThemesDirectory, userDirectory: nil)
        let error = themeError { _ = try catalog.load("solarized") }
        #expect(error?.file == nil)
        #expect(error?.description.hasPrefix(#"byline: no theme named "solarized" (available: default, dark, light"#) == true)
    }

    @Test("without the shipped directory, default is built in")
    func builtInDefault() throws {
        let catalog = ThemeCatalog(shippedDirectory: "/nonexistent/Themes", userDirectory: nil)
        #expect(catalog.names == ["default"])
        #expect(catalog.entries.first?.origin == .builtIn)
        let theme = try catalog.load("default")
        #expect(theme == Theme.builtinDefaultTheme)
        #expect(catalog.listing().first?.description == "Your terminal's own colours, with a few ANSI accents")
    }

    // MARK: - Config

    @Test("config reads theme and color; a missing file is an empty config")
    func config() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanUp() }
        let env = ["XDG_CONFIG_HOME": dir.path, "HOME": "/home/u"]
        #expect(try BylineConfig.load(environment: env) == BylineConfig())

        try dir.write("byline/config.toml", "theme = \"paper\"\ncolor = \"never\"\n")
        #expect(try BylineConfig.load(environment: env) == BylineConfig(theme: "paper", color: .never))

        try dir.write("byline/config.toml", "theme = \"themes/mine.toml\"\n")
        #expect(try BylineConfig.load(environment: env).theme == dir.path + "/byline/themes/mine.toml")

        try dir.write("byline/config.toml", "theme = \"~/t/mine.toml\"\ncolor = \"Always\"\n")
        #expect(try BylineConfig.load(environment: env) == BylineConfig(theme: "/home/u/t/mine.toml", color: .always))
    }

    @Test("config reads the state store's path: ~/ expanded, relative to the config's folder")
    func configState() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanUp() }
        let env = ["XDG_CONFIG_HOME": dir.path, "HOME": "/home/u"]
        try dir.write("byline/config.toml", "state = \"~/s/state.sqlite3\"\n")
        #expect(try BylineConfig.load(environment: env) == BylineConfig(state: "/home/u/s/state.sqlite3"))
        try dir.write("byline/config.toml", "state = \"state.sqlite3\"\n")
        #expect(try BylineConfig.load(environment: env).state == dir.path + "/byline/state.sqlite3")
        try dir.write("byline/config.toml", "state = 3\n")
        let error = themeError { _ = try BylineConfig.load(environment: env) }
        #expect(error?.message.hasPrefix("state must be a path in quotes") == true)
    }

    @Test("a broken config is an error from load")
    func brokenConfig() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanUp() }
        let path = try dir.write("byline/config.toml", "theme = \"dark\"\nfont = \"serif\"\n")
        let error = themeError { _ = try BylineConfig.load(environment: ["XDG_CONFIG_HOME": dir.path]) }
        #expect(error?.file == path)
        #expect(error?.line == 2)
    }

    @Test("config reads mouse, clipboard and a [keys] table with each key's line")
    func configKeysMouseClipboard() throws {
        let text = "mouse = false\nclipboard = false\n\n[keys]\n\"ctrl-d\" = \"page-down\"\nx = \"none\"\n"
        let config = try BylineConfig(parsing: text, file: "config.toml")
        #expect(config.mouse == false)
        #expect(config.clipboard == false)
        #expect(Set(config.keyBindings.map { "\($0.key)=\($0.action)@\($0.line ?? 0)" }) == ["ctrl-d=page-down@5", "x=none@6"])
        let wrong = themeError { _ = try BylineConfig(parsing: "[keys]\nx = 3\n", file: "config.toml") }
        #expect(wrong?.description == #"byline: config.toml:2: the action for key "x" must be a name in quotes (byline --list-actions lists them)"#)
        let notTable = themeError { _ = try BylineConfig(parsing: "keys = \"x\"\n", file: "config.toml") }
        #expect(notTable?.line == 1)
    }
}

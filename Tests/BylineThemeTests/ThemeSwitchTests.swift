import BylineCanvas
import Testing
@testable import BylineTheme

/// Memory on the theme path: pressing `t` over and over must not grow anything. TOMLKit keeps
/// part of every document it parses, so the checks count what would grow: parses, colour
/// pairs, and whether a document's tree is freed.
@Suite("Theme switching stays flat")
struct ThemeSwitchTests {
    @Test("a thousand switches parse each theme once and define no more colour pairs")
    func thousandSwitches() throws {
        let loader = ThemeLoader(catalog: ThemeCatalog(shippedDirectory: shippedThemesDirectory, userDirectory: nil))
        let names = loader.catalog.names
        var firstPlans: [String: ColorPairPlan] = [:]
        var name = "default"
        for _ in 0..<1_000 {
            // What the reader does on `t`: the next theme, resolved, handed to the terminal.
            name = names[(names.firstIndex(of: name)! + 1) % names.count]
            let palette = try loader.load(name).resolved(depth: .indexed256)
            let plan = ColorPairPlan(palette: palette, limit: 32_767)
            #expect(plan.pairs.count <= Role.allCases.count)
            #expect(plan.pairs.map(\.number) == (0..<plan.pairs.count).map { Int32($0 + 1) })
            if let first = firstPlans[name] {
                #expect(plan == first, "theme \(name) planned differently on a later switch")
            } else {
                firstPlans[name] = plan
            }
        }
        #expect(loader.parses == names.count)
    }

    /// A user theme folder holding `file` with `text`, and a loader over it and the shipped themes.
    private func userTheme(_ file: String, _ text: String) throws -> (user: TemporaryDirectory, path: String, loader: ThemeLoader) {
        let user = try TemporaryDirectory()
        let path = try user.write(file, text)
        return (user, path, ThemeLoader(catalog: ThemeCatalog(shippedDirectory: shippedThemesDirectory, userDirectory: user.path)))
    }

    @Test("a theme edited on disk is parsed again, an unchanged one is not")
    func editedTheme() throws {
        let (user, path, loader) = try userTheme("mine.toml", "name = \"Mine\"\n[headline]\nfg = \"red\"\n")
        defer { user.cleanUp() }
        #expect(try loader.load("mine").style(for: .headline).fg == .indexed(1))
        #expect(try loader.load(path).name == "Mine")
        #expect(loader.parses == 1)
        try user.write("mine.toml", "name = \"Mine\"\n[headline]\nfg = \"blue\"\n")
        #expect(try loader.load("mine").style(for: .headline).fg == .indexed(4))
        #expect(try loader.load("mine").style(for: .headline).fg == .indexed(4))
        #expect(loader.parses == 2)
    }

    @Test("a broken theme keeps its error without being parsed again")
    func brokenTheme() throws {
        let (user, path, loader) = try userTheme("broken.toml", "[headline]\nfg = \"blurple\"\n")
        defer { user.cleanUp() }
        for _ in 0..<50 {
            #expect(themeError { _ = try loader.load("broken") }?.description.hasPrefix("byline: \(path):2: unknown colour") == true)
        }
        #expect(loader.parses == 1)
        #expect(themeError { _ = try loader.load("nonesuch") }?.message.hasPrefix("no theme named \"nonesuch\"") == true)
    }

    @Test("a parsed document frees its TOML tree when it goes")
    func documentFreesTree() throws {
        var document: TOMLDocument? = try TOMLDocument(text: "[headline]\nfg = \"red\"\n[base]\nbold = true\n", file: "t.toml")
        let root = try #require(document?.root)
        #expect(root.count == 2)
        document = nil
        #expect(root.isEmpty)
    }

    @Test("colour pairs: one per distinct pair of colours, none for the terminal's own, none past the limit")
    func pairPlan() {
        var palette: [Role: ResolvedStyle] = [.base: ResolvedStyle()]
        palette[.headline] = ResolvedStyle(fg: .indexed(1))
        palette[.error] = ResolvedStyle(fg: .indexed(1))
        palette[.status] = ResolvedStyle(fg: .rgb(1, 2, 3), bg: .indexed(4))
        let plan = ColorPairPlan(palette: palette, limit: 256)
        #expect(plan.pairs == [.init(number: 1, fg: 1, bg: -1), .init(number: 2, fg: 0x010203, bg: 4)])
        #expect(plan.pairOfRole[.headline] == 1 && plan.pairOfRole[.error] == 1 && plan.pairOfRole[.status] == 2)
        #expect(plan.pairOfRole[.body] == 0)
        #expect(ColorPairPlan(palette: palette, limit: 2).pairs.count == 1)
        #expect(ColorPairPlan(palette: palette, limit: 0).pairs.isEmpty)
    }
}

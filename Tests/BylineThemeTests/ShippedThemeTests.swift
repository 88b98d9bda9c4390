import BylineCanvas
import Foundation
import Testing
@testable import BylineTheme

@Suite("Shipped themes")
struct ShippedThemeTests {
    static let names = ThemeCatalog.shippedOrder

    @Test("every shipped theme parses and has a name and description", arguments: names)
    func parses(name: String) throws {
        let theme = try Theme.load(path: "\(shippedThemesDirectory)/\(name).toml")
        #expect(!theme.name.isEmpty)
        #expect(!theme.description.isEmpty)
        #expect(!theme.description.contains("\n"))
    }

    @Test("every role resolves within the depth's colour range", arguments: names)
    func resolvesEveryRole(name: String) throws {
        let theme = try Theme.load(path: "\(shippedThemesDirectory)/\(name).toml")
        for depth in ColorDepth.allCases {
            let styles = theme.resolved(depth: depth)
            #expect(Set(styles.keys) == Set(Role.allCases))
            for (role, style) in styles {
                for colour in [style.fg, style.bg] {
                    #expect(fits(colour, depth), "\(name) \(role) at \(depth): \(colour)")
                }
                if style.fg != .terminalDefault {
                    #expect(style.fg != style.bg, "\(name) \(role) at \(depth): text on its own colour")
                }
            }
        }
    }

    @Test("text roles, selections and status look distinct at every depth", arguments: names)
    func distinctLooks(name: String) throws {
        let theme = try Theme.load(path: "\(shippedThemesDirectory)/\(name).toml")
        for depth in ColorDepth.allCases {
            let styles = theme.resolved(depth: depth)
            let articleRoles: [Role] = [.body, .headline, .standfirst, .crosshead, .pullquote, .attribution, .boilerplate]
            for (index, role) in articleRoles.enumerated() {
                for other in articleRoles[(index + 1)...] {
                    #expect(styles[role] != styles[other], "\(name) at \(depth): \(role) looks like \(other)")
                }
            }
            #expect(styles[.listSelected] != styles[.listSelectedUnfocused], "\(name) at \(depth)")
            #expect(styles[.listSelected] != styles[.listNormal], "\(name) at \(depth)")
            #expect(styles[.listSelectedUnfocused] != styles[.listNormal], "\(name) at \(depth)")
            #expect(styles[.sidebarCurrent] != styles[.sidebarNormal], "\(name) at \(depth)")
            #expect(styles[.status] != styles[.base], "\(name) at \(depth)")
            #expect(styles[.searchMatch] != styles[.body], "\(name) at \(depth)")
            #expect(styles[.searchCurrent] != styles[.searchMatch], "\(name) at \(depth): the current match stands out")
            #expect(styles[.searchCurrent] != styles[.body], "\(name) at \(depth)")
            #expect(styles[.boilerplate]?.dim == true, "\(name) at \(depth): boilerplate is dim")
        }
    }

    @Test("mono uses no colour at any depth")
    func monoHasNoColour() throws {
        let theme = try Theme.load(path: "\(shippedThemesDirectory)/mono.toml")
        for depth in ColorDepth.allCases {
            for style in theme.resolved(depth: depth).values {
                #expect(style.fg == .terminalDefault && style.bg == .terminalDefault)
            }
        }
    }

    @Test("default keeps the terminal's own foreground and background")
    func defaultUsesTerminalColours() throws {
        let styles = Theme.builtinDefaultTheme.resolved(depth: .truecolor)
        #expect(styles[.base] == ResolvedStyle())
        #expect(styles[.body] == ResolvedStyle())
    }

    @Test("the built-in default equals Themes/default.toml byte for byte")
    func builtinMatchesFile() throws {
        let data = try #require(FileManager.default.contents(atPath: "\(shippedThemesDirectory)/default.toml"))
        #expect(Array(Theme.builtinDefault.utf8) == Array(data))
        let fromFile = try Theme.load(path: "\(shippedThemesDirectory)/default.toml")
        #expect(Theme.builtinDefaultTheme.styles == fromFile.styles)
        #expect(Theme.builtinDefaultTheme.name == "Default")
    }

    private func fits(_ colour: TerminalColor, _ depth: ColorDepth) -> Bool {
        switch (colour, depth) {
        case (.terminalDefault, _): true
        case (_, .attributesOnly): false
        case (.rgb, .truecolor): true
        case (.rgb, _): false
        case (.indexed(let index), .truecolor): (0..<8).contains(index)
        case (.indexed(let index), .indexed256): (0..<256).contains(index)
        case (.indexed(let index), .ansi16): (0..<16).contains(index)
        case (.indexed(let index), .ansi8): (0..<8).contains(index)
        }
    }
}

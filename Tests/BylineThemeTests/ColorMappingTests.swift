import Testing
@testable import BylineTheme

@Suite("Colour spelling and depth mapping")
struct ColorMappingTests {
    // MARK: - Spelling

    @Test("names, bright variants, colorN and #rrggbb", arguments: [
        ("default", TerminalColor.terminalDefault),
        ("red", .indexed(1)), ("White", .indexed(7)),
        ("brightblack", .indexed(8)), ("bright-black", .indexed(8)), ("bright_black", .indexed(8)),
        ("brightcyan", .indexed(14)),
        ("color0", .indexed(0)), ("color255", .indexed(255)), ("colour42", .indexed(42)),
        ("#ff8000", .rgb(255, 128, 0)), ("#FFFFFF", .rgb(255, 255, 255)),
    ])
    func spelling(text: String, expected: TerminalColor) throws {
        #expect(try TerminalColor(themeSpelling: text) == expected)
    }

    @Test("unknown spellings and out-of-range indexes are refused")
    func badSpelling() {
        #expect(throws: ColorSpellingError.unknown("blurple")) { try TerminalColor(themeSpelling: "blurple") }
        #expect(throws: ColorSpellingError.unknown("#fff")) { try TerminalColor(themeSpelling: "#fff") }
        #expect(throws: ColorSpellingError.unknown("brightdefault")) { try TerminalColor(themeSpelling: "brightdefault") }
        #expect(throws: ColorSpellingError.indexOutOfRange(300)) { try TerminalColor(themeSpelling: "color300") }
    }

    // MARK: - Truecolor → 256

    @Test("exact cube and grey-ramp colours map to their index", arguments: [
        (TerminalColor.rgb(0xff, 0, 0), 196),
        (.rgb(0x80, 0x80, 0x80), 244),
        (.rgb(0, 0, 0), 16),
        (.rgb(0xff, 0xff, 0xff), 231),
        (.rgb(0x5f, 0x87, 0xaf), 67),
        (.rgb(0x08, 0x08, 0x08), 232),
        (.rgb(0xee, 0xee, 0xee), 255),
    ])
    func rgbTo256(colour: TerminalColor, index: Int) {
        #expect(colour.mapped(to: .indexed256) == .indexed(index))
    }

    @Test("in-between colours go to the perceptually nearest entry")
    func nearestIn256() {
        // #1c1c1c is grey-ramp 234 exactly; #1d1f22 is nearest it, not the cube's black.
        #expect(TerminalColor.rgb(0x1d, 0x1f, 0x22).mapped(to: .indexed256) == .indexed(234))
        // A mid orange lands on the cube's orange, not a grey.
        #expect(TerminalColor.rgb(0xfa, 0x80, 0x0a).mapped(to: .indexed256) == .indexed(208))
        // The system colours 0–15 are never chosen for RGB: terminals redefine them.
        for value in stride(from: 0, through: 255, by: 17) {
            let byte = UInt8(value)
            guard case .indexed(let index) = TerminalColor.rgb(byte, byte / 2, 255 - byte).mapped(to: .indexed256) else {
                Issue.record("not indexed")
                continue
            }
            #expect(index >= 16)
        }
    }

    // MARK: - 256 → 16 → 8

    @Test("256 colours map to the nearest ANSI colour", arguments: [
        (196, 16, 9), (196, 8, 1), (9, 8, 1), (12, 8, 4), (15, 8, 7), (244, 16, 8),
        (231, 16, 15), (16, 16, 0), (21, 16, 4), (46, 16, 10), (3, 16, 3), (14, 16, 14),
    ])
    func indexedDown(index: Int, depth: Int, expected: Int) throws {
        let target = try #require(ColorDepth(rawValue: depth))
        #expect(TerminalColor.indexed(index).mapped(to: target) == .indexed(expected))
    }

    @Test("RGB maps straight to 16 and 8 colours")
    func rgbDown() {
        #expect(TerminalColor.rgb(0xff, 0, 0).mapped(to: .ansi16) == .indexed(9))
        #expect(TerminalColor.rgb(0xff, 0, 0).mapped(to: .ansi8) == .indexed(1))
        #expect(TerminalColor.rgb(0xf4, 0xec, 0xd8).mapped(to: .ansi16) == .indexed(7))
        #expect(TerminalColor.rgb(0x1c, 0x1e, 0x22).mapped(to: .ansi8) == .indexed(0))
    }

    @Test("truecolor keeps RGB and ANSI 0–7, and spells out larger indexes")
    func truecolor() {
        #expect(TerminalColor.rgb(1, 2, 3).mapped(to: .truecolor) == .rgb(1, 2, 3))
        #expect(TerminalColor.indexed(4).mapped(to: .truecolor) == .indexed(4))
        #expect(TerminalColor.indexed(196).mapped(to: .truecolor) == .rgb(255, 0, 0))
        #expect(TerminalColor.indexed(244).mapped(to: .truecolor) == .rgb(128, 128, 128))
    }

    @Test("no colour at all: everything is the terminal default")
    func attributesOnly() {
        for colour in [TerminalColor.rgb(255, 0, 0), .indexed(3), .indexed(200), .terminalDefault] {
            #expect(colour.mapped(to: .attributesOnly) == .terminalDefault)
        }
    }

    // MARK: - Attribute fallback

    static let coloured = Theme(name: "t", styles: [
        .base: RoleStyle(fg: .rgb(0xd0, 0xd0, 0xd0), bg: .rgb(0x1c, 0x1c, 0x1c)),
        .listSelected: RoleStyle(fg: .rgb(0, 0, 0), bg: .rgb(0x5f, 0xaf, 0xd7)),
        .listSelectedUnfocused: RoleStyle(bg: .rgb(0x44, 0x44, 0x44)),
        .headline: RoleStyle(fg: .rgb(0xff, 0xff, 0xff)),
        .boilerplate: RoleStyle(fg: .rgb(0x80, 0x80, 0x80)),
        .status: RoleStyle(bg: .rgb(0x30, 0x30, 0x30)),
    ])

    @Test("without colour, selection gets reverse, headline bold, boilerplate dim")
    func fallbackAttributes() {
        let styles = Self.coloured.resolved(depth: .attributesOnly)
        #expect(styles[.listSelected] == ResolvedStyle(bold: true, reverse: true))
        #expect(styles[.listSelectedUnfocused] == ResolvedStyle(underline: true))
        #expect(styles[.headline] == ResolvedStyle(bold: true))
        #expect(styles[.boilerplate] == ResolvedStyle(dim: true))
        #expect(styles[.status] == ResolvedStyle(reverse: true))
        #expect(styles[.body] == ResolvedStyle())
        #expect(styles[.listNormal] == ResolvedStyle())
    }

    @Test("with colour to spare, no fallback attributes are added")
    func noFallbackWithColour() {
        let styles = Self.coloured.resolved(depth: .indexed256)
        #expect(styles[.listSelected] == ResolvedStyle(fg: .indexed(16), bg: .indexed(74)))
        #expect(styles[.headline] == ResolvedStyle(fg: .indexed(231), bg: .indexed(234)))
    }

    @Test("a background lost in mapping to 8 colours becomes reverse")
    func fallbackWhenColoursCollapse() {
        // #303030 and #1c1c1c are both black in 8 colours.
        let styles = Self.coloured.resolved(depth: .ansi8)
        #expect(styles[.status]?.reverse == true)
        #expect(styles[.status]?.bg == .indexed(0))
        // The selection is still apart by colour, so it keeps its colours unreversed.
        #expect(styles[.listSelected]?.reverse == false)
    }

    @Test("text never lands on its own background after mapping")
    func contrastGuard() {
        let theme = Theme(name: "t", styles: [.base: RoleStyle(fg: .rgb(0x30, 0x30, 0x30), bg: .rgb(0, 0, 0))])
        for depth in [ColorDepth.ansi8, .ansi16] {
            let base = theme.resolved(depth: depth)[.base]
            #expect(base?.bg == .indexed(0))
            #expect(base?.fg != .indexed(0))
        }
    }

    @Test("unset fields inherit: unfocused selection from the selection, the rest from base")
    func inheritance() {
        let theme = Theme(name: "t", styles: [
            .base: RoleStyle(fg: .indexed(7), bg: .indexed(0)),
            .listNormal: RoleStyle(fg: .indexed(3)),
            .listSelected: RoleStyle(bg: .indexed(4), bold: true),
            .pullquote: RoleStyle(fg: .indexed(5), italic: true),
        ])
        #expect(theme.style(for: .listSelectedUnfocused) == RoleStyle(fg: .indexed(3), bg: .indexed(4), bold: true))
        #expect(theme.style(for: .quoteMark) == RoleStyle(fg: .indexed(5), bg: .indexed(0), italic: true))
        #expect(theme.style(for: .attribution) == RoleStyle(fg: .indexed(7), bg: .indexed(0)))
        #expect(theme.style(for: .headline) == RoleStyle(fg: .indexed(7), bg: .indexed(0)))
    }
}

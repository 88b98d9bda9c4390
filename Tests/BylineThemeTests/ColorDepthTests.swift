import Testing
@testable import BylineTheme

@Suite("Colour depth detection")
struct ColorDepthTests {
    @Test("a non-empty NO_COLOR means no colour under auto")
    func noColor() {
        let env = ["NO_COLOR": "1", "TERM": "xterm-256color", "COLORTERM": "truecolor"]
        #expect(ColorDepth.detect(choice: .auto, colors: 16_777_216, environment: env) == .attributesOnly)
        #expect(ColorDepth.detect(choice: .auto, colors: nil, environment: env) == .attributesOnly)
    }

    @Test("an empty NO_COLOR is ignored")
    func emptyNoColor() {
        #expect(ColorDepth.detect(choice: .auto, colors: 256, environment: ["NO_COLOR": ""]) == .indexed256)
    }

    @Test("COLORTERM=truecolor with direct-colour curses is truecolor")
    func truecolor() {
        let env = ["COLORTERM": "truecolor", "TERM": "xterm-direct"]
        #expect(ColorDepth.detect(choice: .auto, colors: 16_777_216, environment: env) == .truecolor)
        #expect(ColorDepth.detect(choice: .auto, colors: nil, environment: ["COLORTERM": "24bit"]) == .truecolor)
        #expect(ColorDepth.detect(choice: .auto, colors: nil, environment: ["TERM": "foot-direct"]) == .truecolor)
    }

    @Test("COLORTERM=truecolor cannot lift curses above its COLORS")
    func colortermWith256() {
        let env = ["COLORTERM": "truecolor", "TERM": "xterm-256color"]
        #expect(ColorDepth.detect(choice: .auto, colors: 256, environment: env) == .indexed256)
    }

    @Test("curses' COLORS count decides when known", arguments: [
        (-1, ColorDepth.attributesOnly), (0, .attributesOnly), (8, .ansi8), (16, .ansi16),
        (88, .ansi16), (256, .indexed256), (32767, .indexed256), (16_777_216, .truecolor),
    ])
    func colorCount(colors: Int, expected: ColorDepth) {
        #expect(ColorDepth.detect(choice: .auto, colors: colors, environment: ["TERM": "xterm"]) == expected)
    }

    @Test("TERM guides the guess when COLORS is unknown", arguments: [
        ("xterm-256color", ColorDepth.indexed256), ("rxvt-16color", .ansi16), ("vt220", .ansi8),
        ("dumb", .attributesOnly), ("", .attributesOnly),
    ])
    func termGuess(term: String, expected: ColorDepth) {
        #expect(ColorDepth.detect(choice: .auto, colors: nil, environment: ["TERM": term]) == expected)
    }

    @Test("--color never always means no colour")
    func never() {
        #expect(ColorDepth.detect(choice: .never, colors: 16_777_216, environment: ["COLORTERM": "truecolor"]) == .attributesOnly)
    }

    @Test("--color always overrides NO_COLOR and gives at least 8 colours")
    func always() {
        #expect(ColorDepth.detect(choice: .always, colors: 256, environment: ["NO_COLOR": "1"]) == .indexed256)
        #expect(ColorDepth.detect(choice: .always, colors: -1, environment: [:]) == .ansi8)
        #expect(ColorDepth.detect(choice: .always, colors: nil, environment: ["TERM": "dumb"]) == .ansi8)
    }

    @Test("depths are ordered")
    func ordering() {
        #expect(ColorDepth.allCases == ColorDepth.allCases.sorted())
        #expect(ColorDepth.attributesOnly < .truecolor)
    }
}

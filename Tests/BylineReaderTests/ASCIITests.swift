import BylineCanvas
import BylineModel
import BylineReader
import BylineTestSupport
import XCTest

/// Issue 12 #4: with `--ascii` (or a locale that is not UTF-8) text is transliterated, not
/// turned into `?`: the article, the quotes, the list, the help and the status line.
final class ASCIITests: XCTestCase {
    func testTypographyAndAccentsBecomeTheirPlainForms() {
        XCTAssertEqual(Transliterate.toASCII("“Café” — ‘naïve’ – done…"), "\"Cafe\" - 'naive' - done...")
        XCTAssertEqual(Transliterate.toASCII("Zoë Müller, Tomás Ferreira, Maria Núñez, straße, Łódź, £14m"),
                       "Zoe Muller, Tomas Ferreira, Maria Nunez, strasse, Lodz, GBP14m")
        XCTAssertEqual(Transliterate.toASCII("e\u{301}t\u{E9}"), "ete", "composed and decomposed accents alike")
        XCTAssertEqual(Transliterate.toASCII("東京 ❤️"), "?? ?", "no plain form: one ? a character")
        let plain = "Nothing to do here."
        XCTAssertEqual(Transliterate.toASCII(plain), plain)
    }

    private func allASCII(_ canvas: Canvas, file: StaticString = #filePath, line: UInt = #line) {
        for y in 0..<canvas.size.height {
            for x in 0..<canvas.size.width where !canvas[x: x, y: y].text.allSatisfy(\.isASCII) {
                XCTFail("cell \(x),\(y) holds \(canvas[x: x, y: y].text)", file: file, line: line)
                return
            }
        }
    }

    func testTheScreenIsPlainASCIIWithTheWordsKept() throws {
        var state = ReaderState(library: try Library(folder: Fixtures.samples.path), size: Size(width: 120, height: 40), ascii: true)
        state.send([.start, .moveDown])
        var canvas = Screen().render(state)
        allASCII(canvas)
        XCTAssertTrue(canvas.text.contains("and a GBP14m repair"), "the headline, transliterated")
        XCTAssertTrue(canvas.text.contains("\"People do not drive"), "the sidebar's quote marks")
        state.send(.nextQuote)
        canvas = Screen().render(state)
        allASCII(canvas)
        XCTAssertTrue(canvas.text.contains("quote 1/3 - Ailsa Morrow"), "the status line")
        state.send([.nextQuote, .nextQuote])
        canvas = Screen().render(state)
        XCTAssertTrue(canvas.text.contains("Tomas Ferreira") || canvas.text.contains("Jane Doe"))
        state.send(.moveDown)
        state.send(.toggleHelp)
        canvas = Screen().render(state)
        allASCII(canvas)
        let help = canvas.text
        XCTAssertTrue(help.contains("Down j"), "arrow keys by name:\n\(help)")
        XCTAssertTrue(help.contains("Cycle focus list -> body -> quotes"))
        XCTAssertTrue(help.contains("Go to article number..."))
    }

    func testListHeadlinesAreTransliterated() throws {
        let dir = try Fixtures.folder(["a.txt": "Łódź café reopens — at last…\nBody text here.\n"])
        var state = ReaderState(library: try Library(folder: dir.path), size: Size(width: 60, height: 10), ascii: true)
        state.send(.start)
        let canvas = Screen().render(state)
        allASCII(canvas)
        XCTAssertTrue(canvas.text.contains("Lodz cafe reopens - at last..."))
    }
}

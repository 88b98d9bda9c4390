@testable import BylineModel
import XCTest

/// The given-name lists are split as bytes (start-up reads them); that must be the split by
/// characters it replaced.
final class GivenNamesSplitTests: XCTestCase {
    func testByteSplitIsTheCharacterSplit() {
        for text in GivenNames.listTexts {
            let characters = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
            XCTAssertEqual(GivenNames.words(text), characters)
            XCTAssertGreaterThan(characters.count, 10)
        }
    }

    func testASCIIFormsFoldOnlyWhatIsCanonicallyASCII() {
        XCTAssertEqual(WordTable<Int>.asciiForm(of: "kelvin"), "kelvin")
        XCTAssertEqual(WordTable<Int>.asciiForm(of: "\u{212A}elvin"), "Kelvin")
        XCTAssertNil(WordTable<Int>.asciiForm(of: "andré"))
        let table = WordTable([("andré", 1), ("\u{212A}", 2), ("x", 3), ("x", 4)])
        XCTAssertEqual(table["andre\u{301}"], 1, "canonically equivalent text finds a word that is not ASCII")
        XCTAssertEqual(table["K"], 2)
        XCTAssertEqual(table["x"], 4, "a word listed again takes the later value")
        XCTAssertNil(table["andre"])
    }
}

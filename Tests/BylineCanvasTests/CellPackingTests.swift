@testable import BylineCanvas
import XCTest

/// A cell packs its glyph, width and role into 16 bytes: every part must come back as it went in.
final class CellPackingTests: XCTestCase {
    func testACellIsSixteenBytes() {
        XCTAssertEqual(MemoryLayout<Cell>.stride, 16)
    }

    func testBaseMarksWidthAndRoleComeBack() {
        // The highest scalars there are, so every bit of each field is used.
        let marks: [UInt32] = [0x10_FFFF, 0x0301, 0x10_FFFE, 0x10_FFFD]
        for role in Role.allCases {
            for width: UInt8 in [0, 1, 2] {
                let glyph = Glyph(base: 0x10_FFFF, mark1: marks[0], mark2: marks[1], mark3: marks[2], mark4: marks[3])
                let cell = Cell(glyph: glyph, width: width, role: role)
                XCTAssertEqual(cell.glyph, glyph)
                XCTAssertEqual(cell.width, width)
                XCTAssertEqual(cell.role, role)
            }
        }
    }

    func testFourMarksAndTheRoleSetLater() {
        var cell = Cell(text: "a\u{301}\u{302}\u{303}\u{304}\u{305}", width: 1, role: .body)
        XCTAssertEqual(cell.text, "a\u{301}\u{302}\u{303}\u{304}", "four marks kept, as curses keeps them")
        cell.role = .searchCurrent
        XCTAssertEqual(cell.role, .searchCurrent)
        XCTAssertEqual(cell.text, "a\u{301}\u{302}\u{303}\u{304}", "the role leaves the glyph alone")
        XCTAssertEqual(cell, Cell(text: "a\u{301}\u{302}\u{303}\u{304}", width: 1, role: .searchCurrent))
        XCTAssertNotEqual(cell, Cell(text: "a\u{301}\u{302}\u{303}", width: 1, role: .searchCurrent))
    }

    func testAWidthNoCanvasHoldsIsNotAContinuation() {
        let unknown = Cell(glyph: .none, width: 3, role: .base)
        XCTAssertFalse(unknown.isContinuation)
        XCTAssertNotEqual(unknown, .continuation(.base))
        XCTAssertNotEqual(unknown, .blank(.base))
    }
}

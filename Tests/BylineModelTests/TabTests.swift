import Foundation
import Testing
@testable import BylineModel

/// Issue 12 #14: tabs are kept (as layout, never as a control), so tab-separated columns can
/// be laid out as columns.
@Suite struct TabTests {
    @Test func aParagraphKeepsItsTabsAndSpacesStillCollapse() {
        let a = parse("Results table\nThe final standings.\nName\tAge  \t Town\nPlain   words  here.\n")
        #expect(a.blocks.map(\.text) == ["Name\tAge\tTown", "Plain words here."])
        #expect(!hasForbidden(a.blocks[0].text), "a tab is not a forbidden control")
        #expect(TextSanitizer.sanitize("a\tb\u{1B}[31mc") == "a\tbc")
    }
}

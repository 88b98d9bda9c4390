import BylineReader
import BylineTestSupport
import Foundation
import XCTest

/// The README's key table and the key map must not drift apart.
final class ReadmeKeyTableTests: XCTestCase {
    func testEveryBoundKeyIsInTheReadmeKeyTable() throws {
        let readme = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try XCTUnwrap(readme.range(of: "### Keys"))
        let table = readme[start.upperBound...].prefix { _ in true }.components(separatedBy: "\n## ").first ?? ""
        for binding in KeyMap.standard.bindings where binding.modes.contains(.normal) {
            for key in binding.keys {
                // A | in a Markdown table cell is written \|.
                let written = key.label == "|" ? "`\\|`" : "`\(key.label)`"
                XCTAssertTrue(table.contains(written), "README key table lacks \(written) (\(binding.help))")
            }
        }
    }
}

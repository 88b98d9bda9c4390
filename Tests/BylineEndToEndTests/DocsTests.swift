import BylineTestSupport
import Foundation
import XCTest

/// The manual and the completion scripts are made from the program (scripts/make-docs.sh) and
/// committed for installing; these checks fail when they fall behind it.
final class DocsTests: XCTestCase {
    private let root = Fixtures.packageRoot

    func testTheCompletionScriptsAreUpToDate() throws {
        for (shell, file) in [("bash", "byline.bash"), ("zsh", "_byline"), ("fish", "byline.fish")] {
            let made = try ChildProcess.run(["--generate-completion-script", shell])
            XCTAssertEqual(made.status, 0)
            let committed = try String(contentsOf: root.appendingPathComponent("completions/\(file)"), encoding: .utf8)
            XCTAssertEqual(committed, made.stdout, "completions/\(file) is behind the program: run scripts/make-docs.sh")
        }
    }

    func testTheManualRendersAndCoversEveryOptionAndKey() throws {
        let page = root.appendingPathComponent("Docs/byline.1").path
        let groff = ["/usr/bin/groff", "/usr/local/bin/groff"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let rendered = try ChildProcess.run(["-mandoc", "-Tutf8", "-ww", page], executable: try XCTUnwrap(groff, "groff is not installed (.ci/run installs groff-base)"))
        XCTAssertEqual(rendered.status, 0)
        XCTAssertEqual(rendered.stderr, "", "groff warns about the page")
        // groff marks up bold and underline with backspaces; the plain text is what a reader sees.
        let text = rendered.stdout.replacingOccurrences(of: #".\x08"#, with: "", options: .regularExpression)
        for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "KEYS", "FILES", "ENVIRONMENT", "EXIT STATUS"] {
            XCTAssertTrue(text.contains("\n\(section)\n"), "no \(section) section")
        }
        let help = try ChildProcess.run(["read", "--help"]).stdout
        let options = Set(help.matches(of: /--[a-z][a-z-]+/).map { String($0.output) })
        XCTAssertGreaterThan(options.count, 10)
        for option in options { XCTAssertTrue(text.contains(option), "the manual lacks \(option): run scripts/make-docs.sh") }
        let actions = try ChildProcess.run(["--list-actions"]).stdout.split(separator: "\n").map { String($0.prefix { $0 != " " }) }
        for action in actions { XCTAssertTrue(text.contains("(\(action))"), "the manual's KEYS lacks \(action): run scripts/make-docs.sh") }
    }
}

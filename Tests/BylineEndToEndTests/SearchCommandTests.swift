import BylineTestSupport
import Foundation
import XCTest

/// `byline search` as a script sees it: output, exit status like grep's, stderr, and the index
/// it keeps beside the state store.
final class SearchCommandTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "byline-search-cli-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder + "/news", withIntermediateDirectories: true)
        try write("a.txt", "Harbour bridge reopens\nA crowd on the quay.\nMaria Núñez said: \"The bridge has a memory.\"\nThe café stayed open.\n")
        try write("b.txt", "Library staff walk out\nA strike.\nStaff began a strike at the library on Monday.\n")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    private func write(_ name: String, _ text: String) throws {
        try text.write(toFile: folder + "/news/" + name, atomically: true, encoding: .utf8)
    }

    private var index: String { folder + "/state/byline/index.sqlite3" }

    private func byline(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32?, stdout: String, stderr: String) {
        try ChildProcess.run(["search"] + arguments, environment: ["XDG_STATE_HOME": folder + "/state", "XDG_CONFIG_HOME": folder + "/config"]
                             .merging(environment) { $1 })
    }

    private func lines(_ text: String) -> [[String]] {
        text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    func testMatchesAreLinesOfPathHeadlineAndSnippetWithExitZero() throws {
        let result = try byline(["cafe", folder + "/news"])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stderr, "", "no progress on stderr when it is not a terminal")
        let rows = lines(result.stdout)
        XCTAssertEqual(rows.count, 1)
        XCTAssertEqual(rows.first?.count, 3)
        XCTAssertEqual(rows.first?[0], StandardPath.real(folder + "/news/a.txt"))
        XCTAssertEqual(rows.first?[1], "Harbour bridge reopens")
        XCTAssertTrue(rows.first?[2].contains("café") == true, result.stdout)
        XCTAssertTrue(FileManager.default.fileExists(atPath: index), "the index is kept beside the state store")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/state/byline/state.sqlite3"), "the state store is not made")
    }

    func testNoMatchIsExitOneAndErrorsAreExitTwo() throws {
        let none = try byline(["zebra", folder + "/news"])
        XCTAssertEqual(none.status, 1)
        XCTAssertEqual(none.stdout, "")

        let bad = try byline(["\"", folder + "/news"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertEqual(bad.stderr.split(separator: "\n").count, 1)
        XCTAssertTrue(bad.stderr.hasPrefix("byline: nothing to search for"), bad.stderr)

        let empty = try byline(["by:", folder + "/news"])
        XCTAssertEqual(empty.status, 2)
        XCTAssertTrue(empty.stderr.hasPrefix("byline: by: needs a name"), empty.stderr)

        let missing = try byline(["bridge", folder + "/nowhere"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.stderr.split(separator: "\n").count, 1)
        XCTAssertTrue(missing.stderr.contains("nowhere"), missing.stderr)

        let partly = try byline(["bridge", folder + "/news", folder + "/nowhere.txt"])
        XCTAssertEqual(partly.status, 2, "a path that cannot be read is an error, as with grep")
        XCTAssertEqual(lines(partly.stdout).count, 1, "what could be searched is printed")

        let usage = try byline(["bridge", "--limit", "0"])
        XCTAssertEqual(usage.status, 64)
    }

    func testJSONLinesWithMatchOffsets() throws {
        let result = try byline(["--json", "by:nunez", folder + "/news"])
        XCTAssertEqual(result.status, 0)
        let objects = try result.stdout.split(separator: "\n").map {
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        XCTAssertEqual(objects.count, 1)
        let object = try XCTUnwrap(objects.first)
        XCTAssertEqual(object["article"] as? String, "a.txt")
        XCTAssertEqual(object["library"] as? String, StandardPath.real(folder + "/news"))
        XCTAssertEqual(object["headline"] as? String, "Harbour bridge reopens")
        XCTAssertEqual(object["missing"] as? Bool, false)
        let snippet = try XCTUnwrap(object["snippet"] as? String)
        XCTAssertEqual(snippet, "“The bridge has a memory.” — Maria Núñez")
        let matches = try XCTUnwrap(object["matches"] as? [[Int]])
        let scalars = Array(snippet.unicodeScalars)
        XCTAssertEqual(matches.map { String(String.UnicodeScalarView(scalars[$0[0]..<$0[1]])) }, ["Maria Núñez"])

        let words = try byline(["--json", "strike", folder + "/news"])
        let hit = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(words.stdout.utf8)) as? [String: Any])
        let text = Array((hit["snippet"] as? String ?? "").unicodeScalars)
        let found = (hit["matches"] as? [[Int]] ?? []).map { String(String.UnicodeScalarView(text[$0[0]..<$0[1]])) }
        XCTAssertEqual(found, ["strike"])
    }

    func testTheIndexFollowsChangedFilesAndIsRebuiltWhenDamaged() throws {
        XCTAssertEqual(try byline(["bridge", folder + "/news"]).status, 0)
        try write("b.txt", "Library staff return\nThe strike is over.\nA bridge of understanding was built.\n")
        let changed = try byline(["bridge", folder + "/news"])
        XCTAssertEqual(lines(changed.stdout).count, 2)
        XCTAssertEqual(try byline(["monday", folder + "/news"]).status, 1, "the old text is gone")

        var garbage = [UInt8](repeating: 0, count: 4096)
        for i in garbage.indices { garbage[i] = UInt8(truncatingIfNeeded: i &* 13 &+ 5) }
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: index + suffix) }
        try Data(garbage).write(to: URL(fileURLWithPath: index))
        let rebuilt = try byline(["bridge", folder + "/news"])
        XCTAssertEqual(rebuilt.status, 0)
        XCTAssertEqual(lines(rebuilt.stdout).count, 2)
        XCTAssertEqual(rebuilt.stderr.split(separator: "\n").count, 1)
        XCTAssertTrue(rebuilt.stderr.hasPrefix("byline: search index rebuilt from the articles"), rebuilt.stderr)
    }

    func testNoStateWritesNothingAndTheSamplesAreTheDefault() throws {
        let result = try byline(["--no-state", "Carrick"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.contains("Samples/001_harbour-bridge.txt\t"), result.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/state"), "nothing is written with --no-state")

        let limited = try byline(["--no-state", "--limit", "1", "the"])
        XCTAssertEqual(limited.status, 0)
        XCTAssertEqual(lines(limited.stdout).count, 1)
    }
}

/// Paths as the index keys them: symbolic links resolved (macOS's /tmp, say).
private enum StandardPath {
    static func real(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

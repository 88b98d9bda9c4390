import Foundation
import XCTest

/// `byline state path|export|forget` as a script sees them: output, exit status, stderr.
final class StateCommandTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "byline-state-cli-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder + "/news", withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    private func byline(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32?, stdout: String, stderr: String) {
        try ChildProcess.run(arguments, environment: ["XDG_STATE_HOME": folder + "/state", "XDG_CONFIG_HOME": folder + "/config"]
                             .merging(environment) { $1 })
    }

    func testPathFollowsXDGTheConfigAndTheOption() throws {
        XCTAssertEqual(try byline(["state", "path"]).stdout, folder + "/state/byline/state.sqlite3\n")
        try FileManager.default.createDirectory(atPath: folder + "/config/byline", withIntermediateDirectories: true)
        try "state = \"mine.sqlite3\"\n".write(toFile: folder + "/config/byline/config.toml", atomically: true, encoding: .utf8)
        XCTAssertEqual(try byline(["state", "path"]).stdout, folder + "/config/byline/mine.sqlite3\n")
        XCTAssertEqual(try byline(["state", "path", "--state", folder + "/news"]).stdout, folder + "/news/state.sqlite3\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/config/byline/mine.sqlite3"), "path creates nothing")
    }

    func testExportOfNoStoreIsEmptyAndCreatesNothing() throws {
        let result = try byline(["state", "export", "--json"])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stdout, "")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/state"))
    }

    func testExportAsTextAndJSONLines() throws {
        let store = folder + "/s.sqlite3"
        XCTAssertEqual(try byline(["state", "exercise", "--state", store, "--library", folder + "/news", "--count", "2"]).status, 0)
        let text = try byline(["state", "export", "--state", store])
        XCTAssertEqual(text.status, 0)
        let rows = text.stdout.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        XCTAssertEqual(rows.map { $0.count }, [4, 4])
        XCTAssertEqual(rows.map { $0[0] }, ["read", "read"])
        XCTAssertEqual(rows.map { $0[2] }, ["0:1", "1:1"])
        XCTAssertEqual(rows.map { $0[3] }, [folder + "/news/a-0.txt", folder + "/news/a-1.txt"])
        XCTAssertNotNil(ISO8601DateFormatter().date(from: rows[0][1]))

        let json = try byline(["state", "export", "--json", "--state", store])
        let objects = try json.stdout.split(separator: "\n").map {
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        XCTAssertEqual(objects.count, 2)
        XCTAssertEqual(objects[1]["path"] as? String, folder + "/news/a-1.txt")
        XCTAssertEqual(objects[1]["library"] as? String, folder + "/news")
        XCTAssertEqual(objects[1]["article"] as? String, "a-1.txt")
        XCTAssertEqual(objects[1]["read"] as? Bool, true)
        XCTAssertEqual((objects[1]["position"] as? [String: Int]) ?? [:], ["block": 1, "offset": 1])
        XCTAssertNotNil((objects[1]["readAt"] as? String).flatMap(ISO8601DateFormatter().date))
    }

    func testForgetMissingDropsGoneFiles() throws {
        let store = folder + "/s.sqlite3"
        _ = try byline(["state", "exercise", "--state", store, "--library", folder + "/news", "--count", "3"])
        _ = FileManager.default.createFile(atPath: folder + "/news/a-1.txt", contents: Data())
        let result = try byline(["state", "forget", "--missing", "--state", store])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stdout, "forgot 2 entries of missing files\n")
        XCTAssertEqual(try byline(["state", "export", "--state", store]).stdout.split(separator: "\n").count, 1)
    }

    func testErrorsAreOneLineWithTheirExitStatus() throws {
        let usage = try byline(["state", "forget"])
        XCTAssertEqual(usage.status, 64)
        XCTAssertTrue(usage.stderr.contains("say what to forget: --missing"))

        try FileManager.default.createDirectory(atPath: folder + "/config/byline", withIntermediateDirectories: true)
        try "stat = \"x\"\n".write(toFile: folder + "/config/byline/config.toml", atomically: true, encoding: .utf8)
        let config = try byline(["state", "export"])
        XCTAssertEqual(config.status, 2)
        XCTAssertEqual(config.stderr.split(separator: "\n").count, 1)
        XCTAssertTrue(config.stderr.contains("unknown key \"stat\""), config.stderr)

        try FileManager.default.removeItem(atPath: folder + "/config/byline/config.toml")
        let homeless = try byline(["state", "path"], environment: ["XDG_STATE_HOME": "", "HOME": ""])
        XCTAssertEqual(homeless.status, 1)
        XCTAssertEqual(homeless.stderr, "byline: state will not be saved: neither XDG_STATE_HOME nor HOME is set\n")

        let notADatabase = folder + "/news/a-0.txt"
        try "Just an article.\n".write(toFile: notADatabase, atomically: true, encoding: .utf8)
        let moved = try byline(["state", "export", "--state", notADatabase])
        XCTAssertEqual(moved.status, 0)
        XCTAssertEqual(moved.stderr.split(separator: "\n").count, 1)
        XCTAssertTrue(moved.stderr.contains("the old one is \(notADatabase).corrupt-"), moved.stderr)
    }
}

import BylineStore
import Foundation
import Glibc
import XCTest

/// The state store between real processes: `byline state exercise` marks articles one
/// transaction at a time and prints `saved N` after each commit.
final class StateStoreProcessTests: XCTestCase {
    private var folder = ""
    private var store: String { folder + "/state.sqlite3" }
    private let library = "/news"

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "byline-store-e2e-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    private func exercise(count: Int, start: Int = 0, store: String? = nil) throws -> ChildProcess {
        try ChildProcess(["state", "exercise", "--state", store ?? self.store, "--library", library,
                          "--count", "\(count)", "--start", "\(start)"])
    }

    /// The numbers in the `saved N` lines.
    private func saved(_ lines: [String]) -> [Int] {
        lines.compactMap { $0.hasPrefix("saved ") ? Int($0.dropFirst(6)) : nil }
    }

    // MARK: - Two processes

    func testTwoProcessesOnOneNewStoreNeitherWaitsInVainNorLosesMarks() throws {
        let first = try exercise(count: 400, start: 0)
        let second = try exercise(count: 400, start: 10_000)
        XCTAssertEqual(first.waitForExit(), 0)
        XCTAssertEqual(second.waitForExit(), 0)
        for child in [first, second] {
            XCTAssertEqual(child.stderr, "", "no notice: nothing was locked, nothing refused")
            XCTAssertEqual(saved(child.lines).count, 400)
        }
        let export = try ChildProcess.run(["state", "export", "--state", store])
        XCTAssertEqual(export.status, 0)
        let paths = Set(export.stdout.split(separator: "\n").map { $0.split(separator: "\t").last.map(String.init) ?? "" })
        let expected = Set(((0..<400).map { $0 } + (10_000..<10_400).map { $0 }).map { "\(library)/a-\($0).txt" })
        XCTAssertEqual(paths, expected)
    }

    // MARK: - kill -9

    func testKillNineAtAnyMomentLosesNoCommittedMarkAndLeavesTheStoreReadable() throws {
        var generator = SystemRandomNumberGenerator()
        var committed: Set<String> = []
        for round in 0..<6 {
            let wanted = Int.random(in: 5...150, using: &generator)
            let child = try exercise(count: 0, start: round * 100_000)
            child.waitForOutput("\(wanted) commits") { saved($0).count >= wanted }
            kill(child.process.processIdentifier, SIGKILL)
            XCTAssertEqual(child.waitForExit(), 128 + SIGKILL)
            let printed = saved(child.lines)
            XCTAssertGreaterThanOrEqual(printed.count, wanted)
            committed.formUnion(printed.map { "a-\($0).txt" })

            // Every mark the child had seen committed is there, and the store opens cleanly
            // (its integrity check passes: it was not moved aside).
            let reopened = StateStore.open(.file(store))
            XCTAssertEqual(reopened.takeNotices(), [])
            XCTAssertEqual(reopened.mode, .saving)
            let state = reopened.load(library: library)
            XCTAssertTrue(committed.isSubset(of: state.read), "lost: \(committed.subtracting(state.read).sorted().prefix(5))")
            XCTAssertEqual(state.positions["a-\(printed.last ?? 0).txt"]?.position.block, printed.last)
            reopened.close()
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains("corrupt") }, [])
    }

    // MARK: - Real read-only and full file systems (root: a mount namespace of their own)

    /// Runs `script` as `sh -c` in a private mount namespace, where it may mount a tmpfs or
    /// remount a folder read-only without touching the rest of the machine.
    private func inMountNamespace(_ script: String) throws -> (status: Int32?, stdout: String, stderr: String) {
        guard geteuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare") else {
            throw XCTSkip("SKIPPED LOUDLY: needs root and unshare(1) to mount a small or read-only file system "
                          + "(BylineStoreTests covers the same faults in-process)")
        }
        let probe = try ChildProcess.run(["-m", "sh", "-c", "mount -t tmpfs none \(folder)"], executable: "/usr/bin/unshare")
        guard probe.status == 0 else {
            throw XCTSkip("SKIPPED LOUDLY: cannot mount in a private namespace here: \(probe.stderr)")
        }
        return try ChildProcess.run(["-m", "sh", "-c", script], executable: "/usr/bin/unshare", environment: ["BYLINE": PTYSession.binary])
    }

    func testFullDiskSavesWhatFitsSaysSoOnceAndExitsZero() throws {
        let result = try inMountNamespace("""
            mount -t tmpfs -o size=128k none \(folder) || exit 99
            "$BYLINE" state exercise --state \(store) --library \(library) --count 4000; echo "exercise $?"
            "$BYLINE" state export --state \(store) | wc -l
            """)
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let saved = lines.filter { $0.hasPrefix("saved ") }.count
        XCTAssertGreaterThan(saved, 0)
        XCTAssertLessThan(saved, 4000, "the file system must have filled up")
        XCTAssertTrue(lines.contains("exercise 0"), lines.suffix(3).joined(separator: "\n"))
        XCTAssertEqual(lines.last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }, saved,
                       "every saved mark can be read back from the full disk")
        let notices = result.stderr.split(separator: "\n")
        XCTAssertEqual(notices.count, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("state will not be saved"), result.stderr)
        XCTAssertFalse(result.stderr.lowercased().contains("locked"))
    }

    func testReadOnlyMountedFolderKeepsShowingMarksAndExitsZero() throws {
        let result = try inMountNamespace("""
            "$BYLINE" state exercise --state \(store) --library \(library) --count 3 > /dev/null || exit 98
            mount --bind \(folder) \(folder) && mount -o remount,bind,ro \(folder) || exit 99
            "$BYLINE" state exercise --state \(store) --library \(library) --count 2 --start 50; echo "exercise $?"
            "$BYLINE" state export --state \(store)
            """)
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.filter { $0.hasPrefix("not saved ") }.count, 2)
        XCTAssertTrue(lines.contains("exercise 0"))
        XCTAssertEqual(lines.filter { $0.hasPrefix("read\t") }.count, 3, "the marks saved before still export")
        XCTAssertTrue(result.stderr.contains("its folder cannot be written: Read-only file system"), result.stderr)
    }
}

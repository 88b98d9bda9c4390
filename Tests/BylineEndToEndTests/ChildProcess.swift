import Foundation
import Glibc
import XCTest

/// A command run in the background with its output going to files, for tests that watch a
/// process as it works (and kill it) rather than talk to it through a terminal.
///
/// Output goes to files, not pipes, so a child that is killed or outlives its reader never
/// blocks on a full pipe. Waits poll with deadlines; nothing sleeps a fixed time.
final class ChildProcess {
    let process = Process()
    let stdoutPath: String
    let stderrPath: String

    /// Start `executable ARGS` (the `byline` built with the tests by default) with a minimal environment (PATH, a temporary HOME, and
    /// `environment` on top).
    init(_ arguments: [String], executable: String = PTYSession.binary, environment: [String: String] = [:]) throws {
        let base = NSTemporaryDirectory() + "byline-child-\(UUID().uuidString.prefix(8))"
        stdoutPath = base + ".out"
        stderrPath = base + ".err"
        _ = FileManager.default.createFile(atPath: stdoutPath, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = ["PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOME": NSTemporaryDirectory(),
                   "XDG_CONFIG_HOME": base + "-config", "LANG": "C.UTF-8"]
        env.merge(environment) { $1 }
        process.environment = env
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: stdoutPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: stderrPath))
        try process.run()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(atPath: stdoutPath)
        try? FileManager.default.removeItem(atPath: stderrPath)
    }

    var stdout: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

    /// Complete lines written to standard output so far.
    var lines: [String] {
        let text = stdout
        guard let end = text.lastIndex(of: "\n") else { return [] }
        return text[..<end].components(separatedBy: "\n")
    }

    /// Wait until standard output satisfies `condition`.
    func waitForOutput(_ what: String, timeout: TimeInterval = 30, file: StaticString = #filePath, line: UInt = #line,
                       _ condition: ([String]) -> Bool) {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition(lines) { return }
            if !process.isRunning, !condition(lines) { break }
            usleep(5_000)
        }
        XCTFail("timed out waiting for \(what); stdout ends:\n\(lines.suffix(5).joined(separator: "\n"))\nstderr:\n\(stderr)",
                file: file, line: line)
    }

    /// Wait for the process to end and return its exit status (or 128 + the signal).
    @discardableResult
    func waitForExit(timeout: TimeInterval = 60, file: StaticString = #filePath, line: UInt = #line) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() >= deadline {
                XCTFail("still running after \(timeout) s", file: file, line: line)
                return nil
            }
            usleep(5_000)
        }
        return process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    }

    /// Run a command to its end; returns (status, stdout, stderr).
    static func run(_ arguments: [String], executable: String = PTYSession.binary, environment: [String: String] = [:],
                    file: StaticString = #filePath, line: UInt = #line) throws -> (status: Int32?, stdout: String, stderr: String) {
        let child = try ChildProcess(arguments, executable: executable, environment: environment)
        let status = child.waitForExit(file: file, line: line)
        return (status, child.stdout, child.stderr)
    }
}

import Foundation
import XCTest

/// A private tmux server running the real `byline` binary, driven as a user would:
/// `send-keys` to type, `capture-pane` to read the screen, polling instead of sleeping.
final class Tmux {
    let socket: String
    private let configPath: String

    /// The `byline` built with these tests (see ``PTYSession/binary``).
    static var binary: String { PTYSession.binary }

    static var available: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/tmux")
    }

    /// Start `byline ARGS` in a fresh server at a size, with a UTF-8 locale and a known TERM.
    /// - Parameter extraConfig: more tmux settings (e.g. `set -g set-clipboard on`).
    init(arguments: [String], width: Int = 120, height: Int = 40, environment: [String: String] = [:], extraConfig: String = "") throws {
        socket = "byline-e2e-\(UUID().uuidString.prefix(8))"
        configPath = NSTemporaryDirectory() + socket + ".conf"
        try """
        set -g remain-on-exit on
        set -g default-terminal "tmux-256color"
        set -g status off
        \(extraConfig)
        """.write(toFile: configPath, atomically: true, encoding: .utf8)
        // Config and state of its own, so no test sees what another saved (a test that wants a
        // shared store passes XDG_STATE_HOME).
        var env = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "HOME": NSTemporaryDirectory(), "XDG_CONFIG_HOME": NSTemporaryDirectory() + socket + "-config",
                   "XDG_STATE_HOME": NSTemporaryDirectory() + socket + "-state"]
        env.merge(environment) { $1 }
        let assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        // The pane's shell reports the exit status itself and stays alive: tmux's own
        // pane_dead_status is unreliable when its server is started from a test process, and
        // a pane that dies at once can lose its last output.
        let invocation = "env \(assignments) \(Self.quote(Self.binary)) \(arguments.map(Self.quote).joined(separator: " "))"
        // The shell ignores Ctrl-C (a login shell's job control would keep it out of the
        // reader's process group); the reader sets its own handler, and commands it starts get
        // the default one back.
        let command = "sh -c \(Self.quote("trap '' INT; " + invocation + "; echo \"\(Self.exitMarker)$?]\"; exec sleep 600"))"
        try run(["-f", configPath, "new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", "main", command])
    }

    deinit {
        _ = try? run(["kill-server"])
        try? FileManager.default.removeItem(atPath: configPath)
        try? FileManager.default.removeItem(atPath: NSTemporaryDirectory() + socket + "-state")
    }

    // MARK: - Acting

    /// Send keys by tmux name (`Down`, `Enter`, `C-l`) or literal text.
    func send(_ keys: String...) throws {
        try run(["send-keys", "-t", "main"] + keys)
    }

    /// Send raw bytes to the program (mouse reports, say), as hex for `send-keys -H`.
    func sendBytes(_ bytes: [UInt8]) throws {
        try run(["send-keys", "-t", "main", "-H"] + bytes.map { String(format: "%02x", $0) })
    }

    /// What tmux holds in its paste buffer (the clipboard, with set-clipboard on).
    func pasteBuffer() throws -> String {
        try run(["show-buffer"])
    }

    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", "main", "-x", "\(width)", "-y", "\(height)"])
    }

    // MARK: - Reading

    /// The screen as text, one string per row.
    func screen() throws -> [String] {
        try run(["capture-pane", "-p", "-t", "main"]).components(separatedBy: "\n")
    }

    /// The screen with its colours and attributes as escape sequences (`capture-pane -e`).
    func styledScreen() throws -> [String] {
        try run(["capture-pane", "-p", "-e", "-t", "main"]).components(separatedBy: "\n")
    }

    /// Wait until the screen satisfies a condition; fail with the last screen if it never does.
    @discardableResult
    func waitFor(_ what: String, timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line,
                 _ condition: ([String]) -> Bool) throws -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        var last: [String] = []
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            usleep(30_000)
        }
        XCTFail("timed out waiting for \(what); screen:\n\(last.joined(separator: "\n"))", file: file, line: line)
        return last
    }

    /// Wait until the text shows anywhere on screen.
    @discardableResult
    func waitFor(text: String, timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        try waitFor("\"\(text)\"", timeout: timeout, file: file, line: line) { $0.contains { $0.contains(text) } }
    }

    static let exitMarker = "[byline exited "

    /// The program's exit status once it has ended (nil while it runs).
    func exitStatus() throws -> Int? {
        for row in try screen() {
            guard let range = row.range(of: Self.exitMarker) else { continue }
            return Int(row[range.upperBound...].prefix { $0.isNumber })
        }
        return nil
    }

    /// Wait for the program to end and return its status.
    func waitForExit(timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line) throws -> Int? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let status = try exitStatus() { return status }
            usleep(30_000)
        }
        XCTFail("still running after \(timeout) s; screen:\n\(try screen().joined(separator: "\n"))", file: file, line: line)
        return nil
    }

    // MARK: - Plumbing

    /// Run a tmux client and return what it printed. Output goes through a file, not a pipe:
    /// the server that `new-session` starts would hold a pipe open forever.
    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        let outPath = NSTemporaryDirectory() + "\(socket)-\(UUID().uuidString.prefix(6)).out"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: outPath) }
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let process = Process()
        // Close every inherited descriptor above 2 first: the server `new-session` starts would
        // otherwise keep Foundation's own descriptors open, and the wait below would never end.
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", Self.closeFdsAndRunTmux, "tmux", "-L", socket] + arguments
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try output.close()
        return (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    }

    private static let closeFdsAndRunTmux =
        #"for fd in /proc/$$/fd/*; do n=${fd##*/}; if [ "$n" -gt 2 ]; then eval "exec $n>&-"; fi; done 2>/dev/null; exec tmux "$@""#

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}

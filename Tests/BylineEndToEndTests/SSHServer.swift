import Foundation
import Glibc
import XCTest

/// A private `sshd` (Debian's openssh-server) on 127.0.0.1, for running Byline over real SSH.
///
/// Everything it needs is made in a temporary folder: a host key and a user key (ed25519,
/// no passphrase), `authorized_keys`, its own `sshd_config` (no PAM, no passwords,
/// `StrictModes no`, a pid file), and the client's `known_hosts`. It listens on a free port
/// and is stopped when the object goes away. A login is an `ssh -tt` client in a
/// ``PTYSession`` of its own, so a test types at it, reads what it shows, and kills it as a
/// dropped connection would.
///
/// ```swift
/// let server = try SSHServer()                       // skips loudly when sshd cannot start
/// let tag = SSHServer.newTag()
/// let login = try server.login([PTYSession.binary, folder], environment: server.environment(tag: tag))
/// login.waitFor(text: "headline")
/// login.send("j")
/// let byline = try XCTUnwrap(server.waitForProcess(tag: tag))
/// login.signal(SIGKILL)                              // the client dies; sshd hangs up
/// ```
final class SSHServer {
    let folder: String
    let port: UInt16
    let user: String
    private let daemon: ChildProcess

    static let sshd = "/usr/sbin/sshd"
    static let ssh = "/usr/bin/ssh"
    static let keygen = "/usr/bin/ssh-keygen"

    /// Start sshd, or throw `XCTSkip` with a loud message when it truly cannot run here
    /// (not installed, or it refuses to start: its own words are in the message).
    init() throws {
        for tool in [Self.sshd, Self.ssh, Self.keygen] where !FileManager.default.isExecutableFile(atPath: tool) {
            throw XCTSkip("SKIPPED LOUDLY: \(tool) is missing: install openssh-server and openssh-client (.ci/run does)")
        }
        folder = NSTemporaryDirectory() + "byline-sshd-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        user = String(cString: getpwuid(geteuid()).pointee.pw_name)
        // sshd insists on its privilege-separation folder, which the Debian service makes at boot.
        if geteuid() == 0, !FileManager.default.fileExists(atPath: "/run/sshd") {
            try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o755])
        }
        for key in ["host_key", "user_key"] {
            let made = try ChildProcess.run(["-q", "-t", "ed25519", "-N", "", "-f", "\(folder)/\(key)"], executable: Self.keygen)
            guard made.status == 0 else { throw XCTSkip("SKIPPED LOUDLY: ssh-keygen failed: \(made.stderr)") }
        }
        try FileManager.default.copyItem(atPath: "\(folder)/user_key.pub", toPath: "\(folder)/authorized_keys")

        var lastError = ""
        for _ in 0..<5 {
            let port = try Self.freePort()
            try Self.config(folder: folder, port: port).write(toFile: "\(folder)/sshd_config", atomically: true, encoding: .utf8)
            // -D: stay in the foreground (a child of the tests); -e: log to stderr.
            let daemon = try ChildProcess(["-D", "-e", "-f", "\(folder)/sshd_config"], executable: Self.sshd)
            if Self.waitUntilListening(port: port, while: daemon) {
                self.port = port
                self.daemon = daemon
                return
            }
            kill(daemon.process.processIdentifier, SIGTERM)
            daemon.waitForExit(timeout: 5)
            lastError = daemon.stderr
            if !lastError.contains("Address already in use") { break }
        }
        try? FileManager.default.removeItem(atPath: folder)
        throw XCTSkip("SKIPPED LOUDLY: sshd would not start on 127.0.0.1: \(lastError)")
    }

    deinit {
        kill(daemon.process.processIdentifier, SIGTERM)
        daemon.waitForExit(timeout: 5)
        try? FileManager.default.removeItem(atPath: folder)
    }

    // MARK: - Logging in

    /// Log in with `ssh -tt` and run `command` (its words quoted for the remote shell) with
    /// `environment` set, in a pseudo-terminal of `cols`×`rows` on this side.
    func login(_ command: [String], environment: [String: String] = [:], cols: Int = 120, rows: Int = 40) throws -> PTYSession {
        let assignments = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let remote = (["exec", "env"] + assignments + command).map(Tmux.quote).joined(separator: " ")
        return try PTYSession(executable: Self.ssh, arguments: [
            "-tt", "-F", "/dev/null", "-i", "\(folder)/user_key", "-p", "\(port)",
            "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=\(folder)/known_hosts",
            "-o", "BatchMode=yes", "-o", "LogLevel=ERROR",
            "\(user)@127.0.0.1", remote,
        ], cols: cols, rows: rows)
    }

    /// A fresh tag to find a remote process by (see ``environment(tag:)``).
    static func newTag() -> String { "byline-ssh-\(UUID().uuidString)" }

    /// The environment for a remote Byline: a UTF-8 locale, private HOME, config and state
    /// folders inside the server's folder, and `BYLINE_SSH_TAG` to find the process by.
    func environment(tag: String) -> [String: String] {
        ["BYLINE_SSH_TAG": tag, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "HOME": folder,
         "XDG_CONFIG_HOME": folder + "/config", "XDG_STATE_HOME": folder + "/state"]
    }

    // MARK: - Remote processes

    /// Processes running `executable` whose environment holds `BYLINE_SSH_TAG=tag`.
    static func processes(tag: String, executable: String = PTYSession.binary) -> [pid_t] {
        let wanted = Array("BYLINE_SSH_TAG=\(tag)".utf8)
        let binary = URL(fileURLWithPath: executable).resolvingSymlinksInPath().path
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { name -> pid_t? in
            guard let pid = pid_t(name), isAlive(pid),
                  (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(name)/exe")) == binary,
                  let environ = FileManager.default.contents(atPath: "/proc/\(name)/environ") else { return nil }
            return environ.split(separator: 0).contains { Array($0) == wanted } ? pid : nil
        }
    }

    /// Wait for the one process with this tag to appear.
    func waitForProcess(tag: String, timeout: TimeInterval = 10) -> pid_t? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let pid = Self.processes(tag: tag).first { return pid }
            usleep(10_000)
        }
        return nil
    }

    /// Whether `pid` is a process that has not ended (a zombie has ended).
    static func isAlive(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        return !stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
    }

    /// Wait for `pid` to end; returns the seconds since `since`, or nil if it outlived `timeout`.
    static func waitForEnd(of pid: pid_t, since: Date, timeout: TimeInterval = 5) -> TimeInterval? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if !isAlive(pid) { return Date().timeIntervalSince(since) }
            usleep(2_000)
        }
        return nil
    }

    // MARK: - Plumbing

    private static func config(folder: String, port: UInt16) -> String {
        """
        Port \(port)
        ListenAddress 127.0.0.1
        HostKey \(folder)/host_key
        PidFile \(folder)/sshd.pid
        AuthorizedKeysFile \(folder)/authorized_keys
        StrictModes no
        UsePAM no
        PasswordAuthentication no
        KbdInteractiveAuthentication no
        PubkeyAuthentication yes
        PermitRootLogin prohibit-password
        PrintMotd no
        PrintLastLog no
        LogLevel ERROR

        """
    }

    /// A port nothing listens on now (the kernel's pick for an ephemeral bind).
    private static func freePort() throws -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw PTYError("socket: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var address = loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { throw PTYError("bind: \(String(cString: strerror(errno)))") }
        return UInt16(bigEndian: address.sin_port)
    }

    /// Poll until a TCP connection to the port succeeds, or the daemon has died.
    private static func waitUntilListening(port: UInt16, while daemon: ChildProcess, timeout: TimeInterval = 10) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline, daemon.process.isRunning {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = loopback(port: port)
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
                }
            }
            close(fd)
            if connected { return true }
            usleep(20_000)
        }
        return false
    }

    private static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }
}

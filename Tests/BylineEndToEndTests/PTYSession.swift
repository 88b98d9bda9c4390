import Foundation
import Glibc
import XCTest

/// The real `byline` binary on a pseudo-terminal of its own, for tests that need what tmux hides:
/// the raw bytes written to the terminal, exact signals, a hangup, the child's CPU time.
///
/// The child is spawned with `posix_spawn` and `POSIX_SPAWN_SETSID`; opening the slave after
/// `setsid` makes it the controlling terminal, so the kernel delivers SIGWINCH on a resize and
/// SIGHUP when the master closes, as sshd or a terminal emulator would. Everything the child
/// writes is collected by a background thread. Waits poll with deadlines; nothing sleeps a
/// fixed time.
final class PTYSession: @unchecked Sendable {
    /// How a child ended.
    enum Termination: Equatable, CustomStringConvertible {
        case exited(Int32)
        case signalled(Int32)

        var description: String {
            switch self {
            case .exited(let code): return "exit \(code)"
            case .signalled(let sig): return "signal \(sig)"
            }
        }
    }

    /// Where the child's standard output goes.
    enum Output {
        /// The pseudo-terminal (as in real use).
        case terminal
        /// A regular file (as with `byline > file` or `| less`).
        case file(String)
    }

    /// The process spawned (the reader, or the shell wrapping it for job-control tests).
    let pid: pid_t
    let slavePath: String
    private var master: Int32
    private var slave: Int32
    private let lock = NSLock()
    private var bytes: [UInt8] = []
    private var stopReading = false
    private var readerFinished = DispatchSemaphore(value: 0)
    private var termination: Termination?
    private let started = Date()
    let home: URL

    /// Start `executable ARGS` on a fresh pty of `cols`×`rows`.
    ///
    /// The environment is minimal and fixed: PATH, TERM=xterm-256color, a UTF-8 locale and a
    /// temporary HOME and XDG_CONFIG_HOME; `environment` adds or replaces entries and a `nil`
    /// value removes one (e.g. `["TERM": nil]`). `stdin` names a file to open instead of the pty.
    init(executable: String = PTYSession.binary, arguments: [String], cols: Int = 100, rows: Int = 30,
         environment: [String: String?] = [:], stdout: Output = .terminal, stdin: String? = nil) throws {
        (master, slavePath) = try Self.openPseudoTerminal()
        // Held open by the test so the master never reports a hangup before the child opens it.
        slave = open(slavePath, O_RDWR | O_NOCTTY | O_CLOEXEC)
        home = FileManager.default.temporaryDirectory.appendingPathComponent("byline-pty-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: home.appendingPathComponent("config"), withIntermediateDirectories: true)

        var env: [String: String] = [
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "HOME": home.path,
            "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
        ]
        for (key, value) in environment { env[key] = value }

        var winsize = winsize(ws_row: UInt16(rows), ws_col: UInt16(cols), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &winsize)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opened after setsid (glibc runs the attributes first), so the slave becomes the
        // controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        switch stdout {
        case .terminal: posix_spawn_file_actions_adddup2(&actions, 0, 1)
        case .file(let path): posix_spawn_file_actions_addopen(&actions, 1, path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        if let stdin { posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0) }
        _ = spawnAddCloseFrom(&actions, 3)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var all = sigset_t()
        var none = sigset_t()
        sigfillset(&all)
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(Self.spawnSetSID | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = env.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let rc = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard rc == 0 else {
            close(master)
            close(slave)
            throw PTYError("cannot spawn \(executable): \(String(cString: strerror(rc)))")
        }
        pid = child
        let thread = Thread { [unowned self] in self.readLoop() }
        thread.name = "pty-reader"
        thread.start()
    }

    deinit {
        if termination == nil {
            kill(pid, SIGKILL)
            _ = try? waitForExit(timeout: 5)
        }
        finishReading()
        if master >= 0 { close(master) }
        if slave >= 0 { close(slave) }
        try? FileManager.default.removeItem(at: home)
    }

    /// The `byline` built beside the running test binary (`/proc/self/exe` is the `.xctest`
    /// executable on Linux; `Bundle(for:)` there is the runner's bundle, not the test's), or
    /// `BYLINE_BINARY` when set.
    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["BYLINE_BINARY"], !path.isEmpty { return path }
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let beside = exe.deletingLastPathComponent().appendingPathComponent("byline").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        // Fall back to the default debug build of the package these tests belong to.
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/byline").path
    }

    /// A new pseudo-terminal: the master descriptor (close-on-exec) and the slave's path.
    static func openPseudoTerminal() throws -> (master: Int32, slavePath: String) {
        let fd = ptyOpen(O_RDWR | O_NOCTTY | O_CLOEXEC)
        var name = [CChar](repeating: 0, count: 128)
        guard fd >= 0, ptyGrant(fd) == 0, ptyUnlock(fd) == 0, ptyName(fd, &name, name.count) == 0 else {
            throw PTYError("cannot open a pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        return (fd, String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }

    /// `POSIX_SPAWN_SETSID` (glibc ≥ 2.26); a GNU extension the Glibc module does not import.
    private static let spawnSetSID: Int32 = 0x80

    // MARK: - Acting

    /// Type bytes at the keyboard.
    func send(_ data: [UInt8]) {
        var offset = 0
        while offset < data.count {
            let n = data[offset...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return }
            offset += n
        }
    }

    func send(_ text: String) { send(Array(text.utf8)) }

    /// Standard keys as xterm sends them in normal cursor mode (ncurses switches on keypad
    /// mode, so arrows come as `ESC O x`).
    enum Key: String {
        case down = "\u{1B}OB"
        case up = "\u{1B}OA"
        case pageDown = "\u{1B}[6~"
    }

    func send(_ key: Key, times: Int = 1) {
        for _ in 0..<times { send(key.rawValue) }
    }

    /// Press Escape alone (closing an overlay) and let the reader see it as a key of its own,
    /// not the start of a sequence.
    func closeOverlay() {
        send([0x1B])
        waitForQuiet(0.1)
    }

    /// Set the window size; the kernel sends SIGWINCH to the foreground process group.
    func resize(cols: Int, rows: Int) {
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(cols), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    }

    /// Hang up, as sshd does when the connection drops: close the master side.
    func closeMaster() {
        finishReading()
        if master >= 0 { close(master) }
        master = -1
        if slave >= 0 { close(slave) }
        slave = -1
    }

    func signal(_ sig: Int32, to target: pid_t? = nil) {
        kill(target ?? pid, sig)
    }

    // MARK: - Reading output

    /// Everything written to the terminal so far.
    var output: [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        return bytes
    }

    var outputCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return bytes.count
    }

    /// Wait until `needle` has been written at or after byte `from`; returns where it starts.
    @discardableResult
    func waitFor(bytes needle: [UInt8], from: Int = 0, timeout: TimeInterval = 10,
                 file: StaticString = #filePath, line: UInt = #line) -> Int? {
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            let all = output
            if let at = Self.find(needle, in: all, from: from) { return at }
            if !isRunning {
                // The child is gone: give the reader thread one more moment, then stop waiting.
                usleep(50_000)
                if let at = Self.find(needle, in: output, from: from) { return at }
                break
            }
            usleep(10_000)
        } while Date() < deadline
        XCTFail("timed out waiting for \(String(decoding: needle, as: UTF8.self).debugDescription); "
                + "last output:\n\(Self.visible(output.suffix(1500)))", file: file, line: line)
        return nil
    }

    @discardableResult
    func waitFor(text: String, from: Int = 0, timeout: TimeInterval = 10,
                 file: StaticString = #filePath, line: UInt = #line) -> Int? {
        waitFor(bytes: Array(text.utf8), from: from, timeout: timeout, file: file, line: line)
    }

    /// Wait until nothing has been written for `quiet` seconds (the frame is finished).
    func waitForQuiet(_ quiet: TimeInterval = 0.3, timeout: TimeInterval = 10) {
        let deadline = Date().addingTimeInterval(timeout)
        var count = outputCount
        var since = Date()
        while Date() < deadline {
            usleep(20_000)
            let now = outputCount
            if now != count {
                count = now
                since = Date()
            } else if Date().timeIntervalSince(since) >= quiet {
                return
            }
        }
    }

    // MARK: - The process

    /// Whether the process still runs (a stopped process counts as running).
    var isRunning: Bool {
        if termination != nil { return false }
        return reap(options: WNOHANG) == nil
    }

    /// Wait for the process to end; returns how, and seconds since `since` (or since the spawn).
    func waitForExit(timeout: TimeInterval = 10, since: Date? = nil) throws -> (Termination, TimeInterval) {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let t = termination ?? reap(options: WNOHANG) {
                return (t, Date().timeIntervalSince(since ?? started))
            }
            if Date() >= deadline { throw PTYError("process \(pid) still running after \(timeout) s") }
            usleep(2_000)
        }
    }

    private func reap(options: Int32) -> Termination? {
        if let termination { return termination }
        var status: Int32 = 0
        var usage = rusage()
        let r = wait4(pid, &status, options, &usage)
        guard r == pid else { return nil }
        finalCPUSeconds = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        let low = status & 0x7F
        let t: Termination = low == 0 ? .exited((status >> 8) & 0xFF) : .signalled(low)
        termination = t
        return t
    }

    /// User plus system CPU seconds used by a process so far (readable until it is reaped).
    static func cpuSeconds(of pid: pid_t) -> Double? {
        guard let fields = statFields(of: pid), fields.count > 12,
              let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// CPU seconds of the process: from /proc while it runs, from `wait4` once it has ended.
    var cpuSeconds: Double? { finalCPUSeconds ?? Self.cpuSeconds(of: pid) }

    /// The child's total CPU time, known once it has been reaped.
    private(set) var finalCPUSeconds: Double?

    /// The one-letter state from /proc (`S` sleeping, `R` running, `T` stopped, `Z` zombie).
    static func state(of pid: pid_t) -> String? {
        statFields(of: pid)?.first
    }

    /// Voluntary plus involuntary context switches: each wake-up of the process counts.
    static func contextSwitches(of pid: pid_t) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        var total = 0
        for line in status.split(separator: "\n") where line.hasPrefix("voluntary_ctxt_switches:") || line.hasPrefix("nonvoluntary_ctxt_switches:") {
            total += Int(line.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) ?? 0
        }
        return total
    }

    /// Fields of /proc/PID/stat after the command name (so index 0 is the state).
    private static func statFields(of pid: pid_t) -> [String]? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        return text[text.index(after: close)...].split(separator: " ").map(String.init)
    }

    /// Children of `pid` (from /proc), for a program started through a shell.
    static func children(of pid: pid_t) -> [pid_t] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        return entries.compactMap { name -> pid_t? in
            guard let child = pid_t(name), let fields = statFields(of: child), fields.count > 1,
                  pid_t(fields[1]) == pid else { return nil }
            return child
        }
    }

    // MARK: - Plumbing

    private func readLoop() {
        var buffer = [UInt8](repeating: 0, count: 65536)
        defer { readerFinished.signal() }
        while true {
            lock.lock()
            let stop = stopReading
            let fd = master
            lock.unlock()
            if stop || fd < 0 { return }
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&p, 1, 20)
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { continue }
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n > 0 {
                lock.lock()
                bytes.append(contentsOf: buffer[0..<n])
                lock.unlock()
            } else if n < 0 && (errno == EINTR || errno == EAGAIN) {
                continue
            } else {
                return  // EIO: every slave descriptor is closed
            }
        }
    }

    private var readerStopped = false

    private func finishReading() {
        guard !readerStopped else { return }
        readerStopped = true
        lock.lock()
        stopReading = true
        lock.unlock()
        readerFinished.wait()
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int = 0) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, from <= haystack.count - needle.count else { return nil }
        let first = needle[0]
        var i = max(0, from)
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first && haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// Bytes made readable for a failure message: controls as `\e`, `\x07`, and so on.
    static func visible<S: Sequence>(_ data: S) -> String where S.Element == UInt8 {
        var s = ""
        for b in data {
            switch b {
            case 0x1B: s += "\\e"
            case 0x0A: s += "\\n\n"
            case 0x20..<0x7F: s.append(Character(Unicode.Scalar(b)))
            default: s += String(format: "\\x%02x", b)
            }
        }
        return s
    }
}

struct PTYError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// `posix_spawn_file_actions_addclosefrom_np` (glibc ≥ 2.34): a GNU extension the Glibc module
/// does not import. Keeps the test runner's descriptors out of the child.
@_silgen_name("posix_spawn_file_actions_addclosefrom_np")
private func spawnAddCloseFrom(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ from: Int32) -> Int32

// The X/Open pseudo-terminal calls, which the Glibc module does not import.
@_silgen_name("posix_openpt") private func ptyOpen(_ flags: Int32) -> Int32
@_silgen_name("grantpt") private func ptyGrant(_ fd: Int32) -> Int32
@_silgen_name("unlockpt") private func ptyUnlock(_ fd: Int32) -> Int32
@_silgen_name("ptsname_r") private func ptyName(_ fd: Int32, _ buffer: UnsafeMutablePointer<CChar>, _ length: Int) -> Int32

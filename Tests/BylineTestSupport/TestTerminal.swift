import BylineCanvas
import BylineReader
#if canImport(Glibc)
import Glibc
#endif

/// An in-memory terminal for tests: replays scripted events and keeps every frame.
///
/// When the reader waits with a timeout (a worker's answer is due), the wait is real: it polls
/// the descriptors it was given, so background work can finish before the next scripted event.
public final class TestTerminal: Terminal {
    public private(set) var size: Size
    /// What each wait returns, in order (one event each, unless made with `batches`).
    private var reads: [[TerminalEvent]]
    /// Every frame presented, oldest first.
    public private(set) var frames: [Canvas] = []
    /// How many times the screen was invalidated (Ctrl-L, resume).
    public private(set) var invalidations = 0

    public init(size: Size, events: [TerminalEvent]) {
        self.size = size
        self.reads = events.map { [$0] }
    }

    /// Events that arrive several to a read, as a paste or keys typed ahead do.
    public init(size: Size, batches: [[TerminalEvent]]) {
        self.size = size
        self.reads = batches
    }

    /// Replays the next read's events; once the script is done, input is closed.
    public func wait(for descriptors: [Int32], timeout: Double?) -> [TerminalEvent] {
        if let timeout {
            var fds = descriptors.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            _ = poll(&fds, nfds_t(fds.count), Int32(timeout * 1000))
            return fds.filter { $0.revents != 0 }.map { .ready($0.fd) }
        }
        guard !reads.isEmpty else { return [.inputClosed] }
        let read = reads.removeFirst()
        for case .resize(let newSize) in read { size = newSize }
        return read
    }

    public func present(_ canvas: Canvas) { frames.append(canvas) }

    public func invalidate() { invalidations += 1 }

    /// Text handed to the clipboard, oldest first; set `clipboardRefusal` to refuse it.
    public private(set) var copied: [String] = []
    public var clipboardRefusal: String?

    public func copyToClipboard(_ text: String) -> String? {
        if let clipboardRefusal { return clipboardRefusal }
        copied.append(text)
        return nil
    }

    /// Commands the reader piped to, with their input; each "ends" with `commandStatus`.
    public private(set) var commands: [(command: String, input: String)] = []
    public var commandStatus: Int32? = 0

    public func runCommand(_ command: String, input: String) -> Int32? {
        commands.append((command, input))
        return commandStatus
    }

    /// The last frame's text.
    public var screenText: String { frames.last?.text ?? "" }
}

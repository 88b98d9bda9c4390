// A real ncursesw screen on a pseudo-terminal, set up as the reader sets up its own, with the
// mouse on: what is typed into the master side is read back as the reader reads it.
import BylineReader
import BylineTerminal
import CNcursesw
import FuzzSupport
import Glibc
import Synchronization

/// One curses screen on one pseudo-terminal, made on the first input and kept.
final class CursesUnderTest: @unchecked Sendable {
    /// The terminal type, which decides the mouse protocol ncurses expects.
    let term: String
    private let master: Int32
    private let slave: Int32
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let watchdog = Watchdog()

    init(term: String) {
        _ = setlocale(LC_ALL, "C.UTF-8")
        var master: Int32 = -1, slave: Int32 = -1
        var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0,
              let stream = fdopen(slave, "r+"),
              let screen = newterm(term, stream, stream)
        else { fatalError("fuzz setup: no pseudo-terminal or no \(term) terminfo") }
        _ = set_term(screen)
        guard let window = byline_stdscr() else { fatalError("fuzz setup: no screen") }
        // As CursesTerminal.start does, with the mouse on (the reader's default).
        CursesTerminal.configure(window, mouse: true)
        // Read what is there and return; an escape alone is an escape (the bytes of a sequence
        // are all queued already, so none is cut short).
        wtimeout(window, 0)
        set_escdelay(0)
        // Flow control (^S/^Q) and signal keys (^C, ^Z, ^\) are the terminal's, and never reach
        // the reader: off here, so a ^S cannot stop the screen's output and a ^C cannot stop
        // the fuzzer.
        var modes = termios()
        tcgetattr(slave, &modes)
        modes.c_iflag &= ~tcflag_t(IXON | IXOFF)
        modes.c_lflag &= ~tcflag_t(ISIG)
        tcsetattr(slave, TCSANOW, &modes)
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
        self.term = term
        self.master = master
        self.slave = slave
        self.screen = screen
        self.window = window
        _ = wgetch(window)  // the first read draws the (empty) screen
        drainOutput()
    }

    /// Types `bytes` and returns what the reader's terminal makes of them: keys and mouse events.
    ///
    /// - Parameter mayBeCut: the bytes may end inside a mouse report. ncurses then waits, in a
    ///   blocking read, for the rest (as the reader would, until the next keys complete it); here
    ///   the terminal is made non-blocking for the read instead. Otherwise a read that waits for
    ///   more input is a violation: the reader would sit in it until the next key.
    func type(_ bytes: UnsafeBufferPointer<UInt8>, mayBeCut: Bool, context: String) -> [TerminalEvent] {
        _ = set_term(screen)
        let flags = fcntl(slave, F_GETFL)
        _ = fcntl(slave, F_SETFL, mayBeCut ? flags | O_NONBLOCK : flags & ~O_NONBLOCK)
        var written = 0
        while written < bytes.count {
            let n = write(master, bytes.baseAddress! + written, bytes.count - written)
            if n <= 0 { fatalError("fuzz setup: cannot write to the pseudo-terminal (\(errno))") }
            written += n
        }
        // The kernel hands bytes from the master to the slave's queue asynchronously: wait until
        // all of them can be read, so none is left over for the next input.
        // On a busy machine that can take a while: give it five seconds.
        var waited = 0
        while queued() < bytes.count {
            if waited > 100_000 { Fuzz.violated("\(term): the terminal has \(queued()) of \(bytes.count) bytes typed", context) }
            usleep(waited < 100 ? 1 : 50)
            waited += 1
        }
        var decoder = KeyDecoder()
        var events: [TerminalEvent] = []
        var reads = 0
        watchdog.arm(seconds: 3, "\(term): a read waits for more input after the bytes typed (the reader would sit in it until the next key)", context)
        defer { watchdog.disarm() }
        // The same steps as CursesTerminal.readKeys.
        while true {
            let code = wgetch(window)
            if code == ERR { break }
            reads += 1
            if reads > bytes.count { Fuzz.violated("\(term): more reads (\(reads)) than bytes typed", context) }
            if code == KEY_MOUSE {
                if let mouse = KeyDecoder.mouse() { events.append(.mouse(mouse)) }
            } else if let key = decoder.key(for: code) {
                events.append(.key(key))
            }
        }
        if queued() != 0 { Fuzz.violated("\(term): \(queued()) bytes left unread", context) }
        // A report cut short (or a malformed one, which ncurses takes as the start of a run of
        // reports) leaves ncurses expecting more: the reader would wait for it, and here the
        // next read would give up at once. Start the next input afresh.
        if mayBeCut { flushinp() }
        drainOutput()
        return events
    }

    /// Bytes waiting to be read on the slave side.
    private func queued() -> Int {
        var count: Int32 = 0
        _ = ioctl(slave, UInt(FIONREAD), &count)
        return Int(count)
    }

    private func drainOutput() {
        var sink = [UInt8](repeating: 0, count: 4096)
        while read(master, &sink, sink.count) > 0 {}
    }
}

/// Fails the run when a read takes longer than it may: a thread that wakes every 50 ms and
/// traps once the armed deadline has passed.
private final class Watchdog: @unchecked Sendable {
    private let deadline = Atomic<Int>(0)
    private let message = Mutex<(what: String, input: String)>(("", ""))
    private var thread = pthread_t()

    init() {
        let box = Unmanaged.passRetained(self).toOpaque()
        pthread_create(&thread, nil, { box in Unmanaged<Watchdog>.fromOpaque(box!).takeUnretainedValue().watch() }, box)
    }

    func arm(seconds: Int, _ what: String, _ input: String) {
        message.withLock { $0 = (what, input) }
        deadline.store(Self.now() + seconds * 1_000_000_000, ordering: .releasing)
    }

    func disarm() {
        deadline.store(0, ordering: .releasing)
    }

    private func watch() -> Never {
        while true {
            usleep(50_000)
            let due = deadline.load(ordering: .acquiring)
            if due != 0 && Self.now() > due {
                let (what, input) = message.withLock { $0 }
                Fuzz.violated(what, input)
            }
        }
    }

    private static func now() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return time.tv_sec * 1_000_000_000 + time.tv_nsec
    }
}

import BylineCanvas
import BylineReader
import BylineTheme
import CNcursesw
import Foundation

/// The real terminal, through ncursesw: the only type in Byline that calls curses.
///
/// Start it with ``start(options:environment:)``; ``stop()`` restores the terminal and must run
/// on every way out. ``wait(for:timeout:)`` blocks in one `poll` on the keyboard, the signal
/// self-pipe and whatever descriptors the reader adds (its inbox, the folder watcher): no
/// timers, no polling. SIGTERM, SIGINT, SIGHUP and SIGQUIT only set a flag and wake the wait.
public final class CursesTerminal: Terminal {
    /// How to start.
    public struct Options: Sendable {
        /// Use colours at all (false for NO_COLOR, `--color never`, or no colour support wanted).
        public var colors: Bool
        /// The locale speaks UTF-8; when false, non-ASCII cells are drawn as `?`.
        public var utf8: Bool
        /// Ask for mouse reports (clicks and the wheel); false sends no mouse sequence at all.
        public var mouse: Bool

        public init(colors: Bool, utf8: Bool = true, mouse: Bool = false) {
            self.colors = colors
            self.utf8 = utf8
            self.mouse = mouse
        }
    }

    private let screen: OpaquePointer
    /// The window keys are read through (stdscr), kept at one cell: see ``drawn``.
    private let window: UnsafeMutablePointer<WINDOW>
    /// What the window holds, cell by cell, as the canvases drawn so far left it.
    private var screenImage = ScreenImage()
    private var pairs: ColorPairs
    private var stopped = false
    private var failedReads = 0
    private var cursorShown = false
    private var decoder = KeyDecoder()
    /// Scratch for ``draw(_:_:y:)``: a row's cells as curses takes them, kept between frames
    /// (as wide as the window).
    private var run: [cchar_t] = []
    /// The terminal's strings for the last scroll sent (see `byline_send_scroll`).
    private var scrollTexts = byline_scroll_texts()
    public let colorsEnabled: Bool
    private let utf8: Bool

    /// Number of colours the terminal offers (0 when colours are off).
    public let colorCount: Int

    private init(screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>, colors: Bool, utf8: Bool) {
        self.utf8 = utf8
        self.screen = screen
        self.window = window
        self.colorsEnabled = colors
        self.colorCount = colors ? Int(byline_colors()) : 0
        self.pairs = ColorPairs(palette: [:], colorsEnabled: false)
    }

    /// Check that standard input and output are a usable terminal, then enter curses mode.
    public static func start(options: Options, environment: [String: String]) throws(TerminalError) -> CursesTerminal {
        guard byline_isatty_stdout() != 0 else {
            throw TerminalError("byline: standard output is not a terminal; use 'byline inspect PATH' for plain text")
        }
        guard byline_isatty_stdin() != 0 else {
            throw TerminalError("byline: standard input is not a terminal; the reader needs a keyboard")
        }
        let term = environment["TERM"] ?? ""
        guard !term.isEmpty else { throw TerminalError("byline: TERM is not set; set it to your terminal type (e.g. xterm-256color)") }
        guard term != "dumb" else { throw TerminalError("byline: TERM=dumb cannot show a full-screen reader; use 'byline inspect PATH'") }
        _ = byline_setlocale_all()
        guard byline_signals_install() == 0 else { throw TerminalError("byline: cannot set up signal handling: out of file descriptors") }
        guard let screen = byline_newterm(nil) else {
            throw TerminalError("byline: unknown terminal type '\(term.filter { $0.isLetter || $0.isNumber || "-_.+".contains($0) })' (no terminfo entry); set TERM to e.g. xterm-256color")
        }
        _ = set_term(screen)
        guard let window = byline_stdscr() else {
            endwin()
            throw TerminalError("byline: the terminal could not be set up")
        }
        byline_signals_watch_resize()
        configure(window, mouse: options.mouse)
        keepSmall(window)
        var colors = false
        if options.colors && has_colors() {
            start_color()
            use_default_colors()
            colors = true
        }
        return CursesTerminal(screen: screen, window: window, colors: colors, utf8: options.utf8)
    }

    /// The modes Byline runs curses in, on the screen that `window` belongs to: keys one at a
    /// time, decoded (arrows, PgUp), no echo, blocking reads, and mouse reports when `mouse`.
    /// Public for the key fuzz target, which reads through the same modes from a
    /// pseudo-terminal of its own.
    public static func configure(_ window: UnsafeMutablePointer<WINDOW>, mouse: Bool = false) {
        cbreak()
        noecho()
        nonl()
        intrflush(window, false)
        keypad(window, true)
        meta(window, true)
        // Let ncurses scroll the screen (scroll regions, insert/delete line) when whole lines
        // move, as in full-width reading mode: a line of scrolling then costs one new line.
        idlok(window, true)
        wtimeout(window, -1)
        curs_set(0)
        set_escdelay(25)
        if mouse { _ = byline_mouse_on() }
    }

    /// Where frames are drawn: curses' next screen (newscr) itself, which `doupdate` sends
    /// the changes of. Not stdscr copied into it by `wnoutrefresh`: a third copy of the screen
    /// (28 bytes a cell, 0.8 MiB at 300x100) for nothing, since Byline keeps no other window.
    private var drawn: UnsafeMutablePointer<WINDOW> { byline_newscr()! }

    /// Makes `window` (stdscr, which keys are read through) one cell and untouched, so it holds
    /// no copy of the screen and `wgetch` never refreshes it into newscr. Curses leaves it
    /// that size when the terminal is resized, unless the terminal was one line or column.
    private static func keepSmall(_ window: UnsafeMutablePointer<WINDOW>) {
        if byline_lines(window) != 1 || byline_cols(window) != 1 { wresize(window, 1, 1) }
        untouchwin(window)
    }

    /// Use a theme's resolved palette from the next frame on.
    public func setPalette(_ palette: [Role: ResolvedStyle]) {
        pairs = ColorPairs(palette: palette, colorsEnabled: colorsEnabled)
        invalidate()
    }

    /// Leave curses mode and restore the terminal. Safe to call more than once.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        endwin()
        delscreen(screen)
    }

    deinit { stop() }

    // MARK: - Terminal

    public var size: Size {
        guard let screen = byline_newscr() else { return Size(width: 0, height: 0) }
        return Size(width: Int(byline_cols(screen)), height: Int(byline_lines(screen)))
    }

    public func wait(for descriptors: [Int32], timeout: Double?) -> [TerminalEvent] {
        // Keys ncurses has already taken in come first.
        var events = readKeys().events
        if !events.isEmpty { return events }
        // One array made at its size (a literal, a mapped array and the two joined were three).
        var fds: [pollfd] = []
        fds.reserveCapacity(2 + descriptors.count)
        fds.append(pollfd(fd: 0, events: Int16(POLLIN), revents: 0))
        fds.append(pollfd(fd: byline_signal_descriptor(), events: Int16(POLLIN), revents: 0))
        for fd in descriptors { fds.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0)) }
        let milliseconds = timeout.map { Int32(min(60_000, max(0, ($0 * 1000).rounded(.up)))) } ?? -1
        let ready = poll(&fds, nfds_t(fds.count), milliseconds)
        if fds[1].revents != 0 { byline_signals_drain() }
        let signal = byline_take_signal()
        if signal != 0 { return [.signal(signal)] }
        if byline_take_continued() != 0 {
            // Resumed after a stop: the screen needs painting again.
            failedReads = 0
            events.append(.repaint)
        }
        guard ready > 0 || fds[1].revents != 0 else { return events }
        let input = fds[0].revents
        if input & Int16(POLLIN) != 0 || fds[1].revents != 0 {
            let read = readKeys()
            if events.isEmpty { events = read.events } else { events += read.events }
            if read.codes == 0 && input & Int16(POLLIN) != 0 {
                // Readable but nothing to read, again and again: end of file. (Counted in bytes
                // read, not keys made: bytes that make no key are still input.)
                failedReads += 1
                if failedReads >= 3 { return events + [.inputClosed] }
            } else if read.codes > 0 {
                failedReads = 0
            }
        } else if input & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
            return events + [.inputClosed]
        }
        for fd in fds.dropFirst(2) where fd.revents != 0 { events.append(.ready(fd.fd)) }
        return events
    }

    /// Every key ncurses can give without waiting (at most a screenful of key repeats), and how
    /// many codes were read for them. Bytes are read with `wgetch` and put together by the
    /// ``KeyDecoder`` (see there for why not `wget_wch`).
    private func readKeys() -> (events: [TerminalEvent], codes: Int) {
        var events: [TerminalEvent] = []
        var codes = 0
        wtimeout(window, 0)
        defer { wtimeout(window, -1) }
        while codes < 1024 {
            let result = wgetch(window)
            if result == ERR { break }
            codes += 1
            if result == KEY_RESIZE {
                // Before the next read: a window curses made larger would be refreshed by it.
                Self.keepSmall(window)
                events.append(.resize(size))
            } else if result == KEY_MOUSE {
                if let mouse = KeyDecoder.mouse() { events.append(.mouse(mouse)) }
            } else if let key = decoder.key(for: result) {
                events.append(.key(key))
            }
        }
        return (events, codes)
    }

    public func present(_ canvas: Canvas) {
        let window = drawn
        if !screenImage.holds(canvas.size) {
            werase(window)
            screenImage.start(canvas.size)
        }
        let height = canvas.size.height
        var sent: ScreenImage.Shift?
        screenImage.update(toward: canvas, scroll: { sent = scroll($0, height: height) }) { y, columns, row in
            draw(row, columns, y: y)
        }
        if let cursor = canvas.cursor {
            wmove(window, Int32(cursor.y), Int32(cursor.x))
            if !cursorShown { curs_set(1) }
        } else if cursorShown {
            curs_set(0)
        }
        cursorShown = canvas.cursor != nil
        // Without a cursor to show, ncurses may leave the terminal's cursor wherever the update
        // left it (the last cell drawn, often the end of a line scrolled in) instead of moving
        // it back to the window's: a cursor move saved on most keys.
        leaveok(window, !cursorShown)
        if let sent { byline_send_scroll(&scrollTexts, Int32(sent.top), Int32(sent.bottom), Int32(sent.lines)) }
        doupdate()
    }

    public func invalidate() {
        screenImage.forget()
        clearok(byline_curscr(), true)
    }

    /// Moves whole lines on the window as the screen image moved them, so the terminal scrolls
    /// instead of being sent the lines (reading mode: a line down costs one new line). Returns
    /// the shift when the terminal is to be sent it before the update (`byline_move_lines`:
    /// past ncurses' scroll detection, which would copy and hash every moved line), nil when
    /// ncurses is left to find the scroll in the moved window.
    private func scroll(_ shift: ScreenImage.Shift, height: Int) -> ScreenImage.Shift? {
        let window = drawn
        if byline_move_lines(window, Int32(shift.top), Int32(shift.bottom), Int32(shift.lines)) == 0 { return shift }
        scrollok(window, true)
        wsetscrreg(window, Int32(shift.top), Int32(shift.bottom))
        wscrl(window, Int32(shift.lines))
        wsetscrreg(window, 0, Int32(height - 1))
        scrollok(window, false)
        return nil
    }

    // MARK: - Handing text out

    public func copyToClipboard(_ text: String) -> String? {
        let base64 = Data(text.utf8).base64EncodedString()
        let sent = base64.withCString { byline_send_clipboard($0) }
        return sent == 0 ? nil : "this terminal's terminfo has no clipboard capability (Ms); tmux with set-clipboard on, or TERM=xterm-256color, has it"
    }

    public func runCommand(_ command: String, input: String) -> Int32? {
        // The terminal goes back to the shell's modes while the command runs (mouse reports and
        // the alternate screen off); Ctrl-C then ends the command, not the reader.
        def_prog_mode()
        endwin()
        byline_signals_hold_interrupts(1)
        defer {
            byline_signals_hold_interrupts(0)
            reset_prog_mode()
            invalidate()
        }
        let status = ShellCommand.run(command, input: Data(input.utf8))
        ShellCommand.waitForEnter(after: "[\(CommandStatus.describe(status))] Press Enter to go back to Byline")
        return status
    }

    // MARK: - Drawing a row

    /// Draws cells `columns` of `row` on line `y`: runs of plain cells (one scalar, as wide as
    /// curses' `wcwidth` says, so curses puts each where the canvas has it) go to curses in one
    /// call each, copied as they are; any other cell goes through ``draw(_:x:y:)`` on its own,
    /// as curses checks and places it.
    private func draw(_ row: UnsafeBufferPointer<Cell>, _ columns: Range<Int>, y: Int) {
        if run.count != row.count {
            // As wide as the window: a window made narrower gives the rest back.
            run = []
            run = Array(repeating: cchar_t(), count: row.count)
        }
        let utf8 = self.utf8
        run.withUnsafeMutableBufferPointer { run in
            pairs.cellLooks.withUnsafeBufferPointer { looks in
                let out = run.baseAddress!, look = looks.baseAddress!
                // A cell's first word: its head and its first marks word (see `Cell`).
                let words = UnsafeRawPointer(row.baseAddress!)
                // The last character past ASCII looked at (its head without the role), and
                // whether it was plain: a row's borders repeat one, checked once.
                var lastHead: UInt32 = 0, lastPlain = false
                // Whether the run holds only the ASCII cells `putASCII` made: in looks curses
                // leaves as they are, the run is then copied without a look at each cell.
                let looksAsIs = pairs.cellLooksAsIs
                var asciiOnly = true
                var x = columns.lowerBound, count = 0, start = x
                let end = columns.upperBound
                while x < end {
                    // Printable ASCII without marks, the most of a row, in one tight loop.
                    let ascii = Self.putASCII(words, from: x, to: end, into: out + count, looks: look)
                    if count == 0 && ascii > x { start = x }
                    count += ascii - x
                    x = ascii
                    guard x < end else { break }
                    let bits = words.loadUnaligned(fromByteOffset: x * MemoryLayout<Cell>.stride, as: UInt64.self)
                    let head = UInt32(truncatingIfNeeded: bits)
                    let width = Int(head >> 21 & 3)
                    if width == 0 { x += 1; continue }  // a continuation
                    let value = head & 0x1F_FFFF
                    var plain = false
                    if bits >> 32 == 0 {  // no marks: past ASCII or a control
                        // The role does not change the answer: compared on value and width.
                        if head & 0x7F_FFFF != lastHead {
                            lastHead = head & 0x7F_FFFF
                            lastPlain = utf8 && value >= 0xA0 && Unicode.Scalar(value).map { !TerminalGlyph.isUnsafe($0) } == true
                                && byline_wcwidth(wchar_t(bitPattern: value)) == Int32(width)
                        }
                        plain = lastPlain
                    }
                    if plain {
                        if count == 0 { start = x }
                        Self.put(value, role: Int(head >> 23), into: out + count, looks: look)
                        count += 1
                        asciiOnly = false
                    } else {
                        if count > 0 { put(out, count, y: y, x: start, asIs: looksAsIs && asciiOnly) }
                        count = 0
                        asciiOnly = true
                        draw(row[x], x: x, y: y)
                    }
                    x += 1
                }
                if count > 0 { put(out, count, y: y, x: start, asIs: looksAsIs && asciiOnly) }
            }
        }
    }

    /// Draws the `count` cells of `run` from column `x` of line `y` on: as they are (`asIs`:
    /// printable ASCII in looks curses leaves as they are) or as curses renders them.
    @inline(__always)
    private func put(_ run: UnsafeMutablePointer<cchar_t>, _ count: Int, y: Int, x: Int, asIs: Bool) {
        if asIs {
            _ = byline_put_as_is_run(drawn, Int32(y), Int32(x), run, Int32(count))
        } else {
            _ = byline_put_run(drawn, Int32(y), Int32(x), run, Int32(count))
        }
    }

    /// Puts the cells from column `x` on that are printable ASCII of one column without marks
    /// into `out`, as curses cells; returns the column of the first other cell (or `end`).
    @inline(__always)
    private static func putASCII(_ words: UnsafeRawPointer, from x: Int, to end: Int, into out: UnsafeMutablePointer<cchar_t>,
                                 looks: UnsafePointer<UInt64>) -> Int {
        var x = x, out = out
        while x < end {
            let bits = words.loadUnaligned(fromByteOffset: x &* MemoryLayout<Cell>.stride, as: UInt64.self)
            // No marks (the high word) and width 1 (bits 21-22), then a value in 0x20..<0x7F.
            if bits & 0xFFFF_FFFF_0060_0000 != 0x20_0000 { break }
            let value = UInt32(truncatingIfNeeded: bits) & 0x1F_FFFF
            if value &- 0x20 >= 0x5F { break }
            put(value, role: Int(truncatingIfNeeded: bits >> 23), into: out, looks: looks)
            out += 1
            x &+= 1
        }
        return x
    }

    /// The role's blank with the character put in (what setcchar makes of it): the role's
    /// attributes and colour, the character, and the zeros after it, which every cell of the
    /// run scratch keeps (it starts zeroed and only this writes it).
    @inline(__always)
    private static func put(_ value: UInt32, role: Int, into cell: UnsafeMutablePointer<cchar_t>, looks: UnsafePointer<UInt64>) {
        let look = looks[role]
        cell.pointee.attr = attr_t(truncatingIfNeeded: look)
        cell.pointee.chars.0 = wchar_t(bitPattern: value)
        cell.pointee.ext_color = Int32(bitPattern: UInt32(truncatingIfNeeded: look >> 32))
    }

    private func draw(_ cell: Cell, x: Int, y: Int) {
        let look = pairs.look(cell.role)
        // The base and its marks, as curses takes them: wide characters ending in a 0.
        var text: (wchar_t, wchar_t, wchar_t, wchar_t, wchar_t, wchar_t) = (32, 0, 0, 0, 0, 0)
        var ascii = true
        withUnsafeMutableBytes(of: &text) { raw in
            let chars = raw.bindMemory(to: wchar_t.self)
            var n = 0
            cell.glyph.forEachValue { value in
                // The canvas never holds controls; this is the last door before the terminal.
                let safe = Unicode.Scalar(value).map { !TerminalGlyph.isUnsafe($0) } ?? false
                chars[n] = safe ? wchar_t(bitPattern: value) : 0xFFFD
                ascii = ascii && value < 0x80
                n += 1
            }
        }
        if !utf8 && !ascii {
            // A terminal without UTF-8: a "?" in each cell the glyph takes.
            text = (63, 0, 0, 0, 0, 0)
            put(&text, x: x, y: y, look)
            if cell.width == 2 { put(&text, x: x + 1, y: y, look) }
            return
        }
        put(&text, x: x, y: y, look)
    }

    private func put(_ text: inout (wchar_t, wchar_t, wchar_t, wchar_t, wchar_t, wchar_t), x: Int, y: Int, _ look: ColorPairs.Look) {
        _ = withUnsafePointer(to: &text) { tuple in
            tuple.withMemoryRebound(to: wchar_t.self, capacity: 6) { byline_put_cell(drawn, Int32(y), Int32(x), $0, look.attributes, look.pair) }
        }
    }
}

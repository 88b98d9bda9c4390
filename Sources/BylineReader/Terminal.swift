import BylineCanvas

/// Something the terminal reports.
public enum TerminalEvent: Equatable, Sendable {
    case key(Key)
    /// The terminal changed size.
    case resize(Size)
    /// SIGTERM, SIGINT, SIGHUP or SIGQUIT arrived (the number).
    case signal(Int32)
    /// Input is gone (the terminal hung up, or stdin reached end of file).
    case inputClosed
    /// The screen may have been disturbed (resumed after a suspend): repaint it all.
    case repaint
    /// One of the other descriptors the wait was given is readable.
    case ready(Int32)
}

/// The screen the reader draws on: curses in the program, an in-memory stand-in in tests.
public protocol Terminal: AnyObject {
    /// The current size in cells.
    var size: Size { get }
    /// Blocks until the terminal has something to report (keys, a resize, a signal), one of
    /// `descriptors` becomes readable, or `timeout` seconds pass (nil: wait as long as it takes).
    /// Never polls: with nothing happening, the process sleeps. Returns what happened, in order;
    /// nothing after a timeout.
    func wait(for descriptors: [Int32], timeout: Double?) -> [TerminalEvent]
    /// Show a finished frame; only cells that differ from the last frame need sending.
    func present(_ canvas: Canvas)
    /// Forget what is on screen so the next `present` repaints every cell.
    func invalidate()
}

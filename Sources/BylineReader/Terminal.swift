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
    /// The mouse was clicked or its wheel turned.
    case mouse(MouseEvent)
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
    /// Asks the terminal to put `text` on the clipboard (OSC 52, which reaches the local
    /// clipboard over SSH and through tmux). Returns nil when it was sent, else why it was not.
    func copyToClipboard(_ text: String) -> String?
    /// Hands the terminal to `/bin/sh -c command` with `input` on its standard input, as mutt's
    /// pipe does, and takes it back once the user has read what the command printed. Returns
    /// its exit status (128 + the signal that ended it), or nil when it could not start.
    func runCommand(_ command: String, input: String) -> Int32?
}

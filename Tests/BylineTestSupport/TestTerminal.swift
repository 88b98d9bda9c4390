import BylineCanvas
import BylineReader

/// An in-memory terminal for tests: replays scripted events and keeps every frame.
public final class TestTerminal: Terminal {
    public private(set) var size: Size
    private var events: [TerminalEvent]
    /// Every frame presented, oldest first.
    public private(set) var frames: [Canvas] = []
    /// How many times the screen was invalidated (Ctrl-L, resume).
    public private(set) var invalidations = 0

    public init(size: Size, events: [TerminalEvent]) {
        self.size = size
        self.events = events
    }

    /// Replays the next event; once the script is done, input is closed.
    public func nextEvent() -> TerminalEvent {
        guard !events.isEmpty else { return .inputClosed }
        let event = events.removeFirst()
        if case .resize(let newSize) = event { size = newSize }
        return event
    }

    public func present(_ canvas: Canvas) { frames.append(canvas) }

    public func invalidate() { invalidations += 1 }

    /// The last frame's text.
    public var screenText: String { frames.last?.text ?? "" }
}

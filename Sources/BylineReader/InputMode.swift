/// What keys mean right now: the key map enables each binding in some modes only.
public enum InputMode: String, Sendable, CaseIterable {
    /// Reading: moving, jumping, switching panes.
    case normal
    /// The help or problems overlay is open: it scrolls and closes.
    case overlay
    /// A prompt is taking text: printable keys type, editing keys edit.
    case prompt
}

import BylineCanvas

/// What the mouse did, where (in cells).
public struct MouseEvent: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// A click of the left button (counted as it is released).
        case press
        /// The wheel turned up or down one notch.
        case wheelUp, wheelDown
    }

    public var kind: Kind
    public var at: Point

    public init(_ kind: Kind, at: Point) {
        self.kind = kind
        self.at = at
    }
}

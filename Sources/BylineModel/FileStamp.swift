/// What a file looked like when it was read: its size and modification time.
public struct FileStamp: Equatable, Sendable {
    public var size: Int64
    /// Nanoseconds since 1970.
    public var modified: Int64

    public init(size: Int64, modified: Int64) {
        self.size = size
        self.modified = modified
    }
}

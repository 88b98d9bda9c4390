/// Which article: the identity of a file in a library, stable while the library is open.
///
/// An article is its path relative to the library folder it was found in (or its path as given,
/// for a file named on the command line). The library interns those paths: an `ArticleID` is a
/// small handle that is equal exactly when the paths are, so it keys selections, read marks,
/// caches and positions without hashing strings. A file that is deleted and comes back gets
/// the same identity again. ``Library/relativePath(of:)`` gives the path for anything that
/// outlives the session (the state store).
public struct ArticleID: Hashable, Sendable, CustomStringConvertible {
    /// The library's number for the path (its slot); never reused for another path.
    public let slot: Int32

    public init(slot: Int32) {
        self.slot = slot
    }

    /// The slot as an index into the library's per-article tables.
    public var index: Int { Int(slot) }

    public var description: String { "#\(slot)" }
}

import BylineModel
import BylineStore

/// A change to what Byline remembers between runs, as `update` asks for it (by identity; the
/// worker that saves it turns identities into the store's keys).
public enum StateEdit: Equatable, Sendable {
    case read([ArticleID])
    case unread([ArticleID])
    /// Where the reading was in an article (nil: at the top, nothing to keep).
    case position(ArticleID, PositionRecord?)
    /// The article selected when the reader was left.
    case lastSelected(ArticleID?)
}

/// A reading position with what is needed to check it later: the article's block count and a
/// fingerprint of the block it points into (the file's size and time are added when saved).
public struct PositionRecord: Equatable, Sendable {
    public var position: TextPosition
    public var blockCount: Int
    public var anchor: Int64?
    /// The file as it was parsed (nil: not known).
    public var stamp: FileStamp?

    public init(position: TextPosition, blockCount: Int, anchor: Int64?, stamp: FileStamp?) {
        self.position = position
        self.blockCount = blockCount
        self.anchor = anchor
        self.stamp = stamp
    }

    var saved: SavedPosition {
        SavedPosition(position: ReadingPosition(block: position.block, offset: position.offset), blockCount: blockCount,
                      signature: stamp.map { FileSignature(size: $0.size, modified: $0.modified) }, anchor: anchor)
    }
}

/// What the store held for the library when the reader opened it, by identity.
public struct SavedState: Equatable, Sendable {
    public var read: Set<ArticleID>
    public var positions: [ArticleID: SavedPosition]
    public var lastSelected: ArticleID?

    public init(read: Set<ArticleID> = [], positions: [ArticleID: SavedPosition] = [:], lastSelected: ArticleID? = nil) {
        self.read = read
        self.positions = positions
        self.lastSelected = lastSelected
    }
}

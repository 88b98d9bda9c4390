import Foundation

/// Where the reader was in an article: a block of the article and an offset inside it.
///
/// Both numbers are the reader's to define (a block index, and e.g. a character or line offset
/// within that block); the store keeps them as they are. They do not depend on the terminal's
/// width, so a position saved at 80 columns restores at 200.
public struct ReadingPosition: Hashable, Sendable {
    public var block: Int
    public var offset: Int

    public init(block: Int, offset: Int) {
        self.block = block
        self.offset = offset
    }
}

/// What a file looked like: its size and modification time, and optionally a hash of its
/// content. Two signatures differ when the file changed.
public struct FileSignature: Hashable, Sendable {
    public var size: Int64
    /// Modification time in nanoseconds since 1970.
    public var modified: Int64
    /// A hash of the content, when the caller computed one (nil: not compared).
    public var contentHash: Int64?

    public init(size: Int64, modified: Int64, contentHash: Int64? = nil) {
        self.size = size
        self.modified = modified
        self.contentHash = contentHash
    }

    /// The size and modification time of the file at `path` (following symlinks), or nil when
    /// it cannot be read.
    public static func of(path: String) -> FileSignature? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let nanoseconds = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        return FileSignature(size: Int64(info.st_size), modified: nanoseconds)
    }

    /// Whether `other` describes the same content: size and time equal, and the hashes equal
    /// when both are known.
    public func matches(_ other: FileSignature) -> Bool {
        guard size == other.size, modified == other.modified else { return false }
        if let contentHash, let theirs = other.contentHash { return contentHash == theirs }
        return true
    }
}

/// A reading position as saved, with what the reader needs to decide whether it still holds
/// once the file has changed.
public struct SavedPosition: Hashable, Sendable {
    public var position: ReadingPosition
    /// How many blocks the article had when the position was saved.
    public var blockCount: Int
    /// The file when the position was saved (nil: unknown).
    public var signature: FileSignature?
    /// A fingerprint of the block the position points into (see ``BlockFingerprint``), or nil.
    public var anchor: Int64?

    public init(position: ReadingPosition, blockCount: Int, signature: FileSignature? = nil, anchor: Int64? = nil) {
        self.position = position
        self.blockCount = blockCount
        self.signature = signature
        self.anchor = anchor
    }

    /// The position to open the article at as it is now, or nil to open it at the top.
    ///
    /// An unchanged file (same signature and block count) gets its position back. A changed one
    /// keeps it only if the block still exists: with an anchor, the block with that fingerprint
    /// (the nearest to where it was, if the text moved); without one, the same index, if the
    /// article still has that many blocks. The offset is kept as it was; the reader clamps it
    /// to the block.
    ///
    /// - Parameters:
    ///   - signature: the file now (nil: unknown, taken as unchanged).
    ///   - blockCount: how many blocks the article has now.
    ///   - fingerprint: the fingerprint of block `i` as it is now (only asked when the file
    ///     changed and an anchor was saved).
    public func restorable(signature now: FileSignature?, blockCount count: Int,
                           fingerprint: (Int) -> Int64? = { _ in nil }) -> ReadingPosition? {
        guard count > 0 else { return nil }
        let unchanged = (signature.flatMap { saved in now.map(saved.matches) } ?? true) && count == blockCount
        if !unchanged, let anchor {
            let order = (0..<count).sorted { abs($0 - position.block) < abs($1 - position.block) }
            guard let block = order.first(where: { fingerprint($0) == anchor }) else { return nil }
            return ReadingPosition(block: block, offset: position.offset)
        }
        return position.block < count ? position : nil
    }
}

/// A stable 64-bit fingerprint of a block's text (FNV-1a over its UTF-8), for
/// ``SavedPosition/anchor``.
public enum BlockFingerprint {
    public static func of(_ text: String) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return Int64(bitPattern: hash)
    }
}

/// What the store holds for one library, loaded in one go when the library opens.
public struct LibraryState: Equatable, Sendable {
    /// Library-relative paths of the articles marked read.
    public var read: Set<String>
    /// Saved reading positions, by library-relative path.
    public var positions: [String: SavedPosition]
    /// The article that was selected when the library was last left.
    public var lastSelected: String?
    /// The list's sort order, as the reader names it (nil: its default).
    public var sortOrder: String?

    public init(read: Set<String> = [], positions: [String: SavedPosition] = [:],
                lastSelected: String? = nil, sortOrder: String? = nil) {
        self.read = read
        self.positions = positions
        self.lastSelected = lastSelected
        self.sortOrder = sortOrder
    }
}

/// One change to a library's state. A batch of changes is saved in one transaction.
public enum StateChange: Equatable, Sendable {
    /// Mark these articles read (an article already read keeps its first read time).
    case markRead([String], at: Date)
    /// Mark these articles unread.
    case markUnread([String])
    /// Save where the reader is in an article; nil forgets it (the article opens at the top).
    case position(String, SavedPosition?)
    /// The article selected when the library is left (nil: none).
    case lastSelected(String?)
    /// The list's sort order (nil: the default).
    case sortOrder(String?)
}

/// One article's state, as `byline state export` prints it.
public struct ExportedArticle: Equatable, Sendable {
    /// The library's canonical path.
    public var library: String
    /// The article's path inside the library.
    public var path: String
    /// When it was marked read (nil: unread).
    public var readAt: Date?
    public var position: ReadingPosition?

    public var read: Bool { readAt != nil }

    public init(library: String, path: String, readAt: Date?, position: ReadingPosition?) {
        self.library = library
        self.path = path
        self.readAt = readAt
        self.position = position
    }
}

/// What `forgetMissing` did.
public struct ForgetSummary: Equatable, Sendable {
    /// Entries dropped because their file is gone.
    public var forgotten: Int
    /// Libraries left alone because their folder itself is missing (perhaps a disk that is not
    /// mounted): nothing in them was dropped.
    public var missingLibraries: [String]

    public init(forgotten: Int = 0, missingLibraries: [String] = []) {
        self.forgotten = forgotten
        self.missingLibraries = missingLibraries
    }
}

/// Somewhere that keeps articles already parsed (the reader's search index, which parses every
/// article when it indexes it), for ``Library/article(_:)`` to show an article without parsing
/// its file again.
///
/// Only exact answers count: what ``ArticleModelCodec`` made of what parser version `parser`
/// (``ArticleParser/version``) made of the article's file when it had exactly the size and
/// modification time of `stamp`. Called on the library's reading threads, never under the
/// library's lock; it may read a database, and must not call back into the library under a
/// lock of its own that the library's callers hold.
public protocol ParsedArticleSource: Sendable {
    /// The kept article `id` (nil: none for that file and parser).
    func parsedArticle(_ id: ArticleID, stamp: FileStamp, parser: Int) -> KeptArticle?
}

/// An article as a ``ParsedArticleSource`` keeps it: ``ArticleModelCodec``'s bytes and the
/// UTF-8 of its body text (``ArticleModelCodec/bodyText(of:)``), which the bytes may leave out
/// (empty when they do not need it: bytes that leave their texts to the file need the file's).
public struct KeptArticle: Sendable, Equatable {
    public var model: [UInt8]
    public var body: [UInt8]

    public init(model: [UInt8], body: [UInt8]) {
        self.model = model
        self.body = body
    }
}

/// Somewhere that keeps articles already parsed (the reader's search index, which parses every
/// article when it indexes it), for ``Library/article(_:)`` to show an article without parsing
/// its file again.
///
/// Only exact answers count: bytes that ``ArticleModelCodec/encode(_:)`` made of what parser
/// version `parser` (``ArticleParser/version``) made of the article's file when it had exactly
/// the size and modification time of `stamp`. Called on the library's reading threads, never
/// under the library's lock; it may read a database, and must not call back into the library
/// under a lock of its own that the library's callers hold.
public protocol ParsedArticleSource: Sendable {
    /// The kept bytes of article `id` (nil: none for that file and parser).
    func parsedArticle(_ id: ArticleID, stamp: FileStamp, parser: Int) -> [UInt8]?
}

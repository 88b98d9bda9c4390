/// How long an article takes to read, as far as is known.
public enum ReadingTime: Equatable, Sendable {
    /// Not known yet: the file was not looked at.
    case unknown
    /// Guessed from the file's size; becomes exact once the article is parsed.
    case estimate(Int)
    /// Counted from the parsed article.
    case exact(Int)
    /// The file could not be read.
    case unreadable
}

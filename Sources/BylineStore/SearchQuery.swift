/// A library search as the user typed it, read into terms. Reading never fails: whatever the
/// text, it is a query (perhaps one with nothing to search for; see ``SearchPlan``).
///
/// The language:
/// - `harbour bridge`: words; an article must have all of them (case and accents ignored).
/// - `"harbour master"`: an exact phrase (an unclosed `"` runs to the end of the query).
/// - `harb*`: words starting with `harb` (also `"harbour mas"*`).
/// - `-strike`, `-"local news"`: articles without it.
/// - `head:bridge`, `head:"swing bridge"`: in the headline only (`-head:` excludes).
/// - `by:Núñez`, `by:"Maria Núñez"`, `by:Nú*`: articles with a quote by a speaker whose name has
///   these words, in this order (so a surname, a first name or the full name); `-by:` excludes.
///
/// Anything else is a word: `OR`, `NEAR`, `AND`, `title:x`, `(`, a lone `*` or `-`. Field names
/// are read in any case (`BY:`, `Head:`).
public struct SearchQuery: Equatable, Sendable {
    /// Where a term must be found.
    public enum Field: Equatable, Sendable {
        case anywhere
        case headline
    }

    /// A word or a phrase to find (or to exclude).
    public struct Term: Equatable, Sendable {
        /// The text as typed, without its quotes, field or trailing `*`.
        public var text: String
        /// Quoted: its words must stand together in this order. (An unquoted word with
        /// punctuation inside, `O'Connor`, is a phrase of its parts all the same.)
        public var quoted: Bool
        /// It ended in `*`: its last word may be the start of a longer one.
        public var prefix: Bool
        public var field: Field
        public var excluded: Bool

        public init(_ text: String, quoted: Bool = false, prefix: Bool = false, field: Field = .anywhere, excluded: Bool = false) {
            self.text = text
            self.quoted = quoted
            self.prefix = prefix
            self.field = field
            self.excluded = excluded
        }
    }

    /// A `by:` filter: a speaker's name, or part of it.
    public struct Speaker: Equatable, Sendable {
        public var name: String
        public var prefix: Bool
        public var excluded: Bool

        public init(_ name: String, prefix: Bool = false, excluded: Bool = false) {
            self.name = name
            self.prefix = prefix
            self.excluded = excluded
        }
    }

    /// The words and phrases, in the order typed.
    public var terms: [Term]
    /// The `by:` filters, in the order typed.
    public var speakers: [Speaker]
    /// Fields typed with nothing after them (`by:` at the end), to say so.
    public var emptyFields: [String]

    public init(terms: [Term] = [], speakers: [Speaker] = [], emptyFields: [String] = []) {
        self.terms = terms
        self.speakers = speakers
        self.emptyFields = emptyFields
    }

    /// Reads a query.
    public init(_ text: String) {
        self.init()
        var reader = QueryReader(Array(text.unicodeScalars))
        while let item = reader.next() {
            switch item {
            case .term(let term): terms.append(term)
            case .speaker(let speaker): speakers.append(speaker)
            case .emptyField(let name): emptyFields.append(name)
            }
        }
    }

    /// The words to highlight in an article opened from the results: the terms that are not
    /// excluded, each with whether it is a prefix.
    public var highlights: [(text: String, prefix: Bool)] {
        terms.filter { !$0.excluded }.map { ($0.text, $0.prefix) }
    }
}

/// Splits a query's text into terms, one at a time.
private struct QueryReader {
    enum Item {
        case term(SearchQuery.Term)
        case speaker(SearchQuery.Speaker)
        case emptyField(String)
    }

    private let scalars: [Unicode.Scalar]
    private var at = 0

    init(_ scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    private static let quote: Unicode.Scalar = "\""
    private static let star: Unicode.Scalar = "*"
    private static let minus: Unicode.Scalar = "-"

    private func isSpace(_ index: Int) -> Bool {
        index >= scalars.count || scalars[index].properties.isWhitespace
    }

    mutating func next() -> Item? {
        while at < scalars.count && isSpace(at) { at += 1 }
        guard at < scalars.count else { return nil }
        // `-` excludes what follows it directly; alone it is a word (with nothing to find).
        var excluded = false
        if scalars[at] == Self.minus && !isSpace(at + 1) {
            excluded = true
            at += 1
        }
        let field = readField()
        if let field, isSpace(at) {
            return .emptyField(field + ":")
        }
        let (text, quoted, prefix) = readValue()
        switch field?.lowercased() {
        case "by":
            return .speaker(SearchQuery.Speaker(text, prefix: prefix, excluded: excluded))
        case "head":
            return .term(SearchQuery.Term(text, quoted: quoted, prefix: prefix, field: .headline, excluded: excluded))
        default:
            return .term(SearchQuery.Term(text, quoted: quoted, prefix: prefix, excluded: excluded))
        }
    }

    /// `by:` or `head:` (any case) at the reading point: consumed, and its name returned.
    private mutating func readField() -> String? {
        for name in ["by", "head"] {
            let count = name.unicodeScalars.count
            guard at + count < scalars.count, scalars[at + count] == ":" else { continue }
            let typed = String(String.UnicodeScalarView(scalars[at..<(at + count)]))
            guard typed.lowercased() == name else { continue }
            at += count + 1
            return typed
        }
        return nil
    }

    /// A quoted phrase (to its closing quote, or the end) or a bare word (to a space or a
    /// quote), then any `*` right after it.
    private mutating func readValue() -> (text: String, quoted: Bool, prefix: Bool) {
        var text = String.UnicodeScalarView()
        let quoted = scalars[at] == Self.quote
        if quoted {
            at += 1
            while at < scalars.count && scalars[at] != Self.quote {
                text.append(scalars[at])
                at += 1
            }
            if at < scalars.count { at += 1 }
        } else {
            while at < scalars.count && !isSpace(at) && scalars[at] != Self.quote {
                text.append(scalars[at])
                at += 1
            }
        }
        var prefix = false
        if quoted {
            while at < scalars.count && scalars[at] == Self.star {
                prefix = true
                at += 1
            }
        } else {
            while let last = text.last, last == Self.star {
                prefix = true
                text.removeLast()
            }
        }
        return (String(text), quoted, prefix)
    }
}

/// Hand-made labels for a folder of articles: who said each quotation, what is junk, which
/// lines are real crossheads. Read from a plain-text file (see `Corpus/dev/labels.who`):
///
/// ```
/// == <file name without .txt>        starts an article
/// h <headline>                       the headline a reader would give it
/// src <text> / date <text>           metadata lines above the headline
/// q <words from the quote> = <who>   one line per quotation, in reading order
/// fold <words>                       junk that should be folded away
/// x <text>                           a real crosshead
/// p <name>                           someone named who does not speak in quotes
/// ```
/// `<who>` is a person's name, `@Name` for an organisation, `-` when the text names nobody and
/// `?` for an anonymous source ("a spokesman", "sources said").
public struct QualityLabels: Sendable {
    /// Who a labelled quotation belongs to.
    public enum Speaker: Equatable, Sendable {
        case person(String)
        case organisation(String)
        /// The text names nobody.
        case unattributed
        /// An unnamed source: a spokesman, an official, "sources".
        case anonymous

        /// The name, for a person or an organisation.
        public var name: String? {
            switch self {
            case .person(let n), .organisation(let n): return n
            case .unattributed, .anonymous: return nil
            }
        }
    }

    /// One labelled quotation: a run of its words and who said it.
    public struct Quote: Equatable, Sendable {
        public var words: String
        public var speaker: Speaker
    }

    /// The labels of one article.
    public struct Article: Equatable, Sendable {
        public var id: String
        public var headline: String?
        public var source: String?
        public var date: String?
        public var quotes: [Quote] = []
        public var folds: [String] = []
        public var crossheads: [String] = []
        public var people: [String] = []

        /// Every name the labels give a person or organisation in this article.
        public var names: [String] {
            quotes.compactMap(\.speaker.name) + people
        }
    }

    public var articles: [Article]

    /// A line the parser of the label file did not understand.
    public struct ParseError: Error, CustomStringConvertible {
        public var line: Int
        public var text: String
        public var description: String { "labels line \(line): cannot read \"\(text)\"" }
    }

    /// Reads the label file's text.
    public init(text: String) throws {
        var articles: [Article] = []
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = TextScan.trim(raw)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("== ") {
                articles.append(Article(id: TextScan.trim(line.dropFirst(3))))
                continue
            }
            guard !articles.isEmpty, let space = line.firstIndex(of: " ") else {
                throw ParseError(line: number + 1, text: line)
            }
            let key = line[..<space]
            let value = TextScan.trim(line[space...])
            let k = articles.count - 1
            switch key {
            case "h": articles[k].headline = value
            case "src": articles[k].source = value
            case "date": articles[k].date = value
            case "fold": articles[k].folds.append(value)
            case "x": articles[k].crossheads.append(value)
            case "p": articles[k].people.append(value)
            case "q":
                guard let eq = value.range(of: " = ", options: .backwards) else {
                    throw ParseError(line: number + 1, text: line)
                }
                let who = TextScan.trim(value[eq.upperBound...])
                let speaker: Speaker
                switch who {
                case "-": speaker = .unattributed
                case "?": speaker = .anonymous
                default: speaker = who.hasPrefix("@") ? .organisation(String(who.dropFirst())) : .person(who)
                }
                articles[k].quotes.append(Quote(words: TextScan.trim(value[..<eq.lowerBound]), speaker: speaker))
            default:
                throw ParseError(line: number + 1, text: line)
            }
        }
        self.articles = articles
    }
}

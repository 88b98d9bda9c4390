/// One line of an article for a results row, with where the matched words are in it.
struct Snippet: Equatable {
    /// How many tokens FTS5's `snippet()` puts in a snippet: about a line of a wide terminal.
    static let tokens = 16
    /// What FTS5 is asked to put around a matched word: controls, which article text never
    /// holds (it is sanitised when read).
    static let open: Unicode.Scalar = "\u{02}"
    static let close: Unicode.Scalar = "\u{03}"

    var text: String
    var matches: [Range<String.Index>]

    init(text: String, matches: [Range<String.Index>]) {
        self.text = text
        self.matches = matches
    }

    /// From FTS5's `snippet()` output: the markers taken out and turned into ranges, line
    /// breaks (between paragraphs) turned into spaces.
    init(marked: String) {
        var scalars = String.UnicodeScalarView()
        var spans: [Range<Int>] = []
        var start: Int?
        var count = 0
        for scalar in marked.unicodeScalars {
            switch scalar {
            case Self.open:
                start = count
            case Self.close:
                if let begin = start, begin < count { spans.append(begin..<count) }
                start = nil
            default:
                scalars.append(scalar == "\n" || scalar == "\r" ? " " : scalar)
                count += 1
            }
        }
        let text = String(scalars)
        self.init(text: text, matches: Self.ranges(spans, in: text))
    }

    /// A quote and its speaker: `“…” — Name`, the name marked.
    init(quote: String, speaker: String) {
        let text = "“\(quote)” — \(speaker)"
        let end = text.unicodeScalars.count
        let begin = end - speaker.unicodeScalars.count
        self.init(text: text, matches: Self.ranges([begin..<end], in: text))
    }

    /// Unicode-scalar offsets as ranges of `text`.
    private static func ranges(_ spans: [Range<Int>], in text: String) -> [Range<String.Index>] {
        let view = text.unicodeScalars
        return spans.map { span in
            let lower = view.index(view.startIndex, offsetBy: span.lowerBound)
            let upper = view.index(lower, offsetBy: span.count)
            return lower..<upper
        }
    }
}

import Foundation

/// Turns the bytes of an article file into an `Article`.
///
/// ## Shapes
/// Two file shapes are read:
/// - **One paragraph per line** (no blank line between the first and last text lines):
///   line 1 is the headline, line 2 the standfirst, each further line a paragraph. When there
///   are only two lines, the second is the body, not a standfirst.
/// - **Blank-line separated**: blocks of lines separated by blank lines. A block whose lines
///   (all but its last) are at most 100 characters is one wrapped paragraph, its lines joined
///   with a space; a block of longer lines is one paragraph per line. A crosshead line inside a
///   block stands on its own.
///
/// ## Headline and standfirst
/// The headline is the first non-empty line. A first line over 400 characters (a whole article
/// on one line) is split: its first sentence (or its first 200 characters and an ellipsis) is the
/// headline and the rest the first paragraph.
///
/// In the blank-line shape the **standfirst** is the first paragraph after the headline when it
/// is a single paragraph of at most 60 words standing alone in its block (or the first line of a
/// block of unwrapped lines), is neither a crosshead, boilerplate, nor a pull quote, and at least
/// one more paragraph follows it. Otherwise there is no standfirst.
///
/// ## Blocks
/// - **Crosshead**: at most 10 words and 80 characters, once wrapping quote marks (`'…'`, `‘…’`)
///   are removed at least two capital letters and no lower-case letter, not ending in a full stop.
/// - **Pull quote**: a paragraph of at most 80 words that repeats speech quoted elsewhere in the
///   article, followed by an attribution line (at most 8 words, no closing punctuation or quote
///   marks, naming someone). See `PullQuoteMatcher` for "repeats".
/// - **Boilerplate**: promotional or contact footers (see `isBoilerplate`).
/// - Everything else is a paragraph. Whitespace inside a block is collapsed to single spaces.
///
/// Work is bounded: at most `TextDecoding.byteCap` bytes are parsed, every scan is linear, and
/// pull-quote matching hashes normalised sentence fragments.
public enum ArticleParser {
    /// Parses a file's bytes.
    public static func parse(data: Data, id: String, path: String) -> Article {
        switch TextDecoding.decode(data) {
        case .binary(let reason):
            return unreadable(id: id, path: path, reason: reason)
        case .text(let text, let warnings):
            return parse(text: text, id: id, path: path, warnings: warnings, wasEmpty: data.isEmpty)
        }
    }

    /// An article that could not be read: its headline is the file's id, its body empty.
    public static func unreadable(id: String, path: String, reason: String) -> Article {
        Article(id: id, path: path, headline: placeholderHeadline(id: id), standfirst: nil, blocks: [],
                quotes: [], warnings: [reason], words: 0, unreadableReason: reason)
    }

    /// The headline shown for a file without one: its sanitised id.
    public static func placeholderHeadline(id: String) -> String {
        let clean = TextScan.trim(TextSanitizer.sanitize(id).replacingOccurrences(of: "\n", with: " "))
        return clean.isEmpty ? "(untitled)" : clean
    }

    /// What a cheap headline read found.
    public enum HeadlineRead: Equatable, Sendable {
        case headline(String)
        case unreadable(reason: String)
    }

    /// The headline from the first bytes of a file, decoded and sanitised exactly as `parse` does.
    /// - Parameter complete: whether `prefix` is the whole file.
    public static func headline(prefix: Data, id: String, complete: Bool) -> HeadlineRead {
        switch TextDecoding.decode(prefix, complete: complete) {
        case .binary(let reason):
            return .unreadable(reason: reason)
        case .text(let text, _):
            for line in TextScan.lines(text) where !line.isEmpty {
                let t = collapse(line)
                if !t.isEmpty { return .headline(splitLongHeadline(t).headline) }
            }
            return .headline(placeholderHeadline(id: id))
        }
    }

    // MARK: - Parsing clean text

    /// A paragraph before classification.
    struct RawParagraph {
        var text: String
        /// For a wrapped block whose last line looks like an attribution: the text without it.
        var head: String?
        var tail: String?
        /// Alone in its block (blank-line shape) or a line (line shape).
        var alone: Bool
        /// First line of a block of unwrapped lines.
        var firstOfLines: Bool
    }

    static func parse(text: String, id: String, path: String, warnings: [String], wasEmpty: Bool) -> Article {
        var warnings = warnings
        let lines = TextScan.lines(text)
        guard let first = lines.firstIndex(where: { !isBlank($0) }) else {
            warnings.append(wasEmpty ? "empty file" : "no text")
            return Article(id: id, path: path, headline: placeholderHeadline(id: id), standfirst: nil,
                           blocks: [], quotes: [], warnings: warnings, words: 0)
        }
        let last = lines.lastIndex(where: { !isBlank($0) })!
        let blankShape = lines[first...last].contains(where: isBlank)

        let (headline, headRest) = splitLongHeadline(collapse(lines[first]))
        if headRest != nil { warnings.append("first line over 400 characters: split after the headline") }
        var raw: [RawParagraph] = []
        if let rest = headRest {
            raw.append(RawParagraph(text: rest, alone: false, firstOfLines: false))
        }
        if blankShape {
            var group: [Substring] = []
            for line in lines[(first + 1)..<(last + 1)] {
                if isBlank(line) {
                    appendGroup(group, to: &raw)
                    group.removeAll()
                } else {
                    group.append(line)
                }
            }
            appendGroup(group, to: &raw)
        } else {
            for line in lines[(first + 1)..<(last + 1)] where !isBlank(line) {
                raw.append(RawParagraph(text: collapse(line), alone: true, firstOfLines: true))
            }
        }

        // Standfirst.
        var standfirst: String?
        if headRest == nil, raw.count >= 2 {
            let c = raw[0]
            let ok: Bool
            if blankShape {
                ok = (c.alone && TextScan.countWords(c.text) <= 60) || c.firstOfLines
            } else {
                ok = true
            }
            if ok && !isCrosshead(c.text) && !isBoilerplate(c.text, nearEnd: false) && c.tail == nil {
                standfirst = c.text
                raw.removeFirst()
            }
        }

        let body = classify(raw)
        var words = TextScan.countWords(headline) + (standfirst.map { TextScan.countWords($0) } ?? 0)
        for b in body.blocks where b.kind != .boilerplate {
            words += TextScan.countWords(b.text) + (b.attribution.map { TextScan.countWords($0) } ?? 0)
        }
        return Article(id: id, path: path, headline: headline, standfirst: standfirst, blocks: body.blocks,
                       quotes: body.quotes, warnings: warnings, words: words)
    }

    /// One blank-line block of lines into raw paragraphs.
    private static func appendGroup(_ group: [Substring], to raw: inout [RawParagraph]) {
        guard !group.isEmpty else { return }
        if group.count == 1 {
            raw.append(RawParagraph(text: collapse(group[0]), alone: true, firstOfLines: false))
            return
        }
        let wrapped = group.dropLast().allSatisfy { $0.unicodeScalars.count <= 100 }
        if !wrapped {
            for (k, line) in group.enumerated() {
                raw.append(RawParagraph(text: collapse(line), alone: false, firstOfLines: k == 0))
            }
            return
        }
        // Wrapped: join, but let crosshead lines stand alone.
        var pieces: [[String]] = [[]]
        for line in group {
            let t = collapse(line)
            if isCrosshead(t) {
                if !pieces[pieces.count - 1].isEmpty { pieces.append([]) }
                pieces[pieces.count - 1].append(t)
                pieces.append([])
            } else {
                pieces[pieces.count - 1].append(t)
            }
        }
        pieces.removeAll(where: { $0.isEmpty })
        let alone = pieces.count == 1
        for p in pieces {
            var para = RawParagraph(text: p.joined(separator: " "), alone: alone, firstOfLines: false)
            if p.count >= 2, isAttributionLike(p[p.count - 1]) {
                para.head = p.dropLast().joined(separator: " ")
                para.tail = p[p.count - 1]
            }
            raw.append(para)
        }
    }

    // MARK: - Classification

    struct Body {
        var blocks: [Block]
        var quotes: [Quote]
    }

    private enum Kind { case paragraph, crosshead, boilerplate }

    static func classify(_ raw: [RawParagraph]) -> Body {
        let n = raw.count
        var kinds: [Kind] = []
        kinds.reserveCapacity(n)
        for (i, p) in raw.enumerated() {
            if isCrosshead(p.text) {
                kinds.append(.crosshead)
            } else if isBoilerplate(p.text, nearEnd: i >= n - 3) {
                kinds.append(.boilerplate)
            } else {
                kinds.append(.paragraph)
            }
        }

        // Quotes in paragraphs.
        var finder = QuoteFinder()
        var found: [QuoteFinder.Found] = []
        for i in 0..<n where kinds[i] == .paragraph {
            found += finder.quotes(inParagraph: raw[i].text, index: i)
        }

        // Pull quotes: paragraph + attribution paragraph, or a wrapped block ending in one.
        var matcher = PullQuoteMatcher(quotes: found)
        struct Pull { var text: String; var attribution: String; var repeats: Int; var consumesNext: Bool }
        var pulls: [Int: Pull] = [:]
        var i = 0
        while i < n {
            guard kinds[i] == .paragraph else { i += 1; continue }
            if i + 1 < n, kinds[i + 1] == .paragraph, raw[i].tail == nil, isAttributionLike(raw[i + 1].text),
               let q = matcher.match(raw[i].text, notInParagraph: i) {
                pulls[i] = Pull(text: TextScan.stripWrappingQuotes(raw[i].text), attribution: raw[i + 1].text,
                                repeats: q, consumesNext: true)
                i += 2
                continue
            }
            if let head = raw[i].head, let tail = raw[i].tail, let q = matcher.match(head, notInParagraph: i) {
                pulls[i] = Pull(text: TextScan.stripWrappingQuotes(head), attribution: tail, repeats: q, consumesNext: false)
            }
            i += 1
        }

        // Assemble blocks and quotes in reading order.
        var blocks: [Block] = []
        var blockOfParagraph = [Int](repeating: -1, count: n)
        var pullBlocks: [(block: Int, pull: Pull)] = []
        var skip = false
        for i in 0..<n {
            if skip { skip = false; continue }
            if let p = pulls[i] {
                blockOfParagraph[i] = blocks.count
                pullBlocks.append((blocks.count, p))
                blocks.append(Block(kind: .pullquote, text: p.text, attribution: p.attribution))
                skip = p.consumesNext
                continue
            }
            blockOfParagraph[i] = blocks.count
            switch kinds[i] {
            case .paragraph: blocks.append(Block(kind: .paragraph, text: raw[i].text))
            case .crosshead: blocks.append(Block(kind: .crosshead, text: raw[i].text))
            case .boilerplate: blocks.append(Block(kind: .boilerplate, text: raw[i].text))
            }
        }
        // Body quotes keep their order; pull quotes go in at their block.
        var quotes: [Quote] = []
        var newIndex = [Int](repeating: -1, count: found.count)
        var pullCursor = 0
        func flushPulls(upTo block: Int) {
            while pullCursor < pullBlocks.count, pullBlocks[pullCursor].block <= block {
                let (b, p) = pullBlocks[pullCursor]
                let speaker = QuoteFinder.name(fromSubject: p.attribution) ?? found[p.repeats].speaker
                quotes.append(Quote(text: p.text, speaker: speaker, block: b, pull: true, repeats: p.repeats))
                pullCursor += 1
            }
        }
        for (k, f) in found.enumerated() {
            if pulls[f.paragraph] != nil { continue }  // the pull line's own quote marks
            if f.paragraph > 0, let p = pulls[f.paragraph - 1], p.consumesNext { continue }
            let b = blockOfParagraph[f.paragraph]
            flushPulls(upTo: b - 1)
            newIndex[k] = quotes.count
            quotes.append(Quote(text: f.text, speaker: f.speaker, block: b, pull: false))
        }
        flushPulls(upTo: Int.max)
        for k in quotes.indices where quotes[k].pull {
            if let r = quotes[k].repeats, newIndex[r] >= 0 {
                quotes[k].repeats = newIndex[r]
            } else {
                quotes[k].repeats = nil
            }
        }
        return Body(blocks: blocks, quotes: quotes)
    }

    // MARK: - Line tests

    static func isBlank<S: StringProtocol>(_ line: S) -> Bool {
        line.unicodeScalars.allSatisfy(TextScan.isSpace)
    }

    /// Trimmed, with runs of whitespace collapsed to one space.
    static func collapse<S: StringProtocol>(_ s: S) -> String {
        var out = ScalarWriter()
        var pending = false
        for c in s.unicodeScalars {
            if TextScan.isSpace(c) {
                pending = !out.isEmpty
            } else {
                if pending { out.append(" "); pending = false }
                out.append(c)
            }
        }
        return out.string
    }

    /// Headline and remainder for a first line; only an over-long line is split.
    static func splitLongHeadline(_ line: String) -> (headline: String, rest: String?) {
        let limit = 400
        guard line.utf8.count > limit, line.unicodeScalars.count > limit else { return (line, nil) }
        let scalars = Array(line.unicodeScalars.prefix(limit + 1))
        // First sentence end (". ", "! ", "? ") after 10 characters.
        var cut: Int?
        for k in 10..<(scalars.count - 1) {
            let c = scalars[k]
            if (c == "." || c == "!" || c == "?") && scalars[k + 1] == " " { cut = k + 1; break }
        }
        let all = line.unicodeScalars
        if let cut {
            let idx = all.index(all.startIndex, offsetBy: cut)
            return (String(all[..<idx]), TextScan.trim(String(all[idx...])))
        }
        var space = 200
        while space > 20 && scalars[space] != " " { space -= 1 }
        if scalars[space] != " " { space = 200 }
        let idx = all.index(all.startIndex, offsetBy: space)
        return (TextScan.trim(String(all[..<idx])) + "…", TextScan.trim(String(all[idx...])))
    }

    /// A crosshead: a short line in capitals, maybe in quote marks (see the type's notes).
    public static func isCrosshead(_ text: String) -> Bool {
        guard text.unicodeScalars.count <= 80, !text.isEmpty else { return false }
        let inner = TextScan.stripWrappingQuotes(text)
        guard !inner.isEmpty, !inner.hasSuffix("."), !inner.hasSuffix(","), !inner.hasSuffix(":") else { return false }
        let words = inner.split(whereSeparator: TextScan.isSpace)
        guard words.count <= 10 else { return false }
        var upper = 0
        for c in inner.unicodeScalars {
            let p = c.properties
            if p.isLowercase { return false }
            if p.isUppercase { upper += 1 }
        }
        return upper >= 2
    }

    /// A line that can sign a pull quote: a name or a role, at most 8 words and 80 characters,
    /// no closing punctuation, no double quote marks, at least one capitalised (or uncased) word.
    public static func isAttributionLike(_ text: String) -> Bool {
        guard !text.isEmpty, text.unicodeScalars.count <= 80 else { return false }
        guard let last = text.unicodeScalars.last, !".!?:;,…\"“”".unicodeScalars.contains(last) else { return false }
        guard !text.unicodeScalars.contains(where: { QuoteFinder.openers.contains($0) || QuoteFinder.closers.contains($0) }) else { return false }
        let words = text.split(whereSeparator: TextScan.isSpace)
        guard (1...8).contains(words.count) else { return false }
        guard let f = text.unicodeScalars.first, f.properties.isAlphabetic else { return false }
        if isCrosshead(text) && words.count > 1 && text.unicodeScalars.count > 30 { return false }
        return words.contains { w in
            guard let c = w.unicodeScalars.first else { return false }
            return c.properties.isUppercase || (c.properties.isAlphabetic && !c.properties.isLowercase)
        }
    }

    /// Promotional or contact footers.
    ///
    /// Anywhere in the article: "[email protected]" (an address hidden by a web page), "click
    /// here", "we pay for your stories", "©", "all rights reserved", a line opening "Copyright",
    /// "sign up to/for our newsletter", "follow us on". In the last three blocks, or in a short
    /// paragraph (at most 40 words) that asks to be contacted ("email us", "call us", "contact
    /// us", "get in touch", "WhatsApp"), also an e-mail address or a phone number.
    public static func isBoilerplate(_ text: String, nearEnd: Bool) -> Bool {
        if boilerplatePhrases.found(in: text) { return true }
        if TextScan.hasPrefixIgnoringCase(text, "copyright") || TextScan.hasPrefixIgnoringCase(text, "(c) ") { return true }
        let asks = contactPhrases.found(in: text) && TextScan.countWords(text) <= 40
        guard nearEnd || asks else { return false }
        return containsEmail(text) || containsPhone(text)
    }

    /// Phrases that make a paragraph promotional wherever it is.
    private static let boilerplatePhrases = TextScan.Needles([
        "[email protected]", "[email&#160;protected]", "click here", "we pay for your stories",
        "©", "all rights reserved", "sign up to our newsletter", "sign up for our newsletter",
        "follow us on", "subscribe to our newsletter",
    ])
    /// Phrases asking readers to get in touch: promotional in a short paragraph with an address.
    private static let contactPhrases = TextScan.Needles([
        "email us", "e-mail us", "call us", "contact us", "get in touch", "whatsapp", "text us",
    ])

    static func containsEmail(_ text: String) -> Bool {
        guard text.utf8.contains(UInt8(ascii: "@")) else { return false }
        for token in text.split(whereSeparator: TextScan.isSpace) where token.contains("@") {
            let parts = token.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2 else { continue }
            let local = parts[0].unicodeScalars.filter(TextScan.isWordScalar)
            let domain = parts[1]
            if !local.isEmpty, let dot = domain.lastIndex(of: "."),
               domain[domain.index(after: dot)...].filter({ $0.isLetter }).count >= 2 {
                return true
            }
        }
        return false
    }

    /// A phone number: ten or more digits (nine when it starts with 0, + or a bracket) in a run
    /// broken only by spaces, dashes or brackets.
    static func containsPhone(_ text: String) -> Bool {
        var digits = 0
        var leading = false
        for c in text.unicodeScalars {
            if c.value >= 0x30 && c.value <= 0x39 {
                if digits == 0 && !leading { leading = c == "0" }
                digits += 1
                if digits >= 10 || (digits >= 9 && leading) { return true }
            } else if (c == " " || c == "-" || c == ")") && digits > 0 {
                continue
            } else if (c == "+" || c == "(") && digits == 0 {
                leading = true
            } else {
                digits = 0
                leading = false
            }
        }
        return false
    }
}

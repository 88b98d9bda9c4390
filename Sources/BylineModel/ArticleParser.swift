import Foundation

/// Turns the bytes of an article file into an `Article`.
///
/// ## Lines
/// Every line is trimmed and its whitespace (no-break spaces too) collapsed; CSV-escaped quote
/// marks are undone (a run of `""` becomes `"`); `¿` standing for an apostrophe or a single quote
/// (a known artefact of BBC copy: `Mr Blair¿s`, `&#191;` before decoding) becomes `'`, `‘` or `’`
/// when the line has one between letters.
///
/// ## Metadata and headline
/// Up to three lines above the headline that are a URL or a date (see `Metadata`) are kept as
/// `source` and `date`; the headline is the first line after them. A first line over 400
/// characters (a whole article on one line) is split: its first sentence (or its first 200
/// characters and an ellipsis) is the headline and the rest the first paragraph.
///
/// ## Shapes
/// - **One paragraph per line** (no blank line between the first and last text lines): line 2
///   is the standfirst when it has at most 80 words and more lines follow; each further line a
///   paragraph.
/// - **Blank-line separated**: blocks of lines separated by blank lines. In a block of short
///   lines (at most 100 characters), a line joins the next when the next opens in lower case or
///   when the next line's first word would not have fitted on it (a wrapped line); so bullets,
///   datelines, credits and "Play …" lines stay lines of their own. A block of longer lines is one
///   paragraph per line. The standfirst is the first paragraph when it stands alone in its block
///   with at most 60 words (or opens a block of unwrapped lines) and more follows.
///
/// ## Paragraphs
/// A paragraph over 150 words is split at sentence ends (see `Sentences`) into paragraphs of
/// at least 40 words, never inside a double quotation: a wire story on one line reads in
/// paragraphs. Junk sentences (see `Boilerplate`) are split off into folded blocks of their own;
/// a paragraph folds whole only when every sentence is junk (a short prose sentence between two
/// junk ones counts as junk), so a long run of prose is never folded.
///
/// ## Blocks
/// - **Crosshead**: at most 10 words and 80 characters, once wrapping quote marks (`'…'`, `‘…’`)
///   are removed at least two capital letters and no lower-case letter, not ending in a full stop,
///   not a time ("2000 GMT"), not in brackets ("(APPLAUSE)") and not junk ("ADVERTISEMENT").
/// - **Pull quote**: a paragraph of at most 80 words that repeats speech quoted elsewhere in the
///   article, followed by an attribution line (at most 8 words, no closing punctuation or double
///   quote marks, naming someone, maybe after a dash: `— Elin Voss, harbourmaster`). After a dash
///   the attribution is enough: a quoted line above `— Name` is a pull quote even when the body
///   does not repeat it. See `PullQuoteMatcher` for "repeats".
/// - **Boilerplate**: junk lines and sentences (see `Boilerplate`).
/// - Everything else is a paragraph.
///
/// ## Quotes
/// `QuoteFinder` reads the standfirst and the paragraphs in order, then the headline; a headline
/// quote that the body repeats is left to the body.
///
/// Work is bounded: at most `TextDecoding.byteCap` bytes are parsed, every scan is linear, and
/// pull-quote matching hashes normalised sentence fragments.
public enum ArticleParser {
    /// The version of what ``parse(data:id:path:)`` makes of a file: parsed articles kept
    /// elsewhere (the search index's, see ``ArticleModelCodec``) are used only when they were
    /// made by this version. Any change to the parse's output must raise it:
    /// `ParserVersionTests` hashes the output on the repository's articles and compares the
    /// hash with ``outputDigest``, recorded for this version.
    public static let version = 1

    /// The hash of the parse's output on the repository's articles that ``version`` stands for
    /// (see `ParserVersionTests`, which prints the new one when it differs).
    public static let outputDigest = "c7457b63aacc5634"

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
        let sanitized = TextSanitizer.sanitize(id)
        // (Foundation's replace costs about 25 k instructions even with nothing to replace.)
        let flat = TextScan.contains(sanitized, byte: 0x0A) ? sanitized.replacingOccurrences(of: "\n", with: " ") : sanitized
        let clean = TextScan.trim(flat)
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
            guard let top = top(of: TextLines(text)) else { return .headline(placeholderHeadline(id: id)) }
            return .headline(splitLongHeadline(top.headline).headline)
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
        /// Set by `BodySplitter`: junk to fold.
        var junk = false
        /// Set by `BodySplitter`: the words of `text`, when it counted them.
        var words: Int?
    }

    /// The metadata lines, the headline and the index of the headline's line.
    struct Top {
        var source: String?
        var date: String?
        var headline: String
        var line: Int
    }

    /// The top of a file: up to three URL or date lines, then the headline; nil for no text.
    static func top(of lines: TextLines) -> Top? {
        var source: String?
        var date: String?
        var firstText: (String, Int)?
        var metadataLines = 0
        for k in 0..<lines.count where !lines.blank[k] {
            let t = lines.collapsed(k)
            if t.isEmpty { continue }
            if firstText == nil { firstText = (t, k) }
            if metadataLines < 3, let kind = Metadata.kind(of: t) {
                metadataLines += 1
                switch kind {
                case .source where source == nil: source = t
                case .date where date == nil: date = t
                default: return Top(source: source, date: date, headline: t, line: k)
                }
                continue
            }
            return Top(source: source, date: date, headline: t, line: k)
        }
        // Nothing but metadata: the first line is the headline after all.
        guard let (t, k) = firstText else { return nil }
        return Top(source: nil, date: nil, headline: t, line: k)
    }

    static func parse(text: String, id: String, path: String, warnings: [String], wasEmpty: Bool) -> Article {
        var warnings = warnings
        let lines = TextLines(text)
        guard let top = top(of: lines) else {
            warnings.append(wasEmpty ? "empty file" : "no text")
            return Article(id: id, path: path, headline: placeholderHeadline(id: id), standfirst: nil,
                           blocks: [], quotes: [], warnings: warnings, words: 0)
        }
        let first = top.line
        let last = lines.blank.lastIndex(of: false)!
        let blankShape = first < last && lines.blank[first...last].contains(true)

        let (headline, headRest) = splitLongHeadline(top.headline)
        if headRest != nil { warnings.append("first line over 400 characters: split after the headline") }
        var raw: [RawParagraph] = []
        raw.reserveCapacity(last - first + 1)
        if let rest = headRest {
            raw.append(RawParagraph(text: rest, alone: false, firstOfLines: false))
        }
        if first < last {
            if blankShape {
                var group: [Int] = []
                for k in (first + 1)...last {
                    if lines.blank[k] {
                        appendGroup(group, of: lines, to: &raw)
                        group.removeAll(keepingCapacity: true)
                    } else {
                        group.append(k)
                    }
                }
                appendGroup(group, of: lines, to: &raw)
            } else {
                for k in (first + 1)...last where !lines.blank[k] {
                    raw.append(RawParagraph(text: lines.collapsed(k), alone: true, firstOfLines: true))
                }
            }
        }

        // Standfirst.
        var standfirst: String?
        if headRest == nil, raw.count >= 2 {
            let c = raw[0]
            let words = TextScan.countWords(c.text)
            let ok = blankShape ? (c.alone && words <= 60) || (c.firstOfLines && words <= 80) : words <= 80
            if ok && !isCrosshead(c.text) && !Boilerplate.isJunkLine(c.text) && c.tail == nil {
                standfirst = c.text
                raw.removeFirst()
            }
        }

        let body = classify(BodySplitter.expand(raw), headline: headline, standfirst: standfirst)
        var words = TextScan.countWords(headline) + (standfirst.map { TextScan.countWords($0) } ?? 0)
        for (b, counted) in zip(body.blocks, body.words) where b.kind != .boilerplate {
            words += (counted ?? TextScan.countWords(b.text)) + (b.attribution.map { TextScan.countWords($0) } ?? 0)
        }
        return Article(id: id, path: path, headline: headline, standfirst: standfirst, blocks: body.blocks,
                       quotes: body.quotes, warnings: warnings, words: words,
                       source: top.source, date: top.date)
    }

    /// One blank-line block of lines (their numbers in `lines`) into raw paragraphs.
    private static func appendGroup(_ group: [Int], of lines: TextLines, to raw: inout [RawParagraph]) {
        guard !group.isEmpty else { return }
        if group.count == 1 {
            raw.append(RawParagraph(text: lines.collapsed(group[0]), alone: true, firstOfLines: false))
            return
        }
        let wrapped = group.dropLast().allSatisfy { lines.scalarCount($0) <= 100 }
        if !wrapped {
            for (k, line) in group.enumerated() {
                raw.append(RawParagraph(text: lines.collapsed(line), alone: false, firstOfLines: k == 0))
            }
            return
        }
        // Short lines: join the wrapped ones; crossheads, bullets and lines that were not
        // wrapped (the next line's first word would have fitted) stand alone.
        let texts = group.map { lines.collapsed($0) }
        let width = texts.map { TextScan.scalarCount($0) }.max() ?? 0
        var pieces: [[String]] = [[]]
        for (k, t) in texts.enumerated() {
            pieces[pieces.count - 1].append(t)
            guard k + 1 < texts.count else { break }
            let next = texts[k + 1]
            if !joinsNext(t, next, width: width) { pieces.append([]) }
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

    /// Whether a short line was wrapped onto the next one.
    private static func joinsNext(_ line: String, _ next: String, width: Int) -> Bool {
        guard let f = next.unicodeScalars.first else { return false }
        if isCrosshead(line) || isCrosshead(next) { return false }
        if "•·*●▪–—-".unicodeScalars.contains(f) || f.properties.numericType != nil && next.hasPrefix("\(f).") { return false }
        if f.properties.isLowercase { return true }
        if Boilerplate.isJunkLine(line) || Boilerplate.isJunkLine(next) { return false }
        let firstWord = next.unicodeScalars.prefix { !TextScan.isSpace($0) }.count
        return TextScan.scalarCount(line) + 1 + firstWord > width
    }

    // MARK: - Classification

    struct Body {
        var blocks: [Block]
        var quotes: [Quote]
        /// Per block, the words of its text when they were counted already.
        var words: [Int?]
    }

    private enum Kind { case paragraph, crosshead, boilerplate }

    static func classify(_ raw: [RawParagraph], headline: String, standfirst: String?) -> Body {
        let n = raw.count
        let kinds: [Kind] = raw.map { p in p.junk ? .boilerplate : isCrosshead(p.text) ? .crosshead : .paragraph }

        // Quotes: the standfirst, then the paragraphs, with the headline's people known.
        var finder = QuoteFinder()
        finder.readHeadline(headline)
        let standfirstQuotes = standfirst.map { finder.quotes(inParagraph: $0, index: -1) } ?? []
        var found: [QuoteFinder.Found] = []
        for i in 0..<n where kinds[i] == .paragraph {
            found += finder.quotes(inParagraph: raw[i].text, index: i)
        }

        // Pull quotes: paragraph + attribution paragraph, or a wrapped block ending in one.
        var matcher = PullQuoteMatcher(quotes: found)
        struct Pull { var text: String; var attribution: String; var repeats: Int?; var consumesNext: Bool }
        var pulls: [Int: Pull] = [:]
        var i = 0
        while i < n {
            guard kinds[i] == .paragraph else { i += 1; continue }
            if i + 1 < n, kinds[i + 1] == .paragraph, raw[i].tail == nil, isAttributionLike(raw[i + 1].text) {
                let q = matcher.match(raw[i].text, notInParagraph: i)
                // After a dash the attribution line is enough for a quoted line of its own.
                // (A line of quote marks alone quotes nothing: it stays a paragraph.)
                let stripped = TextScan.stripWrappingQuotes(raw[i].text)
                let signed = startsWithDash(raw[i + 1].text) && stripped != raw[i].text
                    && TextScan.countWords(raw[i].text) <= 80
                if (q != nil || signed) && TextScan.countWords(stripped) > 0 {
                    pulls[i] = Pull(text: stripped, attribution: withoutDash(raw[i + 1].text),
                                    repeats: q, consumesNext: true)
                    i += 2
                    continue
                }
            }
            if let head = raw[i].head, let tail = raw[i].tail, let q = matcher.match(head, notInParagraph: i),
               TextScan.countWords(TextScan.stripWrappingQuotes(head)) > 0 {
                pulls[i] = Pull(text: TextScan.stripWrappingQuotes(head), attribution: withoutDash(tail), repeats: q, consumesNext: false)
            }
            i += 1
        }

        // Assemble blocks and quotes in reading order.
        var blocks: [Block] = []
        var blockWords: [Int?] = []
        blocks.reserveCapacity(n)
        blockWords.reserveCapacity(n)
        var blockOfParagraph = [Int](repeating: -1, count: n)
        var pullBlocks: [(block: Int, pull: Pull)] = []
        var skip = false
        for i in 0..<n {
            if skip { skip = false; continue }
            if let p = pulls[i] {
                blockOfParagraph[i] = blocks.count
                pullBlocks.append((blocks.count, p))
                blocks.append(Block(kind: .pullquote, text: p.text, attribution: p.attribution))
                blockWords.append(nil)
                skip = p.consumesNext
                continue
            }
            blockOfParagraph[i] = blocks.count
            blockWords.append(raw[i].words)
            switch kinds[i] {
            case .paragraph: blocks.append(Block(kind: .paragraph, text: raw[i].text))
            case .crosshead: blocks.append(Block(kind: .crosshead, text: raw[i].text))
            case .boilerplate: blocks.append(Block(kind: .boilerplate, text: raw[i].text))
            }
        }
        var quotes = finder.headlineQuotes(headline, besides: standfirstQuotes + found).map {
            Quote(text: $0.text, speaker: $0.speaker, block: -1, pull: false, speakerEvidence: $0.evidence, place: .headline)
        }
        quotes += standfirstQuotes.map {
            Quote(text: $0.text, speaker: $0.speaker, block: -1, pull: false, speakerEvidence: $0.evidence, place: .standfirst)
        }
        // Body quotes keep their order; pull quotes go in at their block.
        var newIndex = [Int](repeating: -1, count: found.count)
        var pullCursor = 0
        func flushPulls(upTo block: Int) {
            while pullCursor < pullBlocks.count, pullBlocks[pullCursor].block <= block {
                let (b, p) = pullBlocks[pullCursor]
                let named = QuoteFinder.name(fromAttribution: p.attribution)
                let speaker = named ?? p.repeats.flatMap { found[$0].speaker }
                let evidence = named != nil ? "attribution line" : p.repeats.flatMap { found[$0].evidence }
                quotes.append(Quote(text: p.text, speaker: speaker, block: b, pull: true, repeats: p.repeats, speakerEvidence: evidence))
                pullCursor += 1
            }
        }
        for (k, f) in found.enumerated() {
            if pulls[f.paragraph] != nil { continue }  // the pull line's own quote marks
            if f.paragraph > 0, let p = pulls[f.paragraph - 1], p.consumesNext { continue }
            let b = blockOfParagraph[f.paragraph]
            flushPulls(upTo: b - 1)
            newIndex[k] = quotes.count
            quotes.append(Quote(text: f.text, speaker: f.speaker, block: b, pull: false, speakerEvidence: f.evidence))
        }
        flushPulls(upTo: Int.max)
        for k in quotes.indices where quotes[k].pull {
            if let r = quotes[k].repeats, newIndex[r] >= 0 {
                quotes[k].repeats = newIndex[r]
            } else {
                quotes[k].repeats = nil
            }
        }
        return Body(blocks: blocks, quotes: quotes, words: blockWords)
    }

    private static let dashes = "—–-―".unicodeScalars

    static func startsWithDash(_ text: String) -> Bool {
        text.unicodeScalars.first.map { dashes.contains($0) } ?? false
    }

    /// An attribution line without the dash it may open with (`— Elin Voss` → `Elin Voss`).
    static func withoutDash(_ text: String) -> String {
        var t = Substring(text)
        while let f = t.unicodeScalars.first, dashes.contains(f) || TextScan.isSpace(f) { t = t.dropFirst() }
        return String(t)
    }

    // MARK: - Line tests

    static func isBlank<S: StringProtocol>(_ line: S) -> Bool {
        line.unicodeScalars.allSatisfy(TextScan.isSpace)
    }

    /// Trimmed, with runs of whitespace collapsed to one space (to one tab when the run holds a
    /// tab, so tab-separated columns stay columns), CSV-doubled quote marks undone
    /// (`""` → `"`) and `¿` standing for a quote mark or apostrophe repaired.
    static func collapse<S: StringProtocol>(_ s: S) -> String {
        if let plain = s.utf8.withContiguousStorageIfAvailable({ isPlainLine($0) }), plain { return String(s) }
        return collapseScalars(s)
    }

    /// `collapse` scalar by scalar, for the lines the byte test does not pass as they are.
    static func collapseScalars<S: StringProtocol>(_ s: S) -> String {
        var out = ScalarWriter()
        var pending = false
        var pendingTab = false  // a run of whitespace with a tab in it stays a tab (columns)
        var lastWasQuote = false
        for c in s.unicodeScalars {
            if TextScan.isSpace(c) {
                pending = !out.isEmpty
                pendingTab = pending && (pendingTab || c == "\t")
                lastWasQuote = false
            } else {
                if c == "\"" && lastWasQuote && !pending { continue }  // "" → "
                if pending { out.append(pendingTab ? "\t" : " "); pending = false; pendingTab = false }
                out.append(c)
                lastWasQuote = c == "\""
            }
        }
        let text = out.string
        return TextScan.contains(text, byte: 0xBF) ? repairInvertedQuestionMarks(text) : text
    }

    /// A line `collapse` leaves as it is: no space at either end, no two spaces together, no
    /// control, no `""`, no space above ASCII (U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028,
    /// U+2029, U+202F, U+205F, U+3000: see `TextScan.isWideSpace`) and no `¿` (C2 BF).
    /// Eight bytes at a time where they are ASCII with no control, no two spaces and no two `"`
    /// together.
    static func isPlainLine(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = b.first, let last = b.last, first > 0x20, last > 0x20 else { return false }
        var previous: UInt8 = 0
        var i = 0
        let n = b.count
        let raw = UnsafeRawBufferPointer(b)
        var chunkEnd = 0
        while i < n {
            if i >= chunkEnd {
                if i + 8 <= n, plainWord(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self), after: previous) {
                    previous = b[i + 7]
                    i += 8
                    continue
                }
                chunkEnd = i + 8  // these eight bytes (or the rest) one at a time
            }
            let c = b[i]
            if c <= 0x20 {
                if c != 0x20 || previous == 0x20 { return false }
            } else if c == 0x22 {
                if previous == 0x22 { return false }
            } else if c >= 0xC2 && c <= 0xE3 && (c == 0xC2 || c >= 0xE1) {
                // Lead bytes of the scalars that matter; the line is valid UTF-8, so the bytes
                // after a lead are there.
                let c1 = i + 1 < n ? b[i + 1] : 0
                let c2 = i + 2 < n ? b[i + 2] : 0
                switch c {
                case 0xC2: if c1 == 0x85 || c1 == 0xA0 || c1 == 0xBF { return false }
                case 0xE1: if c1 == 0x9A && c2 == 0x80 { return false }
                case 0xE2:
                    if c1 == 0x80 && (c2 <= 0x8A || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF) { return false }
                    if c1 == 0x81 && c2 == 0x9F { return false }
                default: if c1 == 0x80 && c2 == 0x80 { return false }  // E3
                }
            }
            previous = c
            i += 1
        }
        return true
    }

    /// Whether eight bytes (little-endian in `w`) after byte `previous` are ASCII with no
    /// control, no two spaces and no two `"` together: as the byte loop of `isPlainLine` would
    /// pass them. Each test marks the top bit of the bytes it finds, exactly (no carry crosses
    /// a byte).
    @inline(__always)
    static func plainWord(_ w: UInt64, after previous: UInt8) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let seven: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        guard w & high == 0 else { return false }
        // A byte below 0x20: adding 0x60 leaves its top bit clear.
        guard ~(w &+ 0x6060_6060_6060_6060) & high == 0 else { return false }
        @inline(__always) func equal(_ byte: UInt8) -> UInt64 {
            let x = w ^ (ones &* UInt64(byte))
            return ~(((x & seven) &+ seven) | x) & high
        }
        let spaces = equal(0x20)
        if spaces & (spaces << 8 | (previous == 0x20 ? 0x80 : 0)) != 0 { return false }
        let quotes = equal(0x22)
        if quotes & (quotes << 8 | (previous == 0x22 ? 0x80 : 0)) != 0 { return false }
        return true
    }

    /// `¿` between two letters is an apostrophe (`Blair¿s` → `Blair's`); once a line has one, or
    /// one that closes a word (`¿prudence¿`), a `¿` before a word opens a quote (`‘`) and one after
    /// a word closes it (`’`). A line where every `¿` opens a word is left alone (Spanish: `¿Qué?`).
    static func repairInvertedQuestionMarks(_ text: String) -> String {
        let s = TextScan.scalars(text)
        func letter(_ k: Int) -> Bool { k >= 0 && k < s.count && s[k].properties.isAlphabetic }
        func space(_ k: Int) -> Bool { k < 0 || k >= s.count || TextScan.isSpace(s[k]) }
        // Some ¿ stands after a word (inside it or closing it), which Spanish never does.
        guard s.indices.contains(where: { s[$0] == "¿" && !space($0 - 1) && s[$0 - 1] != "(" }) else { return text }
        var out = ScalarWriter(capacity: s.count)
        for (k, c) in s.enumerated() {
            guard c == "¿" else { out.append(c); continue }
            if letter(k - 1) && letter(k + 1) {
                out.append("'")
            } else if k + 1 < s.count, !TextScan.isSpace(s[k + 1]), k == 0 || TextScan.isSpace(s[k - 1]) || s[k - 1] == "(" {
                out.append("\u{2018}")
            } else {
                out.append("\u{2019}")
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
        guard text.utf8.count <= 320, !text.isEmpty else { return false }
        // An ASCII lower-case letter anywhere is one in `inner` (only quote marks and spaces are
        // stripped): nearly every line is ruled out here, from the bytes.
        if hasASCIILowercase(text) { return false }
        guard TextScan.scalarCount(text) <= 80 else { return false }
        let inner = TextScan.stripWrappingQuotes(text)
        guard !inner.isEmpty else { return false }
        // The letters first: one in lower case rules out nearly every line at once. (ASCII has
        // only a–z in lower case, A–Z in upper case and 0–9 with a numeric type.)
        var upper = 0
        var digits = 0
        for c in inner.unicodeScalars {
            let v = c.value
            if v < 0x80 {
                if v >= 0x61 && v <= 0x7A { return false }
                if v >= 0x41 && v <= 0x5A { upper += 1 } else if v >= 0x30 && v <= 0x39 { digits += 1 }
                continue
            }
            let p = c.properties
            if p.isLowercase { return false }
            if p.isUppercase { upper += 1 }
            if p.numericType != nil { digits += 1 }
        }
        guard upper >= 2 else { return false }
        guard !TextScan.hasSuffix(inner, "."), !TextScan.hasSuffix(inner, ","), !TextScan.hasSuffix(inner, ":") else { return false }
        let wordCount = asciiWordShape(inner)?.count ?? inner.split(whereSeparator: TextScan.isSpace).count
        guard wordCount <= 10 else { return false }
        // Not a time stamp ("2000 GMT"), a stage direction ("(APPLAUSE)") or junk ("ADVERTISEMENT").
        if digits > 0 && (digits * 2 >= upper || inner.split(whereSeparator: TextScan.isSpace).contains { ["GMT", "BST", "UTC", "ET", "EST", "EDT", "CET", "AM", "PM"].contains(String($0)) }) {
            return false
        }
        if let f = inner.unicodeScalars.first, let l = inner.unicodeScalars.last, (f == "(" && l == ")") || (f == "[" && l == "]") {
            return false
        }
        if TextScan.hasSuffix(inner, ":") || TextScan.hasSuffix(inner, " -") || Boilerplate.isJunkLine(inner) { return false }
        return true
    }

    /// A line that can sign a pull quote: a name or a role, at most 8 words and 80 characters,
    /// no closing punctuation, no double quote marks, at least one capitalised (or uncased) word;
    /// it may open with a dash (`— Elin Voss, harbourmaster`).
    public static func isAttributionLike(_ line: String) -> Bool {
        guard line.utf8.count <= 330 else { return false }
        // Only a dash and spaces go at the front, so a line closing with punctuation has no
        // attribution after them either: most lines stop here, from the bytes.
        if endsInClosingMark(line) { return false }
        let text = withoutDash(line)
        guard !text.isEmpty, TextScan.scalarCount(text) <= 80 else { return false }
        guard let last = text.unicodeScalars.last, !".!?:;,…\"“”".unicodeScalars.contains(last) else { return false }
        guard !text.unicodeScalars.contains(where: QuoteFinder.isDoubleQuoteMark) else { return false }
        if let shape = asciiWordShape(text) {
            guard (1...8).contains(shape.count) else { return false }
            guard let f = text.utf8.first, f | 0x20 >= 0x61 && f | 0x20 <= 0x7A else { return false }
            if isCrosshead(text) && shape.count > 1 && TextScan.scalarCount(text) > 30 { return false }
            return shape.capitalised
        }
        let shape = scalarWordShape(text) ?? characterWordShape(text)
        guard (1...8).contains(shape.count) else { return false }
        guard let f = text.unicodeScalars.first, f.properties.isAlphabetic else { return false }
        if isCrosshead(text) && shape.count > 1 && TextScan.scalarCount(text) > 30 { return false }
        return shape.capitalised
    }

    /// Whether a word opening with `c` counts as capitalised for an attribution line.
    private static func opensLikeAName(_ c: Unicode.Scalar) -> Bool {
        c.properties.isUppercase || (c.properties.isAlphabetic && !c.properties.isLowercase)
    }

    /// The words of `s` as `split(whereSeparator: TextScan.isSpace)` finds them (runs between
    /// whitespace characters), and whether one opens like a name (``opensLikeAName(_:)``).
    static func characterWordShape(_ s: String) -> (count: Int, capitalised: Bool) {
        let words = s.split(whereSeparator: TextScan.isSpace)
        return (words.count, words.contains { w in w.unicodeScalars.first.map(opensLikeAName) ?? false })
    }

    /// ``characterWordShape(_:)`` read scalar by scalar, with no grapheme breaking, when every
    /// scalar before a whitespace scalar is one of ``standsBeforeSpace(_:)`` and every one after
    /// it one of ``standsAfterSpace(_:)`` (or whitespace too); nil otherwise. Those join no
    /// character to the whitespace (no Prepend before it, no Extend, SpacingMark or ZWJ after
    /// it), so the whitespace characters are exactly the whitespace scalars (a CR LF pair being
    /// two, both whitespace) and the runs between them are the same (a test holds every scalar
    /// of those ranges to this).
    static func scalarWordShape(_ s: String) -> (count: Int, capitalised: Bool)? {
        var count = 0
        var capitalised = false
        var previous: Unicode.Scalar?  // nil at the start
        var inWord = false
        for c in s.unicodeScalars {
            if TextScan.isSpace(c) {
                if let p = previous, !TextScan.isSpace(p) {
                    guard standsBeforeSpace(p.value) else { return nil }
                }
                inWord = false
            } else if !inWord {
                // A word's first scalar: after whitespace (or opening the text).
                if previous != nil { guard standsAfterSpace(c.value) else { return nil } }
                inWord = true
                count += 1
                if !capitalised && opensLikeAName(c) { capitalised = true }
            }
            previous = c
        }
        return (count, capitalised)
    }

    /// Scalars that never join the whitespace after them into one character: below U+0300,
    /// Latin Extended Additional, kana to the end of the CJK ideographs.
    @inline(__always)
    static func standsBeforeSpace(_ v: UInt32) -> Bool {
        v < 0x300 || (v >= 0x1E00 && v < 0x1F00) || (v >= 0x3040 && v < 0xA000)
    }

    /// Scalars that never join the whitespace before them into one character: below U+0300,
    /// Latin Extended Additional, the CJK ideographs.
    @inline(__always)
    static func standsAfterSpace(_ v: UInt32) -> Bool {
        v < 0x300 || (v >= 0x1E00 && v < 0x1F00) || (v >= 0x4E00 && v < 0xA000)
    }

    /// For ASCII text without CR (where characters are bytes): its number of words (runs
    /// between whitespace, as `split(whereSeparator: TextScan.isSpace)` finds them) and whether
    /// one opens with a capital letter; nil for any other text.
    static func asciiWordShape(_ s: String) -> (count: Int, capitalised: Bool)? {
        var copy = s
        return copy.withUTF8 { b -> (count: Int, capitalised: Bool)? in
            var count = 0
            var capitalised = false
            var inWord = false
            for c in b {
                if c >= 0x80 || c == 0x0D { return nil }
                if c == 0x20 || (c >= 0x09 && c <= 0x0D) {
                    inWord = false
                } else if !inWord {
                    inWord = true
                    count += 1
                    if c >= 0x41 && c <= 0x5A { capitalised = true }
                }
            }
            return (count, capitalised)
        }
    }

    /// Whether the UTF-8 of `s` holds a byte from `a` to `z` (which is always that letter).
    static func hasASCIILowercase(_ s: String) -> Bool {
        var copy = s
        return copy.withUTF8 { b in b.contains { $0 >= 0x61 && $0 <= 0x7A } }
    }

    /// Whether `s` ends in one of `.!?:;,…"“”` (the marks that close no attribution).
    static func endsInClosingMark(_ s: String) -> Bool {
        var copy = s
        return copy.withUTF8 { b in
            guard let l = b.last else { return false }
            switch l {
            case 0x2E, 0x21, 0x3F, 0x3A, 0x3B, 0x2C, 0x22: return true
            case 0xA6, 0x9C, 0x9D: return b.count >= 3 && b[b.count - 3] == 0xE2 && b[b.count - 2] == 0x80
            default: return false
            }
        }
    }

    static func containsEmail(_ text: String) -> Bool {
        guard TextScan.contains(text, byte: UInt8(ascii: "@")) else { return false }
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

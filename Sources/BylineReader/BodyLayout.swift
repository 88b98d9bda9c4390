import BylineCanvas
import BylineModel
import Foundation

/// A run of text in one role.
public struct Span: Equatable, Sendable {
    /// The string the span's text is in (a body line's: its block's text, no copy of its own).
    public private(set) var base: String
    /// The span's UTF-8 bytes in `base`.
    public private(set) var bytes: Range<Int>
    public var role: Role

    /// The text, as a slice of `base` (made when asked for: a frame draws from the bytes).
    public var slice: Substring { base.utf8Slice(bytes) }

    /// The text as a string of its own.
    public var text: String {
        get { bytes.count == base.utf8.count ? base : String(slice) }
        set {
            base = newValue
            bytes = 0..<newValue.utf8.count
        }
    }

    public init(_ text: String, _ role: Role) {
        self.init(text, bytes: 0..<text.utf8.count, role)
    }

    /// Becomes a span of its own text, a copy of `other`'s, written into the string this span
    /// holds (which is written in place when nothing else holds it and it has room: room for
    /// 128 bytes is made once, so a body line's text fits).
    mutating func copyText(of other: Span) {
        role = other.role
        base.removeAll(keepingCapacity: true)
        base.reserveCapacity(Swift.max(128, other.bytes.count))
        base.append(contentsOf: other.slice)
        bytes = 0..<base.utf8.count
    }

    /// The span of `base`'s UTF-8 bytes `bytes` (ends on scalar boundaries).
    public init(_ base: String, bytes: Range<Int>, _ role: Role) {
        self.base = base
        self.bytes = bytes
        self.role = role
    }

    /// Spans are equal when their roles and the bytes of their texts are (byte for byte: text
    /// that only reads the same draws differently).
    public static func == (a: Span, b: Span) -> Bool {
        guard a.role == b.role, a.bytes.count == b.bytes.count else { return false }
        let same = a.base.utf8.withContiguousStorageIfAvailable { x in
            b.base.utf8.withContiguousStorageIfAvailable { y in
                a.bytes.isEmpty || memcmp(x.baseAddress! + a.bytes.lowerBound, y.baseAddress! + b.bytes.lowerBound, a.bytes.count) == 0
            }
        }
        return (same ?? nil) ?? a.slice.utf8.elementsEqual(b.slice.utf8)
    }
}

/// One laid-out line of the body.
public struct BodyLine: Equatable, Sendable {
    /// Columns of indent before the first span.
    public var indent: Int
    /// The line's spans, at most two (a pull quote's bar and its text), kept in the line
    /// itself: a line allocates nothing of its own.
    public private(set) var first: Span?
    public private(set) var second: Span?
    /// The article block this line belongs to; nil for the header and spacing.
    public var block: Int?
    /// Where the line's text starts in the article, and how many UTF-8 bytes of it the line
    /// shows; nil for spacing lines.
    public var source: TextPosition?
    public var length: Int

    /// Lines are equal when all their parts are; the spans, the dearest, are compared last.
    public static func == (a: BodyLine, b: BodyLine) -> Bool {
        a.length == b.length && a.indent == b.indent && a.block == b.block && a.source == b.source
            && a.first == b.first && a.second == b.second
    }

    /// The line's spans in order (at most two).
    public var spans: [Span] { [first, second].compactMap { $0 } }

    /// A line of `spans`, at most two.
    public init(indent: Int = 0, spans: [Span] = [], block: Int? = nil, source: TextPosition? = nil, length: Int = 0) {
        precondition(spans.count <= 2, "a body line has at most two spans")
        self.init(indent: indent, spans.first, spans.count > 1 ? spans[1] : nil, block: block, source: source, length: length)
    }

    init(indent: Int = 0, _ first: Span?, _ second: Span? = nil, block: Int?, source: TextPosition?, length: Int) {
        self.indent = indent
        self.first = first
        self.second = second
        self.block = block
        self.source = source
        self.length = length
    }

    static let blank = BodyLine()

    /// The line with its spans' text copied out of the strings they are slices of, so that
    /// keeping it keeps no block of an article alive (a row kept as drawn: ``RowCache``).
    var detached: BodyLine {
        var line = self
        line.first = first.map { Span($0.text, $0.role) }
        line.second = second.map { Span($0.text, $0.role) }
        return line
    }

    /// Becomes `line`, detached as ``detached`` makes it, its spans' text copied into the
    /// strings this line's spans hold (no allocation once they have room).
    mutating func copy(_ line: BodyLine) {
        indent = line.indent
        block = line.block
        source = line.source
        length = line.length
        first = Self.copy(line.first, into: &first)
        second = Self.copy(line.second, into: &second)
    }

    /// `span` with its text in the string `old` holds (taken out of `old`, so it is the only
    /// reference to it and is written in place).
    private static func copy(_ span: Span?, into old: inout Span?) -> Span? {
        guard let span else { return nil }
        var kept = old ?? Span("", span.role)
        old = nil
        kept.copyText(of: span)
        return kept
    }
}

/// An article's body word-wrapped for one measure: the lines the body pane scrolls
/// through, and where each block starts. Built once per (article, width, folding).
///
/// Every line with text keeps the ``TextPosition`` it came from, so a position maps to a
/// line (``line(of:)``) and a line to a position (``position(atLine:)``) at any width.
///
/// A layout may be laid out only in part (``init(article:id:width:room:ascii:footersUnfolded:laidThrough:)``):
/// the blocks after the first lines are then only counted, which is what a move in the list
/// needs (one screen of an article it passes over, and the number of lines for the scroll
/// thumb). Such a layout answers every question as the whole one would: a line past the part
/// laid out is wrapped when asked for, and ``lay(through:)`` lays out more of it in place.
public struct BodyLayout: Equatable, Sendable {
    public let articleID: ArticleID
    public let width: Int
    /// Columns a line may take past the measure: a URL too long for the measure but not for
    /// the pane stands whole on a line of its own.
    public let room: Int
    public let footersUnfolded: Bool
    /// The lines laid out so far: all of them, unless ``tail`` is left.
    private var laid: [BodyLine] = []
    /// How many lines the whole body takes.
    public private(set) var lineCount = 0
    /// First line of each block, indexed like `Article.blocks` (of every block, laid out or not).
    public private(set) var blockStart: [Int] = []
    /// Indices of the laid-out lines that show text, in text order (for mapping positions to lines).
    private var textLines: [Int] = []
    /// The blocks not laid out yet, when some are left.
    private var tail: Tail?

    /// What laying out the rest of a body needs: the article, and the first block not laid out
    /// (its lines start after the spacing line above it, ``blockStart`` of it).
    private struct Tail: Sendable {
        let article: Article
        let ascii: Bool
        var next: Int
    }

    /// What is drawn before a pull quote's attribution.
    public static func attributionDash(ascii: Bool) -> String { ascii ? "-- " : "— " }

    /// The widest measure the body uses, for comfortable reading.
    public static let maxMeasure = 76

    /// The body laid out; with `laidThrough`, only the blocks up to the one that holds that
    /// line are laid out (the header always is), the rest counted (see ``lay(through:)``).
    public init(article: Article, id: ArticleID, width: Int, room: Int? = nil, ascii: Bool = false, footersUnfolded: Bool = false,
                laidThrough: Int = .max) {
        self.articleID = id
        self.width = max(1, width)
        self.room = max(self.width, room ?? width)
        self.footersUnfolded = footersUnfolded
        build(article, ascii: ascii, through: laidThrough)
    }

    /// Every line of the body (all laid out: for a body laid out in part, the rest is laid out
    /// in a copy). A frame reads ``line(at:)`` and ``lineCount`` instead.
    public var lines: [BodyLine] {
        guard tail != nil else { return laid }
        var whole = self
        whole.lay(through: .max)
        return whole.laid
    }

    /// Whether every block is laid out.
    public var isWhole: Bool { tail == nil }

    /// Lines laid out so far (all of them when ``isWhole``).
    var laidCount: Int { laid.count }

    /// Layouts are equal when their lines are, all of them (however much of each is laid out).
    public static func == (a: BodyLayout, b: BodyLayout) -> Bool {
        a.articleID == b.articleID && a.width == b.width && a.room == b.room && a.footersUnfolded == b.footersUnfolded
            && a.lineCount == b.lineCount && a.blockStart == b.blockStart && a.lines == b.lines
    }

    /// The line at `index` (less than ``lineCount``): wrapped from its block if it is not laid out.
    @inline(__always)
    public func line(at index: Int) -> BodyLine {
        index < laid.count ? laid[index] : tailLine(at: index)
    }

    /// ``line(at:)`` for a line not laid out.
    @inline(never)
    private func tailLine(at index: Int) -> BodyLine {
        guard let tail else { return laid[index] }
        let block = tailBlock(atLine: index, tail)
        let start = blockStart[block]
        if index < start { return .blank }
        return Self.blockLines(tail.article, block, width: width, room: room, ascii: tail.ascii, footersUnfolded: footersUnfolded)[index - start]
    }

    /// Lays out the blocks up to the one holding line `last` (every block for `.max`), in place.
    public mutating func lay(through last: Int) {
        // Looked at in place first: a frame asks each time, and mostly for lines laid out.
        guard tail != nil, laid.count <= last, var rest = tail else { return }
        tail = nil
        let blocks = rest.article.blocks
        while rest.next < blocks.count, laid.count <= last {
            laid.append(.blank)
            layBlock(rest.article, rest.next, ascii: rest.ascii)
            rest.next += 1
        }
        if rest.next < blocks.count { tail = rest } else { assert(laid.count == lineCount, "counted lines differ from the lines laid out") }
    }

    /// The block not laid out whose lines, or the spacing line above them, hold line `index`
    /// (at or past the lines laid out).
    private func tailBlock(atLine index: Int, _ tail: Tail) -> Int {
        var lo = tail.next, hi = blockStart.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if blockStart[mid] - 1 <= index { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// The block shown at a line, looking upwards past spacing lines.
    public func block(atLine line: Int) -> Int? {
        guard lineCount > 0 else { return nil }
        var i = min(max(0, line), lineCount - 1)
        if i >= laid.count, let tail {
            let block = tailBlock(atLine: i, tail)
            // The spacing line above a block shows the block before it.
            if i >= blockStart[block] { return block }
            if block > tail.next { return block - 1 }
            i = laid.count - 1
        }
        while i >= 0 {
            if let b = laid[i].block { return b }
            i -= 1
        }
        return nil
    }

    /// The line range a block occupies (for ``TextPosition/header``, the headline and standfirst,
    /// where quotes in them stand).
    public func lineRange(ofBlock block: Int) -> Range<Int> {
        if block == TextPosition.header {
            // All lines laid out are the header's when the first block is not laid out.
            let end = laid.firstIndex { $0.block != nil } ?? tail.map { blockStart[$0.next] } ?? laid.count
            return 0..<max(1, end)
        }
        guard block >= 0, block < blockStart.count else { return 0..<0 }
        let start = blockStart[block]
        if let tail, block >= tail.next {
            // Its lines run up to the spacing line above the next block.
            return start..<(block + 1 < blockStart.count ? blockStart[block + 1] - 1 : lineCount)
        }
        var end = start
        while end < laid.count, laid[end].block == block { end += 1 }
        return start..<max(end, start + 1)
    }

    /// The text position a line shows (for a spacing line, that of the next line with text).
    public func position(atLine line: Int) -> TextPosition {
        guard lineCount > 0 else { return .top }
        var i = min(max(0, line), lineCount - 1)
        while i < laid.count {
            if let source = laid[i].source { return source }
            i += 1
        }
        if let tail { return self.line(at: max(i, blockStart[tailBlock(atLine: i, tail)])).source ?? .top }
        return laid[textLines.last ?? 0].source ?? .top
    }

    /// The line that shows a text position: the last line starting at or before it.
    public func line(of position: TextPosition) -> Int {
        if let tail, position.block >= tail.next {
            // In a block not laid out: its first line starting at or before the position, else
            // the last line of the block before (every block has a line with text).
            var block = min(position.block, blockStart.count - 1)
            while block >= tail.next {
                let lines = Self.blockLines(tail.article, block, width: width, room: room, ascii: tail.ascii, footersUnfolded: footersUnfolded)
                if let last = lines.lastIndex(where: { $0.source! <= position }) { return blockStart[block] + last }
                block -= 1
            }
        }
        guard !textLines.isEmpty else { return 0 }
        var lo = 0, hi = textLines.count - 1, found = 0
        while lo <= hi {
            let mid = (lo + hi) / 2
            if laid[textLines[mid]].source! <= position {
                found = mid
                lo = mid + 1
            } else {
                hi = mid - 1
            }
        }
        return textLines[found]
    }

    // MARK: - Building

    private mutating func build(_ article: Article, ascii: Bool, through last: Int) {
        let w = width
        if last == .max {
            laid.reserveCapacity(Self.estimatedLineCount(article, width: w))
            textLines.reserveCapacity(laid.capacity)
        }
        var header = 0
        // Text as the terminal can show it: with --ascii, positions count the plain forms' bytes.
        func shown(_ text: String) -> String { Transliterate.forTerminal(text, ascii: ascii) }
        func addHeader(_ text: String, _ role: Role) {
            let text = shown(text)
            add(wrapped: text, role: role, block: nil, position: TextPosition(block: TextPosition.header, offset: header))
            header += text.utf8.count + 1
        }
        defer { if tail == nil { lineCount = laid.count } }
        if let reason = article.unreadableReason {
            addHeader(article.headline, .headline)
            laid.append(.blank)
            addHeader("This file could not be read: \(reason)", .error)
            return
        }
        // A first line too long for a headline was cut ("…") and its rest made the first
        // paragraph: the body shows it whole, as the headline.
        let joined = Self.splitHeadline(article)
        let headlineStart = laid.count
        addHeader(joined ?? article.headline, .headline)
        if let standfirst = article.standfirst, !standfirst.isEmpty {
            laid.append(.blank)
            addHeader(standfirst, .standfirst)
        }
        let separator = BoxGlyphs.forMode(ascii: ascii).separator
        let host = article.source.map { url in
            url.split(separator: "/", omittingEmptySubsequences: true).first { $0.contains(".") && !$0.hasSuffix(":") }.map(String.init) ?? url
        }
        let empty = article.words == 0 && article.blocks.isEmpty
        let counts = empty ? ["empty"] : ["\(article.words) words", "\(article.readingMinutes) min read"]
        let meta = ([article.date, host].compactMap { $0 } + counts).joined(separator: separator)
        laid.append(.blank)
        addHeader(meta, .attribution)
        // What was odd about the file (an encoding fallback, a cut body), one dim line.
        let warnings = article.warnings.filter { !(empty && $0.hasPrefix("empty")) }
        if !warnings.isEmpty { addHeader(warnings.joined(separator: separator), .boilerplate) }
        let blocks = article.blocks
        var index = 0
        if joined != nil, !blocks.isEmpty {
            // Shown in the headline.
            blockStart.append(headlineStart)
            index = 1
        }
        while index < blocks.count, laid.count <= last {
            laid.append(.blank)
            blockStart.append(laid.count)
            layBlock(article, index, ascii: ascii)
            index += 1
        }
        guard index < blocks.count else { return }
        // The rest only counted: where each block starts, and where the body ends.
        tail = Tail(article: article, ascii: ascii, next: index)
        var count = laid.count
        for i in index..<blocks.count {
            count += 1
            blockStart.append(count)
            count += Self.blockLineCount(article, i, width: w, room: room, ascii: ascii, footersUnfolded: footersUnfolded)
        }
        lineCount = count
    }

    /// Appends block `index`'s lines (after the spacing line above it).
    private mutating func layBlock(_ article: Article, _ index: Int, ascii: Bool) {
        Self.forEachLine(article, index, width: width, room: room, ascii: ascii, footersUnfolded: footersUnfolded) { appendText($0) }
    }

    /// Block `index`'s lines, for a block not laid out.
    private static func blockLines(_ article: Article, _ index: Int, width: Int, room: Int, ascii: Bool, footersUnfolded: Bool) -> [BodyLine] {
        var lines: [BodyLine] = []
        forEachLine(article, index, width: width, room: room, ascii: ascii, footersUnfolded: footersUnfolded) { lines.append($0) }
        return lines
    }

    /// The lines block `index` takes (as many as ``forEachLine(_:_:width:room:ascii:footersUnfolded:_:)``
    /// gives, wrapped without making them).
    private static func blockLineCount(_ article: Article, _ index: Int, width w: Int, room: Int, ascii: Bool, footersUnfolded: Bool) -> Int {
        var block = article.blocks[index]
        if ascii {
            block.text = Transliterate.forTerminal(block.text, ascii: true)
            block.attribution = block.attribution.map { Transliterate.forTerminal($0, ascii: true) }
        }
        switch block.kind {
        case .paragraph, .crosshead:
            return WordWrap.lineCount(block.text, width: w, whole: room)
        case .pullquote:
            let textWidth = max(1, w - (w >= 30 ? 4 : 1) - 2 - (w >= 30 ? 2 : 0))
            var count = WordWrap.lineCount(block.text, width: textWidth)
            if let who = block.attribution, !who.isEmpty { count += WordWrap.lineCount(attributionDash(ascii: ascii) + who, width: textWidth) }
            return count
        case .boilerplate:
            return footersUnfolded ? WordWrap.lineCount(block.text, width: w, whole: room) : 1
        }
    }

    /// Hands on block `index`'s lines in order, each with a source.
    private static func forEachLine(_ article: Article, _ index: Int, width w: Int, room: Int, ascii: Bool, footersUnfolded: Bool,
                                    _ emit: (consuming BodyLine) -> Void) {
        var block = article.blocks[index]
        if ascii {
            block.text = Transliterate.forTerminal(block.text, ascii: true)
            block.attribution = block.attribution.map { Transliterate.forTerminal($0, ascii: true) }
        }
        let start = TextPosition(block: index, offset: 0)
        func wrapped(_ role: Role) {
            for line in WordWrap.slices(block.text, width: w, whole: room) {
                emit(BodyLine(Span(line.base, bytes: line.bytes, role), block: index,
                              source: TextPosition(block: index, offset: line.range.lowerBound), length: line.range.count))
            }
        }
        switch block.kind {
        case .paragraph:
            wrapped(.body)
        case .crosshead:
            wrapped(.crosshead)
        case .pullquote:
            let bar = ascii ? "| " : "┃ "
            let indent = w >= 30 ? 4 : 1
            let textWidth = max(1, w - indent - 2 - (w >= 30 ? 2 : 0))
            for line in WordWrap.slices(block.text, width: textWidth) {
                emit(BodyLine(indent: indent, Span(bar, .quoteMark), Span(line.base, bytes: line.bytes, .pullquote), block: index,
                              source: TextPosition(block: index, offset: line.range.lowerBound), length: line.range.count))
            }
            if let who = block.attribution, !who.isEmpty {
                let dash = attributionDash(ascii: ascii)
                let base = block.text.utf8.count + 1
                for line in WordWrap.slices(dash + who, width: textWidth) {
                    emit(BodyLine(indent: indent, Span(bar, .quoteMark), Span(line.base, bytes: line.bytes, .attribution), block: index,
                                  source: TextPosition(block: index, offset: base + line.range.lowerBound), length: line.range.count))
                }
            }
        case .boilerplate:
            if footersUnfolded {
                wrapped(.boilerplate)
            } else {
                let marker = ascii ? "> " : "▸ "
                let hint = "  (f unfolds)"
                let room = max(1, w - DisplayWidth.of(marker) - hint.count)
                let first = WordWrap.wrap(block.text, width: room)
                let text = first.count > 1 ? first[0] + (ascii ? "..." : "…") : first[0]
                emit(BodyLine(Span(marker + text + hint, .boilerplate), block: index, source: start, length: block.text.utf8.count))
            }
        }
    }

    /// About as many lines as the article takes at `width` (a little more, rarely less), so the
    /// lines are reserved once rather than regrown eight or nine times an article. In a very
    /// narrow pane a line still holds a few bytes (a word, or a wide glyph and its mark), so
    /// the estimate never counts a line a byte: a 4 MiB article in a pane nine columns wide
    /// reserved four million lines.
    static func estimatedLineCount(_ article: Article, width: Int) -> Int {
        var bytes = 0
        for block in article.blocks { bytes += block.text.utf8.count }
        return 8 + 2 * article.blocks.count + bytes / max(4, width - 8)
    }

    /// The headline joined with the rest of its line, when the parser cut an over-long first
    /// line (an ellipsis, a note among the warnings, the rest as the first paragraph); else nil.
    static func splitHeadline(_ article: Article) -> String? {
        guard article.headline.hasSuffix("…"), article.warnings.contains(where: { $0.hasPrefix("first line over") }),
              let first = article.blocks.first, first.kind == .paragraph else { return nil }
        return String(article.headline.dropLast()) + " " + first.text
    }

    /// Appends a line that shows text (one with a source), noting it among the text lines.
    private mutating func appendText(_ line: consuming BodyLine) {
        textLines.append(laid.count)
        laid.append(line)
    }

    private mutating func add(wrapped text: String, role: Role, block: Int?, position: TextPosition) {
        for line in WordWrap.slices(text, width: width, whole: room) {
            appendText(BodyLine(Span(line.base, bytes: line.bytes, role), block: block,
                                  source: TextPosition(block: position.block, offset: position.offset + line.range.lowerBound),
                                  length: line.range.count))
        }
    }
}

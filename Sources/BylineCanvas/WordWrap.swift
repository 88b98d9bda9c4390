/// Word wrapping by display width.
public enum WordWrap {
    /// One wrapped line and where its text came from.
    public struct Line: Equatable, Sendable {
        /// The line as drawn: words joined by single spaces.
        public var text: String
        /// The UTF-8 offsets in the wrapped text from the first byte of the line's first word to
        /// the end of its last word, so a position in the text maps to a line and back.
        public var range: Range<Int>

        public init(text: String, range: Range<Int>) {
            self.text = text
            self.range = range
        }
    }

    /// Break `text` into lines no wider than `width` cells. Breaks at spaces;
    /// a word longer than a line is split between graphemes. Runs of spaces
    /// collapse at line breaks. Always returns at least one line.
    public static func wrap(_ text: String, width: Int) -> [String] {
        lines(text, width: width).map(\.text)
    }

    /// The first `maxLines` lines of ``wrap(_:width:)`` (at least one), wrapping no further
    /// than that: for a text cut after a few lines (a quote in the sidebar).
    public static func wrap(_ text: String, width: Int, atMost maxLines: Int) -> [String] {
        guard width > 0 else { return [""] }
        var copy = text
        if let lines = copy.withUTF8({ bytes in
            plainRanges(bytes, width: width, whole: width, limit: max(1, maxLines)).map { ranges in
                ranges.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
            }
        }) {
            return lines
        }
        return pieces(text, width: width, whole: width, limit: max(1, maxLines)) { pieces, bytes in
            pieces.map { $0.made ?? String(decoding: UnsafeBufferPointer(rebasing: bytes[$0.range]), as: UTF8.self) }
        }
    }

    /// ``wrap(_:width:)`` with each line's source range (UTF-8 offsets into `text`).
    /// - Parameter whole: a word wider than `width` but not than this (a URL) stands whole on
    ///   a line of its own instead of being cut (default: `width`).
    public static func lines(_ text: String, width: Int, whole: Int? = nil) -> [Line] {
        let whole = max(width, whole ?? width)
        guard width > 0 else { return [Line(text: "", range: 0..<0)] }
        return linesByBytes(text, width: width, whole: whole)
    }

    /// One wrapped line as a slice: of the wrapped text itself when the line is a run of it (no
    /// copy is made), else of a string made for it (words joined across a run of spaces, a tab
    /// stop's padding).
    public struct Slice: Equatable, Sendable {
        /// The string the line's bytes are in: the wrapped text, or a string made for the line.
        public var base: String
        /// The line's UTF-8 bytes in `base`.
        public var bytes: Range<Int>
        /// As ``Line/range``.
        public var range: Range<Int>

        /// The line as drawn, the same characters as ``Line/text``.
        public var text: Substring { base.utf8Slice(bytes) }
    }

    /// ``lines(_:width:whole:)`` as slices: the same lines, without a string made for each line
    /// that is a run of `text` (nearly every line of running text).
    public static func slices(_ text: String, width: Int, whole: Int? = nil) -> [Slice] {
        let whole = max(width, whole ?? width)
        guard width > 0 else { return [Slice(base: "", bytes: 0..<0, range: 0..<0)] }
        var copy = text
        if let ranges = copy.withUTF8({ plainRanges($0, width: width, whole: whole) }) {
            return ranges.map { Slice(base: text, bytes: $0, range: $0) }
        }
        return pieces(text, width: width, whole: whole) { pieces, _ in
            pieces.map { piece in
                if let made = piece.made { return Slice(base: made, bytes: 0..<made.utf8.count, range: piece.range) }
                return Slice(base: text, bytes: piece.range, range: piece.range)
            }
        }
    }

    /// How many lines ``slices(_:width:whole:)`` gives for `text`, wrapped without making them.
    public static func lineCount(_ text: String, width: Int, whole: Int? = nil) -> Int {
        let whole = max(width, whole ?? width)
        guard width > 0 else { return 1 }
        var copy = text
        if let count = copy.withUTF8({ jumpLineCount($0, width: width, whole: whole) }) { return count }
        return pieces(text, width: width, whole: whole) { pieces, _ in pieces.count }
    }

    /// ``plainLineCount(_:width:whole:)``, the same answer (nil too), found a line at a time where
    /// it can be: from a line's first word, bytes that are printable ASCII or plain scalars
    /// (``plainScalar(_:_:_:)``: accented letters, curly quotes, dashes, CJK) with no two spaces
    /// together, up to the first that does not fit, hold the line, which ends at their last
    /// space (the word after it reaches past the line, so it cannot join); the words are not
    /// looked at one by one. A line of other bytes (another scalar, a control byte, DEL, a run
    /// of spaces, a word longer than the line) is left to
    /// ``plainLines(_:from:width:whole:into:)`` from the line's first word up to a line that
    /// ends at a word's end; the wrap starts afresh at each word that starts a line, so the
    /// lines from there are the lines the whole text has from there.
    static func jumpLineCount(_ bytes: UnsafeBufferPointer<UInt8>, width: Int, whole: Int) -> Int? {
        let n = bytes.count
        guard width > 0, let base = bytes.baseAddress else { return plainLineCount(bytes, width: width, whole: whole) }
        var p = 0
        while p < n && base[p] == 0x20 { p += 1 }
        // A text without words: as the wrap has it.
        guard p < n else { return plainLineCount(bytes, width: width, whole: whole) }
        var count = 0
        while true {
            // `p` is the first byte of a word that starts a line.
            var end: Int
            if let jumped = jumpedLineEnd(bytes, base, p, width) {
                count += 1
                end = jumped
            } else {
                var sink = LinesToWordEnd(bytes: bytes)
                guard plainLines(bytes, from: p, width: width, whole: whole, into: &sink) else { return nil }
                guard sink.count > 0 else { return plainLineCount(bytes, width: width, whole: whole) }
                count += sink.count
                end = sink.end
            }
            while end < n && base[end] == 0x20 { end += 1 }
            if end == n { return count }
            p = end
        }
    }

    /// Where the line from the word at `p` ends when ``jumpLineCount(_:width:whole:)`` can tell
    /// from the bytes up to the first that does not fit in `width` cells: at the last space
    /// before it (the word it is in reaches past the line, so it cannot join), or at the text's
    /// end when the rest fits. Printable ASCII is looked at eight bytes at a time, a cell a
    /// byte; a scalar past ASCII is one of ``plainScalar(_:_:_:)``'s (as wide as the wrap
    /// measures it in a word of such scalars). Nil when it cannot tell: a control byte, DEL,
    /// another scalar, two spaces together, no space before the first byte that does not fit.
    @inline(__always)
    private static func jumpedLineEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ base: UnsafePointer<UInt8>, _ p: Int, _ width: Int) -> Int? {
        let n = bytes.count
        let ones: UInt64 = 0x0101_0101_0101_0101, tops: UInt64 = 0x8080_8080_8080_8080, lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        var lastSpace = -1
        var spaceBefore: UInt64 = 0  // the byte before `k` is a space (bit 7)
        // The first byte that does not fit, if the bytes from `k` on are a cell each (at or past
        // the text's end when the rest fits): the cells left are `stop - k`.
        var stop = width < n - p ? p + width : n
        var k = p
        while true {
            let end = stop < n ? stop + 1 : n
            // Eight bytes of printable ASCII at a time (bytes below 0x20, and DEL or above, have
            // their top bits set in `other`: a low seven bits plus 0x60 or 1 stays below 0x100).
            while k &+ 8 <= end {
                let x = UInt64(littleEndian: UnsafeRawPointer(base + k).loadUnaligned(as: UInt64.self))
                let other = (~(((x & lows) &+ 0x60 &* ones) | x) | ((x & lows) &+ ones) | x) & tops
                if other != 0 { break }
                let y = x ^ (0x20 &* ones)
                let spaces = ~(((y & lows) &+ lows) | y) & tops
                if spaces & ((spaces &<< 8) | spaceBefore) != 0 { return nil }
                if spaces != 0 { lastSpace = k &+ Int(truncatingIfNeeded: (63 &- spaces.leadingZeroBitCount) &>> 3) }
                spaceBefore = spaces &>> 56
                k &+= 8
            }
            // Then a byte at a time, up to a byte that is not printable ASCII.
            while k < end {
                let b = base[k]
                if b == 0x20 {
                    if spaceBefore != 0 { return nil }
                    spaceBefore = 0x80
                    lastSpace = k
                } else if b > 0x20 && b < 0x7F {
                    spaceBefore = 0
                } else {
                    break
                }
                k &+= 1
            }
            if k == end { return stop >= n ? n : lastSpace > p ? lastSpace : nil }
            // A plain scalar is a cell or two of its word.
            let (length, w) = plainScalar(bytes, k, n)
            guard length > 1 else { return nil }
            if w > stop &- k { return lastSpace > p ? lastSpace : nil }
            stop &+= length &- w
            k &+= length
            spaceBefore = 0
        }
    }

    /// Counts the lines ``plainLines(_:from:width:whole:into:)`` hands on up to the first that
    /// ends at a word's end (not a piece of a word cut), where the next line starts at a word.
    struct LinesToWordEnd: PlainLineSink {
        static var runsOnly: Bool { false }
        let bytes: UnsafeBufferPointer<UInt8>
        var count = 0
        var end = 0
        mutating func line(_ start: Int, _ end: Int) -> Bool {
            count += 1
            self.end = end
            return end < bytes.count && bytes[end] != 0x20
        }
    }

    /// ``lineCount(_:width:whole:)`` of text without control bytes or tabs (nil for other text,
    /// and for a word this does not cut or a space a mark joins): see
    /// ``plainLines(_:from:width:whole:into:)``.
    static func plainLineCount(_ bytes: UnsafeBufferPointer<UInt8>, width: Int, whole: Int) -> Int? {
        var counter = LineCounter()
        return plainLines(bytes, width: width, whole: whole, into: &counter) ? counter.count : nil
    }

    /// The source ranges of the lines of ``slices(_:width:whole:)`` when each is a run of the
    /// text (words one space apart) and the text is as ``plainLineCount(_:width:whole:)`` needs;
    /// else nil. Past `limit` lines, the first `limit`.
    static func plainRanges(_ bytes: UnsafeBufferPointer<UInt8>, width: Int, whole: Int, limit: Int = .max) -> [Range<Int>]? {
        var ranges = LineRanges(limit: limit)
        ranges.ranges.reserveCapacity(min(limit, bytes.count / width + 1))
        return plainLines(bytes, width: width, whole: whole, into: &ranges) ? ranges.ranges : nil
    }

    /// Where ``plainLines(_:from:width:whole:into:)`` hands the lines.
    protocol PlainLineSink {
        /// Whether a line must be a run of the text: a word joining the line more than one
        /// space after it fails the wrap (its line would be a string made for it).
        static var runsOnly: Bool { get }
        /// Takes the line of bytes `start..<end`; false when no more lines are wanted.
        mutating func line(_ start: Int, _ end: Int) -> Bool
    }

    struct LineCounter: PlainLineSink {
        static var runsOnly: Bool { false }
        var count = 0
        mutating func line(_ start: Int, _ end: Int) -> Bool {
            count += 1
            return true
        }
    }

    struct LineRanges: PlainLineSink {
        static var runsOnly: Bool { true }
        let limit: Int
        var ranges: [Range<Int>] = []
        init(limit: Int) { self.limit = limit }
        mutating func line(_ start: Int, _ end: Int) -> Bool {
            ranges.append(start..<end)
            return ranges.count < limit
        }
    }

    /// Wraps text without control bytes or tabs as ``ByteWrap/place(_:_:_:afterTab:width:)``
    /// places its words, handing each line to `sink`; false for other text (a control byte, a
    /// tab, a word to cut that is not ASCII, a space a neighbour joins: see
    /// ``graphemeWidth(_:_:_:)``): every space then breaks, and a word is as wide as it is long
    /// unless it has a byte of 0x80 or more, when it is measured scalar by scalar if its scalars
    /// are ``plainScalar(_:_:_:)``'s, else as the wrap measures it (an emoji, a mark). The spaces
    /// are found eight bytes at a time. True too when the sink wants no more lines. From `from`
    /// on, when that is the first byte of a word after a space (a line's first word): the lines
    /// the text has from there.
    @inline(__always)
    static func plainLines<Sink: PlainLineSink>(_ bytes: UnsafeBufferPointer<UInt8>, from: Int = 0, width: Int, whole: Int,
                                                into sink: inout Sink) -> Bool {
        let n = bytes.count
        // The line being filled (kept in locals: a word that joins the line, nearly every word,
        // is placed in the loop; ``startLine`` places the others).
        var line = FilledLine()
        var wordStart = from
        // Whether a byte of the word found so far is 0x80 or more.
        var wide = false
        var k = from
        if let base = bytes.baseAddress {
            let ones: UInt64 = 0x0101_0101_0101_0101, tops: UInt64 = 0x8080_8080_8080_8080, lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
            while k + 8 <= n {
                let x = UInt64(littleEndian: UnsafeRawPointer(base + k).loadUnaligned(as: UInt64.self))
                // Bytes below 0x20 (a control byte, a tab): exactly, byte by byte (no carries).
                if ~(((x & lows) &+ 0x60 &* ones) | x) & tops != 0 { return false }
                // The bytes of 0x80 or more (their top bits) not yet in a word placed.
                var high = x & tops
                // The spaces, exactly: bytes of x ^ 0x20… that are zero.
                let y = x ^ (0x20 &* ones)
                var spaces = ~(((y & lows) &+ lows) | y) & tops
                while spaces != 0 {
                    let bit = spaces.trailingZeroBitCount
                    let end = k + bit >> 3
                    let before = (UInt64(1) << bit) &- 1  // the bits of the bytes before the space
                    if end > wordStart {
                        let measured = wide || high & before != 0
                        var w = end - wordStart
                        if measured {
                            guard let cells = plainWidth(bytes, wordStart, end) ?? graphemeWidth(bytes, wordStart, end) else { return false }
                            w = cells
                        }
                        if line.hasText && line.width + 1 + w <= width {
                            // Joined more than one space after the line, the line is not a run.
                            if Sink.runsOnly && wordStart != line.end + 1 { return false }
                            line.width += 1 + w
                            line.end = end
                        } else {
                            switch startLine(&line, w, bytes, wordStart, end, ascii: !measured, width: width, whole: whole, into: &sink) {
                            case .placed: break
                            case .enough: return true
                            case .failed: return false
                            }
                        }
                    }
                    wordStart = end + 1
                    wide = false
                    high &= ~before
                    spaces &= spaces &- 1
                }
                wide = wide || high != 0
                k += 8
            }
        }
        // The last bytes one by one, and the last word.
        while k <= n {
            if k < n {
                let b = bytes[k]
                if b < 0x20 { return false }
                if b >= 0x80 { wide = true }
                if b != 0x20 {
                    k += 1
                    continue
                }
            }
            if k > wordStart {
                var w = k - wordStart
                if wide {
                    guard let cells = plainWidth(bytes, wordStart, k) ?? graphemeWidth(bytes, wordStart, k) else { return false }
                    w = cells
                }
                if line.hasText && line.width + 1 + w <= width {
                    // Joined more than one space after the line, the line is not a run.
                    if Sink.runsOnly && wordStart != line.end + 1 { return false }
                    line.width += 1 + w
                    line.end = k
                } else {
                    switch startLine(&line, w, bytes, wordStart, k, ascii: !wide, width: width, whole: whole, into: &sink) {
                    case .placed: break
                    case .enough: return true
                    case .failed: return false
                    }
                }
            }
            wordStart = k + 1
            wide = false
            k += 1
        }
        // A text without words takes a line (a string made for it: not a run).
        if line.hasText { _ = sink.line(line.start, line.end) }
        return line.hasText || line.any
    }

    /// The line ``plainLines(_:from:width:whole:into:)`` fills: its bytes, its width, whether it has
    /// a word, and whether any line was handed on.
    struct FilledLine {
        var start = 0
        var end = 0
        var width = 0
        var hasText = false
        var any = false
    }

    enum Placed { case placed, enough, failed }

    /// Places a word of `w` cells, bytes `start..<end`, that does not join the line being filled
    /// (as ``ByteWrap/place(_:_:_:afterTab:width:)`` does): the line is handed on and the word
    /// starts the next. Fails for a word this wrap does not cut (one that is not `ascii`, or has
    /// DEL: it is cut between graphemes) and, for a sink of runs, for any word to cut.
    private static func startLine<Sink: PlainLineSink>(_ line: inout FilledLine, _ w: Int, _ bytes: UnsafeBufferPointer<UInt8>,
                                                       _ start: Int, _ end: Int, ascii: Bool, width: Int, whole: Int,
                                                       into sink: inout Sink) -> Placed {
        if line.hasText {
            line.any = true
            if !sink.line(line.start, line.end) { return .enough }
        }
        if w <= whole {
            line.start = start
            line.end = end
            line.width = w
            line.hasText = true
            if w > width {
                // Alone on a line it is wider than (a URL within the room) it finishes it.
                line.hasText = false
                line.any = true
                if !sink.line(start, end) { return .enough }
            }
            return .placed
        }
        // Cut into lines of `width` cells, a byte a cell.
        guard ascii, !Sink.runsOnly else { return .failed }
        for i in start..<end where bytes[i] == 0x7F { return .failed }
        let cut = (w - 1) / width
        for piece in 0..<cut {
            line.any = true
            if !sink.line(start + piece * width, start + (piece + 1) * width) { return .enough }
        }
        line.start = start + cut * width
        line.end = end
        line.width = w - cut * width
        line.hasText = true
        return .placed
    }

    /// ``lines(_:width:whole:)`` from the text's UTF-8 bytes: words are byte ranges (as
    /// ``words(_:)`` finds them, or ``tabbedWords(_:)`` in text with tabs), an ASCII word is
    /// measured by counting its bytes, and a substring is made only for a word that is not
    /// ASCII or does not continue the line's run of the text.
    static func linesByBytes(_ text: String, width: Int, whole: Int) -> [Line] {
        pieces(text, width: width, whole: whole) { pieces, bytes in
            pieces.map { piece in
                Line(text: piece.made ?? String(decoding: UnsafeBufferPointer(rebasing: bytes[piece.range]), as: UTF8.self), range: piece.range)
            }
        }
    }

    /// The wrapped lines as ``Piece``s, handed to `finish` with the text's UTF-8 bytes.
    /// Past `limit` lines, the wrapping stops and the first `limit` are handed on (the lines
    /// finished so far never change as words are added).
    private static func pieces<Result>(_ text: String, width: Int, whole: Int, limit: Int = .max,
                                       _ finish: ([Piece], UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var wrap = ByteWrap(text: text, width: width, whole: whole)
        var copy = text
        return copy.withUTF8 { bytes in
            let n = bytes.count
            let utf8 = text.utf8
            func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
            // One pass finds the spaces; a tab sends the text the tabbed way (from the start).
            var wordStart = 0
            var k = 0
            var tabbed = false
            // The word's bytes ORed together (0x80 set: one is not ASCII), and whether one is a
            // control byte: a word of neither is as wide as it is long, measured as it is found.
            var high: UInt8 = 0
            var control = false
            while k < n {
                let b = bytes[k]
                if b > 0x20 {
                    high |= b
                    k += 1
                    // The rest of an ASCII word, eight bytes at a time (its bytes, all below 0x80,
                    // would not change what `high` tells).
                    if b < 0x80 { k = WordWrap.plainASCIIEnd(bytes, from: k) }
                    continue
                }
                if b == 0x09 {
                    tabbed = true
                    break
                }
                if b == 0x20 {
                    // As in `words(_:)`: a space between ASCII bytes is a character of its own.
                    let plain = (k == 0 || bytes[k - 1] < 0x80) && (k + 1 == n || bytes[k + 1] < 0x80)
                    if plain || WordWrap.spaceStandsAlone(bytes, k)
                        || (index(k).samePosition(in: text) != nil && index(k + 1).samePosition(in: text) != nil) {
                        if wordStart < k {
                            wrap.place(wordStart, k, bytes, afterTab: false, width: high < 0x80 && !control ? k - wordStart : nil)
                        }
                        wordStart = k + 1
                        high = 0
                        control = false
                        if wrap.pieces.count > limit { return finish(Array(wrap.pieces.prefix(limit)), bytes) }
                    } else {
                        high |= 0x80  // a space inside a word: measured the long way
                    }
                } else {
                    control = true
                }
                k += 1
            }
            if tabbed {
                wrap = ByteWrap(text: text, width: width, whole: whole)
                func offset(_ i: String.Index) -> Int { utf8.distance(from: utf8.startIndex, to: i) }
                for (word, afterTab) in tabbedWords(text) {
                    wrap.place(offset(word.startIndex), offset(word.endIndex), bytes, afterTab: afterTab)
                }
                wrap.finishLast(n, bytes)
                return finish(Array(wrap.pieces.prefix(limit)), bytes)
            }
            if wordStart < n { wrap.place(wordStart, n, bytes, afterTab: false, width: high < 0x80 && !control ? n - wordStart : nil) }
            wrap.finishLast(n, bytes)
            return finish(wrap.pieces.count > limit ? Array(wrap.pieces.prefix(limit)) : wrap.pieces, bytes)
        }
    }

    /// A wrapped line: its source range, and the string made for it when it is not the run
    /// of the text's bytes in that range.
    private struct Piece {
        var range: Range<Int>
        var made: String?
    }

    /// The state of ``linesByBytes(_:width:whole:)`` as it places words (a value, so the
    /// compiler checks its exclusive use statically rather than on every access).
    private struct ByteWrap {
        // Whether the line holds a word (or a character), in `hasText`: a word of zero-width
        // characters (U+200B, combining marks alone) is still a word and must not be overwritten.
        let text: String
        let width: Int
        let whole: Int
        var pieces: [Piece] = []
        var line = ""
        /// The line's words are `text`'s bytes `start..<end` (made a string only if a word joins
        /// them that does not continue that run).
        var lineIsSource = false
        var hasText = false
        var lineWidth = 0
        var start = 0
        var end = 0

        init(text: String, width: Int, whole: Int) {
            self.text = text
            self.width = width
            self.whole = whole
            pieces.reserveCapacity(text.utf8.count / width + 1)  // about the lines the text fills
        }

        private func index(_ offset: Int) -> String.Index { text.utf8.index(text.utf8.startIndex, offsetBy: offset) }

        private mutating func makeLine(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard lineIsSource else { return }
            line = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            lineIsSource = false
        }

        private mutating func finish(_ bytes: UnsafeBufferPointer<UInt8>) {
            if lineIsSource {
                pieces.append(Piece(range: start..<end, made: nil))
                lineIsSource = false
            } else {
                pieces.append(Piece(range: start..<end, made: line))
            }
            line = ""
            hasText = false
            lineWidth = 0
        }

        /// Places the word of bytes `ws..<we` (after a tab: `afterTab`).
        /// `known` is the word's width when the caller measured it.
        mutating func place(_ ws: Int, _ we: Int, _ bytes: UnsafeBufferPointer<UInt8>, afterTab: Bool, width known: Int? = nil) {
            let w = known ?? WordWrap.asciiWidth(bytes, ws, we) ?? WordWrap.plainWidth(bytes, ws, we) ?? wideWidth(ws, we)
            // After a tab: on to the next tab stop (every 8 columns) if the word fits there,
            // else on a line of its own, so tab-separated columns stay columns.
            // A word that would join the space before it (a combining mark after a tab) starts a
            // line: padded to a tab stop it would sit on the last space, and the space be lost.
            if afterTab && hasText && !WordWrap.joinsSpaceBefore(text[index(ws)..<index(we)]) {
                let stop = (lineWidth / WordWrap.tabStop + 1) * WordWrap.tabStop
                if stop + w <= width {
                    makeLine(bytes)
                    line += String(repeating: " ", count: stop - lineWidth)
                    line += text[index(ws)..<index(we)]
                    lineWidth = stop + w
                    end = we
                    return
                }
            }
            if !afterTab && hasText && lineWidth + 1 + w <= width {
                // A word one space after the line's last byte keeps the line a run of the text.
                if !(lineIsSource && ws == end + 1) {
                    makeLine(bytes)
                    line += " "
                    line += text[index(ws)..<index(we)]
                }
                lineWidth += 1 + w
                end = we
                return
            }
            if hasText { finish(bytes) }
            if w <= whole {
                lineIsSource = true
                hasText = true
                lineWidth = w
                start = ws
                end = we
                if w > width { finish(bytes) }
                return
            }
            cut(ws, we, bytes)
        }

        /// The width of a word that is not all ASCII. (Out of line, as is ``cut(_:_:_:)``: code
        /// that measures graphemes makes a function look up the types of scalar properties
        /// each time it is entered, which `place` would then pay for every word.)
        @inline(never)
        private func wideWidth(_ ws: Int, _ we: Int) -> Int {
            DisplayWidth.of(text[index(ws)..<index(we)])
        }

        /// Places a word wider than the line: cut between graphemes.
        @inline(never)
        private mutating func cut(_ ws: Int, _ we: Int, _ bytes: UnsafeBufferPointer<UInt8>) {
            start = ws
            let word = text[index(ws)..<index(we)]
            var i = word.startIndex
            while i < word.endIndex {
                let character = word[i]
                let cw = DisplayWidth.of(character)
                if lineWidth + cw > width, lineWidth > 0 {
                    end = text.utf8.distance(from: text.utf8.startIndex, to: i)
                    finish(bytes)
                    start = end
                }
                line.append(character)
                hasText = true
                lineWidth += cw
                i = word.index(after: i)
            }
            end = we
        }

        /// Finishes the last line (an empty one for text without words).
        mutating func finishLast(_ n: Int, _ bytes: UnsafeBufferPointer<UInt8>) {
            if hasText || pieces.isEmpty {
                if !hasText { start = n; end = n }
                finish(bytes)
            }
        }
    }

    /// Where the run of bytes from `k` that are ASCII and neither a space nor a control byte
    /// (0x21–0x7F) ends, found eight bytes at a time; a run that reaches the last seven bytes
    /// ends there for this count (the caller's byte loop goes on from it).
    @inline(__always)
    static func plainASCIIEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return start }
        let n = bytes.count
        var k = start
        while k + 8 <= n {
            let x = UInt64(littleEndian: UnsafeRawPointer(base + k).loadUnaligned(as: UInt64.self))
            // A byte's top bit set where it is 0x80 or more, or below 0x21 (subtracting 0x21 from
            // a byte below it borrows; a borrow only reaches bytes after such a byte, so the
            // first byte marked is the first such byte).
            let stop = (((x &- 0x2121_2121_2121_2121) & ~x) | x) & 0x8080_8080_8080_8080
            if stop != 0 { return k + stop.trailingZeroBitCount >> 3 }
            k += 8
        }
        return k
    }

    /// The width of an ASCII word (one cell a byte, CR LF one cell, as
    /// `DisplayWidth.of` counts it), or nil when a byte is not ASCII.
    @inline(__always)
    fileprivate static func asciiWidth(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int? {
        var total = 0
        var previous: UInt8 = 0
        var k = from
        while k < to {
            let b = bytes[k]
            if b >= 0x80 { return nil }
            if !(b == 0x0A && previous == 0x0D) { total += 1 }
            previous = b
            k += 1
        }
        return total
    }

    /// The width of a word whose characters are all single scalars that never join a neighbour
    /// into one grapheme (see ``plainScalar(_:_:_:)``): each is then a grapheme of its own, as
    /// wide as `DisplayWidth.of` measures it. Any other scalar gives nil (measure it the long
    /// way). News text's words that are not ASCII are nearly all of these.
    @inline(__always)
    fileprivate static func plainWidth(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int? {
        var total = 0
        var k = from
        while k < to {
            let (length, width) = plainScalar(bytes, k, to)
            guard length > 0 else { return nil }
            total += width
            k += length
        }
        return total
    }

    /// The width of the word of bytes `start..<end` (a space or an end of the text either side)
    /// as ``ByteWrap`` measures a word of scalars that are not all plain (`DisplayWidth.of`: an
    /// emoji, a combining mark, a symbol), when the spaces either side are graphemes of their
    /// own (so break there, as the wrap's words do): nil when the word's first scalar joins the
    /// space before it (a mark, a joiner) or its last joins the space after it (a Prepend
    /// character). The spaces' other neighbours are plain scalars, which join nothing, or
    /// words this asks about in turn. Out of line: measuring graphemes is the rare case.
    @inline(never)
    static func graphemeWidth(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        if start > 0 && joinsSpaceBefore(word[...]) { return nil }
        // Prepend characters (the only ones a space after them joins) are all past U+05FF.
        if end < bytes.count, let last = word.unicodeScalars.last, last.value >= 0x600 {
            var probe = String(Character(last))
            probe.append(" ")
            if probe.count == 1 { return nil }
        }
        return DisplayWidth.of(word)
    }

    /// The UTF-8 length and the width of the scalar at `k` (before `end`) if it is one of these,
    /// else a length of 0: printable ASCII; U+00A0–U+02FF (Latin letters and their modifier
    /// letters, no combining marks) and the general punctuation of U+2010–U+2027 and
    /// U+2030–U+205E (dashes, curly quotes, ellipses, primes), and the Latin letters of
    /// U+1E00–U+1EFF (Vietnamese), one cell each; CJK ideographs (U+4E00–U+9FFF), Hangul
    /// syllables (U+AC00–U+D7A3, which join only jamo), and the hiragana of U+3041–U+3096 and
    /// katakana of U+30A1–U+30FA (their voicing marks, U+3099 and U+309A, join: not plain), two cells.
    @inline(__always)
    fileprivate static func plainScalar(_ bytes: UnsafeBufferPointer<UInt8>, _ k: Int, _ end: Int) -> (length: Int, width: Int) {
        let b = bytes[k]
        if b < 0x80 { return b >= 0x20 && b != 0x7F ? (1, 1) : (0, 0) }
        if b >= 0xC2 && b <= 0xCB {
            // U+0080–U+02FF; the C1 controls (below U+00A0) are not plain.
            guard k + 1 < end, bytes[k + 1] & 0xC0 == 0x80 else { return (0, 0) }
            return b == 0xC2 && bytes[k + 1] < 0xA0 ? (0, 0) : (2, 1)
        }
        guard b >= 0xE1 && b <= 0xED, k + 2 < end, bytes[k + 1] & 0xC0 == 0x80, bytes[k + 2] & 0xC0 == 0x80 else { return (0, 0) }
        let value = (UInt32(b & 0x0F) << 12) | (UInt32(bytes[k + 1] & 0x3F) << 6) | UInt32(bytes[k + 2] & 0x3F)
        if (0x2010...0x2027).contains(value) || (0x2030...0x205E).contains(value) || (0x1E00...0x1EFF).contains(value) { return (3, 1) }
        if (0x4E00...0x9FFF).contains(value) || (0xAC00...0xD7A3).contains(value)
            || (0x3041...0x3096).contains(value) || (0x30A1...0x30FA).contains(value) { return (3, 2) }
        return (0, 0)
    }

    /// Whether the space byte at `k` is a grapheme of its own for certain, judged from the
    /// scalars either side: it joins the one before only if that is a Prepend character, the
    /// one after only if that extends (a mark, a joiner); ``plainScalar(_:_:_:)``'s do neither.
    @inline(__always)
    fileprivate static func spaceStandsAlone(_ bytes: UnsafeBufferPointer<UInt8>, _ k: Int) -> Bool {
        let n = bytes.count
        if k + 1 < n, bytes[k + 1] >= 0x80, plainScalar(bytes, k + 1, n).length == 0 { return false }
        guard k > 0, bytes[k - 1] >= 0x80 else { return true }
        // The scalar before: back over at most three continuation bytes to its first byte.
        var first = k - 1
        while first > 0, k - first < 4, bytes[first] & 0xC0 == 0x80 { first -= 1 }
        return plainScalar(bytes, first, k).length == k - first
    }

    /// Whether `word`'s first character would merge with a space put before it into one grapheme
    /// (it begins with a combining mark, a joiner or another extender).
    static func joinsSpaceBefore(_ word: Substring) -> Bool {
        guard let first = word.unicodeScalars.first, first.value >= 0x300 else { return false }
        var probe = " "
        probe.unicodeScalars.append(first)
        return probe.count == 1
    }

    /// Columns between tab stops.
    public static let tabStop = 8

    /// The words of text that holds tabs, each with whether a tab came before it (the run of
    /// spaces and tabs before it held one).
    static func tabbedWords(_ text: String) -> [(Substring, Bool)] {
        var result: [(Substring, Bool)] = []
        for word in words(text) {
            var tab = false
            var rest = word[...]
            while let t = rest.firstIndex(of: "\t") {
                if rest.startIndex < t { result.append((rest[..<t], tab)) }
                tab = true
                rest = rest[rest.index(after: t)...]
            }
            if !rest.isEmpty { result.append((rest, tab)) }
        }
        return result
    }

    /// The words of `text`: exactly `text.split(separator: " ")` (a space that a combining mark
    /// joins is part of a word, not a break), found by bytes instead of by walking every
    /// character; only a space byte's own two edges are checked for character boundaries.
    static func words(_ text: String) -> [Substring] {
        var result: [Substring] = []
        let utf8 = text.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        var copy = text
        copy.withUTF8 { bytes in
            let n = bytes.count
            var wordStart = 0
            for k in 0..<n where bytes[k] == 0x20 {
                // Between ASCII bytes (or an end) a space is a character of its own: nothing
                // but a Prepend scalar before it or an extender after it would join it.
                let plain = (k == 0 || bytes[k - 1] < 0x80) && (k + 1 == n || bytes[k + 1] < 0x80)
                if !plain && (index(k).samePosition(in: text) == nil || index(k + 1).samePosition(in: text) == nil) { continue }
                if wordStart < k { result.append(text[index(wordStart)..<index(k)]) }
                wordStart = k + 1
            }
            if wordStart < n { result.append(text[index(wordStart)..<index(n)]) }
        }
        return result
    }
}

extension String {
    /// The substring of UTF-8 bytes `bytes` (whose ends are on scalar boundaries).
    public func utf8Slice(_ bytes: Range<Int>) -> Substring {
        let start = utf8.index(utf8.startIndex, offsetBy: bytes.lowerBound)
        return self[start..<utf8.index(start, offsetBy: bytes.count)]
    }
}

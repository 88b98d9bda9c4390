#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A parsed ``Article`` as compact bytes, and back: what the search index keeps of each article
/// so that the reader can show it without parsing the file again (see DECISIONS.md, "Per-key
/// cost (issue 17)").
///
/// The id and path are not kept: they come from the library's entry. The bytes are only as
/// good as the parser that made them: whoever keeps them keeps ``ArticleParser/version`` beside
/// them, and the file's size and modification time.
///
/// The texts of the paragraphs and crossheads, most of an article, may be left out
/// (`bodyApart`): the search index keeps them already, as its searchable body
/// (``bodyText(of:)``: one a line), and hands that back with the bytes. That is done only when
/// the lines give the texts back exactly (``canKeepBodyApart(_:)``: no text empty or holding a
/// line break).
///
/// Or the texts may be left to the article's file (`inFile`): when the reader takes a kept
/// article, the file has the size and modification time it had when it was parsed, and it has
/// opened it already; reading its bytes costs little next to fetching and unpacking the body
/// kept for search. Each headline, standfirst, block or quote text that appears verbatim in
/// the file's bytes is kept as where it starts there (its length is kept anyway); the others are
/// kept inline. Decoding then checks each range against the bytes (inside them, valid UTF-8:
/// a range that cuts a letter is refused).
///
/// ## Format
/// Numbers are LEB128 varints (unsigned); a string is its UTF-8 byte count then the bytes; an
/// optional string is 0 for nil, or its byte count plus one then the bytes.
///
/// ```
/// format (1), layout (0: every text is here; 1: the paragraphs' and crossheads' are the body's
///         lines; 2: texts marked so are ranges of the file)
/// headline*, standfirst?*, source?, date?, unreadableReason?, words
/// warnings: count, then each string
/// blocks: count, then each: kind (0 paragraph, 1 crosshead, 2 pullquote, 3 boilerplate),
///         text* (not for a paragraph or crosshead when apart), attribution?
/// quotes: count, then each: place (0 body, 1 headline, 2 standfirst), block (body only),
///         flags (1 pull, 2 has repeats), repeats (when flagged), text*, speaker?, speakerEvidence?
/// ```
/// With layout 2 the texts marked * are kept as a number n then, when n is even, n/2 bytes of
/// text, and when it is odd, the offset in the file where its (n-1)/2 bytes start (an optional
/// one is 0 for nil, or that number plus one).
///
/// ``decode(_:body:id:path:)`` checks everything (lengths and counts against the bytes left,
/// UTF-8, kinds and places, a body quote's block against the blocks, `repeats` against the
/// quotes, the body's lines against the blocks, nothing left over) and throws ``Malformed``
/// rather than trap: the bytes come from a file that may be damaged.
public enum ArticleModelCodec {
    /// The layout above; a blob that starts otherwise is refused.
    static let format: UInt8 = 1

    /// Why bytes could not be decoded.
    public struct Malformed: Error, Equatable {
        public var reason: String
    }

    // MARK: - The body apart

    /// The texts of the article's paragraphs and crossheads, one a line: what the search index
    /// keeps as an article's searchable body.
    public static func bodyText(of article: Article) -> String {
        var body = ""
        for block in article.blocks where holdsBody(block.kind) {
            if !body.isEmpty { body += "\n" }
            body += block.text
        }
        return body
    }

    /// Whether ``bodyText(of:)`` gives the paragraphs' and crossheads' texts back exactly:
    /// none is empty or holds a line break.
    public static func canKeepBodyApart(_ article: Article) -> Bool {
        article.blocks.allSatisfy { block in
            !holdsBody(block.kind) || (!block.text.isEmpty && !block.text.utf8.contains(UInt8(ascii: "\n")))
        }
    }

    private static func holdsBody(_ kind: BlockKind) -> Bool { kind == .paragraph || kind == .crosshead }

    // MARK: - Encoding

    /// The article's bytes (all but its id and path); with `bodyApart`, without the texts of
    /// its paragraphs and crossheads when ``canKeepBodyApart(_:)`` (decoding then needs
    /// ``bodyText(of:)``).
    public static func encode(_ article: Article, bodyApart: Bool = false) -> [UInt8] {
        encode(article, bodyApart: bodyApart, file: nil)
    }

    /// The article's bytes (all but its id and path), its texts that appear verbatim in `file`
    /// (the bytes of the file it was parsed from) kept as where they are there; decoding then
    /// needs the same bytes.
    public static func encode(_ article: Article, file: UnsafeRawBufferPointer) -> [UInt8] {
        encode(article, bodyApart: false, file: file)
    }

    private static func encode(_ article: Article, bodyApart: Bool, file: UnsafeRawBufferPointer?) -> [UInt8] {
        let apart = file == nil && bodyApart && canKeepBodyApart(article)
        var out: [UInt8] = []
        out.reserveCapacity((apart || file != nil ? 64 : article.blocks.reduce(64) { $0 + $1.text.utf8.count + 4 })
                            + article.blocks.count * 4 + article.quotes.count * 64)
        out.append(format)
        out.append(file != nil ? 2 : apart ? 1 : 0)
        var finder = file.map { FileTexts(file: $0) }
        /// A text marked * in the format (an optional one with `plusOne`), and where it is in
        /// the file (nil: kept inline). Looked for inside `inside`, or with `inOrder` after the
        /// last text found in file order; neither: kept inline.
        @discardableResult
        func putText(_ text: String, inOrder: Bool = false, inside: Range<Int>? = nil, plusOne: Bool = false,
                     _ out: inout [UInt8]) -> Range<Int>? {
            guard finder != nil else {
                plusOne ? putOptional(text, &out) : putString(text, &out)
                return nil
            }
            let length = UInt64(text.utf8.count)
            let extra: UInt64 = plusOne ? 1 : 0
            if inOrder || inside != nil, let start = finder!.find(text, inside: inOrder ? nil : inside) {
                putNumber(length * 2 + 1 + extra, &out)
                putNumber(UInt64(start), &out)
                return start..<start + Int(length)
            }
            putNumber(length * 2 + extra, &out)
            out.append(contentsOf: text.utf8)
            return nil
        }
        let headlineRange = putText(article.headline, inOrder: true, &out)
        var standfirstRange: Range<Int>?
        if let standfirst = article.standfirst {
            standfirstRange = putText(standfirst, inOrder: true, plusOne: true, &out)
        } else {
            out.append(0)
        }
        putOptional(article.source, &out)
        putOptional(article.date, &out)
        putOptional(article.unreadableReason, &out)
        putNumber(UInt64(max(0, article.words)), &out)
        putNumber(UInt64(article.warnings.count), &out)
        for warning in article.warnings { putString(warning, &out) }
        putNumber(UInt64(article.blocks.count), &out)
        var blockRanges: [Range<Int>?] = []
        for block in article.blocks {
            out.append(kindCode(block.kind))
            if !(apart && holdsBody(block.kind)) {
                let range = putText(block.text, inOrder: true, &out)
                if finder != nil { blockRanges.append(range) }
            }
            putOptional(block.attribution, &out)
        }
        putNumber(UInt64(article.quotes.count), &out)
        for quote in article.quotes {
            out.append(placeCode(quote.place))
            if quote.place == .body { putNumber(UInt64(max(0, quote.block)), &out) }
            out.append((quote.pull ? 1 : 0) | (quote.repeats != nil ? 2 : 0))
            if let repeats = quote.repeats { putNumber(UInt64(max(0, repeats)), &out) }
            // Looked for inside its block (or the headline or standfirst), when that is in the file.
            let inside: Range<Int>?? = switch quote.place {
            case .body: blockRanges.indices.contains(quote.block) ? blockRanges[quote.block] : nil
            case .headline: headlineRange
            case .standfirst: standfirstRange
            }
            putText(quote.text, inside: inside ?? nil, &out)
            putOptional(quote.speaker, &out)
            putOptional(quote.speakerEvidence, &out)
        }
        return out
    }

    /// Finds texts in a file's bytes, for ``encode(_:file:)``.
    private struct FileTexts {
        let file: UnsafeRawBufferPointer
        /// Where the texts in file order (headline, standfirst, blocks) are looked for next.
        var cursor = 0
        /// How far past the cursor a text in file order may start (what the parser dropped
        /// between two texts: blank lines, markup, boilerplate).
        static let gap = 64 * 1024
        /// How many places where a text's first byte is are compared with it, at most: the
        /// search stays linear in the file whatever its bytes (a text that is not in the file
        /// but nearly, at every place, would otherwise make it quadratic).
        static let tries = 32

        /// Where `text` starts in the file (nil: not found, or too short to be worth a range):
        /// looked for inside `inside` (a quote, in the text it is part of); or with `inside`
        /// nil, from the cursor (at most ``gap`` bytes further), which it then moves past it.
        mutating func find(_ text: String, inside: Range<Int>?) -> Int? {
            var text = text
            let count = text.utf8.count
            guard count >= 4, let base = file.baseAddress else { return nil }
            let window = inside ?? cursor..<min(file.count, cursor + count + Self.gap)
            guard window.lowerBound >= 0, window.upperBound <= file.count, window.count >= count else { return nil }
            let found = text.withUTF8 { needle -> Int? in
                guard let wanted = needle.baseAddress else { return nil }
                var at = window.lowerBound
                let last = window.upperBound - count
                for _ in 0..<Self.tries where at <= last {
                    guard let hit = memchr(base + at, Int32(wanted[0]), last + 1 - at) else { return nil }
                    let offset = UnsafeRawPointer(hit) - base
                    if memcmp(base + offset, wanted, count) == 0 { return offset }
                    at = offset + 1
                }
                return nil
            }
            if inside == nil, let found { cursor = found + count }
            return found
        }
    }

    private static func kindCode(_ kind: BlockKind) -> UInt8 {
        switch kind {
        case .paragraph: 0
        case .crosshead: 1
        case .pullquote: 2
        case .boilerplate: 3
        }
    }

    private static func placeCode(_ place: QuotePlace) -> UInt8 {
        switch place {
        case .body: 0
        case .headline: 1
        case .standfirst: 2
        }
    }

    private static func putNumber(_ value: UInt64, _ out: inout [UInt8]) {
        var rest = value
        while rest >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        out.append(UInt8(rest))
    }

    private static func putString(_ text: String, _ out: inout [UInt8]) {
        putNumber(UInt64(text.utf8.count), &out)
        out.append(contentsOf: text.utf8)
    }

    private static func putOptional(_ text: String?, _ out: inout [UInt8]) {
        guard let text else { return out.append(0) }
        putNumber(UInt64(text.utf8.count) + 1, &out)
        out.append(contentsOf: text.utf8)
    }

    // MARK: - Decoding

    /// The article the bytes describe, with this id and path; `body` is the UTF-8 of
    /// ``bodyText(of:)``, needed when the bytes were made with the body apart. Throws
    /// ``Malformed`` for bytes that ``encode(_:bodyApart:)`` did not make (cut short, damaged,
    /// or of another format), or a body that does not fit them.
    public static func decode(_ bytes: [UInt8], body: [UInt8]? = nil, id: String, path: String) throws(Malformed) -> Article {
        try decode(bytes, body: body, file: nil, id: id, path: path)
    }

    /// ``decode(_:body:id:path:)``, with the bytes of the article's file for the texts
    /// ``encode(_:file:)`` left there (each range is checked against them).
    public static func decode(_ bytes: [UInt8], body: [UInt8]?, file: UnsafeRawBufferPointer?, id: String, path: String)
        throws(Malformed) -> Article {
        try bytes.withUnsafeBufferPointer { buffer throws(Malformed) in
            try (body ?? []).withUnsafeBufferPointer { lines throws(Malformed) in
                var reader = Reader(bytes: buffer, file: file.map { $0.assumingMemoryBound(to: UInt8.self) })
                return try reader.article(id: id, path: path, body: body == nil ? nil : lines)
            }
        }
    }

    /// Whether the bytes leave texts to the article's file (``encode(_:file:)``): decoding
    /// them needs the file's bytes, and not the body.
    public static func needsFile(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == format && bytes[1] == 2
    }

    /// Reads the format from the front, checking as it goes.
    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        /// The file's bytes, when given.
        let file: UnsafeBufferPointer<UInt8>?
        /// Whether the texts marked * in the format may be ranges of the file (layout 2).
        var inFile = false
        var at = 0

        init(bytes: UnsafeBufferPointer<UInt8>, file: UnsafeBufferPointer<UInt8>? = nil) {
            self.bytes = bytes
            self.file = file
        }

        mutating func article(id: String, path: String, body: UnsafeBufferPointer<UInt8>?) throws(Malformed) -> Article {
            guard try byte() == ArticleModelCodec.format else { throw Malformed(reason: "unknown format") }
            var lines: BodyLines?
            switch try byte() {
            case 0: lines = nil
            case 1:
                guard let body else { throw Malformed(reason: "the body text is missing") }
                lines = BodyLines(bytes: body)
            case 2:
                guard file != nil else { throw Malformed(reason: "the file is missing") }
                inFile = true
            default: throw Malformed(reason: "unknown layout")
            }
            let headline = try piece()
            let standfirst = try optionalPiece()
            let source = try optional()
            let date = try optional()
            let unreadable = try optional()
            let words = try count(limit: Int.max, "word count")
            let warningCount = try count(limit: remaining, "warning count")
            var warnings: [String] = []
            warnings.reserveCapacity(warningCount)
            for _ in 0..<warningCount { warnings.append(try string()) }
            // Each block takes at least 2 bytes, each quote at least 5: a count is checked
            // against what is left before anything is reserved for it.
            let blockCount = try count(limit: remaining / 2, "block count")
            var blocks: [Block] = []
            blocks.reserveCapacity(blockCount)
            for _ in 0..<blockCount {
                let kind: BlockKind
                switch try byte() {
                case 0: kind = .paragraph
                case 1: kind = .crosshead
                case 2: kind = .pullquote
                case 3: kind = .boilerplate
                default: throw Malformed(reason: "unknown block kind")
                }
                let text: String
                if holdsBody(kind), var kept = lines {
                    guard let line = try kept.next() else { throw Malformed(reason: "the body has too few lines") }
                    lines = kept
                    text = line
                } else {
                    text = try piece()
                }
                blocks.append(Block(kind: kind, text: text, attribution: try optional()))
            }
            if let lines, !lines.atEnd { throw Malformed(reason: "the body has too many lines") }
            let quoteCount = try count(limit: remaining / 5, "quote count")
            var quotes: [Quote] = []
            quotes.reserveCapacity(quoteCount)
            for _ in 0..<quoteCount {
                let place: QuotePlace
                switch try byte() {
                case 0: place = .body
                case 1: place = .headline
                case 2: place = .standfirst
                default: throw Malformed(reason: "unknown quote place")
                }
                let block = place == .body ? try count(limit: blockCount - 1, "quote block") : -1
                let flags = try byte()
                guard flags < 4 else { throw Malformed(reason: "unknown quote flags") }
                let repeats = flags & 2 != 0 ? try count(limit: quoteCount - 1, "repeated quote") : nil
                let text = try piece()
                let speaker = try optional()
                let evidence = try optional()
                quotes.append(Quote(text: text, speaker: speaker, block: block, pull: flags & 1 != 0, repeats: repeats,
                                    speakerEvidence: evidence, place: place))
            }
            guard at == bytes.count else { throw Malformed(reason: "bytes after the article") }
            return Article(id: id, path: path, headline: headline, standfirst: standfirst, blocks: blocks, quotes: quotes,
                           warnings: warnings, words: words, unreadableReason: unreadable, source: source, date: date)
        }

        var remaining: Int { bytes.count - at }

        /// The texts of the paragraphs and crossheads, from the UTF-8 of the body kept apart.
        struct BodyLines {
            let bytes: UnsafeBufferPointer<UInt8>
            /// Where the next line starts; nil once every line was taken (at once for "").
            var start: Int?

            init(bytes: UnsafeBufferPointer<UInt8>) {
                self.bytes = bytes
                start = bytes.isEmpty ? nil : 0
            }

            /// The next line (valid UTF-8, or it throws); nil after the last.
            mutating func next() throws(Malformed) -> String? {
                guard let from = start, let base = bytes.baseAddress else { return nil }
                let end = memchr(base + from, 0x0A, bytes.count - from).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) }
                    ?? bytes.count
                start = end < bytes.count ? end + 1 : nil
                guard let line = String(validating: UnsafeBufferPointer(rebasing: bytes[from..<end]), as: UTF8.self) else {
                    throw Malformed(reason: "the body is not UTF-8")
                }
                return line
            }

            var atEnd: Bool { start == nil }
        }

        mutating func byte() throws(Malformed) -> UInt8 {
            guard at < bytes.count else { throw Malformed(reason: "cut short") }
            defer { at += 1 }
            return bytes[at]
        }

        /// A varint of at most 9 bytes (63 bits).
        mutating func number() throws(Malformed) -> UInt64 {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                let next = try byte()
                value |= UInt64(next & 0x7F) << shift
                if next < 0x80 { return value }
                shift += 7
                guard shift < 63 else { throw Malformed(reason: "number too long") }
            }
        }

        /// A number in `0...limit`.
        mutating func count(limit: Int, _ what: String) throws(Malformed) -> Int {
            let value = try number()
            guard limit >= 0, value <= UInt64(limit) else { throw Malformed(reason: "\(what) out of range") }
            return Int(value)
        }

        mutating func string() throws(Malformed) -> String {
            try text(length: number())
        }

        /// A text marked * in the format: with layout 2, inline or a range of the file.
        mutating func piece() throws(Malformed) -> String {
            guard inFile else { return try string() }
            return try piece(tag: number())
        }

        mutating func optionalPiece() throws(Malformed) -> String? {
            guard inFile else { return try optional() }
            let tag = try number()
            return tag == 0 ? nil : try piece(tag: tag - 1)
        }

        private mutating func piece(tag: UInt64) throws(Malformed) -> String {
            let length = tag >> 1
            guard tag & 1 == 1 else { return try text(length: length) }
            let start = try number()
            guard let file, start <= UInt64(file.count), length <= UInt64(file.count) - start else {
                throw Malformed(reason: "range outside the file")
            }
            let slice = UnsafeBufferPointer(rebasing: file[Int(start)..<Int(start + length)])
            guard let text = String(validating: slice, as: UTF8.self) else { throw Malformed(reason: "range not UTF-8") }
            return text
        }

        mutating func optional() throws(Malformed) -> String? {
            let tag = try number()
            return tag == 0 ? nil : try text(length: tag - 1)
        }

        /// The next `length` bytes as valid UTF-8.
        mutating func text(length value: UInt64) throws(Malformed) -> String {
            guard value <= UInt64(remaining) else { throw Malformed(reason: "string longer than the bytes left") }
            let length = Int(value)
            let slice = UnsafeBufferPointer(rebasing: bytes[at..<at + length])
            guard let text = String(validating: slice, as: UTF8.self) else { throw Malformed(reason: "invalid UTF-8") }
            at += length
            return text
        }
    }
}

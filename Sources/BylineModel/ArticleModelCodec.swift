/// A parsed ``Article`` as compact bytes, and back: what the search index keeps of each article
/// so that the reader can show it without parsing the file again (see DECISIONS.md, "Per-key
/// cost (issue 17)").
///
/// The id and path are not kept: they come from the library's entry. The bytes are only as
/// good as the parser that made them: whoever keeps them keeps ``ArticleParser/version`` beside
/// them, and the file's size and modification time.
///
/// ## Format
/// Numbers are LEB128 varints (unsigned); a string is its UTF-8 byte count then the bytes; an
/// optional string is 0 for nil, or its byte count plus one then the bytes.
///
/// ```
/// format (1)
/// headline, standfirst?, source?, date?, unreadableReason?, words
/// warnings: count, then each string
/// blocks: count, then each: kind (0 paragraph, 1 crosshead, 2 pullquote, 3 boilerplate),
///         text, attribution?
/// quotes: count, then each: place (0 body, 1 headline, 2 standfirst), block (body only),
///         flags (1 pull, 2 has repeats), repeats (when flagged), text, speaker?, speakerEvidence?
/// ```
///
/// ``decode(_:id:path:)`` checks everything (lengths and counts against the bytes left, UTF-8,
/// kinds and places, a body quote's block against the blocks, `repeats` against the quotes,
/// nothing left over) and throws ``Malformed`` rather than trap: the bytes come from a file
/// that may be damaged.
public enum ArticleModelCodec {
    /// The layout above; a blob that starts otherwise is refused.
    static let format: UInt8 = 1

    /// Why bytes could not be decoded.
    public struct Malformed: Error, Equatable {
        public var reason: String
    }

    // MARK: - Encoding

    /// The article's bytes (all but its id and path).
    public static func encode(_ article: Article) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(article.blocks.reduce(64) { $0 + $1.text.utf8.count + 4 } + article.quotes.count * 64)
        out.append(format)
        putString(article.headline, &out)
        putOptional(article.standfirst, &out)
        putOptional(article.source, &out)
        putOptional(article.date, &out)
        putOptional(article.unreadableReason, &out)
        putNumber(UInt64(max(0, article.words)), &out)
        putNumber(UInt64(article.warnings.count), &out)
        for warning in article.warnings { putString(warning, &out) }
        putNumber(UInt64(article.blocks.count), &out)
        for block in article.blocks {
            out.append(kindCode(block.kind))
            putString(block.text, &out)
            putOptional(block.attribution, &out)
        }
        putNumber(UInt64(article.quotes.count), &out)
        for quote in article.quotes {
            out.append(placeCode(quote.place))
            if quote.place == .body { putNumber(UInt64(max(0, quote.block)), &out) }
            out.append((quote.pull ? 1 : 0) | (quote.repeats != nil ? 2 : 0))
            if let repeats = quote.repeats { putNumber(UInt64(max(0, repeats)), &out) }
            putString(quote.text, &out)
            putOptional(quote.speaker, &out)
            putOptional(quote.speakerEvidence, &out)
        }
        return out
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

    /// The article the bytes describe, with this id and path; throws ``Malformed`` for bytes
    /// that ``encode(_:)`` did not make (cut short, damaged, or of another format).
    public static func decode(_ bytes: [UInt8], id: String, path: String) throws(Malformed) -> Article {
        try bytes.withUnsafeBufferPointer { buffer throws(Malformed) in
            var reader = Reader(bytes: buffer)
            return try reader.article(id: id, path: path)
        }
    }

    /// Reads the format from the front, checking as it goes.
    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var at = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        mutating func article(id: String, path: String) throws(Malformed) -> Article {
            guard try byte() == ArticleModelCodec.format else { throw Malformed(reason: "unknown format") }
            let headline = try string()
            let standfirst = try optional()
            let source = try optional()
            let date = try optional()
            let unreadable = try optional()
            let words = try count(limit: Int.max, "word count")
            let warningCount = try count(limit: remaining, "warning count")
            var warnings: [String] = []
            warnings.reserveCapacity(warningCount)
            for _ in 0..<warningCount { warnings.append(try string()) }
            // Each block takes at least 3 bytes, each quote at least 6: a count is checked
            // against what is left before anything is reserved for it.
            let blockCount = try count(limit: remaining / 3, "block count")
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
                let text = try string()
                blocks.append(Block(kind: kind, text: text, attribution: try optional()))
            }
            let quoteCount = try count(limit: remaining / 6, "quote count")
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
                let text = try string()
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

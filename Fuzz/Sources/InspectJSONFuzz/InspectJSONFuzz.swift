// libFuzzer entry for `byline inspect --json`: bytes become an article file (its name from the
// first bytes, its content the rest), read as the command reads it (a Library of its folder),
// and encoded by ArticleJSON, which the command prints. The line must parse back as JSON with
// every key, of the right type, holding the article's own text.
//
// The first byte gives the name's length (0-31); that many bytes are the name (a "/" or NUL
// becomes "_", a leading "." too, so the file is listed), and ".txt" is added.
import BylineModel
import Foundation
import FuzzSupport
import Glibc

@main
enum InspectJSONFuzz {
    static func main() { Fuzz.run(fuzzInspectJSON) }
}

/// The folder every input's file is written into (and removed from).
private let folder: String = {
    let base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : (ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp")
    var template = Array("\(base)/byline-inspectfuzz-XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else { fatalError("fuzz setup: cannot make a folder in \(base)") }
    return String(cString: made)
}()

private func describe(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    bytes.prefix(64).map { String($0, radix: 16) }.joined(separator: " ")
}

private func fuzzInspectJSON(_ input: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Fuzz.bytes(input, size)
    let nameLength = min(Int(bytes.first ?? 0) % 32, max(0, bytes.count - 1))
    var name = bytes.dropFirst().prefix(nameLength).map { $0 == 0x2F || $0 == 0 ? UInt8(0x5F) : $0 }
    if name.first == 0x2E { name[0] = 0x5F }
    if name.isEmpty { name = [0x61] }
    let path = Array(folder.utf8) + [0x2F] + name + Array(".txt".utf8)
    let content = Data(bytes.dropFirst(1 + nameLength))
    let cPath = path.map { CChar(bitPattern: $0) } + [0]
    let fd = open(cPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard fd >= 0 else { fatalError("fuzz setup: cannot write a file in \(folder) (\(errno))") }
    _ = content.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    close(fd)
    defer { unlink(cPath) }

    func violated(_ what: String) -> Never { Fuzz.violated(what, describe(bytes)) }
    let library: Library
    do {
        library = try Library(paths: [folder])
    } catch {
        violated("the folder cannot be listed: \(error)")
    }
    for problem in library.problems { _ = problem }  // the command prints these on stderr, not as JSON
    for index in 0..<library.count {
        let article = library.article(at: index)
        JSONChecks(line: ArticleJSON.line(article), article: article, violated: violated).check()
    }
    return 0
}

/// `inspect --json`'s line for one article, parsed back and compared with the article.
private struct JSONChecks {
    let line: String
    let article: Article
    let violated: (String) -> Never

    func check() {
        if line.contains("\n") || line.contains("\r") { violated("the JSON is not one line") }
        let parsed: Any
        do {
            parsed = try JSONDecoder().decode(JSONValue.self, from: Data(line.utf8)).object
        } catch {
            violated("invalid JSON (\(error)): \(line.prefix(300))")
        }
        guard let object = parsed as? [String: Any] else { violated("the JSON is not an object: \(line.prefix(200))") }
        if object.keys.sorted() != ArticleJSON.keys { violated("keys \(object.keys.sorted())") }
        same(object["id"], article.id, "id")
        same(object["path"], TextSanitizer.sanitize(article.path), "path")
        same(object["headline"], article.headline, "headline")
        optional(object["standfirst"], article.standfirst, "standfirst")
        optional(object["source"], article.source, "source")
        optional(object["date"], article.date, "date")
        optional(object["problem"], article.unreadableReason, "problem")
        if (object["words"] as? Int) != article.words { violated("words \(String(describing: object["words"]))") }
        if (object["readable"] as? Bool) != (article.unreadableReason == nil) { violated("readable") }
        guard let warnings = object["warnings"] as? [Any], warnings.count == article.warnings.count else { violated("warnings") }
        for (value, warning) in zip(warnings, article.warnings) { same(value, warning, "warning") }
        checkBlocks(object["blocks"])
        checkQuotes(object["quotes"])
    }

    private func checkBlocks(_ value: Any?) {
        guard let blocks = value as? [[String: Any]], blocks.count == article.blocks.count else { violated("blocks") }
        for (i, (object, block)) in zip(blocks, article.blocks).enumerated() {
            let keys = block.attribution == nil ? ["kind", "text"] : ["attribution", "kind", "text"]
            if object.keys.sorted() != keys { violated("block \(i) keys \(object.keys.sorted())") }
            same(object["kind"], block.kind.rawValue, "block \(i) kind")
            same(object["text"], block.text, "block \(i) text")
            if let attribution = block.attribution { same(object["attribution"], attribution, "block \(i) attribution") }
        }
    }

    private func checkQuotes(_ value: Any?) {
        guard let quotes = value as? [[String: Any]], quotes.count == article.quotes.count else { violated("quotes") }
        for (i, (object, quote)) in zip(quotes, article.quotes).enumerated() {
            if object.keys.sorted() != ["block", "place", "pull", "speaker", "speakerEvidence", "text"] {
                violated("quote \(i) keys \(object.keys.sorted())")
            }
            same(object["text"], quote.text, "quote \(i) text")
            optional(object["speaker"], quote.speaker, "quote \(i) speaker")
            optional(object["speakerEvidence"], quote.speakerEvidence, "quote \(i) speakerEvidence")
            same(object["place"], quote.place.rawValue, "quote \(i) place")
            if (object["block"] as? Int) != quote.block { violated("quote \(i) block") }
            if (object["pull"] as? Bool) != quote.pull { violated("quote \(i) pull") }
        }
    }

    /// The string came back scalar for scalar.
    private func same(_ value: Any?, _ expected: String, _ field: String) {
        guard let string = value as? String else { violated("\(field) is not a string: \(String(describing: value))") }
        if !string.unicodeScalars.elementsEqual(expected.unicodeScalars) {
            violated("\(field) came back as \(string.debugDescription.prefix(120)), not \(expected.debugDescription.prefix(120))")
        }
    }

    /// A string, or null when there is none.
    private func optional(_ value: Any?, _ expected: String?, _ field: String) {
        if let expected { same(value, expected, field) } else if !(value is NSNull) { violated("\(field) is not null") }
    }
}

/// A JSON value read back with `JSONDecoder`, handed on as Foundation objects (`[String: Any]`,
/// `[Any]`, `String`, `Int`, `Double`, `Bool`, `NSNull`). Not `JSONSerialization`: on Linux it
/// drops a U+FEFF at the start of a string and right after any escape in it (`"\"\u{FEFF}He"`
/// comes back as `"\"He"`), as if each were a byte order mark, though the line holds it; found
/// by this target twice, with files named U+FEFF "Hea" and "\"" U+FEFF "He". `JSONDecoder`
/// reads them back scalar for scalar, as Python's `json` does.
private enum JSONValue: Decodable {
    case null, bool(Bool), int(Int), double(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let single = try decoder.singleValueContainer()
        if single.decodeNil() { self = .null }
        else if let value = try? single.decode(Bool.self) { self = .bool(value) }
        else if let value = try? single.decode(Int.self) { self = .int(value) }
        else if let value = try? single.decode(Double.self) { self = .double(value) }
        else if let value = try? single.decode(String.self) { self = .string(value) }
        else if let value = try? single.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try single.decode([String: JSONValue].self)) }
    }

    /// The value as the Foundation objects `JSONSerialization` would give.
    var object: Any {
        switch self {
        case .null: return NSNull()
        case .bool(let value): return value
        case .int(let value): return value
        case .double(let value): return value
        case .string(let value): return value
        case .array(let values): return values.map(\.object)
        case .object(let members): return members.mapValues(\.object)
        }
    }
}

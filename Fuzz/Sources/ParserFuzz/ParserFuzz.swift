// libFuzzer entry for the article parser: bytes -> ArticleParser.parse, then the model's
// safety invariants over every field.
import BylineModel
import FuzzSupport
import Foundation

/// No C0 control except "\n" and tab (kept as layout), no DEL, C1, ESC, or bidi override/isolate.
private func checkClean(_ text: String, _ field: String) {
    for scalar in text.unicodeScalars {
        if TextSanitizer.isForbidden(scalar) {
            Fuzz.violated("\(field) holds U+\(String(scalar.value, radix: 16, uppercase: true))", text)
        }
    }
}

/// Every text field of an article, with the invariants of the model.
private func checkArticle(_ article: Article) {
    checkClean(article.headline, "headline")
    if article.headline.isEmpty { Fuzz.violated("empty headline", article.headline) }
    if article.headline.contains("\n") { Fuzz.violated("headline holds a newline", article.headline) }
    if let standfirst = article.standfirst { checkClean(standfirst, "standfirst") }
    for (i, block) in article.blocks.enumerated() {
        checkClean(block.text, "block \(i) text")
        if let attribution = block.attribution { checkClean(attribution, "block \(i) attribution") }
    }
    for (i, quote) in article.quotes.enumerated() {
        checkClean(quote.text, "quote \(i) text")
        if let speaker = quote.speaker { checkClean(speaker, "quote \(i) speaker") }
        // A quote in the headline or standfirst stands in the header (block -1), not in a block.
        if quote.place != .body {
            if quote.block != -1 || quote.pull { Fuzz.violated("quote \(i) in the \(quote.place) points at block \(quote.block)", quote.text) }
            continue
        }
        guard article.blocks.indices.contains(quote.block) else {
            Fuzz.violated("quote \(i) points at block \(quote.block) of \(article.blocks.count)", quote.text)
        }
        if quote.pull != (article.blocks[quote.block].kind == .pullquote) {
            Fuzz.violated("quote \(i) pull flag disagrees with its block's kind", quote.text)
        }
        if let r = quote.repeats, !article.quotes.indices.contains(r) {
            Fuzz.violated("quote \(i) repeats \(r) of \(article.quotes.count)", quote.text)
        }
    }
    for warning in article.warnings { checkClean(warning, "warning") }
    if let reason = article.unreadableReason { checkClean(reason, "unreadable reason") }
    if article.words < 0 { Fuzz.violated("negative word count \(article.words)", article.headline) }
}

@main
enum ParserFuzz {
    static func main() { Fuzz.run(fuzzParser) }
}

/// One input.
private func fuzzParser(_ input: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Fuzz.bytes(input, size)
    let data = Data(bytes)
    // The id comes from the file name in real use: fuzz it too (it feeds the placeholder headline).
    let id = String(decoding: data.prefix(12), as: UTF8.self)
    let article = ArticleParser.parse(data: data, id: id, path: "/fuzz/\(id).txt")
    checkArticle(article)

    // The library's cheap headline read must agree with the full parse.
    switch ArticleParser.headline(prefix: data, id: id, complete: true) {
    case .headline(let headline):
        if article.unreadableReason != nil { Fuzz.violated("headline read found text in an unreadable file", headline) }
        if headline != article.headline {
            Fuzz.violated("headline read \(headline.debugDescription) differs from parse", article.headline)
        }
    case .unreadable(let reason):
        if article.unreadableReason != reason { Fuzz.violated("headline read says unreadable: \(reason)", article.headline) }
    }

    // The search index keeps the article as ArticleModelCodec's bytes (its body's texts apart,
    // as the index's searchable body): they must give it back exactly, both ways. And the input
    // itself as such bytes (damaged ones, as a damaged index would hold) must be refused or
    // decode, never crash.
    let body = Array(ArticleModelCodec.bodyText(of: article).utf8)
    for (apart, given) in [(false, nil), (true, body)] {
        let kept = ArticleModelCodec.encode(article, bodyApart: apart)
        if (try? ArticleModelCodec.decode(kept, body: given, id: id, path: "/fuzz/\(id).txt")) != article {
            Fuzz.violated("the kept model does not give the article back (body apart: \(apart))", article.headline)
        }
    }
    // As the indexer keeps it: its texts left to the file's bytes, which must give it back.
    let inFile = data.withUnsafeBytes { ArticleModelCodec.encode(article, file: $0) }
    if data.withUnsafeBytes({ try? ArticleModelCodec.decode(inFile, body: nil, file: $0, id: id, path: "/fuzz/\(id).txt") }) != article {
        Fuzz.violated("the kept model does not give the article back from its file", article.headline)
    }
    // The input as a model of that layout (format 1, layout 2): refused or an article, never a crash.
    let damaged: [UInt8] = [0x01, 0x02] + bytes
    if let odd = try? data.withUnsafeBytes({ try ArticleModelCodec.decode(damaged, body: nil, file: $0, id: id, path: "/fuzz") }) {
        for quote in odd.quotes where quote.place == .body ? !odd.blocks.indices.contains(quote.block) : quote.block != -1 {
            Fuzz.violated("decoded bytes hold a quote of block \(quote.block) of \(odd.blocks.count)", quote.text)
        }
    }
    if let odd = try? ArticleModelCodec.decode(Array(bytes), body: Array(bytes.prefix(64)), id: id, path: "/fuzz") {
        for quote in odd.quotes where quote.place == .body ? !odd.blocks.indices.contains(quote.block) : quote.block != -1 {
            Fuzz.violated("decoded bytes hold a quote of block \(quote.block) of \(odd.blocks.count)", quote.text)
        }
    }

    // The sanitiser alone, on lossily decoded bytes: clean output, and a second pass changes nothing.
    let decoded = String(decoding: data, as: UTF8.self)
    let clean = TextSanitizer.sanitize(decoded)
    checkClean(clean, "sanitised text")
    if clean.unicodeScalars.contains(where: { $0.value == 0x0D || $0.value == 0x2028 || $0.value == 0x2029 }) {
        Fuzz.violated("sanitised text holds a non-\\n line break", clean)
    }
    if TextSanitizer.sanitize(clean).unicodeScalars.elementsEqual(clean.unicodeScalars) == false {
        Fuzz.violated("sanitise is not idempotent", clean)
    }
    _ = HTMLEntities.decode(decoded)
    return 0
}

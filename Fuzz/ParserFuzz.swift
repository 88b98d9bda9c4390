// libFuzzer entry for the article parser: bytes -> ArticleParser.parse, then the model's
// safety invariants over every field. Compiled together with Sources/BylineModel/*.swift into
// one module (see Fuzz/run.sh), so the model's types are used directly, without an import.
import Foundation

/// Traps with a message libFuzzer prints next to the crashing input.
private func violated(_ what: String, _ text: String) -> Never {
    let scalars = text.unicodeScalars.prefix(80).map { String($0.value, radix: 16) }.joined(separator: " ")
    fatalError("fuzz invariant violated: \(what): \(text.debugDescription.prefix(200)) [\(scalars)]")
}

/// No C0 control except "\n", no tab, DEL, C1, ESC, or bidi override/isolate.
private func checkClean(_ text: String, _ field: String) {
    for scalar in text.unicodeScalars {
        if TextSanitizer.isForbidden(scalar) || scalar == "\t" {
            violated("\(field) holds U+\(String(scalar.value, radix: 16, uppercase: true))", text)
        }
    }
}

/// Every text field of an article, with the invariants of the model.
private func checkArticle(_ article: Article) {
    checkClean(article.headline, "headline")
    if article.headline.isEmpty { violated("empty headline", article.headline) }
    if article.headline.contains("\n") { violated("headline holds a newline", article.headline) }
    if let standfirst = article.standfirst { checkClean(standfirst, "standfirst") }
    for (i, block) in article.blocks.enumerated() {
        checkClean(block.text, "block \(i) text")
        if let attribution = block.attribution { checkClean(attribution, "block \(i) attribution") }
    }
    for (i, quote) in article.quotes.enumerated() {
        checkClean(quote.text, "quote \(i) text")
        if let speaker = quote.speaker { checkClean(speaker, "quote \(i) speaker") }
        guard article.blocks.indices.contains(quote.block) else {
            violated("quote \(i) points at block \(quote.block) of \(article.blocks.count)", quote.text)
        }
        if quote.pull != (article.blocks[quote.block].kind == .pullquote) {
            violated("quote \(i) pull flag disagrees with its block's kind", quote.text)
        }
        if let r = quote.repeats, !article.quotes.indices.contains(r) {
            violated("quote \(i) repeats \(r) of \(article.quotes.count)", quote.text)
        }
    }
    for warning in article.warnings { checkClean(warning, "warning") }
    if let reason = article.unreadableReason { checkClean(reason, "unreadable reason") }
    if article.words < 0 { violated("negative word count \(article.words)", article.headline) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParser(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let data = Data(bytes: bytes, count: size)
    // The id comes from the file name in real use: fuzz it too (it feeds the placeholder headline).
    let id = String(decoding: data.prefix(12), as: UTF8.self)
    let article = ArticleParser.parse(data: data, id: id, path: "/fuzz/\(id).txt")
    checkArticle(article)

    // The library's cheap headline read must agree with the full parse.
    switch ArticleParser.headline(prefix: data, id: id, complete: true) {
    case .headline(let headline):
        if article.unreadableReason != nil { violated("headline read found text in an unreadable file", headline) }
        if headline != article.headline {
            violated("headline read \(headline.debugDescription) differs from parse", article.headline)
        }
    case .unreadable(let reason):
        if article.unreadableReason != reason { violated("headline read says unreadable: \(reason)", article.headline) }
    }

    // The sanitiser alone, on lossily decoded bytes: clean output, and a second pass changes nothing.
    let decoded = String(decoding: data, as: UTF8.self)
    let clean = TextSanitizer.sanitize(decoded)
    checkClean(clean, "sanitised text")
    if clean.unicodeScalars.contains(where: { $0.value == 0x0D || $0.value == 0x2028 || $0.value == 0x2029 }) {
        violated("sanitised text holds a non-\\n line break", clean)
    }
    if TextSanitizer.sanitize(clean).unicodeScalars.elementsEqual(clean.unicodeScalars) == false {
        violated("sanitise is not idempotent", clean)
    }
    _ = HTMLEntities.decode(decoded)
    return 0
}

// libFuzzer entry for the library search: the input, decoded leniently, is a query as typed
// (read by SearchQuery, turned into FTS5 by the index's SearchPlan and run on a real index,
// FuzzIndex), and the same text is a `by:` name, a `head:` word and a People filter.
//
// Whatever the text, the answer is hits, none, or one line saying what to type: never an SQLite
// error, never a damaged index. The hits are articles of the scope, each once, as many as the
// total and the page allow, with one-line snippets whose marks lie inside them; pages join up;
// and the sets found agree with each other (see SearchChecks).
import BylineStore
import FuzzSupport

@main
enum SearchFuzz {
    static func main() {
        // Filled before libFuzzer starts, so that it is not taken for the first input's memory.
        _ = (FuzzIndex.index, FuzzIndex.keys, FuzzIndex.speakers, FuzzIndex.anchored)
        Fuzz.run(fuzzSearch)
    }
}

private func fuzzSearch(_ input: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Fuzz.bytes(input, size)
    let text = String(decoding: bytes, as: UTF8.self)
    let index = FuzzIndex.index
    let checks = SearchChecks(index: index, text: text)
    let generation = index.generation
    // The input's length picks a scope besides the first, two of the four spellings of the text
    // in a query (`by:` and `head:` always), and how the text is read as one term and one name:
    // each search costs about a millisecond under AddressSanitizer, so not every one is made.
    let pick = bytes.count
    let scope = FuzzIndex.scopes[pick % FuzzIndex.scopes.count]

    checks.checkParse(text)
    checks.checkQuery(text, scope: FuzzIndex.scopes[0], paging: 1 + pick % 3)
    checks.checkQuery(text, scope: scope, paging: nil)
    let quoted = ["-by:\"" + text + "\"", "head:\"" + text + "\"*"][(pick >> 3) & 1]
    for typed in ["by:" + text, "head:" + text, quoted] {
        checks.checkParse(typed)
        checks.checkQuery(typed, scope: FuzzIndex.scopes[0], paging: nil)
    }
    let term = SearchQuery.Term(text, quoted: pick & 1 != 0, prefix: pick & 2 != 0)
    checks.checkTerm(term)
    checks.checkTerm(SearchQuery.Term(term.text, quoted: term.quoted, prefix: term.prefix, field: .headline))
    checks.checkSpeaker(SearchQuery.Speaker(text, prefix: pick & 4 != 0))
    checks.checkPeople(matching: text, scope: scope)

    let notices = index.takeNotices()
    if index.generation != generation || !notices.isEmpty || !index.isWritable {
        checks.violated("the index was started afresh or stopped (generation \(index.generation), \(notices))")
    }
    return 0
}

import Foundation
import Testing
@testable import BylineStore

/// The start-up check reads every article indexed in a library: with one library in the index
/// straight through the table, with several through the library's rows; another library's
/// articles are never among them.
@Suite struct IndexedListingTests {
    private func listed(_ index: SearchIndex, _ library: String) -> [String: FileSignature] {
        var found: [String: FileSignature] = [:]
        index.forEachIndexedUTF8(library: library) { bytes, signature in found[String(decoding: bytes, as: UTF8.self)] = signature }
        return found
    }

    @Test func listsTheLibrarysArticlesAloneWithOneOrSeveralLibraries() {
        let index = SearchIndex.temporary()
        #expect(index.update(library: "/news", put: [SearchFixture.article("a.txt", headline: "A", body: "x", size: 1, modified: 2),
                                                     SearchFixture.article("b/c.txt", headline: "C", body: "y", size: 3, modified: 4)]))
        let one = listed(index, "/news")
        #expect(one == ["a.txt": FileSignature(size: 1, modified: 2), "b/c.txt": FileSignature(size: 3, modified: 4)])
        #expect(listed(index, "/other").isEmpty, "one library in the index, not this one")
        #expect(index.update(library: "/other", put: [SearchFixture.article("z.txt", headline: "Z", body: "z", size: 5, modified: 6)]))
        #expect(listed(index, "/news") == one)
        #expect(listed(index, "/other") == ["z.txt": FileSignature(size: 5, modified: 6)])
        #expect(listed(index, "/third").isEmpty)
    }
}

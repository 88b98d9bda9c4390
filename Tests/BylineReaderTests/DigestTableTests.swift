import BylineModel
import Testing
@testable import BylineReader

/// The table the search index's check of every file looks indexed files up in: every digest
/// put is found with its value, none other is, whatever the table grew through.
@Suite struct DigestTableTests {
    @Test func findsWhatWasPutAndNothingElse() {
        // Fewer expected than put: the table grows several times on the way.
        var table = DigestTable<Int>(expected: 3)
        let paths = (0..<5_000).map { "section-\($0 % 7)/article-\($0)-harbour-ferry.txt" }
        for (i, path) in paths.enumerated() { table.put(PathDigest.of(path), i) }
        #expect(table.count == paths.count)
        for (i, path) in paths.enumerated() { #expect(table[PathDigest.of(path)] == i) }
        #expect(table[PathDigest.of("section-1/article-5000-harbour-ferry.txt")] == nil)
        // Put again: replaced, not added.
        table.put(PathDigest.of(paths[7]), -7)
        #expect(table.count == paths.count)
        #expect(table[PathDigest.of(paths[7])] == -7)
    }

    @Test func keepsTheDigestThatMarksAFreeSlot() {
        var table = DigestTable<String>(expected: 4)
        #expect(table[0] == nil)
        table.put(0, "zero")
        table.put(16, "sixteen")  // the same slot as 0 would take
        #expect(table[0] == "zero" && table[16] == "sixteen" && table.count == 2)
    }
}

/// Path digests: the same bytes give the same digest whether they come as a string or as
/// bytes, and paths that differ (in one byte, in length only, in the last word) differ.
@Suite struct PathDigestTests {
    @Test func bytesAndStringsAgree() {
        for path in ["", "a", "a.txt", "exactly8", "caf\u{E9}.txt", "section-3/article-12-harbour-ferry.txt"] {
            var copy = path
            #expect(copy.withUTF8 { PathDigest.of(utf8: $0) } == PathDigest.of(path))
        }
    }

    @Test func differentPathsDiffer() {
        let paths = ["a.txt", "b.txt", "a.txt\0", "a.tx", "abcdefgh", "abcdefgh1", "abcdefgi", "", "\0",
                     "cafe\u{301}.txt", "caf\u{E9}.txt"]
        #expect(Set(paths.map(PathDigest.of)).count == paths.count)
        let many = (0..<100_000).map { "article-\($0).txt" }
        #expect(Set(many.map(PathDigest.of)).count == many.count)
    }
}

import Testing
@testable import BylineModel

/// The library's path index finds every entry by its full path and holds slot numbers only:
/// the soak's memory grew by about 2 MB when the first library search built it as a dictionary
/// of 10,000 path strings (issue 16).
@Suite struct PathIndexTests {
    /// 10,000 entries under two folders, named as the generated library names them.
    private func entries(_ count: Int) -> LibraryEntries {
        var entries = LibraryEntries()
        let roots = [entries.addRoot("/home/reader/news/"), entries.addRoot("/srv/archive/2026/")]
        for i in 0..<count {
            entries.append(root: roots[i % 2], relative: Array("section-\(i % 7)/article-\(i)-harbour-ferry.txt".utf8))
        }
        return entries
    }

    @Test func findsEveryEntryAndNothingElse() {
        let entries = entries(10_000)
        let index = PathIndex(entries)
        #expect(index.count == 10_000)
        for i in entries.indices {
            #expect(index.slot(of: entries.path(at: i), in: entries) == Int32(i))
        }
        #expect(index.slot(of: "/home/reader/news/section-0/article-1-harbour-ferry.txt", in: entries) == nil)
        #expect(index.slot(of: "/home/reader/news/", in: entries) == nil)
        #expect(index.slot(of: "", in: entries) == nil)
    }

    /// Saved paths looked up in one pass over the entries (a start with a state store) give
    /// what the index gives, the newest entry of a path listed twice included, and give up
    /// (nil) where only a string comparison can tell.
    @Test func scanFindsWhatTheIndexFinds() {
        var entries = entries(2_000)
        entries.append(path: entries.path(at: 7))  // a file also named in full: the newer wins
        let index = PathIndex(entries)
        let wanted = ["/home/reader/news/section-0/article-0-harbour-ferry.txt", "/srv/archive/2026/section-1/article-1-harbour-ferry.txt",
                      entries.path(at: 7), entries.path(at: 1_999), "/home/reader/news/section-0/article-1-harbour-ferry.txt",
                      "/home/reader/news/", "", "/elsewhere/a.txt"]
        let found = entries.slotsByScan(of: wanted)
        #expect(found == wanted.map { index.slot(of: $0, in: entries) })
        #expect(found?[2] == Int32(entries.count - 1))
        #expect(entries.slotsByScan(of: []) == [])
        // Not ASCII: a composed é is the same String as a decomposed one, which bytes cannot tell.
        #expect(entries.slotsByScan(of: ["/home/reader/news/caf\u{E9}.txt"]) == nil)
        var accented = entries
        accented.append(root: 0, relative: Array("cafe\u{301}.txt".utf8))
        #expect(accented.slotsByScan(of: wanted) == nil)
    }

    @Test func holdsSlotNumbersNotPaths() {
        let entries = entries(10_000)
        let index = PathIndex(entries)
        // 16,384 buckets of 4 bytes would do; a dictionary of the paths took about 1.9 MB.
        #expect(index.byteCount <= 10_000 * 16)
    }

    @Test func growsAsPathsAreAddedAndTheNewestSlotWins() {
        var entries = entries(3)
        var index = PathIndex(entries)
        let root = entries.addRoot("/tmp/new/")
        for i in 0..<1_000 {
            entries.append(root: root, relative: Array("n\(i).txt".utf8))
            index.insert(Int32(entries.count - 1), path: "/tmp/new/n\(i).txt", in: entries)
        }
        #expect(index.count == 1_003)
        #expect(index.byteCount <= 4_096 * 4)
        for i in entries.indices {
            #expect(index.slot(of: entries.path(at: i), in: entries) == Int32(i))
        }
        // The same path listed again (a folder and a file named in it): the newer entry's slot.
        let again = entries.path(at: 1)
        entries.append(path: again)
        index.insert(Int32(entries.count - 1), path: again, in: entries)
        #expect(index.count == 1_003)
        #expect(index.slot(of: again, in: entries) == Int32(entries.count - 1))
    }

    @Test func comparesPathsAsStringsDo() {
        // A composed é and a decomposed one are the same String, as the dictionary had them.
        var entries = LibraryEntries()
        entries.append(path: "/news/caf\u{E9}.txt")
        let index = PathIndex(entries)
        #expect(index.slot(of: "/news/cafe\u{301}.txt", in: entries) == 0)
        #expect(index.slot(of: "/news/cafe.txt", in: entries) == nil)
    }

    @Test func hashesPackedPathsAsTheirStrings() {
        // The table is built from the packed bytes and looked up with strings: the same hash.
        var entries = LibraryEntries()
        let root = entries.addRoot("/home/reader/news/")
        let relatives = ["a.txt", "section-3/article-12-harbour-ferry.txt", "caf\u{E9}.txt", "cafe\u{301}.txt", String(repeating: "long-name-", count: 30) + ".txt"]
        for relative in relatives { entries.append(root: root, relative: Array(relative.utf8)) }
        entries.append(path: "/elsewhere/K.txt")
        for i in entries.indices {
            #expect(entries.pathHash(at: i) == PathIndex.hash(entries.path(at: i)))
            #expect(entries.relativePathDigest(at: i) == PathDigest.of(entries.relativePath(at: i)))
            var relative = entries.relativePath(at: i)
            #expect(relative.withUTF8 { PathDigest.of(utf8: $0) } == PathDigest.of(relative))
            var buffer: [UInt8] = []
            entries.copyPath(at: i, into: &buffer)
            #expect(buffer.last == 0 && String(decoding: buffer.dropLast(), as: UTF8.self) == entries.path(at: i))
            // The index check's copy of the relative path, with its digest, after what is there.
            var appended: [UInt8] = [7]
            let (number, digest) = entries.appendRelativePathAndDigest(at: i, to: &appended)
            #expect(appended == [7] + Array(entries.relativePath(at: i).utf8) + [0])
            #expect(digest == entries.relativePathDigest(at: i) && entries.root(number: number) == entries.root(at: i))
        }
        // A Kelvin sign is canonically a K: the ASCII path is found by it.
        #expect(PathIndex(entries).slot(of: "/elsewhere/\u{212A}.txt", in: entries) == 5)
    }

    @Test func samePathAcrossRootsComparesWholePaths() {
        var entries = LibraryEntries()
        entries.append(root: entries.addRoot("/a/"), relative: Array("b/c.txt".utf8))
        entries.append(root: entries.addRoot("/a/b/"), relative: Array("c.txt".utf8))
        entries.append(root: entries.addRoot("/a/b/"), relative: Array("d.txt".utf8))
        #expect(entries.samePath(0, 1))
        #expect(!entries.samePath(1, 2))
        // The same path twice: the later entry wins, as when inserted one by one.
        let index = PathIndex(entries)
        #expect(index.count == 2)
        #expect(index.slot(of: "/a/b/c.txt", in: entries) == 1)
    }
}

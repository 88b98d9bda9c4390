import Testing
@testable import BylineModel

/// The leading key the folder scan sorts by first must never disagree with the natural order
/// itself: where two names' keys differ, the smaller key's name comes first.
@Suite struct NaturalOrderKeyTests {
    /// Names of digits (leading zeros, long runs), letters of both cases and punctuation below
    /// and above the digits, from a fixed generator (the same names every run).
    private func names(count: Int) -> [[UInt8]] {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        let alphabet = Array("0000123456789aAbBzZ-._ ~".utf8)
        var made: [[UInt8]] = [[], Array("0".utf8), Array("00".utf8), Array(String(repeating: "9", count: 300).utf8),
                               Array(String(repeating: "9", count: 299).utf8), Array("123456789012345678".utf8),
                               Array("123456789012345679".utf8), Array("000042_a.txt".utf8), Array("42_a.txt".utf8)]
        while made.count < count {
            let length = next(20)
            made.append((0..<length).map { _ in alphabet[next(alphabet.count)] })
            // A long number now and then, to pass the 14 digits the key holds.
            if next(10) == 0 { made.append(Array(String(repeating: "7", count: 10 + next(10)).utf8) + (0..<next(4)).map { _ in alphabet[next(alphabet.count)] }) }
        }
        return made
    }

    /// The scan's radix sort by key, then ties by the natural order, gives the order a sort by
    /// the comparison gives: for these names, and for keys made to share and differ in every
    /// 11-bit digit (runs of equal keys of all lengths).
    @Test func radixSortByKeyAgreesWithSortingByComparison() {
        let all = names(count: 3000)
        let keyed = all.indices.map { i in all[i].withUnsafeBytes { (i, 0, NaturalOrder.leadingKey($0)) } }
        func naturally(_ a: (Int, Int, UInt64), _ b: (Int, Int, UInt64)) -> Bool {
            all[a.0].withUnsafeBytes { x in all[b.0].withUnsafeBytes { y in NaturalOrder.precedes(x, y) } }
        }
        let expected = keyed.sorted { a, b in a.2 != b.2 ? a.2 < b.2 : naturally(a, b) }
        #expect(Scan.sortedByKey(keyed, tie: naturally).map(\.0) == expected.map(\.0))

        var seed: UInt64 = 42
        for round in 0..<50 {
            let count = round < 5 ? round : 1 + round * 37
            let items = (0..<count).map { i -> (Int, Int, UInt64) in
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let digit = UInt64(truncatingIfNeeded: seed >> 40) & 7
                return (i, Int(seed >> 60), (seed >> 20) % 5 == 0 ? .max : digit << UInt64(11 * Int(seed >> 61)) | (seed >> 61))
            }
            let tie: ((Int, Int, UInt64), (Int, Int, UInt64)) -> Bool = { $0.1 > $1.1 }
            let sorted = items.sorted { a, b in a.2 != b.2 ? a.2 < b.2 : tie(a, b) }
            #expect(Scan.sortedByKey(items, tie: tie).map(\.2) == sorted.map(\.2))
            #expect(Scan.sortedByKey(items, tie: tie).map(\.1) == sorted.map(\.1))
        }
    }

    @Test func keysThatDifferOrderNamesAsTheNaturalOrderDoes() {
        let all = names(count: 1500)
        var decided = 0
        for a in all {
            for b in all.prefix(300) {
                a.withUnsafeBytes { ra in
                    b.withUnsafeBytes { rb in
                        let ka = NaturalOrder.leadingKey(ra), kb = NaturalOrder.leadingKey(rb)
                        guard ka != kb else { return }
                        decided += 1
                        #expect((ka < kb) == (NaturalOrder.compare(ra, rb) < 0), "\(String(decoding: a, as: UTF8.self)) | \(String(decoding: b, as: UTF8.self))")
                    }
                }
            }
        }
        #expect(decided > 100_000, "the keys decide most pairs")
    }

    @Test func sortingByKeyFirstGivesTheNaturalOrder() {
        let all = names(count: 3000)
        let natural = all.sorted { a, b in a.withUnsafeBytes { ra in b.withUnsafeBytes { rb in NaturalOrder.precedes(ra, rb) } } }
        let keyed = all.sorted { a, b in
            a.withUnsafeBytes { ra in
                b.withUnsafeBytes { rb in
                    let ka = NaturalOrder.leadingKey(ra), kb = NaturalOrder.leadingKey(rb)
                    return ka != kb ? ka < kb : NaturalOrder.precedes(ra, rb)
                }
            }
        }
        #expect(keyed == natural)
    }
}

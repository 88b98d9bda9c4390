import BylineCorpus
import Foundation
import Testing
@testable import BylineModel

/// Fast paths of the parse and the headline read against their references on random input
/// (review of issue 17's ninth parse round and the ASCII headline read): random needle sets at
/// every alignment, random byte prefixes, random runs of combining marks. Seeded, so a failure
/// comes back.
@Suite struct FastPathPropertyTests {
    /// Needles of every length (short ones make escapes, or turn the gram filter off) from bytes
    /// the filter's case folding (bit 5 cleared) confuses — `@` and `` ` ``, `0` and 0x10, `P`
    /// and `p` — and bytes past ASCII and NUL; texts made of the needles (case flipped), their
    /// pieces and filler, read at each of eight alignments: the groups found are those a plain
    /// search finds.
    @Test func gramFilterAgreesWithAPlainSearchForRandomNeedleSets() {
        var g = SplitMix64(seed: 17)
        let alphabet: [UInt8] = Array("abcdeKkxyz @`0\u{10}P p".utf8) + [0x41, 0x5A, 0x61, 0x7A, 0xC3, 0xA9, 0x89, 0xE2, 0x80, 0x00, 0x0A, 0xDF, 0xFF]
        func word(_ count: Int) -> [UInt8] { (0..<count).map { _ in alphabet.randomElement(using: &g)! } }
        for round in 0..<600 {
            let groups: [[[UInt8]]] = (0..<Int.random(in: 1...4, using: &g)).map { _ in
                (0..<Int.random(in: 1...5, using: &g)).map { _ in
                    let count = Int.random(in: 0..<10, using: &g) < 2 ? Int.random(in: 1...3, using: &g) : Int.random(in: 4...14, using: &g)
                    return word(count).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }  // needles are lower case
                }
            }
            let needles = TextScan.Needles(groups: groups.map { $0.map { String(decoding: $0, as: UTF8.self) } })
            // (Needles of bytes that are not UTF-8 are taken as the bytes String makes of them.)
            let searched = groups.map { $0.map { Array(String(decoding: $0, as: UTF8.self).utf8) } }
            for _ in 0..<10 {
                var text: [UInt8] = []
                for _ in 0..<Int.random(in: 0...12, using: &g) {
                    let needle = searched.randomElement(using: &g)!.randomElement(using: &g)!
                    switch Int.random(in: 0..<4, using: &g) {
                    case 0: text += needle.map { Bool.random(using: &g) && $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }
                    case 1:
                        let a = Int.random(in: 0...needle.count, using: &g)
                        text += needle[a..<Int.random(in: a...needle.count, using: &g)]
                    default: text += word(Int.random(in: 0...9, using: &g))
                    }
                }
                let lowered = text.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
                var expected: UInt32 = 0
                for (k, group) in searched.enumerated() where group.contains(where: { lowered.firstRange(of: $0) != nil }) {
                    expected |= 1 << UInt32(k)
                }
                let wanted = UInt32.random(in: 1...((1 << UInt32(groups.count)) - 1), using: &g)
                for shift in 0..<8 {
                    let padded = [UInt8](repeating: 0x21, count: shift) + text
                    let found = padded.withUnsafeBufferPointer { needles.groups(in: UnsafeBufferPointer(rebasing: $0[shift...]), wanted: wanted) }
                    #expect(found == expected & wanted, "round \(round), needles \(searched), text \(text), wanted \(wanted)")
                    if found != expected & wanted { return }
                }
            }
        }
    }

    /// Prefixes of random pieces (an ASCII first line or none; CR, lone CR, tab, form feed, ESC,
    /// `&`, C1 controls in UTF-8, Windows-1252 bytes, bad and cut UTF-8, byte order marks, NUL
    /// and control bytes, URL and date lines, long lines, random bytes), whole or cut anywhere:
    /// the library's headline read gives what the full read gives.
    @Test func shortHeadlinePathAgreesWithTheFullReadOnRandomBytes() {
        var g = SplitMix64(seed: 25)
        let pieces: [[UInt8]] = [Array("Plain head".utf8), [0x20], [0x0A], [0x0D, 0x0A], [0x0D], [0x09], [0x0C], [0x1B], Array("[31m".utf8),
                                 [0xE9], [0xC3, 0xA9], [0xC3], [0x80], [0x93], [0x94], [0xC2, 0x85], [0xC2, 0x9B], [0xC2, 0xBF], [0xE2, 0x80, 0xA8],
                                 [0xE2, 0x82], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0x00], [0x01], [0x07], [0x7F], Array("&amp;".utf8), Array("&#27;".utf8),
                                 Array("https://x.org/a".utf8), Array("Monday, 3 March 2014".utf8), [0xF0, 0x9F, 0x98, 0x80],
                                 Array(repeating: 0x61, count: 450), [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF]]
        for round in 0..<3000 {
            var bytes: [UInt8] = Bool.random(using: &g) ? Array("ASCII headline here".utf8) + [Bool.random(using: &g) ? 0x0A : 0x0D, 0x0A] : []
            for _ in 0..<Int.random(in: 0...14, using: &g) { bytes += pieces.randomElement(using: &g)! }
            if Int.random(in: 0..<10, using: &g) == 0 {
                bytes += (0..<Int.random(in: 0...9000, using: &g)).map { _ in UInt8.random(in: 0...255, using: &g) }
            }
            for complete in [true, false] {
                let data = Data(complete ? bytes : Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &g))))
                let short = Library.headline(prefix: data, id: "x", complete: complete)
                let full = ArticleParser.headline(prefix: data, id: "x", complete: complete)
                #expect(short == full, "round \(round), complete \(complete), bytes \(Array(data.prefix(300)))")
                if short != full { return }
            }
        }
    }

    /// Words of one to seven scalars from letters, combining marks of every class (out of order
    /// too), Greek, Indic and Tibetan marks, composition exclusions, singletons, Hangul and its jamo: the
    /// byte key (composed by the standard library's normal form) is the one Foundation's
    /// composition gives.
    @Test func byteKeyComposesRandomMarkRunsAsFoundationDoes() {
        var g = SplitMix64(seed: 9)
        var ranges: [ClosedRange<UInt32>] = [0x41...0x5A, 0x61...0x7A, 0xC0...0x17F, 0x300...0x36F, 0x1DC0...0x1DFF, 0x370...0x3FF,
                                             0x1F00...0x1FFF, 0x400...0x4FF, 0x1E00...0x1EFF, 0xF70...0xF85, 0x900...0x97F, 0xB00...0xB57,
                                             0x3040...0x30FF, 0x5B0...0x5C7, 0x20D0...0x20F0, 0xAC00...0xAC1F, 0xD7A0...0xD7A3,
                                             0x1100...0x1112, 0x1161...0x1176, 0x11A7...0x11C2]
        ranges += [0x212A, 0x212B, 0x2126, 0x37E, 0x1FEF, 0x958, 0xF900, 0xFB1D, 0xFB2A, 0x2ADC, 0x1D15E, 0x1D160, 0x344, 0x302A,
                   0x110BA, 0x11099, 0x1109A, 0x11131, 0x11127, 0x1D165, 0x1D16E].map { $0...$0 }
        let pool = ranges.flatMap { $0 }.compactMap(Unicode.Scalar.init)
        // Hangul alone (a quarter of the words): syllables with and without a final, and jamo.
        let hangul = [0xAC00, 0xAC1C, 0xAC01, 0xD7A3, 0x1100, 0x1112, 0x1161, 0x1175, 0x1176, 0x11A7, 0x11A8, 0x11C2].compactMap(Unicode.Scalar.init)
        for round in 0..<20_000 {
            var scalars = String.UnicodeScalarView()
            let from = round % 4 == 0 ? hangul : pool
            for _ in 0..<Int.random(in: 1...7, using: &g) { scalars.append(from.randomElement(using: &g)!) }
            let word = String(scalars)
            let own = Array(word.utf8), composed = Array(word.precomposedStringWithCanonicalMapping.utf8)
            let expected: [UInt8]? = own.withUnsafeBufferPointer(WordTable<Int>.comparesAsBytes) ? own
                : composed.withUnsafeBufferPointer(WordTable<Int>.comparesAsBytes) ? composed : nil
            let key = WordTable<Int>.byteKey(of: word)
            #expect(key == expected, "round \(round): \(word.unicodeScalars.map { String($0.value, radix: 16) })")
            if key != expected { return }
        }
    }
}

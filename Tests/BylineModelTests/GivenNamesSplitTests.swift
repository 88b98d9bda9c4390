@testable import BylineModel
import Foundation
import XCTest

/// The given-name lists are split as bytes (start-up reads them); that must be the split by
/// characters it replaced.
final class GivenNamesSplitTests: XCTestCase {
    func testByteSplitIsTheCharacterSplit() {
        for text in GivenNames.listTexts {
            let characters = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
            XCTAssertEqual(GivenNames.words(text), characters)
            XCTAssertGreaterThan(characters.count, 10)
        }
    }

    func testByteKeysAreTheTextsNormalFormWhereBytesDecide() {
        XCTAssertEqual(WordTable<Int>.byteKey(of: "kelvin"), Array("kelvin".utf8))
        XCTAssertEqual(WordTable<Int>.byteKey(of: "\u{212A}elvin"), Array("Kelvin".utf8))
        XCTAssertEqual(WordTable<Int>.byteKey(of: "andre\u{301}"), Array("andr\u{E9}".utf8))
        XCTAssertEqual(WordTable<Int>.byteKey(of: "сказал"), Array("сказал".utf8))
        XCTAssertEqual(WordTable<Int>.byteKey(of: "名古屋"), Array("名古屋".utf8))
        XCTAssertNil(WordTable<Int>.byteKey(of: "🏯"), "bytes of other text are left to String")
        let table = WordTable([("andré", 1), ("\u{212A}", 2), ("x", 3), ("x", 4), ("είπε", 5), ("ё", 6), ("名古屋", 7), ("👏🏾", 8), ("が", 9)])
        XCTAssertEqual(table["andre\u{301}"], 1, "canonically equivalent text finds a word that is not ASCII")
        XCTAssertEqual(table["andré"], 1)
        XCTAssertEqual(table["K"], 2)
        XCTAssertEqual(table["\u{212A}"], 2)
        XCTAssertEqual(table["x"], 4, "a word listed again takes the later value")
        XCTAssertEqual(table["είπε"], 5)
        XCTAssertEqual(table["е\u{308}"], 6, "e with a combining diaeresis is ё")
        XCTAssertEqual(table["名古屋"], 7)
        XCTAssertEqual(WordTable([("nguy\u{1EC5}n", 1)])["nguye\u{302}\u{303}n"], 1, "a decomposed Vietnamese letter finds the composed one")
        XCTAssertEqual(table["👏🏾"], 8)
        XCTAssertEqual(table["か\u{3099}"], 9, "kana with a combining voicing mark is the voiced kana")
        XCTAssertNil(table["andre"])
        XCTAssertNil(table["andré\u{301}"])
    }

    /// `byteKey` composes with the standard library (`_nfcCodeUnits`) where it can, not with
    /// Foundation (about a third more a word): the keys are those Foundation's normal form C
    /// gives, for every scalar alone, for every mark (and jamo) after letters that compose
    /// (`e`, `A`, `か`, `α`, `и`, Hangul), and for words of decomposed letters and marks.
    func testByteKeysAreFoundationsNormalForm() {
        func foundationKey(_ word: String) -> [UInt8]? {
            let own = Array(word.utf8)
            if own.withUnsafeBufferPointer(WordTable<Int>.comparesAsBytes) { return own }
            let composed = Array(word.precomposedStringWithCanonicalMapping.utf8)
            return composed.withUnsafeBufferPointer(WordTable<Int>.comparesAsBytes) ? composed : nil
        }
        func agree(_ text: String, _ what: @autoclosure () -> String) {
            XCTAssertEqual(WordTable<Int>.byteKey(of: text), foundationKey(text), what())
        }
        let bases = ["e", "A", "か", "α", "и", "\u{1100}", "\u{1112}", "\u{1113}", "\u{AC00}", "\u{AC01}", "\u{1B05}", "\u{11099}"]
        for v in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(v) else { continue }
            agree(String(scalar), "U+\(String(v, radix: 16))")
            // Pairs where composing can happen: a mark or a jamo after a base that composes.
            if scalar.properties.canonicalCombiningClass != .notReordered || (v >= 0x300 && v < 0x370) || (v >= 0x3099 && v <= 0x309A)
                || (v >= 0x1100 && v < 0x1200) || (v >= 0xA960 && v < 0xA980) || (v >= 0xD7B0 && v < 0xD800) {
                for base in bases { agree(base + String(scalar), "\(base) U+\(String(v, radix: 16))") }
            }
        }
        for word in ["nguye\u{302}\u{303}n", "a\u{323}\u{302}", "a\u{302}\u{323}", "andre\u{301}", "\u{212A}elvin", "👏🏾", "🏯", "Zoe\u{301}",
                     "\u{2F800}", "\u{1F71}", "\u{2126}", "o\u{308}\u{304}", "\u{1100}\u{1161}\u{11A8}", "e\u{301}\u{301}", "\u{FB2C}",
                     "\u{AC00}\u{11A8}", "\u{1100}\u{1176}", "zoe\u{301}\u{1F44D}"] {
            agree(word, word.debugDescription)
        }
    }

    /// Every scalar `comparesAsBytes` accepts is its own normal form C, has combining class 0
    /// and is not one a canonical composition can take as its second part (those are marks with
    /// a class above 0, or in the blocks listed).
    func testScalarsThatCompareAsBytesAreStable() {
        var checked = 0
        for v in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let text = String(scalar)
            let accepted = Array(text.utf8).withUnsafeBufferPointer(WordTable<Int>.comparesAsBytes)
            let blocks: [ClosedRange<UInt32>] = [0...0x2FF, 0x388...0x3FF, 0x400...0x482, 0x1E00...0x1EFF, 0x3041...0x3096, 0x30A1...0x30FA,
                                                 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3]
            XCTAssertEqual(accepted, blocks.contains { $0.contains(v) }, "U+\(String(v, radix: 16))")
            guard accepted else { continue }
            checked += 1
            XCTAssertEqual(scalar.properties.canonicalCombiningClass, .notReordered, "U+\(String(v, radix: 16))")
            XCTAssertEqual(Array(text.precomposedStringWithCanonicalMapping.unicodeScalars), [scalar], "U+\(String(v, radix: 16))")
        }
        XCTAssertGreaterThan(checked, 0x300 + 0xFB + 0x5200 + 0x2BA4)
        // None is the second part of a canonical composition: it stands after the first scalar
        // of no canonical decomposition (composites lie in these blocks).
        for range in [UInt32(0xC0)...0x30FF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0x11000...0x11FFF, 0x1D100...0x1D1FF, 0x2F800...0x2FA1F] {
            for v in range {
                guard let scalar = Unicode.Scalar(v) else { continue }
                for part in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.dropFirst() {
                    XCTAssertFalse(Array(String(part).utf8).withUnsafeBufferPointer(WordTable<Int>.comparesAsBytes),
                                   "U+\(String(part.value, radix: 16)) in U+\(String(v, radix: 16))")
                }
            }
        }
    }
}

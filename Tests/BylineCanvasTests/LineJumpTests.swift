@testable import BylineCanvas
import BylineCorpus
import XCTest

/// ``WordWrap/jumpLineCount(_:width:whole:)``, the count that jumps a line of printable ASCII at
/// a time: the same answer as ``WordWrap/plainLineCount(_:width:whole:)`` (nil too), and where
/// that is not nil as many lines as ``WordWrap/lines(_:width:whole:)`` makes. Seeded, so a
/// failure comes back.
final class LineJumpTests: XCTestCase {
    private static let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,;:!?'\"()-/~")

    /// A word of `count` printable ASCII bytes.
    private func asciiWord(_ count: Int, _ g: inout SplitMix64) -> String {
        String((0..<count).map { _ in Self.letters.randomElement(using: &g)! })
    }

    /// Text mostly of ASCII words one space apart (the lines jumped), with now and then a run of
    /// spaces, a word longer than the line or than `whole`, a word past ASCII (Latin, CJK, emoji,
    /// marks, curly quotes), DEL, a tab or a control byte, and spaces before and after.
    private func text(_ g: inout SplitMix64, width: Int, whole: Int, odd: Int) -> String {
        let others = ["Łódź", "京都", "東京都庁", "👍", "👍🏽", "👨\u{200D}👩\u{200D}👧", "🇺🇸", "e\u{301}", "\u{301}", "cafe\u{301}", "“quoted”",
                      "it’s", "—", "Nguyễn", "한국어", "カタカナ", "a\u{7F}b", "\u{7F}", "\t", "a\tb", "\u{1}", "x\ny", "\u{85}", "\u{600}",
                      "\u{200D}", "Ω", "✓", "ｆｕｌｌ", "São", "«ça»",
                      "Düsseldorf", "Zellweger’s", "“Nîmes”", "東京タワー", "a\u{A0}b", "Åström,", "…"]
        var text = String(repeating: " ", count: Int.random(in: 0..<6, using: &g) == 0 ? Int.random(in: 1...3, using: &g) : 0)
        for i in 0..<Int.random(in: 0...70, using: &g) {
            if i > 0 {
                text += Int.random(in: 0..<25, using: &g) == 0 ? String(repeating: " ", count: Int.random(in: 2...4, using: &g)) : " "
            }
            switch Int.random(in: 0..<100, using: &g) {
            case ..<odd: text += others.randomElement(using: &g)!
            case 95..<97: text += asciiWord(Int.random(in: (width + 1)...(width + 4), using: &g), &g)
            case 97..<99: text += asciiWord(Int.random(in: (whole + 1)...(whole + 2 * width + 3), using: &g), &g)
            case 99: text += asciiWord(Int.random(in: 1...3, using: &g), &g) + others.randomElement(using: &g)!
            default: text += asciiWord(Int.random(in: 1...min(12, width + 2), using: &g), &g)
            }
        }
        if Int.random(in: 0..<5, using: &g) == 0 { text += String(repeating: " ", count: Int.random(in: 1...3, using: &g)) }
        return text
    }

    private func check(_ text: String, width: Int, whole: Int, file: StaticString = #filePath, line: UInt = #line) -> Bool {
        var copy = text
        let (jumped, plain) = copy.withUTF8 {
            (WordWrap.jumpLineCount($0, width: width, whole: whole), WordWrap.plainLineCount($0, width: width, whole: whole))
        }
        XCTAssertEqual(jumped, plain, "\(text.debugDescription) \(width) \(whole)", file: file, line: line)
        if let jumped {
            XCTAssertEqual(jumped, WordWrap.lines(text, width: width, whole: whole).count, "\(text.debugDescription) \(width) \(whole)",
                           file: file, line: line)
        }
        XCTAssertEqual(WordWrap.lineCount(text, width: width, whole: whole), WordWrap.slices(text, width: width, whole: whole).count,
                       "\(text.debugDescription) \(width) \(whole)", file: file, line: line)
        return plain != nil
    }

    func testJumpedCountIsThePlainCount() {
        var g = SplitMix64(seed: 17)
        var counted = 0, tried = 0
        for round in 0..<4000 {
            let width = Int.random(in: 1...80, using: &g)
            let whole = Bool.random(using: &g) ? width : width + Int.random(in: 1...40, using: &g)
            // A quarter of the texts pure ASCII (every line jumped but for long words and runs of spaces).
            let odd = round % 4 == 0 ? 0 : Int.random(in: 1...12, using: &g)
            if check(text(&g, width: width, whole: whole, odd: odd), width: width, whole: whole) { counted += 1 }
            tried += 1
        }
        XCTAssertGreaterThan(counted, tried / 3)
    }

    /// Each text read at every width from 1 to 80: lines that end exactly at the window's
    /// last byte, a rest as long as the line, words as long as the line.
    func testEveryWidth() {
        var g = SplitMix64(seed: 29)
        for _ in 0..<60 {
            let text = text(&g, width: 12, whole: 30, odd: Int.random(in: 0...3, using: &g))
            for width in 1...80 {
                for whole in [width, width + 7] { _ = check(text, width: width, whole: whole) }
            }
        }
    }

    func testEdges() {
        for text in ["", " ", "   ", "a", " a", "a ", "  a  ", "ab cd", "ab  cd", "abc", "abcd efgh", "abcd efgh ", "abcd\u{7F} efgh",
                     "abcdefghij", "abcdefghijk lm", "a b c d e f g h i j k l m n o p", "é", " é", "aaaa é", "aaaa\tb", "x\u{1}",
                     "aaaa \u{301}b", "aaaa bbbb cccc dddd eeee", "aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii", "1234 6789 1234 67890"] {
            for width in 1...12 {
                for whole in [width, width + 5] { _ = check(text, width: width, whole: whole) }
            }
        }
    }
}

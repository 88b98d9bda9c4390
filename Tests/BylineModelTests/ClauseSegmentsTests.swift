@testable import BylineModel
import PropertyBased
import Testing

/// `ParagraphTokens.segments(_:)` (segments kept in one reused `ClauseSegments`) against the
/// array-of-arrays split it replaced, and the subjects read from its segments.
@Suite struct ClauseSegmentsTests {
    /// The split as it was: a new segment after a comma or dash only when the last is not empty.
    private func reference(_ p: ParagraphTokens, _ range: Range<Int>) -> [[Int]] {
        var result: [[Int]] = [[]]
        var depth = 0
        for i in range {
            if p.isPunct(i, "(") || p.isPunct(i, "[") { depth += 1; continue }
            if p.isPunct(i, ")") || p.isPunct(i, "]") { depth = max(0, depth - 1); continue }
            if depth > 0 { continue }
            if p.isPunct(i, ",") || p.isPunct(i, "—") || p.isPunct(i, "–") {
                if !result[result.count - 1].isEmpty { result.append([]) }
                continue
            }
            if p.tokens[i].kind == .quote { continue }
            result[result.count - 1].append(i)
        }
        if result[result.count - 1].isEmpty { result.removeLast() }
        return result
    }

    private func split(_ p: inout ParagraphTokens, _ range: Range<Int>) -> [[Int]] {
        let parts = p.segments(range)
        return (0..<parts.count).map { Array(parts[$0]) }
    }

    private static let clauses = Gen.element(of: [
        "said", "Mark", "Jacobs", ",", " ", "—", "–", "(", ")", "[", "]", "“", "”", "\"", "a", "spokesman",
        "42", ".", "who", "Zoë", "Ελένη", ";", ":",
    ]).array(of: 0...30).map { $0.compactMap { $0 }.joined(separator: " ") }

    @Test func segmentsAgreeWithTheArraySplit() async {
        await propertyCheck(count: 3000, input: Self.clauses) { text in
            var p = ParagraphTokens(text)
            // Every sub-range, one after another: the buffers are reused from clause to clause.
            let n = p.count
            for lo in stride(from: 0, through: n, by: 3) {
                for hi in lo...n {
                    #expect(split(&p, lo..<hi) == reference(p, lo..<hi), "\(text.debugDescription) \(lo)..<\(hi)")
                }
            }
        }
    }

    @Test func emptySegmentsAreDropped() {
        var p = ParagraphTokens(", , (aside) said Mark Jacobs ,, — a spokesman,")
        #expect(split(&p, 0..<p.count) == reference(p, 0..<p.count))
        #expect(split(&p, 0..<p.count).count == 2)
        #expect(p.segments(0..<2).count == 0)
    }

    /// A range of tokens and the same tokens as a segment name the same subject.
    @Test func interpretReadsRangesAndSegments() {
        var p = ParagraphTokens("Democratic Sen. Charles E. Schumer of New York said")
        let all = p.interpret(0..<(p.count - 1))
        guard case .person(let words, .male, _) = all else { Issue.record("\(all)"); return }
        #expect(words == ["Charles", "E.", "Schumer"])
        let parts = p.segments(0..<(p.count - 1))
        #expect(p.interpret(parts[0]) == all)
        var q = ParagraphTokens("Mark Jacobs, a spokesman, said")
        #expect(q.subjectBefore(0..<(q.count - 1)) == .person(words: ["Mark", "Jacobs"], gender: .male, role: nil))
        var r = ParagraphTokens("said a spokesman for the council")
        #expect(r.subjectAfter(1..<r.count) == .anonymous)
    }
}

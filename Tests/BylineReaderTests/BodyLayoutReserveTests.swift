@testable import BylineReader
import BylineModel
import XCTest

/// The lines a layout reserves up front: about as many as it lays out, never a line a byte.
final class BodyLayoutReserveTests: XCTestCase {
    private func article(_ paragraphs: [String]) -> Article {
        Article(id: "a", path: "/a.txt", headline: "A headline", standfirst: nil,
                blocks: paragraphs.map { Block(kind: .paragraph, text: $0) }, quotes: [], warnings: [], words: 0)
    }

    func testTheEstimateCoversTheLinesLaidOutAtOrdinaryWidths() {
        var generator = SystemRandomNumberGenerator()
        let words = ["harbour", "a", "strike", "Kraków", "東京", "council", "of", "the", "ferry", "spokeswoman"]
        for width in [30, 60, 76] {
            let paragraphs = (0..<40).map { _ in
                (0..<Int.random(in: 5...80, using: &generator)).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ")
            }
            let a = article(paragraphs)
            let laidOut = BodyLayout(article: a, id: ArticleID(slot: 0), width: width).lines.count
            XCTAssertGreaterThanOrEqual(BodyLayout.estimatedLineCount(a, width: width), laidOut * 9 / 10, "width \(width)")
        }
    }

    func testAVeryNarrowPaneReservesAtMostALineForFourBytes() {
        let text = String(repeating: "word ", count: 20_000)  // 100,000 bytes
        let a = article([text])
        for width in 1...12 {
            XCTAssertLessThanOrEqual(BodyLayout.estimatedLineCount(a, width: width), 8 + 2 + 100_000 / 4, "width \(width)")
        }
    }
}

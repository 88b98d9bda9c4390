import Foundation
import Testing
@testable import BylineModel
import BylineCorpus

/// The library's short headline path must give what the full headline read gives.
@Suite struct HeadlineFastPathTests {
    private func both(_ bytes: [UInt8], complete: Bool = true) -> (fast: ArticleParser.HeadlineRead, full: ArticleParser.HeadlineRead) {
        let data = Data(bytes)
        return (Library.headline(prefix: data, id: "x", complete: complete),
                ArticleParser.headline(prefix: data, id: "x", complete: complete))
    }

    @Test func generatedArticlesAgree() {
        let generator = CorpusGenerator(seed: 7)
        for i in 1...300 {
            let bytes = Array(generator.text(of: i).utf8)
            for complete in [true, false] {
                let cut = complete ? bytes : Array(bytes.prefix(Library.headlineBytes))
                let r = both(cut, complete: complete)
                #expect(r.fast == r.full, "article \(i)")
            }
        }
    }

    @Test(arguments: [
        "\n\n  Plain headline  \nBody.\n",
        "Marks &amp; Spencer &#27;[31m red\nBody.\n",
        "Escape \u{1B}]0;title\nstill title?\u{7}\nBody.\n",
        "\u{200B}\nReal headline\nBody.\n",
        "C1 \u{9B}31m csi\nBody.\n",
        "Line sep\u{2028}second\nBody.\n",
        "Tab\tand CR\r\nBody.\n",
        "No newline at all",
        String(repeating: "long ", count: 200) + "\nBody.\n",
        "x\nBody.\n",
    ])
    func trickyFirstLinesAgree(_ text: String) {
        let r = both(Array(text.utf8))
        #expect(r.fast == r.full)
    }

    @Test func nonUTF8AndBinaryTakeTheFullPath() {
        let latin: [UInt8] = Array("Ni".utf8) + [0xF1, 0x0A] + Array("Body".utf8) + [0xE9, 0x0A]
        #expect(Library.plainFirstLineEnd(Data(latin), complete: true) == nil)
        #expect(Library.plainFirstLineEnd(Data([0x41, 0x0A, 0x00, 0x42]), complete: true) == nil)
        #expect(Library.plainFirstLineEnd(Data([0xEF, 0xBB, 0xBF, 0x41, 0x0A]), complete: true) == nil)
        #expect(Library.plainFirstLineEnd(Data(Array("Head\nBody\n".utf8)), complete: true) == 5)
        let r = both(latin)
        #expect(r.fast == r.full)
    }
}

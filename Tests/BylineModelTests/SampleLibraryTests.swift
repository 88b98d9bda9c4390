import Foundation
import Testing
@testable import BylineModel

/// The bundled sample library reads as its authors intended.
@Suite struct SampleLibraryTests {
    @Test func samplesHaveTheirPullQuotesAndCrossheads() throws {
        let lib = try Library(folder: Paths.samples.path)
        #expect(lib.entries.map(\.id) == [
            "000_db09bf8f9e96a4f5", "001_harbour-bridge", "002_night-train-revival",
            "003_faros-tis-kalymnou", "004_sumida-hanabi", "005_library-strike",
        ])
        #expect(lib.problems.isEmpty)
        let expectedPulls = [1, 3, 3, 3, 4, 3]
        for i in 0..<lib.count {
            let a = lib.article(at: i)
            #expect(a.warnings.isEmpty, "\(a.id): \(a.warnings)")
            #expect(lib.headline(at: i) == a.headline)
            #expect(a.blocks.filter { $0.kind == .pullquote }.count == expectedPulls[i], "\(a.id)")
            #expect(a.blocks.contains { $0.kind == .crosshead }, "\(a.id)")
            for q in a.quotes where q.pull {
                #expect(q.speaker != nil && q.repeats != nil, "\(a.id): \(q.text)")
            }
            if i > 0 { #expect(a.words >= 600, "\(a.id) has \(a.words) words") }
        }
    }

    @Test func nonLatinSamples() throws {
        let lib = try Library(folder: Paths.samples.path)
        let greek = lib.article(at: 3)
        #expect(greek.headline == "Ο φάρος του Ψέριμου ανάβει ξανά μετά από τριάντα χρόνια σκοτάδι")
        #expect(greek.blocks.contains { $0.kind == .crosshead && $0.text == "Η ΕΠΙΣΚΕΥΗ" })
        #expect(greek.quotes.first?.speaker == "Νικόλαος Παπαδάκης")
        let cjk = lib.article(at: 4)
        #expect(cjk.headline.hasPrefix("隅田川の花火が戻る"))
        #expect(cjk.headline.hasSuffix("🎆"))
        let pulls = cjk.blocks.filter { $0.kind == .pullquote }
        #expect(pulls.first?.text == "今年は三年ぶりに全ての打ち上げ場所が使えます")
        #expect(pulls.first?.attribution == "佐藤美咲, organiser")
        #expect(cjk.quotes.first { $0.pull }?.speaker == "佐藤美咲")
    }
}

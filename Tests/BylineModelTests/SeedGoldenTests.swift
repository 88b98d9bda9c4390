import Foundation
import Testing
@testable import BylineModel

/// The seed article, field by field.
@Suite struct SeedGoldenTests {
    let article: Article

    init() throws {
        let data = try Data(contentsOf: Paths.seed)
        article = ArticleParser.parse(data: data, id: "000_db09bf8f9e96a4f5", path: Paths.seed.path)
    }

    @Test func headlineAndStandfirst() {
        #expect(article.headline == "Inside the final bloody battle to wipe ISIS off the face of the Earth with last terror stronghold predicted to fall within HOURS")
        #expect(article.standfirst == "The once mighty death cult empire in Syria faces total annihilation in a tiny pocket of land which is less than one per cent of the area it once controlled")
        #expect(article.unreadableReason == nil)
        #expect(article.warnings.isEmpty)
    }

    @Test func blockKinds() {
        let kinds = article.blocks.map(\.kind)
        #expect(kinds.count == 21)
        #expect(kinds.filter { $0 == .paragraph }.count == 18)
        #expect(kinds.filter { $0 == .crosshead }.count == 1)
        #expect(kinds.filter { $0 == .pullquote }.count == 1)
        #expect(kinds.filter { $0 == .boilerplate }.count == 1)
        #expect(article.blocks[0] == Block(kind: .paragraph, text: "ISIS face being finally routed in Syria within hours as fighters supported by British and US special forces close in for the kill."))
        #expect(article.blocks[7] == Block(kind: .crosshead, text: "'UNCONDITIONAL SURRENDER OR DEATH'"))
        #expect(article.blocks[19].text == "Jihadists have been attacked in territory on the eastern bank of the Euphrates River.")
    }

    @Test func pullQuote() {
        let pull = article.blocks[14]
        #expect(pull.kind == .pullquote)
        #expect(pull.text == "We will launch an attack to end the Daesh (ISIS) presence or they will turn themselves in — there are no other options for them")
        #expect(pull.attribution == "SDF spokesman Mustafa Bali")
        // Neither line stays a paragraph.
        #expect(!article.blocks.contains { $0.kind == .paragraph && $0.text == "SDF spokesman Mustafa Bali" })
        #expect(!article.blocks.contains { $0.kind == .paragraph && $0.text.hasPrefix("We will launch") })
    }

    @Test func boilerplateFooter() {
        let last = article.blocks[20]
        #expect(last.kind == .boilerplate)
        #expect(last.text.hasPrefix("We pay for your stories!"))
        #expect(last.text.contains("[email protected]"))
        #expect(last.text.hasSuffix("Click here to upload yours."))
    }

    @Test func quotes() {
        #expect(article.quotes.count == 3)
        let opening = article.quotes[0]
        #expect(opening.text == "We will launch an attack to end the Daesh (ISIS) presence or they will turn themselves in.")
        #expect(opening.speaker == "Mustafa Bali")
        #expect(opening.block == 8)
        #expect(!opening.pull)
        let continued = article.quotes[1]
        #expect(continued.text == "There are no other options for them. We confirm there are no negotiations and no intention to have negotiations.")
        #expect(continued.speaker == "Mustafa Bali")
        #expect(continued.block == 9)
        let pull = article.quotes[2]
        #expect(pull.pull)
        #expect(pull.block == 14)
        #expect(pull.speaker == "Mustafa Bali")
        #expect(pull.repeats == 0)
        #expect(pull.text == article.blocks[14].text)
        // Scare quotes are not speech.
        #expect(!article.quotes.contains { $0.text == "caliphate" })
    }

    @Test func wordsAndReadingTime() {
        #expect(article.words == 492)
        #expect(article.readingMinutes == 3)
    }

    /// The copy in `Samples/` is the shared seed, byte for byte; checked only where the shared
    /// folder is beside the repository (a plain clone has just the sample).
    @Test(.enabled(if: FileManager.default.fileExists(atPath: Paths.sharedSeed.path),
                   "../shared/seeds is not beside this clone: the Samples/ copy is the seed"))
    func sampleCopyIsIdentical() throws {
        #expect(try Data(contentsOf: Paths.seed) == Data(contentsOf: Paths.sharedSeed))
    }
}

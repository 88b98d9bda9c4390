import BylineCanvas
import BylineModel
import BylineReader
import Foundation

/// A small fixed library for reader tests: the seed article plus two written for tests.
public enum ReaderFixtures {
    /// A long article with crossheads and three pull quotes, so that jumps must scroll.
    public static let harbour: String = {
        var lines = [
            "Harbour bridge opens after a decade of delay",
            "Engineers and residents gathered on the quay as the first cars crossed the new span at dawn.",
        ]
        let filler = "The council spent the morning checking cables, lights and barriers while crowds waited in the drizzle along the old sea wall."
        lines.append("Ada Brennan said: \"We built this bridge for the next hundred years, not the next election.\"")
        for _ in 0..<6 { lines.append(filler) }
        lines.append("THE COST OF DELAY")
        lines.append("Maria Núñez, council leader, said: “Every winter without it cost the town its ferry and its patience.”")
        for _ in 0..<8 { lines.append(filler) }
        lines.append("Every winter without it cost the town its ferry and its patience")
        lines.append("Maria Núñez, council leader")
        for _ in 0..<6 { lines.append(filler) }
        lines.append("WHAT HAPPENS NEXT")
        lines.append("\"Tolls will end in spring once the loan is paid,\" said Zoë Müller.")
        for _ in 0..<8 { lines.append(filler) }
        lines.append("We built this bridge for the next hundred years, not the next election")
        lines.append("Ada Brennan")
        for _ in 0..<4 { lines.append(filler) }
        lines.append("Tolls will end in spring once the loan is paid")
        lines.append("Zoë Müller, harbour master")
        lines.append(filler)
        return lines.joined(separator: "\n") + "\n"
    }()

    /// Wide characters and emoji in every place they can appear.
    public static let wide: String = [
        "東京の新しい橋 opens 🚀 with 👩‍💻 engineers and 🇬🇧 flags",
        "서울 and 大阪 watch as Ame\u{301}lie Nguyễn's ☕ stall does brisk trade.",
        "Keiko Tanaka said: \"隅田川の花火 will light the bridge 🎆 on opening night.\"",
        "市场价格 rose 12 per cent as 北京市政府 announced new trains 🚄 for the line.",
        "隅田川の花火 will light the bridge 🎆 on opening night",
        "Keiko Tanaka, organiser",
    ].joined(separator: "\n") + "\n"

    /// When the fixture files were written (2024-03-12 10:00, 2024-03-11, 2023-12-24, UTC), and
    /// the time fixture states are shown at (2024-03-12 15:00 UTC), so the list's dates are fixed.
    public static let modified: [TimeInterval] = [1_710_237_600, 1_710_151_200, 1_703_419_200]
    public static let now: Int64 = 1_710_255_600

    /// A temporary folder holding the seed, the harbour article and the wide article.
    public static func library() throws -> Library {
        let seedURL = Fixtures.samples.appendingPathComponent("000_db09bf8f9e96a4f5.txt")
        let seed = try String(contentsOf: seedURL, encoding: .utf8)
        let names = ["000_db09bf8f9e96a4f5.txt", "001_harbour.txt", "002_wide.txt"]
        let dir = try Fixtures.folder(Dictionary(uniqueKeysWithValues: zip(names, [seed, harbour, wide])))
        for (name, time) in zip(names, modified) {
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: time)],
                                                  ofItemAtPath: dir.appendingPathComponent(name).path)
        }
        return try Library(folder: dir.path)
    }

    /// A fresh folder of three articles: two short ones around the harbour article.
    public static func threeArticleFolder() throws -> URL {
        try Fixtures.folder([
            "010.txt": "Ten o'clock news\nA short story.\nIt was a quiet day.\n",
            "020.txt": harbour,
            "030.txt": "Thirty seconds of fame\nA short story.\nNothing happened.\n",
        ])
    }

    /// Reader state on the fixture library at a size, started (the first article shown).
    public static func state(_ size: Size, ascii: Bool = false) throws -> ReaderState {
        var state = ReaderState(library: try library(), size: size, ascii: ascii)
        state.now = now
        state.utcOffset = 0
        state.send(.start)
        return state
    }
}

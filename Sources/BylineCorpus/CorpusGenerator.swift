#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A deterministic folder of synthetic news articles, for benchmarks and measurements.
///
/// Articles have the shape of real ones: a headline, a standfirst, paragraphs, ALL-CAPS
/// crossheads, quoted speech with speakers (straight and curly quotes), pull quotes followed
/// by an attribution line, accented and non-Latin text (CJK, Hangul, Greek, Cyrillic) and
/// emoji (skin tones, flags, ZWJ sequences). Article `i` depends only on `(seed, i)`, so the
/// first 1,000 articles of a 10,000 folder have the same text as a 1,000 folder.
///
/// This is Byline's own generator (SplitMix64, own word lists); it does not reproduce
/// `gen_corpus.py` byte for byte.
public struct CorpusGenerator: Sendable {
    public let seed: UInt64
    public var minWords: Int
    public var maxWords: Int

    public init(seed: UInt64 = 1, minWords: Int = 300, maxWords: Int = 2000) {
        self.seed = seed
        self.minWords = minWords
        self.maxWords = max(minWords, maxWords)
    }

    // MARK: - One article

    /// The lines of article `index` (1-based): headline, standfirst, then one block a line.
    public func lines(of index: Int) -> [String] {
        var r = SplitMix64(seed: seed, index: UInt64(truncatingIfNeeded: index))
        let target = r.int(in: minWords...maxWords)
        let head = headline(&r)
        var stand = sentence(&r, 12...26, extras: true)
        if r.chance(0.6) { stand.removeLast() }  // standfirsts often lack the full stop
        var lines = [head, stand]
        var total = Self.wordCount(head) + Self.wordCount(stand)
        var said: [(text: String, person: Person)] = []
        var sinceCrosshead = 0
        while total < target {
            let roll = r.unit()
            let line: String
            if roll < 0.07 && sinceCrosshead > 4 {
                line = r.pick(Words.crossheads)
                sinceCrosshead = 0
            } else if roll < 0.22 {
                let person = r.pick(Words.people)
                let first = sentence(&r, 10...24, extras: true)
                let more = r.chance(0.5) ? " " + sentence(&r, 8...20, extras: true) : ""
                let style = r.unit()
                if style < 0.45 {
                    line = "\(person.name) said: \"\(first)\(more)\""
                } else if style < 0.8 {
                    line = "\(person.name), \(person.role), said: \u{201C}\(first)\(more)\u{201D}"
                } else {
                    line = "\"\(first)\" said \(person.name).\(more)"
                }
                said.append((first, person))
                sinceCrosshead += 1
            } else if roll < 0.27, !said.isEmpty {
                // A pull quote repeats something said, without quotation marks, then who said it.
                let q = r.pick(said)
                let pull = q.text.hasSuffix(".") ? String(q.text.dropLast()) : q.text
                lines.append(pull)
                total += Self.wordCount(pull)
                line = r.chance(0.7) ? "\(q.person.name), \(q.person.role)" : q.person.name
                sinceCrosshead += 1
            } else {
                line = (0..<r.int(in: 1...4)).map { _ in sentence(&r, 8...28, extras: true) }.joined(separator: " ")
                sinceCrosshead += 1
            }
            lines.append(line)
            total += Self.wordCount(line)
        }
        if r.chance(0.3) {
            lines.append("Additional reporting by \(r.pick(Words.people).name) in \(r.pick(Words.places)).")
        }
        return lines
    }

    /// The file's bytes: the lines joined by newlines, UTF-8.
    public func text(of index: Int) -> String {
        lines(of: index).joined(separator: "\n") + "\n"
    }

    /// `00042_harbour-bridge-closes-for.txt`: the zero-padded index and a slug of the headline.
    public func fileName(of index: Int, count: Int, headline: String) -> String {
        let width = max(5, String(count).count)
        let number = String(index)
        return String(repeating: "0", count: max(0, width - number.count)) + number + "_" + Self.slug(headline) + ".txt"
    }

    // MARK: - A folder

    /// What ``write(count:to:)`` wrote.
    public struct Summary: Sendable {
        public var files: Int
        public var bytes: Int
    }

    /// Writes articles 1...count into `folder` (created if needed).
    public func write(count: Int, to folder: String) throws -> Summary {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var bytes = 0
        for i in 1...max(1, count) where count > 0 {
            let lines = lines(of: i)
            let data = Array((lines.joined(separator: "\n") + "\n").utf8)
            let path = folder + "/" + fileName(of: i, count: count, headline: lines[0])
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
            defer { close(fd) }
            var done = 0
            while done < data.count {
                let n = data.withUnsafeBytes { corpusWrite(fd, $0.baseAddress! + done, data.count - done) }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
                }
                done += n
            }
            bytes += data.count
        }
        return Summary(files: max(0, count), bytes: bytes)
    }

    // MARK: - Pieces

    private func headline(_ r: inout SplitMix64) -> String {
        var words = (0..<r.int(in: 6...14)).map { _ in r.pick(Words.common) }
        if r.chance(0.5) { words[r.int(in: 0...(words.count - 1))] = r.pick(Words.places) }
        var h = Self.capitalised(words.joined(separator: " "))
        let roll = r.unit()
        if roll < 0.06 {
            h = r.pick(Words.phrases) + " \u{2014} " + h
        } else if roll < 0.12 {
            h += " " + r.pick(Words.emoji)
        } else if roll < 0.16 {
            h += " within HOURS"
        }
        return h
    }

    private func sentence(_ r: inout SplitMix64, _ length: ClosedRange<Int>, extras: Bool) -> String {
        let n = r.int(in: length)
        var words = (0..<n).map { _ in r.pick(Words.common) }
        if extras {
            if r.chance(0.35) { words[r.int(in: 0...(n - 1))] = r.pick(Words.places) }
            if r.chance(0.15) { words[r.int(in: 0...(n - 1))] = r.pick(Words.people).name }
            if r.chance(0.12) { words[r.int(in: 0...(n - 1))] = r.pick(Words.numbers) }
            if r.chance(0.05) { words[r.int(in: 0...(n - 1))] = r.pick(Words.phrases) }
        }
        if n > 10 && r.chance(0.2) { words[r.int(in: 3...(n - 4))] += "," }
        var s = Self.capitalised(words.joined(separator: " "))
        if extras && r.chance(0.04) { s += " " + r.pick(Words.emoji) }
        return s + "."
    }

    static func capitalised(_ s: String) -> String {
        guard let first = s.first else { return s }
        return first.uppercased() + s.dropFirst()
    }

    static func wordCount(_ s: String) -> Int {
        var count = 0
        var inWord = false
        for b in s.utf8 {
            let space = b == 0x20
            if !space && !inWord { count += 1 }
            inWord = !space
        }
        return count
    }

    /// The first five ASCII words of the headline, lowercased and joined by `-`.
    static func slug(_ headline: String) -> String {
        var words: [String] = []
        var current = ""
        for scalar in headline.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(Character(scalar)) {
                current.unicodeScalars.append(scalar)
            } else if scalar.isASCII || scalar.properties.generalCategory != .nonspacingMark {
                if !current.isEmpty { words.append(current.lowercased()); current = "" }
            }
            if words.count == 5 { break }
        }
        if !current.isEmpty && words.count < 5 { words.append(current.lowercased()) }
        return words.isEmpty ? "article" : words.joined(separator: "-")
    }
}

private func corpusWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.write(fd, buffer, count)
    #elseif canImport(Musl)
    return Musl.write(fd, buffer, count)
    #else
    return Darwin.write(fd, buffer, count)
    #endif
}

// MARK: - Randomness

/// SplitMix64 (Steele, Lea & Flood 2014): a small deterministic generator, seeded from the
/// corpus seed and the article index (tests use it to replay random storms).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64, index: UInt64 = 0) {
        state = seed &* 0x9E37_79B9_7F4A_7C15 ^ (index &+ 0x632B_E59B_D9B4_E019)
        _ = next()
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    mutating func chance(_ p: Double) -> Bool { unit() < p }

    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    mutating func pick<T>(_ items: [T]) -> T { items[int(in: 0...(items.count - 1))] }
}

// MARK: - Word lists

struct Person: Sendable {
    let name: String
    let role: String
}

private enum Words {
    static let common = """
        a about after again against agreed along already also among an and announced another \
        any april area around as at authorities autumn away back bay be because been before \
        behind being below between board boats both bridge budget buildings business but by \
        called came can canal cargo carried case centre ceremony chairman change cheaper city \
        claims closed coast coastal committee community companies cost costs could council \
        county court crews crisis crowds cuts dam data day days deal decade decided delay \
        delayed despite did district do down drivers during early east economy election end \
        energy engineers enough estimates even evening every evidence expected experts factory \
        families far farmers ferry festival few figures final first five floods for forecast \
        former found four freight from fuel funding further future government grain green \
        ground group growth had half harbour has have he health her here high him his \
        historic homes hospital hours house housing how however if in increase industry \
        inquiry inside into is island it its january jobs just lake land last late later \
        law leaders less library lights line little local long low made major make many \
        market may mayor members might miles million ministers month months more morning most \
        much museum must nearly network never new news next night no north not now number \
        of off office officials often old on once one only open or order other our out over \
        own paid park part party passengers past people per pier plan planning plans police \
        policy port power prices project public quarter question rail railway rates reached \
        record region report residents review river road roughly route rules said same school \
        schools sea season second services set several she shops should since site six small \
        so some south spending spring staff station still storm street strike students summer \
        support system than that the their them then there these they third this those \
        though three through tickets time to today told tonnes too tourists town trade \
        traffic trains transport tunnel two under union until up use value very village vote \
        voters wages was water way we week weekend weeks well were west what when where which \
        while who will winter with within without work workers would year years yesterday young
        """.split(separator: " ").map(String.init)

    static let places = [
        "Port Elloran", "Kraków", "São Luís", "Zürich", "Québec", "Ærø", "Akureyri", "Sevilla",
        "Köln", "Bodø", "Besançon", "Medellín", "京都", "名古屋", "広州", "深圳", "대구", "인천",
        "Αθήνα", "Θεσσαλονίκη", "Москва", "Київ", "Łódź", "Gdańsk", "Göteborg", "Ōita", "Huế",
        "Đà Nẵng", "Kutná Hora", "Tórshavn",
    ]

    static let people: [Person] = [
        Person(name: "Inés Ramírez", role: "council leader"), Person(name: "Jürgen Vogt", role: "harbour master"),
        Person(name: "Noémie Girard", role: "chief engineer"), Person(name: "Haruto Sato", role: "organiser"),
        Person(name: "Orla Kennedy", role: "ferry captain"), Person(name: "Magnus Løvås", role: "union spokesman"),
        Person(name: "Tomás Ó Briain", role: "mayor"), Person(name: "Élodie Marchand", role: "economist"),
        Person(name: "Åsa Lindqvist", role: "fisherwoman"), Person(name: "Dimitris Papadakis", role: "shop owner"),
        Person(name: "李華", role: "trader"), Person(name: "박서연", role: "student"),
        Person(name: "Nkechi Adeyemi", role: "nurse"), Person(name: "Paweł Zieliński", role: "bus driver"),
        Person(name: "Олена Коваль", role: "minister"), Person(name: "Rafael Conceição", role: "spokesman"),
        Person(name: "Nguye\u{0302}\u{0303}n Va\u{0306}n An", role: "teacher"),  // combining accents (NFD)
        Person(name: "Zoë O'Hara", role: "resident"),
    ]

    static let emoji = [
        "🚆", "👏🏾", "🇮🇪", "🇰🇷", "🧑\u{200D}🔧", "🏯", "🍵", "🌧️", "⛴️", "🎐",
        "👩\u{200D}👩\u{200D}👦", "⚡", "📈", "🏳️\u{200D}⚧️", "☑️",
    ]

    static let phrases = [
        "祇園祭の山鉾", "新しい駅", "上海市政府", "부산 항구", "万博会場", "名古屋駅", "股票市场", "광화문 광장",
    ]

    static let numbers = ["7", "35", "140", "2,500", "18,000", "4.5", "88", "1.2bn"]

    static let crossheads = [
        "THE PRICE OF WAITING", "WHAT COMES NEXT", "A HARBOUR SPLIT IN TWO", "NO WAY BACK",
        "'WE WERE NEVER ASKED'", "ANGER GROWS", "BY THE NUMBERS", "STORM WARNING",
        "REVIEW ORDERED", "LOCALS HIT BACK", "FIFTY YEARS ON THE LINE", "A HOLE IN THE BUDGET",
        "\u{2018}WE WILL KEEP GOING\u{2019}", "CAFÉ CULTURE", "ÉTÉ INDIEN",
    ]
}

@testable import BylineModel
import Testing

/// `NameKeys`, and `SpeakerRegistry.knows` answered from it, against the string dictionaries
/// it stands in front of.
@Suite struct NameKeysTests {
    private func with<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        Array(s.utf8).withUnsafeBufferPointer(body)
    }

    @Test func surnamesAndGivenNamesOfOnePerson() {
        var k = NameKeys()
        #expect(!with("zoë") { k.knows($0) })
        with("zoë") { k.addGivenName($0, of: 0) }
        with("platt") { k.addSurname($0, of: 0) }
        #expect(with("zoë") { k.knows($0) })
        #expect(with("platt") { k.knows($0) })
        #expect(!with("zoe") { k.knows($0) })
        #expect(with("platt") { k.surname($0, hash: WordTable<Int>.hashBytes($0)) } == 0)
        #expect(with("zoë") { k.soleGivenName($0, hash: WordTable<Int>.hashBytes($0)) } == 0)
        #expect(with("zoë") { k.surname($0, hash: WordTable<Int>.hashBytes($0)) } == nil)
        with("zoë") { k.addGivenName($0, of: 1) }
        #expect(!with("zoë") { k.knows($0) })  // two people have it
        #expect(with("zoë") { k.soleGivenName($0, hash: WordTable<Int>.hashBytes($0)) } == nil)
        with("zoë") { k.addSurname($0, of: 2) }
        #expect(with("zoë") { k.knows($0) })  // and someone's surname
        #expect(with("zoë") { k.surname($0, hash: WordTable<Int>.hashBytes($0)) } == 2)
        with("platt") { k.addSurname($0, of: 3) }
        #expect(with("platt") { k.surname($0, hash: WordTable<Int>.hashBytes($0)) } == 3)  // the latest
        #expect(k.count == 2)
        // Many keys, some sharing a hash's low bits: each keeps its own answer.
        for n in 0..<300 where n % 3 == 0 { with("k\(n)") { k.addSurname($0, of: n) } }
        for n in 0..<300 { with("k\(n)") { k.addGivenName($0, of: n) } }
        for n in 0..<300 where n % 2 == 0 { with("k\(n)") { k.addGivenName($0, of: n + 1) } }
        for n in 0..<300 { #expect(with("k\(n)") { k.knows($0) } == (n % 3 == 0 || n % 2 == 1)) }
        for n in 0..<300 {
            #expect(with("k\(n)") { k.surname($0, hash: WordTable<Int>.hashBytes($0)) } == (n % 3 == 0 ? n : nil))
            #expect(with("k\(n)") { k.soleGivenName($0, hash: WordTable<Int>.hashBytes($0)) } == (n % 2 == 1 ? n : nil))
        }
    }

    /// A surname is known; a given name only while one person has it; spelt with a combining
    /// mark or precomposed, the same.
    @Test func registryKnowsFromBytesAsFromStrings() {
        var r = SpeakerRegistry()
        _ = r.entity(named: ["Zoë", "Ångström"], gender: .female)
        #expect(r.knows(lowercased: "ångström"))
        #expect(r.knows(lowercased: "a\u{30A}ngstro\u{308}m"))
        #expect(r.knows(lowercased: "zoë"))
        #expect(r.knows(lowercased: "zoe\u{308}"))
        #expect(!r.knows(lowercased: "zoe"))
        #expect(!r.knows(lowercased: "ελένη"))
        _ = r.entity(named: ["Zoë", "Platt"], gender: .female)
        #expect(!r.knows(lowercased: "zoë"))  // two people now have it
        #expect(r.knows(lowercased: "platt"))
        #expect(Array("platt".utf8).withUnsafeBufferPointer { r.knows(asciiLowercased: $0) })
        #expect(!Array("zoe".utf8).withUnsafeBufferPointer { r.knows(asciiLowercased: $0) })
        _ = r.entity(named: ["Ελένη", "Παππά"], gender: .female)
        #expect(r.knows(lowercased: "ελένη") && r.knows(lowercased: "παππά"))
        #expect(r.knows("Παππά"))
    }

    /// Names looked up from their bytes find the entities the dictionaries would: a lone
    /// surname, a given name one person has, spelt precomposed or with combining marks.
    @Test func entitiesFoundFromBytesAsFromStrings() {
        var r = SpeakerRegistry()
        let zoe = r.entity(named: ["Zoë", "Ångström"], gender: .female)
        #expect(r.entity(named: ["Ångström"], gender: .unknown) == zoe)
        #expect(r.entity(named: ["A\u{30A}ngstro\u{308}m"], gender: .unknown) == zoe)
        #expect(r.entity(named: ["Zoe\u{308}"], gender: .unknown) == zoe)
        #expect(r.entity(named: ["Zoë", "Ångström"], gender: .female) == zoe)
        let platt = r.entity(named: ["Zoë", "Platt"], gender: .female)
        #expect(platt != zoe)
        #expect(r.entity(named: ["Platt"], gender: .unknown) == platt)
        let other = r.entity(named: ["Zoë"], gender: .unknown)  // two people have it: someone new
        #expect(other != zoe && other != platt)
        let ian = r.entity(named: ["Ian", "Platt"], gender: .male)
        #expect(r.entity(named: ["Platt"], gender: .unknown) == ian)  // the latest with that surname
    }
}

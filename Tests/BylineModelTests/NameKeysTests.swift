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
        with("zoë") { k.addGivenName($0) }
        with("platt") { k.addSurname($0) }
        #expect(with("zoë") { k.knows($0) })
        #expect(with("platt") { k.knows($0) })
        #expect(!with("zoe") { k.knows($0) })
        with("zoë") { k.addGivenName($0) }
        #expect(!with("zoë") { k.knows($0) })  // two people have it
        with("zoë") { k.addSurname($0) }
        #expect(with("zoë") { k.knows($0) })  // and someone's surname
        #expect(k.count == 2)
        // Many keys, some sharing a hash's low bits: each keeps its own answer.
        for n in 0..<300 where n % 3 == 0 { with("k\(n)") { k.addSurname($0) } }
        for n in 0..<300 { with("k\(n)") { k.addGivenName($0) } }
        for n in 0..<300 where n % 2 == 0 { with("k\(n)") { k.addGivenName($0) } }
        for n in 0..<300 { #expect(with("k\(n)") { k.knows($0) } == (n % 3 == 0 || n % 2 == 1)) }
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
}

import BylineReader
import CNcursesw
import Testing
@testable import BylineTerminal

/// Inputs the key fuzz target (`Fuzz/run.sh 600 keys`) found, and the decoder rules around them.
@Suite("Key decoder: fuzz findings")
struct KeyDecoderFuzzRegressionTests {
    /// The keys for bytes as `wgetch` returns them (function-key codes pass through as they are).
    private func keys(_ codes: [Int32]) -> [Key] {
        var decoder = KeyDecoder()
        return codes.compactMap { decoder.key(for: $0) }
    }

    @Test("a byte no UTF-8 character starts with does not swallow the keys after it")
    func invalidByteThenKeys() {
        // Found as "bytes left unread": wget_wch kept reading after 0xFF until it had ~144 bytes.
        let found: [Int32] = [0x1B, 0x5B, 0x4D, 0x20, 0x21] + Array(repeating: 0xFF, count: 8) + [0x21]
        #expect(keys(Array(found.dropFirst(3))) == [.char(" "), .char("!"), .char("!")])
        #expect(keys([0xFF, 0x71]) == [.char("q")])
        #expect(keys([0xE1, 0x6A, 0xFE, 0x6A]) == [.char("j"), .char("j")])
        #expect(keys([0x80, 0xBF, 0xC0, 0x80, 0xF5, 0x80, 0x71]) == [.char("q")])
    }

    @Test("a character cut short by another key is dropped, and the key counts")
    func cutShort() {
        #expect(keys([0xC3, 0x71]) == [.char("q")])
        #expect(keys([0xE4, 0xB8, 0x1B]) == [.escape])
        #expect(keys([0xF0, 0x9F, 0x98]) + keys([KEY_UP]) == [.up])
        var decoder = KeyDecoder()
        #expect(decoder.key(for: 0xE4) == nil)
        #expect(decoder.key(for: KEY_DOWN) == .down)
        #expect(decoder.key(for: 0x96) == nil)  // the rest of the dropped character
        #expect(decoder.key(for: 0x6B) == .char("k"))
    }

    @Test("valid UTF-8 comes back whole; overlong forms, surrogates and past U+10FFFF do not")
    func utf8() {
        #expect(keys("é世😀q".utf8.map(Int32.init)) == [.char("é"), .char("世"), .char("😀"), .char("q")])
        #expect(keys([0xE0, 0x80, 0xAF]).isEmpty)        // overlong "/"
        #expect(keys([0xED, 0xA0, 0x80]).isEmpty)        // a surrogate
        #expect(keys([0xF4, 0x90, 0x80, 0x80]).isEmpty)  // U+110000
        #expect(keys([0xC2, 0x85]).isEmpty)              // C1 control NEL: not a key
    }

    @Test("controls and function keys")
    func controls() {
        #expect(keys([0x0D, 0x0A, 0x09, 0x7F, 0x08, 0x1B, 0x0C, 0x00]) == [.enter, .enter, .tab, .backspace, .backspace, .escape, .ctrl("l")])
        #expect(keys([KEY_NPAGE, KEY_F0 + 24, KEY_F0 + 25, KEY_MOUSE]) == [.pageDown, .function(24)])
    }
}

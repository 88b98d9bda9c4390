import BylineCanvas
import BylineReader
import CNcursesw

/// Turns what `wgetch` returns (a byte, or a function-key code) into keys.
///
/// Byline reads bytes with `wgetch` and puts UTF-8 characters together itself instead of asking
/// `wget_wch` for them: after a byte that cannot start a UTF-8 character (a Latin-1 paste, an
/// 8-bit Meta key), `wget_wch` keeps reading until it has about 144 bytes, so the keys typed
/// after it were swallowed (the key fuzz target found this). Here a bad byte is dropped, and
/// a character cut short by another key is dropped, and the next key counts.
///
/// Public so the key fuzz target (`Fuzz/Sources/KeysFuzz`), a separate package, can feed it
/// what real ncursesw reads from a pseudo-terminal.
public struct KeyDecoder {
    /// The bytes of a UTF-8 character read so far.
    private var pending: [UInt8] = []
    /// How many bytes the pending character needs in all.
    private var needed = 0

    public init() {}

    /// The key for one `wgetch` result, or nil while a character is incomplete or for a code
    /// Byline does not use.
    public mutating func key(for code: Int32) -> Key? {
        guard (0...255).contains(code) else {
            pending = []
            return Self.function(code)
        }
        let byte = UInt8(code)
        if !pending.isEmpty {
            if isContinuation(byte) {
                pending.append(byte)
                guard pending.count == needed else { return nil }
                defer { pending = [] }
                return String(validating: pending, as: UTF8.self)?.unicodeScalars.first.flatMap { Self.character($0.value) }
            }
            pending = []  // cut short: drop it and read this byte afresh
        }
        switch byte {
        case 0..<0x80: return Self.character(UInt32(byte))
        case 0xC2...0xDF: needed = 2
        case 0xE0...0xEF: needed = 3
        case 0xF0...0xF4: needed = 4
        default: return nil  // a stray continuation byte, or one no UTF-8 character starts with
        }
        pending = [byte]
        return nil
    }

    /// Whether `byte` may come next in the pending character (the second byte of a three- or
    /// four-byte character has a narrower range, which rules out overlong forms, surrogates and
    /// code points past U+10FFFF).
    private func isContinuation(_ byte: UInt8) -> Bool {
        guard (0x80...0xBF).contains(byte) else { return false }
        guard pending.count == 1 else { return true }
        switch pending[0] {
        case 0xE0: return byte >= 0xA0
        case 0xED: return byte <= 0x9F
        case 0xF0: return byte >= 0x90
        case 0xF4: return byte <= 0x8F
        default: return true
        }
    }

    /// A character code (not a function key).
    public static func character(_ code: UInt32) -> Key? {
        switch code {
        case 10, 13: return .enter
        case 27: return .escape
        case 9: return .tab
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(code + 96)!))
        case 0..<32, 128..<160: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .char(Character(scalar))
        }
    }

    /// The mouse event behind a `KEY_MOUSE` code (ncurses' `getmouse`): a left click (its
    /// release) or a wheel notch; nil for what Byline does not use (a press, other buttons).
    public static func mouse() -> MouseEvent? {
        var x: Int32 = 0, y: Int32 = 0
        let kind: MouseEvent.Kind
        switch byline_mouse_event(&x, &y) {
        case 1: kind = .press
        case 4: kind = .wheelUp
        case 5: kind = .wheelDown
        default: return nil
        }
        return MouseEvent(kind, at: Point(x: Int(x), y: Int(y)))
    }

    /// A function-key code (`KEY_UP`, `KEY_NPAGE`, ...).
    public static func function(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_NPAGE: return .pageDown
        case KEY_PPAGE: return .pageUp
        case KEY_HOME: return .home
        case KEY_END, KEY_LL: return .end
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case (KEY_F0 + 1)...(KEY_F0 + 24): return .function(Int(code - KEY_F0))
        default: return nil
        }
    }
}

// Well-formed input as terminals send it, made from the fuzzer's bytes: text typed between
// mouse reports (clicks of each button, the wheel, modifiers, and the odd reports xterm also
// sends), written as SGR 1006 or X10 reports for the terminal type under test.
import BylineCanvas
import BylineReader

/// One mouse report: xterm's button code (0-2 buttons, +4 Shift, +8 Meta, +16 Ctrl, +32 motion,
/// +64 the wheel, +128 buttons 8-11), press or release, at a 1-based cell.
struct MouseReport {
    var code: Int
    var release: Bool
    var x: Int
    var y: Int

    /// The bytes a terminal sends: SGR 1006 (`ESC [ < code ; x ; y M/m`), or X10
    /// (`ESC [ M` and three bytes, each 32 + its value; a release is button 3).
    func bytes(sgr: Bool) -> [UInt8] {
        if sgr { return Array("\u{1B}[<\(code);\(x);\(y)\(release ? "m" : "M")".utf8) }
        let button = release ? (code & ~3) | 3 : code
        return [0x1B, 0x5B, 0x4D, UInt8(32 + button), UInt8(32 + x), UInt8(32 + y)]
    }

    /// Where the reader is told it happened (0-based).
    var point: Point { Point(x: x - 1, y: y - 1) }

    /// Whether the reader may hear of it as `kind`: a click comes only from a release of the
    /// left button (in X10, of any: it does not say which), a wheel notch from that wheel.
    func mayMean(_ kind: MouseEvent.Kind, sgr: Bool) -> Bool {
        switch kind {
        case .press: return release && code < 64 && (sgr ? code & 3 == 0 : true) || (!sgr && code < 64 && code & 3 == 3)
        case .wheelUp: return !release && code & 0xC3 == 64
        case .wheelDown: return !release && code & 0xC3 == 65
        }
    }
}

/// A step of a program: text, or a mouse report, with what the reader must make of it when it
/// is typed alone (nil: only the general rules hold, because an odd report came first and left
/// ncurses' idea of which buttons are down unknown).
struct Step {
    enum What {
        case text(String)
        case report(MouseReport)
    }
    var what: What
    var expected: [TerminalEvent]?

    func bytes(sgr: Bool) -> [UInt8] {
        switch what {
        case .text(let text): return Array(text.utf8)
        case .report(let report): return report.bytes(sgr: sgr)
        }
    }
}

/// Reads a program out of the fuzzer's bytes.
struct MouseProgram {
    private(set) var steps: [Step] = []
    let sgr: Bool

    /// At most `limit` operations, each taking a few bytes.
    init(_ bytes: UnsafeBufferPointer<UInt8>, sgr: Bool, limit: Int = 8) {
        self.sgr = sgr
        var source = bytes.makeIterator()
        var known = true  // ncurses' button state is what the steps so far say
        func next() -> Int { Int(source.next() ?? 0) }
        func point() -> (Int, Int) {
            sgr ? (1 + (next() | next() << 8) % 400, 1 + next() % 200) : (1 + next() % 223, 1 + next() % 223)
        }
        func modifiers(_ byte: Int) -> Int { [0, 4, 8, 16, 20][byte % 5] }
        for _ in 0..<limit {
            guard let op = source.next() else { break }
            switch op % 8 {
            case 0, 1:
                let text = Self.text(count: 1 + next() % 6, next)
                steps.append(Step(what: .text(text), expected: text.unicodeScalars.map { .key(.char(Character($0))) }))
            case 2, 3:
                // A click: the press, then the release (where the pointer is by then). The
                // left button's click is heard on its release; other buttons mean nothing.
                let button = op % 8 == 2 ? 0 : 1 + next() % 2
                let mods = modifiers(next())
                let (x, y) = point()
                let moved = next() % 4 == 0 ? point() : (x, y)
                let press = MouseReport(code: button | mods, release: false, x: x, y: y)
                let release = MouseReport(code: button | mods, release: true, x: moved.0, y: moved.1)
                steps.append(Step(what: .report(press), expected: known ? [] : nil))
                steps.append(Step(what: .report(release), expected: known ? (button == 0 ? [.mouse(MouseEvent(.press, at: release.point))] : []) : nil))
            case 4, 5:
                // A notch of the wheel is heard as one. With a modifier held it may not be:
                // ncurses reads no modifier on an X10 wheel report, and drops it.
                let up = next() % 2 == 0
                let (x, y) = point()
                let mods = modifiers(next())
                let report = MouseReport(code: (up ? 64 : 65) | mods, release: false, x: x, y: y)
                steps.append(Step(what: .report(report), expected: mods == 0 ? [.mouse(MouseEvent(up ? .wheelUp : .wheelDown, at: report.point))] : nil))
            default:
                // Odd but real: the horizontal wheel, buttons 8-11, motion, a press with no
                // release, a release with no press.
                let codes = [66, 67, 128, 129, 130, 131, 32, 33, 34, 35, 0, 1, 2]
                let code = codes[next() % codes.count] | modifiers(next())
                let (x, y) = point()
                let release = next() % 2 == 0 && code & 32 == 0
                steps.append(Step(what: .report(MouseReport(code: code, release: release, x: x, y: y)), expected: nil))
                known = false
            }
        }
    }

    /// Releases of every button: typed first, so no button is down when the program starts.
    static func reset(sgr: Bool) -> [[UInt8]] {
        (sgr ? [0, 1, 2] : [0]).map { MouseReport(code: $0, release: true, x: 1, y: 1).bytes(sgr: sgr) }
    }

    /// Printable text: ASCII, and now and then a Latin, CJK or emoji character.
    private static func text(count: Int, _ next: () -> Int) -> String {
        var text = ""
        for _ in 0..<count {
            let byte = next()
            if byte >= 0xF8 {
                text.unicodeScalars.append(["é", "ß", "東", "😀", "\u{A0}", "ÿ", "€", "\u{FFFD}"][byte - 0xF8])
            } else {
                text.unicodeScalars.append(Unicode.Scalar(UInt8(0x20 + byte % 95)))
            }
        }
        return text
    }

    /// All the steps' bytes, one after another, as a terminal sends them in one burst.
    var burst: [UInt8] { steps.flatMap { $0.bytes(sgr: sgr) } }

    var reports: [MouseReport] {
        steps.compactMap { if case .report(let report) = $0.what { report } else { nil } }
    }

    /// The keys the text of the program types, in order.
    var textKeys: [TerminalEvent] {
        steps.flatMap { step -> [TerminalEvent] in
            guard case .text(let text) = step.what else { return [] }
            return text.unicodeScalars.map { .key(.char(Character($0))) }
        }
    }
}

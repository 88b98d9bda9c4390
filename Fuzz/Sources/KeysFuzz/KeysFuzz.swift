// libFuzzer entry for terminal input: bytes typed into pseudo-terminals, read by real ncursesw
// (`wgetch`, in the modes the reader uses, the mouse on) and mapped by Byline's KeyDecoder.
//
// Two terminal types, for ncurses' two mouse protocols: xterm-256color (SGR 1006 reports) and
// tmux-256color (X10 reports, as tmux sends them). Each input is typed as it is into both; then
// a program of well-formed text and mouse reports made from the same bytes is typed into each,
// step by step and in one burst, and must come back as exactly its keys and mouse events.
import BylineReader
import BylineTerminal
import FuzzSupport

@main
enum KeysFuzz {
    static func main() { Fuzz.run(fuzzKeys) }
}

nonisolated(unsafe) private var terminals: [CursesUnderTest] = []

private func describe(_ bytes: some Sequence<UInt8>) -> String {
    bytes.prefix(96).map { String($0, radix: 16) }.joined(separator: " ")
}

private func fuzzKeys(_ input: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    // More than the terminal's input queue holds would block the write: the runner caps inputs.
    guard size <= 2048 else { return -1 }
    let bytes = Fuzz.bytes(input, size)
    if terminals.isEmpty { terminals = [CursesUnderTest(term: "xterm-256color"), CursesUnderTest(term: "tmux-256color")] }
    for terminal in terminals {
        let events = terminal.type(bytes, mayBeCut: true, context: describe(bytes))
        RawChecks(bytes: bytes, term: terminal.term).check(events)
    }
    for terminal in terminals {
        runProgram(MouseProgram(bytes, sgr: terminal.term.hasPrefix("xterm")), on: terminal)
    }
    return 0
}

// MARK: - Any bytes

/// What holds for any bytes typed.
private struct RawChecks {
    let bytes: UnsafeBufferPointer<UInt8>
    let term: String

    func check(_ events: [TerminalEvent]) {
        let keys = events.compactMap { if case .key(let key) = $0 { key } else { nil } }
        for key in keys { checkKey(key) }
        checkPlainText(keys)
        checkASCIISurvives(keys)
        // Every mouse report starts with an escape: no mouse event comes from nothing.
        let mice = events.count - keys.count
        let escapes = bytes.count { $0 == 0x1B }
        if mice > escapes { violated("\(mice) mouse events from \(escapes) escapes") }
    }

    private func violated(_ what: String) -> Never {
        Fuzz.violated("\(term): \(what)", describe(bytes))
    }

    /// A key as the reader may see it: characters are never controls, Ctrl is a letter, F1-F24.
    private func checkKey(_ key: Key) {
        switch key {
        case .char(let character):
            for scalar in character.unicodeScalars where scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) {
                violated("key .char holds control U+\(String(scalar.value, radix: 16))")
            }
        case .ctrl(let letter):
            if !("a"..."z").contains(letter) { violated("key .ctrl(\(letter.debugDescription))") }
        case .function(let n):
            if !(1...24).contains(n) { violated("key F\(n)") }
        default:
            break
        }
    }

    /// Printable text (valid UTF-8, no C0, DEL or C1, so nothing a key sequence starts with)
    /// comes back as one `.char` per scalar, in order.
    private func checkPlainText(_ keys: [Key]) {
        guard let text = String(validating: bytes, as: UTF8.self),
              text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && !(0x7F..<0xA0).contains($0.value) })
        else { return }
        let expected = text.unicodeScalars.map { Key.char(Character($0)) }
        if keys != expected { violated("plain text read back as \(keys.prefix(8))") }
    }

    /// Without an escape (which starts every key sequence and mouse report), each printable
    /// ASCII byte typed comes back as its key, whatever broken UTF-8 surrounds it: a bad byte
    /// never swallows the keys after it.
    private func checkASCIISurvives(_ keys: [Key]) {
        guard !bytes.contains(0x1B) else { return }
        let typed = bytes.filter { (0x20..<0x7F).contains($0) }.map { Key.char(Character(Unicode.Scalar($0))) }
        let read = keys.filter { if case .char(let c) = $0 { c.isASCII } else { false } }
        if read != typed { violated("printable ASCII typed \(typed.count) keys, read back \(read.count)") }
    }
}

// MARK: - Text and mouse reports as terminals send them

/// Types the program step by step (each step alone, as a hand types and clicks), then in one
/// burst (as a terminal may send a press and its release together). No step may leave a read
/// waiting for more input.
private func runProgram(_ program: MouseProgram, on terminal: CursesUnderTest) {
    guard !program.steps.isEmpty else { return }
    let burst = program.burst
    func violated(_ what: String) -> Never {
        Fuzz.violated("\(terminal.term): \(what)", describe(burst))
    }
    func type(_ bytes: [UInt8]) -> [TerminalEvent] {
        bytes.withUnsafeBufferPointer { terminal.type($0, mayBeCut: false, context: describe(bytes)) }
    }
    func mice(_ events: [TerminalEvent]) -> [MouseEvent] {
        events.compactMap { if case .mouse(let mouse) = $0 { mouse } else { nil } }
    }
    /// Whether `event` may have come from one of `reports`.
    func explained(_ event: MouseEvent, by reports: [MouseReport]) -> Bool {
        reports.contains { $0.point == event.at && $0.mayMean(event.kind, sgr: program.sgr) }
    }

    for reset in MouseProgram.reset(sgr: program.sgr) {
        let events = type(reset)
        if events.count > 1 || mice(events).count != events.count { violated("a release read back as \(events)") }
    }
    for (index, step) in program.steps.enumerated() {
        let events = type(step.bytes(sgr: program.sgr))
        if let expected = step.expected {
            if events != expected { violated("step \(index) (\(step.what)) read back as \(events), not \(expected)") }
        } else if case .report(let report) = step.what {
            if events.count > 1 || mice(events).count != events.count {
                violated("step \(index) (\(report)) read back as \(events)")
            }
            if let event = mice(events).first, !explained(event, by: [report]) {
                violated("step \(index) (\(report)) read back as \(event)")
            }
        }
    }
    let events = type(burst)
    let keys = events.filter { if case .key = $0 { true } else { false } }
    if keys != program.textKeys { violated("burst: keys \(keys.prefix(8)) from text \(program.textKeys.prefix(8))") }
    let reports = program.reports
    let heard = mice(events)
    if heard.count > reports.count { violated("burst: \(heard.count) mouse events from \(reports.count) reports") }
    for event in heard where !explained(event, by: reports) { violated("burst: \(event) from no report") }
}

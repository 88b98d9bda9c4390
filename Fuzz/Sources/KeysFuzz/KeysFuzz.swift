// libFuzzer entry for terminal input: random bytes typed into a pseudo-terminal, read by real
// ncursesw (`wgetch`, in the modes the reader uses) and mapped to keys by Byline's KeyDecoder.
import BylineReader
import BylineTerminal
import CNcursesw
import FuzzSupport
import Glibc

@main
enum KeysFuzz {
    static func main() { Fuzz.run(fuzzKeys) }
}

/// One curses screen on one pseudo-terminal, made on the first input and kept: the input is
/// typed into the master side and read back from the slave until nothing is left.
private final class KeyboardUnderTest: @unchecked Sendable {
    let master: Int32
    let slave: Int32
    let window: UnsafeMutablePointer<WINDOW>

    init() {
        _ = setlocale(LC_ALL, "C.UTF-8")
        var master: Int32 = -1, slave: Int32 = -1
        var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0,
              let stream = fdopen(slave, "r+"),
              let screen = newterm("xterm-256color", stream, stream),
              let window = byline_stdscr()
        else { fatalError("fuzz setup: no pseudo-terminal or no xterm-256color terminfo") }
        _ = set_term(screen)
        CursesTerminal.configure(window)
        // Read what is there and return; an escape alone is an escape (the bytes of a sequence
        // are all queued already, so none is cut short).
        wtimeout(window, 0)
        set_escdelay(0)
        // Flow control (^S/^Q) and signal keys (^C, ^Z, ^\) are the terminal's, and never reach
        // the reader: off here, so a ^S cannot stop the screen's output and a ^C cannot stop
        // the fuzzer.
        var modes = termios()
        tcgetattr(slave, &modes)
        modes.c_iflag &= ~tcflag_t(IXON | IXOFF)
        modes.c_lflag &= ~tcflag_t(ISIG)
        tcsetattr(slave, TCSANOW, &modes)
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
        self.master = master
        self.slave = slave
        self.window = window
        _ = wgetch(window)  // the first read draws the (empty) screen
        drainOutput()
    }

    /// Types `bytes` and returns the keys read back, as the reader's terminal reads them.
    func type(_ bytes: UnsafeBufferPointer<UInt8>) -> [Key] {
        var written = 0
        while written < bytes.count {
            let n = write(master, bytes.baseAddress! + written, bytes.count - written)
            if n <= 0 { fatalError("fuzz setup: cannot write to the pseudo-terminal (\(errno))") }
            written += n
        }
        // The kernel hands bytes from the master to the slave's queue asynchronously: wait until
        // all of them can be read, so none is left over for the next input.
        // On a busy machine that can take a while: give it five seconds.
        var waited = 0
        while queued() < bytes.count {
            if waited > 100_000 { Fuzz.violated("the terminal has \(queued()) of \(bytes.count) bytes typed", describe(bytes)) }
            usleep(waited < 100 ? 1 : 50)
            waited += 1
        }
        var decoder = KeyDecoder()
        var keys: [Key] = []
        var reads = 0
        while true {
            let code = wgetch(window)
            if code == ERR { break }
            reads += 1
            if reads > bytes.count { Fuzz.violated("more reads (\(reads)) than bytes typed", describe(bytes)) }
            if let key = decoder.key(for: code) { keys.append(key) }
        }
        if queued() != 0 { Fuzz.violated("\(queued()) bytes left unread", describe(bytes)) }
        drainOutput()
        return keys
    }

    /// Bytes waiting to be read on the slave side.
    private func queued() -> Int {
        var count: Int32 = 0
        _ = ioctl(slave, UInt(FIONREAD), &count)
        return Int(count)
    }

    private func drainOutput() {
        var sink = [UInt8](repeating: 0, count: 4096)
        while read(master, &sink, sink.count) > 0 {}
    }
}

nonisolated(unsafe) private var keyboard: KeyboardUnderTest?

private func describe(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    bytes.prefix(64).map { String($0, radix: 16) }.joined(separator: " ")
}

/// A key as the reader may see it: characters are never controls, Ctrl is a letter, F1-F24.
private func checkKey(_ key: Key, _ bytes: UnsafeBufferPointer<UInt8>) {
    switch key {
    case .char(let character):
        for scalar in character.unicodeScalars where scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) {
            Fuzz.violated("key .char holds control U+\(String(scalar.value, radix: 16))", describe(bytes))
        }
    case .ctrl(let letter):
        if !("a"..."z").contains(letter) { Fuzz.violated("key .ctrl(\(letter.debugDescription))", describe(bytes)) }
    case .function(let n):
        if !(1...24).contains(n) { Fuzz.violated("key F\(n)", describe(bytes)) }
    default:
        break
    }
}

/// Printable text (valid UTF-8, no C0, DEL or C1, so nothing a key sequence starts with) comes
/// back as one `.char` per scalar, in order.
private func checkPlainText(_ bytes: UnsafeBufferPointer<UInt8>, _ keys: [Key]) {
    guard let text = String(validating: bytes, as: UTF8.self),
          text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && !(0x7F..<0xA0).contains($0.value) })
    else { return }
    let expected = text.unicodeScalars.map { Key.char(Character($0)) }
    if keys != expected {
        Fuzz.violated("plain text read back as \(keys.prefix(8))", describe(bytes))
    }
}

/// Without an escape (which starts every key sequence), each printable ASCII byte typed comes
/// back as its key, whatever broken UTF-8 surrounds it: a bad byte never swallows the keys after it.
private func checkASCIISurvives(_ bytes: UnsafeBufferPointer<UInt8>, _ keys: [Key]) {
    guard !bytes.contains(0x1B) else { return }
    let typed = bytes.filter { (0x20..<0x7F).contains($0) }.map { Key.char(Character(Unicode.Scalar($0))) }
    let read = keys.filter { if case .char(let c) = $0 { return c.isASCII } else { return false } }
    if read != typed {
        Fuzz.violated("printable ASCII typed \(typed.count) keys, read back \(read.count)", describe(bytes))
    }
}

private func fuzzKeys(_ input: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    // More than the terminal's input queue holds would block the write: the runner caps inputs.
    guard size <= 2048 else { return -1 }
    let bytes = Fuzz.bytes(input, size)
    if keyboard == nil { keyboard = KeyboardUnderTest() }
    let keys = keyboard!.type(bytes)
    for key in keys { checkKey(key, bytes) }
    checkPlainText(bytes, keys)
    checkASCIISurvives(bytes, keys)
    return 0
}

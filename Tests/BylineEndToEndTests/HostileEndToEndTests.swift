import BylineCorpus
import BylineTestSupport
import Foundation
import Glibc
import XCTest

/// The reader against hostile files and hostile terminals, through a pseudo-terminal, asserting
/// on the raw bytes it writes.
final class HostileEndToEndTests: XCTestCase {
    // MARK: - Hostile files

    func testRunsTheBinaryBuiltWithTheTests() {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        XCTAssertEqual(URL(fileURLWithPath: PTYSession.binary).deletingLastPathComponent().path, exe.path)
    }

    func testStreamCheckFindsEachKindOfControl() {
        let ncurses = Array("\u{1B}[?1049h\u{1B}[22;0;0t\u{1B}[1;1H\u{1B}(B\u{1B}[mText é 隅\u{1B}[38;5;12m\u{1B}7\u{1B}8\r\n\u{08}\t".utf8)
        XCTAssertEqual(Self.foreignControls(in: ncurses), [])
        let foreign: [[UInt8]] = [
            Array("\u{1B}]52;c;aGFja2Vk\u{07}".utf8), Array("\u{1B}]0;title\u{1B}\\".utf8), Array("\u{1B}P+q\u{1B}\\".utf8),
            Array("\u{1B}_apc".utf8), Array("\u{1B}^pm".utf8), Array("\u{1B}Xsos".utf8), [0x07], [0x7F], [0x00], [0x9B],
            Array("\u{9B}31m".utf8), Array("\u{85}".utf8), Array("\u{202E}".utf8), Array("\u{2066}".utf8), [0xC0, 0x9B],
        ]
        for bytes in foreign {
            XCTAssertFalse(Self.foreignControls(in: Array("ok".utf8) + bytes + Array("ok".utf8)).isEmpty, PTYSession.visible(bytes))
        }
    }

    func testHostileFolderNeverReachesTheTerminalAsControls() throws {
        let folder = try Self.hostileFolder()
        let pty = try PTYSession(arguments: [folder.path], cols: 120, rows: 40)
        pty.waitFor(text: "HostileAlpha")
        pty.waitForQuiet(0.2)
        // Every article, every pane: list, body (scrolled), sidebar, help, problems, themes.
        for _ in 0..<16 {
            pty.send(.down)
            pty.waitForQuiet(0.15)
            pty.send("\r")  // focus the body
            pty.send(.pageDown, times: 2)
            pty.send("]")
            pty.waitForQuiet(0.15)
            pty.send("\u{1B}")  // back to the list
            pty.waitForQuiet(0.15)
        }
        for key in ["g", "n", "n", "]", "}", "n", "z", "z", "s", "s", "f"] {
            pty.send(key)
            pty.waitForQuiet(0.1)
        }
        let beforeHelp = pty.outputCount
        pty.send("?")
        pty.waitFor(text: "Keys", from: beforeHelp)
        pty.send("?")
        let beforeProblems = pty.outputCount
        pty.send("!")
        pty.waitFor(text: "Unreadable", from: beforeProblems)
        pty.waitFor(text: "link", from: beforeProblems)  // the symlink loop is listed with its reason
        pty.waitForQuiet(0.2)
        pty.closeOverlay()
        for _ in 0..<4 {
            pty.send("t")
            pty.waitForQuiet(0.1)
        }
        pty.send("q")
        let (how, _) = try pty.waitForExit()
        XCTAssertEqual(how, PTYSession.Termination.exited(0))
        let stream = pty.output
        Self.assertNoControlsFromFiles(stream)
        for payload in ["aGFja2Vk", "PWNEDTITLE", "PWNEDTWO", "evil.example", "DCSPAYLOAD", "APCPAYLOAD",
                        "PMPAYLOAD", "SOSPAYLOAD", "UTFCSI", "\u{1B}[31mREDPAYLOAD", "BINARYCLIP"] {
            XCTAssertNil(PTYSession.find(Array(payload.utf8), in: stream), "\(payload.debugDescription) reached the terminal")
        }
        XCTAssertNotNil(PTYSession.find(Array("REDPAYLOAD".utf8), in: stream), "the visible text around a stripped sequence is kept")
        XCTAssertTrue(Self.endsRestored(stream), "terminal not restored:\n\(PTYSession.visible(stream.suffix(200)))")
    }

    func testFilesDeletedOrTruncatedWhileOpenDoNotCrash() throws {
        let body = (0..<2000).map { "Paragraph \($0) of text that goes on for a while." }.joined(separator: "\n")
        let folder = try Fixtures.folder([
            "01.txt": "FirstHeadline\n\n" + body,
            "02.txt": "SecondHeadline\n\n" + body,
            "03.txt": "ThirdHeadline\n\n" + body,
        ])
        let pty = try PTYSession(arguments: [folder.path], cols: 100, rows: 30)
        pty.waitFor(text: "FirstHeadline")
        pty.waitForQuiet(0.2)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("02.txt"))
        let handle = try FileHandle(forWritingTo: folder.appendingPathComponent("03.txt"))
        try handle.truncate(atOffset: 3)
        try handle.close()
        for _ in 0..<3 {
            pty.send(.down)
            pty.waitForQuiet(0.15)
            pty.send(.pageDown, times: 3)
        }
        pty.send("!")
        pty.waitForQuiet(0.2)
        XCTAssertTrue(pty.isRunning)
        pty.closeOverlay()
        pty.send("q")
        XCTAssertEqual(try pty.waitForExit().0, PTYSession.Termination.exited(0))
    }

    // MARK: - Losing the terminal

    func testHangupExitsWithinOneSecondWithoutSpinning() throws {
        let pty = try Self.readerAtRest()
        let cpuBefore = try XCTUnwrap(pty.cpuSeconds)
        let hungUp = Date()
        pty.closeMaster()
        let (how, elapsed) = try pty.waitForExit(timeout: 5, since: hungUp)
        let cpuAfter = try XCTUnwrap(pty.cpuSeconds)
        print("hangup: \(how) after \(String(format: "%.3f", elapsed)) s, CPU \(String(format: "%.3f", cpuAfter - cpuBefore)) s")
        XCTAssertLessThan(elapsed, 1.0)
        XCTAssertLessThan(cpuAfter - cpuBefore, 0.2, "CPU burnt after the hangup")
        XCTAssertEqual(how, PTYSession.Termination.exited(128 + SIGHUP))
    }

    func testInputGoneWithoutHangupExitsWithoutSpinning() throws {
        // Keyboard on a second pty that is not the controlling terminal: closing it gives
        // read errors (EIO) but no SIGHUP, so the reader must notice the dead input itself.
        let (keyboard, keyboardPath) = try PTYSession.openPseudoTerminal()
        let pty = try PTYSession(arguments: [try Self.plainFolder().path], cols: 100, rows: 30, stdin: keyboardPath)
        pty.waitFor(text: "QuietHeadline")
        pty.waitForQuiet(0.2)
        let cpuBefore = try XCTUnwrap(pty.cpuSeconds)
        let closed = Date()
        close(keyboard)
        let (how, elapsed) = try pty.waitForExit(timeout: 5, since: closed)
        let cpu = (pty.cpuSeconds ?? 0) - cpuBefore
        print("input gone: \(how) after \(String(format: "%.3f", elapsed)) s, CPU \(String(format: "%.3f", cpu)) s")
        XCTAssertLessThan(elapsed, 1.0)
        XCTAssertLessThan(cpu, 0.2)
        XCTAssertEqual(how, PTYSession.Termination.exited(1))
        pty.waitForQuiet(0.1, timeout: 1)
        XCTAssertTrue(Self.endsRestored(pty.output), PTYSession.visible(pty.output.suffix(200)))
    }

    // MARK: - Signals

    func testSIGTERMRestoresTheTerminalAndExits() throws {
        try assertSignalRestores(SIGTERM)
    }

    func testSIGINTRestoresTheTerminalAndExits() throws {
        try assertSignalRestores(SIGINT)
    }

    func testCtrlCRestoresTheTerminalAndExits() throws {
        try assertSignalRestores(SIGINT, typed: [0x03])
    }

    func testBytesThatAreNotUTF8DoNotSwallowTheKeysAfterThem() throws {
        // Found by the key fuzz target: after a byte like 0xFF (a Latin-1 paste, an 8-bit Meta
        // key) ncurses' wget_wch read on until it had ~144 bytes, so `q` did nothing.
        let pty = try PTYSession(arguments: [try Self.plainFolder().path], cols: 100, rows: 30)
        pty.waitFor(text: "QuietHeadline")
        pty.waitForQuiet(0.2)
        pty.send([0xFF, 0xE1, 0xC3])
        pty.send("q")
        let (how, _) = try pty.waitForExit(timeout: 5)
        XCTAssertEqual(how, PTYSession.Termination.exited(0))
    }

    private func assertSignalRestores(_ sig: Int32, typed: [UInt8]? = nil, file: StaticString = #filePath, line: UInt = #line) throws {
        let pty = try PTYSession(arguments: [try Self.plainFolder().path], cols: 100, rows: 30)
        pty.waitFor(text: "QuietHeadline", file: file, line: line)
        pty.waitForQuiet(0.2)
        let sent = Date()
        if let typed { pty.send(typed) } else { pty.signal(sig) }
        let (how, elapsed) = try pty.waitForExit(timeout: 5, since: sent)
        XCTAssertEqual(how, PTYSession.Termination.exited(128 + sig), file: file, line: line)
        XCTAssertLessThan(elapsed, 1.0, file: file, line: line)
        pty.waitForQuiet(0.1, timeout: 1)
        XCTAssertTrue(Self.endsRestored(pty.output), "not restored:\n\(PTYSession.visible(pty.output.suffix(200)))", file: file, line: line)
    }

    func testCtrlZSuspendsRestoredAndFgRedrawsFully() throws {
        // Job control needs a shell in the same session (a lone session leader's process group
        // is orphaned and the kernel discards its SIGTSTP): a job-control bash runs the reader,
        // and reading a line after the stop stands for the user typing `fg`.
        let script = #"set -m; "$0" "$@"; s=$?; while [ $s -eq 148 ]; do read -r _; fg; s=$?; done; exit $s"#
        let pty = try PTYSession(executable: "/bin/bash", arguments: ["-c", script, PTYSession.binary, try Self.plainFolder().path],
                                 cols: 100, rows: 30)
        pty.waitFor(text: "QuietHeadline")
        pty.waitForQuiet(0.2)
        let reader = try XCTUnwrap(PTYSession.children(of: pty.pid).first, "the reader under bash")
        let typed = pty.outputCount
        pty.send([0x1A])
        XCTAssertTrue(Self.waitUntil { PTYSession.state(of: reader) == "T" }, "not stopped: \(PTYSession.state(of: reader) ?? "-")")
        pty.waitFor(text: "\u{1B}[?1049l", from: typed)
        // The shell has the terminal back: `fg`.
        let resumed = pty.outputCount
        pty.send("\n")
        pty.waitFor(text: "\u{1B}[?1049h", from: resumed)
        pty.waitFor(text: "QuietHeadline", from: resumed)
        XCTAssertTrue(Self.waitUntil { PTYSession.state(of: reader) == "S" })
        // Keys work again.
        pty.send("q")
        XCTAssertEqual(try pty.waitForExit().0, PTYSession.Termination.exited(0))
    }

    func testStopAndContinueRepaints() throws {
        let pty = try Self.readerAtRest()
        pty.signal(SIGSTOP)
        XCTAssertTrue(Self.waitUntil { PTYSession.state(of: pty.pid) == "T" })
        let before = pty.outputCount
        pty.signal(SIGCONT)
        pty.waitFor(text: "QuietHeadline", from: before)
        pty.send("q")
        XCTAssertEqual(try pty.waitForExit().0, PTYSession.Termination.exited(0))
    }

    func testBadThemeNameIsOneLineWithoutEscapes() throws {
        let pty = try PTYSession(arguments: ["--theme", "\u{1B}]0;THEMETITLE\u{07}\nsecond", try Self.plainFolder().path])
        let (how, _) = try pty.waitForExit()
        pty.waitForQuiet(0.1, timeout: 1)
        let text = String(decoding: pty.output, as: UTF8.self)
        XCTAssertEqual(how, PTYSession.Termination.exited(2), text)
        XCTAssertFalse(pty.output.contains(0x1B), text.debugDescription)
        XCTAssertFalse(pty.output.contains(0x07), text.debugDescription)
        XCTAssertEqual(text.split(whereSeparator: \.isNewline).count, 1, text.debugDescription)
    }

    // MARK: - Sizes

    func testTinyAndHugeTerminals() throws {
        for (cols, rows) in [(1, 1), (5, 3), (19, 5)] {
            let pty = try PTYSession(arguments: [try Self.plainFolder().path], cols: cols, rows: rows)
            pty.waitForQuiet(0.3)
            XCTAssertTrue(pty.isRunning, "crashed at \(cols)x\(rows)")
            pty.send(.down)
            pty.send("?")
            pty.waitForQuiet(0.2)
            pty.closeOverlay()
            pty.send("!")
            pty.waitForQuiet(0.2)
            XCTAssertTrue(pty.isRunning, "crashed at \(cols)x\(rows) after keys")
            let before = pty.outputCount
            pty.resize(cols: 500, rows: 200)
            pty.waitFor(text: "QuietHeadline", from: before)
            pty.closeOverlay()
            pty.send("q")
            XCTAssertEqual(try pty.waitForExit().0, PTYSession.Termination.exited(0), "at \(cols)x\(rows)")
        }
    }

    func testResizeStormEndsInACorrectFrame() throws {
        let pty = try PTYSession(arguments: [try Self.plainFolder().path], cols: 100, rows: 30)
        pty.waitFor(text: "QuietHeadline")
        var rng = SplitMix64(seed: 0xB1_11_E5)  // seeded, so a failing storm can be replayed
        for i in 0..<200 {
            pty.resize(cols: Int.random(in: 1...500, using: &rng), rows: Int.random(in: 1...200, using: &rng))
            if i % 20 == 0 { pty.send(.down) }
            if i % 3 == 0 { usleep(1_000) }  // let some resizes land between frames, not all at once
        }
        pty.resize(cols: 90, rows: 24)
        pty.waitForQuiet(0.3)
        XCTAssertTrue(pty.isRunning, "the storm killed the reader")
        // Ask for a full repaint and check the frame: the status line for 90 columns.
        let before = pty.outputCount
        pty.send([0x0C])
        pty.waitFor(text: "? help  q quit", from: before)
        pty.waitFor(text: "/2", from: before)
        pty.send("q")
        XCTAssertEqual(try pty.waitForExit().0, PTYSession.Termination.exited(0))
    }

    // MARK: - Idle

    func testIdleUsesNoCPUAndWritesNothing() throws {
        let pty = try PTYSession(arguments: [try Self.plainFolder().path], cols: 100, rows: 30)
        pty.waitFor(text: "QuietHeadline")
        pty.waitForQuiet(0.3)
        let bytes = pty.outputCount
        let cpu = try XCTUnwrap(pty.cpuSeconds)
        let switches = try XCTUnwrap(PTYSession.contextSwitches(of: pty.pid))
        let start = Date()
        while Date().timeIntervalSince(start) < 2 { usleep(100_000) }
        let cpuUsed = try XCTUnwrap(pty.cpuSeconds) - cpu
        let wakeups = try XCTUnwrap(PTYSession.contextSwitches(of: pty.pid)) - switches
        print("idle 2 s: CPU \(String(format: "%.3f", cpuUsed)) s, \(wakeups) context switches, \(pty.outputCount - bytes) bytes")
        XCTAssertLessThan(cpuUsed, 0.05)
        XCTAssertLessThanOrEqual(wakeups, 2, "woke up while idle (a timer?)")
        XCTAssertEqual(pty.outputCount, bytes, "wrote while idle")
        pty.send("q")
        XCTAssertEqual(try pty.waitForExit().0, PTYSession.Termination.exited(0))
    }

    // MARK: - Colour and bell

    func testNoColorSendsNoColourAndNoBell() throws {
        let pty = try PTYSession(arguments: [try Self.hostileFolder().path], cols: 120, rows: 40, environment: ["NO_COLOR": "1"])
        pty.waitFor(text: "HostileAlpha")
        for key in ["j", "j", "t", "t", "?", "\u{1B}", "!", "\u{1B}", "j", "t"] {
            pty.send(key)
            pty.waitForQuiet(0.1)
        }
        pty.send("q")
        XCTAssertEqual(try pty.waitForExit().0, PTYSession.Termination.exited(0))
        let stream = pty.output
        XCTAssertFalse(stream.contains(0x07), "the reader rang the bell")
        for sgr in Self.sgrSequences(stream) {
            var params = sgr.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
            while let p = params.first {
                params.removeFirst()
                let colour = (30...39).contains(p) || (40...49).contains(p) || (90...97).contains(p) || (100...107).contains(p)
                XCTAssertFalse(colour, "colour in SGR \(sgr.debugDescription) with NO_COLOR")
                if p == 38 || p == 48 { params.removeAll() }
            }
        }
    }

    // MARK: - Refusing to start

    func testBadTERMIsOneLineErrorWithoutEscapes() throws {
        for term in [nil, "", "nonexistent-term", "dumb", "\u{1B}]0;TERMTITLE\u{07}"] as [String?] {
            let pty = try PTYSession(arguments: [try Self.plainFolder().path], environment: ["TERM": term])
            let (how, _) = try pty.waitForExit()
            pty.waitForQuiet(0.1, timeout: 1)
            let text = String(decoding: pty.output, as: UTF8.self)
            XCTAssertEqual(how, PTYSession.Termination.exited(2), "TERM=\(term.debugDescription): \(text)")
            XCTAssertFalse(pty.output.contains(0x1B), "escape bytes with TERM=\(term.debugDescription): \(text.debugDescription)")
            XCTAssertFalse(pty.output.contains(0x07))
            let lines = text.split(whereSeparator: \.isNewline)
            XCTAssertEqual(lines.count, 1, "TERM=\(term.debugDescription): \(text.debugDescription)")
            XCTAssertTrue(text.contains("TERM"), text)
        }
    }

    func testStdoutNotATerminalPointsToInspect() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("byline-out-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        for stdin in [nil, "/dev/null"] as [String?] {
            let pty = try PTYSession(arguments: [try Self.plainFolder().path], stdout: .file(out), stdin: stdin)
            let (how, _) = try pty.waitForExit()
            pty.waitForQuiet(0.1, timeout: 1)
            let written = try Data(contentsOf: URL(fileURLWithPath: out))
            XCTAssertEqual(how, PTYSession.Termination.exited(2))
            XCTAssertTrue(written.isEmpty, "wrote to the pipe: \(PTYSession.visible(written))")
            let err = String(decoding: pty.output, as: UTF8.self)
            XCTAssertTrue(err.contains("byline inspect"), err)
            XCTAssertEqual(err.split(whereSeparator: \.isNewline).count, 1, err)
            XCTAssertFalse(pty.output.contains(0x1B))
        }
    }

    func testMissingOrUnreadableFolderIsOneLineAndTerminalUntouched() throws {
        var cases = ["/nonexistent/articles", "/nonexistent/\u{1B}]0;PATHTITLE\u{07}"]
        if geteuid() != 0 {
            let locked = try Fixtures.folder(["a.txt": "A\n"])
            chmod(locked.path, 0)
            cases.append(locked.path)
        }
        for path in cases {
            let pty = try PTYSession(arguments: [path])
            let (how, _) = try pty.waitForExit()
            pty.waitForQuiet(0.1, timeout: 1)
            let text = String(decoding: pty.output, as: UTF8.self)
            XCTAssertEqual(how, PTYSession.Termination.exited(2), text)
            XCTAssertFalse(pty.output.contains(0x1B), "escape bytes: \(text.debugDescription)")
            XCTAssertFalse(pty.output.contains(0x07))
            XCTAssertEqual(text.split(whereSeparator: \.isNewline).count, 1, text)
            XCTAssertTrue(text.contains("/nonexistent/") || text.contains(path), text)
        }
    }

    // MARK: - Fixtures

    /// A folder with one of each kind of hostile file.
    static func hostileFolder() throws -> URL {
        let esc = "\u{1B}"
        let folder = try Fixtures.folder([
            "01_escapes.txt": "HostileAlpha \(esc)]0;PWNEDTITLE\u{07}headline\(esc)[31m\n\n"
                + "Colour \(esc)[31mREDPAYLOAD\(esc)[0m and clear \(esc)[2J\(esc)[H here.\n\n"
                + "Title \(esc)]2;PWNEDTWO\(esc)\\ and clipboard \(esc)]52;c;aGFja2Vk\u{07} done.\n\n"
                + "Link \(esc)]8;;http://evil.example/\(esc)\\click\(esc)]8;;\(esc)\\ here.\n\n"
                + "\(esc)P+qDCSPAYLOAD\(esc)\\ \(esc)_APCPAYLOAD\(esc)\\ \(esc)^PMPAYLOAD\(esc)\\ \(esc)XSOSPAYLOAD\(esc)\\\n\n"
                + "Bell\u{07}\u{07} back\u{08}\u{08}space del\u{7F} nul-free \(esc)c\(esc)7\(esc)8 reset.\n\n"
                + "\u{201C}Unclosed OSC swallows nothing,\u{201D} she said. \(esc)]0;PWNEDTITLE\n\nAfter it.\n",
            "02_c1_bidi.txt": "HostileBeta \u{9B}32mVisibleAfter \u{202E}evil\u{202C} \u{2066}iso\u{2069}\n\n"
                + "Encoded C1: \u{9B}31m \u{9D}0;UTFCSI\u{9C} \u{85}next \u{90}DCS\u{9C}.\n\n"
                + "Bidi \u{202A}\u{202B}\u{202D}\u{202E}\u{2067}\u{2068} gone.\n",
            "05_empty.txt": "",
            "06_blank.txt": "   \n\t\n  \n\n",
        ])
        func write(_ name: String, _ bytes: [UInt8]) throws {
            try Data(bytes).write(to: folder.appendingPathComponent(name))
        }
        // Raw 8-bit C1 and invalid UTF-8 (an overlong ESC, a lone continuation, a cut sequence).
        try write("03_invalid.txt", Array("HostileGamma".utf8) + [0xFF, 0xFE, 0x0A, 0x0A]
            + [0x9B] + Array("33m".utf8) + [0x9D] + Array("0;rawtitle".utf8) + [0x07, 0x0A]
            + [0xC0, 0x9B] + Array("34m".utf8) + [0x80, 0xE2, 0x80, 0x0A, 0x0A] + Array("Tail line.\n".utf8))
        // Binary: NULs with an escape sequence inside.
        var binary: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 0]
        binary += Array("\(esc)]52;c;BINARYCLIP\u{07}".utf8) + [UInt8](repeating: 0, count: 64)
        for i in 0..<4096 { binary.append(UInt8(truncatingIfNeeded: i &* 2654435761 >> 13)) }
        try write("04_binary.txt", binary)
        // A 2 MB single line with sequences near the end.
        var huge = Array("HostileHugeLine ".utf8)
        let word = Array("lorem ipsum dolor ".utf8)
        while huge.count < 2_000_000 { huge += word }
        huge += Array("\(esc)]52;c;aGFja2Vk\u{07} end\n".utf8)
        try write("07_hugeline.txt", huge)
        // A 20 MB file of ordinary paragraphs.
        let paragraph = Array(("A paragraph of an enormous article that keeps on going, as scrapers sometimes produce. "
            + "\(esc)]0;PWNEDTITLE\u{07}\n\n").utf8)
        var big = Array("HostileBigFile\n\n".utf8)
        big.reserveCapacity(20_100_000)
        while big.count < 20_000_000 { big += paragraph }
        try write("08_big.txt", big)
        // Not files at all.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("09_dir.txt"), withIntermediateDirectories: false)
        symlink("10_b.txt", folder.appendingPathComponent("10_a.txt").path)
        symlink("10_a.txt", folder.appendingPathComponent("10_b.txt").path)
        // A file name that is itself an escape sequence.
        try write("11_\(esc)]0;NAMETITLE\u{07}\u{9B}1m.txt", [])
        try write("12_\(esc)[2Jname.txt", Array("\(esc)]0;PWNEDTITLE\u{07}\n".utf8))
        return folder
    }

    static func plainFolder() throws -> URL {
        try Fixtures.folder([
            "01.txt": "QuietHeadline for the first article\n\nA calm body paragraph. " + String(repeating: "More words here. ", count: 80) + "\n",
            "02.txt": "SecondHeadline of two\n\n\u{201C}A pull quote in the body,\u{201D} said someone.\n",
        ])
    }

    // MARK: - Checking the stream

    /// Fails unless every control in `stream` is one ncurses sends for xterm-256color: no BEL,
    /// DEL, C1 (raw or encoded), bidi control, string sequence (OSC, DCS, APC, PM, SOS) or other
    /// escape; no invalid UTF-8.
    static func assertNoControlsFromFiles(_ stream: [UInt8], file: StaticString = #filePath, line: UInt = #line) {
        let problems = foreignControls(in: stream)
        XCTAssertTrue(problems.isEmpty, "controls reached the terminal:\n" + problems.joined(separator: "\n"), file: file, line: line)
    }

    /// What in `stream` ncurses would not have sent (at most 10 findings, with context).
    static func foreignControls(in stream: [UInt8]) -> [String] {
        func context(_ i: Int) -> String {
            PTYSession.visible(stream[max(0, i - 60)..<min(stream.count, i + 60)])
        }
        var i = 0
        var problems: [String] = []
        while i < stream.count && problems.count < 10 {
            let b = stream[i]
            switch b {
            case 0x1B:
                guard i + 1 < stream.count else { problems.append("trailing ESC"); i += 1; continue }
                let next = stream[i + 1]
                if next == UInt8(ascii: "[") {
                    var j = i + 2
                    while j < stream.count, (0x30...0x3F).contains(stream[j]) { j += 1 }
                    while j < stream.count, (0x20...0x2F).contains(stream[j]) { j += 1 }
                    guard j < stream.count, (0x40...0x7E).contains(stream[j]) else {
                        problems.append("broken CSI at \(i): \(context(i))")
                        i = j
                        continue
                    }
                    i = j + 1
                } else if next == UInt8(ascii: "(") || next == UInt8(ascii: ")") {
                    i += 3
                } else if Array("78=>MDE".utf8).contains(next) {
                    i += 2
                } else {
                    problems.append("ESC \(PTYSession.visible([next])) at \(i): \(context(i))")
                    i += 2
                }
            case 0x08, 0x09, 0x0A, 0x0D:
                i += 1
            case 0x00...0x1F, 0x7F:
                problems.append("control \(String(format: "0x%02x", b)) at \(i): \(context(i))")
                i += 1
            case 0x20..<0x7F:
                i += 1
            default:
                let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 0
                guard length > 0, i + length <= stream.count,
                      let scalar = String(validating: stream[i..<(i + length)], as: UTF8.self)?.unicodeScalars.first else {
                    problems.append("invalid UTF-8 at \(i): \(context(i))")
                    i += 1
                    continue
                }
                let v = scalar.value
                if (0x80...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) {
                    problems.append("U+\(String(v, radix: 16, uppercase: true)) at \(i): \(context(i))")
                }
                i += length
            }
        }
        return problems
    }

    /// The parameter strings of every SGR (`CSI ... m`) in the stream.
    static func sgrSequences(_ stream: [UInt8]) -> [String] {
        var out: [String] = []
        var i = 0
        while i + 1 < stream.count {
            guard stream[i] == 0x1B, stream[i + 1] == UInt8(ascii: "[") else { i += 1; continue }
            var j = i + 2
            while j < stream.count, (0x20...0x3F).contains(stream[j]) { j += 1 }
            if j < stream.count, stream[j] == UInt8(ascii: "m") {
                out.append(String(decoding: stream[(i + 2)..<j], as: UTF8.self))
            }
            i = j
        }
        return out
    }

    /// Whether the stream leaves the alternate screen after it last entered it.
    static func endsRestored(_ stream: [UInt8]) -> Bool {
        let exit = Array("\u{1B}[?1049l".utf8)
        let enter = Array("\u{1B}[?1049h".utf8)
        guard let lastExit = lastIndex(of: exit, in: stream) else { return false }
        return (lastIndex(of: enter, in: stream) ?? -1) < lastExit
    }

    private static func lastIndex(of needle: [UInt8], in stream: [UInt8]) -> Int? {
        var found: Int?
        var from = 0
        while let at = PTYSession.find(needle, in: stream, from: from) {
            found = at
            from = at + 1
        }
        return found
    }

    /// The reader on the plain folder at 100x30, its first screen drawn and the output settled.
    static func readerAtRest() throws -> PTYSession {
        let pty = try PTYSession(arguments: [try plainFolder().path], cols: 100, rows: 30)
        pty.waitFor(text: "QuietHeadline")
        pty.waitForQuiet(0.2)
        return pty
    }

    static func waitUntil(timeout: TimeInterval = 5, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            usleep(10_000)
        }
        return false
    }
}


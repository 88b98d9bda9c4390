import BylineTestSupport
import Foundation
import Glibc
import XCTest

/// Issue 15 on the real binary: copying over OSC 52, the mouse, piping to a command, and keys
/// from the config file.
final class HandsOnEndToEndTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        guard Tmux.available else { throw XCTestError(.failureWhileWaiting, userInfo: ["reason": "tmux is not installed (.ci/run installs it)"]) }
        dir = try ReaderFixtures.threeArticleFolder()
    }

    override func tearDownWithError() throws {
        if let dir { try? FileManager.default.removeItem(at: dir) }
    }

    // MARK: - Copy

    func testYCopiesTheQuoteThroughTmuxToItsBuffer() throws {
        let tmux = try Tmux(arguments: [dir.path], width: 130, height: 30, extraConfig: "set -g set-clipboard on")
        try tmux.waitFor(text: "1/3")
        try tmux.send("Down")
        try tmux.send("]")
        try tmux.waitFor(text: "quote 1/3")
        try tmux.send("y")
        try tmux.waitFor(text: "Copied the quote by Maria Núñez")
        XCTAssertEqual(try tmux.pasteBuffer(),
                       "“Every winter without it cost the town its ferry and its patience” — Maria Núñez, “Harbour bridge opens after a decade of delay”")
        try tmux.send("Y")
        try tmux.waitFor(text: "Copied the article")
        let article = try tmux.pasteBuffer()
        XCTAssertTrue(article.hasPrefix("Harbour bridge opens after a decade of delay\n\nEngineers and residents gathered"), article)
        XCTAssertTrue(article.contains("\n> Every winter without it cost the town its ferry and its patience\n> — Maria Núñez, council leader\n"), "pull quotes behind > ")
        try tmux.send("Q")
        XCTAssertEqual(try tmux.waitForExit(), 0)
    }

    func testTheOSC52SequenceCarriesTheTextAndNoClipboardSendsNone() throws {
        let pty = try PTYSession(arguments: [dir.path], cols: 130, rows: 30)
        pty.waitFor(text: "Ten o'clock news")
        pty.waitForQuiet(0.2)
        pty.send(.down)
        pty.send("]")
        pty.waitForQuiet(0.3)
        let before = pty.outputCount
        pty.send("y")
        let start = try XCTUnwrap(pty.waitFor(text: "\u{1B}]52;c;", from: before))
        let end = try XCTUnwrap(pty.waitFor(bytes: [0x07], from: start))
        let payload = String(decoding: pty.output[(start + 7)..<end], as: UTF8.self)
        let text = try XCTUnwrap(Data(base64Encoded: payload).map { String(decoding: $0, as: UTF8.self) })
        XCTAssertEqual(text, "“Every winter without it cost the town its ferry and its patience” — Maria Núñez, “Harbour bridge opens after a decade of delay”")
        pty.send("Q")
        XCTAssertEqual(try pty.waitForExit().0, .exited(0))

        let off = try PTYSession(arguments: ["--no-clipboard", dir.path], cols: 130, rows: 30)
        off.waitFor(text: "Ten o'clock news")
        off.send("]")
        off.waitForQuiet(0.3)
        off.send("y")
        off.waitFor(text: "Copying is off")
        off.send("Q")
        XCTAssertEqual(try off.waitForExit().0, .exited(0))
        XCTAssertNil(PTYSession.find(Array("\u{1B}]52".utf8), in: off.output), "no OSC 52 byte when turned off")
    }

    // MARK: - Mouse

    /// An SGR (1006) mouse report: `button`, at a 0-based cell; `press` or release.
    private func sgr(_ button: Int, x: Int, y: Int, press: Bool = true) -> [UInt8] {
        Array("\u{1B}[<\(button);\(x + 1);\(y + 1)\(press ? "M" : "m")".utf8)
    }

    func testClicksSelectAndOpenTheWheelScrollsAndColumnsPast223Work() throws {
        // TERM=xterm-256color inside tmux: its terminfo declares SGR 1006 reports, which tmux
        // passes on from send-keys -H as they are.
        let tmux = try Tmux(arguments: [dir.path], width: 290, height: 30, environment: ["TERM": "xterm-256color"])
        try tmux.waitFor(text: "1/3")
        try tmux.sendBytes(sgr(0, x: 5, y: 2) + sgr(0, x: 5, y: 2, press: false))
        try tmux.waitFor(text: "3/3")
        // A second click on the selected row opens it (read: one unread fewer).
        try tmux.sendBytes(sgr(0, x: 5, y: 2) + sgr(0, x: 5, y: 2, press: false))
        try tmux.waitFor(text: "2 unread")
        try tmux.sendBytes(sgr(0, x: 5, y: 1) + sgr(0, x: 5, y: 1, press: false))
        try tmux.waitFor(text: "2/3")
        // The wheel over the body scrolls it (two notches: six lines).
        let top = try tmux.waitFor(text: "Engineers and residents gathered")
        let row = try XCTUnwrap(top.firstIndex { $0.contains("Engineers and residents gathered") })
        let bodyX = top[row].distance(from: top[row].startIndex, to: try XCTUnwrap(top[row].range(of: "Engineers")).lowerBound)
        try tmux.sendBytes(sgr(65, x: bodyX + 3, y: 10) + sgr(65, x: bodyX + 3, y: 10))
        try tmux.waitFor("the body scrolled") { rows in
            !rows.contains { $0.contains("Engineers and residents gathered") } && rows.contains { $0.contains("2/3") }
        }
        // A click on a quote in the sidebar, past column 223, jumps the body to it.
        let screen = try tmux.screen()
        let quoteRow = try XCTUnwrap(screen.firstIndex { $0.contains("“Tolls will end in spring") }, screen.joined(separator: "\n"))
        let column = try XCTUnwrap(screen[quoteRow].range(of: "“Tolls")).lowerBound
        let x = screen[quoteRow].distance(from: screen[quoteRow].startIndex, to: column)
        XCTAssertGreaterThan(x, 223)
        try tmux.sendBytes(sgr(0, x: x + 2, y: quoteRow) + sgr(0, x: x + 2, y: quoteRow, press: false))
        try tmux.waitFor("the body at the quote") { $0.contains { $0.contains("▶") && $0.contains("“Tolls will end") } && $0.contains { $0.contains("┃ Tolls will end in spring") } }
        try tmux.send("Q")
        XCTAssertEqual(try tmux.waitForExit(), 0)
    }

    /// An X10 (1000) mouse report, as tmux sends it: `button` (3: any button released) at a 0-based cell.
    private func x10(_ button: Int, x: Int, y: Int) -> [UInt8] {
        [0x1B, 0x5B, 0x4D, UInt8(32 + button), UInt8(33 + x), UInt8(33 + y)]
    }

    /// Found by the `keys` fuzz target: after a report of an event outside its mouse mask (the
    /// left button's release, any report of the middle or right button), ncurses read on,
    /// blocking, for the next key. After every click the reader then sat in that read and the
    /// screen stopped following the folder and the workers until a key was pressed. A press and
    /// its release sent apart (as a hand clicks) select the row once, on the release.
    func testAfterAClickOrAnotherButtonTheScreenFollowsTheFolderWithoutAKey() throws {
        let reports: [(term: String, press: (Int) -> [UInt8], release: (Int) -> [UInt8])] = [
            ("xterm-256color", { self.sgr($0, x: 5, y: 2) }, { self.sgr($0, x: 5, y: 2, press: false) }),
            ("tmux-256color", { self.x10($0, x: 5, y: 2) }, { _ in self.x10(3, x: 5, y: 2) }),
        ]
        for (index, report) in reports.enumerated() {
            let folder = try ReaderFixtures.threeArticleFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let tmux = try Tmux(arguments: [folder.path], width: 120, height: 30, environment: ["TERM": report.term])
            try tmux.waitFor(text: "1/3")
            var added = 0
            // Each report alone, then a new file: it must show without a key.
            for (what, bytes) in [("left press", report.press(0)), ("left release", report.release(0)),
                                  ("right press", report.press(2)), ("right release", report.release(2)),
                                  ("middle press", report.press(1)), ("middle release", report.release(1))] {
                try tmux.sendBytes(bytes)
                if what == "left release" { try tmux.waitFor(text: "3/\(3 + added)") }
                added += 1
                try Data("New story \(index)-\(added)\nA standfirst.\nBody.\n".utf8)
                    .write(to: folder.appendingPathComponent("1\(index)\(added).txt"))
                try tmux.waitFor("the new file after a \(what) (\(report.term))", timeout: 3) { rows in
                    rows.contains { $0.contains("New story \(index)-\(added)") }
                }
            }
            try tmux.send("Q")
            XCTAssertEqual(try tmux.waitForExit(), 0)
        }
    }

    /// Found by the `keys` fuzz target: of reports that arrive together ncurses hands out the
    /// last event and keeps the others, and a later report outside its mask (the release of a
    /// mouse's button 8) made it hand out one of those: a click on a row clicked long before.
    func testAnOldClickNeverComesBack() throws {
        let tmux = try Tmux(arguments: [dir.path], width: 120, height: 30, environment: ["TERM": "xterm-256color"])
        try tmux.waitFor(text: "1/3")
        // Two clicks in one burst, as over a slow connection: the third row, then the second.
        try tmux.sendBytes(sgr(0, x: 5, y: 2) + sgr(0, x: 5, y: 2, press: false) + sgr(0, x: 5, y: 1) + sgr(0, x: 5, y: 1, press: false))
        try tmux.waitFor(text: "2/3")
        for _ in 0..<3 { try tmux.sendBytes(sgr(128, x: 60, y: 20, press: false)) }
        // Up one row from the second: the first, unless the first click came back (third, then second).
        try tmux.send("k")
        try tmux.waitFor(text: "1/3")
        try tmux.send("Q")
        XCTAssertEqual(try tmux.waitForExit(), 0)
    }

    func testMouseReportsAreOffOnEveryWayOutAndBeforeCtrlZ() throws {
        let on = "\u{1B}[?1006;1000h", off = "\u{1B}[?1006;1000l"
        // Quit.
        let quit = try PTYSession(arguments: [dir.path], cols: 100, rows: 30)
        quit.waitFor(text: on)
        quit.send("Q")
        XCTAssertEqual(try quit.waitForExit().0, .exited(0))
        XCTAssertNotNil(PTYSession.find(Array(off.utf8), in: quit.output))
        // SIGTERM and a hangup.
        for how in ["term", "hangup"] {
            let pty = try PTYSession(arguments: [dir.path], cols: 100, rows: 30)
            pty.waitFor(text: on)
            pty.waitForQuiet(0.2)
            if how == "term" { pty.signal(SIGTERM) } else { pty.signal(SIGHUP) }
            _ = try pty.waitForExit()
            XCTAssertNotNil(PTYSession.find(Array(off.utf8), in: pty.output), "mouse reports off after \(how)")
        }
        // --no-mouse: never a mouse sequence.
        let none = try PTYSession(arguments: ["--no-mouse", dir.path], cols: 100, rows: 30)
        none.waitFor(text: "Ten o'clock news")
        none.send("Q")
        XCTAssertEqual(try none.waitForExit().0, .exited(0))
        XCTAssertNil(PTYSession.find(Array("\u{1B}[?1006".utf8), in: none.output))
        XCTAssertNil(PTYSession.find(Array("\u{1B}[?1000".utf8), in: none.output))
        // Ctrl-Z: off before the shell gets the terminal, on again after fg.
        let script = #"set -m; "$0" "$@"; s=$?; while [ $s -eq 148 ]; do read -r _; fg; s=$?; done; exit $s"#
        let job = try PTYSession(executable: "/bin/bash", arguments: ["-c", script, PTYSession.binary, dir.path], cols: 100, rows: 30)
        job.waitFor(text: on)
        job.waitForQuiet(0.2)
        let stopped = job.outputCount
        job.send([0x1A])
        job.waitFor(text: off, from: stopped)
        let resumed = job.outputCount
        job.send("\n")
        job.waitFor(text: on, from: resumed)
        job.send("Q")
        XCTAssertEqual(try job.waitForExit().0, .exited(0))
    }

    // MARK: - Pipe

    func testPipeHandsTheArticleToACommandAndCtrlCEndsOnlyTheCommand() throws {
        let tmux = try Tmux(arguments: [dir.path], width: 120, height: 30)
        try tmux.waitFor(text: "1/3")
        try tmux.send("|")
        try tmux.waitFor(text: "shell command to pipe the article to")
        try tmux.send("-l", "wc -w")
        try tmux.send("Enter")
        let shown = try tmux.waitFor(text: "Press Enter to go back to Byline")
        XCTAssertTrue(shown.contains { $0.trimmingCharacters(in: .whitespaces) == "11" }, "wc -w's count of the article:\n\(shown.joined(separator: "\n"))")
        try tmux.send("Enter")
        try tmux.waitFor(text: "| wc -w: done")
        try tmux.send("|")
        try tmux.send("-l", "sleep 30")
        try tmux.send("Enter")
        try tmux.waitFor("the command running") { $0.allSatisfy { !$0.contains("1/3") } }
        try tmux.send("C-c")
        try tmux.waitFor(text: "Press Enter to go back to Byline")
        try tmux.send("Enter")
        try tmux.waitFor(text: "| sleep 30: ended by signal 2")
        try tmux.send("Q")
        XCTAssertEqual(try tmux.waitForExit(), 0, "Ctrl-C ended the command, not the reader")
    }

    // MARK: - Keys

    func testKeysFromTheConfigFileAndTheirMistakes() throws {
        let config = try Fixtures.folder([:])
        defer { try? FileManager.default.removeItem(at: config) }
        try FileManager.default.createDirectory(at: config.appendingPathComponent("byline"), withIntermediateDirectories: true)
        let file = config.appendingPathComponent("byline/config.toml")
        try #"""
        [keys]
        "x" = "quit"
        "j" = "none"
        "ctrl-d" = "page-down"
        """#.write(to: file, atomically: true, encoding: .utf8)
        let tmux = try Tmux(arguments: [dir.path], width: 120, height: 30, environment: ["XDG_CONFIG_HOME": config.path])
        try tmux.waitFor(text: "1/3")
        try tmux.send("j")
        try tmux.send("?")
        try tmux.waitFor(text: "Keys")
        try tmux.send("G")
        let help = try tmux.waitFor(text: "Quit from anywhere")
        XCTAssertTrue(help.contains { $0.contains("Q x") }, "the help shows the key map in use")
        try tmux.send("Escape")
        try tmux.waitFor(text: "1/3", timeout: 2)  // j moved nothing
        let listing = try ChildProcess.run(["--list-keys"], environment: ["XDG_CONFIG_HOME": config.path])
        XCTAssertTrue(listing.stdout.hasPrefix("down               move-down"), "j no longer moves:\n\(listing.stdout)")
        XCTAssertTrue(listing.stdout.contains("pgdn ctrl-d"))
        try tmux.send("x")
        XCTAssertEqual(try tmux.waitForExit(), 0)

        try "[keys]\n\"x\" = \"fly\"\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try ChildProcess.run([dir.path], environment: ["XDG_CONFIG_HOME": config.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "byline: \(file.path):2: unknown action \"fly\" for \"x\" (byline --list-actions lists them; none unbinds)\n")
        let actions = try ChildProcess.run(["--list-actions"])
        XCTAssertTrue(actions.stdout.contains("copy-quote") && actions.stdout.contains("page-down"))
    }
}

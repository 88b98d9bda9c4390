import CNcursesw
import Glibc
import Testing

/// Moving lines by rotating their text (byline_move_lines) against wscrl's copies, on real
/// ncursesw windows of a screen that writes to /dev/null. A rotation that went wrong would show
/// as cells, change marks or a background that differ, or as a crash when curses resizes or
/// frees the windows.
@Suite("Moving lines: rotation leaves curses as wscrl does", .serialized)
struct LineRotationTests {
    /// Runs `body` on a curses screen of its own (xterm-256color, writing to /dev/null), ended
    /// and freed after; with `utf8`, with this thread's characters in UTF-8 (so that wcwidth
    /// knows wide characters; other threads keep their locale). Shared with `CellRunTests`.
    static func onScreen(utf8: Bool = false, _ body: () throws -> Void) throws {
        var previous: locale_t?
        var utf8Locale: locale_t?
        if utf8 {
            utf8Locale = try #require(newlocale(LC_CTYPE_MASK, "C.UTF-8", nil))
            previous = uselocale(utf8Locale)
        }
        defer {
            if let utf8Locale {
                uselocale(previous)
                freelocale(utf8Locale)
            }
        }
        let output = try #require(fopen("/dev/null", "w"))
        let input = try #require(fopen("/dev/null", "r"))
        defer {
            fclose(output)
            fclose(input)
        }
        let screen = try #require(newterm("xterm-256color", output, input))
        defer { delscreen(screen) }
        _ = set_term(screen)
        defer { endwin() }
        try body()
    }

    /// The first `width` cells of line `y` of `w`, each as its bytes (read with mvwin_wch, which
    /// moves the cursor). Shared with `CellRunTests`.
    static func cellBytes(_ w: UnsafeMutablePointer<WINDOW>, y: Int, width: Int) -> [[UInt8]] {
        (0..<width).map { x in
            var cell = cchar_t()
            _ = mvwin_wch(w, Int32(y), Int32(x), &cell)
            return withUnsafeBytes(of: cell) { Array($0) }
        }
    }

    /// Every cell of `w`, as bytes, and whether each line is marked changed.
    private func dump(_ w: UnsafeMutablePointer<WINDOW>) -> (cells: [[[UInt8]]], touched: [Bool]) {
        let height = Int(byline_lines(w)), width = Int(byline_cols(w))
        let cells = (0..<height).map { Self.cellBytes(w, y: $0, width: width) }
        return (cells, (0..<height).map { is_linetouched(w, Int32($0)) })
    }

    private func background(_ w: UnsafeMutablePointer<WINDOW>) -> [UInt8] {
        var cell = cchar_t()
        _ = wgetbkgrnd(w, &cell)
        return withUnsafeBytes(of: cell) { Array($0) }
    }

    /// What `before` becomes when lines top...bottom move by `by`: the uncovered lines `blank`.
    private func moved(_ before: [[[UInt8]]], top: Int, bottom: Int, by: Int, blank: [UInt8]) -> [[[UInt8]]] {
        var after = before
        for y in top...bottom {
            let from = y + by
            after[y] = (top...bottom).contains(from) ? before[from] : Array(repeating: blank, count: before[y].count)
        }
        return after
    }

    /// Fills `w` with printable ASCII, each line unlike the others (a few cells bold), `seed`
    /// telling windows apart.
    private func fill(_ w: UnsafeMutablePointer<WINDOW>, seed: Int) {
        for y in 0..<Int(byline_lines(w)) {
            for x in 0..<Int(byline_cols(w)) {
                let code = 0x21 + (seed * 31 + y * 7 + x) % 94
                var text: [wchar_t] = [wchar_t(code), 0]
                _ = byline_put_cell(w, Int32(y), Int32(x), &text, (x + y) % 5 == 0 ? byline_a_bold() : byline_a_normal(), 0)
            }
        }
    }

    /// Moves with no pattern but a fixed one: up and down, by one line and by many.
    private func moves(height: Int, count: Int) -> [(top: Int, bottom: Int, by: Int)] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        return (0..<count).map { _ in
            let top = next(height - 2)
            let bottom = top + 1 + next(height - top - 1)
            let lines = 1 + next(bottom - top)
            return (top, bottom, next(2) == 0 ? lines : -lines)
        }
    }

    @Test("rotation and wscrl leave windows alike, resized or not; subwindows, pads and immedok are refused")
    func rotationMatchesWscrl() throws {
        try Self.onScreen {
            _ = resizeterm(30, 70)
            #expect(byline_lines_rotate() == 1, "the check of curses' line records failed: every move copies")

            // Two windows alike, one moved by rotation, one by wscrl.
            let rotated = try #require(newwin(14, 40, 0, 0))
            let copied = try #require(newwin(14, 40, 0, 0))
            defer {
                delwin(rotated)
                delwin(copied)
            }
            var dotted = cchar_t()
            var dot: [wchar_t] = [wchar_t(UInt8(ascii: "~")), 0]
            _ = setcchar(&dotted, &dot, byline_a_underline(), 0, nil)
            for w in [rotated, copied] {
                fill(w, seed: 1)
                wbkgrndset(w, &dotted)
                wtouchln(w, 0, 14, 0)
            }
            for (k, move) in moves(height: 14, count: 300).enumerated() {
                let before = dump(rotated).cells
                #expect(byline_move_window_lines(rotated, Int32(move.top), Int32(move.bottom), Int32(move.by), 1) == 0)
                #expect(byline_move_window_lines(copied, Int32(move.top), Int32(move.bottom), Int32(move.by), 0) == 0)
                let after = dump(rotated), other = dump(copied)
                // (Compared first, so that a failure names the move rather than every cell.)
                let asMoved = after.cells == moved(before, top: move.top, bottom: move.bottom, by: move.by, blank: background(rotated))
                let asCopied = after.cells == other.cells && after.touched == other.touched
                #expect(asMoved, "move \(k): \(move)")
                #expect(asCopied, "move \(k): \(move)")
                #expect(!after.touched.contains(true), "move \(k): \(move)")
                if k == 100 {
                    // Resized, every line's text is reallocated or freed by curses: each must be
                    // an allocation of its own still.
                    for w in [rotated, copied] { #expect(wresize(w, 20, 33) == OK) }
                } else if k == 200 {
                    for w in [rotated, copied] { #expect(wresize(w, 14, 50) == OK) }
                }
                if k == 100 || k == 200 {
                    for w in [rotated, copied] { wtouchln(w, 0, byline_lines(w), 0) }
                    let resizedAlike = dump(rotated).cells == dump(copied).cells
                    #expect(resizedAlike, "resized after move \(k)")
                }
            }

            // Where rotation would not be safe, it is refused and wscrl still moves the lines.
            let parent = try #require(newwin(8, 20, 0, 0))
            defer { delwin(parent) }
            let child = try #require(derwin(parent, 4, 10, 2, 3))
            defer { delwin(child) }
            fill(parent, seed: 2)
            let pad = try #require(newpad(6, 10))
            defer { delwin(pad) }
            let immediate = try #require(newwin(6, 10, 0, 0))
            defer { delwin(immediate) }
            immedok(immediate, true)
            for w in [child, pad, immediate] {
                #expect(byline_move_window_lines(w, 0, 3, 1, 1) == -1)
            }
            let childBefore = dump(child).cells
            #expect(byline_move_window_lines(child, 0, 3, 1, 0) == 0)
            let childMoved = dump(child).cells == moved(childBefore, top: 0, bottom: 3, by: 1, blank: background(child))
            #expect(childMoved, "a subwindow's lines moved by wscrl")
            #expect(byline_move_window_lines(rotated, 3, 3, 1, 1) == -1, "as many lines moved as there are")

            // Lines whose text is no allocation of their own (the same as a neighbour's, back to
            // back with it, overlapping it) or misaligned are refused; put back, they rotate.
            let shared = try #require(newwin(6, 10, 0, 0))
            defer { delwin(shared) }
            let records = try #require(UnsafeMutableRawPointer(shared.pointee._line))
            let stride = MemoryLayout<UnsafeMutableRawPointer>.size + 8  // text, then three shorts (padded)
            let cell = MemoryLayout<cchar_t>.stride
            let first = records.load(as: UnsafeMutableRawPointer.self)
            let second = records.load(fromByteOffset: stride, as: UnsafeMutableRawPointer.self)
            for (name, text) in [("the same", first), ("back to back", first + 10 * cell), ("before, back to back", first - 10 * cell),
                                 ("overlapping", first + 4 * cell), ("misaligned", second + 1)] {
                records.storeBytes(of: text, toByteOffset: stride, as: UnsafeMutableRawPointer.self)
                #expect(byline_move_window_lines(shared, 0, 3, 1, 1) == -1, "line 1's text \(name)")
                records.storeBytes(of: second, toByteOffset: stride, as: UnsafeMutableRawPointer.self)
            }
            #expect(byline_move_window_lines(shared, 0, 3, 1, 1) == 0)
        }
    }

    @Test("byline_move_lines moves stdscr, newscr and curscr alike, across a resize of the screen")
    func screenMoves() throws {
        try Self.onScreen {
            let window = try #require(byline_stdscr())
            for (size, seed) in [((24, 80), 3), ((40, 120), 4), ((17, 61), 5)] {
                _ = resizeterm(Int32(size.0), Int32(size.1))
                fill(window, seed: seed)
                wnoutrefresh(window)
                doupdate()
                for (k, move) in moves(height: size.0, count: 60).enumerated() {
                    let windows = [window, try #require(byline_newscr()), try #require(byline_curscr())]
                    let before = windows.map { dump($0).cells }
                    #expect(byline_move_lines(window, Int32(move.top), Int32(move.bottom), Int32(move.by)) == 0, "move \(k): \(move)")
                    for (n, (w, old)) in zip(windows, before).enumerated() {
                        let after = dump(w)
                        let asMoved = after.cells == moved(old, top: move.top, bottom: move.bottom, by: move.by, blank: background(w))
                        #expect(asMoved, "\(["stdscr", "newscr", "curscr"][n]), move \(k): \(move)")
                        #expect(!after.touched.contains(true), "\(["stdscr", "newscr", "curscr"][n]), move \(k): \(move)")
                    }
                    // What was drawn after the move goes out as usual (to /dev/null here).
                    if k % 10 == 0 {
                        var text: [wchar_t] = [wchar_t(UInt8(ascii: "#")), 0]
                        _ = byline_put_cell(window, Int32(move.top), 0, &text, byline_a_normal(), 0)
                        wnoutrefresh(window)
                        doupdate()
                    }
                }
            }
        }
    }

    @Test("byline_move_lines on newscr itself (the window Byline draws into) moves it once, and curscr alike")
    func newscrMovesOnce() throws {
        try Self.onScreen {
            let window = try #require(byline_newscr())
            let shown = try #require(byline_curscr())
            for (size, seed) in [((24, 80), 6), ((40, 120), 7)] {
                _ = resizeterm(Int32(size.0), Int32(size.1))
                fill(window, seed: seed)
                doupdate()
                for (k, move) in moves(height: size.0, count: 30).enumerated() {
                    let before = [window, shown].map { dump($0).cells }
                    #expect(byline_move_lines(window, Int32(move.top), Int32(move.bottom), Int32(move.by)) == 0, "move \(k): \(move)")
                    for (n, (w, old)) in zip([window, shown], before).enumerated() {
                        let after = dump(w)
                        let asMoved = after.cells == moved(old, top: move.top, bottom: move.bottom, by: move.by, blank: background(w))
                        #expect(asMoved, "\(["newscr", "curscr"][n]), move \(k): \(move)")
                        #expect(!after.touched.contains(true), "\(["newscr", "curscr"][n]), move \(k): \(move)")
                    }
                    if k % 10 == 0 {
                        var text: [wchar_t] = [wchar_t(UInt8(ascii: "#")), 0]
                        _ = byline_put_cell(window, Int32(move.top), 0, &text, byline_a_normal(), 0)
                        doupdate()
                    }
                }
            }
        }
    }
}

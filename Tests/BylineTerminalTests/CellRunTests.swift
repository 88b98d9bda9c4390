import CNcursesw
import Glibc
import Testing

/// Runs of cells written straight into a window's line (byline_put_run) against
/// mvwadd_wchnstr, on real ncursesw windows of a screen that writes to /dev/null. A run written
/// wrongly would show as cells, change marks or a cursor that differ.
///
/// Nested in the line rotation suite, whose serialization covers nested suites: curses is not
/// thread-safe, and two suites making screens at once hang in curses' window list.
extension LineRotationTests {
    @Suite("Runs of cells: written directly as mvwadd_wchnstr writes them")
    struct CellRunTests {
        /// Runs `body` on a curses screen of its own, with this thread's characters in UTF-8.
        private func onScreen(_ body: () throws -> Void) throws {
            try LineRotationTests.onScreen(utf8: true, body)
        }

        /// Every cell of `w` as bytes, each line's change marks, and the cursor.
        private func dump(_ w: UnsafeMutablePointer<WINDOW>) -> (cells: [[[UInt8]]], marks: [[Int32]], cursor: [Int32]) {
            let height = Int(byline_lines(w)), width = Int(byline_cols(w))
            // (Read first: mvwin_wch moves the cursor.)
            let cursor = [getcury(w), getcurx(w)]
            var cells: [[[UInt8]]] = [], marks: [[Int32]] = []
            for y in 0..<height {
                cells.append(LineRotationTests.cellBytes(w, y: y, width: width))
                var first: Int32 = 0, last: Int32 = 0
                _ = byline_line_changes(w, Int32(y), &first, &last)
                marks.append([first, last, is_linetouched(w, Int32(y)) ? 1 : 0])
            }
            return (cells, marks, cursor)
        }

        /// A fixed sequence of numbers with no pattern.
        private struct Numbers {
            var state: UInt64
            mutating func next(_ n: Int) -> Int {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return Int((state >> 33) % UInt64(n))
            }
        }

        /// Characters of a run: ASCII, a blank, CJK, an emoji, with combining marks, a box-drawing
        /// line, Latin past ASCII.
        private static let texts: [[wchar_t]] = [
            [0x41], [0x7A], [0x20], [0x2D], [0x4E2D], [0x5B57], [0x1F600], [0x65, 0x301], [0x6F, 0x308, 0x323],
            [0x20, 0x301], [0x2500], [0xE9], [0x2014], [0xFF21], [0x7E],
        ]

        /// A cell as byline_set_cell makes it, or now and then with the pair in the colour bits only
        /// (as a program might put it, which curses renders).
        private func cell(_ numbers: inout Numbers) -> cchar_t {
            var text = Self.texts[numbers.next(Self.texts.count)] + [0]
            let attrs = [byline_a_normal(), byline_a_bold(), byline_a_reverse() | byline_a_underline(), byline_a_dim()]
            let attr = attrs[numbers.next(attrs.count)]
            let pair = [0, 0, 1, 5, 255, 256, 300][numbers.next(7)]
            var made = cchar_t()
            byline_set_cell(&made, &text, attr, Int32(pair))
            if numbers.next(10) == 0 { made.ext_color = 0 }
            return made
        }

        /// Writes `cells` at (`y`, `x`) into `direct` the direct way `mode` names and into
        /// `cursed` through `mvwadd_wchnstr`, expecting the same answer and the same window
        /// after (cells, change marks, cursor); a difference is counted, the first three recorded.
        func compareRun(_ cells: inout [cchar_t], at y: Int, _ x: Int, direct: UnsafeMutablePointer<WINDOW>, by mode: Int32,
                        cursed: UnsafeMutablePointer<WINDOW>, run k: Int, differences: inout Int) {
            let count = Int32(cells.count)
            let ok = byline_put_run_by(direct, Int32(y), Int32(x), &cells, count, mode)
            let expected = byline_put_run_by(cursed, Int32(y), Int32(x), &cells, count, 0)
            #expect(ok == expected, "run \(k)")
            let a = dump(direct), b = dump(cursed)
            if !(a.cells == b.cells && a.marks == b.marks && a.cursor == b.cursor) {
                differences += 1
                if differences <= 3 { Issue.record("run \(k) at (\(y), \(x)), \(count) cells: \(a.marks) vs \(b.marks)") }
            }
        }

        @Test("random runs written directly leave windows as mvwadd_wchnstr does")
        func runsMatchCurses() throws {
            try onScreen {
                #expect(byline_runs_direct() == 1, "the check of curses' line records failed: every run goes through curses")
                let direct = try #require(newwin(10, 37, 0, 0))
                let cursed = try #require(newwin(10, 37, 0, 0))
                defer {
                    delwin(direct)
                    delwin(cursed)
                }
                var numbers = Numbers(state: 0x9E37_79B9_7F4A_7C15)
                var differences = 0
                for k in 0..<3000 {
                    let y = numbers.next(10), x = numbers.next(37)
                    let count = numbers.next(k % 50 == 0 ? 45 : 12)
                    var cells = (0..<count).map { _ in cell(&numbers) }
                    compareRun(&cells, at: y, x, direct: direct, by: 1, cursed: cursed, run: k, differences: &differences)
                    if k % 7 == 0 {
                        // Marks cleared as an update clears them.
                        for w in [direct, cursed] { wtouchln(w, 0, 10, 0) }
                    }
                    if k == 1500 {
                        for w in [direct, cursed] { #expect(wresize(w, 12, 29) == OK) }
                    }
                }
                #expect(differences == 0)
            }
        }

        @Test("runs of printable ASCII copied as they are leave windows as mvwadd_wchnstr does")
        func asIsRunsMatchCurses() throws {
            try onScreen {
                let direct = try #require(newwin(10, 37, 0, 0))
                let cursed = try #require(newwin(10, 37, 0, 0))
                defer {
                    delwin(direct)
                    delwin(cursed)
                }
                // Wide characters and marks written first (by curses), for the ASCII runs to cut into.
                var numbers = Numbers(state: 0x2545_F491_4F6C_DD1D)
                var differences = 0
                let attrs = [byline_a_normal(), byline_a_bold(), byline_a_reverse() | byline_a_underline(), byline_a_dim()]
                for k in 0..<3000 {
                    let y = numbers.next(10), x = numbers.next(37)
                    if k % 3 == 0 {
                        var cells = (0..<numbers.next(8)).map { _ in cell(&numbers) }
                        for w in [direct, cursed] { _ = byline_put_run_by(w, Int32(y), Int32(x), &cells, Int32(cells.count), 0) }
                        continue
                    }
                    let count = numbers.next(k % 50 == 1 ? 45 : 12)
                    var cells: [cchar_t] = (0..<count).map { _ in
                        var text: [wchar_t] = [wchar_t(0x20 + numbers.next(0x5F)), 0]
                        var made = cchar_t()
                        byline_set_cell(&made, &text, attrs[numbers.next(attrs.count)], Int32([0, 0, 1, 5, 255, 256, 300][numbers.next(7)]))
                        return made
                    }
                    for c in cells { #expect(withUnsafePointer(to: c) { byline_cell_copied_as_is($0) } == 1) }
                    compareRun(&cells, at: y, x, direct: direct, by: 2, cursed: cursed, run: k, differences: &differences)
                    if k % 7 == 0 {
                        for w in [direct, cursed] { wtouchln(w, 0, 10, 0) }
                    }
                }
                #expect(differences == 0)
                // A cell curses renders is refused, nothing written.
                var text: [wchar_t] = [0xE9, 0]
                var cells = [cchar_t()]
                byline_set_cell(&cells[0], &text, byline_a_normal(), 0)
                #expect(byline_put_run_by(direct, 0, 0, &cells, 1, 2) == -3)
            }
        }

        @Test("subwindows, pads, windows with attributes, colour or a background, immedok and syncok go through curses")
        func refusals() throws {
            try onScreen {
                var text: [wchar_t] = [0x41, 0]
                var cells = [cchar_t()]
                byline_set_cell(&cells[0], &text, byline_a_bold(), 0)
                let parent = try #require(newwin(8, 20, 0, 0))
                defer { delwin(parent) }
                let child = try #require(derwin(parent, 4, 10, 2, 3))
                defer { delwin(child) }
                let pad = try #require(newpad(6, 10))
                defer { delwin(pad) }
                var windows: [UnsafeMutablePointer<WINDOW>] = []
                defer { for w in windows { delwin(w) } }
                for _ in 0..<5 { windows.append(try #require(newwin(6, 10, 0, 0))) }
                immedok(windows[0], true)
                syncok(windows[1], true)
                wattr_on(windows[2], byline_a_bold(), nil)
                var background = cchar_t()
                var dot: [wchar_t] = [0x2E, 0]
                _ = setcchar(&background, &dot, byline_a_normal(), 0, nil)
                wbkgrndset(windows[3], &background)
                // (wcolor_set refuses pairs before start_color; wattr_set takes any.)
                wattr_set(windows[4], byline_a_normal(), 3, nil)
                for (k, w) in ([child, pad] + windows).enumerated() {
                    #expect(byline_put_run_by(w, 1, 1, &cells, 1, 1) == -2, "window \(k)")
                    #expect(byline_put_run(w, 1, 1, &cells, 1) == OK, "drawn by curses instead")
                    var drawn = cchar_t()
                    _ = mvwin_wch(w, 1, 1, &drawn)
                    #expect(drawn.chars.0 == 0x41)
                }
                // A parent of a subwindow is a window of its own; out of the window, nothing is drawn.
                #expect(byline_put_run_by(parent, 0, 0, &cells, 1, 1) == OK)
                #expect(byline_put_run_by(parent, 8, 0, &cells, 1, 1) == ERR)
                #expect(byline_put_run_by(parent, 0, 20, &cells, 1, 1) == ERR)
            }
        }

        @Test("a run holding a symbol ncurses may count narrower goes to curses, wherever the symbol is, nothing written first")
        func unsureWidths() throws {
            try onScreen {
                // U+1100 (a Hangul letter) is in ncurses' symbol range (U+00A3 ... U+2603) and two
                // columns by wcwidth.
                try #require(byline_wcwidth(0x1100) == 2)
                let w = try #require(newwin(4, 30, 0, 0))
                defer { delwin(w) }
                var numbers = Numbers(state: 7)
                for place in [0, 1, 5, 11, 19] {
                    var cells: [cchar_t] = []
                    for i in 0..<20 {
                        var text: [wchar_t] = [i == place ? 0x1100 : wchar_t(0x41 + i), 0]
                        var made = cchar_t()
                        byline_set_cell(&made, &text, byline_a_normal(), 0)
                        cells.append(i == place || i % 3 != 0 ? made : cell(&numbers))
                    }
                    let before = dump(w)
                    #expect(byline_put_run_by(w, 1, 2, &cells, Int32(cells.count), 1) == -2, "symbol at \(place)")
                    let after = dump(w)
                    #expect(after.cells == before.cells && after.marks == before.marks, "symbol at \(place): written before refused")
                    // Past the window's end too (as before: the whole run is looked at).
                    #expect(byline_put_run_by(w, 1, 25, &cells, Int32(cells.count), 1) == -2, "symbol at \(place), cut")
                }
            }
        }

        @Test("runs drawn directly on stdscr go out with the update")
        func screenUpdates() throws {
            try onScreen {
                let window = try #require(byline_stdscr())
                _ = resizeterm(24, 80)
                var numbers = Numbers(state: 42)
                for k in 0..<200 {
                    let y = numbers.next(24), x = numbers.next(80)
                    var cells = (0..<numbers.next(30)).map { _ in cell(&numbers) }
                    #expect(byline_put_run(window, Int32(y), Int32(x), &cells, Int32(cells.count)) == OK)
                    if k % 10 == 0 {
                        wnoutrefresh(window)
                        doupdate()
                        // After the update, newscr holds what stdscr holds: every cell changed was
                        // marked so.
                        let next = try #require(byline_newscr())
                        let same = dump(next).cells == dump(window).cells
                        #expect(same, "after run \(k)")
                    }
                }
            }
        }
    }
}

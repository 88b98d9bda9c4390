import BylineCanvas

/// The bottom line: article n/N, how far through the body, new arrivals, a message, and key
/// hints; or, while a prompt is open, the prompt with its cursor.
public struct StatusLine {
    public init() {}

    public func draw(_ state: ReaderState, in rect: Rect, on canvas: inout Canvas) {
        canvas.fill(rect, role: .status)
        if let prompt = state.prompt {
            let note = Transliterate.forTerminal(Self.promptNote(prompt.kind, state), ascii: state.ascii)
            let noteWidth = DisplayWidth.of(note)
            // The note only where the prompt keeps room to type.
            let shown = noteWidth > 0 && noteWidth + 30 <= rect.width
            if shown { canvas.put(note, x: rect.maxX - noteWidth - 1, y: rect.y, role: .status, maxX: rect.maxX) }
            drawPrompt(prompt, in: Rect(x: rect.x, y: rect.y, width: rect.width - (shown ? noteWidth + 2 : 0), height: 1), on: &canvas)
            return
        }
        let layout = state.layout
        let q = state.zoomed || (layout.paneCount == 1 && state.focus != .list) ? "q back" : "q quit"
        let hints = state.size.width >= 100 ? (q == "q back" ? "]/[ quotes  ? help  q back " : "]/[ quotes  ? help  q quit ")
            : (q == "q back" ? "? help  q back " : "? help  q quit ")
        let hintWidth = hints.utf8.count  // ASCII
        // Plain pieces (printable ASCII, as counts and words are), gathered on the stack and put
        // once: a put costs more than joining them, and a frame of this line allocates nothing
        // (a reading-mode scroll draws it every line).
        let drawnPlain: Bool = state.message != nil ? false : withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.plainRoom) { buffer in
            var count = 0
            var plain = true
            forEachPiece(state, layout) { piece in
                for byte in piece.utf8 {
                    guard count < buffer.count else {
                        plain = false
                        return
                    }
                    plain = plain && byte >= 0x20 && byte < 0x7F
                    buffer[count] = byte
                    count += 1
                }
            }
            let showHints = count + 1 + hintWidth <= rect.width
            let room = rect.width - (showHints ? hintWidth + 1 : 0)
            guard plain && count <= room else { return false }
            canvas.put(utf8: UnsafeBufferPointer(rebasing: buffer[..<count]), x: rect.x, y: rect.y, role: .status, maxX: rect.x + room)
            if showHints { canvas.put(hints, x: rect.maxX - hintWidth, y: rect.y, role: .status, maxX: rect.maxX) }
            return true
        }
        if drawnPlain { return }
        var left = ""
        forEachPiece(state, layout) { left += $0 }
        left = Transliterate.forTerminal(left, ascii: state.ascii)
        let message = Transliterate.forTerminal(state.message ?? "", ascii: state.ascii)
        // The hints only where they fit beside the rest; what does not fit is cut with an ellipsis.
        let showHints = DisplayWidth.of(left) + 1 + hintWidth + (message.isEmpty ? 0 : 12) <= rect.width
        let room = rect.width - (showHints ? hintWidth + 1 : 0)
        let text = message.isEmpty ? left : left + "  " + message
        let ellipsis = BoxGlyphs.forMode(ascii: state.ascii).ellipsis
        canvas.put(Truncate.toWidth(text, room, ellipsis: ellipsis), x: rect.x, y: rect.y, role: .status, maxX: rect.x + room)
        if showHints { canvas.put(hints, x: rect.maxX - hintWidth, y: rect.y, role: .status, maxX: rect.maxX) }
    }

    /// Bytes of plain pieces gathered on the stack; longer left parts (a long library search)
    /// take the general path.
    private static let plainRoom = 512

    /// The left part of the line, in pieces: article n/N (or the results found), how far through
    /// the body (only while the body is on screen), reading mode, the search, new arrivals,
    /// unread, unreadable files, indexing, notes. Only the searches' pieces can hold more than
    /// ASCII.
    private func forEachPiece(_ state: ReaderState, _ layout: Layout, _ body: (String) -> Void) {
        let count = state.rows.count
        body(" ")
        let found = state.librarySearch.flatMap { $0.showing ? $0 : nil }
        if count == 0 {
            body(found == nil ? "0/0" : "0")
        } else {
            body(String(state.selectedRow + 1))
            body("/")
            body(String(found?.total ?? count))
        }
        if let found {
            body(" found for /")
            body(found.query)
            body(found.partial ? " so far  (Esc: all)" : "  (Esc: all)")
        }
        if layout.shows(.body) {
            body("  ")
            body(String(state.bodyPercent))
            body("%")
        }
        if state.readingMode { body("  reading") }
        if let search = state.search, !search.query.isEmpty {
            // The words of a library search are marked in the article: just which match it is.
            body(search.words.isEmpty ? "  /\(search.query) \(search.counter)" : "  match \(search.counter)")
        }
        if !state.fresh.isEmpty {
            body("  +")
            body(String(state.fresh.count))
            body(" new")
        }
        // The library's unread count (results hold only the pages loaded so far: none shown).
        if count > 0, found == nil {
            body("  ")
            body(String(max(0, count - state.read.count)))
            body(" unread")
        }
        let problems = state.library.problemCount
        if problems > 0 {
            body("  ")
            body(String(problems))
            // Until every file was looked at (`!` checks them), the count is a lower bound.
            body(state.library.uncheckedCount > 0 ? "+ unreadable (!)" : " unreadable (!)")
        }
        if let progress = state.indexProgress {
            body("  indexing ")
            body(progress.label)
        }
        if !state.notes.isEmpty {
            body("  ")
            body(String(state.notes.count))
            body(state.notes.count == 1 ? " note (!)" : " notes (!)")
        }
    }

    /// What a prompt says at the right as it is typed: results found, the match in the article,
    /// the people listed.
    static func promptNote(_ kind: Prompt.Kind, _ state: ReaderState) -> String {
        switch kind {
        case .searchLibrary:
            guard let found = state.librarySearch, !found.query.isEmpty else { return "" }
            if let problem = found.problem { return problem }
            if found.waiting && !found.showing { return "searching\u{2026}" }
            let so = found.partial ? " so far" : ""
            return found.total == 1 ? "1 article\(so)" : "\(IndexProgress.grouped(found.total)) articles\(so)"
        case .findInArticle:
            guard let search = state.search, !search.query.isEmpty else { return "" }
            return search.counter
        case .people:
            guard let people = state.people, people.person == nil, !people.waiting else { return "" }
            return people.speakers.count == 1 ? "1 person" : "\(IndexProgress.grouped(people.speakers.count)) people"
        default:
            return ""
        }
    }

    /// The prompt's label, its text scrolled so the cursor shows, and the cursor.
    private func drawPrompt(_ prompt: Prompt, in rect: Rect, on canvas: inout Canvas) {
        let label = prompt.kind.label
        let x0 = canvas.put(label, x: rect.x, y: rect.y, role: .status, maxX: rect.maxX)
        let room = rect.maxX - x0 - 1
        guard room > 0 else { return }
        if prompt.text.isEmpty {
            canvas.put(prompt.kind.placeholder, x: x0 + 1, y: rect.y, role: .boilerplate, maxX: rect.maxX)
            canvas.cursor = Point(x: x0, y: rect.y)
            return
        }
        // Scroll the text so the cursor stays in view: drop characters from the front as needed.
        var first = 0
        while first < prompt.cursor,
              DisplayWidth.of(String(prompt.text[first..<prompt.cursor])) >= room {
            first += 1
        }
        let before = String(prompt.text[first..<prompt.cursor])
        let cursorX = canvas.put(before, x: x0, y: rect.y, role: .status, maxX: x0 + room)
        canvas.put(String(prompt.text[prompt.cursor...]), x: cursorX, y: rect.y, role: .status, maxX: x0 + room)
        canvas.cursor = Point(x: cursorX, y: rect.y)
    }
}

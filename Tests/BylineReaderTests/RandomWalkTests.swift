import BylineCanvas
import BylineModel
import BylineReader
import BylineStore
import BylineTestSupport
import Foundation
import PropertyBased
import Testing

/// Random walks of the reader: random libraries, random sizes from 1x1 to 300x100, and a few
/// hundred random actions through `update`, with a search index (the library search and People,
/// queries typed while the folder changes); after every step the state and the screen it draws
/// must make sense.
@Suite struct RandomWalkTests {
    /// What a random library is made of.
    static let fileKinds: [String?] = [
        ReaderFixtures.harbour, ReaderFixtures.wide, "Short one\nJust a line.\n", "", "Only a headline\n",
        nil,  // a binary file
        "Quotes only\n“One,” said Ann Lee.\n“Two,” she said.\nOne\nAnn Lee\n",
    ]

    static func library(_ kinds: [Int]) throws -> (Library, URL) {
        var files: [String: String] = [:]
        var binary: [String] = []
        for (i, k) in kinds.enumerated() {
            let name = String(format: "%02d.txt", i)
            if let text = fileKinds[k % fileKinds.count] { files[name] = text } else { binary.append(name) }
        }
        let dir = try Fixtures.folder(files)
        for name in binary {
            try Data([0, 1, 2, 3, 0, 0xFF, 0x1B]).write(to: dir.appendingPathComponent(name))
        }
        return (try Library(folder: dir.path), dir)
    }

    /// What is typed into a prompt as one step: the query language's signs and fields, words the
    /// articles hold (a headline's, a speaker's, CJK), and a space.
    static let typed = ["by:", "head:", "\"", "*", "-", " ", "harbour", "bridge", "Núñez", "Ada Brennan", "Keiko", "東京", "Lee*", "-x"]

    /// The user's actions, the terminal's and the folder's, picked by number: one action, or a
    /// few for what is typed at once (a word, `/` and a query, `P` and a name).
    static func actions(_ op: Int, _ param: Int, dir: URL) -> [Action] {
        let plain: [Action] = [
            .moveUp, .moveDown, .pageUp, .pageDown, .top, .bottom, .focusForward, .focusBack, .cycleFocus,
            .nextQuote, .previousQuote, .nextCrosshead, .previousCrosshead, .nextArticle, .previousArticle,
            .toggleSidebar, .toggleZoom, .toggleHelp, .toggleProblems, .toggleFooters, .closeOverlay, .redraw,
            .openPrompt(.goToArticle), .submitPrompt, .cancelPrompt, .editPrompt(.backspace), .editPrompt(.left),
            .editPrompt(.historyBack), .editPrompt(.deleteWordBack), .cycleTheme, .themeApplied(name: "dark", error: nil),
            // The library search and People.
            .find, .togglePeople, .openChosen, .submitPrompt, .cancelPrompt, .closeOverlay,
        ]
        let word = typed[param % typed.count].map { Action.editPrompt(.insert($0)) }
        switch op % (plain.count + 7) {
        case plain.count:
            return [.resize(Size(width: 1 + param % 300, height: 1 + (param / 300) % 100))]
        case plain.count + 1:
            return [.editPrompt(.insert(Array("0123456789x é東\"*-:")[param % 18]))]
        case plain.count + 2:
            return word
        case plain.count + 3:
            return [.find] + word
        case plain.count + 4:
            return [.togglePeople] + word.prefix(param % 3)
        case plain.count + 5:
            // A file arrives (it may not exist: then it reads as unreadable).
            return [.folderChanged(FolderChange(present: [dir.appendingPathComponent(String(format: "%02d.txt", param % 12)).path]))]
        case plain.count + 6:
            return [.folderChanged(FolderChange(gone: [dir.appendingPathComponent(String(format: "%02d.txt", param % 12)).path]))]
        default:
            return [plain[op % (plain.count + 7)]]
        }
    }

    static func checkInvariants(_ state: ReaderState, after action: Action) {
        let context = "after \(action) at \(state.size)"
        if state.rows.isEmpty {
            #expect(state.selection == nil, "\(context)")
        } else {
            #expect(state.rows.id(at: state.selectedRow) == state.selection, "selection is its row: \(context)")
        }
        let layout = state.layout
        if let list = layout.list {
            #expect(state.listTop >= 0 && state.listTop <= max(0, state.rows.count - list.height), "list scroll: \(context)")
            #expect(state.rows.isEmpty || state.visibleRows.contains(state.selectedRow), "selection on screen: \(context)")
        }
        if layout.body != nil, let body = state.body {
            #expect(state.bodyTop >= 0 && state.bodyTop <= max(0, body.lines.count - state.bodyHeight), "body scroll: \(context)")
        }
        if !layout.tooSmall {
            #expect(layout.shows(state.focus), "focus on a pane on screen: \(context)")
        }
        if let chosen = state.chosenQuote { #expect(chosen < state.sidebarEntries.count, "\(context)") }
        if let found = state.librarySearch, found.showing {
            #expect(Set(state.rows.ids).count == state.rows.count, "results listed once: \(context)")
            #expect(state.rows.ids.allSatisfy { found.snippets[$0] != nil }, "each result has its snippet: \(context)")
        } else {
            // Out of a search (or never in one) the list is the library: every article there is,
            // in its order, and an article deleted while selected until the selection moves.
            let library = state.library.sorted(state.library.presentIDs, by: state.sortOrder)
            #expect(state.rows.ids.filter { state.deleted[$0] == nil } == library, "the rows are the library's: \(context)")
        }
        let canvas = Screen().render(state)
        #expect(canvas.size == state.size)
        #expect(canvas.cells.count == state.size.width * state.size.height)
        // Every cell at once (one expectation per cell would cost more than the walk itself).
        var bad: [String] = []
        let width = canvas.size.width
        for (i, cell) in canvas.cells.enumerated() {
            let x = i % width, y = i / width
            if cell.text.unicodeScalars.contains(where: TerminalGlyph.isUnsafe) { bad.append("control at \(x),\(y)") }
            if cell.width == 2 && (x + 1 >= width || !canvas.cells[i + 1].isContinuation) { bad.append("unpaired wide glyph at \(x),\(y)") }
            if cell.isContinuation && (x == 0 || canvas.cells[i - 1].width != 2) { bad.append("stray continuation at \(x),\(y)") }
        }
        #expect(bad.isEmpty, "\(bad.prefix(3)): \(context)")
        if let cursor = canvas.cursor {
            #expect(cursor.x >= 0 && cursor.x < canvas.size.width && cursor.y >= 0 && cursor.y < canvas.size.height, "\(context)")
        }
    }

    /// One walk: a library of `kinds`, a `w`x`h` terminal, the actions `steps` pick, checked
    /// after every action.
    static func walk(_ kinds: [Int], _ w: Int, _ h: Int, _ steps: [(Int, Int)]) {
        guard let (library, dir) = try? Self.library(kinds) else {
            Issue.record("cannot make the library")
            return
        }
        // The search index in a file, so that it lasts from one action to the next.
        let indexDir = FileManager.default.temporaryDirectory.appendingPathComponent("byline-walk-\(UUID().uuidString)")
        let index = SearchIndexLocation.file(indexDir.appendingPathComponent("index.sqlite3").path)
        defer {
            try? FileManager.default.removeItem(at: dir)
            try? FileManager.default.removeItem(at: indexDir)
        }
        var state = ReaderState(library: library, size: Size(width: w, height: h), themeNames: ["default", "dark"])
        for action in [Action.start, .startIndexing] {
            state.send(action, index: index)
            Self.checkInvariants(state, after: action)
        }
        for (op, param) in steps {
            for action in Self.actions(op, param, dir: dir) {
                state.send(action, index: index)
                Self.checkInvariants(state, after: action)
            }
        }
    }

    @Test func randomWalksKeepTheReaderConsistent() async throws {
        let walk = zip(Gen.int(in: 0...50), Gen.int(in: 0...30_000)).array(of: 1...200)
        await propertyCheck(count: 30, input: Gen.int(in: 0...6).array(of: 0...7), Gen.int(in: 1...300), Gen.int(in: 1...100), walk) { kinds, w, h, steps in
            Self.walk(kinds, w, h, steps)
        }
    }

    /// Shrunk failures of the walk above, kept.
    @Test func shrunkWalks() {
        // A quote chosen in the sidebar, then the article's file deleted: the choice outlived the
        // sidebar's entries (found on 2026-12-01).
        Self.walk([1, 0], 1, 1, [(6, 0), (37, 1519), (6, 0), (8, 0), (40, 510), (9, 0), (43, 5677)])
    }
}

import BylineCanvas
import BylineModel
import BylineReader
import BylineStore
import BylineTestSupport
import Foundation
import PropertyBased
import Testing

/// Random walks as in ``RandomWalkTests``, drawn by one `Screen` into one canvas, as the run
/// loop draws (its list and body row caches, the body's article of the frame before, the zoomed
/// list drawn without blanking the frame): every frame must be the frame a fresh `Screen` draws
/// into a fresh canvas. Between actions, headlines are read (as the background reads them) and
/// files are rewritten with other headlines, so kept rows meet changed headlines. A row under a
/// tag (``Canvas/tag(row:)``) holds the cells every other row drawn under that tag held.
@Suite struct KeptFrameWalkTests {
    static func walk(_ kinds: [Int], _ w: Int, _ h: Int, _ steps: [(Int, Int)]) {
        guard let (library, dir) = try? RandomWalkTests.library(kinds) else {
            Issue.record("cannot make the library")
            return
        }
        let indexDir = FileManager.default.temporaryDirectory.appendingPathComponent("byline-kept-walk-\(UUID().uuidString)")
        let index = SearchIndexLocation.file(indexDir.appendingPathComponent("index.sqlite3").path)
        defer {
            try? FileManager.default.removeItem(at: dir)
            try? FileManager.default.removeItem(at: indexDir)
        }
        var state = ReaderState(library: library, size: Size(width: w, height: h), themeNames: ["default", "dark"])
        let screen = Screen()
        var canvas = Canvas(size: Size(width: 1, height: 1))
        var done: [String] = []
        // Every row drawn under a tag, by tag: a tag names one row's cells whenever it is given.
        var tagged: [UInt64: [Cell]] = [:]
        func check(_ what: String) {
            done.append(what)
            screen.render(state, into: &canvas)
            for y in 0..<canvas.size.height where canvas.tag(row: y) != 0 {
                let row = canvas.cells(x: 0, y: y, width: canvas.size.width)
                if let seen = tagged.updateValue(row, forKey: canvas.tag(row: y)), seen != row {
                    Issue.record("row \(y) is under a tag given to other cells at \(state.size) after \(done.suffix(6))")
                }
            }
            let fresh = Screen().render(state)
            guard canvas.cells != fresh.cells || canvas.cursor != fresh.cursor else { return }
            let i = zip(canvas.cells, fresh.cells).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            let cell = i.map { "first differing cell \($0 % fresh.size.width),\($0 / fresh.size.width)" } ?? "the cursor differs"
            Issue.record("the kept frame is not the fresh one (\(cell)) at \(state.size) after \(done.suffix(6))")
        }
        for action in [Action.start, .startIndexing] {
            state.send(action, index: index)
            check("\(action)")
        }
        for (op, param) in steps {
            if op % 5 == 0 {
                for id in library.presentIDs where param % 3 != 0 || id.index % 2 == 0 { _ = library.readHeadline(id) }
                check("headlines read")
            }
            if op % 7 == 0 {
                let url = dir.appendingPathComponent(String(format: "%02d.txt", param % 8))
                if FileManager.default.fileExists(atPath: url.path) {
                    try? "Headline \(param % 4) of \(url.lastPathComponent)\nBody \(param).\n".write(to: url, atomically: true, encoding: .utf8)
                    state.send(.folderChanged(FolderChange(present: [url.path])), index: index)
                    check("\(url.lastPathComponent) rewritten")
                    if param % 2 == 0 { for id in library.presentIDs { _ = library.readHeadline(id) } }
                    check("headlines read")
                }
            }
            for action in RandomWalkTests.actions(op, param, dir: dir) {
                state.send(action, index: index)
                check("\(action)")
            }
        }
    }

    @Test func keptFramesAreFreshFrames() async throws {
        let walk = zip(Gen.int(in: 0...50), Gen.int(in: 0...30_000)).array(of: 1...200)
        await propertyCheck(count: 40, input: Gen.int(in: 0...6).array(of: 0...7), Gen.int(in: 1...160), Gen.int(in: 1...60), walk) { kinds, w, h, steps in
            Self.walk(kinds, w, h, steps)
        }
    }
}

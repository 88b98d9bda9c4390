import BylineCanvas
import Foundation
import XCTest

/// Compares text with a snapshot file in the test target's `Snapshots/` folder.
///
/// Set `RECORD_SNAPSHOTS=1` to write the files anew. A missing snapshot is recorded and the
/// test fails, so a new snapshot is always looked at once before it is trusted.
public func assertSnapshot(_ text: String, named name: String, testFile: StaticString = #filePath,
                           file: StaticString = #filePath, line: UInt = #line) {
    let folder = URL(fileURLWithPath: "\(testFile)").deletingLastPathComponent().appendingPathComponent("Snapshots")
    let url = folder.appendingPathComponent(name + ".txt")
    let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"].map { !$0.isEmpty && $0 != "0" } ?? false
    let body = text.hasSuffix("\n") ? text : text + "\n"
    if record || !FileManager.default.fileExists(atPath: url.path) {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? body.write(to: url, atomically: true, encoding: .utf8)
        if !record { XCTFail("Recorded new snapshot \(name); check it and run again", file: file, line: line) }
        return
    }
    let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    if expected != body {
        XCTFail("Snapshot \(name) differs.\n--- expected\n\(expected)--- actual\n\(body)", file: file, line: line)
    }
}

/// One letter per role, for snapshots that show what each cell *is* as well as what it says.
public enum RoleCodes {
    public static func code(_ role: Role) -> Character {
        switch role {
        case .base: return "."
        case .border: return "|"
        case .listNormal: return "l"
        case .listSelected: return "S"
        case .listSelectedUnfocused: return "s"
        case .listRead: return "r"
        case .listUnread: return "u"
        case .headline: return "H"
        case .standfirst: return "F"
        case .body: return "b"
        case .crosshead: return "C"
        case .pullquote: return "P"
        case .attribution: return "a"
        case .quoteMark: return "q"
        case .boilerplate: return "B"
        case .sidebarNormal: return "d"
        case .sidebarCurrent: return "D"
        case .status: return "_"
        case .help: return "h"
        case .searchMatch: return "M"
        case .searchCurrent: return "m"
        case .error: return "E"
        }
    }

    /// The canvas's roles, a line of letters per row (a wide glyph's two cells both carry its role).
    public static func lines(_ canvas: Canvas) -> [String] {
        (0..<canvas.size.height).map { y in
            String((0..<canvas.size.width).map { code(canvas[x: $0, y: y].role) })
        }
    }
}

/// Compares a whole screen (its text, then its roles, a letter per cell) with a snapshot, so a
/// change of styling (selection, focus, read marks, folded text) fails as surely as a change of text.
public func assertScreenSnapshot(_ canvas: Canvas, named name: String, testFile: StaticString = #filePath,
                                 file: StaticString = #filePath, line: UInt = #line) {
    let text = canvas.text + "\n--- roles (letters: RoleCodes in Tests/BylineTestSupport/Snapshot.swift)\n"
        + RoleCodes.lines(canvas).joined(separator: "\n")
    assertSnapshot(text, named: name, testFile: testFile, file: file, line: line)
}

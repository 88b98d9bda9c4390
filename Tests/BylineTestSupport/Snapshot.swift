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

import Foundation
import PropertyBased
import Testing
@testable import BylineModel

/// The headline read's cheaper steps (issue 17): the ASCII date test without its search for a
/// numeral or a month, and the file read into one buffer, answer as before.
@Suite struct HeadlineReadTests {
    /// The ASCII date test as it was: a line with no ASCII digit and no month's name (any case,
    /// anywhere) was ruled out before its words were read.
    static func oldIsASCIIDate(_ line: String) -> Bool {
        let bytes = Array(line.utf8)
        let lower = line.lowercased()
        let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                      "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
        if !bytes.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) && !months.contains(where: { lower.contains($0) }) { return false }
        return bytes.withUnsafeBufferPointer(Metadata.isASCIIDate)
    }

    static func isASCIIDate(_ line: String) -> Bool { Array(line.utf8).withUnsafeBufferPointer(Metadata.isASCIIDate) }

    /// Date words, headline words, and words that hold a month or a digit inside them.
    static let words = ["Monday", "3", "March", "2014", "2014-03-02", "03/02/2014", "10:22", "AM", "Updated", "on", "at", "the",
                        "(", ")", "[Mar]", "3rd", "12th", "10:22am", "Sept", "MAY", "mayor", ",", "|", "Posted:", "-", ":", "of",
                        "Council", "approves", "budget", "Marching", "Decimal", "Junebug", "x3", "a.m", "pm", "Sun", "sunday",
                        "Kelvin", "1/2/3", "99999", "Dec.", "[", "]", "th", "Octopus", "novel", "Augusta", "", "  ", "ET,"]
    static let line = Gen.element(of: words).array(of: 0...14).map { ws -> String in
        ws.compactMap { $0 }.enumerated().map { $0.offset % 4 == 3 ? $0.element : $0.element + " " }.joined()
    }

    @Test func asciiDateAsBefore() async {
        await propertyCheck(count: 4000, input: Self.line) { l in
            #expect(Self.isASCIIDate(l) == Self.oldIsASCIIDate(l), "\(l.debugDescription)")
            #expect(Self.isASCIIDate(l) == Metadata.isDateCharacters(l), "\(l.debugDescription)")
        }
        // Random printable ASCII, the shape of no headline.
        let printable = Gen.uint8(in: 0x20...0x7E).array(of: 0...40).map { String(decoding: $0, as: UTF8.self) }
        await propertyCheck(count: 3000, input: printable) { l in
            #expect(Self.isASCIIDate(l) == Self.oldIsASCIIDate(l), "\(l.debugDescription)")
        }
        for l in ["", " ", "the on at", "Updated on the", "Monday", "Monday at 10:22am", "Monday 3rd", "3 March", "March",
                  "2014", "(2014)", "[March]:", "Mayor opens 2014 harbour", "Council approves budget", "Posted: 3/2/14",
                  "Posted: 03/02/2014", "the the the the the the the the the the the the 2014", "1:2:3:4"] {
            #expect(Self.isASCIIDate(l) == Self.oldIsASCIIDate(l), "\(l.debugDescription)")
        }
        #expect(Self.isASCIIDate("Updated 10:22 AM ET, Mon March 3, 2014"))
        #expect(!Self.isASCIIDate("Monday at 10:22am"), "no year and no month")
    }

    /// The file read gives a file's first bytes, whether it was read whole, and its size, for
    /// sizes around the limit.
    @Test func fileReadGivesThePrefix() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("byline-hl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let limit = Library.headlineBytes
        for size in [0, 1, 13, 15, 100, limit - 1, limit, limit + 1, 3 * limit] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            let path = dir.appendingPathComponent("a\(size).txt").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            guard case .success(let r) = FileAccess.read(path, limit: limit) else {
                Issue.record("no read of \(size) bytes")
                continue
            }
            #expect(Array(r.data) == Array(bytes.prefix(limit)), "\(size)")
            #expect(r.complete == (size < limit), "\(size)")
            #expect(r.size == size)
        }
        guard case .failure = FileAccess.read(dir.path, limit: limit) else {
            Issue.record("a directory was read")
            return
        }
        guard case .failure = FileAccess.read(dir.appendingPathComponent("missing").path, limit: limit) else {
            Issue.record("a missing file was read")
            return
        }
    }
}

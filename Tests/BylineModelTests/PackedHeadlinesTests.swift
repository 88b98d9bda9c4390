import Testing
@testable import BylineModel

/// The library keeps the headlines it read packed in one buffer (issue 16's soak: a String of
/// its own for each headline shown cost about a megabyte over a long session).
@Suite struct PackedHeadlinesTests {
    @Test func givesBackWhatWasStored() {
        var headlines = PackedHeadlines(count: 4)
        #expect(headlines.indices.allSatisfy { headlines[$0] == nil })
        headlines[0] = "Night train to the north returns"
        headlines[2] = "京都: the ferry — «strike» ends 🚆"
        headlines[3] = ""
        #expect(headlines[0] == "Night train to the north returns")
        #expect(headlines[1] == nil)
        #expect(headlines[2] == "京都: the ferry — «strike» ends 🚆")
        #expect(headlines[3] == "", "an empty headline is not a missing one")
        headlines.append()
        #expect(headlines.count == 5 && headlines[4] == nil)
        headlines[4] = "Library staff walk out"
        headlines[0] = nil
        #expect(headlines[0] == nil && headlines[4] == "Library staff walk out")
    }

    @Test func headlinesOfUsualLengthFitTheRoomReservedUpFront() {
        var headlines = PackedHeadlines(count: 1_000)
        let reserved = headlines.byteCapacity
        #expect(reserved >= 1_000 * PackedHeadlines.reservedBytesPerHeadline)
        for slot in headlines.indices { headlines[slot] = String(repeating: "x", count: 90) }
        #expect(headlines.byteCapacity == reserved, "the buffer never grew (nor was copied)")
    }

    @Test func theSameHeadlineAgainTakesNoMoreRoom() {
        var headlines = PackedHeadlines(count: 1)
        headlines[0] = "Carrick Sound swing bridge reopens"
        let bytes = headlines.byteCount
        headlines[0] = "Carrick Sound swing bridge reopens"
        #expect(headlines.byteCount == bytes && headlines.unusedBytes == 0)
    }

    @Test func replacedHeadlinesDoNotPileUp() {
        var headlines = PackedHeadlines(count: 100)
        for round in 0..<1_000 {
            for slot in headlines.indices {
                headlines[slot] = "Headline \(slot), edition \(round): the harbour master watched"
            }
        }
        #expect(headlines.indices.allSatisfy { headlines[$0] == "Headline \($0), edition 999: the harbour master watched" })
        let live = headlines.indices.reduce(0) { $0 + (headlines[$1]?.utf8.count ?? 0) }
        #expect(headlines.byteCount - headlines.unusedBytes == live)
        #expect(headlines.byteCount <= 2 * live + PackedHeadlines.repackFloor, "packed again once half is unused")
    }
}

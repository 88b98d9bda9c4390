/// A clause cut into segments (its comma-free stretches, see `ParagraphTokens.segments(_:)`):
/// the token indices of every segment end to end in one buffer, and where each segment lies in
/// it. A paragraph keeps one and fills it again for each clause, so no array is made per
/// segment or per clause; a segment is read as a slice of the buffer.
struct ClauseSegments {
    /// The segments' token indices, one segment after another.
    private var tokens: [Int] = []
    /// Where each segment lies in ``tokens``; none is empty.
    private var bounds: [Range<Int>] = []
    /// Where the segment being filled starts in ``tokens``.
    private var open = 0

    /// How many segments there are.
    var count: Int { bounds.count }

    /// The token indices of segment `k`, in order.
    subscript(k: Int) -> ArraySlice<Int> { tokens[bounds[k]] }

    /// Empties the list, keeping its buffers' room.
    mutating func removeAll() {
        tokens.removeAll(keepingCapacity: true)
        bounds.removeAll(keepingCapacity: true)
        open = 0
    }

    /// Adds token `i` to the segment being filled.
    mutating func append(_ i: Int) { tokens.append(i) }

    /// Ends the segment being filled; an empty one is not kept.
    mutating func endSegment() {
        if tokens.count > open { bounds.append(open..<tokens.count) }
        open = tokens.count
    }
}

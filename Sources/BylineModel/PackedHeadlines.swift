#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The headlines read of a library's entries, packed: their UTF-8 bytes one after another in a
/// single buffer, and for each entry where its bytes start and how many there are.
///
/// A headline kept as a `String` of its own costs a heap block with its header (about 110 bytes
/// for the generated library's headlines, 16 more in the array); a long session that shows
/// most of a 10,000-article library kept about a megabyte of them (issue 16's soak). Packed,
/// a headline costs its bytes and 8 bytes of bookkeeping. A headline replaced or forgotten
/// leaves its old bytes behind until they are more than half the buffer, when the buffer is
/// packed again.
struct PackedHeadlines: Sendable {
    /// Where each entry's headline starts in `bytes`.
    private var starts: [UInt32]
    /// Each entry's headline length in bytes; `absent` when none was read.
    private var lengths: [UInt32]
    private var bytes: [UInt8] = []
    /// Bytes in `bytes` that no entry points to any more.
    private(set) var unusedBytes = 0
    /// Counts the headlines set (read, replaced or forgotten), from 1: while it stays the same, no
    /// entry's headline changed (what a list row checked against it once need not be checked again).
    private(set) var generation: UInt64 = 1
    private static let absent = UInt32.max
    /// Below this many unused bytes the buffer is never packed again.
    static let repackFloor = 64 * 1024

    /// Bytes reserved a headline up front (the generated library's take about 65).
    static let reservedBytesPerHeadline = 96

    /// `count` entries, none with a headline. Room for about as many headlines is reserved at
    /// once: a buffer that doubled as it filled would, at each doubling, hold the old bytes and
    /// their copy together (half a megabyte more, for a moment, at 10,000 articles; the soak's
    /// peak caught it), while pages reserved and not yet written take no memory.
    init(count: Int) {
        starts = Array(repeating: 0, count: count)
        lengths = Array(repeating: Self.absent, count: count)
        bytes.reserveCapacity(count * Self.reservedBytesPerHeadline)
    }

    var count: Int { lengths.count }

    var indices: Range<Int> { lengths.indices }

    /// Bytes held for headlines, used or not.
    var byteCount: Int { bytes.count }

    /// Bytes the buffer has room for before it must grow.
    var byteCapacity: Int { bytes.capacity }

    /// One more entry, without a headline.
    mutating func append() {
        starts.append(0)
        lengths.append(Self.absent)
    }

    /// The headline of entry `slot`, or nil if none was read.
    subscript(slot: Int) -> String? {
        get {
            let length = lengths[slot]
            guard length != Self.absent else { return nil }
            let start = Int(starts[slot])
            return bytes.withUnsafeBufferPointer { buffer in
                String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<start + Int(length)]), as: UTF8.self)
            }
        }
        set {
            generation &+= 1
            let old = lengths[slot]
            if let newValue, old != Self.absent, equals(slot, newValue) { return }
            if old != Self.absent { unusedBytes += Int(old) }
            guard var newValue else {
                lengths[slot] = Self.absent
                repackIfWasteful()
                return
            }
            let length = newValue.utf8.count
            // The offsets are 32 bits: a buffer that would pass 4 GiB is packed first.
            if bytes.count + length > Int(UInt32.max - 1) { repack() }
            starts[slot] = UInt32(bytes.count)
            lengths[slot] = UInt32(length)
            newValue.withUTF8 { bytes.append(contentsOf: $0) }
            repackIfWasteful()
        }
    }

    /// Whether entry `slot` has a headline, without making its string.
    func has(_ slot: Int) -> Bool { lengths[slot] != Self.absent }

    /// Whether entry `slot`'s headline is `value` (nil when it has none), compared as bytes
    /// without making its string.
    func matches(_ slot: Int, _ value: String) -> Bool? {
        guard has(slot) else { return nil }
        return equals(slot, value)
    }

    private func equals(_ slot: Int, _ value: String) -> Bool {
        let start = Int(starts[slot])
        let length = Int(lengths[slot])
        guard value.utf8.count == length else { return false }
        guard length > 0 else { return true }
        var value = value
        return value.withUTF8 { text in
            bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, text.baseAddress!, length) == 0 }
        }
    }

    private mutating func repackIfWasteful() {
        if unusedBytes > Self.repackFloor && unusedBytes * 2 > bytes.count { repack() }
    }

    /// Copies the headlines still pointed to into a new buffer, in entry order.
    private mutating func repack() {
        var packed: [UInt8] = []
        packed.reserveCapacity(bytes.count - unusedBytes)
        for slot in lengths.indices where lengths[slot] != Self.absent {
            let start = Int(starts[slot])
            starts[slot] = UInt32(packed.count)
            packed.append(contentsOf: bytes[start..<start + Int(lengths[slot])])
        }
        bytes = packed
        unusedBytes = 0
    }
}

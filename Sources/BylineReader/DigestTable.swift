/// Values by ``PathDigest``, as the search index's check of every file looks them up: an
/// open-addressed table (the digest's low bits pick the slot, the next free slot on a clash)
/// in two flat arrays. No hashing (a digest is already well mixed), no string, one allocation
/// per array; cheaper to fill and to ask than a dictionary.
struct DigestTable<Value> {
    private var digests: [UInt64]
    private var values: [Value?]
    /// The value of the digest that marks a free slot (0), kept aside.
    private var zero: Value?
    private(set) var count = 0

    /// A table sized for about `expected` entries (it grows past them).
    init(expected: Int) {
        let slots = Self.slots(for: expected)
        digests = Array(repeating: 0, count: slots)
        values = Array(repeating: nil, count: slots)
    }

    /// The value under `digest`, if any.
    subscript(digest: UInt64) -> Value? {
        if digest == 0 { return zero }
        let mask = digests.count - 1
        var at = Int(truncatingIfNeeded: digest) & mask
        while true {
            let held = digests[at]
            if held == digest { return values[at] }
            if held == 0 { return nil }
            at = (at + 1) & mask
        }
    }

    /// Puts `value` under `digest` (replacing what was there).
    mutating func put(_ digest: UInt64, _ value: Value) {
        if digest == 0 {
            if zero == nil { count += 1 }
            zero = value
            return
        }
        if (count + 1) * 2 > digests.count { grow() }
        let mask = digests.count - 1
        var at = Int(truncatingIfNeeded: digest) & mask
        while digests[at] != 0 && digests[at] != digest { at = (at + 1) & mask }
        if digests[at] == 0 { count += 1 }
        digests[at] = digest
        values[at] = value
    }

    private mutating func grow() {
        var bigger = DigestTable(expected: digests.count)
        for i in digests.indices where digests[i] != 0 { bigger.put(digests[i], values[i]!) }
        if let zero { bigger.put(0, zero) }
        self = bigger
    }

    /// A power of two at least twice `expected` (and at least 16).
    private static func slots(for expected: Int) -> Int {
        var slots = 16
        while slots < expected * 2 { slots *= 2 }
        return slots
    }
}

/// Builds a string one Unicode scalar at a time, as UTF-8 bytes.
///
/// Appending to a `String.UnicodeScalarView` keeps the string's counts and flags up to date on
/// every scalar, which made it the parser's largest single cost; bytes are appended here and
/// turned into a `String` once.
struct ScalarWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    var isEmpty: Bool { bytes.isEmpty }

    mutating func append(_ c: Unicode.Scalar) {
        let v = c.value
        if v < 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v))
        } else {
            UTF8.encode(c) { bytes.append($0) }
        }
    }

    mutating func append(contentsOf scalars: some Sequence<Unicode.Scalar>) {
        for c in scalars { append(c) }
    }

    mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// The string of these scalars.
    static func string(_ scalars: some Collection<Unicode.Scalar>) -> String {
        var w = ScalarWriter(capacity: scalars.count)
        w.append(contentsOf: scalars)
        return w.string
    }
}

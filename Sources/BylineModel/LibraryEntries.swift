/// The article files of a library, packed: every file's path relative to its folder lies in
/// one byte buffer, so an entry costs its name's bytes and 8 bytes of bookkeeping rather than
/// two heap strings (at 100,000 files, about 5 MB instead of 25 MB).
///
/// An entry's ``LibraryEntry`` (its id and full path) is made when asked for.
public struct LibraryEntries: RandomAccessCollection, Sendable, Equatable {
    /// What paths start with: a folder with its trailing `/`, or "" for files named in full.
    private var roots: [String] = []
    /// The relative paths, back to back.
    private var bytes: [UInt8] = []
    /// Where each entry's bytes end in `bytes` (the next one starts there).
    private var ends: [UInt32] = []
    /// Each entry's index into `roots`.
    private var rootOf: [UInt32] = []

    public init() {}

    public var startIndex: Int { 0 }
    public var endIndex: Int { ends.count }

    public subscript(position: Int) -> LibraryEntry {
        LibraryEntry(id: id(at: position), path: path(at: position))
    }

    /// The entry's path, as given or as found under its folder.
    public func path(at index: Int) -> String {
        roots[Int(rootOf[index])] + String(decoding: relativeBytes(index), as: UTF8.self)
    }

    /// The entry's file name without its `.txt` (in any case).
    public func id(at index: Int) -> String {
        let relative = relativeBytes(index)
        var name = relative[...]
        if let slash = relative.lastIndex(of: 0x2F) { name = relative[(slash + 1)...] }
        if name.count > 4 {
            let e = name.endIndex
            let hasTxt = name[e - 4] == 0x2E && name[e - 3] | 0x20 == 0x74 && name[e - 2] | 0x20 == 0x78 && name[e - 1] | 0x20 == 0x74
            if hasTxt { name = name.dropLast(4) }
        }
        return String(decoding: name, as: UTF8.self)
    }

    /// The entry's path relative to its folder (its path as given, for a file named in full).
    public func relativePath(at index: Int) -> String {
        String(decoding: relativeBytes(index), as: UTF8.self)
    }

    /// The folder the entry was found in, with its trailing `/` ("" for a file named in full).
    public func root(at index: Int) -> String { roots[Int(rootOf[index])] }

    /// Listing order: by folder (in the order the folders were given), then by the relative
    /// path in natural order (``NaturalOrder``: 2 before 10, case folded).
    public func precedes(_ a: Int, _ b: Int) -> Bool {
        if rootOf[a] != rootOf[b] { return rootOf[a] < rootOf[b] }
        return bytes.withUnsafeBytes { raw in
            let startA = a == 0 ? 0 : Int(ends[a - 1]), startB = b == 0 ? 0 : Int(ends[b - 1])
            return NaturalOrder.precedes(UnsafeRawBufferPointer(rebasing: raw[startA..<Int(ends[a])]),
                                         UnsafeRawBufferPointer(rebasing: raw[startB..<Int(ends[b])]))
        }
    }

    /// `PathIndex.hash(path(at: index))`, from the packed bytes when the path is ASCII: Swift
    /// hashes an ASCII string (its own normal form) as its UTF-8 bytes and a 0xFF, fed to the
    /// hasher as one stream, so the root's bytes and then the relative ones give the same hash.
    func pathHash(at index: Int) -> Int {
        var root = roots[Int(rootOf[index])]
        let ascii = relativeBytes(index).withUnsafeBytes { relative in
            root.withUTF8 { Self.asciiHash(UnsafeRawBufferPointer($0), relative) }
        }
        return ascii ?? PathIndex.hash(path(at: index))
    }

    /// ``PathDigest`` of ``relativePath(at:)``'s UTF-8, from the packed bytes when they are
    /// ASCII (the string then holds those very bytes).
    func relativePathDigest(at index: Int) -> UInt64 {
        let start = index == 0 ? 0 : Int(ends[index - 1])
        let ascii = bytes.withUnsafeBytes { PathDigest.ofASCII(UnsafeRawBufferPointer(rebasing: $0[start..<Int(ends[index])])) }
        return ascii ?? PathDigest.of(relativePath(at: index))
    }

    /// Appends the entry's path relative to its folder (its path as given, for a file named in
    /// full) and a NUL to `buffer`, and returns the number of its folder (see ``root(at:)``) and
    /// ``relativePathDigest(at:)``, in one visit to the packed bytes (copied as a block).
    func appendRelativePathAndDigest(at index: Int, to buffer: inout [UInt8]) -> (root: Int, digest: UInt64) {
        let start = index == 0 ? 0 : Int(ends[index - 1])
        let ascii = bytes.withUnsafeBytes { raw -> UInt64? in
            let relative = UnsafeRawBufferPointer(rebasing: raw[start..<Int(ends[index])])
            buffer.append(contentsOf: relative)
            return PathDigest.ofASCII(relative)
        }
        buffer.append(0)
        return (Int(rootOf[index]), ascii ?? PathDigest.of(relativePath(at: index)))
    }

    /// The number of the entry's folder (see ``root(number:)``).
    func rootNumber(at index: Int) -> Int { Int(rootOf[index]) }

    /// The folder number `number` (as ``appendRelativePathAndDigest(at:to:)`` gives it)
    /// stands for.
    func root(number: Int) -> String { roots[number] }

    /// The string hash of the ASCII text `head` then `tail`, fed to the hasher as String does
    /// (the bytes, then 0xFF); nil when either is not ASCII.
    static func asciiHash(_ head: UnsafeRawBufferPointer, _ tail: UnsafeRawBufferPointer) -> Int? {
        guard isASCII(head), isASCII(tail) else { return nil }
        var hasher = Hasher()
        if !head.isEmpty { hasher.combine(bytes: head) }
        if !tail.isEmpty { hasher.combine(bytes: tail) }
        hasher.combine(UInt8(0xFF))
        return hasher.finalize()
    }

    /// Puts the entry's full path and a NUL in `buffer` (for a system call), without a string.
    func copyPath(at index: Int, into buffer: inout [UInt8]) {
        buffer.removeAll(keepingCapacity: true)
        var root = roots[Int(rootOf[index])]
        root.withUTF8 { buffer.append(contentsOf: $0) }
        buffer.append(contentsOf: relativeBytes(index))
        buffer.append(0)
    }

    /// Whether two entries' paths are equal as strings: as bytes when both are ASCII (such
    /// strings are equal exactly when their bytes are), else as strings.
    func samePath(_ a: Int, _ b: Int) -> Bool {
        let ra = relativeBytes(a), rb = relativeBytes(b)
        var rootA = root(at: a), rootB = root(at: b)
        let ascii = ra.withUnsafeBytes(Self.isASCII) && rb.withUnsafeBytes(Self.isASCII)
            && rootA.withUTF8 { Self.isASCII(UnsafeRawBufferPointer($0)) } && rootB.withUTF8 { Self.isASCII(UnsafeRawBufferPointer($0)) }
        guard ascii else { return path(at: a) == path(at: b) }
        if rootOf[a] == rootOf[b] { return ra == rb }
        return Array(rootA.utf8) + ra == Array(rootB.utf8) + rb
    }

    /// The slot of each of `paths` (full paths, as ``path(at:)`` spells them; a later entry
    /// with the same path wins, as in ``PathIndex``), found in one pass over the packed paths
    /// by their relative paths' ``PathDigest``s, without building a path index. Nil when bytes
    /// cannot answer as string comparison would: a path, a folder or an entry that is not
    /// ASCII (ASCII strings are equal exactly when their bytes are).
    func slotsByScan(of paths: [String]) -> [Int32?]? {
        struct Wanted {
            var digest: UInt64
            var path: Int
            var root: UInt32
            var relative: [UInt8]
        }
        var rootBytes: [[UInt8]] = []
        for root in roots {
            let utf8 = Array(root.utf8)
            guard utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
            rootBytes.append(utf8)
        }
        var wanted: [Wanted] = []
        for (number, path) in paths.enumerated() {
            let utf8 = Array(path.utf8)
            guard utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
            // Every folder the path lies in could list it (a file named in full has the root "").
            for (root, prefix) in rootBytes.enumerated() where utf8.count > prefix.count && utf8.starts(with: prefix) {
                let relative = Array(utf8[prefix.count...])
                let digest = relative.withUnsafeBytes { PathDigest.of($0) }
                wanted.append(Wanted(digest: digest, path: number, root: UInt32(root), relative: relative))
            }
        }
        var found = [Int32?](repeating: nil, count: paths.count)
        guard !wanted.isEmpty else { return found }
        wanted.sort { $0.digest < $1.digest }
        let digests = wanted.map(\.digest)
        // Only an entry as long as a wanted path is digested (a few saved paths: few entries).
        var lengths = [Bool](repeating: false, count: wanted.map(\.relative.count).max()! + 1)
        for candidate in wanted { lengths[candidate.relative.count] = true }
        let ascii = bytes.withUnsafeBytes { raw -> Bool in
            // Every entry ASCII (a word at a time), or bytes cannot answer: an entry of another
            // length could still be the same string (a Kelvin sign is a K).
            var high: UInt64 = 0
            var at = 0
            while at + 8 <= raw.count {
                high |= raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)
                at += 8
            }
            while at < raw.count {
                high |= UInt64(raw[at])
                at += 1
            }
            guard high & 0x8080_8080_8080_8080 == 0 else { return false }
            var start = 0
            for index in ends.indices {
                let end = Int(ends[index])
                defer { start = end }
                let relative = UnsafeRawBufferPointer(rebasing: raw[start..<end])
                guard end - start < lengths.count, lengths[end - start] else { continue }
                let digest = PathDigest.of(relative)
                // The first wanted path with this digest, by halving.
                var low = 0, upper = digests.count
                while low < upper {
                    let middle = (low + upper) / 2
                    if digests[middle] < digest { low = middle + 1 } else { upper = middle }
                }
                while low < digests.count, digests[low] == digest {
                    let candidate = wanted[low]
                    if candidate.root == rootOf[index], candidate.relative.elementsEqual(relative) {
                        found[candidate.path] = Int32(index)
                    }
                    low += 1
                }
            }
            return true
        }
        return ascii ? found : nil
    }

    private static func isASCII(_ raw: UnsafeRawBufferPointer) -> Bool {
        var high: UInt8 = 0
        for b in raw { high |= b }
        return high < 0x80
    }

    private func relativeBytes(_ index: Int) -> ArraySlice<UInt8> {
        let start = index == 0 ? 0 : Int(ends[index - 1])
        return bytes[start..<Int(ends[index])]
    }

    // MARK: - Building

    /// Adds a path prefix that entries can name; returns its number.
    mutating func addRoot(_ root: String) -> Int {
        if let known = roots.lastIndex(of: root) { return known }
        roots.append(root)
        return roots.count - 1
    }

    /// Adds an entry: `relative` under root number `root`.
    mutating func append(root: Int, relative: some Collection<UInt8>) {
        bytes.append(contentsOf: relative)
        ends.append(UInt32(bytes.count))
        rootOf.append(UInt32(root))
    }

    /// Adds a file named by its full path.
    mutating func append(path: String) {
        append(root: addRoot(""), relative: Array(path.utf8))
    }

    /// Adds the entries of `other` after these.
    mutating func append(contentsOf other: LibraryEntries) {
        let rootMap = other.roots.map { addRoot($0) }
        reserve(count: other.count, byteCount: other.bytes.count)
        for i in other.indices {
            append(root: rootMap[Int(other.rootOf[i])], relative: other.relativeBytes(i))
        }
    }

    /// Makes room for `count` more entries holding `byteCount` more bytes.
    mutating func reserve(count: Int, byteCount: Int) {
        bytes.reserveCapacity(bytes.count + byteCount)
        ends.reserveCapacity(ends.count + count)
        rootOf.reserveCapacity(rootOf.count + count)
    }
}

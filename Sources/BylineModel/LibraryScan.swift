#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

// MARK: - Listing

/// Walks folders with `opendir`/`readdir`.
struct Scan {
    var problems: [LibraryProblem] = []
    /// The relative paths of found entries, each NUL-terminated, back to back: the sort keys,
    /// in one allocation rather than one array per file.
    var keyBytes: [CChar] = []
    /// Where each entry's key starts in `keyBytes`.
    var found: [Int] = []
    /// The folder the keys are relative to, with its trailing `/`.
    var root = ""
    private var visited: Set<[UInt64]> = []

    /// Whether a file name is one the library lists: ends in `.txt` (any case) and is not hidden.
    static func isArticleName<S: StringProtocol>(_ name: S) -> Bool {
        let bytes = Array(name.utf8)
        let n = bytes.count
        guard n > 4, bytes[0] != 0x2E else { return false }
        return bytes[n - 4] == 0x2E && bytes[n - 3] | 0x20 == 0x74 && bytes[n - 2] | 0x20 == 0x78 && bytes[n - 1] | 0x20 == 0x74
    }

    static let dtUnknown: UInt8 = 0, dtDir: UInt8 = 4, dtReg: UInt8 = 8, dtLnk: UInt8 = 10

    mutating func folder(_ folder: String, recursive: Bool) throws(LibraryError) {
        guard let dir = opendir(folder) else {
            throw LibraryError("byline: cannot open folder \(TextSanitizer.sanitize(folder)): \(FileAccess.errorText())")
        }
        closedir(dir)
        root = folder.hasSuffix("/") ? folder : folder + "/"
        _ = markVisited(folder)
        walk(folder, prefix: [], recursive: recursive, depth: 0)
    }

    /// Records a directory's device and inode; false when it was seen already (a loop).
    private mutating func markVisited(_ path: String) -> Bool {
        var st = stat()
        guard stat(path, &st) == 0 else { return false }
        return visited.insert([UInt64(st.st_dev), UInt64(st.st_ino)]).inserted
    }

    private static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// Where a `dirent`'s name starts.
    private static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!

    private mutating func walk(_ folder: String, prefix: [CChar], recursive: Bool, depth: Int) {
        guard let dir = opendir(folder) else {
            problems.append(LibraryProblem(path: folder, reason: FileAccess.errorText()))
            return
        }
        defer { closedir(dir) }
        var subfolders: [(String, [CChar])] = []
        while let ent = readdir(dir) {
            let type = ent.pointee.d_type
            // Name bytes with their NUL (the sort key), skipping hidden and non-.txt names early;
            // read in place (valid until the next readdir), not copied into an array of their own.
            let c = UnsafeRawPointer(ent).advanced(by: Self.nameOffset).assumingMemoryBound(to: CChar.self)
            let len = strlen(c)
            guard len > 0, c[0] != 0x2E else { continue }  // ".", "..", hidden
            let isTxt = len > 4 && c[len - 4] == 0x2E && (c[len - 3] | 0x20) == 0x74
                && (c[len - 2] | 0x20) == 0x78 && (c[len - 1] | 0x20) == 0x74
            guard isTxt || recursive else { continue }
            let withNUL = UnsafeBufferPointer(start: c, count: len + 1)
            let nameBytes = withNUL.dropLast()
            // The full path as a string only where it is needed: a regular .txt file needs none.
            var path: String { Self.join(folder, String(decoding: nameBytes.map { UInt8(bitPattern: $0) }, as: UTF8.self)) }
            var kind: UInt8 = type
            if type == Self.dtLnk || type == Self.dtUnknown {
                switch FileAccess.kind(path) {
                case .regular: kind = Self.dtReg
                case .directory: kind = Self.dtDir
                case .other:
                    if isTxt { problems.append(LibraryProblem(path: path, reason: "not a regular file")) }
                    continue
                case .missing(let reason):
                    if isTxt { problems.append(LibraryProblem(path: path, reason: reason)) }
                    continue
                }
            }
            switch kind {
            case Self.dtReg where isTxt:
                found.append(keyBytes.count)
                if !prefix.isEmpty { keyBytes.append(contentsOf: prefix) }
                keyBytes.append(contentsOf: withNUL)
            case Self.dtDir:
                if recursive {
                    subfolders.append((path, prefix + nameBytes + [0x2F]))
                } else if isTxt {
                    problems.append(LibraryProblem(path: path, reason: "is a directory"))
                }
            default:
                if isTxt && kind != Self.dtReg {
                    problems.append(LibraryProblem(path: path, reason: "not a regular file"))
                }
            }
        }
        for (path, sub) in subfolders {
            guard depth < 64 else {
                problems.append(LibraryProblem(path: path, reason: "folders nested too deeply"))
                continue
            }
            guard markVisited(path) else {
                problems.append(LibraryProblem(path: path, reason: "folder already listed (link loop)"))
                continue
            }
            walk(path, prefix: sub, recursive: true, depth: depth + 1)
        }
    }

    /// Found entries in the natural order of their relative path (see ``NaturalOrder``).
    func sortedEntries() -> LibraryEntries {
        var entries = LibraryEntries()
        let rootNumber = entries.addRoot(root)
        guard !found.isEmpty else { return entries }
        entries.reserve(count: found.count, byteCount: keyBytes.count - found.count)
        keyBytes.withUnsafeBufferPointer { k in
            let base = UnsafeRawPointer(k.baseAddress!)
            // Each key as (start, length, leading key), measured once rather than at every
            // comparison; the leading keys decide most comparisons (the same order).
            let keyed = found.map { start -> (Int, Int, UInt64) in
                let length = strlen(k.baseAddress! + start)
                return (start, length, NaturalOrder.leadingKey(UnsafeRawBufferPointer(start: base + start, count: length)))
            }
            let order = Self.sortedByKey(keyed) { a, b in
                NaturalOrder.precedes(UnsafeRawBufferPointer(start: base + a.0, count: a.1),
                                      UnsafeRawBufferPointer(start: base + b.0, count: b.1))
            }
            for (start, length, _) in order {
                entries.append(root: rootNumber, relative: UnsafeRawBufferPointer(start: base + start, count: length))
            }
        }
        return entries
    }

    /// `items` in the order of their keys (`.2`), items with equal keys by `tie`: a radix sort
    /// of the keys 11 bits at a time (a digit all keys share is skipped: 10,000 numbered names
    /// need two passes), then each run of equal keys sorted by `tie`. The same order as sorting
    /// by key, then `tie`, with a comparison (4.5 M instructions at 10,000 names, against
    /// 1.9 M).
    static func sortedByKey(_ items: [(Int, Int, UInt64)], tie: ((Int, Int, UInt64), (Int, Int, UInt64)) -> Bool) -> [(Int, Int, UInt64)] {
        let n = items.count
        guard n > 1 else { return items }
        let bits = 11, buckets = 1 << bits, passes = (64 + bits - 1) / bits
        let mask = UInt64(buckets - 1)
        var counts = [Int](repeating: 0, count: buckets * passes)
        var current = items
        var next = items
        counts.withUnsafeMutableBufferPointer { counts in
            for item in items {
                var key = item.2
                for pass in 0..<passes {
                    counts[pass * buckets + Int(key & mask)] += 1
                    key >>= UInt64(bits)
                }
            }
            for pass in 0..<passes {
                let first = pass * buckets
                let shift = UInt64(pass * bits)
                if counts[first + Int((current[0].2 >> shift) & mask)] == n { continue }  // every key has this digit
                var at = 0
                for b in first..<(first + buckets) {
                    let c = counts[b]
                    counts[b] = at
                    at += c
                }
                current.withUnsafeBufferPointer { from in
                    next.withUnsafeMutableBufferPointer { to in
                        for item in from {
                            let b = first + Int((item.2 >> shift) & mask)
                            to[counts[b]] = item
                            counts[b] += 1
                        }
                    }
                }
                swap(&current, &next)
            }
        }
        var start = 0
        while start < n {
            var end = start + 1
            while end < n && current[end].2 == current[start].2 { end += 1 }
            if end - start > 1 { current[start..<end].sort(by: tie) }
            start = end
        }
        return current
    }

    /// Can this explicitly named file be read? If not, a problem says why.
    mutating func file(_ path: String) -> Bool {
        switch FileAccess.kind(path) {
        case .regular:
            return true
        case .directory:
            problems.append(LibraryProblem(path: path, reason: "is a directory"))
        case .other:
            problems.append(LibraryProblem(path: path, reason: "not a regular file"))
        case .missing(let reason):
            problems.append(LibraryProblem(path: path, reason: reason))
        }
        return false
    }
}

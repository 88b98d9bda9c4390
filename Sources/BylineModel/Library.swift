#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization

/// One article file of a library.
public struct LibraryEntry: Sendable, Equatable {
    /// File name without `.txt`.
    public let id: String
    public let path: String

    public init(id: String, path: String) {
        self.id = id
        self.path = path
    }
}

/// A file the library skipped or could not read, and why.
public struct LibraryProblem: Sendable, Equatable {
    public let path: String
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}

/// Why a library could not be opened at all: one line naming the path.
public struct LibraryError: Error, CustomStringConvertible, Sendable, Equatable {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// The articles of a folder (or of given files), read lazily.
///
/// Opening lists file names only (`opendir`/`readdir`, no `stat` when the directory entry says
/// "regular file"), so a folder of 100,000 files opens at once. Headlines are read from the
/// first 8 KB of a file when first asked for and remembered; bodies are parsed on demand and
/// kept in a small LRU cache (`cacheCapacity` articles). Entries are ordered by the bytes of
/// their (relative) path. Hidden files (names starting with `.`) are left out.
///
/// Entries that cannot be used (a directory named `x.txt`, a dangling link or link loop, a
/// FIFO) are listed in `problems`; files found to be binary or unreadable when read are added
/// there too. Nothing here throws or crashes after `init`.
public final class Library: Sendable {
    /// Articles kept parsed at most.
    public static let cacheCapacity = 64
    /// Bytes read for a headline.
    public static let headlineBytes = 8192
    /// Bytes per word for the estimate before a file is parsed.
    public static let bytesPerWord = 6

    public let entries: LibraryEntries
    private let initialProblems: [LibraryProblem]
    private let state: Mutex<State>

    private struct State: Sendable {
        var headlines: [String?]
        /// File sizes (capped) and word counts, -1 until known; 32 bits, for 100,000 entries.
        var sizes: [Int32]
        var words: [Int32]
        var unreadable: Set<Int> = []
        var cache: [Int: Article] = [:]
        var recent: [Int] = []
        var lazyProblems: [LibraryProblem] = []
        var problemPaths: Set<String> = []

        mutating func addProblem(_ p: LibraryProblem) {
            if problemPaths.insert(p.path).inserted { lazyProblems.append(p) }
        }
    }

    private init(entries: LibraryEntries, problems: [LibraryProblem]) {
        self.entries = entries
        self.initialProblems = problems
        let n = entries.count
        self.state = Mutex(State(headlines: Array(repeating: nil, count: n),
                                 sizes: Array(repeating: -1, count: n),
                                 words: Array(repeating: -1, count: n),
                                 problemPaths: Set(problems.map(\.path))))
    }

    /// The `*.txt` files of `folder` (and of its subfolders when `recursive`).
    public convenience init(folder: String, recursive: Bool = false) throws(LibraryError) {
        var scan = Scan()
        try scan.folder(folder, recursive: recursive)
        self.init(entries: scan.sortedEntries(), problems: scan.problems)
    }

    /// Exactly these files, in this order. A missing or unusable one becomes a problem; only
    /// when none of them can be used (and some were given) does this throw.
    public convenience init(files: [String]) throws(LibraryError) {
        var scan = Scan()
        var entries = LibraryEntries()
        for f in files where scan.file(f) { entries.append(path: f) }
        if entries.isEmpty, let first = scan.problems.first {
            throw LibraryError("byline: cannot open file \(TextSanitizer.sanitize(first.path)): \(first.reason)")
        }
        self.init(entries: entries, problems: scan.problems)
    }

    /// Any mix of folders and files, in argument order (each folder's files sorted).
    /// Throws only when nothing given can be opened.
    public convenience init(paths: [String], recursive: Bool = false) throws(LibraryError) {
        var scan = Scan()
        var entries = LibraryEntries()
        var firstError: LibraryError?
        var anyOpened = false
        var seen: Set<String> = []
        for p in paths where seen.insert(p).inserted {
            if case .directory = FileAccess.kind(p) {
                var sub = Scan()
                do {
                    try sub.folder(p, recursive: recursive)
                    anyOpened = true
                    entries.append(contentsOf: sub.sortedEntries())
                    scan.problems += sub.problems
                } catch {
                    firstError = firstError ?? error
                    scan.problems.append(LibraryProblem(path: p, reason: Self.reasonPart(error)))
                }
            } else if scan.file(p) {
                anyOpened = true
                entries.append(path: p)
            } else if firstError == nil, let last = scan.problems.last {
                let what = p.hasSuffix(".txt") ? "file" : "folder"
                firstError = LibraryError("byline: cannot open \(what) \(TextSanitizer.sanitize(p)): \(last.reason)")
            }
        }
        if !anyOpened, let firstError { throw firstError }
        self.init(entries: entries, problems: scan.problems)
    }

    private static func reasonPart(_ e: LibraryError) -> String {
        if let r = e.description.range(of: ": ", options: .backwards) { return String(e.description[r.upperBound...]) }
        return e.description
    }

    // MARK: - Reading

    public var count: Int { entries.count }

    /// Problems found while listing, plus those found later when files were read.
    public var problems: [LibraryProblem] {
        initialProblems + state.withLock { $0.lazyProblems }
    }

    /// How many problems there are, without copying them (the status line asks every frame).
    public var problemCount: Int {
        initialProblems.count + state.withLock { $0.lazyProblems.count }
    }

    /// The sanitised headline of entry `index`, from the first few KB of the file; remembered.
    /// For an unreadable file, its id.
    public func headline(at index: Int) -> String {
        guard entries.indices.contains(index) else { return "" }
        if let h = state.withLock({ $0.headlines[index] }) { return h }
        let entry = entries[index]
        let headline: String
        var problem: LibraryProblem?
        var size = -1
        switch FileAccess.read(entry.path, limit: Self.headlineBytes) {
        case .failure(let f):
            headline = ArticleParser.placeholderHeadline(id: entry.id)
            problem = LibraryProblem(path: entry.path, reason: f.reason)
        case .success(let r):
            size = r.size
            switch Self.headline(prefix: r.data, id: entry.id, complete: r.complete) {
            case .headline(let h): headline = h
            case .unreadable(let reason):
                headline = ArticleParser.placeholderHeadline(id: entry.id)
                problem = LibraryProblem(path: entry.path, reason: reason)
            }
        }
        return state.withLock { s in
            if let h = s.headlines[index] { return h }
            s.headlines[index] = headline
            if size >= 0 { s.sizes[index] = Int32(clamping: size) }
            if let problem {
                s.unreadable.insert(index)
                s.addProblem(problem)
            }
            return headline
        }
    }

    /// The headline from a file's first bytes: the same result as
    /// `ArticleParser.headline(prefix:id:complete:)` on the whole prefix, but only the first
    /// non-blank line is decoded and sanitised when the prefix is plain UTF-8 text (no byte order
    /// mark, not binary, no escape, C1 control or `&` before that line ends). Anything else takes
    /// the full path, so the list and the article always agree.
    static func headline(prefix data: Data, id: String, complete: Bool) -> ArticleParser.HeadlineRead {
        if let cut = plainFirstLineEnd(data, complete: complete) {
            let read = ArticleParser.headline(prefix: data.prefix(cut), id: id, complete: true)
            // A URL or date first line is metadata: the headline is further down.
            if case .headline(let h) = read, h != ArticleParser.placeholderHeadline(id: id), Metadata.kind(of: h) == nil { return read }
        }
        return ArticleParser.headline(prefix: data, id: id, complete: complete)
    }

    /// Where the first line holding a visible byte ends (after its `\n`), when the bytes up to
    /// there can be decoded on their own exactly as the whole prefix would be; else nil.
    static func plainFirstLineEnd(_ data: Data, complete: Bool) -> Int? {
        let bytes = complete ? data : TextDecoding.trimCutUTF8(data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return nil
        }
        if TextDecoding.binaryReason(bytes) != nil { return nil }
        // The decoder picks UTF-8 or Windows-1252 from the whole prefix: only take the short
        // path when the whole prefix is valid UTF-8 (then so is every line of it).
        guard String(validating: bytes, as: UTF8.self) != nil else { return nil }
        return bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Int? in
            var visible = false
            var previous: UInt8 = 0
            for (i, b) in raw.enumerated() {
                // Escape sequences (raw, or made by an entity such as `&#27;`) may run across lines.
                if b == 0x1B || b == 0x26 { return nil }
                if previous == 0xC2 && b >= 0x80 && b <= 0x9F { return nil }  // C1 controls (CSI, OSC...)
                if previous == 0xC2 && b == 0xBF { return nil }  // ¿, repaired by the whole line's shape
                if b == 0x0A {
                    if visible { return i + 1 }
                } else if b > 0x20 {
                    visible = true
                }
                previous = b
            }
            return nil
        }
    }

    /// Reading minutes: exact once the article was parsed, else estimated from the file size
    /// (`bytesPerWord` bytes a word). 0 for an unreadable file.
    public func estimatedMinutes(at index: Int) -> Int {
        guard entries.indices.contains(index) else { return 0 }
        let known = state.withLock { s -> (words: Int32, size: Int32, bad: Bool) in
            (s.words[index], s.sizes[index], s.unreadable.contains(index))
        }
        if known.bad { return 0 }
        if known.words >= 0 { return Article.readingMinutes(words: Int(known.words)) }
        var size = Int(known.size)
        if size < 0 {
            if case .regular(let sz) = FileAccess.kind(entries.path(at: index)) {
                size = sz
                state.withLock { $0.sizes[index] = Int32(clamping: sz) }
            } else {
                return 0
            }
        }
        return Article.readingMinutes(words: min(size, TextDecoding.byteCap) / Self.bytesPerWord)
    }

    /// The parsed article of entry `index`: parsed on first use and kept in a bounded cache.
    /// A file that vanished, shrank or cannot be read gives an unreadable article with a reason.
    public func article(at index: Int) -> Article {
        guard entries.indices.contains(index) else {
            return ArticleParser.unreadable(id: "", path: "", reason: "no such entry")
        }
        if let hit = state.withLock({ s -> Article? in
            guard let a = s.cache[index] else { return nil }
            if let k = s.recent.lastIndex(of: index) { s.recent.remove(at: k) }
            s.recent.append(index)
            return a
        }) { return hit }

        let entry = entries[index]
        let article: Article
        switch FileAccess.read(entry.path, limit: TextDecoding.byteCap + 1) {
        case .failure(let f):
            article = ArticleParser.unreadable(id: entry.id, path: entry.path, reason: f.reason)
        case .success(let r):
            article = ArticleParser.parse(data: r.data, id: entry.id, path: entry.path)
        }
        return state.withLock { s in
            if let a = s.cache[index] { return a }
            s.cache[index] = article
            s.recent.append(index)
            if s.recent.count > Self.cacheCapacity {
                let old = s.recent.removeFirst()
                s.cache[old] = nil
            }
            s.headlines[index] = article.headline
            s.words[index] = Int32(clamping: article.words)
            if let reason = article.unreadableReason {
                s.unreadable.insert(index)
                s.addProblem(LibraryProblem(path: entry.path, reason: reason))
            } else {
                s.unreadable.remove(index)
            }
            return article
        }
    }

    /// Forgets what was read of entry `index` (after the file changed).
    public func invalidate(at index: Int) {
        guard entries.indices.contains(index) else { return }
        state.withLock { s in
            s.cache[index] = nil
            s.recent.removeAll { $0 == index }
            s.headlines[index] = nil
            s.words[index] = -1
            s.sizes[index] = -1
            s.unreadable.remove(index)
        }
    }

    /// How many parsed articles are cached now (for tests and diagnostics).
    public var cachedArticleCount: Int { state.withLock { $0.cache.count } }
}

// MARK: - Listing

/// Walks folders with `opendir`/`readdir`.
private struct Scan {
    var problems: [LibraryProblem] = []
    /// The relative paths of found entries, each NUL-terminated, back to back: the sort keys,
    /// in one allocation rather than one array per file.
    var keyBytes: [CChar] = []
    /// Where each entry's key starts in `keyBytes`.
    var found: [Int] = []
    /// The folder the keys are relative to, with its trailing `/`.
    var root = ""
    private var visited: Set<[UInt64]> = []

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

    private mutating func walk(_ folder: String, prefix: [CChar], recursive: Bool, depth: Int) {
        guard let dir = opendir(folder) else {
            problems.append(LibraryProblem(path: folder, reason: FileAccess.errorText()))
            return
        }
        defer { closedir(dir) }
        var subfolders: [(String, [CChar])] = []
        while let ent = readdir(dir) {
            let type = ent.pointee.d_type
            // Name bytes with their NUL (the sort key), skipping hidden and non-.txt names early.
            let named: (bytes: [CChar], isTxt: Bool)? = withUnsafePointer(to: &ent.pointee.d_name) { p in
                p.withMemoryRebound(to: CChar.self, capacity: 256) { c -> ([CChar], Bool)? in
                    let len = strlen(c)
                    guard len > 0, c[0] != 0x2E else { return nil }  // ".", "..", hidden
                    let isTxt = len > 4 && c[len - 4] == 0x2E && (c[len - 3] | 0x20) == 0x74
                        && (c[len - 2] | 0x20) == 0x78 && (c[len - 1] | 0x20) == 0x74
                    guard isTxt || recursive else { return nil }
                    return (Array(UnsafeBufferPointer(start: c, count: len + 1)), isTxt)
                }
            }
            guard let named else { continue }
            let isTxt = named.isTxt
            let nameBytes = named.bytes.dropLast()
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
                keyBytes.append(contentsOf: prefix)
                keyBytes.append(contentsOf: named.bytes)
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

    /// Found entries in byte order of their relative path.
    func sortedEntries() -> LibraryEntries {
        var entries = LibraryEntries()
        guard !found.isEmpty else { return entries }
        var order = found
        keyBytes.withUnsafeBufferPointer { k in
            let base = k.baseAddress!
            order.sort { a, b in strcmp(base + a, base + b) < 0 }
        }
        let rootNumber = entries.addRoot(root)
        entries.reserve(count: found.count, byteCount: keyBytes.count - found.count)
        keyBytes.withUnsafeBufferPointer { k in
            for start in order {
                let length = strlen(k.baseAddress! + start)
                entries.append(root: rootNumber, relative: UnsafeRawBufferPointer(start: k.baseAddress! + start, count: length))
            }
        }
        return entries
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

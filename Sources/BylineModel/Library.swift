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

/// The articles of a folder (or of given files), read lazily, and kept up to date as the
/// folder changes.
///
/// Opening lists file names only (`opendir`/`readdir`, no `stat` when the directory entry says
/// "regular file"), so a folder of 100,000 files opens at once. Each file gets an
/// ``ArticleID``; files that appear later (``apply(_:)``) get new ones, and a deleted file's
/// identity stays reserved for it. Entries are listed by the bytes of their relative path.
/// Hidden files (names starting with `.`) are left out.
///
/// Two kinds of access:
/// - **Reading** (``readHeadline(_:)``, ``article(_:)``) opens files. Only workers and command-line
///   tools call these; what they read is remembered.
/// - **Looking up** (``cachedHeadline(_:)``, ``cachedArticle(_:)``, ``readingTime(_:)``) never
///   touches the disk, so the reader's `update` and its panes can call them freely.
///
/// Headlines come from the first 8 KB of a file; bodies are parsed on demand and kept in a small
/// LRU cache (`cacheCapacity` articles). Entries that cannot be used (a directory named `x.txt`,
/// a dangling link or link loop, a FIFO) are listed in `problems`; files found to be binary or
/// unreadable when read are added there too. Nothing here throws or crashes after `init`.
public final class Library: Sendable {
    /// Articles kept parsed at most.
    public static let cacheCapacity = 64
    /// Bytes read for a headline.
    public static let headlineBytes = 8192
    /// Bytes per word for the estimate before a file is parsed.
    public static let bytesPerWord = 6

    /// The folders the library lists (as given, with a trailing `/`), for watching.
    public let folders: [String]
    /// Files named on the command line, as given.
    public let namedFiles: [String]
    /// Whether subfolders are listed too.
    public let recursive: Bool
    private let initialProblems: [LibraryProblem]
    private let state: Mutex<State>
    /// Held while the path index is built (outside `state`'s lock): a second caller waits for
    /// that index rather than building another.
    private let pathIndexing = Mutex(())
    /// Where ``article(_:)`` looks for the article parsed before (the search index), if anywhere.
    private let parsedSource = Mutex<(any ParsedArticleSource)?>(nil)

    private struct State: Sendable {
        var entries: LibraryEntries
        /// False for an entry whose file is gone.
        var alive: [Bool]
        var headlines: PackedHeadlines
        /// File sizes (capped) and word counts, -1 until known; 32 bits, for 100,000 entries.
        var sizes: [Int32]
        var words: [Int32]
        /// When each file was last written (seconds since 1970), -1 until known.
        var mtimes: [Int64]
        var unreadable: Set<Int> = []
        /// True once the file was looked at (headline read, parsed or checked): whether it reads
        /// is known. A byte per entry.
        var checked: [Bool]
        /// Entries whose file is there and was not looked at.
        var uncheckedAlive: Int
        /// Where ``Library/checkNext(limit:)`` goes on from.
        var checkCursor = 0
        var cache: [Int: Article] = [:]
        var recent: [Int] = []
        /// Size and modification time of the file each cached article was parsed from.
        var stamps: [Int: FileStamp] = [:]
        var lazyProblems: [LibraryProblem] = []
        var problemPaths: Set<String> = []
        /// Full path to slot, built the first time the folder changes (or a path is looked up).
        var slotByPath: PathIndex?

        /// ``Library/readingTime(_:)`` of entry `i`.
        func readingTime(at i: Int) -> ReadingTime {
            guard entries.indices.contains(i) else { return .unknown }
            if !unreadable.isEmpty && unreadable.contains(i) { return .unreadable }
            if words[i] >= 0 { return .exact(Article.readingMinutes(words: Int(words[i]))) }
            if sizes[i] >= 0 {
                return .estimate(Article.readingMinutes(words: min(Int(sizes[i]), TextDecoding.byteCap) / Library.bytesPerWord))
            }
            return .unknown
        }

        init(entries: LibraryEntries, problems: [LibraryProblem]) {
            self.entries = entries
            let n = entries.count
            alive = Array(repeating: true, count: n)
            headlines = PackedHeadlines(count: n)
            sizes = Array(repeating: -1, count: n)
            words = Array(repeating: -1, count: n)
            mtimes = Array(repeating: -1, count: n)
            checked = Array(repeating: false, count: n)
            uncheckedAlive = n
            problemPaths = Set(problems.map(\.path))
        }

        mutating func record(_ facts: FileFacts, at slot: Int) {
            sizes[slot] = Int32(clamping: facts.size)
            mtimes[slot] = facts.modified
        }

        /// The slot of the entry with this full path (nil also before the path index is made).
        func slot(of path: String) -> Int32? { slotByPath?.slot(of: path, in: entries) }

        var sortKeys: SortKeys { SortKeys(entries: entries, sizes: sizes, mtimes: mtimes) }

        func precedes(_ a: Int, _ b: Int, _ order: ListOrder) -> Bool { sortKeys.precedes(a, b, order) }

        mutating func markChecked(_ slot: Int) {
            guard !checked[slot] else { return }
            checked[slot] = true
            if alive[slot] { uncheckedAlive -= 1 }
        }

        mutating func setAlive(_ slot: Int, _ value: Bool) {
            guard alive[slot] != value else { return }
            alive[slot] = value
            if !checked[slot] { uncheckedAlive += value ? 1 : -1 }
        }

        mutating func addProblem(_ p: LibraryProblem) {
            if problemPaths.insert(p.path).inserted { lazyProblems.append(p) }
        }

        mutating func forget(_ slot: Int) {
            cache[slot] = nil
            stamps[slot] = nil
            recent.removeAll { $0 == slot }
            headlines[slot] = nil
            words[slot] = -1
            sizes[slot] = -1
            mtimes[slot] = -1
            unreadable.remove(slot)
            if checked[slot] {
                checked[slot] = false
                if alive[slot] { uncheckedAlive += 1 }
            }
            let path = entries.path(at: slot)
            if problemPaths.remove(path) != nil { lazyProblems.removeAll { $0.path == path } }
        }
    }

    private init(entries: LibraryEntries, problems: [LibraryProblem], folders: [String], namedFiles: [String], recursive: Bool) {
        self.initialProblems = problems
        self.folders = folders
        self.namedFiles = namedFiles
        self.recursive = recursive
        self.state = Mutex(State(entries: entries, problems: problems))
    }

    /// The `*.txt` files of `folder` (and of its subfolders when `recursive`).
    public convenience init(folder: String, recursive: Bool = false) throws(LibraryError) {
        var scan = Scan()
        try scan.folder(folder, recursive: recursive)
        self.init(entries: scan.sortedEntries(), problems: scan.problems, folders: [scan.root], namedFiles: [], recursive: recursive)
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
        self.init(entries: entries, problems: scan.problems, folders: [], namedFiles: entries.indices.map { entries.path(at: $0) }, recursive: false)
    }

    /// Any mix of folders and files, in argument order (each folder's files sorted).
    /// Throws only when nothing given can be opened.
    public convenience init(paths: [String], recursive: Bool = false) throws(LibraryError) {
        var scan = Scan()
        var entries = LibraryEntries()
        var firstError: LibraryError?
        var anyOpened = false
        var seen: Set<String> = []
        var folders: [String] = []
        var files: [String] = []
        for p in paths where seen.insert(p).inserted {
            if case .directory = FileAccess.kind(p) {
                var sub = Scan()
                do {
                    try sub.folder(p, recursive: recursive)
                    anyOpened = true
                    entries.append(contentsOf: sub.sortedEntries())
                    scan.problems += sub.problems
                    folders.append(sub.root)
                } catch {
                    firstError = firstError ?? error
                    scan.problems.append(LibraryProblem(path: p, reason: Self.reasonPart(error)))
                }
            } else if scan.file(p) {
                anyOpened = true
                entries.append(path: p)
                files.append(p)
            } else if firstError == nil, let last = scan.problems.last {
                let what = p.hasSuffix(".txt") ? "file" : "folder"
                firstError = LibraryError("byline: cannot open \(what) \(TextSanitizer.sanitize(p)): \(last.reason)")
            }
        }
        if !anyOpened, let firstError { throw firstError }
        self.init(entries: entries, problems: scan.problems, folders: folders, namedFiles: files, recursive: recursive)
    }

    private static func reasonPart(_ e: LibraryError) -> String {
        if let r = e.description.range(of: ": ", options: .backwards) { return String(e.description[r.upperBound...]) }
        return e.description
    }

    // MARK: - Entries

    /// Entries ever listed, including those whose file has gone (see ``isPresent(_:)``).
    public var count: Int { state.withLock { $0.entries.count } }

    /// A copy of the entry table.
    public var entries: LibraryEntries { state.withLock { $0.entries } }

    /// The identity of entry `index` (its slot).
    public func id(at index: Int) -> ArticleID { ArticleID(slot: Int32(index)) }

    /// Every entry whose file is there, in table order (listing order, then later arrivals).
    public var presentIDs: [ArticleID] {
        state.withLock { s in
            var ids: [ArticleID] = []
            ids.reserveCapacity(s.entries.count)
            for slot in s.entries.indices where s.alive[slot] { ids.append(ArticleID(slot: Int32(slot))) }
            return ids
        }
    }

    /// `rows` (in `order`) with `new` merged in at their places in that order.
    public func merge(_ new: [ArticleID], into rows: [ArticleID], order: ListOrder = .name) -> [ArticleID] {
        guard !new.isEmpty else { return rows }
        return state.withLock { s in
            let incoming = new.sorted { s.precedes($0.index, $1.index, order) }
            var out: [ArticleID] = []
            out.reserveCapacity(rows.count + incoming.count)
            var k = 0
            for id in rows {
                while k < incoming.count && s.precedes(incoming[k].index, id.index, order) {
                    out.append(incoming[k])
                    k += 1
                }
                out.append(id)
            }
            out.append(contentsOf: incoming[k...])
            return out
        }
    }

    /// `ids` in `order`. Sorting by time or size needs them known: call ``statAll()`` first
    /// (both are for a worker: this sorts the whole list).
    public func sorted(_ ids: [ArticleID], by order: ListOrder) -> [ArticleID] {
        // Sort a copy, so the reader's own look-ups do not wait for the lock meanwhile.
        let keys = state.withLock { $0.sortKeys }
        return ids.sorted { keys.precedes($0.index, $1.index, order) }
    }

    /// What the list is sorted by, per entry.
    struct SortKeys {
        var entries: LibraryEntries
        var sizes: [Int32]
        var mtimes: [Int64]

        /// Listing order, or `order`'s (ties in listing order). Unknown times count as newest
        /// (a file just changed), unknown sizes as empty.
        func precedes(_ a: Int, _ b: Int, _ order: ListOrder) -> Bool {
            switch order {
            case .name:
                break
            case .newest:
                let ta = mtimes[a] < 0 ? Int64.max : mtimes[a], tb = mtimes[b] < 0 ? Int64.max : mtimes[b]
                if ta != tb { return ta > tb }
            case .longest:
                if sizes[a] != sizes[b] { return sizes[a] > sizes[b] }
            }
            return entries.precedes(a, b)
        }
    }

    /// Looks up the size and time of every file whose are not known (a `stat` each). For a worker.
    public func statAll() {
        let missing = state.withLock { s in s.entries.indices.filter { s.alive[$0] && s.mtimes[$0] < 0 }.map { ($0, s.entries.path(at: $0)) } }
        var found: [(Int, FileFacts)] = []
        found.reserveCapacity(missing.count)
        for (slot, path) in missing {
            if let facts = FileAccess.facts(path) { found.append((slot, facts)) }
        }
        state.withLock { s in
            for (slot, facts) in found where s.mtimes[slot] < 0 { s.record(facts, at: slot) }
        }
    }

    /// When the article's file was last written (seconds since 1970), if known.
    public func modified(_ id: ArticleID) -> Int64? {
        state.withLock { s in s.mtimes.indices.contains(id.index) && s.mtimes[id.index] >= 0 ? s.mtimes[id.index] : nil }
    }

    /// Whether the article's file is there (false once it was deleted).
    public func isPresent(_ id: ArticleID) -> Bool {
        state.withLock { $0.alive.indices.contains(id.index) && $0.alive[id.index] }
    }

    /// The article's full path.
    public func path(of id: ArticleID) -> String { state.withLock { $0.entries.path(at: id.index) } }

    /// The article's path relative to its folder (as given, for a file named in full): its
    /// identity across sessions.
    public func relativePath(of id: ArticleID) -> String { state.withLock { $0.entries.relativePath(at: id.index) } }

    /// The folder the article was found in, with a trailing `/` ("" for a file named in full).
    public func folder(of id: ArticleID) -> String { state.withLock { $0.entries.root(at: id.index) } }

    /// For going through many articles folder by folder, under one lock: each article's
    /// folder as a number (-1 for an article the library does not hold; ``folder(number:)``
    /// gives its path) and whether its file is present.
    public func folderNumbers(_ ids: [ArticleID]) -> [(folder: Int32, present: Bool)] {
        state.withLock { s in
            ids.map { id in
                guard s.entries.indices.contains(id.index) else { return (-1, false) }
                return (Int32(s.entries.rootNumber(at: id.index)), s.alive.indices.contains(id.index) && s.alive[id.index])
            }
        }
    }

    /// The path of the folder numbered `number` by ``folderNumbers(_:)`` (as ``folder(of:)``
    /// gives it).
    public func folder(number: Int32) -> String { state.withLock { $0.entries.root(number: Int(number)) } }

    /// The article's file name without `.txt`.
    public func name(of id: ArticleID) -> String { state.withLock { $0.entries.id(at: id.index) } }

    /// Problems found while listing, plus those found later when files were read.
    public var problems: [LibraryProblem] {
        initialProblems + state.withLock { $0.lazyProblems }
    }

    /// How many problems there are, without copying them (the status line asks every frame).
    public var problemCount: Int {
        initialProblems.count + state.withLock { $0.lazyProblems.count }
    }

    /// Files that are there and were never looked at, so whether they read is not known:
    /// ``problemCount`` is a lower bound until this is 0 (see ``checkNext(limit:)``).
    public var uncheckedCount: Int { state.withLock { $0.uncheckedAlive } }

    // MARK: - Looking up (never touches the disk)

    /// The headline, if it was read.
    public func cachedHeadline(_ id: ArticleID) -> String? {
        state.withLock { $0.headlines.indices.contains(id.index) ? $0.headlines[id.index] : nil }
    }

    /// Whether the headline was read, without making its string.
    public func hasCachedHeadline(_ id: ArticleID) -> Bool {
        state.withLock { $0.headlines.indices.contains(id.index) && $0.headlines.has(id.index) }
    }

    /// The entries among `ids` (in their order) whose headline was not read, looked up under
    /// one lock: the list asks this of its rows on screen at every move.
    public func withoutCachedHeadline(_ ids: ArraySlice<ArticleID>) -> [ArticleID] {
        state.withLock { s in
            ids.filter { !(s.headlines.indices.contains($0.index) && s.headlines.has($0.index)) }
        }
    }

    /// Whether the headline read is `text` (nil when none was read), compared without making
    /// its string: a list row drawn before from `text` is still right when this says so.
    public func cachedHeadline(_ id: ArticleID, is text: String) -> Bool? {
        state.withLock { $0.headlines.indices.contains(id.index) ? $0.headlines.matches(id.index, text) : nil }
    }

    /// What the list shows of a row besides its strings, as known without reading.
    public struct RowFacts: Sendable {
        public var time: ReadingTime
        /// When the file was last written (seconds since 1970), if known and asked for.
        public var modified: Int64?
        /// Whether the headline read is the text given for the row (nil when none was read or
        /// no text was given).
        public var headlineIs: Bool?
    }

    /// ``readingTime(_:)``, ``modified(_:)`` (when `modified`) and ``cachedHeadline(_:is:)`` of
    /// each of `ids` under one lock (the list asks them of its rows on screen every frame, a
    /// lock each cost about 6 k instructions a frame), into `facts` (made as long as `ids`, each
    /// element written over). `text` gives the headline to compare for the `k`th id, or nil; it
    /// is told the headlines' generation (``PackedHeadlines/generation``, also returned): a text
    /// found to be an entry's headline still is while that stays the same, so it need not be
    /// given again. `text` runs under the lock, so it must not call the library.
    @discardableResult
    public func rowFacts(_ ids: ArraySlice<ArticleID>, modified: Bool, into facts: inout [RowFacts],
                         text: (_ k: Int, _ generation: UInt64) -> String?) -> UInt64 {
        // Sized once and written in place (no append's checks a row): the list keeps the array
        // from frame to frame, so a frame with as many rows as the one before allocates nothing.
        if facts.count != ids.count {
            facts = Array(repeating: RowFacts(time: .unknown, modified: nil, headlineIs: nil), count: ids.count)
        }
        return facts.withUnsafeMutableBufferPointer { out in
            state.withLock { s in
                let generation = s.headlines.generation
                for (k, id) in ids.enumerated() {
                    let i = id.index
                    let time = s.readingTime(at: i)
                    let written = modified && s.mtimes.indices.contains(i) && s.mtimes[i] >= 0 ? s.mtimes[i] : nil
                    let headlineIs = text(k, generation).flatMap { s.headlines.indices.contains(i) ? s.headlines.matches(i, $0) : nil }
                    out[k] = RowFacts(time: time, modified: written, headlineIs: headlineIs)
                }
                return generation
            }
        }
    }

    /// The parsed article, if it is in the cache (and marks it recently used).
    public func cachedArticle(_ id: ArticleID) -> Article? {
        state.withLock { s in
            guard let a = s.cache[id.index] else { return nil }
            if let k = s.recent.lastIndex(of: id.index) { s.recent.remove(at: k) }
            s.recent.append(id.index)
            return a
        }
    }

    /// How long the article takes to read, as far as is known without reading more.
    public func readingTime(_ id: ArticleID) -> ReadingTime {
        state.withLock { $0.readingTime(at: id.index) }
    }

    /// The size and modification time of the file the cached article was parsed from.
    public func fileStamp(_ id: ArticleID) -> FileStamp? { state.withLock { $0.stamps[id.index] } }

    /// The article whose file has this full path (as the library spells it), if it is listed.
    /// Builds the path index on first use (see ``prepareForChanges()``).
    public func id(forPath path: String) -> ArticleID? {
        prepareForChanges()
        return state.withLock { s in s.slot(of: path).map { ArticleID(slot: $0) } }
    }

    /// ``id(forPath:)`` of each of `paths`, in order. Without a path index (none is built until
    /// a folder changes or a search's hits are looked up) ASCII paths are found in one pass
    /// over the packed paths, about 100 instructions a listed file, where building the index
    /// costs about 1,200 (a start with a state store looked its few saved paths up that way).
    public func ids(forPaths paths: [String]) -> [ArticleID?] {
        let slots = state.withLock { s -> [Int32?]? in
            if s.slotByPath != nil { return paths.map { s.slot(of: $0) } }
            return s.entries.slotsByScan(of: paths)
        }
        guard let slots else { return paths.map { id(forPath: $0) } }
        return slots.map { $0.map { ArticleID(slot: $0) } }
    }

    /// For the search index's check of every file: each listed article's path relative to its
    /// folder as a ``PathDigest`` of its string's UTF-8, and its file's size and modification
    /// time (`stat`, following links; nil when that fails), made from the packed paths without
    /// a string per article. The paths are copied a chunk at a time under the lock (not during
    /// the `stat`s), and each file is looked up from its folder's descriptor (`fstatat`), so
    /// no full path is put together.
    public func forEachFileStamp(_ ids: [ArticleID], _ body: (ArticleID, _ relativeDigest: UInt64, FileStamp?) -> Void) {
        struct Listed {
            var id: ArticleID
            var digest: UInt64
            var root: Int
            var start: Int
        }
        var folders = FolderDescriptors()
        defer { folders.closeAll() }
        var chunk: [Listed] = []
        var paths: [UInt8] = []
        var start = 0
        while start < ids.count {
            let end = min(ids.count, start + 256)
            chunk.removeAll(keepingCapacity: true)
            paths.removeAll(keepingCapacity: true)
            state.withLock { s in
                for id in ids[start..<end] where s.entries.indices.contains(id.index) {
                    let at = paths.count
                    let (root, digest) = s.entries.appendRelativePathAndDigest(at: id.index, to: &paths)
                    chunk.append(Listed(id: id, digest: digest, root: root, start: at))
                    if !folders.knows(root) { folders.note(root, s.entries.root(number: root)) }
                }
            }
            paths.withUnsafeBufferPointer { bytes in
                let base = UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self)
                for file in chunk {
                    var info = stat()
                    let found = folders.lookUp(base + file.start, in: file.root, &info)
                    let nanoseconds = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
                    body(file.id, file.digest, found ? FileStamp(size: Int64(info.st_size), modified: nanoseconds) : nil)
                }
            }
            start = end
        }
    }

    /// Whether the file was found unreadable (binary, or an I/O error) when it was read.
    public func isUnreadable(_ id: ArticleID) -> Bool { state.withLock { $0.unreadable.contains(id.index) } }

    // MARK: - Reading (opens files: for workers and command-line tools)

    /// The sanitised headline of an article, from the first few KB of its file; remembered.
    /// For an unreadable file, its name.
    public func readHeadline(_ id: ArticleID) -> String {
        let index = id.index
        let read = state.withLock { s -> (headline: String?, path: String, name: String)? in
            guard s.entries.indices.contains(index) else { return nil }
            return (s.headlines[index], s.entries.path(at: index), s.entries.id(at: index))
        }
        guard let read else { return "" }
        if let h = read.headline { return h }
        let headline: String
        var problem: LibraryProblem?
        var facts: FileFacts?
        switch FileAccess.read(read.path, limit: Self.headlineBytes) {
        case .failure(let f):
            headline = ArticleParser.placeholderHeadline(id: read.name)
            problem = LibraryProblem(path: read.path, reason: f.reason)
        case .success(let r):
            facts = FileFacts(size: r.size, modified: r.modified / 1_000_000_000)
            switch Self.headline(prefix: r.data, id: read.name, complete: r.complete) {
            case .headline(let h): headline = h
            case .unreadable(let reason):
                headline = ArticleParser.placeholderHeadline(id: read.name)
                problem = LibraryProblem(path: read.path, reason: reason)
            }
        }
        return state.withLock { s in
            if let h = s.headlines[index] { return h }
            s.headlines[index] = headline
            s.markChecked(index)
            if let facts { s.record(facts, at: index) }
            if let problem {
                s.unreadable.insert(index)
                s.addProblem(problem)
            }
            return headline
        }
    }

    /// The parsed article: parsed on first use and kept in a bounded cache. A file that
    /// vanished, shrank or cannot be read gives an unreadable article with a reason.
    ///
    /// With a ``ParsedArticleSource`` (``useParsedArticles(from:)``), the file is opened and
    /// `stat`ed, and the source asked for the article as the current parser made it from a file
    /// of exactly that size and modification time; it is parsed only when the source has none
    /// (or bytes that do not decode). A kept article that leaves its texts to the file is
    /// decoded with the file's bytes, read as for a parse. The source is asked outside the
    /// library's lock.
    public func article(_ id: ArticleID) -> Article {
        let index = id.index
        if let hit = cachedArticle(id) { return hit }
        guard let entry = state.withLock({ s -> LibraryEntry? in
            s.entries.indices.contains(index) ? s.entries[index] : nil
        }) else {
            return ArticleParser.unreadable(id: "", path: "", reason: "no such entry")
        }
        let (article, stamp, _) = Self.read(entry, id: id, source: parsedSource.withLock { $0 })
        let facts = stamp.map { FileFacts(size: Int($0.size), modified: $0.modified / 1_000_000_000) }
        return state.withLock { s in
            if let a = s.cache[index] { return a }
            s.cache[index] = article
            s.stamps[index] = stamp
            s.recent.append(index)
            if s.recent.count > Self.cacheCapacity {
                let old = s.recent.removeFirst()
                s.cache[old] = nil
                s.stamps[old] = nil
            }
            s.headlines[index] = article.headline
            s.markChecked(index)
            if let facts { s.record(facts, at: index) }
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

    /// Looks at up to `limit` files never looked at (their first bytes: can they be read?) and
    /// notes the unreadable ones as problems, keeping nothing else but their size: a byte per
    /// file of memory, whatever the library's size. Returns whether unchecked files remain.
    /// For a worker: it opens files.
    public func checkNext(limit: Int) -> Bool {
        let batch = state.withLock { s -> [(slot: Int, path: String)] in
            var out: [(Int, String)] = []
            var i = s.checkCursor
            var steps = 0
            while out.count < limit, s.uncheckedAlive > out.count, steps <= s.entries.count {
                if i >= s.entries.count { i = 0 }
                if s.alive[i] && !s.checked[i] { out.append((i, s.entries.path(at: i))) }
                i += 1
                steps += 1
            }
            s.checkCursor = i
            return out
        }
        for (slot, path) in batch {
            var problem: LibraryProblem?
            var facts: FileFacts?
            switch FileAccess.read(path, limit: Self.headlineBytes) {
            case .failure(let f):
                problem = LibraryProblem(path: path, reason: f.reason)
            case .success(let r):
                facts = FileFacts(size: r.size, modified: r.modified / 1_000_000_000)
                if let reason = Self.binaryReason(prefix: r.data) { problem = LibraryProblem(path: path, reason: reason) }
            }
            state.withLock { s in
                guard s.alive[slot], !s.checked[slot] else { return }  // read meanwhile, or gone
                if let facts { s.record(facts, at: slot) }
                if let problem {
                    s.unreadable.insert(slot)
                    s.addProblem(problem)
                }
                s.markChecked(slot)
            }
        }
        return state.withLock { $0.uncheckedAlive > 0 }
    }

    /// How many articles the subfolders of the library's folders hold, when the library does
    /// not list subfolders (for an empty list: "37 in subfolders"). For a worker: it walks them.
    public func articlesInSubfolders() -> Int {
        guard !recursive else { return 0 }
        var total = 0
        for folder in folders {
            var scan = Scan()
            guard (try? scan.folder(folder, recursive: true)) != nil else { continue }
            total += scan.found.count - count(under: scan.root)
        }
        return total
    }

    /// Entries listed directly in a folder.
    private func count(under root: String) -> Int {
        state.withLock { s in s.entries.indices.filter { s.alive[$0] && s.entries.root(at: $0) == root }.count }
    }

    /// Why a file's first bytes make it unreadable, as the headline read would find (a UTF-16
    /// byte order mark is text; otherwise NULs or mostly controls are binary).
    static func binaryReason(prefix data: Data) -> String? {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) { return nil }
        return TextDecoding.binaryReason(data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data)
    }

    /// Reads and parses an article without keeping it (for the search indexer, which reads
    /// every file once): the article, and the size and time of the file it was read from (nil
    /// when the file could not be read: the article is then unreadable, with the reason).
    public func readUncached(_ id: ArticleID) -> (article: Article, stamp: FileStamp?) {
        let read = readUncachedWithFile(id)
        return (read.article, read.stamp)
    }

    /// ``readUncached(_:)``, with the bytes read from the file (what the article was parsed
    /// from; empty when the file could not be read).
    public func readUncachedWithFile(_ id: ArticleID) -> (article: Article, stamp: FileStamp?, file: Data) {
        guard let entry = state.withLock({ s -> LibraryEntry? in
            s.entries.indices.contains(id.index) ? s.entries[id.index] : nil
        }) else {
            return (ArticleParser.unreadable(id: "", path: "", reason: "no such entry"), nil, Data())
        }
        return Self.read(entry)
    }

    /// Reads and parses an entry's file (the article, its file's size and time, and the bytes
    /// read, empty when the article was taken from `source`); with a `source`, takes the article
    /// from it instead when it has it for the file as it is now. A kept article that leaves its
    /// texts to the file (``ArticleModelCodec/encode(_:file:)``) is decoded with the bytes read,
    /// which are the bytes it was parsed from (same size and time); when they do not fit, the
    /// file is parsed.
    private static func read(_ entry: LibraryEntry, id: ArticleID? = nil, source: (any ParsedArticleSource)? = nil)
        -> (article: Article, stamp: FileStamp?, file: Data) {
        var stored: Article?
        var withFile: KeptArticle?
        let result = FileAccess.read(entry.path, limit: TextDecoding.byteCap + 1) { size, modified in
            guard let source, let id,
                  let kept = source.parsedArticle(id, stamp: FileStamp(size: Int64(size), modified: modified),
                                                  parser: ArticleParser.version)
            else { return false }
            if ArticleModelCodec.needsFile(kept.model) {
                withFile = kept
                return false
            }
            guard let article = try? ArticleModelCodec.decode(kept.model, body: kept.body, id: entry.id, path: entry.path)
            else { return false }
            stored = article
            return true
        }
        switch result {
        case .failure(let f):
            return (ArticleParser.unreadable(id: entry.id, path: entry.path, reason: f.reason), nil, Data())
        case .success(let r):
            let stamp = FileStamp(size: Int64(r.size), modified: r.modified)
            if r.skipped, let stored { return (stored, stamp, Data()) }
            if let withFile, let article = r.data.withUnsafeBytes({ file in
                try? ArticleModelCodec.decode(withFile.model, body: nil, file: file, id: entry.id, path: entry.path)
            }) {
                return (article, stamp, r.data)
            }
            return (ArticleParser.parse(data: r.data, id: entry.id, path: entry.path), stamp, r.data)
        }
    }

    /// Takes articles from `source` when it has them as the current parser makes them of the
    /// file as it is (see ``article(_:)``); nil stops asking. The reader hands it the search
    /// index once that is open.
    public func useParsedArticles(from source: (any ParsedArticleSource)?) {
        parsedSource.withLock { $0 = source }
    }

    /// ``readHeadline(_:)`` by position in the entry table.
    public func headline(at index: Int) -> String { readHeadline(id(at: index)) }

    /// ``article(_:)`` by position in the entry table.
    public func article(at index: Int) -> Article {
        guard index >= 0, index < count else { return ArticleParser.unreadable(id: "", path: "", reason: "no such entry") }
        return article(id(at: index))
    }

    /// Forgets what was read of an article (after its file changed).
    public func invalidate(_ id: ArticleID) {
        state.withLock { s in
            guard s.entries.indices.contains(id.index) else { return }
            s.forget(id.index)
        }
    }

    /// How many parsed articles are cached now (for tests and diagnostics).
    public var cachedArticleCount: Int { state.withLock { $0.cache.count } }

    // MARK: - Changes

    /// Makes the path index that ``apply(_:)`` needs; call it off the main thread first, since
    /// at 100,000 files it takes a few tens of milliseconds.
    /// It is built outside the library's lock (from the entries as they were), so the reader's
    /// thread is not held up meanwhile; if they changed before it is done, it is made again.
    public func prepareForChanges() {
        pathIndexing.withLock { _ in
            guard let entries = state.withLock({ $0.slotByPath == nil ? $0.entries : nil }) else { return }
            let index = PathIndex(entries)
            state.withLock { s in
                guard s.slotByPath == nil else { return }
                s.slotByPath = s.entries == entries ? index : PathIndex(s.entries)
            }
        }
    }

    /// Takes in what changed on disk: new files get identities, rewritten ones are forgotten
    /// (to be read again), deleted ones are marked gone. Returns what that did to the entries.
    public func apply(_ change: FolderChange) -> LibraryUpdate {
        prepareForChanges()
        return state.withLock { s in
            var result = LibraryUpdate()
            var seen = Set<Int32>()
            for path in change.present {
                if let slot = s.slot(of: path) {
                    seen.insert(slot)
                    let i = Int(slot)
                    if s.alive[i] {
                        s.forget(i)
                        result.modified.append(ArticleID(slot: slot))
                    } else {
                        s.setAlive(i, true)
                        s.forget(i)
                        result.added.append(ArticleID(slot: slot))
                    }
                    continue
                }
                guard let (folder, relative) = placement(of: path) else { continue }
                let root = s.entries.addRoot(folder)
                let slot = Int32(s.entries.count)
                s.entries.append(root: root, relative: Array(relative.utf8))
                s.alive.append(true)
                s.headlines.append()
                s.sizes.append(-1)
                s.words.append(-1)
                s.mtimes.append(-1)
                s.checked.append(false)
                s.uncheckedAlive += 1
                s.slotByPath?.insert(slot, path: path, in: s.entries)
                seen.insert(slot)
                result.added.append(ArticleID(slot: slot))
            }
            var gone = change.gone.compactMap { s.slot(of: $0) }
            if !change.goneFolders.isEmpty || change.complete {
                let prefixes = change.goneFolders.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
                for i in s.entries.indices where s.alive[i] {
                    let path = s.entries.path(at: i)
                    if prefixes.contains(where: { path.hasPrefix($0) }) || (change.complete && !seen.contains(Int32(i))) {
                        gone.append(Int32(i))
                    }
                }
            }
            for (path, facts) in change.facts {
                if let slot = s.slot(of: path), s.alive[Int(slot)] { s.record(facts, at: Int(slot)) }
            }
            for slot in gone where s.alive[Int(slot)] && !seen.contains(slot) {
                s.setAlive(Int(slot), false)
                s.forget(Int(slot))
                result.removed.append(ArticleID(slot: slot))
            }
            return result
        }
    }

    /// Which folder a new file's path belongs to, and its path relative to it; nil for a path
    /// the library does not list (another folder, a subfolder without `recursive`, a hidden name).
    private func placement(of path: String) -> (folder: String, relative: String)? {
        guard let name = path.split(separator: "/").last, Scan.isArticleName(name) else { return nil }
        for folder in folders where path.hasPrefix(folder) {
            let relative = String(path.dropFirst(folder.count))
            let parts = relative.split(separator: "/")
            guard !parts.isEmpty, parts.count == 1 || recursive else { continue }
            if parts.contains(where: { $0.hasPrefix(".") }) { continue }
            return (folder, relative)
        }
        return nil
    }

    /// The headline from a file's first bytes: the same result as
    /// `ArticleParser.headline(prefix:id:complete:)` on the whole prefix, but only the first
    /// non-blank line is decoded and sanitised when the prefix is plain UTF-8 text (no byte order
    /// mark, not binary, no escape, C1 control or `&` before that line ends). Anything else takes
    /// the full path, so the list and the article always agree.
    ///
    /// The common case (nothing but spaces and line feeds before the line, the line final text
    /// as ``TextDecoding/isFinalText(_:)`` says and plain as `ArticleParser.isPlainLine` says)
    /// is read straight from the line's bytes: the decoder would leave those bytes as they are,
    /// the lines before are blank, the line is not (its first byte is visible), and its collapsed
    /// form is itself; so the full read's `top(of:)` would find it, no URL or date, the headline.
    static func headline(prefix data: Data, id: String, complete: Bool) -> ArticleParser.HeadlineRead {
        switch plainFirstLine(data, complete: complete) {
        case .line(let line):
            // A URL or date first line is metadata: the headline is further down.
            if Metadata.kind(of: line) == nil { return .headline(ArticleParser.splitLongHeadline(line).headline) }
        case .cut(let cut):
            let read = ArticleParser.headline(prefix: data.prefix(cut), id: id, complete: true)
            if case .headline(let h) = read, h != ArticleParser.placeholderHeadline(id: id), Metadata.kind(of: h) == nil { return read }
        case nil:
            break
        }
        return ArticleParser.headline(prefix: data, id: id, complete: complete)
    }

    /// What ``plainFirstLine(_:complete:)`` found.
    enum PlainFirstLine: Equatable {
        /// The first line holding a visible byte, as the full read's `top(of:)` would collapse it.
        case line(String)
        /// Where that line ends (after its `\n`): the bytes up to there decode on their own
        /// exactly as the start of the whole prefix.
        case cut(Int)
    }

    /// Where the first line holding a visible byte ends (after its `\n`), when the bytes up to
    /// there can be decoded on their own exactly as the whole prefix would be; else nil.
    static func plainFirstLineEnd(_ data: Data, complete: Bool) -> Int? {
        data.withUnsafeBytes { firstLine($0, complete: complete)?.end }
    }

    /// ``plainFirstLineEnd(_:complete:)``, and the line itself when it can be read from its bytes.
    static func plainFirstLine(_ data: Data, complete: Bool) -> PlainFirstLine? {
        data.withUnsafeBytes { all -> PlainFirstLine? in
            guard let found = firstLine(all, complete: complete) else { return nil }
            guard found.simple else { return .cut(found.end) }
            let line = UnsafeRawBufferPointer(rebasing: all[found.start..<(found.end - 1)])
            // Lead bytes are spaces and line feeds (blank lines); the line's first byte is
            // visible (so the line is not blank); the line is final text (the decoder keeps it)
            // and plain (collapsing keeps it).
            guard TextDecoding.isFinalText(line), ArticleParser.isPlainLine(line.assumingMemoryBound(to: UInt8.self)),
                  !startsWithWideSpace(line) else { return .cut(found.end) }
            return .line(String(decoding: line.assumingMemoryBound(to: UInt8.self), as: UTF8.self))
        }
    }

    /// Whether well-formed UTF-8 `line` opens with a space `TextLines` counts as blank (only
    /// a scalar past ASCII can be one here: an ASCII first byte is visible).
    private static func startsWithWideSpace(_ line: UnsafeRawBufferPointer) -> Bool {
        guard let c = line.first, c >= 0x80 else { return false }
        let length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2
        var v = UInt32(c) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length { v = v << 6 | UInt32(line[k] & 0x3F) }
        return TextScan.isWideSpace(v)
    }

    /// The first line holding a visible byte in `all`: where it starts, where it ends (after its
    /// `\n`), and whether all before it is spaces and line feeds and its first byte is visible;
    /// nil unless the bytes up to its end decode on their own exactly as the whole prefix would.
    private static func firstLine(_ all: UnsafeRawBufferPointer, complete: Bool) -> (start: Int, end: Int, simple: Bool)? {
        // What the decoder reads: a character cut off at the end of a partial read dropped.
        let raw = UnsafeRawBufferPointer(rebasing: all[..<(complete ? all.count : TextDecoding.uncutCount(all))])
        if TextDecoding.startsWithByteOrderMark(raw) { return nil }
        var visible = false, ascii = true, simple = true
        var previous: UInt8 = 0
        var start = 0
        var end: Int?
        let n = raw.count
        var i = 0
        while i < n {
            if i + 8 <= n {
                // Eight bytes at a time while they are printable ASCII but `&` and DEL (none of
                // the bytes below matters then; a word of spaces is still not visible).
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if !TextDecoding.hasOddByte(w) {
                    if w != 0x2020_2020_2020_2020 {
                        if !visible && (raw[i] == 0x20 || i != start) { simple = false }
                        visible = true
                    }
                    previous = UInt8(truncatingIfNeeded: w >> 56)
                    i += 8
                    continue
                }
            }
            let b = raw[i]
            // Escape sequences (raw, or made by an entity such as `&#27;`) may run across lines.
            if b == 0x1B || b == 0x26 { return nil }
            if previous == 0xC2 && b >= 0x80 && b <= 0x9F { return nil }  // C1 controls (CSI, OSC...)
            if previous == 0xC2 && b == 0xBF { return nil }  // ¿, repaired by the whole line's shape
            if b == 0x0A {
                if visible { end = i + 1; break }
                start = i + 1
            } else if b > 0x20 {
                if !visible && i != start { simple = false }
                visible = true
                if b >= 0x80 { ascii = false }
            } else if !visible && b != 0x20 {
                simple = false
            }
            previous = b
            i += 1
        }
        guard let end else { return nil }
        if ascii {
            // The decoder reads ASCII bytes as themselves whether it takes the prefix as
            // UTF-8, as UTF-8 with bad bytes replaced, or as Windows-1252: an ASCII line
            // decodes alike on its own, and only whether the prefix is binary is asked (one
            // pass for control bytes, no UTF-8 check of the 8 KB).
            return TextDecoding.looksBinary(raw) ? nil : (start, end, simple)
        }
        // The decoder picks UTF-8 or Windows-1252 from the whole prefix: a line past ASCII
        // takes the short path only when the whole prefix is valid UTF-8 (then so is the line).
        if !TextDecoding.isCleanUTF8(raw) {
            if TextDecoding.binaryReason(Data(raw)) != nil { return nil }
            guard String(validating: raw.assumingMemoryBound(to: UInt8.self), as: UTF8.self) != nil else { return nil }
        }
        return (start, end, simple)
    }

}

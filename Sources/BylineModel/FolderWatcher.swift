#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Something happened to a path in a watched folder.
public struct FolderEvent: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// An article file was created, written, moved in, moved away or deleted: look at it.
        case file
        /// A subfolder appeared (created or moved in).
        case folderAdded
        /// A folder went away (deleted or moved out).
        case folderGone
        /// The kernel's event queue overflowed: anything may have changed.
        case overflow
    }

    public var kind: Kind
    /// Full path, as the library spells it.
    public var path: String

    public init(_ kind: Kind, _ path: String) {
        self.kind = kind
        self.path = path
    }
}

/// Watches a library's folders with inotify: one watch per folder (and per subfolder with
/// `recursive`), read through one descriptor that the reader's terminal waits on together with
/// the keyboard, so nothing here polls, sleeps or wakes up on its own.
///
/// Only names the library would list matter (`*.txt`, not hidden) and subfolders; editors' swap
/// files and the like are ignored. When the system's watch limit is reached (`ENOSPC`), the
/// watcher says so in ``note`` and watches what it could; when inotify is unavailable there is no
/// watcher at all (``start(library:watchLimit:)`` gives the reason).
public final class FolderWatcher: Sendable {
    /// The inotify descriptor: readable when events are waiting.
    public let descriptor: Int32
    private let state: Mutex<State>
    private let watchLimit: Int?
    private let recursive: Bool

    private struct State: Sendable {
        /// Watch descriptor to folder path (without a trailing `/`).
        var folders: [Int32: String] = [:]
        /// For folders watched only for files named in full: the names to report, and their paths.
        var namedFiles: [Int32: [String: String]] = [:]
        var watchCount = 0
        var exhausted = false
    }

    /// What inotify is asked to report for each folder.
    private static let mask = UInt32(IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_CLOSE_WRITE
                                     | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR | IN_EXCL_UNLINK)

    private init(descriptor: Int32, watchLimit: Int?, recursive: Bool) {
        self.descriptor = descriptor
        self.watchLimit = watchLimit
        self.recursive = recursive
        self.state = Mutex(State())
    }

    deinit { close(descriptor) }

    /// Starts watching every folder of the library. Returns the watcher (nil when inotify cannot be
    /// used at all) and a one-line note when not everything could be watched.
    /// - Parameter watchLimit: behave as if the system allowed only this many watches (a test
    ///   seam for running out of them).
    public static func start(library: Library, watchLimit: Int? = nil) -> (watcher: FolderWatcher?, note: String?) {
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else {
            return (nil, "Not watching the folder for changes: inotify is unavailable (\(FileAccess.errorText()))")
        }
        let watcher = FolderWatcher(descriptor: fd, watchLimit: watchLimit, recursive: library.recursive)
        var note: String?
        for folder in library.folders {
            note = watcher.watchTree(folder) ?? note
        }
        // Files named in full: watch their folders for those names only.
        var byFolder: [String: [String: String]] = [:]
        for file in library.namedFiles {
            let (folder, name) = Self.split(file)
            byFolder[folder, default: [:]][name] = file
        }
        for (folder, names) in byFolder.sorted(by: { $0.key < $1.key }) {
            switch watcher.addWatch(folder) {
            case .success(let wd):
                watcher.state.withLock { $0.namedFiles[wd, default: [:]].merge(names) { $1 } }
            case .failure(let reason):
                note = note ?? reason.reason
            }
        }
        if watcher.state.withLock({ $0.watchCount }) == 0 {
            return (nil, note)
        }
        return (watcher, note)
    }

    /// Watches a folder and, with `recursive`, every folder below it. Returns a note when the
    /// watch limit was reached.
    @discardableResult
    public func watchTree(_ folder: String) -> String? {
        var pending = [Self.trimmed(folder)]
        var note: String?
        var visited = 0
        while let next = pending.popLast() {
            visited += 1
            if case .failure(let reason) = addWatch(next) {
                note = note ?? reason.reason
                if state.withLock({ $0.exhausted }) { break }
                continue
            }
            guard recursive, visited < 100_000, let dir = opendir(next) else { continue }
            while let ent = readdir(dir) {
                let name = withUnsafePointer(to: &ent.pointee.d_name) { p in
                    p.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                }
                guard !name.hasPrefix(".") else { continue }
                let path = next + "/" + name
                var st = stat()
                if stat(path, &st) == 0, st.st_mode & S_IFMT == S_IFDIR { pending.append(path) }
            }
            closedir(dir)
        }
        return note
    }

    private func addWatch(_ folder: String) -> Result<Int32, WatchFailure> {
        let limited = state.withLock { s -> Bool in
            if let limit = watchLimit, s.watchCount >= limit { return true }
            return false
        }
        let wd: Int32
        var code: Int32 = 0
        if limited {
            wd = -1
            code = ENOSPC
        } else {
            wd = inotify_add_watch(descriptor, folder.isEmpty ? "." : folder, Self.mask)
            if wd < 0 { code = errno }
        }
        guard wd >= 0 else {
            if code == ENOSPC {
                state.withLock { $0.exhausted = true }
                return .failure(WatchFailure(reason: "Not watching: out of inotify watches (fs.inotify.max_user_watches)"))
            }
            return .failure(WatchFailure(reason: "Not watching \(TextSanitizer.sanitize(folder)): \(FileAccess.errorText(code))"))
        }
        state.withLock { s in
            if s.folders[wd] == nil { s.watchCount += 1 }
            s.folders[wd] = Self.trimmed(folder)
        }
        return .success(wd)
    }

    private struct WatchFailure: Error {
        var reason: String
    }

    /// How many folders are watched.
    public var watchCount: Int { state.withLock { $0.watchCount } }

    /// Reads every event waiting on the descriptor (never blocks) and says what they are about.
    public func readEvents() -> [FolderEvent] {
        var events: [FolderEvent] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            var offset = 0
            while offset + 16 <= n {
                let wd = buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: Int32.self) }
                let mask = buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self) }
                let length = Int(buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self) })
                let nameBytes = buffer[(offset + 16)..<min(n, offset + 16 + length)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                if let event = interpret(wd: wd, mask: mask, name: name) { events.append(event) }
                offset += 16 + length
            }
        }
        return events
    }

    private func interpret(wd: Int32, mask: UInt32, name: String) -> FolderEvent? {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 { return FolderEvent(.overflow, "") }
        return state.withLock { s -> FolderEvent? in
            guard let folder = s.folders[wd] else { return nil }
            if mask & UInt32(IN_IGNORED) != 0 {
                s.folders[wd] = nil
                s.namedFiles[wd] = nil
                s.watchCount -= 1
                return nil
            }
            if mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0 {
                return s.namedFiles[wd] == nil ? FolderEvent(.folderGone, folder) : nil
            }
            guard !name.isEmpty else { return nil }
            if let named = s.namedFiles[wd] {
                return named[name].map { FolderEvent(.file, $0) }
            }
            let path = folder.isEmpty ? name : folder + "/" + name
            if mask & UInt32(IN_ISDIR) != 0 {
                guard recursive, !name.hasPrefix(".") else { return nil }
                return mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 ? FolderEvent(.folderAdded, path) : FolderEvent(.folderGone, path)
            }
            return Scan.isArticleName(name) ? FolderEvent(.file, path) : nil
        }
    }

    private static func trimmed(_ folder: String) -> String {
        var f = folder
        while f.count > 1 && f.hasSuffix("/") { f.removeLast() }
        return f
    }

    private static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = String(path[..<slash])
        return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
    }
}

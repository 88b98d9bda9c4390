// A real state store, made once with the BylineStore API: the file the `store` target damages.
import BylineStore
import Foundation
import FuzzSupport
import Glibc

/// Where each input's folder is made: memory when it can (SQLite syncs every mark to disk,
/// which tmpfs makes free), else the temporary folder.
let scratchRoot: String = {
    let base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : (ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp")
    var template = Array("\(base)/byline-storefuzz-XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else { fatalError("fuzz setup: cannot make a folder in \(base)") }
    return String(cString: made)
}()

/// A fresh, empty folder inside the scratch root.
func freshFolder() -> String {
    var template = Array("\(scratchRoot)/in-XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else { fatalError("fuzz setup: cannot make a folder in \(scratchRoot)") }
    return String(cString: made)
}

/// Removes `folder` and everything in it (the store, its log, what was moved aside).
func removeFolder(_ folder: String) {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
    for name in names { unlink(folder + "/" + name) }
    rmdir(folder)
}

/// What the real store holds: two libraries with read marks, positions, a last selected
/// article and a sort order, written the way the reader writes them.
enum RealStore {
    static let libraries = ["/home/reader/news", "/srv/feeds/world"]

    /// The store file's bytes (checkpointed: no log beside it), made once.
    static let bytes: [UInt8] = {
        let folder = freshFolder()
        defer { removeFolder(folder) }
        let path = folder + "/state.sqlite3"
        let store = StateStore.open(.file(path), now: Date(timeIntervalSince1970: 1_790_000_000))
        guard store.mode == .saving else { fatalError("fuzz setup: a new store does not save: \(store.takeNotices())") }
        let when = Date(timeIntervalSince1970: 1_790_000_000)
        for (l, library) in libraries.enumerated() {
            var changes: [StateChange] = [.markRead((0..<60).map { "story-\($0).txt" }, at: when)]
            for i in stride(from: 0, to: 80, by: 3) {
                let signature = FileSignature(size: Int64(1000 + i), modified: 1_789_000_000_000_000_000 + Int64(i), contentHash: Int64(i) * 7919)
                changes.append(.position("story-\(i).txt", SavedPosition(position: ReadingPosition(block: i % 7, offset: i * 11),
                                                                          blockCount: 9, signature: signature, anchor: Int64(i) * -31)))
            }
            changes += [.markUnread(["story-5.txt"]), .lastSelected("story-\(l + 3).txt"), .sortOrder(l == 0 ? "newest" : nil)]
            guard store.apply(changes, library: library) else { fatalError("fuzz setup: the real store did not save") }
        }
        store.close()
        guard access(path + "-wal", F_OK) != 0, let data = FileManager.default.contents(atPath: path) else {
            fatalError("fuzz setup: the real store was not checkpointed")
        }
        return Array(data)
    }()
}

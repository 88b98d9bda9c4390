import Foundation

/// Moves an unusable store out of the way: `state.sqlite3` becomes
/// `state.sqlite3.corrupt-20261120T153012Z` (with `-2`, `-3` … if that name is taken), its
/// write-ahead log goes with it and its shared-memory index is removed. Nothing is deleted
/// that could hold data, so a user can look at the old file or move it back.
enum Quarantine {
    /// Renames the store at `path` aside; returns the new name.
    static func moveAside(_ path: String, now: Date) throws -> String {
        let stamp = timestamp(now)
        var target = "\(path).corrupt-\(stamp)"
        var counter = 2
        while entryExists(target) {
            target = "\(path).corrupt-\(stamp)-\(counter)"
            counter += 1
        }
        // The log goes first: killed half-way, a log left behind must never meet the fresh store
        // (SQLite would replay the old file's pages into it); a store left without its log is
        // still unusable, and is moved aside again next time.
        for suffix in ["-wal", "-journal"] where entryExists(path + suffix) {
            guard rename(path + suffix, target + suffix) == 0 else {
                throw StoreFault.cannotWrite("cannot rename \(path + suffix) aside: \(String(cString: strerror(errno)))")
            }
        }
        unlink(path + "-shm")
        guard rename(path, target) == 0 else {
            throw StoreFault.cannotWrite("cannot rename \(path) aside: \(String(cString: strerror(errno)))")
        }
        return target
    }

    /// `20261120T153012Z`: sortable, no colons (which some tools dislike in file names).
    static func timestamp(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
                      parts.tm_hour, parts.tm_min, parts.tm_sec)
    }

    /// Whether anything (a file, a folder, a dangling symlink) has this name.
    static func entryExists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }
}

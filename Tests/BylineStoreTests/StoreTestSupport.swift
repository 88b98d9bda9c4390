import Foundation
import GRDB
@testable import BylineStore

/// A fresh folder for a store file, removed by `cleanUp()` (read-only flags undone first).
struct StoreFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("byline-store-tests-\(getpid())-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// The store file's path in this folder.
    var store: String { path + "/state.sqlite3" }

    func file(_ name: String) -> String { path + "/" + name }

    /// Names in the folder, sorted.
    func names() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    /// Files that were moved aside.
    func asideNames() -> [String] {
        names().filter { $0.contains(".corrupt-") && !$0.hasSuffix("-wal") }
    }

    /// Makes the store with these articles marked read, and closes it.
    func seed(_ read: [String]) {
        let store = StateStore.open(.file(self.store))
        store.markRead(read, library: library)
        store.close()
    }

    func cleanUp() {
        ReadOnlyFolder.undo(path)
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// A folder this process cannot write to: `chmod 555` for a normal user; for root (whom
/// permissions do not stop) the immutable flag (`chattr +i`), which stops even root.
enum ReadOnlyFolder {
    static var isRoot: Bool { geteuid() == 0 }

    /// Whether a folder can be made read-only here (root needs chattr and a file system with
    /// the immutable flag).
    static let available: Bool = {
        guard let folder = try? StoreFolder() else { return false }
        defer { folder.cleanUp() }
        guard make(folder.path) else { return false }
        return !FileManager.default.createFile(atPath: folder.file("probe"), contents: Data())
    }()

    @discardableResult
    static func make(_ path: String) -> Bool {
        if isRoot { return run("/usr/bin/chattr", ["+i", path]) }
        return chmod(path, 0o555) == 0
    }

    static func undo(_ path: String) {
        if isRoot { _ = run("/usr/bin/chattr", ["-i", path]) } else { _ = chmod(path, 0o755) }
    }

    private static func run(_ tool: String, _ arguments: [String]) -> Bool {
        guard FileManager.default.isExecutableFile(atPath: tool) else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}

/// A plain GRDB connection to a store file, to look at it or change it behind the store's back.
func rawConnection(_ path: String) throws -> DatabaseQueue {
    var config = Configuration()
    config.busyMode = .timeout(10)
    return try DatabaseQueue(path: path, configuration: config)
}

/// `count` article paths: `a-0.txt`, `a-1.txt`, …
func articles(_ count: Int, from start: Int = 0) -> [String] {
    (start..<(start + count)).map { "a-\($0).txt" }
}

let library = "/home/u/news"

import GRDB

/// How hard a commit works to reach the disk (SQLite's `synchronous`, set per transaction).
///
/// In WAL mode both levels survive the process being killed (`kill -9`): a commit is in the
/// log, in the kernel's hands, before it returns. They differ on a power cut or a kernel crash:
///
/// - ``synced`` (`FULL`): the log is fsynced at each commit, so a committed read mark survives
///   even that. Read marks and forgetting are written this way: they are what a user would
///   miss, and they happen at a human pace, on a worker thread.
/// - ``logged`` (`NORMAL`): no fsync; the commit reaches the disk with the next synced one or
///   checkpoint. Positions, the last selected article and the sort order are written this way:
///   they are saved when leaving an article or quitting, often on the way out after a hangup,
///   where an fsync behind a busy disk could take tens of milliseconds. Losing one to a power
///   cut costs a scroll, never a mark (the issue's own line: at most the position).
enum Durability: String {
    case synced = "FULL"
    case logged = "NORMAL"

    /// `synced` when the batch touches read marks, else `logged`.
    init(for changes: [StateChange]) {
        let touchesMarks = changes.contains {
            switch $0 {
            case .markRead, .markUnread: return true
            case .position, .lastSelected, .sortOrder: return false
            }
        }
        self = touchesMarks ? .synced : .logged
    }

    func set(on db: Database) throws {
        try db.execute(sql: "PRAGMA synchronous = \(rawValue)")
    }

    /// Runs `body` in one IMMEDIATE transaction committed at this level.
    func write<T>(_ database: DatabaseQueue, _ body: (Database) throws -> T) throws -> T {
        try database.writeWithoutTransaction { db in
            try set(on: db)
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(db)
                return .commit
            }
            guard let result else { throw StoreFault.other("the transaction did not run") }
            return result
        }
    }
}

import GRDB
import GRDBSQLite

/// Stops a read that is no longer wanted: while `body` runs, SQLite asks `isCancelled` every
/// ``interval`` virtual-machine steps and, once it says yes, ends the statement with
/// `SQLITE_INTERRUPT` (GRDB throws it; ``StoreFault`` sorts it as `.other`, so nothing is
/// moved or rebuilt). Only this connection is touched, never the writer's.
enum ReadCancellation {
    /// Steps between two looks: a few microseconds of work.
    static let interval: Int32 = 1_000

    private final class Check {
        let isCancelled: @Sendable () -> Bool
        init(_ isCancelled: @escaping @Sendable () -> Bool) { self.isCancelled = isCancelled }
    }

    static func run<T>(_ db: Database, isCancelled: (@Sendable () -> Bool)?, _ body: () throws -> T) rethrows -> T {
        guard let isCancelled else { return try body() }
        let check = Check(isCancelled)
        return try withExtendedLifetime(check) {
            sqlite3_progress_handler(db.sqliteConnection, interval, { context in
                guard let context else { return 0 }
                return Unmanaged<Check>.fromOpaque(context).takeUnretainedValue().isCancelled() ? 1 : 0
            }, Unmanaged.passUnretained(check).toOpaque())
            defer { sqlite3_progress_handler(db.sqliteConnection, 0, nil, nil) }
            return try body()
        }
    }
}

import Foundation
import GRDB
import GRDBSQLite

/// The SQL behind ``StateStore``: each function runs inside the caller's transaction.
enum StoreQueries {
    // MARK: - Reading

    /// The library's rows in one range scan of the clustered table. This is what the reader
    /// waits for before its list can show read marks, so it steps SQLite's statement itself
    /// and builds each path straight from the column's bytes.
    static func libraryState(_ db: Database, library: String) throws -> LibraryState {
        guard let row = try Row.fetchOne(db, sql: "SELECT id, lastSelected, sortOrder FROM library WHERE path = ?",
                                         arguments: [library]) else { return LibraryState() }
        // A damaged store reads as no state (a thrown error), never as a trap: NULL where an id belongs.
        let id: Int64 = try row.decode(atIndex: 0)
        var state = LibraryState(lastSelected: lenient(row, 1), sortOrder: lenient(row, 2))
        // Collected first and hashed once into a set of the right size: growing a set of 100k
        // strings would rehash them all along the way.
        var read: [String] = []
        let statement = try db.makeStatement(sql: """
            SELECT path, readAt IS NOT NULL, block, offset, blockCount, fileSize, fileModified, fileHash, anchor
            FROM articleState WHERE libraryId = ?
            """)
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        sqlite3_bind_int64(handle, 1, id)
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                    message: db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) })
            }
            let bytes = UnsafeRawBufferPointer(start: sqlite3_column_blob(handle, 0), count: Int(sqlite3_column_bytes(handle, 0)))
            let path = String(decoding: bytes, as: UTF8.self)
            if sqlite3_column_int(handle, 1) != 0 { read.append(path) }
            guard sqlite3_column_type(handle, 2) != SQLITE_NULL else { continue }
            func integer(_ column: Int32) -> Int64? {
                sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, column)
            }
            let signature = integer(5).flatMap { size in
                integer(6).map { FileSignature(size: size, modified: $0, contentHash: integer(7)) }
            }
            state.positions[path] = SavedPosition(
                position: ReadingPosition(block: Int(sqlite3_column_int64(handle, 2)), offset: Int(integer(3) ?? 0)),
                blockCount: Int(integer(4) ?? 0), signature: signature, anchor: integer(8))
        }
        state.read = Set(read)
        return state
    }

    static func savedPosition(_ db: Database, library: String, article: String) throws -> SavedPosition? {
        let row = try Row.fetchOne(db, sql: """
            SELECT block, offset, blockCount, fileSize, fileModified, fileHash, anchor FROM articleState
            WHERE libraryId = (SELECT id FROM library WHERE path = ?) AND path = ?
            """, arguments: [library, article])
        return row.flatMap { savedPosition($0, from: 0) }
    }

    /// Columns block, offset, blockCount, fileSize, fileModified, fileHash, anchor from `first`.
    private static func savedPosition(_ row: Row, from first: Int) -> SavedPosition? {
        guard let block: Int = lenient(row, first), let offset: Int = lenient(row, first + 1) else { return nil }
        let size: Int64? = lenient(row, first + 3)
        let modified: Int64? = lenient(row, first + 4)
        let signature = size.flatMap { size in
            modified.map { FileSignature(size: size, modified: $0, contentHash: lenient(row, first + 5)) }
        }
        return SavedPosition(position: ReadingPosition(block: block, offset: offset),
                             blockCount: lenient(row, first + 2) ?? 0, signature: signature, anchor: lenient(row, first + 6))
    }

    static func export(_ db: Database) throws -> [ExportedArticle] {
        try Row.fetchAll(db, sql: """
            SELECT library.path, articleState.path, readAt, block, offset FROM articleState
            JOIN library ON library.id = articleState.libraryId
            ORDER BY library.path, articleState.path
            """).compactMap { row in
            guard let library: String = lenient(row, 0), let path: String = lenient(row, 1) else { return nil }
            let readAt: Int64? = lenient(row, 2)
            let block: Int? = lenient(row, 3)
            let offset: Int? = lenient(row, 4)
            return ExportedArticle(
                library: library, path: path,
                readAt: readAt.map { Date(timeIntervalSince1970: TimeInterval($0)) },
                position: block.flatMap { block in offset.map { ReadingPosition(block: block, offset: $0) } })
        }
    }

    // MARK: - Writing

    static func apply(_ db: Database, _ changes: [StateChange], library: String) throws {
        try db.execute(sql: "INSERT INTO library (path) VALUES (?) ON CONFLICT (path) DO NOTHING", arguments: [library])
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM library WHERE path = ?", arguments: [library]) else { return }
        var emptied: [String] = []
        for change in changes {
            switch change {
            case .markRead(let paths, let date):
                let statement = try db.cachedStatement(sql: """
                    INSERT INTO articleState (libraryId, path, readAt) VALUES (?, ?, ?)
                    ON CONFLICT (libraryId, path) DO UPDATE SET readAt = coalesce(readAt, excluded.readAt)
                    """)
                let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
                for path in paths { try statement.execute(arguments: [id, path, seconds]) }
            case .markUnread(let paths):
                let statement = try db.cachedStatement(sql: "UPDATE articleState SET readAt = NULL WHERE libraryId = ? AND path = ?")
                for path in paths { try statement.execute(arguments: [id, path]) }
                emptied += paths
            case .position(let path, let saved?):
                try db.execute(sql: """
                    INSERT INTO articleState (libraryId, path, block, offset, blockCount, fileSize, fileModified, fileHash, anchor, savedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (libraryId, path) DO UPDATE SET block = excluded.block, offset = excluded.offset,
                        blockCount = excluded.blockCount, fileSize = excluded.fileSize, fileModified = excluded.fileModified,
                        fileHash = excluded.fileHash, anchor = excluded.anchor, savedAt = excluded.savedAt
                    """, arguments: [id, path, saved.position.block, saved.position.offset, saved.blockCount,
                                     saved.signature?.size, saved.signature?.modified, saved.signature?.contentHash,
                                     saved.anchor, Int64(Date().timeIntervalSince1970)])
            case .position(let path, nil):
                try db.execute(sql: """
                    UPDATE articleState SET block = NULL, offset = NULL, blockCount = NULL, fileSize = NULL,
                        fileModified = NULL, fileHash = NULL, anchor = NULL, savedAt = NULL
                    WHERE libraryId = ? AND path = ?
                    """, arguments: [id, path])
                emptied.append(path)
            case .lastSelected(let path):
                try db.execute(sql: "UPDATE library SET lastSelected = ? WHERE id = ?", arguments: [path, id])
            case .sortOrder(let order):
                try db.execute(sql: "UPDATE library SET sortOrder = ? WHERE id = ?", arguments: [order, id])
            }
        }
        // A row that holds nothing any more goes.
        let delete = try db.cachedStatement(sql: "DELETE FROM articleState WHERE libraryId = ? AND path = ? AND readAt IS NULL AND block IS NULL")
        for path in emptied { try delete.execute(arguments: [id, path]) }
    }

    /// Drops the entries whose file no longer exists, in libraries whose folder does.
    static func forgetMissing(_ db: Database, fileExists: (String) -> Bool) throws -> ForgetSummary {
        var summary = ForgetSummary()
        let libraries = try Row.fetchAll(db, sql: "SELECT id, path FROM library ORDER BY path")
        for library in libraries {
            let id: Int64 = library[0]
            guard let root: String = lenient(library, 1) else { continue }
            guard fileExists(root) else {
                summary.missingLibraries.append(root)
                continue
            }
            let paths = try String.fetchAll(db, sql: "SELECT path FROM articleState WHERE libraryId = ?", arguments: [id])
            let statement = try db.cachedStatement(sql: "DELETE FROM articleState WHERE libraryId = ? AND path = ?")
            for path in paths where !fileExists(join(root, path)) {
                try statement.execute(arguments: [id, path])
                summary.forgotten += 1
            }
        }
        return summary
    }

    /// Column `index` of `row`, or nil when it is NULL or holds a value of another type. SQLite
    /// keeps any type in any column, and in a damaged store a flipped bit in a record turns
    /// text into a blob without failing its integrity check; GRDB's typed subscript traps on
    /// such a value (the `store` fuzz target found it), so the store reads it as missing.
    private static func lenient<Value: DatabaseValueConvertible>(_ row: Row, _ index: Int) -> Value? {
        let value: DatabaseValue = row[index]
        return Value.fromDatabaseValue(value)
    }

    private static func join(_ root: String, _ path: String) -> String {
        root.hasSuffix("/") ? root + path : root + "/" + path
    }
}

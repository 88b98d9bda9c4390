import Foundation
import GRDB

/// The SQL behind ``StateStore``: each function runs inside the caller's transaction.
enum StoreQueries {
    // MARK: - Reading

    static func libraryState(_ db: Database, library: String) throws -> LibraryState {
        guard let row = try Row.fetchOne(db, sql: "SELECT id, lastSelected, sortOrder FROM library WHERE path = ?",
                                         arguments: [library]) else { return LibraryState() }
        let id: Int64 = row[0]
        var state = LibraryState(lastSelected: row[1], sortOrder: row[2])
        let rows = try Row.fetchCursor(db, sql: """
            SELECT path, readAt IS NOT NULL, block, offset, blockCount, fileSize, fileModified, fileHash, anchor
            FROM article WHERE libraryId = ?
            """, arguments: [id])
        while let row = try rows.next() {
            let path: String = row[0]
            if row[1] as Bool { state.read.insert(path) }
            if let position = savedPosition(row, from: 2) { state.positions[path] = position }
        }
        return state
    }

    static func savedPosition(_ db: Database, library: String, article: String) throws -> SavedPosition? {
        let row = try Row.fetchOne(db, sql: """
            SELECT block, offset, blockCount, fileSize, fileModified, fileHash, anchor FROM article
            WHERE libraryId = (SELECT id FROM library WHERE path = ?) AND path = ?
            """, arguments: [library, article])
        return row.flatMap { savedPosition($0, from: 0) }
    }

    /// Columns block, offset, blockCount, fileSize, fileModified, fileHash, anchor from `first`.
    private static func savedPosition(_ row: Row, from first: Int) -> SavedPosition? {
        guard let block: Int = row[first], let offset: Int = row[first + 1] else { return nil }
        let size: Int64? = row[first + 3]
        let modified: Int64? = row[first + 4]
        let signature = size.flatMap { size in
            modified.map { FileSignature(size: size, modified: $0, contentHash: row[first + 5]) }
        }
        return SavedPosition(position: ReadingPosition(block: block, offset: offset),
                             blockCount: row[first + 2] ?? 0, signature: signature, anchor: row[first + 6])
    }

    static func export(_ db: Database) throws -> [ExportedArticle] {
        try Row.fetchAll(db, sql: """
            SELECT library.path, article.path, readAt, block, offset FROM article
            JOIN library ON library.id = article.libraryId
            ORDER BY library.path, article.path
            """).map { row in
            let readAt: Int64? = row[2]
            let block: Int? = row[3]
            let offset: Int? = row[4]
            return ExportedArticle(
                library: row[0], path: row[1],
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
                    INSERT INTO article (libraryId, path, readAt) VALUES (?, ?, ?)
                    ON CONFLICT (libraryId, path) DO UPDATE SET readAt = coalesce(readAt, excluded.readAt)
                    """)
                let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
                for path in paths { try statement.execute(arguments: [id, path, seconds]) }
            case .markUnread(let paths):
                let statement = try db.cachedStatement(sql: "UPDATE article SET readAt = NULL WHERE libraryId = ? AND path = ?")
                for path in paths { try statement.execute(arguments: [id, path]) }
                emptied += paths
            case .position(let path, let saved?):
                try db.execute(sql: """
                    INSERT INTO article (libraryId, path, block, offset, blockCount, fileSize, fileModified, fileHash, anchor, savedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (libraryId, path) DO UPDATE SET block = excluded.block, offset = excluded.offset,
                        blockCount = excluded.blockCount, fileSize = excluded.fileSize, fileModified = excluded.fileModified,
                        fileHash = excluded.fileHash, anchor = excluded.anchor, savedAt = excluded.savedAt
                    """, arguments: [id, path, saved.position.block, saved.position.offset, saved.blockCount,
                                     saved.signature?.size, saved.signature?.modified, saved.signature?.contentHash,
                                     saved.anchor, Int64(Date().timeIntervalSince1970)])
            case .position(let path, nil):
                try db.execute(sql: """
                    UPDATE article SET block = NULL, offset = NULL, blockCount = NULL, fileSize = NULL,
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
        let delete = try db.cachedStatement(sql: "DELETE FROM article WHERE libraryId = ? AND path = ? AND readAt IS NULL AND block IS NULL")
        for path in emptied { try delete.execute(arguments: [id, path]) }
    }

    /// Drops the entries whose file no longer exists, in libraries whose folder does.
    static func forgetMissing(_ db: Database, fileExists: (String) -> Bool) throws -> ForgetSummary {
        var summary = ForgetSummary()
        let libraries = try Row.fetchAll(db, sql: "SELECT id, path FROM library ORDER BY path")
        for library in libraries {
            let id: Int64 = library[0]
            let root: String = library[1]
            guard fileExists(root) else {
                summary.missingLibraries.append(root)
                continue
            }
            let rows = try Row.fetchAll(db, sql: "SELECT id, path FROM article WHERE libraryId = ?", arguments: [id])
            let statement = try db.cachedStatement(sql: "DELETE FROM article WHERE id = ?")
            for row in rows where !fileExists(join(root, row[1])) {
                try statement.execute(arguments: [row[0] as Int64])
                summary.forgotten += 1
            }
        }
        return summary
    }

    private static func join(_ root: String, _ path: String) -> String {
        root.hasSuffix("/") ? root + path : root + "/" + path
    }
}

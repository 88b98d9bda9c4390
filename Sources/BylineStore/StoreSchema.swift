import GRDB

/// The store's tables, built by GRDB's `DatabaseMigrator`. A migration, once shipped, never
/// changes: a new need is a new migration appended here.
///
/// ```sql
/// library (id INTEGER PRIMARY KEY, path TEXT UNIQUE,   -- the library's canonical path
///          lastSelected TEXT, sortOrder TEXT)
/// article (id INTEGER PRIMARY KEY,                       -- a rowid: room for an FTS5 index
///          libraryId → library ON DELETE CASCADE, path TEXT, UNIQUE (libraryId, path),
///          readAt INTEGER,                               -- seconds since 1970; NULL = unread
///          block, offset, blockCount,                    -- the reading position; NULL = top
///          fileSize, fileModified, fileHash, anchor,     -- the file and block it was saved for
///          savedAt INTEGER)
/// ```
/// A row exists only while it holds something (read, or a position).
enum StoreSchema {
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: libraries and articles") { db in
            try db.execute(sql: """
                CREATE TABLE library (
                    id INTEGER PRIMARY KEY,
                    path TEXT NOT NULL UNIQUE,
                    lastSelected TEXT,
                    sortOrder TEXT
                );
                CREATE TABLE article (
                    id INTEGER PRIMARY KEY,
                    libraryId INTEGER NOT NULL REFERENCES library(id) ON DELETE CASCADE,
                    path TEXT NOT NULL,
                    readAt INTEGER,
                    block INTEGER,
                    offset INTEGER,
                    blockCount INTEGER,
                    fileSize INTEGER,
                    fileModified INTEGER,
                    fileHash INTEGER,
                    anchor INTEGER,
                    savedAt INTEGER,
                    UNIQUE (libraryId, path)
                );
                """)
        }
        return migrator
    }()

    /// Brings the schema up to date. Two processes opening a new store at once may both try
    /// the first migration (GRDB's migrator reads what is applied before it takes the write
    /// lock); the loser fails on "table already exists" after waiting for the winner, and then
    /// finds everything applied.
    static func migrate(_ writer: some DatabaseWriter) throws {
        do {
            try migrator.migrate(writer)
        } catch {
            guard try writer.read(migrator.hasCompletedMigrations) else { throw error }
        }
    }
}

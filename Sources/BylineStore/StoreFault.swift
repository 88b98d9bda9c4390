import GRDB

/// What went wrong with the store, sorted by what Byline does about it.
enum StoreFault: Error, Equatable {
    /// The file is not a store Byline can use (not a database, malformed, a folder, a newer
    /// schema): it is renamed aside and a fresh store started.
    case unusable(String)
    /// The store cannot be written (read-only folder or file, full disk, I/O error): Byline
    /// goes on without saving.
    case cannotWrite(String)
    /// Another process held the write lock for longer than the busy timeout: this change is
    /// kept and tried again with the next one.
    case busy
    /// Anything else (a bug, or a damaged schema): nothing is moved, nothing more is saved.
    case other(String)

    /// Sorts an error thrown by GRDB or the file system.
    static func classify(_ error: any Error) -> StoreFault {
        if let fault = error as? StoreFault { return fault }
        guard let error = error as? DatabaseError else { return .other("\(error)") }
        let reason = error.message ?? "\(error.resultCode)"
        switch error.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return .unusable(reason)
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_FULL, .SQLITE_IOERR, .SQLITE_PERM, .SQLITE_AUTH,
             .SQLITE_NOLFS:
            return .cannotWrite(reason)
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .busy
        default:
            return .other(reason)
        }
    }
}

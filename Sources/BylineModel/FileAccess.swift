#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Thin, non-throwing wrappers over POSIX file calls: every failure becomes a reason string.
enum FileAccess {
    /// The text of `errno` (or of `code`).
    static func errorText(_ code: Int32 = errno) -> String {
        String(cString: strerror(code))
    }

    enum Kind: Equatable { case regular(size: Int), directory, other, missing(String) }

    /// What `path` is, following symbolic links.
    static func kind(_ path: String) -> Kind {
        var st = stat()
        guard stat(path, &st) == 0 else { return .missing(errorText()) }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return .regular(size: Int(st.st_size))
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// What `stat` says of a regular file: its size and when it was last written.
    static func facts(_ path: String) -> FileFacts? {
        var st = stat()
        guard stat(path, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return nil }
        return FileFacts(size: Int(st.st_size), modified: Int64(st.st_mtim.tv_sec))
    }

    struct Read {
        var data: Data
        /// File size at open time.
        var size: Int
        /// Modification time at open time, in nanoseconds since 1970.
        var modified: Int64
        /// True when the whole file was read (it was no longer than `limit`).
        var complete: Bool
        /// True when `skip` said so: nothing was read (`data` is empty).
        var skipped = false
    }

    /// Reads at most `limit` bytes from the start of a regular file. Never blocks on a FIFO
    /// (opened non-blocking and refused) and never follows more than the kernel's symlink limit.
    /// `skip` is asked, once the file is open and known to be a regular file, with its size and
    /// modification time (nanoseconds): true reads nothing (``Read/skipped``).
    static func read(_ path: String, limit: Int, skip: (_ size: Int, _ modified: Int64) -> Bool = { _, _ in false })
        -> Result<Read, FileFailure> {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return .failure(FileFailure(reason: "cannot open: \(errorText())")) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .failure(FileFailure(reason: "cannot stat: \(errorText())")) }
        let type = st.st_mode & S_IFMT
        if type == S_IFDIR { return .failure(FileFailure(reason: "is a directory")) }
        guard type == S_IFREG else { return .failure(FileFailure(reason: "not a regular file")) }
        let size = Int(st.st_size)
        let modified = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
        if skip(size, modified) { return .success(Read(data: Data(), size: size, modified: modified, complete: true, skipped: true)) }
        let want = min(limit, max(size, 0) + 1)
        // Read into uncleared memory (clearing the buffer first cost as much as the read), which
        // the Data then owns: no second buffer and no copy.
        guard let raw = malloc(max(want, 1)) else { return .failure(FileFailure(reason: "cannot read: out of memory")) }
        var got = 0
        var eof = false
        while got < want {
            let n = sysRead(fd, raw + got, want - got)
            if n < 0 {
                if errno == EINTR { continue }
                let failure = FileFailure(reason: "cannot read: \(errorText())")
                free(raw)
                return .failure(failure)
            }
            if n == 0 { eof = true; break }
            got += n
        }
        let data = Data(bytesNoCopy: raw, count: got, deallocator: .free)
        // Grew while we read: treat the limit as reached.
        let complete = eof || got < limit
        return .success(Read(data: data, size: size, modified: modified, complete: complete))
    }
}

private func sysRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.read(fd, buffer, count)
    #elseif canImport(Musl)
    return Musl.read(fd, buffer, count)
    #else
    return Darwin.read(fd, buffer, count)
    #endif
}

/// A regular file's size and modification time, as `stat` gives them.
public struct FileFacts: Equatable, Sendable {
    public var size: Int
    /// Seconds since 1970.
    public var modified: Int64

    public init(size: Int, modified: Int64) {
        self.size = size
        self.modified = modified
    }
}

struct FileFailure: Error, Equatable {
    var reason: String
}

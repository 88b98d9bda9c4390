#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Open folders by their number in ``LibraryEntries``, so a file's `stat` starts from its
/// folder (`fstatat` with the relative path) instead of walking the folder's path again. A
/// folder that cannot be opened (or a file named in full, whose folder is "") is looked up by
/// its full path. Close with ``closeAll()``.
struct FolderDescriptors {
    /// By folder number: the descriptor, `AT_FDCWD` for "", -1 when it could not be opened,
    /// ``unopened`` before its first look-up.
    private var descriptors: [Int32] = []
    private var paths: [String?] = []

    /// Whether folder `number` was noted.
    func knows(_ number: Int) -> Bool { number < paths.count && paths[number] != nil }

    /// Notes that folder `number` is at `path` (opened at its first ``lookUp(_:in:_:)``).
    mutating func note(_ number: Int, _ path: String) {
        if knows(number) { return }
        while paths.count <= number {
            paths.append(nil)
            descriptors.append(Self.unopened)
        }
        paths[number] = path
    }

    /// `stat` of the file at `relative` in folder `number` (noted before), following links.
    mutating func lookUp(_ relative: UnsafePointer<CChar>, in number: Int, _ info: inout stat) -> Bool {
        let path = paths[number] ?? ""
        if descriptors[number] == Self.unopened {
            descriptors[number] = path.isEmpty ? AT_FDCWD : open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        }
        let fd = descriptors[number]
        if fd >= 0 || fd == AT_FDCWD { return fstatat(fd, relative, &info, 0) == 0 }
        return stat(path + String(cString: relative), &info) == 0
    }

    /// Closes the folders opened.
    mutating func closeAll() {
        for fd in descriptors where fd >= 0 { _ = close(fd) }
        descriptors.removeAll()
    }

    private static let unopened: Int32 = -2
}

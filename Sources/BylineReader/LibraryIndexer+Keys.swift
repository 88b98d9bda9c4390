import BylineModel
import BylineStore
import Foundation

/// A library's articles as the search index (and the state store) key them, and back: an
/// article found in a folder is keyed by the folder's canonical path and its path inside it; a
/// file named in full by its own folder and its name (as ``ReaderMemory`` keys read marks).
public final class SearchKeys: @unchecked Sendable {
    private let library: Library
    /// Canonical keys of folders, by the folder as the library spells it. Guarded by `lock`.
    private var canonical: [String: String] = [:]
    /// The files named in full, by key. Guarded by `lock`.
    private var named: [ArticleKey: ArticleID]?
    private let lock = NSLock()

    public init(library: Library) {
        self.library = library
    }

    /// The key of the library an article belongs to (its folder's, or for a file named in
    /// full, its own folder's).
    public func libraryKey(of id: ArticleID) -> String {
        let folder = library.folder(of: id)
        return folder.isEmpty ? key(of: id).library : key(ofFolder: folder)
    }

    /// The path part of ``key(of:)`` alone (the library's key is not looked up).
    public func path(of id: ArticleID) -> String {
        library.folder(of: id).isEmpty ? key(of: id).path : library.relativePath(of: id)
    }

    /// The index's key for an article.
    public func key(of id: ArticleID) -> ArticleKey {
        let folder = library.folder(of: id)
        if folder.isEmpty {
            let path = library.path(of: id)
            let slash = path.lastIndex(of: "/")
            let dir = slash.map { String(path[..<$0]) } ?? "."
            let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
            return ArticleKey(library: key(ofFolder: dir.isEmpty ? "/" : dir), path: name)
        }
        return ArticleKey(library: key(ofFolder: folder), path: library.relativePath(of: id))
    }

    /// What a search of the whole library looks at: its folders (with their subfolders when
    /// the library lists them) and the files named in full.
    public var scope: SearchScope {
        let folders = library.folders.map { SearchScope.Folder(library: key(ofFolder: $0), recursive: library.recursive) }
        let files = library.namedFiles.compactMap { file in library.id(forPath: file).map(key(of:)) }
        return SearchScope(folders: folders, files: files)
    }

    /// The article a hit (or a quote) is about, if the library lists it.
    public func id(of key: ArticleKey) -> ArticleID? {
        for folder in library.folders where self.key(ofFolder: folder) == key.library {
            if let id = library.id(forPath: folder + key.path) { return id }
        }
        return namedFileIDs()[key]
    }

    /// The files named in full, by key (made on first use).
    private func namedFileIDs() -> [ArticleKey: ArticleID] {
        lock.lock()
        let known = named
        lock.unlock()
        if let known { return known }
        var made: [ArticleKey: ArticleID] = [:]
        for file in library.namedFiles {
            if let id = library.id(forPath: file) { made[key(of: id)] = id }
        }
        lock.lock()
        named = made
        lock.unlock()
        return made
    }

    /// The canonical key of a folder (as the library spells it), looked up once.
    public func key(ofFolder folder: String) -> String {
        lock.lock()
        defer { lock.unlock() }
        if let known = canonical[folder] { return known }
        let key = StateStore.libraryKey(for: folder)
        canonical[folder] = key
        return key
    }
}

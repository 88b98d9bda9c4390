import BylineModel
import BylineStore
import Foundation

/// The reader's side of the state store: it turns articles into the store's keys (a library's
/// canonical folder and the article's path in it) and back, and loads and saves through a
/// ``StateStore``. Used only from the worker that talks to the store (one at a time).
///
/// An article found in a folder is keyed by that folder and its path inside it; a file named on
/// the command line by its own folder and its name, so it shares marks with the same file read
/// through its folder.
final class ReaderMemory: @unchecked Sendable {
    private let opening: StoreOpening
    private let library: Library
    /// Canonical keys of folders, by the folder as the library spells it.
    private var keys: [String: String] = [:]

    init(store: StoreOpening, library: Library) {
        self.opening = store
        self.library = library
    }

    /// The store (waiting for it to be open, the first time).
    var store: StateStore { opening.store }

    /// The store's keys for an article.
    func key(of id: ArticleID) -> (library: String, article: String) {
        let folder = library.folder(of: id)
        if folder.isEmpty {
            let path = library.path(of: id)
            let slash = path.lastIndex(of: "/")
            let dir = slash.map { String(path[..<$0]) } ?? "."
            let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
            return (canonical(dir.isEmpty ? "/" : dir), name)
        }
        return (canonical(folder), library.relativePath(of: id))
    }

    private func canonical(_ folder: String) -> String {
        if let known = keys[folder] { return known }
        let key = StateStore.libraryKey(for: folder)
        keys[folder] = key
        return key
    }

    /// Everything saved for the library's folders and files, by identity.
    func load() -> SavedState {
        var result = SavedState()
        var folders: [(spelled: String, key: String)] = library.folders.map { ($0, canonical($0)) }
        for file in library.namedFiles {
            guard let id = library.id(forPath: file) else { continue }
            let key = key(of: id).library
            if !folders.contains(where: { $0.key == key }) { folders.append((file, key)) }
        }
        var lastSelected: [ArticleID] = []
        for (spelled, key) in folders {
            let saved = store.load(library: key)
            // A folder's saved paths are looked up together (one pass over the library's
            // paths, see `Library.ids(forPaths:)`).
            var found: [String: ArticleID] = [:]
            if library.folders.contains(spelled) {
                var relatives = Array(saved.read) + Array(saved.positions.keys)
                if let last = saved.lastSelected { relatives.append(last) }
                for (relative, id) in zip(relatives, library.ids(forPaths: relatives.map { spelled + $0 })) {
                    if let id { found[relative] = id }
                }
            }
            let resolve: (String) -> ArticleID? = { relative in
                if self.library.folders.contains(spelled) { return found[relative] }
                // Files named in full: match them by folder and name.
                return self.library.namedFiles.lazy.compactMap { self.library.id(forPath: $0) }
                    .first { self.key(of: $0) == (key, relative) }
            }
            for path in saved.read { if let id = resolve(path) { result.read.insert(id) } }
            for (path, position) in saved.positions { if let id = resolve(path) { result.positions[id] = position } }
            if let path = saved.lastSelected, let id = resolve(path) { lastSelected.append(id) }
        }
        result.lastSelected = lastSelected.first
        return result
    }

    /// Saves edits, one transaction per library.
    func save(_ edits: [StateEdit], at date: Date = Date()) {
        var byLibrary: [String: [StateChange]] = [:]
        var order: [String] = []
        func add(_ library: String, _ change: StateChange) {
            if byLibrary[library] == nil { order.append(library) }
            byLibrary[library, default: []].append(change)
        }
        for edit in edits {
            switch edit {
            case .read(let ids), .unread(let ids):
                var grouped: [String: [String]] = [:]
                for id in ids {
                    let k = key(of: id)
                    grouped[k.library, default: []].append(k.article)
                }
                for (library, articles) in grouped.sorted(by: { $0.key < $1.key }) {
                    if case .read = edit { add(library, .markRead(articles, at: date)) } else { add(library, .markUnread(articles)) }
                }
            case .position(let id, let record):
                let k = key(of: id)
                add(k.library, .position(k.article, record?.saved))
            case .lastSelected(let id):
                if let id {
                    let k = key(of: id)
                    add(k.library, .lastSelected(k.article))
                }
            }
        }
        for library in order { store.apply(byLibrary[library]!, library: library) }
    }
}

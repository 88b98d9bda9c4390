#if canImport(Glibc)
import Glibc
#endif

/// What changed in a library's folders, as found on disk by ``FolderChange/examine(_:library:watcher:)``.
public struct FolderChange: Equatable, Sendable {
    /// Article files that are there now (new, or written since they were read), by full path.
    public var present: [String] = []
    /// Article files that are gone, by full path.
    public var gone: [String] = []
    /// Folders that are gone: every article under them goes.
    public var goneFolders: [String] = []
    /// The whole library was listed again (after the event queue overflowed): anything not in
    /// `present` is gone.
    public var complete = false
    /// Something worth one line in the status line (a folder that could not be watched).
    public var note: String?
    /// Size and time of files in `present` that were looked at (for sorting by them).
    public var facts: [String: FileFacts] = [:]

    public init(present: [String] = [], gone: [String] = [], goneFolders: [String] = [], complete: Bool = false, note: String? = nil) {
        self.present = present
        self.gone = gone
        self.goneFolders = goneFolders
        self.complete = complete
        self.note = note
    }

    public var isEmpty: Bool { present.isEmpty && gone.isEmpty && goneFolders.isEmpty && !complete && note == nil }

    /// Looks at the files that events name and says what they mean now. Runs on a worker: it
    /// stats files and lists new subfolders (watching them too, through `watcher`).
    public static func examine(_ events: [FolderEvent], library: Library, watcher: FolderWatcher?) -> FolderChange {
        var change = FolderChange()
        var looked: Set<String> = []
        if events.contains(where: { $0.kind == .overflow }) {
            change.complete = true
            for folder in library.folders {
                var scan = Scan()
                if (try? scan.folder(folder, recursive: library.recursive)) != nil {
                    let entries = scan.sortedEntries()
                    change.present += entries.indices.map { entries.path(at: $0) }
                }
                if library.recursive { change.note = watcher?.watchTree(folder) ?? change.note }
            }
            change.present += library.namedFiles.filter { if case .regular = FileAccess.kind($0) { return true } else { return false } }
            return change
        }
        for event in events {
            switch event.kind {
            case .file:
                guard looked.insert(event.path).inserted else { continue }
                if let facts = FileAccess.facts(event.path) {
                    change.present.append(event.path)
                    change.facts[event.path] = facts
                } else {
                    change.gone.append(event.path)
                }
            case .folderAdded:
                guard library.recursive, looked.insert(event.path).inserted else { continue }
                if let note = watcher?.watchTree(event.path) { change.note = note }
                var scan = Scan()
                if (try? scan.folder(event.path, recursive: true)) != nil {
                    let entries = scan.sortedEntries()
                    change.present += entries.indices.map { entries.path(at: $0) }
                }
            case .folderGone:
                change.goneFolders.append(event.path)
            case .overflow:
                break
            }
        }
        return change
    }
}

/// What ``Library/apply(_:)`` did.
public struct LibraryUpdate: Equatable, Sendable {
    /// New articles (or ones that came back).
    public var added: [ArticleID] = []
    /// Articles whose file was written again: what was read of them was forgotten.
    public var modified: [ArticleID] = []
    /// Articles whose file is gone.
    public var removed: [ArticleID] = []

    public init(added: [ArticleID] = [], modified: [ArticleID] = [], removed: [ArticleID] = []) {
        self.added = added
        self.modified = modified
        self.removed = removed
    }

    public var isEmpty: Bool { added.isEmpty && modified.isEmpty && removed.isEmpty }
}

// libFuzzer entry for the state store file: random bytes, or a real store with bytes changed
// and cut off, where the store should be; StateStore.open must cope and go on working.
//
// An input that starts with 0xE7 edits the real store (RealStore): the next two bytes say how
// much of it to keep (big-endian; past its end: all of it), then each three bytes XOR one byte
// (a big-endian offset, wrapped to the file's size, and the value). Any other input is the
// file's content as it is.
import BylineStore
import Foundation
import FuzzSupport
import Glibc

@main
enum StoreFuzz {
    static func main() { Fuzz.run(fuzzStore) }
}

/// The file an input describes.
private func storeFile(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    guard bytes.first == 0xE7 else { return Array(bytes) }
    var file = RealStore.bytes
    let keep = bytes.count >= 3 ? Int(bytes[1]) << 8 | Int(bytes[2]) : file.count
    if keep < file.count { file.removeSubrange(keep...) }
    var i = 3
    while i + 2 < bytes.count, !file.isEmpty {
        file[(Int(bytes[i]) << 8 | Int(bytes[i + 1])) % file.count] ^= bytes[i + 2]
        i += 3
    }
    return file
}

private func describe(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    bytes.prefix(64).map { String($0, radix: 16) }.joined(separator: " ")
}

private func fuzzStore(_ input: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Fuzz.bytes(input, size)
    let file = storeFile(bytes)
    let folder = freshFolder()
    defer { removeFolder(folder) }
    let path = folder + "/state.sqlite3"
    guard FileManager.default.createFile(atPath: path, contents: Data(file)) else { fatalError("fuzz setup: cannot write \(path)") }
    func violated(_ what: String) -> Never { Fuzz.violated(what, describe(bytes)) }

    let store = StateStore.open(.file(path))
    var notices = store.takeNotices()
    let opened = store.mode
    StoreChecks.checkNotices(notices, violated)
    let movedAside = StoreChecks.corruptFiles(in: folder)
    switch opened {
    case .off:
        violated("a store file opened as no store")
    case .saving:
        // Either it works as it was, quietly, or it was moved aside (kept whole) and said so.
        let said = notices.filter { $0.hasPrefix("state store moved aside") }
        if said.count != movedAside.count { violated("\(movedAside.count) files moved aside, \(said.count) notices: \(notices)") }
        if said.count != notices.count { violated("a saving store gave other notices: \(notices)") }
        if let aside = movedAside.first, FileManager.default.contents(atPath: folder + "/" + aside)?.count != file.count {
            violated("the store moved aside is not the whole file")
        }
        if movedAside.isEmpty && bytes.first == 0xE7 && file == RealStore.bytes {
            StoreChecks.checkRealStoreLoads(store, violated)
        }
    case .notSaving(let line):
        if !notices.contains(line) { violated("not saving, without saying so: \(notices)") }
    }

    // What the reader and `byline state` read never fails (whatever is damaged reads as less).
    for library in RealStore.libraries { _ = store.load(library: library) }
    _ = store.export()

    // A mark and a position, then read back: a store that saves keeps them.
    let library = "/fuzz/library"
    let position = SavedPosition(position: ReadingPosition(block: 2, offset: 40), blockCount: 5,
                                 signature: FileSignature(size: 1200, modified: 1_790_000_000_000_000_000), anchor: -77)
    let wasSaving = store.mode == .saving
    let marked = store.markRead(["a.txt"], library: library)
    let placed = store.savePosition(position, article: "b.txt", library: library)
    notices += store.takeNotices()
    StoreChecks.checkNotices(notices, violated)
    if !wasSaving && (marked || placed) { violated("a store that does not save saved") }
    if marked && placed {
        let state = store.load(library: library)
        if !state.read.contains("a.txt") { violated("a mark saved is not loaded back: \(state)") }
        if state.positions["b.txt"] != position { violated("a position saved is not loaded back: \(state)") }
        if store.savedPosition(library: library, article: "b.txt") != position { violated("savedPosition disagrees with load") }
    } else if case .saving = store.mode {
        violated("a change was not saved (marked \(marked), placed \(placed)), and the store says it saves")
    }
    store.close()
    return 0
}

/// The checks that do not depend on the outcome.
private enum StoreChecks {
    /// A notice is one line. (It may hold other controls, from SQLite's message about a damaged
    /// file: whoever shows it cleans it, as the status line and `byline state`'s stderr do.)
    static func checkNotices(_ notices: [String], _ violated: (String) -> Never) {
        if notices.count > 3 { violated("\(notices.count) notices: \(notices)") }
        for notice in notices where notice.isEmpty || notice.contains(where: \.isNewline) {
            violated("a notice is not one line: \(notice.debugDescription)")
        }
    }

    /// The names of the stores moved aside in `folder`.
    static func corruptFiles(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasPrefix("state.sqlite3.corrupt-") && !$0.hasSuffix("-wal") && !$0.hasSuffix("-journal") }
    }

    /// The real store, unchanged, opens quietly and gives back what was saved in it.
    static func checkRealStoreLoads(_ store: StateStore, _ violated: (String) -> Never) {
        let state = store.load(library: RealStore.libraries[0])
        if state.read.count != 59 || state.positions.count != 27 || state.lastSelected != "story-3.txt" || state.sortOrder != "newest" {
            violated("the real store loads as \(state.read.count) read, \(state.positions.count) positions, \(String(describing: state.lastSelected)), \(String(describing: state.sortOrder))")
        }
    }
}

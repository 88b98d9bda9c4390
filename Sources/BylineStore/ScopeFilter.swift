import Foundation
import GRDB

/// A ``SearchScope`` as SQL: which article ids are in it.
///
/// The usual case, one folder that is all the index holds, needs no filter at all, so the
/// ranked query runs on FTS5 alone; otherwise the ids come from the `article` table's
/// `(libraryId, path)` index, or for files named one by one from a JSON list of keys.
struct ScopeFilter {
    /// An SQL expression for the ids in scope (`SELECT id FROM …`), or nil when every indexed
    /// article is in scope.
    var articleIds: String?
    var arguments: StatementArguments = []
    /// Nothing in scope is indexed.
    var isEmpty = false
    /// For counting speakers from the kept counts: each library id, and whether its
    /// subfolders count. Nil when files are named one by one (counted from the quotes).
    var libraries: [(id: Int64, nested: Bool)]? = []

    init(_ db: Database, _ scope: SearchScope) throws {
        let known = try Row.fetchAll(db, sql: "SELECT id, path, nestedArticles FROM library")
        var byPath: [String: (id: Int64, nested: Int64)] = [:]
        for row in known {
            let path: String = try row.decode(atIndex: 1)
            byPath[path] = (try row.decode(atIndex: 0), try row.decode(atIndex: 2))
        }
        var parts: [String] = []
        var covered: Set<Int64> = []
        var whole = true
        for folder in scope.folders {
            guard let library = byPath[folder.library] else { continue }
            // A folder read without its subfolders, that has none indexed, is the whole library.
            let topOnly = !folder.recursive && library.nested > 0
            if topOnly {
                parts.append("SELECT id FROM article WHERE libraryId = ? AND instr(path, '/') = 0")
                whole = false
            } else {
                parts.append("SELECT id FROM article WHERE libraryId = ?")
                covered.insert(library.id)
            }
            arguments += [library.id]
            libraries?.append((library.id, !topOnly))
        }
        let files = scope.files.compactMap { key in byPath[key.library].map { NamedFile(library: $0.id, path: key.path) } }
        if !files.isEmpty {
            let json = (try? JSONEncoder().encode(files)) ?? Data("[]".utf8)
            parts.append("""
                SELECT article.id FROM json_each(?) AS file
                JOIN article ON article.libraryId = json_extract(file.value, '$[0]') AND article.path = json_extract(file.value, '$[1]')
                """)
            arguments += [String(decoding: json, as: UTF8.self)]
            libraries = nil
            whole = false
        }
        if parts.isEmpty {
            isEmpty = true
            articleIds = "SELECT NULL WHERE 0"
        } else if whole && covered.count == known.count {
            articleIds = nil
            arguments = []
        } else {
            articleIds = parts.joined(separator: " UNION ")
        }
    }

    /// A file named one by one, as `[libraryId, "path"]` in the JSON list.
    private struct NamedFile: Encodable {
        var library: Int64
        var path: String

        func encode(to encoder: Encoder) throws {
            var container = encoder.unkeyedContainer()
            try container.encode(library)
            try container.encode(path)
        }
    }

    /// `AND column IN (ids)`, or "" when everything is in scope.
    func condition(on column: String) -> String {
        articleIds.map { " AND \(column) IN (\($0))" } ?? ""
    }
}

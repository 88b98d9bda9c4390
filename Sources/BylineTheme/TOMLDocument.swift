import TOMLKit

/// A parsed TOML file that can point at its own lines when something in it is wrong.
///
/// It owns the tree TOMLKit parsed, and frees it when it goes: TOMLKit's `TOMLTable` has no
/// `deinit`, so without ``deinit`` every parse would keep its whole tree (about 14 KB for a
/// shipped theme) for the life of the process. Clearing the root frees every node; only the
/// empty root table itself (about 150 bytes) stays behind. Tables and values read from
/// ``root`` must not outlive the document.
final class TOMLDocument {
    let file: String
    let root: TOMLTable
    private let locator: SourceLocator

    /// Parses `text`; a syntax error becomes a ``ThemeError`` with TOMLKit's line.
    init(text: String, file: String) throws(ThemeError) {
        self.file = file
        if let problem = TOMLPreflight.firstProblem(in: text) {
            throw ThemeError(file: file, line: problem.line, message: "TOML syntax error: \(problem.message)")
        }
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let line = error.source.begin.line
            throw ThemeError(file: file, line: line > 0 ? line : nil,
                             message: "TOML syntax error: \(Self.tidy(error.description))")
        } catch {
            throw ThemeError(file: file, message: "TOML syntax error: \(error)")
        }
        locator = SourceLocator(text: text)
    }

    deinit { root.clear() }

    /// The line the key at `path` is on, when it can be found.
    func line(of path: [String]) -> Int? { locator.line(of: path) }

    /// An error about the key at `path`, with the line it is on when that can be found.
    func error(at path: [String], _ message: String) -> ThemeError {
        ThemeError(file: file, line: locator.line(of: path), message: message)
    }

    /// The earliest of several errors in the file (errors without a line last).
    static func first(of errors: [ThemeError]) -> ThemeError? {
        errors.min { ($0.line ?? .max) < ($1.line ?? .max) }
    }

    /// toml++ messages start with a capital and sometimes end with a full stop.
    private static func tidy(_ message: String) -> String {
        var text = message.trimmingWhitespace()
        if text.hasSuffix(".") { text.removeLast() }
        guard let first = text.first else { return "could not parse" }
        return first.lowercased() + text.dropFirst()
    }
}

// MARK: - Describing values

extension TOMLValueConvertible {
    /// "a string", "an integer", … for error messages.
    var kindDescription: String {
        switch type {
        case .table: "a table"
        case .array: "an array"
        case .string: "a string"
        case .int: "an integer"
        case .double: "a number"
        case .bool: "a boolean"
        case .date: "a date"
        case .time: "a time"
        case .dateTime: "a date-time"
        }
    }
}

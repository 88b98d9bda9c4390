/// Finds the line of a dotted key path in TOML text.
///
/// TOMLKit reports lines only for syntax errors, so for unknown keys and wrong types
/// we scan the text: table headers (`[list.selected]`) set the current table, and
/// `key = …` lines (dotted or quoted keys too) name `table.key`. Good enough for the
/// files people write; a path it cannot find gives nil, and the message goes without
/// a line number.
struct SourceLocator {
    private var lines: [(path: [String], line: Int)] = []

    init(text: String) {
        var table: [String] = []
        var lineNumber = 0
        var inMultilineString: String?
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = Substring(rawLine.trimmingWhitespace())
            if let delimiter = inMultilineString {
                if !line.ranges(of: delimiter).isEmpty { inMultilineString = nil }
                continue
            }
            if line.hasPrefix("[") {
                let isArray = line.hasPrefix("[[")
                let body = line.dropFirst(isArray ? 2 : 1)
                guard let close = body.firstIndex(of: "]") else { continue }
                table = Self.splitKey(body[..<close])
                lines.append((table, lineNumber))
            } else if let equals = Self.keyEnd(line) {
                let key = Self.splitKey(line[..<equals])
                guard !key.isEmpty else { continue }
                lines.append((table + key, lineNumber))
                let value = line[line.index(after: equals)...]
                for delimiter in ["\"\"\"", "'''"] where value.ranges(of: delimiter).count == 1 {
                    inMultilineString = delimiter
                }
            }
        }
    }

    /// The line that defines `path`, or failing that, its nearest enclosing table.
    func line(of path: [String]) -> Int? {
        var path = path
        while !path.isEmpty {
            if let found = lines.first(where: { $0.path == path }) { return found.line }
            path.removeLast()
        }
        return nil
    }

    // MARK: - Scanning

    /// The index of the `=` ending a key, skipping quoted parts.
    private static func keyEnd(_ line: Substring) -> Substring.Index? {
        var quote: Character?
        for index in line.indices {
            let character = line[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "=" {
                return index
            } else if character == "#" {
                return nil
            }
        }
        return nil
    }

    /// Splits `a."b.c".d` into `["a", "b.c", "d"]`.
    private static func splitKey(_ key: Substring) -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character?
        for character in key {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "." {
                parts.append(current.trimmingWhitespace())
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current.trimmingWhitespace())
        return parts.filter { !$0.isEmpty }
    }
}

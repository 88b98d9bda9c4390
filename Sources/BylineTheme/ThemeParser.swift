import BylineCanvas
import TOMLKit

extension Theme {
    /// The keys a role table may hold.
    static let styleKeys = ["fg", "bg", "bold", "italic", "underline", "reverse", "dim"]

    /// Reads a theme from the text of a TOML file.
    ///
    /// - Parameters:
    ///   - text: The file's contents.
    ///   - file: The path to name in error messages and keep as ``source``.
    ///   - defaultName: The name when the file has no `name =` (usually the file stem).
    /// - Throws: ``ThemeError`` for a syntax error, unknown key or role, unknown colour
    ///   or wrong type; the earliest in the file when there are several.
    public init(parsing text: String, file: String, defaultName: String? = nil) throws(ThemeError) {
        let document = try TOMLDocument(text: text, file: file)
        var parser = ThemeParser(document: document)
        parser.parseRoot()
        if let error = TOMLDocument.first(of: parser.errors) { throw error }
        self.init(
            name: parser.name ?? defaultName ?? "untitled",
            description: parser.description ?? "",
            source: file,
            styles: parser.styles)
    }
}

/// Walks a theme's TOML table, collecting styles and errors.
private struct ThemeParser {
    let document: TOMLDocument
    var name: String?
    var description: String?
    var styles: [Role: RoleStyle] = [:]
    var errors: [ThemeError] = []

    init(document: TOMLDocument) {
        self.document = document
    }

    mutating func parseRoot() {
        let root = document.root
        for key in root.keys {
            guard let value = root[key] else { continue }
            switch key {
            case "name", "description":
                guard let text = value.string else {
                    fail([key], "\(key) must be a string, not \(value.kindDescription)")
                    continue
                }
                // Printed as is by --list-themes: one line, nothing a terminal would act on.
                if key == "name" { name = text.terminalSafeLine } else { description = text.terminalSafeLine }
            default:
                if let table = value.table {
                    parseRoleTable([key], table)
                } else if Role(rawValue: key) != nil {
                    fail([key], "\(key) must be a table of settings like [\(key)], not \(value.kindDescription)")
                } else {
                    fail([key], "unknown key \"\(key)\" (a theme has name, description and role tables such as [headline])")
                }
            }
        }
    }

    /// A table at `path`: a role's settings, or a prefix of dotted role names (`[list]`).
    private mutating func parseRoleTable(_ path: [String], _ table: TOMLTable) {
        let roleName = path.joined(separator: ".")
        if let role = Role(rawValue: roleName) {
            styles[role] = parseStyle(path, table)
            return
        }
        let children = Role.allCases.map(\.rawValue).filter { $0.hasPrefix(roleName + ".") }
        guard !children.isEmpty else {
            fail(path, "unknown role \"\(roleName)\" (roles: \(Role.allCases.map(\.rawValue).joined(separator: ", ")))")
            return
        }
        for key in table.keys {
            guard let value = table[key] else { continue }
            if let subtable = value.table {
                parseRoleTable(path + [key], subtable)
            } else {
                fail(path + [key], "\"\(roleName)\" is not a role; put \(key) under one of \(children.joined(separator: ", "))")
            }
        }
    }

    private mutating func parseStyle(_ path: [String], _ table: TOMLTable) -> RoleStyle {
        let roleName = path.joined(separator: ".")
        var style = RoleStyle()
        for key in table.keys {
            guard let value = table[key] else { continue }
            let keyPath = path + [key]
            let setting = "\(roleName).\(key)"
            switch key {
            case "fg", "bg":
                guard let text = value.string else {
                    fail(keyPath, "\(setting) must be a colour string (\(TerminalColor.accepted)), not \(value.kindDescription)")
                    continue
                }
                do throws(ColorSpellingError) {
                    let colour = try TerminalColor(themeSpelling: text)
                    if key == "fg" { style.fg = colour } else { style.bg = colour }
                } catch .indexOutOfRange(let index) {
                    fail(keyPath, "colour index \(index) for \(setting) is out of range (colorN takes 0 to 255)")
                } catch {
                    fail(keyPath, "unknown colour \"\(text)\" for \(setting) (\(TerminalColor.accepted))")
                }
            case "bold", "italic", "underline", "reverse", "dim":
                guard let flag = value.bool else {
                    fail(keyPath, "\(setting) must be true or false, not \(value.kindDescription)")
                    continue
                }
                switch key {
                case "bold": style.bold = flag
                case "italic": style.italic = flag
                case "underline": style.underline = flag
                case "reverse": style.reverse = flag
                default: style.dim = flag
                }
            default:
                fail(keyPath, "unknown setting \"\(key)\" in [\(roleName)] (use \(Theme.styleKeys.joined(separator: ", ")))")
            }
        }
        return style
    }

    private mutating func fail(_ path: [String], _ message: String) {
        errors.append(document.error(at: path, message))
    }
}

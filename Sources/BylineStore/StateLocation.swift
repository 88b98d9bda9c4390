import Foundation

/// Where the state store lives, or that there is none.
public enum StateLocation: Equatable, Sendable {
    /// The store is this SQLite file (created, with its folder, when missing).
    case file(String)
    /// No store: nothing is read or written. `reason` is nil for `--no-state`, else why no
    /// place could be found (to tell the user once).
    case none(reason: String?)

    /// The store's file name inside its folder.
    public static let fileName = "state.sqlite3"

    /// Decides where the store is: `--no-state`, then `--state PATH`, then `state = "…"` from
    /// the config file (already resolved against the config's folder), then
    /// `$XDG_STATE_HOME/byline/state.sqlite3`, then `~/.local/state/byline/state.sqlite3`.
    ///
    /// A relative `--state` is taken from `currentDirectory`. A path that names an existing
    /// folder means the store file inside it (so `--state ~/news` never treats the folder
    /// itself as a store). A relative `XDG_STATE_HOME` is ignored, as the XDG spec says.
    public static func resolve(option: String?, noState: Bool, configured: String?,
                               environment: [String: String], currentDirectory: String) -> StateLocation {
        if noState { return .none(reason: nil) }
        if let option, !option.isEmpty {
            return .file(storeFile(at: absolute(option, in: currentDirectory)))
        }
        if let configured, !configured.isEmpty {
            return .file(storeFile(at: absolute(configured, in: currentDirectory)))
        }
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return .file(join(state, "byline", fileName))
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return .file(join(home, ".local/state/byline", fileName))
        }
        return .none(reason: "state will not be saved: neither XDG_STATE_HOME nor HOME is set")
    }

    /// The path of the store file, or nil when there is none.
    public var path: String? {
        if case .file(let path) = self { return path }
        return nil
    }

    private static func storeFile(at path: String) -> String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return join(path, fileName)
        }
        return path
    }

    private static func absolute(_ path: String, in directory: String) -> String {
        path.hasPrefix("/") ? path : join(directory, path)
    }

    private static func join(_ parts: String...) -> String {
        var result = ""
        for part in parts {
            if result.isEmpty {
                result = part
            } else {
                while result.hasSuffix("/") { result.removeLast() }
                result += "/" + part.drop { $0 == "/" }
            }
        }
        return result
    }
}

import Foundation

/// Finds Byline's bundled data: the `Themes/` and `Samples/` folders.
///
/// Looked for, in order: `$BYLINE_DATA_DIR`; `PREFIX/share/byline` beside an installed
/// `PREFIX/bin/byline`; the package folder above a `swift build` product (found by
/// walking up from the executable); the package this binary was compiled from.
struct DataLocator {
    let environment: [String: String]

    /// The first candidate folder that holds `name`.
    func folder(_ name: String) -> String? {
        for root in roots() {
            let path = (root as NSString).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                return path
            }
        }
        return nil
    }

    /// Candidate data roots, most specific first.
    func roots() -> [String] {
        var roots: [String] = []
        if let override = environment["BYLINE_DATA_DIR"], !override.isEmpty { roots.append(override) }
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var dir = executable.deletingLastPathComponent()
        roots.append(dir.deletingLastPathComponent().appendingPathComponent("share/byline").path)
        for _ in 0..<6 {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
                roots.append(dir.path)
                break
            }
            dir = dir.deletingLastPathComponent()
        }
        let source = URL(fileURLWithPath: #filePath)
        roots.append(source.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path)
        return roots
    }
}

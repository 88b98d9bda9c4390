import Foundation
@testable import BylineTheme

/// The repository's `Themes/` directory, found from this file's path.
let shippedThemesDirectory: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // BylineThemeTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()  // package root
    .appendingPathComponent("Themes").path

/// A fresh directory under the system temp directory, removed by `cleanUp()`.
struct TemporaryDirectory {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("byline-theme-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes `text` to `name` (creating folders), returning the full path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = path + "/" + name
        try FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    func cleanUp() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// The error a throwing theme operation gives, or nil if it succeeds.
/// (Any other error is recorded as a test issue by the caller's `#expect`s failing.)
func themeError(_ body: () throws -> Void) -> ThemeError? {
    do {
        try body()
        return nil
    } catch let error as ThemeError {
        return error
    } catch {
        return ThemeError(file: nil, message: "unexpected error: \(error)")
    }
}

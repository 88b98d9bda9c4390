import Foundation
import XCTest

/// Issue 12 #16: shell completion offers the reader's options at the top level, file and
/// folder names for paths, the installed theme names for `--theme`, and the values of
/// `--color` and `--sort`.
final class CompletionTests: XCTestCase {
    /// Runs the real binary and returns what it printed.
    private func byline(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: PTYSession.binary)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["XDG_CONFIG_HOME"] = NSTemporaryDirectory() + "byline-completion-\(UUID().uuidString.prefix(6))"
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// The body of the bash function that completes `byline` itself (not a subcommand).
    private func topLevel(_ script: String) throws -> Substring {
        let start = try XCTUnwrap(script.range(of: "\n_byline() {"))
        let rest = script[start.upperBound...]
        return rest[..<(rest.range(of: "\n}\n")?.lowerBound ?? rest.endIndex)]
    }

    func testBashOffersTheReadersOptionsAndPathsAtTheTopLevel() throws {
        let script = try byline(["--generate-completion-script", "bash"])
        let top = try topLevel(script)
        for option in ["--theme", "--color", "--sort", "--recursive", "--ascii", "--no-watch", "--list-themes"] {
            XCTAssertTrue(top.contains(option), "\(option) is not offered after `byline `:\n\(top)")
        }
        XCTAssertTrue(top.contains("-o plusdirs") || top.contains("compgen -f") || top.contains("-f"), "paths complete as files and folders:\n\(top)")
        XCTAssertTrue(top.contains("'auto'") && top.contains("'never'"), "--color's values")
        XCTAssertTrue(top.contains("'newest'") && top.contains("'longest'"), "--sort's values")
        XCTAssertTrue(top.contains("inspect"), "the subcommands are still offered")
    }

    func testThemeValuesAreTheInstalledThemes() throws {
        let config = NSTemporaryDirectory() + "byline-completion-themes-\(UUID().uuidString.prefix(6))"
        try FileManager.default.createDirectory(atPath: config + "/byline/themes", withIntermediateDirectories: true)
        try "[base]\nfg = \"red\"\n".write(toFile: config + "/byline/themes/dusk.toml", atomically: true, encoding: .utf8)
        let script = try byline(["--generate-completion-script", "bash"])
        // The script asks the binary for --theme's values; ask it the same way.
        let top = try topLevel(script)
        let call = try XCTUnwrap(top.components(separatedBy: "\n").first { $0.contains("---completion") && $0.contains("--theme") },
                                 "the script completes --theme by asking byline:\n\(top)")
        XCTAssertFalse(call.isEmpty)
        // <byline> ---completion -- <argument> <word index> <cursor index> <the words typed>
        let values = try byline(["---completion", "--", "--theme", "2", "0", "byline", "--theme", ""], environment: ["XDG_CONFIG_HOME": config])
        let names = values.split(separator: "\n").map(String.init)
        for theme in ["default", "dark", "light", "paper", "high-contrast", "mono", "dusk"] {
            XCTAssertTrue(names.contains(theme), "--theme does not offer \(theme): \(names)")
        }
    }

    func testZshAndFishOfferTheTopLevelOptionsToo() throws {
        for shell in ["zsh", "fish"] {
            let script = try byline(["--generate-completion-script", shell])
            XCTAssertTrue(script.contains("theme"), shell)
            XCTAssertTrue(script.contains("newest"), "\(shell): --sort's values")
        }
        let fish = try byline(["--generate-completion-script", "fish"])
        XCTAssertTrue(fish.components(separatedBy: "\n").contains { $0.contains("-l 'theme'") && $0.contains("\"byline\" theme") },
                      "fish offers --theme for `byline` itself")
    }
}

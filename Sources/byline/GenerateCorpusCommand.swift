import ArgumentParser
import BylineCorpus
import Foundation

/// `byline generate-corpus OUTDIR N [--seed S]`: a deterministic folder of synthetic articles.
///
/// Hidden from help: it exists so anyone can rebuild the 1k/10k/100k folders the performance
/// figures were measured on (see `Benchmarks/README.md`).
struct GenerateCorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-corpus",
        abstract: "Write N deterministic synthetic articles into OUTDIR (for benchmarks).",
        shouldDisplay: false
    )

    @Argument(help: "Folder to write into (created if missing).")
    var outdir: String

    @Argument(help: "Number of articles (1...1000000).")
    var count: Int

    @Option(help: "Seed: article i depends only on (seed, i).")
    var seed: UInt64 = 1

    @Option(help: "Fewest words an article has.")
    var minWords: Int = 300

    @Option(help: "Most words an article has (roughly).")
    var maxWords: Int = 2000

    func validate() throws {
        guard (1...1_000_000).contains(count) else { throw ValidationError("N must be 1...1000000") }
        guard minWords >= 1, maxWords >= minWords else { throw ValidationError("need 1 <= --min-words <= --max-words") }
    }

    func run() throws {
        let generator = CorpusGenerator(seed: seed, minWords: minWords, maxWords: maxWords)
        let summary: CorpusGenerator.Summary
        do {
            summary = try generator.write(count: count, to: outdir)
        } catch {
            FileHandle.standardError.write(Data("byline: cannot write corpus to \(outdir): \(error.localizedDescription)\n".utf8))
            throw ExitCode(1)
        }
        print("wrote \(summary.files) articles, \(summary.bytes) bytes, to \(outdir) (byline generator, seed \(seed))")
    }
}

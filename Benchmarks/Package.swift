// swift-tools-version:6.1
// Byline's benchmarks: a separate package so the main one does not depend on the benchmark tool.
//
//   cd Benchmarks && swift package benchmark
//
// Corpora are generated at benchmark time into $BYLINE_BENCH_CORPUS (default: a folder under
// the system temporary directory), never committed.
import PackageDescription

let package = Package(
    name: "BylineBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Byline", path: "../"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Parse throughput, library open, frame render, keystrokes, allocations per frame, the state store.
        .executableTarget(
            name: "BylineBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "BylineModel", package: "Byline"),
                .product(name: "BylineReader", package: "Byline"),
                .product(name: "BylineCanvas", package: "Byline"),
                .product(name: "BylineCorpus", package: "Byline"),
                .product(name: "BylineStore", package: "Byline"),
            ],
            path: "Benchmarks/BylineBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)

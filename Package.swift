// swift-tools-version:6.0
// Byline: a terminal news reader for folders of plain-text articles.
import PackageDescription

let package = Package(
    name: "Byline",
    products: [
        .executable(name: "byline", targets: ["byline"]),
        .library(name: "BylineModel", targets: ["BylineModel"]),
        .library(name: "BylineCanvas", targets: ["BylineCanvas"]),
        .library(name: "BylineReader", targets: ["BylineReader"]),
        .library(name: "BylineTheme", targets: ["BylineTheme"]),
        // For the fuzz targets in Fuzz/ (a separate package): the key decoder on real ncursesw.
        .library(name: "BylineTerminal", targets: ["BylineTerminal"]),
        .library(name: "BylineCorpus", targets: ["BylineCorpus"]),
        .library(name: "BylineStore", targets: ["BylineStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // MARK: - C shim
        // ncursesw, with its macros wrapped as functions, and the signal flags and self-pipe.
        .target(name: "CNcursesw", linkerSettings: [.linkedLibrary("ncursesw")]),
        // zstd, for the search index's compact copy of each article's text.
        .systemLibrary(name: "CZstd", path: "Sources/CZstd"),
        // glibc's malloc.h, for the reader's malloc settings (mallopt).
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),

        // MARK: - Plain Swift layers (no terminal I/O)
        // Articles: decoding, sanitising, parsing, quotes, the library of a folder.
        .target(name: "BylineModel"),
        // A deterministic generator of article folders, for benchmarks and measurements.
        .target(name: "BylineCorpus"),
        // The cell grid everything draws into: sizes, rects, roles, display width, wrapping.
        .target(name: "BylineCanvas"),
        // Themes: TOML files naming roles, colour-depth fallback.
        .target(name: "BylineTheme", dependencies: [
            "BylineCanvas",
            .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        // The reader: state, actions, one update function, key map, layout, panes, run loop.
        .target(name: "BylineReader", dependencies: ["BylineModel", "BylineCanvas", "BylineStore"]),

        // MARK: - The terminal (the only module that imports curses)
        .target(name: "BylineTerminal", dependencies: ["CNcursesw", "BylineCanvas", "BylineTheme", "BylineReader"]),

        // MARK: - The state store (the only module that imports GRDB, i.e. SQLite)
        // Read marks, reading positions and where you left off, per library, in one SQLite file;
        // the search index (FTS5) in a file beside it.
        .target(name: "BylineStore", dependencies: [
            "CZstd",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),

        // MARK: - The executable
        .executableTarget(name: "byline", dependencies: [
            "BylineModel", "BylineReader", "BylineTerminal", "BylineTheme", "BylineCorpus", "BylineStore", "CMalloc",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // MARK: - Tests
        .target(name: "BylineTestSupport", dependencies: ["BylineReader", "BylineCanvas", "BylineModel"], path: "Tests/BylineTestSupport"),
        .testTarget(name: "BylineModelTests", dependencies: [
            "BylineModel", "BylineCorpus", "BylineTestSupport",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "BylineCanvasTests", dependencies: ["BylineCanvas", "BylineCorpus"]),
        .testTarget(name: "BylineThemeTests", dependencies: ["BylineTheme", "BylineCanvas"]),
        .testTarget(name: "BylineReaderTests", dependencies: [
            "BylineReader", "BylineTestSupport", "BylineCorpus",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ], exclude: ["Snapshots"]),
        // The key decoder only: curses is never started in unit tests.
        .testTarget(name: "BylineTerminalTests", dependencies: ["BylineTerminal", "BylineReader", "CNcursesw"]),
        .testTarget(name: "BylineStoreTests", dependencies: [
            "BylineStore",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "BylineEndToEndTests", dependencies: ["BylineTestSupport", "BylineCorpus", "BylineStore", "byline"]),
    ]
)

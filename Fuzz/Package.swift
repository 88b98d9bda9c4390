// swift-tools-version:6.0
// Byline's libFuzzer targets: a separate package that builds them from the main package's real
// modules, so a new file or type there can never leave them out of date.
//
//   Fuzz/run.sh [SECONDS] [TARGET...]
//
// Each target is an executable whose `@main` hands one function to libFuzzer's driver
// (`LLVMFuzzerRunDriver`); run.sh builds them with `-sanitize=fuzzer,address`, which links
// libFuzzer and AddressSanitizer into the targets and instruments the main package's modules too.
import PackageDescription

/// An executable fuzz target `name` in Sources/`name`, using the main package's `products`.
func fuzzTarget(_ name: String, _ products: [String]) -> Target {
    .executableTarget(name: name, dependencies: ["FuzzSupport"] + products.map { .product(name: $0, package: "Byline") })
}

let package = Package(
    name: "BylineFuzz",
    dependencies: [
        .package(name: "Byline", path: "../"),
    ],
    targets: [
        // The declaration of libFuzzer's driver, and what every target shares.
        .systemLibrary(name: "CLibFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer"]),

        // Article bytes through the parser: every field clean, quotes pointing at real blocks.
        fuzzTarget("ParserFuzz", ["BylineModel"]),
        // Text through word wrap and the canvas: widths, edges, wide-glyph pairs.
        fuzzTarget("WrapFuzz", ["BylineCanvas", "BylineModel"]),
        // Bytes typed into a pseudo-terminal, read by real ncursesw and mapped by KeyDecoder.
        fuzzTarget("KeysFuzz", ["BylineTerminal", "BylineReader"]),
        // Theme and config files through ThemeParser and BylineConfig: a theme or one clean line.
        fuzzTarget("TomlFuzz", ["BylineTheme", "BylineCanvas"]),
        // Random or damaged bytes where the state store file should be: it opens, or is moved
        // aside with a notice, and then saves and loads a mark.
        fuzzTarget("StoreFuzz", ["BylineStore"]),
        // Article bytes through `byline inspect --json`'s encoding: always one line of valid JSON.
        fuzzTarget("InspectJSONFuzz", ["BylineModel"]),
        // (The search index's query parser gets its target here when the index lands.)
    ]
)

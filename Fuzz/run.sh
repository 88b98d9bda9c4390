#!/usr/bin/env bash
# Builds and runs Byline's libFuzzer targets.
#
#   Fuzz/run.sh [SECONDS] [TARGET...]      targets: parser, wrap (default: both)
#
# Each target runs for SECONDS (default 60) on a working corpus in Fuzz/corpus-work/<target>/
# (seeded from the committed Fuzz/corpus/<target>/); crashes land in Fuzz/artifacts/<target>/.
# Set FUZZ_BUILD_ONLY=1 to only build, FUZZ_OPT=-Onone for a debug build, NICE=0 to run un-niced.
# Reproduce a crash:  .build-fuzz/fuzz/<target>-fuzz Fuzz/artifacts/<target>/crash-...
set -euo pipefail

cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(parser wrap)

out=.build-fuzz/fuzz
mkdir -p "$out"
opt="${FUZZ_OPT:--O}"
nice_cmd=(nice -n "${NICE:-10}")
# Without this the Swift runtime's in-process backtracer runs after a trap, and ASan reports
# its memory reads as a second, unrelated crash.
export SWIFT_BACKTRACE=enable=no
# lld: gold links too but warns about every ASan helper symbol.
swiftc_cmd=(swiftc -sanitize=fuzzer,address -use-ld=lld -parse-as-library "$opt" -g -module-name BylineFuzz)

build() {
    local target="$1"
    local sources=()
    case "$target" in
    parser)
        # The whole model except the folder-level code (Library, FileAccess): the parser does not need it.
        for f in Sources/BylineModel/*.swift; do
            case "$f" in */Library.swift | */FileAccess.swift) ;; *) sources+=("$f") ;; esac
        done
        sources+=(Fuzz/ParserFuzz.swift)
        ;;
    wrap)
        sources=(Sources/BylineCanvas/*.swift Sources/BylineModel/TextSanitizer.swift Fuzz/WrapFuzz.swift)
        ;;
    *)
        echo "unknown target: $target (parser, wrap)" >&2
        exit 2
        ;;
    esac
    echo "== building $target" >&2
    "${nice_cmd[@]}" "${swiftc_cmd[@]}" "${sources[@]}" -o "$out/$target-fuzz"
}

for target in "${targets[@]}"; do
    build "$target"
done
[ -z "${FUZZ_BUILD_ONLY:-}" ] || exit 0

for target in "${targets[@]}"; do
    case "$target" in parser) max_len=65536 ;; *) max_len=4096 ;; esac
    work="Fuzz/corpus-work/$target"
    artifacts="Fuzz/artifacts/$target"
    mkdir -p "$work" "$artifacts"
    cp -n "Fuzz/corpus/$target"/* "$work"/ 2>/dev/null || true
    echo "== fuzzing $target for ${seconds}s" >&2
    "${nice_cmd[@]}" "$out/$target-fuzz" "$work" \
        -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$artifacts/" -print_final_stats=1
done

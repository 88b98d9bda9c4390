#!/usr/bin/env bash
# Builds and runs Byline's libFuzzer targets.
#
#   Fuzz/run.sh [SECONDS] [TARGET...]      targets: parser, wrap, keys, toml, store, inspectjson
#                                          (default: all)
#
# The targets are a SwiftPM package (Fuzz/Package.swift) that depends on the main package, so
# they are built from its real modules: a new file or type there cannot leave them behind.
# Everything is compiled with -sanitize=fuzzer,address (libFuzzer and AddressSanitizer, shipped
# with the Swift toolchain on Linux) into .build-fuzz/.
#
# Each target runs for SECONDS (default 60) on a working corpus in Fuzz/corpus-work/<target>/
# (seeded from the committed Fuzz/corpus/<target>/); crashes land in Fuzz/artifacts/<target>/.
# Set FUZZ_BUILD_ONLY=1 to only build, NICE=0 to run un-niced, FUZZ_SCRATCH to build elsewhere.
# Reproduce a crash:  .build-fuzz/release/<Target>Fuzz Fuzz/artifacts/<target>/crash-...
# Exits non-zero if any target found something (after running all of them).
set -euo pipefail

cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
# A new target: a folder in Fuzz/Sources, a line in Fuzz/Package.swift, a name here and in
# product() below, seeds in Fuzz/corpus/<name>/. (The search query parser's goes here too.)
all=(parser wrap keys toml store inspectjson)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")

product() {
    case "$1" in
    parser) echo ParserFuzz ;;
    wrap) echo WrapFuzz ;;
    keys) echo KeysFuzz ;;
    toml) echo TomlFuzz ;;
    store) echo StoreFuzz ;;
    inspectjson) echo InspectJSONFuzz ;;
    *) echo "unknown target: $1 (${all[*]})" >&2; exit 2 ;;
    esac
}
for target in "${targets[@]}"; do product "$target" >/dev/null; done

nice_cmd=(nice -n "${NICE:-10}")
scratch=${FUZZ_SCRATCH:-.build-fuzz}
# The main package is a dependency here, and SwiftPM reuses a dependency's build plan without
# looking for new files in it: --disable-build-manifest-caching makes it plan afresh each time
# (a second or two), so a file added to the main package is always compiled.
# lld: gold links too, but warns about every ASan helper symbol. The C++ of TOMLKit (toml++) is
# instrumented as well, so the toml target sees its branches and ASan checks its memory.
build_flags=(-c release --package-path Fuzz --scratch-path "$scratch" --disable-build-manifest-caching
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld
    -Xcxx -fsanitize=fuzzer-no-link,address)

echo "== building fuzz targets into $scratch" >&2
start=$(date +%s)
"${nice_cmd[@]}" swift build "${build_flags[@]}" >&2
echo "== built in $(( $(date +%s) - start )) s" >&2
[ -z "${FUZZ_BUILD_ONLY:-}" ] || exit 0
bin="$scratch/release"

# Without this the Swift runtime's in-process backtracer runs after a trap, and ASan reports
# its memory reads as a second, unrelated crash.
export SWIFT_BACKTRACE=enable=no
# Leaks inside TOMLKit are known and bounded (see the file); leaks in our code still fail.
export LSAN_OPTIONS="suppressions=$PWD/Fuzz/lsan-suppressions.txt:print_suppressions=0"

failed=()
for target in "${targets[@]}"; do
    extra=()
    case "$target" in
    parser) max_len=65536 ;;
    keys) max_len=1024 ;;  # the terminal's input queue holds 4 KB
    inspectjson) max_len=16384 ;;
    # A real store file is 24 KB. GRDB and Foundation free some of an input's memory on other
    # threads after it ends, so libFuzzer took every input for a possible leak and ran it again
    # under LeakSanitizer (25 runs/s instead of 100, none a leak): its leaks are checked by
    # scripts/leaks.sh over the store's unit tests instead.
    store) max_len=65536; extra=(-detect_leaks=0) ;;
    *) max_len=4096 ;;
    esac
    dict=()
    [ -f "Fuzz/dict/$target.dict" ] && dict=(-dict="Fuzz/dict/$target.dict")
    work="Fuzz/corpus-work/$target"
    artifacts="Fuzz/artifacts/$target"
    mkdir -p "$work" "$artifacts"
    cp -n "Fuzz/corpus/$target"/* "$work"/ 2>/dev/null || true
    log="$artifacts/last-run.log"
    echo "== fuzzing $target for ${seconds}s (log: $log)" >&2
    set +e
    "${nice_cmd[@]}" "$bin/$(product "$target")" "$work" "${dict[@]}" "${extra[@]}" \
        -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$artifacts/" -print_final_stats=1 >"$log" 2>&1
    status=$?
    set -e
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1 || true)
    cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 || true)
    corpus=$(ls "$work" | wc -l)
    if [ "$status" -eq 0 ]; then
        echo "fuzz $target: ok, ${runs:-?} runs in ${seconds} s, ${cov:-cov: ?}, corpus $corpus" >&2
    else
        echo "fuzz $target: FAILED (status $status) after ${runs:-?} runs; the end of $log:" >&2
        grep -vE '^"|# Uses' "$log" | tail -40 >&2
        failed+=("$target")
    fi
done
[ ${#failed[@]} -eq 0 ] || { echo "fuzz: failed: ${failed[*]}" >&2; exit 1; }

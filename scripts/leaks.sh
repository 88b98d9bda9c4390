#!/usr/bin/env bash
# Leaks: the unit tests (not the end-to-end ones) once under AddressSanitizer's LeakSanitizer.
#
#   scripts/leaks.sh
#
# Builds the tests with -sanitize=address into $SCRATCH (default .build-leaks), runs them with
# leak detection on, and sorts every leak LeakSanitizer reports at exit into ours (a frame of
# its allocation stack is in Sources/ or Tests/ of this package) and the rest (the Swift runtime,
# Foundation, XCTest, swift-testing: noise we cannot fix). Leaks inside TOMLKit are suppressed
# (Fuzz/lsan-suppressions.txt says why) and counted separately. The full report stays in
# $SCRATCH/leaks.log. Fails if any leak is ours, or if the tests fail. XCTest and swift-testing
# tests run in two processes, each checked when it exits.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SCRATCH=${SCRATCH:-$ROOT/.build-leaks}
LOG="$SCRATCH/leaks.log"
mkdir -p "$SCRATCH"
cd "$ROOT"

echo "== building the tests with AddressSanitizer into $SCRATCH" >&2
nice swift build --build-tests --sanitize address --scratch-path "$SCRATCH" >&2

echo "== running the unit tests with leak detection (log: $LOG)" >&2
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS=detect_leaks=1
export LSAN_OPTIONS="suppressions=$ROOT/Fuzz/lsan-suppressions.txt:print_suppressions=1:report_objects=0"
# XCTest and swift-testing run in separate processes; each reports its leaks when it exits
# (and a leak report makes its exit status non-zero, which would stop `swift test` before the
# second), so they run one after the other.
set +e
nice swift test --skip-build --sanitize address --scratch-path "$SCRATCH" --disable-swift-testing \
    --skip BylineEndToEndTests >"$LOG" 2>&1
status=$?
nice swift test --skip-build --sanitize address --scratch-path "$SCRATCH" --disable-xctest \
    --skip BylineEndToEndTests >>"$LOG" 2>&1
status=$(( status | $? ))
set -e

python3 - "$LOG" "$ROOT" "$status" <<'EOF'
import re, sys
log, root, status = open(sys.argv[1], errors="replace").read(), sys.argv[2], int(sys.argv[3])
ours, noise = [], []
for block in re.split(r"\n(?=(?:Direct|Indirect) leak of )", log):
    m = re.match(r"(Direct|Indirect) leak of (\d+) byte\(s\) in (\d+) object", block)
    if not m:
        continue
    frames = re.findall(r"#\d+ 0x[0-9a-f]+ in (\S+) (\S+)", block.split("\n\n")[0])
    # A frame in our files, other than XCTest making our test-case objects (XCTMain keeps the
    # suite it builds until exit, and LeakSanitizer counts that as a leak).
    mine = [f"{fn} {where}" for fn, where in frames
            if where.startswith((root + "/Sources/", root + "/Tests/")) and "name11testClosure" not in fn]
    # Where it was allocated: the first frame past the allocator and the Swift runtime's own.
    callers = [f"{fn} {where}" for fn, where in frames
               if not fn.startswith(("malloc", "calloc", "realloc", "posix_memalign", "operator", "swift_", "swift::", "$ss"))]
    entry = (m.group(1), int(m.group(2)), int(m.group(3)), mine[0] if mine else (callers[0] if callers else frames[-1][0]))
    (ours if mine else noise).append(entry)
suppressed = re.findall(r"^\s*(\d+)\s+(\d+)\s+(\S+)$", log.split("Suppressions used:")[-1], re.M) if "Suppressions used:" in log else []
tests = re.findall(r"^(✔|✘) Test run with .*$|^\s*Executed \d+ tests?, with \d+ failures? .*$", log, re.M)
def total(entries):
    return sum(e[1] for e in entries), sum(e[2] for e in entries)
print("leaks: our code: %d report(s), %d bytes in %d objects" % ((len(ours),) + total(ours)))
for kind, size, count, where in ours:
    print("  %s %d bytes in %d objects: %s" % (kind, size, count, where))
print("leaks: runtime and libraries (not ours): %d report(s), %d bytes in %d objects" % ((len(noise),) + total(noise)))
for kind, size, count, where in sorted(noise, key=lambda e: -e[1])[:10]:
    print("  %s %d bytes in %d objects, allocated in %s" % (kind, size, count, where[:140]))
for count, size, name in suppressed:
    print("leaks: suppressed (%s): %s bytes in %s allocations" % (name, size, count))
tests_failed = "✘ Test run" in log or re.search(r"with [1-9]\d* failures?", log) or "✔ Test run" not in log
runs = re.findall(r"^\s*Executed (\d+) tests?, with \d+ failures?.*$", log, re.M)
swift_testing = re.findall(r"Test run with (\d+) tests?", log)
print("tests: %s (XCTest %s, swift-testing %s; exit status %d, which a leak report alone makes non-zero)"
      % ("FAILED" if tests_failed else "passed", runs[-1] if runs else "?", swift_testing[-1] if swift_testing else "?", status))
sys.exit(1 if ours or tests_failed else 0)
EOF

#!/usr/bin/env bash
# The README's allocation promise, re-run: a line scrolled in reading mode allocates nothing.
# Runs the Benchmarks package's "Allocations per frame, reading-mode line scroll" benchmarks
# (120x40 and 200x60: malloc calls counted by the benchmark package's interposer, 200 frames
# each) and fails unless every percentile of every one is 0. Counts, not times: the figure does
# not move with the machine's load. CI (.ci/run) runs it after the tests.
set -euo pipefail
cd "$(dirname "$0")/../Benchmarks"
out=$(swift package --allow-writing-to-package-directory benchmark \
    --filter "Allocations per frame, reading-mode line scroll.*" --no-progress 2>&1) || {
    echo "$out" >&2
    echo "check-allocations: the benchmarks did not run" >&2
    exit 1
}
python3 - "$out" <<'PY'
import re, sys
out = sys.argv[1]
name, results = None, []
for line in out.splitlines():
    if line.startswith("Allocations per frame, reading-mode line scroll"):
        name = line.strip()
    elif name and line.startswith("│ Malloc (total)"):
        counts = [int(c) for c in re.findall(r"│\s*(\d+)\s*(?=│)", line)]
        results.append((name, counts[:-1]))  # the last column is the sample count
        name = None
if len(results) != 2:
    print(out)
    sys.exit("check-allocations: expected two benchmarks' malloc rows, found %d" % len(results))
bad = [(n, c) for n, c in results if any(c)]
for n, c in results:
    print("%s: mallocs per frame by percentile %s" % (n, c))
if bad:
    sys.exit("check-allocations: a reading-mode line scroll allocates (see above); the README promises 0")
print("check-allocations: ok, 0 allocations a frame")
PY

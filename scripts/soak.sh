#!/usr/bin/env bash
# Soak: 100,000 random keys and 1,000 random resizes through a pseudo-terminal over a 10k library.
#
#   scripts/soak.sh                         # the full soak (seed 1)
#   KEYS=20000 RESIZES=200 SEED=7 scripts/soak.sh
#   FRESH_INDEX=1 scripts/soak.sh           # the reader builds the search index as it runs
#   BREAKDOWN=1 scripts/soak.sh             # also resident memory by kind (heap, malloc arenas...)
#
# Builds a statically linked release (as installed) into $SCRATCH (default .build-soak),
# generates the library with `byline generate-corpus` into $SCRATCH/library-$ARTICLES-seed1 (kept
# for the next run), then runs scripts/soak.py. Prints its start, after-1,000-keys, peak and end
# memory and keys per second, and fails unless byline exits 0 on `q` and its peak stays within
# BUDGET_MIB (default 5) of the resident size after the first 1,000 keys.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SCRATCH=${SCRATCH:-$ROOT/.build-soak}
ARTICLES=${ARTICLES:-10000}
KEYS=${KEYS:-100000}
RESIZES=${RESIZES:-1000}
SEED=${SEED:-1}
BUDGET_MIB=${BUDGET_MIB:-5}

echo "== building release into $SCRATCH" >&2
(cd "$ROOT" && swift build -c release --static-swift-stdlib --product byline --scratch-path "$SCRATCH" >&2)
BIN="$SCRATCH/release/byline"

LIBRARY="$SCRATCH/library-$ARTICLES-seed1"
if [ ! -f "$LIBRARY/.complete" ]; then
    rm -rf "$LIBRARY"
    "$BIN" generate-corpus "$LIBRARY" "$ARTICLES" --seed 1 >&2
    touch "$LIBRARY/.complete"
fi

HOME_DIR=$(mktemp -d "${TMPDIR:-/tmp}/byline-soak.XXXXXX")
trap 'rm -rf "$HOME_DIR"' EXIT
# The search index, built before the soak as a first run leaves it: the soak measures what long
# use costs, and building the index of 10,000 articles on the reader's background thread (a cost
# of the first run only: about 12 MiB more at its peak) would swallow the 5 MiB budget.
# FRESH_INDEX=1 leaves the building to the reader, as on a first run.
if [ -z "${FRESH_INDEX:-}" ]; then
    start=$(date +%s)
    mkdir -p "$HOME_DIR/config"
    env -i PATH=/usr/bin:/bin LANG=C.UTF-8 LC_ALL=C.UTF-8 HOME="$HOME_DIR" XDG_CONFIG_HOME="$HOME_DIR/config" \
        "$BIN" search harbour "$LIBRARY" --limit 1 >/dev/null || echo "== byline search exited with $?" >&2
    echo "== search index built in $(( $(date +%s) - start )) s" >&2
fi
echo "== soak: $KEYS keys, $RESIZES resizes, seed $SEED, $ARTICLES articles" >&2
set +e
RESULT=$(python3 "$ROOT/scripts/soak.py" --binary "$BIN" --library "$LIBRARY" --keys "$KEYS" \
    --resizes "$RESIZES" --seed "$SEED" --budget-mib "$BUDGET_MIB" --home "$HOME_DIR" ${BREAKDOWN:+--breakdown})
STATUS=$?
set -e
echo "$RESULT"
[ -n "$RESULT" ] && python3 - "$RESULT" <<'EOF' >&2
import json, sys
r = json.loads(sys.argv[1])
print(f"start {r['start_rss_mib']:.1f} MiB, after 1,000 keys {r['after_1000_rss_mib']:.1f} MiB, "
      f"peak {r['peak_hwm_mib']:.1f} MiB, end {r['end_rss_mib']:.1f} MiB; "
      f"{r['keys_per_second']:.0f} keys/s over {r['seconds']:.0f} s; exit {r['exit_code']}; "
      f"{'ok' if r['ok'] else 'FAILED'} (peak - after 1,000 = {r['growth_after_1000_mib']:.1f} MiB)")
EOF
exit $STATUS

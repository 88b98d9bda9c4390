#!/usr/bin/env bash
# The library search measured from outside, as a user meets it from the command line:
# indexing from nothing (wall clock, peak memory, how the time splits between reading and
# parsing the files and writing the index, the index's size against the text), a start with the
# index up to date, and `byline search WORD` side by side with `grep -ril WORD` on the same folder.
#
#   scripts/search-measure.sh                 # 10k and 100k articles
#   SIZES=10000 RUNS=3 scripts/search-measure.sh
#
# Builds a statically linked release into $SCRATCH (default .build-measure, shared with
# measure.sh), generates the corpora into $WORK (default $TMPDIR/byline-measure, shared with
# measure.sh) with ../shared/tools/gen_corpus.py when it exists, else `byline generate-corpus`.
# Indexing from nothing runs $INDEX_RUNS times at 10k (default 3) and once at 100k; the
# searches $RUNS times each (default 5). Prints Markdown tables of medians on stdout.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${BYLINE_SHARED:-$ROOT/../shared}
WORK=${BYLINE_MEASURE_DIR:-${TMPDIR:-/tmp}/byline-measure}
SCRATCH=${SCRATCH:-$ROOT/.build-measure}
RUNS=${RUNS:-5}
INDEX_RUNS=${INDEX_RUNS:-3}
SIZES=${SIZES:-"10000 100000"}
WORDS=${WORDS:-"harbour Kraków nunez"}
mkdir -p "$WORK"

log() { printf '%s\n' "$*" >&2; }

log "== building release into $SCRATCH"
nice swift build -c release --static-swift-stdlib --package-path "$ROOT" --scratch-path "$SCRATCH" --product byline >&2
BIN=$SCRATCH/release/byline

if [ -f "$SHARED/tools/gen_corpus.py" ]; then GENERATOR=gen_corpus.py; else GENERATOR=byline; fi
corpus() {  # corpus NAME N: a folder, generated once (the same folders as measure.sh's)
    local name=$1 n=$2
    local dir=$WORK/$name marker=$WORK/$name/.complete-$GENERATOR
    if [ ! -f "$marker" ]; then
        log "== generating $n articles into $dir ($GENERATOR)"
        rm -rf "$dir"
        if [ "$GENERATOR" = gen_corpus.py ]; then
            nice python3 "$SHARED/tools/gen_corpus.py" "$dir" "$n" --seed 1 >&2
        else
            nice "$BIN" generate-corpus "$dir" "$n" --seed 1 >&2
        fi
        touch "$marker"
    fi
    printf '%s' "$dir"
}

median() { sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

# timed RUNS CMD...: the median wall clock in seconds of RUNS runs of CMD (output dropped).
timed() {
    local runs=$1; shift
    for _ in $(seq "$runs"); do
        local start; start=$(now)
        "$@" >/dev/null 2>&1 || true
        seconds "$start" "$(now)"; echo
    done | median
}

INDEX_TABLE="| articles | text | index from nothing | reading and parsing | writing (SQLite) | peak RSS | index file | index / text | start, index up to date |
|---|---|---|---|---|---|---|---|---|"
SEARCH_TABLE="| articles | command | articles found | time (median of $RUNS) |
|---|---|---|---|"

for n in $SIZES; do
    dir=$(corpus "c$n" "$n")
    text=$(find "$dir" -maxdepth 1 -name '*.txt' -printf '%s\n' | awk '{ s += $1 } END { print s }')
    state=$WORK/search-state-$n
    runs=$INDEX_RUNS
    [ "$n" -ge 100000 ] && runs=1
    walls=(); rss=(); reading=(); writing=()
    for r in $(seq "$runs"); do
        log "== indexing $n articles from nothing ($r/$runs)"
        rm -rf "$state"
        out=$( { /usr/bin/time -f 'TIME %e %M' "$BIN" search zzzzzz "$dir" --state "$state/state.sqlite3" --report-indexing >/dev/null; } 2>&1 || true)
        log "$out"
        walls+=("$(sed -n 's/^TIME \([0-9.]*\) .*/\1/p' <<<"$out")")
        rss+=("$(sed -n 's/^TIME [0-9.]* \([0-9]*\)/\1/p' <<<"$out")")
        reading+=("$(sed -n 's/.*reading and parsing \([0-9.]*\) s.*/\1/p' <<<"$out")")
        writing+=("$(sed -n 's/.*writing \([0-9.]*\) s.*/\1/p' <<<"$out")")
    done
    index=$state/index.sqlite3
    size=$(stat -c %s "$index")
    wall=$(printf '%s\n' "${walls[@]}" | median)
    peak=$(printf '%s\n' "${rss[@]}" | median)
    read_s=$(printf '%s\n' "${reading[@]}" | median)
    write_s=$(printf '%s\n' "${writing[@]}" | median)
    log "== start with the index up to date ($RUNS runs)"
    uptodate=$(timed "$RUNS" "$BIN" search zzzzzz "$dir" --state "$state/state.sqlite3")
    INDEX_TABLE+=$'\n'"$(awk -v n="$n" -v text="$text" -v wall="$wall" -v r="$read_s" -v w="$write_s" -v rss="$peak" \
        -v size="$size" -v up="$uptodate" 'BEGIN {
        printf "| %d | %.0f MB | %.1f s | %.1f s | %.1f s | %.1f MiB | %.0f MB | %.2f | %.0f ms |",
            n, text / 1e6, wall, r, w, rss / 1024, size / 1e6, size / text, up * 1000 }')"

    for word in $WORDS; do
        log "== $word: byline search and grep -ril ($RUNS runs each)"
        found=$({ "$BIN" search "$word" "$dir" --state "$state/state.sqlite3" || true; } | wc -l)
        t=$(timed "$RUNS" "$BIN" search "$word" "$dir" --state "$state/state.sqlite3")
        SEARCH_TABLE+=$'\n'"| $n | \`byline search $word\` | $found | $(awk -v t="$t" 'BEGIN { printf "%.0f ms", t * 1000 }') |"
        found=$({ grep -ril -- "$word" "$dir" || true; } | wc -l)
        t=$(timed "$RUNS" grep -ril -- "$word" "$dir")
        SEARCH_TABLE+=$'\n'"| $n | \`grep -ril $word\` | $found | $(awk -v t="$t" 'BEGIN { printf "%.0f ms", t * 1000 }') |"
    done
done

printf '%s\n\n%s\n' "$INDEX_TABLE" "$SEARCH_TABLE"

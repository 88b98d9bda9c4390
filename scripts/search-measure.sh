#!/usr/bin/env bash
# The library search measured as a user meets it, against the goals of issue 14, side by side
# with `grep -ril` and newsboat's search on the same generated articles:
#   - indexing from nothing: in the reader (its own background indexing: one reading thread
#     beside the writer, niced, after the first frame) and with `byline search` (a reading
#     thread per core): wall clock, peak memory, the index's size against the text;
#   - list moves in the reader while it indexes from nothing and, in the same process, once
#     it is done;
#   - the reader started with the index up to date: start to the list (against a start with no
#     state at all), what the index's catch-up costs (CPU, anything drawn);
#   - queries: the first page of 50 in the process (`byline search --report-indexing`), and
#     typed in the reader (`/`, then the query) until its first page of results shows, with a
#     warm and a cold page cache; `by:` and People (`P`);
#   - `byline search WORD` against `grep -ril WORD` (warm and cold), newsboat's `/` search;
#   - typing a search in a 20,000-word article (a micro-benchmark of the Benchmarks package).
#
#   scripts/search-measure.sh                         # 10k and 100k articles, everything
#   SIZES=10000 NEWSBOAT=skip COLD=skip BENCH=skip scripts/search-measure.sh
#
# Settings (environment):
#   SIZES          corpus sizes (default "10000 100000")
#   RUNS           runs of each command-line search and grep, warm, and of the reader's start
#                  (default 5; medians)
#   COLD_RUNS      the same with the page cache dropped before each (default 1)
#   INDEX_RUNS     indexings from nothing, each way, below 100k articles (default 3; 1 from 100k)
#   SESSIONS       reader sessions with the index up to date, for the queries (default 3)
#   REPEAT         times each query (and People) is typed per session (default 3)
#   DOWN           Down keys timed while the reader indexes, and again once it is done (default 300)
#   QUERIES        the reader's queries, separated by ';' (default below)
#   WORDS          words for `byline search` against `grep -ril` (default "harbour unconditional")
#   COLD           auto: cold-cache figures when /proc/sys/vm/drop_caches is writable (root;
#                  this drops the cache of the whole machine); skip
#   NEWSBOAT       auto: measured if installed; install: apt-get it first; skip
#   NEWSBOAT_SIZES sizes for newsboat (default 10000: its cache of 100k takes very long to fill)
#   BENCH          auto: run the in-article benchmark (builds the Benchmarks package); skip
#   BENCH_FILTER   which benchmarks (default "Find in article.*")
#
# Builds a statically linked release into $SCRATCH (default .build-measure, shared with
# measure.sh), generates the corpora into $WORK (default $TMPDIR/byline-measure, shared with
# measure.sh) with ../shared/tools/gen_corpus.py when it exists, else `byline generate-corpus`;
# needs ../shared/tools/ptybench.py (and pyte) for the reader. Raw figures (JSON, logs) go to
# $WORK/search-results; Markdown tables of the figures against the goals go to stdout. Disk:
# at 100k, the folder (741 MB) and two indexes of about 870 MB each while both exist.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${BYLINE_SHARED:-$ROOT/../shared}
WORK=${BYLINE_MEASURE_DIR:-${TMPDIR:-/tmp}/byline-measure}
SCRATCH=${SCRATCH:-$ROOT/.build-measure}
RUNS=${RUNS:-5}
COLD_RUNS=${COLD_RUNS:-1}
INDEX_RUNS=${INDEX_RUNS:-3}
SESSIONS=${SESSIONS:-3}
REPEAT=${REPEAT:-3}
DOWN=${DOWN:-300}
SIZES=${SIZES:-"10000 100000"}
WORDS=${WORDS:-"harbour unconditional"}
QUERIES=${QUERIES:-'harbour;unconditional;harbour strike;"harbour master";harb*;strike -harbour;head:Kraków;by:Núñez;zanzibar'}
COLD=${COLD:-auto}
NEWSBOAT=${NEWSBOAT:-auto}
NEWSBOAT_SIZES=${NEWSBOAT_SIZES:-10000}
BENCH=${BENCH:-auto}
BENCH_FILTER=${BENCH_FILTER:-"Find in article.*"}
PTYBENCH=${PTYBENCH:-$SHARED/tools/ptybench.py}
RESULTS=$WORK/search-results
mkdir -p "$WORK" "$RESULTS"
IFS=';' read -r -a QUERY_LIST <<<"$QUERIES"

log() { printf '%s\n' "$*" >&2; }

# MARK: - Build and tools
log "== building release into $SCRATCH"
nice swift build -c release --static-swift-stdlib --package-path "$ROOT" --scratch-path "$SCRATCH" --product byline >&2
BIN=$SCRATCH/release/byline
if [ ! -f "$PTYBENCH" ]; then
    log "ptybench.py not found at $PTYBENCH (set PTYBENCH or BYLINE_SHARED)"; exit 1
fi
python3 -c 'import pyte' 2>/dev/null || python3 -m pip install --quiet pyte >&2
export PTYBENCH_DIR; PTYBENCH_DIR=$(dirname "$PTYBENCH")
PTY=(python3 "$ROOT/scripts/search-pty.py")
if [ "$COLD" != skip ] && [ -w /proc/sys/vm/drop_caches ]; then COLD=yes; else COLD=no; fi
drop_caches() { sync; echo 3 > /proc/sys/vm/drop_caches; }

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

now() { date +%s.%N; }
# timed LABEL CMD...: one run's wall clock in seconds (output dropped), as a JSON line.
timed() {
    local label=$1; shift
    local start; start=$(now)
    "$@" >/dev/null 2>&1 || true
    awk -v a="$start" -v b="$(now)" -v l="$label" 'BEGIN { printf "{\"label\": \"%s\", \"s\": %.4f}\n", l, b - a }'
}
# pty NAME ARGS...: one run of search-pty.py, its JSON appended to $RESULTS/NAME.jsonl.
pty() {
    local name=$1; shift
    "${PTY[@]}" "$@" >>"$RESULTS/$name.jsonl" 2>>"$RESULTS/search-pty.log" || log "   ($name: a run failed; see $RESULTS/$name.jsonl)"
}

# warm DIR: every article read once, so what follows does not wait for the disk.
warm() { find "$1" -maxdepth 1 -name '*.txt' -print0 | xargs -0 cat >/dev/null; }

rm -f "$RESULTS"/*
uptime >"$RESULTS/load-before.txt"

for n in $SIZES; do
    dir=$(corpus "c$n" "$n")
    runs=$INDEX_RUNS
    [ "$n" -ge 100000 ] && runs=1
    state=$WORK/search-state-$n
    home=$WORK/search-home-$n
    log "== $n: reading the articles once (a warm page cache)"
    warm "$dir"

    # MARK: byline search: indexing from nothing (reading threads: one fewer than the cores), then searches
    for r in $(seq "$runs"); do
        log "== $n: byline search, indexing from nothing ($r/$runs)"
        rm -rf "$state"
        out=$( { /usr/bin/time -f 'TIME %e %M' "$BIN" search zzzzzz "$dir" --state "$state/state.sqlite3" --report-indexing >/dev/null; } 2>&1 || true)
        log "$out"
        python3 - "$out" "$state/index.sqlite3" "$n" >>"$RESULTS/cli-index.jsonl" <<'PY'
import json, os, re, sys
out, index, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
t = re.search(r"^TIME ([0-9.]+) (\d+)", out, re.M)
r = re.search(r"\((\d+) bytes\).*reading and parsing ([0-9.]+) s, writing ([0-9.]+) s", out)
print(json.dumps({"articles": n, "wall_s": float(t.group(1)), "peak_rss_kb": int(t.group(2)),
                  "text_bytes": int(r.group(1)), "reading_s": float(r.group(2)), "writing_s": float(r.group(3)),
                  "index_bytes": os.path.getsize(index)}))
PY
    done
    for r in $(seq "$RUNS"); do
        timed "$n uptodate" "$BIN" search zzzzzz "$dir" --state "$state/state.sqlite3" >>"$RESULTS/cli-times.jsonl"
    done
    log "== $n: each query's first page of 50, in the process (byline search --report-indexing)"
    for q in "${QUERY_LIST[@]}"; do
        for r in $(seq "$RUNS"); do
            { "$BIN" search --limit 50 --report-indexing "$q" "$dir" --state "$state/state.sqlite3" 2>&1 >/dev/null || true; } \
                | python3 -c 'import json, re, sys
m = re.search(r"first page: (\d+) of (\d+) found in ([0-9.]+) ms", sys.stdin.read())
if m: print(json.dumps({"articles": int(sys.argv[1]), "query": sys.argv[2], "found": int(m.group(2)), "ms": float(m.group(3))}))' "$n" "$q" \
                >>"$RESULTS/cli-query.jsonl"
        done
    done
    for word in $WORDS; do
        log "== $n: byline search $word and grep -ril $word"
        found=$({ "$BIN" search "$word" "$dir" --state "$state/state.sqlite3" || true; } | wc -l)
        echo "{\"label\": \"$n byline $word found\", \"n\": $found}" >>"$RESULTS/cli-times.jsonl"
        found=$({ grep -ril -- "$word" "$dir" || true; } | wc -l)
        echo "{\"label\": \"$n grep $word found\", \"n\": $found}" >>"$RESULTS/cli-times.jsonl"
        for r in $(seq "$RUNS"); do
            timed "$n byline $word warm" "$BIN" search "$word" "$dir" --state "$state/state.sqlite3" >>"$RESULTS/cli-times.jsonl"
            timed "$n grep $word warm" grep -ril -- "$word" "$dir" >>"$RESULTS/cli-times.jsonl"
        done
    done

    # MARK: the reader: indexing from nothing (one reading thread, niced, after the first frame)
    log "== $n: the reader, $DOWN list moves while it indexes from nothing, $DOWN once it is done"
    pty "reader-keys-indexing-$n" index --bin "$BIN" --dir "$dir" --home "$home" --down "$DOWN"
    for r in $(seq "$runs"); do
        log "== $n: the reader, indexing from nothing ($r/$runs)"
        pty "reader-index-$n" index --bin "$BIN" --dir "$dir" --home "$home"
    done

    # MARK: the reader with the index up to date: start, catch-up, queries, People
    log "== $n: the reader's start, with no state and with the index up to date ($RUNS each, in turn)"
    pty "reader-starts-$n" starts --bin "$BIN" --dir "$dir" --home "$home" --repeat "$RUNS"
    for r in $(seq "$SESSIONS"); do
        log "== $n: the reader with the index up to date, session $r/$SESSIONS"
        pty "reader-session-$n" session --bin "$BIN" --dir "$dir" --home "$home" --repeat "$REPEAT" "${QUERY_LIST[@]}"
    done

    # MARK: the same with nothing in the page cache (dropped before each command or query)
    if [ "$COLD" = yes ]; then
        log "== $n: cold page cache: byline search and grep -ril, then the reader's queries"
        for word in $WORDS; do
            for r in $(seq "$COLD_RUNS"); do
                drop_caches; timed "$n byline $word cold" "$BIN" search "$word" "$dir" --state "$state/state.sqlite3" >>"$RESULTS/cli-times.jsonl"
                drop_caches; timed "$n grep $word cold" grep -ril -- "$word" "$dir" >>"$RESULTS/cli-times.jsonl"
            done
        done
        pty "reader-cold-$n" session --bin "$BIN" --dir "$dir" --home "$home" --repeat "$COLD_RUNS" --cold "${QUERY_LIST[@]}"
    fi
    rm -rf "$state"   # (the command line's index: as big as the text)
done

# MARK: - newsboat
. "$ROOT/scripts/newsboat-setup.sh"
NB=$(newsboat_binary "$NEWSBOAT")
if [ -n "$NB" ]; then
    "$NB" --version | head -n 1 >"$RESULTS/newsboat-version.txt"
    for n in $NEWSBOAT_SIZES; do
        dir=$(corpus "c$n" "$n")
        nbdir=$WORK/newsboat-$n
        newsboat_folder "$NB" "$dir" "$nbdir" "$SHARED/tools/to_rss.py"
        log "== $n: newsboat's search"
        cat "$nbdir/cache.db" >/dev/null
        pty "newsboat-$n" newsboat --bin "$NB" --nbdir "$nbdir" --repeat "$REPEAT" $WORDS
        if [ "$COLD" = yes ]; then
            pty "newsboat-cold-$n" newsboat --bin "$NB" --nbdir "$nbdir" --repeat 1 --cold $WORDS
        fi
    done
else
    log "== newsboat: skipped (not installed, or NEWSBOAT=skip; NEWSBOAT=install to try apt-get)"
fi

# MARK: - The in-article search benchmark
if [ "$BENCH" != skip ]; then
    log "== benchmarks: $BENCH_FILTER (builds the Benchmarks package)"
    (cd "$ROOT/Benchmarks" && nice swift package --allow-writing-to-package-directory benchmark \
        --filter "$BENCH_FILTER" --format markdown) >"$RESULTS/bench.md" 2>"$RESULTS/bench.log" \
        || log "   (the benchmarks failed; see $RESULTS/bench.log)"
fi
uptime >"$RESULTS/load-after.txt"

python3 "$ROOT/scripts/search-table.py" "$RESULTS" "$GENERATOR"

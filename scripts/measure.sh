#!/usr/bin/env bash
# Whole-program measurements of Byline through a pseudo-terminal, side by side with newsboat.
#
#   scripts/measure.sh            # 5 runs each, 120x40, 10k and 100k articles
#   RUNS=3 SIZES="10000" scripts/measure.sh
#
# Builds a statically linked release into $SCRATCH (default .build-measure), generates the corpora into $WORK
# (default $TMPDIR/byline-measure) with ../shared/tools/gen_corpus.py when it exists (the
# generator of the issue's newsboat figures), else with `byline generate-corpus`, then runs
# ptybench.py for: start to the list, peak memory, bytes and latency per list move (@list),
# per body line scroll in the three-pane layout (@scroll) and in reading mode (@focus),
# idle CPU and wake-ups, and exit after a hangup; then per move in the zoomed list (`z`, @zlist).
# When this user may write /proc/sys/vm/drop_caches (root), it also measures a cold start: every
# cache dropped before each run, so the program, its libraries and the folder come from disk
# (COLD=skip to leave that out). If newsboat is installed (or NEWSBOAT=install and apt-get can
# install it) it is measured on the same articles through to_rss.py.
# Then (KEYCOST=skip to leave it out; needs valgrind) instructions per key with
# ../shared/tools/keycost.py: a line down in reading mode on a 20,000-word article, a move in the
# zoomed list and in the three-pane list of the 10k folder, start-up to the first frame and quit,
# and less on the same long article as the anchor.
# Prints Markdown tables (medians) on stdout; raw JSON and keycost output stay in $WORK/results.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${BYLINE_SHARED:-$ROOT/../shared}
WORK=${BYLINE_MEASURE_DIR:-${TMPDIR:-/tmp}/byline-measure}
SCRATCH=${SCRATCH:-$ROOT/.build-measure}
RUNS=${RUNS:-5}
SIZES=${SIZES:-"10000 100000"}
COLS=${COLS:-120}
ROWS=${ROWS:-40}
NEWSBOAT=${NEWSBOAT:-auto}   # auto: measure if installed; install: try apt-get; skip
NEWSBOAT_SIZES=${NEWSBOAT_SIZES:-10000}
COLD=${COLD:-auto}           # auto: measure a cold start when caches can be dropped; skip
KEYCOST=${KEYCOST:-auto}     # auto: count instructions per key when valgrind is installed; skip
KEYCOST_N=${KEYCOST_N:-200}  # presses per keycost run
KEYCOST_PAD=${KEYCOST_PAD:-15}  # seconds (presses of k, a second apart) before the counted keys
PTYBENCH=${PTYBENCH:-$SHARED/tools/ptybench.py}
RESULTS=$WORK/results
mkdir -p "$WORK" "$RESULTS"

log() { printf '%s\n' "$*" >&2; }

# MARK: - Build
log "== building release into $SCRATCH"
# Statically linked, as installed (see the README): the Swift runtime and Foundation then cost
# about 6 MiB less memory and half the start-up time of the dynamic build.
nice swift build -c release --static-swift-stdlib --package-path "$ROOT" --scratch-path "$SCRATCH" --product byline >&2
BIN=$SCRATCH/release/byline

# MARK: - Tools
if [ ! -f "$PTYBENCH" ]; then
    log "ptybench.py not found at $PTYBENCH (set PTYBENCH or BYLINE_SHARED)"; exit 1
fi
python3 -c 'import pyte' 2>/dev/null || python3 -m pip install --quiet pyte >&2

# MARK: - Corpora
if [ -f "$SHARED/tools/gen_corpus.py" ]; then GENERATOR=gen_corpus.py; else GENERATOR=byline; fi
corpus() {  # corpus NAME N [extra gen_corpus args]: a folder, generated once
    local name=$1 n=$2; shift 2
    local dir=$WORK/$name marker=$WORK/$name/.complete-$GENERATOR
    if [ ! -f "$marker" ]; then
        log "== generating $n articles into $dir ($GENERATOR)"
        rm -rf "$dir"
        if [ "$GENERATOR" = gen_corpus.py ]; then
            nice python3 "$SHARED/tools/gen_corpus.py" "$dir" "$n" "$@" >&2
        else
            nice "$BIN" generate-corpus "$dir" "$n" >&2
        fi
        touch "$marker"
    fi
    printf '%s' "$dir"
}
# A short folder whose first article is long, for the body-scroll measurements.
if [ "$GENERATOR" = gen_corpus.py ]; then SCROLL=$(corpus scroll 100 --long-first 4000)
else SCROLL=$(corpus scroll 100); fi

bench() {  # bench LABEL READY KEYS -- CMD...   (PRE=shell command run before each run; HOMEDIR=a HOME to keep)
    local label=$1 ready=$2 keys=$3; shift 4
    local pre=()
    [ -n "${PRE:-}" ] && pre=(--pre "$PRE")
    [ -n "${HOMEDIR:-}" ] && pre+=(--home "$HOMEDIR")
    log "== $label ($RUNS runs)"
    nice -n 0 python3 "$PTYBENCH" --cols "$COLS" --rows "$ROWS" --runs "$RUNS" --label "$label" "${pre[@]}" \
        --ready "$ready" --keys "$keys" --out "$RESULTS/$label.json" -- "$@" || log "   ($label: some runs failed; see $RESULTS/$label.json)"
}

# MARK: - Byline
for n in $SIZES; do
    dir=$(corpus "c$n" "$n")
    bench "byline-$n" "1/$n" '@list,down*20,z,sleep:0.3,@zlist,down*20' -- "$BIN" "$dir"
    # The same with a state store that holds a read mark for every article (made once by the
    # reader itself: M, then y), kept in a HOME of its own between runs.
    marked=$WORK/home-marked-$n
    if [ ! -f "$marked/.marked" ]; then
        rm -rf "$marked" && mkdir -p "$marked"
        python3 "$PTYBENCH" --cols "$COLS" --rows "$ROWS" --runs 1 --home "$marked" --ready "1/$n" \
            --keys 'M,sleep:0.3,y,sleep:3' --out "$RESULTS/mark-all-$n.json" -- "$BIN" "$dir" >/dev/null
        touch "$marked/.marked"
        log "   store with $n marks: $(du -k "$marked/.local/state/byline/state.sqlite3" | cut -f1) KiB"
    fi
    # That HOME's search index brought up to date (once; later only the catch-up), so this run's
    # idle figures are those of any start after the first (it resumes where the last run left the
    # list, hence "/N" as the ready text). The first row's fresh HOME is a first
    # start: its idle seconds fall while the reader indexes the folder in the background.
    HOME=$marked "$BIN" search --limit 1 byline-measure "$dir" >/dev/null 2>&1 || true
    HOMEDIR=$marked bench "byline-$n-marked" "/$n" '@list,down*20' -- "$BIN" "$dir"
done
# Cold start: nothing in the page cache, not even the program.
if [ "$COLD" != skip ] && [ -w /proc/sys/vm/drop_caches ]; then
    for n in $SIZES; do
        PRE="sync; echo 3 > /proc/sys/vm/drop_caches" bench "cold-byline-$n" "1/$n" '' -- "$BIN" "$WORK/c$n"
    done
    mkdir -p "$WORK/one"
    first_files=("$WORK/c${SIZES%% *}"/*.txt)
    cp "${first_files[0]}" "$WORK/one/"
    PRE="sync; echo 3 > /proc/sys/vm/drop_caches" bench "cold-byline-1" "1/1" '' -- "$BIN" "$WORK/one"
    # The program warm (run once after the drop), the folder cold: what a cache could act on.
    n=${SIZES%% *}
    PRE="sync; echo 3 > /proc/sys/vm/drop_caches; $BIN --version >/dev/null; $BIN $WORK/one/none >/dev/null 2>&1; true" \
        bench "cold-folder-byline-$n" "1/$n" '' -- "$BIN" "$WORK/c$n"
else
    log "== cold start skipped (needs a writable /proc/sys/vm/drop_caches)"
fi
# Body scroll: three panes (Enter, then j), then reading mode (z, then j), on a long article.
bench "byline-scroll" "1/100" 'enter,sleep:0.3,@scroll,j*20,z,sleep:0.3,@focus,j*20' -- "$BIN" "$SCROLL"

# MARK: - newsboat
. "$ROOT/scripts/newsboat-setup.sh"
NB=$(newsboat_binary "$NEWSBOAT")
if [ -n "$NB" ]; then
    for n in $NEWSBOAT_SIZES; do
        dir=$(corpus "c$n" "$n")
        nbdir=$WORK/newsboat-$n
        newsboat_folder "$NB" "$dir" "$nbdir" "$SHARED/tools/to_rss.py"
        nb_files=("$dir"/*.txt)
        first=$(head -n 1 "${nb_files[0]}" | cut -c1-24)
        bench "newsboat-$n" "Peerbench corpus" "enter,wait:$first,@list,down*20" -- \
            "$NB" -u "$nbdir/urls" -c "$nbdir/cache.db" -C "$nbdir/config"
    done
else
    log "== newsboat not installed: skipped (NEWSBOAT=install to try apt-get)"
fi

# MARK: - Instructions per key (callgrind)
# Each program runs in a HOME of its own. For Byline that HOME holds a search index of the
# folder already brought up to date (by `byline search`, once), so the indexing the reader starts
# after its first frame only finds every file as it was, as on any later start: a first start
# would index the whole folder in the background while keys are counted. keycost's first run
# (start-up and quit) creates the state store, its second finds it. Keys are `j`, not `down`:
# keycost sends Down as ESC [ B, which ncurses in keypad mode does not read as Down on
# xterm-256color (its Down is ESC O B), so Byline would see Esc, `[` and `B`. `j` is the same
# action (next article, or a line down). Start-up to the first frame and quit is keycost's
# first run of the three-pane list. Before the counted keys, k is pressed KEYCOST_PAD times (a
# second apart; at the top of the list or the body it moves nothing), in both of keycost's runs:
# on a busy machine its eight seconds after the start can end before the start-up work (the
# first parse, the index check), which then fell into the keys' count.
KEYCOST_PY=${KEYCOST_PY:-$SHARED/tools/keycost.py}
if [ "$KEYCOST" != skip ] && command -v valgrind >/dev/null && [ -f "$KEYCOST_PY" ] && [ "$GENERATOR" = gen_corpus.py ]; then
    LONG_DIR=$(corpus long 100 --long-first 20000)
    # (A glob, not `ls | head`: with pipefail, ls dying of SIGPIPE ended the script here.)
    long_files=("$LONG_DIR"/*.txt)
    LONG=${long_files[0]}
    n=${SIZES%% *}
    dir=$(corpus "c$n" "$n")
    keycost_with() {  # keycost_with TOOL LABEL PATH ARGS...: one run of TOOL, in a fresh HOME (with PATH indexed, if any)
        local tool=$1 label=$2 indexed=$3; shift 3
        local home; home=$(mktemp -d "$WORK/keycost-home.XXXXXX")
        log "== keycost $label"
        if [ -n "$indexed" ]; then HOME=$home "$BIN" search --limit 1 byline-keycost "$indexed" >/dev/null 2>&1 || true; fi
        HOME=$home python3 "$tool" --cols "$COLS" --rows "$ROWS" --n "$KEYCOST_N" "$@" > "$RESULTS/keycost-$label.txt" 2>&1 \
            || log "   (keycost $label failed; see $RESULTS/keycost-$label.txt)"
        rm -rf "$home"
    }
    keycost() { keycost_with "$KEYCOST_PY" "$@"; }  # keycost LABEL PATH ARGS...
    pad=""
    for _ in $(seq "$KEYCOST_PAD"); do pad="$pad,k"; done
    keycost reading "$LONG" --pre "enter,z$pad" --key j -- "$BIN" "$LONG"
    keycost zlist "$dir" --pre "z$pad" --key j -- "$BIN" "$dir"
    keycost list "$dir" --pre "${pad#,}" --key j -- "$BIN" "$dir"
    # The same move with keys a second apart (scripts/keycost-spaced.py), so that all the
    # background parse a move sets off is counted; 30 presses after 30 of k.
    pad30=""
    for _ in $(seq 30); do pad30="$pad30,k"; done
    KEYCOST_PY=$KEYCOST_PY KEYCOST_N=30 keycost_with "$ROOT/scripts/keycost-spaced.py" list-spaced "$dir" --gap 1.0 --pre "${pad30#,}" --key j -- "$BIN" "$dir"
    if command -v less >/dev/null; then keycost less "" --key j -- less "$LONG"; fi
else
    log "== instructions per key skipped (KEYCOST=skip, or no valgrind, keycost.py or gen_corpus.py)"
fi

# MARK: - Table
python3 - "$RESULTS" "$GENERATOR" "$RUNS" "$COLS" "$ROWS" <<'PY'
import json, os, statistics, sys
results, generator, runs, cols, rows = sys.argv[1:6]

def load(label):
    p = os.path.join(results, label + ".json")
    if not os.path.exists(p):
        return None
    with open(p) as f:
        return json.load(f)

def runs_ok(d):
    return [r for r in d["runs"] if r.get("ok")] or d["runs"]

def med(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None

def pick(d, *path):
    out = []
    for r in runs_ok(d):
        v = r
        for k in path:
            v = v.get(k) if isinstance(v, dict) else None
        out.append(v)
    return med(out)

def fmt(v, unit="", scale=1.0, digits=0):
    if v is None:
        return "n/a"
    return f"{v * scale:,.{digits}f}{unit}"

def peak_kb(d):
    vals = []
    for r in runs_ok(d):
        vals.append(max((r.get(k) or {}).get("VmHWM_kb") or 0 for k in ("mem_ready", "mem_end")) or None)
    return med(vals)

def exit_ms(d):
    vals = []
    for r in runs_ok(d):
        h = r.get("hangup") or {}
        vals.append(h.get("exit_s") * 1000 if h.get("exited") else None)
    return med(vals)

rowsout = []
for label in sorted(os.listdir(results)):
    if not label.endswith(".json"):
        continue
    d = load(label[:-5])
    name = label[:-5]
    if name == "byline-scroll" or name.startswith("cold-"):
        continue
    step = None
    if name.startswith("newsboat"):
        step = med([(r.get("steps") or [{}])[0].get("t_text_s") if r.get("steps") else None for r in runs_ok(d)])
    rowsout.append((name, d, step))

print(f"Medians of {runs} runs, {cols}x{rows}, corpus from {generator}; "
      f"start = spawn to the list on screen (ptybench t_text_s).\n")
print("| program | articles | start to list | + items (newsboat) | peak RSS | list move: bytes/key | list move: key to frame | zoomed list (z) move: bytes/key | idle CPU (5 s) | idle wake-ups/s | exit after hangup |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
for name, d, step in rowsout:
    prog, _, n = name.partition("-")
    zoomed = pick(d, "groups", "zlist", "bytes_median")
    print("| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |".format(
        prog, (f"{int(n):,}" + (", first start: the index built in the background" if prog == "byline" else "")) if n.isdigit() else (f"{int(n.split('-')[0]):,}, a later start: index up to date, a read mark for every article" if n.endswith("-marked") else n),
        fmt(pick(d, "startup", "t_text_s"), " ms", 1000),
        fmt(step, " ms", 1000) if step is not None else "",
        fmt(peak_kb(d), " MiB", 1 / 1024, 1),
        fmt(pick(d, "groups", "list", "bytes_median"), " B"),
        fmt(pick(d, "groups", "list", "latency_last_ms_median"), " ms", 1, 2),
        fmt(zoomed, " B") if zoomed is not None else "",
        fmt(pick(d, "idle", "cpu_s"), " s", 1, 4),
        fmt(pick(d, "idle", "wakeups_per_s"), "", 1, 2),
        fmt(exit_ms(d), " ms", 1, 1)))

cold = sorted((n for n in (f[:-5] for f in os.listdir(results) if f.endswith(".json")) if n.startswith("cold-")),
              key=lambda n: int(n.rpartition("-")[2]))
if cold:
    print("\n| cold start (every cache dropped before each run) | articles | start to list |")
    print("|---|---|---|")
    for name in cold:
        d = load(name)
        what = "byline, program warm, folder cold" if name.startswith("cold-folder-") else "byline"
        print("| {} | {} | {} |".format(what, f"{int(name.rpartition('-')[2]):,}", fmt(pick(d, "startup", "t_text_s"), " ms", 1000)))

s = load("byline-scroll")
if s:
    print("\n| byline body scroll (long article) | bytes per line (median) | mean | key to frame |")
    print("|---|---|---|---|")
    for g, what in (("scroll", "three panes (Enter, then j)"), ("focus", "reading mode (z, then j)")):
        print("| {} | {} | {} | {} |".format(what,
            fmt(pick(s, "groups", g, "bytes_median"), " B"),
            fmt(pick(s, "groups", g, "bytes_mean"), " B", 1, 1),
            fmt(pick(s, "groups", g, "latency_last_ms_median"), " ms", 1, 2)))

import re
def keycost(label):
    p = os.path.join(results, "keycost-" + label + ".txt")
    if not os.path.exists(p):
        return None
    with open(p) as f:
        m = re.match(r"([\d,]+) instructions per key .*start-up and quit: ([\d,]+)", f.readline())
    return (int(m.group(1).replace(",", "")), int(m.group(2).replace(",", ""))) if m else None

k = {label: keycost(label) for label in ("reading", "zlist", "list", "list-spaced", "less")}
if any(k.values()):
    def per(label):
        return fmt(k[label][0]) if k.get(label) else "n/a"
    print(f"\n| instructions per key (callgrind, {cols}x{rows}) | less | byline |")
    print("|---|---|---|")
    print(f"| line down in reading mode (Enter, z, then j), 20,000-word article | {per('less')} | {per('reading')} |")
    print(f"| move in the zoomed list (z, then j), 10k articles | | {per('zlist')} |")
    print(f"| move in the three-pane list (j), 10k articles, with the background parse: keys 50 ms apart | | {per('list')} |")
    print(f"| the same, keys 1 s apart (all the background parse a move sets off) | | {per('list-spaced')} |")
    print(f"| start-up to the first frame and quit, 10k articles | | {fmt(k['list'][1]) if k.get('list') else 'n/a'} |")
PY

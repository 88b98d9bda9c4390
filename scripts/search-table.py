#!/usr/bin/env python3
"""The Markdown tables of search-measure.sh, from the raw figures it left in RESULTS.

    search-table.py RESULTS GENERATOR

Medians over runs (and over the repeats of each query); "n/a" where a figure was not measured.
"""
import json
import os
import re
import statistics
import sys

results, generator = sys.argv[1], sys.argv[2]


def load(name):
    """The JSON lines of RESULTS/NAME.jsonl that report success."""
    path = os.path.join(results, name + ".jsonl")
    if not os.path.exists(path):
        return []
    out = []
    with open(path) as f:
        for text in f:
            text = text.strip()
            if text.startswith("{"):
                d = json.loads(text)
                if d.get("ok", True):
                    out.append(d)
    return out


def med(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def ms(v):
    if v is None:
        return "n/a"
    return f"{v:.1f} ms" if v < 10 else f"{v:,.0f} ms"


def secs(v):
    return "n/a" if v is None else f"{v:.1f} s"


def mib(kb):
    return "n/a" if kb is None else f"{kb / 1024:.1f} MiB"


def read(name):
    path = os.path.join(results, name)
    return open(path).read().strip() if os.path.exists(path) else ""


sizes = sorted({int(m.group(1)) for f in os.listdir(results) for m in [re.match(r"reader-(?:index|session)-(\d+)\.jsonl$", f)] if m}
               | {d["articles"] for d in load("cli-index")})
cli = {}
for d in load("cli-times"):
    cli.setdefault(d["label"], []).append(d.get("s", d.get("n")))


def cli_med(label):
    return med(cli.get(label, []))


def column(n):
    """Every figure of one corpus size."""
    c = {}
    idx = load(f"reader-index-{n}")
    for key, field in (("reader_index_s", "indexed_s"), ("reader_rss", "peak_rss_kb"), ("reader_cpu", "cpu_s"),
                       ("index_bytes", "index_bytes"), ("wal_bytes", "wal_bytes"), ("text_bytes", "text_bytes")):
        c[key] = med([d[field] for d in idx])
    starts = load(f"reader-starts-{n}")
    c["fresh_start_ms"] = med([t for d in starts for t in d["fresh_ms"]])
    c["start_ms"] = med([t for d in starts for t in d["uptodate_ms"]])
    ci = [d for d in load("cli-index") if d["articles"] == n]
    for key, field in (("cli_index_s", "wall_s"), ("cli_rss", "peak_rss_kb"), ("cli_reading_s", "reading_s"), ("cli_writing_s", "writing_s")):
        c[key] = med([d[field] for d in ci])
    keys = load(f"reader-keys-indexing-{n}")
    c["keys_during"] = (med([d["keys_during"]["median"] for d in keys if d.get("keys_during")]),
                        med([d["keys_during"]["p90"] for d in keys if d.get("keys_during")]),
                        sum(d["keys_during_count"][0] for d in keys), sum(d["keys_during_count"][1] for d in keys))
    c["keys_after"] = (med([d["keys_after"]["median"] for d in keys if d.get("keys_after")]),
                       med([d["keys_after"]["p90"] for d in keys if d.get("keys_after")]))
    ses = load(f"reader-session-{n}")
    c["catchup_bytes"] = max([d["catchup"]["bytes_late"] for d in ses], default=None)
    c["catchup_cpu"] = med([d["catchup"]["index_cpu_ms"] for d in ses])
    c["catchup_until"] = med([d["catchup"]["index_busy_until_ms"] for d in ses])
    c["catchup_status"] = any(d["catchup"]["status_showed_indexing"] for d in ses)
    c["queries"] = {}
    for d in load("cli-query"):
        if d["articles"] == n:
            e = c["queries"].setdefault(d["query"], {"warm": [], "cold": [], "inproc": [], "found": f"{d['found']:,}"})
            e["inproc"].append(d["ms"])
    for d in ses:
        for q, v in d["queries"].items():
            e = c["queries"].setdefault(q, {"warm": [], "cold": [], "inproc": [], "found": v["found"]})
            e["warm"] += v["ms"]
    for d in load(f"reader-cold-{n}"):
        for q, v in d["queries"].items():
            c["queries"].setdefault(q, {"warm": [], "cold": [], "inproc": [], "found": v["found"]})["cold"] += v["ms"]
    c["people"] = {"warm": [t for d in ses for t in d["people"]["ms"]],
                   "cold": [t for d in load(f"reader-cold-{n}") for t in d["people"]["ms"]],
                   "found": next((d["people"]["found"] for d in ses), "n/a")}
    nb = load(f"newsboat-{n}")
    nbc = load(f"newsboat-cold-{n}")
    c["newsboat"] = {w: {"warm": [t for d in nb for t in d["queries"].get(w, {}).get("ms", [])],
                         "cold": [t for d in nbc for t in d["queries"].get(w, {}).get("ms", [])],
                         "found": next((f"{int(d['queries'][w]['found']):,}" for d in nb if w in d["queries"]), "n/a")}
                     for w in {w for d in nb + nbc for w in d["queries"]}}
    c["newsboat_rss"] = med([d["peak_rss_kb"] for d in nb])
    return c


cols = {n: column(n) for n in sizes}


def row(label, goal, fmt):
    print(f"| {label} | {goal} | " + " | ".join(fmt(cols[n], n) for n in sizes) + " |")


def ratio(c, index, text):
    if c[index] is None or c[text] is None:
        return "n/a"
    return f"{c[index] / 1e6:,.0f} MB / {c[text] / 1e6:,.0f} MB = **{c[index] / c[text]:.2f}×**"


def warm_cold(e):
    return f"{ms(med(e['warm']))} / {ms(med(e['cold'])) if e['cold'] else 'n/a'}"


def slowest(c, pick):
    """The slowest query's median (by: left out: it has a goal of its own) and which it is."""
    qs = [(med(e[pick]), q) for q, e in c["queries"].items() if not q.startswith("by:") and e[pick]]
    if not qs:
        return "n/a"
    t, q = max(qs)
    return f"{ms(t)} (`{q}`)"


def bench_figures():
    """p50, p90 and p99 wall clock (ms) of each benchmark in bench.md (package-benchmark's markdown)."""
    out, name = {}, None
    for line in read("bench.md").splitlines():
        m = re.match(r"^#+\s*(.+?)\s*$", line)
        if m:
            name = m.group(1)
            continue
        cells = [x.strip() for x in line.strip().strip("|").split("|")]
        if name and cells and cells[0].startswith("Time (wall clock)"):
            u = re.search(r"\((ns|μs|us|ms|s)\)", cells[0])
            unit = {"ns": 1e-6, "μs": 1e-3, "us": 1e-3, "ms": 1.0, "s": 1000.0}[u.group(1)] if u else 1.0
            nums = [float(x.replace(",", "")) for x in cells[1:8] if re.match(r"^[\d,.]+$", x)]
            if len(nums) == 7:   # p0 p25 p50 p75 p90 p99 p100
                out[name] = (nums[2] * unit, nums[4] * unit, nums[5] * unit)
    return out


load_before, load_after = read("load-before.txt"), read("load-after.txt")
la = lambda s: (re.search(r"load average: (.*)$", s) or re.search("(.*)", s)).group(1)
print(f"Medians; statically linked release; articles from {generator} (seed 1); 120x40 through a "
      f"pseudo-terminal for the reader. Load average before: {la(load_before)}; after: {la(load_after)}.\n")
print("| | goal | " + " | ".join(f"{n:,} articles" for n in sizes) + " |")
print("|---|---|" + "---|" * len(sizes))
row("index from nothing: the reader (one reading thread beside the writer, niced)", "≤ 15 s (10k), ≤ 150 s (100k)",
    lambda c, n: f"{secs(c['reader_index_s'])} ({c['reader_cpu']:.0f} s of CPU)" if c["reader_cpu"] is not None else secs(c["reader_index_s"]))
row("index from nothing: `byline search` (reading threads: one fewer than the cores)", "≤ 15 s (10k), ≤ 150 s (100k)",
    lambda c, n: f"{secs(c['cli_index_s'])} (reading and parsing {secs(c['cli_reading_s'])} over the threads, writing {secs(c['cli_writing_s'])})")
row("peak memory while indexing: the reader (whole process) / `byline search`", "≤ 60 MiB",
    lambda c, n: f"{mib(c['reader_rss'])} / {mib(c['cli_rss'])}")
row("index file / text", "≤ 1.5×",
    lambda c, n: ratio(c, "index_bytes", "text_bytes") + (f" (+ its log, {c['wal_bytes'] / 1e6:.0f} MB)" if c["wal_bytes"] else ""))
row("start to the list, index up to date (no state at all)", "≤ 40 ms (10k)",
    lambda c, n: f"{ms(c['start_ms'])} ({ms(c['fresh_start_ms'])})")
row("the index catching up after that start (a stat per file)", "nothing visible",
    lambda c, n: "n/a" if c["catchup_cpu"] is None else
    f"{c['catchup_bytes']} bytes drawn after 0.5 s{', progress shown' if c['catchup_status'] else ''}; "
    f"{ms(c['catchup_cpu'])} of CPU on the niced thread, done {ms(c['catchup_until'])} after the list")
row("list move, key to frame (pty), while the reader indexes from nothing: median / p90", "≤ 1 ms (in-process)",
    lambda c, n: f"{ms(c['keys_during'][0])} / {ms(c['keys_during'][1])} ({c['keys_during'][2]} of {c['keys_during'][3]} keys before it was done)")
row("list move, key to frame (pty), the same process once indexed: median / p90", "≤ 1 ms (in-process)",
    lambda c, n: f"{ms(c['keys_after'][0])} / {ms(c['keys_after'][1])}")
row("first page of 50, the slowest query, in the process (`byline search`)", "", lambda c, n: slowest(c, "inproc"))
row("first page of results on screen, the slowest query: warm", "≤ 50 ms (100k)", lambda c, n: slowest(c, "warm"))
row("first page of results on screen, the slowest query: cold page cache", "", lambda c, n: slowest(c, "cold"))
row("`by:Núñez` (articles quoting her): warm / cold", "≤ 100 ms (100k)",
    lambda c, n: next((warm_cold(e) for q, e in c["queries"].items() if q.startswith("by:")), "n/a"))
row("People (`P`, every speaker with counts): warm / cold", "≤ 100 ms (100k)", lambda c, n: warm_cold(c["people"]))
bench = bench_figures()
typed = [(v, k) for k, v in bench.items() if k.startswith("Find in article") and "each typed key" in k]
first = next((v for k, v in bench.items() if k.startswith("Find in article") and "first key" in k), None)
if typed:
    worst, _ = max(typed)
    text = f"every key {ms(worst[0])} p50, {ms(worst[1])} p90, {ms(worst[2])} p99"
    if first:
        text += f"; the first letter alone (thousands of matches) {ms(first[0])} p50"
    print("| a typed key, search in a 20,000-word article (benchmark: update + render, the slowest query) | ≤ 1 ms | "
          + " | ".join([text + " (any library size)"] + [""] * (len(sizes) - 1)) + " |")

print("\n| query: its first page (`byline search`: a page of 50 in the process, as the reader asks; the reader: `/`, the query, until the page is on screen) | "
      + " | ".join(f"{n:,}: found | in the process | on screen, warm | on screen, cold" for n in sizes) + " |")
print("|---|" + "---|---|---|---|" * len(sizes))
queries = list(dict.fromkeys(q for n in sizes for q in cols[n]["queries"]))
for q in queries:
    cells = []
    for n in sizes:
        e = cols[n]["queries"].get(q)
        cells += [e["found"], ms(med(e["inproc"])), ms(med(e["warm"])), ms(med(e["cold"])) if e["cold"] else "n/a"] if e else ["n/a"] * 4
    print(f"| `{q}` | " + " | ".join(cells) + " |")
cells = []
for n in sizes:
    e = cols[n]["people"]
    cells += [f"{e['found']} people", "", ms(med(e["warm"])), ms(med(e["cold"])) if e["cold"] else "n/a"]
print("| People (`P`) | " + " | ".join(cells) + " |")

print("\n| side by side (whole commands) | " + " | ".join(f"{n:,}: found | warm | cold" for n in sizes) + " |")
print("|---|" + "---|---|---|" * len(sizes))
words = list(dict.fromkeys(m.group(2) for label in cli for m in [re.match(r"(\d+) (?:byline|grep) (\S+) found", label)] if m))
for w in words:
    for tool, what in (("byline", f"`byline search {w}` (index up to date; lists every match)"), ("grep", f"`grep -ril {w}`")):
        cells = []
        for n in sizes:
            found = cli_med(f"{n} {tool} {w} found")
            cells += [f"{found:,.0f}" if found is not None else "n/a",
                      ms(None if cli_med(f"{n} {tool} {w} warm") is None else cli_med(f"{n} {tool} {w} warm") * 1000),
                      ms(None if cli_med(f"{n} {tool} {w} cold") is None else cli_med(f"{n} {tool} {w} cold") * 1000)]
        print(f"| {what} | " + " | ".join(cells) + " |")
    if any(w in cols[n]["newsboat"] for n in sizes):
        cells = []
        for n in sizes:
            e = cols[n]["newsboat"].get(w)
            cells += [e["found"], ms(med(e["warm"])), ms(med(e["cold"])) if e["cold"] else "n/a"] if e else ["n/a"] * 3
        version = read("newsboat-version.txt").split(" - ")[0]
        print(f"| {version or 'newsboat'}: `/{w}` on the feed list, Enter to its result list | " + " | ".join(cells) + " |")
cells = []
for n in sizes:
    t = cli_med(f"{n} uptodate")
    cells += ["", ms(None if t is None else t * 1000), ""]
print("| `byline search zzzzzz` (nothing found: open, check every file against the index, query) | " + " | ".join(cells) + " |")

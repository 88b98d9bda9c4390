#!/usr/bin/env python3
"""The library search in the reader, measured through a pseudo-terminal (for search-measure.sh).

    search-pty.py index   --bin BYLINE --dir DIR --home HOME [--down N]
    search-pty.py starts  --bin BYLINE --dir DIR --home HOME [--repeat R]
    search-pty.py session --bin BYLINE --dir DIR --home HOME [--down N] [--repeat R] [--cold] QUERY...
    search-pty.py newsboat --bin NEWSBOAT --nbdir DIR [--repeat R] [--cold] QUERY...

`index`: the reader on a state folder made empty first (HOME/.local/state/byline), so it
indexes the whole library on its own thread after the first frame; it waits until "indexing"
leaves the status line: how long that took, the process's peak memory (VmHWM) and the index
file's size. With --down N it presses Down N times at once, while it indexes, timing each,
and N times again in the same process once the index is done.

`starts`: start to the list, alternately with a fresh HOME and with HOME (--repeat each).

`session`: the reader on HOME whose index is up to date: start to the list; what the index's
catch-up costs in the 3 s after (bytes written, CPU); Down N times; then each QUERY typed
after `/` (pasted in one write) until its result count shows, R times, and People (`P`)
until its count of people shows. --cold drops the page cache (root only) before each query.

`newsboat`: newsboat on a cache filled from the same articles: `/`, the query, Enter, until
the search's result list is on screen.

Each key is timed from its write to the output chunk that put the awaited text on screen
(the status line's position, a result count), so frames of the status line's indexing
progress in between do not count. Prints JSON.
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

TOOLS = os.environ.get("PTYBENCH_DIR") or os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "tools")
sys.path.insert(0, TOOLS)
import ptybench  # noqa: E402  (the pseudo-terminal, screen emulation and /proc probes)

mono = time.monotonic
POSITION = re.compile(r"^\s*(\d+)/(\d+)")
RESULTS = re.compile(r"(?:^|\s)(\d[\d,]*) articles?( so far)?\b")
PEOPLE = re.compile(r"(?:^|\s)(\d[\d,]*) (?:people|person)\b")


def env_for(home):
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home, "TERM": "xterm-256color",
            "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}


def line(sc, y=-1):
    """A row of the screen (the status line by default). pyte's own `display` can fail on a
    cell it left empty (after some wide characters), so the cells are joined here."""
    row = sc.buffer[y % sc.lines]
    return "".join(row[x].data for x in range(sc.columns))


def lines(sc):
    return [line(sc, y) for y in range(sc.lines)]


def status(s):
    s.feed()
    return line(s.screen)


def until(s, test, timeout):
    """Pumps output until test(screen) holds: the time of the chunk that made it hold.

    Output is read as long as it keeps coming (a frame may arrive in several writes) before
    the screen emulator, which is slow, is fed: each chunk's time is when it arrived.
    """
    end = mono() + timeout
    while True:
        s.feed()
        if test(s.screen):
            return s.last_t
        now = mono()
        if now >= end or s.eof:
            raise RuntimeError("timed out waiting; status line: " + repr(line(s.screen)))
        if s.pump(min(0.05, end - now)):
            while s.pump(0.002):
                pass


def quiet(s, settle=0.03, cap=0.3):
    """Reads until the output has been quiet for `settle` seconds (at most `cap`)."""
    end = mono() + cap
    while mono() < end:
        last = s.last_t or 0
        wait = settle - (mono() - last)
        if wait <= 0:
            return
        s.pump(min(wait, end - mono()))


def press(s, data, test, timeout=10.0):
    """Writes a key and times it to the frame for which test(screen) holds (ms)."""
    quiet(s)
    t = mono()
    os.write(s.fd, data)
    return (until(s, test, timeout) - t) * 1000


def ready(s, count, timeout=120.0, settle=0.3):
    """Waits for the list ("n/N": a kept store may select another row), then for a stable
    screen: the time it first showed (ms from spawn)."""
    t = until(s, lambda sc: (m := POSITION.match(line(sc))) is not None and int(m.group(2)) == count, timeout)
    quiet(s, settle, 5.0)
    return (t - s.t0) * 1000


def downs(s, n, count):
    """Down n times: each key's time, and whether the index was being built meanwhile."""
    out = []
    for _ in range(n):
        m = POSITION.match(status(s))
        row = int(m.group(1)) if m else 1
        if row >= count:
            break
        want = f"{row + 1}/{count}"
        ms = press(s, ptybench.key_bytes("down", s.appmode), lambda sc: line(sc).lstrip().startswith(want))
        out.append({"ms": round(ms, 3), "indexing": "indexing" in status(s)})
    return out


def index_cpu(pid):
    """CPU seconds of the reader's indexing threads, from /proc: the ones running niced (the
    indexing thread lowers its own priority; its reading threads inherit it). Threads that
    ended are not counted."""
    total = 0
    for t in ptybench.tasks(pid):
        stat = ptybench._read(f"/proc/{pid}/task/{t}/stat")
        sched = ptybench._read(f"/proc/{pid}/task/{t}/schedstat")
        if stat and sched and int(stat.rsplit(")", 1)[1].split()[16]) > 0:
            total += int(sched.split()[0])
    return total / 1e9


def summary(values):
    if not values:
        return None
    v = sorted(values)
    return {"n": len(v), "median": round(statistics.median(v), 3), "p90": round(v[min(len(v) - 1, int(0.9 * len(v)))], 3),
            "max": round(v[-1], 3), "min": round(v[0], 3)}


def drop_caches():
    subprocess.run(["/bin/sh", "-c", "sync; echo 3 > /proc/sys/vm/drop_caches"], check=True)


def spawn(argv, home, cols, rows):
    return ptybench.Session(argv, cols, rows, env_for(home), max_seconds=3600)


def finish(s):
    """q, then the hangup check of ptybench (kills a survivor by its PID)."""
    if not s.eof:
        try:
            os.write(s.fd, b"q")
        except OSError:
            pass
        end = mono() + 5
        while mono() < end and s.reap() is None:
            s.pump(0.05)
    if s.reap() is None and not s.closed:
        s.hangup(2.0)
    elif not s.closed:
        s.closed = True
        os.close(s.fd)


def index_file(home, suffix=""):
    """The size of the reader's index file (suffix "-wal": its write-ahead log)."""
    path = os.path.join(home, ".local", "state", "byline", "index.sqlite3" + suffix)
    return os.path.getsize(path) if os.path.exists(path) else 0


# MARK: - byline

def run_index(a):
    shutil.rmtree(a.home, ignore_errors=True)
    os.makedirs(a.home)
    count = len([f for f in os.listdir(a.dir) if f.endswith(".txt")])
    s = spawn([a.bin, a.dir], a.home, a.cols, a.rows)
    out = {"articles": count}
    try:
        out["start_ms"] = ready(s, count)
        if a.down:
            # List moves while it indexes, then as many in the same process once it is done.
            during = downs(s, a.down, count)
        # The progress shows once the list is drawn; done when it leaves the status line.
        t_seen = until(s, lambda sc: "indexing" in line(sc), 60) if not a.down else None
        t_done = until(s, lambda sc: "indexing" not in line(sc), a.timeout)
        mem = s.mem()
        out.update({"indexed_s": round(t_done - s.t0 - out["start_ms"] / 1000, 3),
                    "peak_rss_kb": mem.get("VmHWM_kb"), "cpu_s": mem.get("cpu_s"),
                    "index_bytes": index_file(a.home), "wal_bytes": index_file(a.home, "-wal"),
                    "text_bytes": sum(os.path.getsize(os.path.join(a.dir, f)) for f in os.listdir(a.dir) if f.endswith(".txt"))})
        if t_seen is not None:
            out["indexing_seen_ms"] = round((t_seen - s.t0) * 1000, 1)
        if a.down:
            if count > 2 * a.down:   # back to the top, so the moves after go over new rows too
                press(s, ptybench.key_bytes("home", s.appmode), lambda sc: line(sc).lstrip().startswith(f"1/{count}"))
            after = downs(s, a.down, count)
            out["keys_during"] = summary([k["ms"] for k in during if k["indexing"]])
            out["keys_during_count"] = [sum(1 for k in during if k["indexing"]), len(during)]
            out["keys_after"] = summary([k["ms"] for k in after])
        out["ok"] = True
    except Exception as e:  # report what happened, then still quit
        out.update({"ok": False, "error": f"{type(e).__name__}: {e}"})
    finally:
        finish(s)
    return out


def run_starts(a):
    """Start to the list, alternately with no state at all (a fresh HOME) and with HOME (the
    index up to date): --repeat runs each."""
    count = len([f for f in os.listdir(a.dir) if f.endswith(".txt")])
    out = {"articles": count, "fresh_ms": [], "uptodate_ms": []}
    fresh = a.home.rstrip("/") + "-fresh"
    try:
        for _ in range(a.repeat):
            for key, home in (("fresh_ms", fresh), ("uptodate_ms", a.home)):
                if key == "fresh_ms":
                    shutil.rmtree(fresh, ignore_errors=True)
                    os.makedirs(fresh)
                s = spawn([a.bin, a.dir], home, a.cols, a.rows)
                try:
                    out[key].append(round(ready(s, count), 2))
                finally:
                    finish(s)
        out["ok"] = True
    except Exception as e:
        out.update({"ok": False, "error": f"{type(e).__name__}: {e}"})
    finally:
        shutil.rmtree(fresh, ignore_errors=True)
    return out


def query(s, text, count, cold):
    """`/`, the query pasted, until its count shows; then Esc back to the library."""
    if cold:
        drop_caches()
    press(s, b"/", lambda sc: "search the library" in line(sc))
    ms = press(s, text.encode(), lambda sc: text in line(sc) and RESULTS.search(line(sc)) is not None
               and "searching" not in line(sc), timeout=60)
    found = RESULTS.search(status(s)).group(1)
    press(s, b"\x1b", lambda sc: f"/{count}" in line(sc) and "found" not in line(sc))
    return round(ms, 2), found


def people(s, count, cold):
    if cold:
        drop_caches()
    ms = press(s, b"P", lambda sc: PEOPLE.search(line(sc)) is not None, timeout=60)
    found = PEOPLE.search(status(s)).group(1)
    press(s, b"\x1b", lambda sc: f"/{count}" in line(sc))
    return round(ms, 2), found


def run_session(a):
    count = len([f for f in os.listdir(a.dir) if f.endswith(".txt")])
    s = spawn([a.bin, a.dir], a.home, a.cols, a.rows)
    out = {"articles": count}
    try:
        # The catch-up (a stat per file, on the indexing thread, niced) starts after the first
        # frame and should draw nothing: the indexing threads' CPU, sampled every 10 ms from
        # the list's first frame, and the bytes written from 0.5 s to 3 s after it.
        out["start_ms"] = ready(s, count, settle=0)
        t_list = s.t0 + out["start_ms"] / 1000
        cpu, changed, bytes0 = index_cpu(s.pid), t_list, None
        while mono() < t_list + 3:
            s.pump(0.01)
            if bytes0 is None and mono() >= t_list + 0.5:
                bytes0 = s.total
            now = index_cpu(s.pid)
            if now != cpu:
                cpu, changed = now, mono()
        out["catchup"] = {"bytes_late": s.total - bytes0, "index_cpu_ms": round(cpu * 1000, 2),
                          "index_busy_until_ms": round((changed - t_list) * 1000, 1),
                          "status_showed_indexing": "indexing" in status(s)}
        if a.down:
            out["keys"] = summary([k["ms"] for k in downs(s, a.down, count)])
        out["queries"] = {}
        for text in a.queries:
            times = [query(s, text, count, a.cold) for _ in range(a.repeat)]
            out["queries"][text] = {"ms": [t for t, _ in times], "found": times[-1][1]}
        times = [people(s, count, a.cold) for _ in range(a.repeat)]
        out["people"] = {"ms": [t for t, _ in times], "found": times[-1][1]}
        out["peak_rss_kb"] = s.mem().get("VmHWM_kb")
        out["ok"] = True
    except Exception as e:
        out.update({"ok": False, "error": f"{type(e).__name__}: {e}", "screen": lines(s.screen)[-3:]})
    finally:
        finish(s)
    return out


# MARK: - newsboat

def run_newsboat(a):
    nb = a.nbdir
    home = os.path.join(nb, "home")
    os.makedirs(home, exist_ok=True)
    argv = [a.bin, "-u", os.path.join(nb, "urls"), "-c", os.path.join(nb, "cache.db"), "-C", os.path.join(nb, "config")]
    out = {"queries": {}}
    s = spawn(argv, home, a.cols, a.rows)
    try:
        # `/` on the feed list searches every article in the cache (SQL LIKE on title and text).
        until(s, lambda sc: "Your feeds" in line(sc, 0), 120)
        quiet(s, 0.5, 10)
        for text in a.queries:
            times = []
            for _ in range(a.repeat):
                if a.cold:
                    drop_caches()
                press(s, b"/", lambda sc: "Search for:" in line(sc))
                os.write(s.fd, text.encode())
                until(s, lambda sc: text in line(sc), 10)
                ms = press(s, b"\r", lambda sc: "Search result" in line(sc, 0), timeout=600)
                quiet(s, 0.3, 60)
                # The found count is in the title bar: "Search result (N unread, M total)".
                m = re.search(r"(\d+) total", line(s.screen, 0))
                times.append((round(ms, 2), m.group(1) if m else "?"))
                press(s, b"q", lambda sc: "Your feeds" in line(sc, 0))
            out["queries"][text] = {"ms": [t for t, _ in times], "found": times[-1][1]}
        out["peak_rss_kb"] = s.mem().get("VmHWM_kb")
        out["ok"] = True
    except Exception as e:
        out.update({"ok": False, "error": f"{type(e).__name__}: {e}", "screen": lines(s.screen)[:2] + lines(s.screen)[-2:]})
    finally:
        finish(s)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=["index", "starts", "session", "newsboat"])
    ap.add_argument("queries", nargs="*")
    ap.add_argument("--bin", required=True)
    ap.add_argument("--dir")
    ap.add_argument("--home")
    ap.add_argument("--nbdir")
    ap.add_argument("--down", type=int, default=0)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--cold", action="store_true")
    ap.add_argument("--timeout", type=float, default=1800)
    ap.add_argument("--cols", type=int, default=120)
    ap.add_argument("--rows", type=int, default=40)
    a = ap.parse_intermixed_args()
    out = {"index": run_index, "starts": run_starts, "session": run_session, "newsboat": run_newsboat}[a.mode](a)
    print(json.dumps(out, ensure_ascii=False))
    return 0 if out.get("ok") else 1


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Soak: drive the real byline binary through a pseudo-terminal with random keys and resizes.

    scripts/soak.py --binary PATH --library DIR [--keys 100000] [--resizes 1000] [--seed 1]

Every key Byline binds (moves, pages, jumps, zoom, focus, overlays, themes, redraw) is sent,
in a seeded random order, with the resizes spread at random among them; the same seed gives
the same run. Among them come typed searches: `/` in the list with a query (words, phrases,
prefixes, exclusions, `head:`, `by:`, CJK, junk) typed a character at a time, then Enter (the
results stay, and the keys after move through them and open them) or Esc; and `P` with part of
a name typed, then Enter (a speaker's quotes; Enter again opens an article at one) or Esc.

Keys are written as fast as Byline reads them (at most MAX_PENDING bytes wait in the terminal's
input queue), except Esc, after which the driver waits until Byline has read it and its escape
delay has passed, so Esc is read as Esc and not as the start of a sequence.

Memory comes from /proc/PID/status: VmRSS (resident now) and VmHWM (the peak so far). The run
fails (exit 1) unless Byline exits 0 on `q` at the end and its peak stays within --budget-mib
of the resident size after the first 1,000 keys. One JSON line with the figures goes to stdout
(with VmRSS every 10,000 keys, to tell steady growth from a warm-up).
"""
import argparse
import fcntl
import json
import os
import random
import select
import signal
import struct
import subprocess
import sys
import termios
import threading
import time

# Every binding in Sources/BylineReader/KeyMap.swift except q, with the bytes xterm sends and a
# weight: moves and pages are what people press most; theme switches and overlays often enough
# that a leak on their path shows up (t about once every 25 keys).
KEYS = [
    ("j", b"j", 10), ("k", b"k", 8), ("down", b"\x1b[B", 6), ("up", b"\x1b[A", 5),
    ("space", b" ", 4), ("b", b"b", 3), ("pgdn", b"\x1b[6~", 3), ("pgup", b"\x1b[5~", 3),
    ("g", b"g", 1), ("G", b"G", 1), ("home", b"\x1b[H", 1), ("end", b"\x1b[F", 1),
    ("enter", b"\r", 4), ("right", b"\x1b[C", 2), ("left", b"\x1b[D", 3), ("esc", b"\x1b", 1),
    ("tab", b"\t", 3), ("s", b"s", 2), ("z", b"z", 2),
    ("]", b"]", 3), ("[", b"[", 2), ("}", b"}", 2), ("{", b"{", 2), ("J", b"J", 3), ("K", b"K", 2),
    ("f", b"f", 1), ("t", b"t", 4), ("!", b"!", 1), ("?", b"?", 1), ("ctrl-l", b"\x0c", 1),
    # Find in the article (the keys after / type into the prompt until Enter or Esc), matches,
    # go to an article by number, read marks (M asks: y or any other key answers), sorting,
    # the list's width.
    ("/", b"/", 2), ("n", b"n", 2), ("N", b"N", 1), (":", b":", 1), ("1", b"1", 1), ("y", b"y", 1),
    ("m", b"m", 2), ("u", b"u", 2), ("U", b"U", 1), ("M", b"M", 1), ("o", b"o", 1),
    ("<", b"<", 1), (">", b">", 1),
]
# Typed searches: weights among the keys above (each sends several keys), and what is typed.
# The words, places and names are the generated library's (Sources/BylineCorpus). No `q` or
# `Q`: where no prompt took them (a terminal too small for the list), they would quit.
MACROS = [("find-query", 2), ("people-query", 1)]
QUERY_PARTS = [
    "harbour", "ferry", "bridge", "strike", "council", "night", "Kraków", "zurich", "京都", "부산",
    "harb*", "fer*", '"harbour master"', '"ferry captain"*', "-strike", "-ferry", "head:ferry",
    "head:\"new rail\"", "by:Ramírez", 'by:"Orla Kennedy"', "by:Kenn*", "-by:Vogt", "BY:sato",
    "zzzx", "*", "-", '"', "OR", "NEAR(a b)", "by:", "head:", "🚆",
]
NAME_PARTS = ["in", "orla", "ramírez", "李", "o'h", "zz", "a", "nguyen", " "]
MAX_PENDING = 48          # bytes allowed to wait unread in the terminal's input queue
ESCAPE_SETTLE = 0.035     # Byline's ESCDELAY is 25 ms
MIB = 1024 * 1024


def status(pid):
    """VmRSS and VmHWM of pid, in bytes."""
    fields = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                fields[key] = int(value.split()[0]) * 1024
    return fields["VmRSS"], fields["VmHWM"]


ARENA_ALIGN = 64 * MIB    # glibc maps each thread arena's heap at a multiple of 64 MiB


def breakdown(pid):
    """Resident memory of pid by kind, in MiB (from /proc/PID/smaps): the main malloc heap,
    thread malloc arenas (read-write mappings at a multiple of 64 MiB), other anonymous memory
    (thread stacks, large allocations), and mapped files (the binary, libraries, SQLite's -shm)."""
    kinds = {"heap": 0, "arenas": 0, "other_anon": 0, "files": 0}
    name, start, perms = "", 0, ""
    with open(f"/proc/{pid}/smaps") as f:
        for line in f:
            head = line.split()
            if "-" in head[0] and len(head) >= 5 and not head[0].endswith(":"):
                start = int(head[0].split("-")[0], 16)
                perms = head[1]
                name = head[5] if len(head) > 5 else ""
            elif head[0] == "Rss:":
                kb = int(head[1])
                if name == "[heap]":
                    kinds["heap"] += kb
                elif name.startswith("/"):
                    kinds["files"] += kb
                elif name == "" and start % ARENA_ALIGN == 0 and perms.startswith("rw"):
                    kinds["arenas"] += kb
                else:
                    kinds["other_anon"] += kb
    return {k: round(v / 1024, 1) for k, v in kinds.items()}


def pending(fd):
    """Bytes written to the terminal that the child has not read yet."""
    return struct.unpack("i", fcntl.ioctl(fd, termios.FIONREAD, b"\0\0\0\0"))[0]


def set_size(fd, cols, rows):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))


class Drain(threading.Thread):
    """Reads everything the child writes, so it never blocks on a full terminal."""

    def __init__(self, master):
        super().__init__(daemon=True)
        self.master = master
        self.total = 0
        self.last = time.monotonic()
        self.closed = False

    def run(self):
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                break
            if not chunk:
                break
            self.total += len(chunk)
            self.last = time.monotonic()
        self.closed = True

    def quiet(self, seconds, timeout=10.0):
        """Wait until nothing has been written for `seconds` (after at least one byte)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.total > 0 and time.monotonic() - self.last >= seconds:
                return True
            time.sleep(seconds / 4)
        return False


def macro(name, rng):
    """The keys of a typed search, as (counted name, key name, bytes): the first key counts as
    the search, each character typed as "typed", the others as themselves."""
    esc, enter = ("esc", b"\x1b"), ("enter", b"\r")
    if name == "find-query":
        # Esc twice closes a prompt, People (its quotes, then its names) or results; Left twice
        # brings the focus to the list, where / searches the library.
        text = " ".join(rng.choice(QUERY_PARTS) for _ in range(rng.randint(1, 3)))
        keys = [esc, esc, ("left", b"\x1b[D"), ("left", b"\x1b[D"), ("/", b"/")]
        ending = [enter] if rng.random() < 0.7 else [esc]
    else:
        text = rng.choice(NAME_PARTS)[:rng.randint(0, 4)]
        keys = [esc, ("P", b"P")]
        ending = [enter, enter] if rng.random() < 0.4 else [enter] if rng.random() < 0.5 else [esc]
    steps = [(key, key, data) for key, data in keys] + [("typed", "typed", c.encode()) for c in text] \
        + [(key, key, data) for key, data in ending]
    steps[0] = (name,) + steps[0][1:]
    return steps


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", required=True)
    parser.add_argument("--library", required=True)
    parser.add_argument("--keys", type=int, default=100_000)
    parser.add_argument("--resizes", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--budget-mib", type=float, default=5.0)
    parser.add_argument("--breakdown", action="store_true",
                        help="also record resident memory by kind (heap, arenas, ...) every 10,000 keys")
    parser.add_argument("--home", default=None, help="HOME/XDG_CONFIG_HOME for the child (default: a temporary folder)")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    names = [k[0] for k in KEYS] + [m[0] for m in MACROS]
    weights = [k[2] for k in KEYS] + [m[1] for m in MACROS]
    sequence = []   # (counted name, key name, bytes), one entry per key sent
    while len(sequence) < args.keys:
        choice = rng.choices(range(len(names)), weights=weights)[0]
        if choice < len(KEYS):
            name, data, _ = KEYS[choice]
            sequence.append((name, name, data))
        else:
            sequence += macro(names[choice], rng)
    sequence = sequence[:args.keys]
    resize_at = sorted(rng.sample(range(1, args.keys), min(args.resizes, args.keys - 1)))
    sizes = [(rng.randint(1, 300), rng.randint(1, 100)) for _ in resize_at]

    home = args.home or os.path.join(os.environ.get("TMPDIR", "/tmp"), f"byline-soak-{os.getpid()}")
    os.makedirs(os.path.join(home, "config"), exist_ok=True)
    env = {
        "PATH": "/usr/bin:/bin", "TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
        "HOME": home, "XDG_CONFIG_HOME": os.path.join(home, "config"),
    }
    if "GLIBC_TUNABLES" in os.environ:  # for experiments with glibc's malloc
        env["GLIBC_TUNABLES"] = os.environ["GLIBC_TUNABLES"]
    master, slave = os.openpty()
    set_size(master, 120, 40)

    def controlling_terminal():
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    child = subprocess.Popen([args.binary, args.library], stdin=slave, stdout=slave, stderr=slave, env=env,
                             start_new_session=True, preexec_fn=controlling_terminal, close_fds=True)
    drain = Drain(master)
    drain.start()
    if not drain.quiet(0.3, timeout=30):
        print("soak: byline drew nothing", file=sys.stderr)
        child.kill()
        return 1

    def settle():
        """Wait until Byline has read every key sent and finished drawing."""
        while pending(slave) > 0 and child.poll() is None:
            time.sleep(0.001)
        drain.quiet(0.05)

    rss_start, _ = status(child.pid)
    figures = {"seed": args.seed, "keys": args.keys, "resizes": args.resizes, "start_rss_mib": rss_start / MIB}
    counts = dict.fromkeys(names + ["typed"], 0)
    next_resize = 0
    peak_rss = rss_start
    trace = []  # VmRSS every 10,000 keys, to tell a leak (steady growth) from a cache filling
    kinds = []  # with --breakdown: what that memory is, at the same moments and after 1,000 keys
    started = time.monotonic()
    for i, (counted, name, data) in enumerate(sequence):
        if next_resize < len(resize_at) and resize_at[next_resize] == i:
            cols, rows = sizes[next_resize]
            set_size(master, cols, rows)  # the kernel sends SIGWINCH to Byline
            next_resize += 1
        while pending(slave) > MAX_PENDING and child.poll() is None:
            select.select([], [], [], 0.0005)
        os.write(master, data)
        counts[counted] = counts.get(counted, 0) + 1
        if name == "esc":
            while pending(slave) > 0 and child.poll() is None:
                time.sleep(0.001)
            time.sleep(ESCAPE_SETTLE)
        if i + 1 == 1000:
            settle()
            rss, hwm = status(child.pid)
            figures["after_1000_rss_mib"] = rss / MIB
            figures["after_1000_hwm_mib"] = hwm / MIB
            if args.breakdown:
                kinds.append({"keys": 1000, **breakdown(child.pid)})
        if i % 500 == 0:
            rss = status(child.pid)[0]
            peak_rss = max(peak_rss, rss)
            if i % 10_000 == 0:
                trace.append(round(rss / MIB, 1))
                if args.breakdown:
                    kinds.append({"keys": i, **breakdown(child.pid)})
        if child.poll() is not None:
            print(f"soak: byline exited with {child.returncode} after {i + 1} keys", file=sys.stderr)
            return 1
    settle()
    elapsed = time.monotonic() - started
    rss_end, hwm_end = status(child.pid)
    figures.update({
        "end_rss_mib": rss_end / MIB, "peak_hwm_mib": hwm_end / MIB,
        "peak_sampled_rss_mib": max(peak_rss, rss_end) / MIB,
        "seconds": elapsed, "keys_per_second": args.keys / elapsed, "bytes_drawn": drain.total,
        "rss_mib_every_10000_keys": trace,
    })
    if args.breakdown:
        kinds.append({"keys": args.keys, **breakdown(child.pid)})
        figures["rss_mib_by_kind"] = kinds

    # Quit: close any overlay with Esc, then q (q also closes an overlay, so send it again).
    exit_code = None
    for attempt in range(5):
        os.write(master, b"\x1b")
        time.sleep(ESCAPE_SETTLE * 2)
        os.write(master, b"q")
        try:
            exit_code = child.wait(timeout=2)
            break
        except subprocess.TimeoutExpired:
            continue
    if exit_code is None:
        child.kill()
        exit_code = child.wait()
    figures["exit_code"] = exit_code
    figures["key_counts"] = counts
    growth = figures["peak_hwm_mib"] - figures["after_1000_rss_mib"]
    figures["growth_after_1000_mib"] = growth
    ok = exit_code == 0 and growth <= args.budget_mib
    figures["ok"] = ok
    print(json.dumps(figures, sort_keys=True))
    os.close(slave)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

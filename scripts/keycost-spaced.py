#!/usr/bin/env python3
"""keycost.py (../shared/tools) with the counted keys spaced GAP seconds apart.

    scripts/keycost-spaced.py --gap 1.0 KEYCOST_ARGS...   (e.g. --n 30 --pre k,k --key j -- BIN DIR)

keycost sends a key every 50 ms. A three-pane move sets off work on other threads (the
neighbours' parse ahead), and under valgrind that work takes longer than 50 ms: at keycost's
pace a key's count is what fits between keys, not what the key sets off. Spaced a second
apart, everything a key starts finishes before the next, and the count per key is all of it.
This loads keycost.py's own code and changes only the pause after each counted key.
"""
import os, sys

here = os.path.dirname(os.path.abspath(__file__))
tool = os.environ.get("KEYCOST_PY", os.path.join(here, "..", "..", "shared", "tools", "keycost.py"))
args = sys.argv[1:]
gap = 1.0
if len(args) >= 2 and args[0] == "--gap":
    gap = float(args[1])
    args = args[2:]
if not os.path.exists(tool):
    sys.exit(f"keycost-spaced: {tool} not found (set KEYCOST_PY)")
source = open(tool).read()
needle = "os.write(fd, k); pump(0.05)"
if needle not in source:
    sys.exit("keycost-spaced: keycost.py changed; its pause after a counted key was not found")
source = source.replace(needle, f"os.write(fd, k); pump({gap!r})")
sys.argv = [tool] + args
exec(compile(source, tool, "exec"), {"__name__": "__main__", "__file__": tool})

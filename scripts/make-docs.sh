#!/usr/bin/env bash
# Makes the files Byline installs beside its binary from the program itself, so they cannot
# drift from it (Tests/BylineEndToEndTests/DocsTests.swift checks they are up to date):
#
#   Docs/byline.1              the manual: swift-argument-parser's generate-manual plugin for the
#                              commands and options, then the keys (from the key map), files,
#                              environment and exit statuses
#   completions/byline.bash    bash, zsh and fish completion (byline --generate-completion-script)
#   completions/_byline
#   completions/byline.fish
#
#   scripts/make-docs.sh
set -euo pipefail
cd "$(dirname "$0")/.."

swift build --product byline >&2
BIN=.build/debug/byline
empty=$(mktemp -d)
trap 'rm -rf "$empty"' EXIT

# MARK: - Completions
mkdir -p completions
"$BIN" --generate-completion-script bash > completions/byline.bash
"$BIN" --generate-completion-script zsh > completions/_byline
"$BIN" --generate-completion-script fish > completions/byline.fish

# MARK: - The manual
swift package --allow-writing-to-package-directory generate-manual --configuration debug \
    --date "$(git log -1 --format=%cs 2>/dev/null || date +%F)" --authors "The Byline developers" >&2
generated=.build/plugins/GenerateManual/outputs/byline/byline.1
mkdir -p Docs
keys=$(XDG_CONFIG_HOME="$empty" "$BIN" --list-keys)
python3 - "$generated" Docs/byline.1 "$keys" <<'PY'
import sys
source, target, keys = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(source).read()
def roff(s):
    s = s.replace("\\", "\\e").replace("-", "\\-")
    return "".join(c if ord(c) < 128 else f"\\[u{ord(c):04X}]" for c in s)
rows = []
for line in keys.splitlines():
    left, action, help = line[:18].strip(), line[19:39].strip(), line[39:].strip()
    rows.append(f".It Li {roff(left)}\n{roff(help)} ({roff(action)})")
extra = f""".Sh KEYS
In the reader, these keys do what they say; press ? for the same list. A config file's
.Li [keys]
table binds others (see FILES, and
.Fl -list-actions ) .
.Bl -tag -width 16n
{chr(10).join(rows)}
.El
.Pp
In a prompt (after /, : or |), printable keys type, Enter is done, Esc cancels, Left, Right,
Home, End, Backspace, Ctrl-U, Ctrl-W and Up/Down (history) edit. The mouse: a click selects a
row (a second click opens it), focuses a pane or jumps to a quote; the wheel scrolls the pane
under the pointer. Hold Shift to select text with the mouse as usual.
.Sh FILES
.Bl -tag -width 6n
.It Pa $XDG_CONFIG_HOME/byline/config.toml
Settings:
.Li theme , color , watch , state , sort , mouse , clipboard
and a
.Li [keys]
table (default
.Pa ~/.config/byline/config.toml ) .
.It Pa $XDG_CONFIG_HOME/byline/themes/*.toml
Your own themes.
.It Pa $XDG_STATE_HOME/byline/state.sqlite3
Read marks, reading positions and the last article of each folder (default
.Pa ~/.local/state/byline/ ) .
.It Pa PREFIX/share/byline
The shipped
.Pa Themes/
and
.Pa Samples/ .
.El
.Sh ENVIRONMENT
.Bl -tag -width 6n
.It Ev NO_COLOR
When set and not empty, no colour (unless
.Fl -color Ar always ) .
.It Ev TERM , Ev COLORTERM
The terminal's type, for its terminfo (colours, the mouse, the clipboard capability Ms).
.It Ev LANG , Ev LC_ALL , Ev LC_CTYPE
A locale that is not UTF-8 draws in ASCII.
.It Ev XDG_CONFIG_HOME , Ev XDG_STATE_HOME , Ev HOME
Where the config and the state are.
.It Ev BYLINE_DATA_DIR
A folder holding
.Pa Themes/
and
.Pa Samples/ ,
instead of the installed ones.
.El
"""
status = """.Sh EXIT STATUS
.Bl -tag -width 6n
.It 0
Done (the reader quit).
.It 1
The reader's terminal went away;
.Cm inspect
could not read a file;
.Cm search
found nothing;
.Cm state
could not use the store.
.It 2
Bad input: a missing folder, a broken theme or config file, an unusable terminal (one line on
standard error, before the screen is touched).
.It 64
A usage error (an unknown option).
.It 128+N
Ended by signal N (SIGTERM, SIGHUP, SIGINT), the terminal restored.
.El
"""
head, sep, rest = text.partition('.Sh "EXIT STATUS"')
after = rest.partition(".Sh ")[2]
page = head + extra + status + (".Sh " + after if after else "")
# Anything not ASCII the generated part holds (help texts), as groff's own escapes.
page = "".join(c if ord(c) < 128 else f"\\[u{ord(c):04X}]" for c in page)
open(target, "w").write(page)
PY
echo "made Docs/byline.1 and completions/" >&2

#!/usr/bin/env bash
# Checks that two builds of Byline parse every article alike: `byline inspect --json` (headline,
# standfirst, blocks, quotes with speakers and evidence, warnings, words) of each folder, byte
# for byte.
#
#   scripts/parse-compare.sh OLD_BYLINE NEW_BYLINE FOLDER...
#
# Prints, per folder, how many articles were compared and whether the outputs are equal; exits 1
# at the first difference (the differing lines stay in $TMPDIR/byline-parse-compare).
set -euo pipefail
[ $# -ge 3 ] || { echo "usage: $0 OLD_BYLINE NEW_BYLINE FOLDER..." >&2; exit 2; }
old=$1 new=$2; shift 2
out=${TMPDIR:-/tmp}/byline-parse-compare
mkdir -p "$out"
total=0
for folder in "$@"; do
    name=$(basename "$folder")
    # Exit status 1 means some file was unreadable: still listed, so still compared.
    "$old" inspect --json --recursive "$folder" > "$out/$name.old" 2>/dev/null || true
    "$new" inspect --json --recursive "$folder" > "$out/$name.new" 2>/dev/null || true
    n=$(wc -l < "$out/$name.old")
    if ! cmp -s "$out/$name.old" "$out/$name.new"; then
        echo "$folder: $n articles, DIFFERENT (see $out/$name.old and .new)"
        diff "$out/$name.old" "$out/$name.new" | head -c 2000
        exit 1
    fi
    [ "$n" -gt 0 ] || { echo "$folder: no articles read" >&2; exit 1; }
    echo "$folder: $n articles, identical"
    total=$((total + n))
done
echo "all identical: $total articles"

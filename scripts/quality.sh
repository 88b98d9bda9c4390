#!/usr/bin/env bash
# How well Byline reads a labelled corpus: quote recall, named-speaker precision, speaker
# recall, share of speaker strings naming nobody, story words folded as boilerplate, longest
# paragraph, URL/date headlines, raw "" and false crossheads.
#
#   scripts/quality.sh                      # the development corpus (Corpus/dev)
#   scripts/quality.sh Corpus/heldout       # the held-out corpus
#   scripts/quality.sh DIR LABELS           # any folder with a label file
#   PROBLEMS=1 scripts/quality.sh           # also list each missed quote, wrong speaker, ...
#
# The label format is described at the top of Corpus/dev/labels.who. The scoring itself is
# Swift (QualityScorer, run by the hidden `byline quality` command), so `swift test` checks the
# same figures (Tests/BylineModelTests/QualityCorpusTests.swift).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=${1:-$ROOT/Corpus/dev}
LABELS=${2:-$DIR/labels.who}
cd "$ROOT"
swift build -c release --product byline >&2
args=("$DIR" "$LABELS")
if [[ -n "${PROBLEMS:-}" ]]; then args+=(--problems); fi
exec "$(swift build -c release --show-bin-path)/byline" quality "${args[@]}"

#!/usr/bin/env bash
# Scores extraction against a gold-annotated corpus (default ../shared/corpus/dev): runs kgexport on
# every NN-*.txt, one GraphML per article, then score.py (../shared/corpus/score.py, or $SCORE_PY).
# Run on demand, not in tests.
#   bash Tests/score-corpus.sh [CORPUS_DIR] [--verbose]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus/dev}
shift || true
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
swift build -c release --product kgexport >/dev/null
bin=$(swift build -c release --show-bin-path)/kgexport
for article in "$corpus"/[0-9][0-9]-*.txt; do
  "$bin" "$article" --to graphml --output-dir "$out" --quiet
done
python3 "${SCORE_PY:-../shared/corpus/score.py}" --corpus "$corpus" "$out" "$@"

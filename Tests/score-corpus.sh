#!/usr/bin/env bash
# Scores extraction against a gold-annotated corpus (default ../shared/corpus/dev): runs kgexport on
# every NN-*.txt, one GraphML per article, then the corpus's score.py. Run on demand, not in tests.
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
python3 "$corpus/../score.py" --corpus "$corpus" "$out" "$@"

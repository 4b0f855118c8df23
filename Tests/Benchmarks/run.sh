#!/usr/bin/env bash
# The kgexport benchmark (on demand; not part of the tests). See README.md in this folder.
#
#   Tests/Benchmarks/run.sh [--sizes S,M,L] [--runs 5] [--extraction] [--work DIR]
#
# Builds kgexport in release mode (or uses $KGEXPORT), generates the workloads with
# ../shared/bench/gen.py, and prints the table of kgexport against igraph and pyoxigraph.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
if [[ -z "${KGEXPORT:-}" ]]; then
  scratch="${SCRATCH:-$root/.build-bench}"
  echo "building kgexport (release) in $scratch ..." >&2
  swift build -c release --package-path "$root" --scratch-path "$scratch" --product kgexport >&2
  KGEXPORT="$(swift build -c release --package-path "$root" --scratch-path "$scratch" --show-bin-path)/kgexport"
fi
for tool in /usr/bin/time python3; do
  command -v "$tool" >/dev/null || { echo "run.sh needs $tool (Debian: time, python3)" >&2; exit 1; }
done
python3 -c 'import igraph, pyoxigraph' 2>/dev/null || {
  echo "run.sh needs python-igraph and pyoxigraph (pip install igraph pyoxigraph)" >&2; exit 1; }
exec python3 "$here/bench.py" --kgexport "$KGEXPORT" "$@"

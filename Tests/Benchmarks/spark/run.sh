#!/usr/bin/env bash
# kgexport under Apache Spark (PySpark, local mode): the union of the shards equals one run.
# On demand, not in CI. Needs Java 17+ and `pip install pyspark`; see README.md.
#
#   Tests/Benchmarks/spark/run.sh [--partitions 3]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
if [[ -z "${KGEXPORT:-}" ]]; then
  scratch="${SCRATCH:-$root/.build-bench}"
  swift build -c release --package-path "$root" --scratch-path "$scratch" --product kgexport >&2
  KGEXPORT="$(swift build -c release --package-path "$root" --scratch-path "$scratch" --show-bin-path)/kgexport"
fi
command -v java >/dev/null || { echo "needs Java 17 or later (Debian: openjdk-17-jre-headless)" >&2; exit 1; }
python3 -c 'import pyspark' 2>/dev/null || { echo "needs PySpark (pip install pyspark)" >&2; exit 1; }
exec python3 "$here/union_test.py" --kgexport "$KGEXPORT" "$@"

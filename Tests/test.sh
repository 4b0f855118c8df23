#!/usr/bin/env bash
# Runs the whole test suite against the real consumers of kgexport's output.
#
# Installs what the tests need when it is missing (Debian packages: libxml2-dev, libxml2-utils,
# graphviz, raptor2-utils, jing, libapache-jena-java, virtuoso-opensource, a Java runtime; PyPI:
# networkx, rdflib, igraph, pyoxigraph, oxigraph), then runs `swift test`. Tests start and stop their
# own servers (Virtuoso, Oxigraph) on loopback. Interop tests fail, never skip, when a consumer is absent
# (KGEXPORT_REQUIRE_TOOLS=1). Extra arguments go to `swift test` (e.g. --filter InteropTests).
#
# A whole run (no extra arguments) then runs each libFuzzer target (Tests/Fuzz/run.sh) from its
# committed corpus for KGEXPORT_FUZZ_SECONDS seconds (default 30; 0 skips fuzzing), which adds a
# sanitizer build of a few minutes and about 8 × that many seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

packages=()
pkg-config --exists libxml-2.0 2>/dev/null || packages+=(libxml2-dev pkg-config)
command -v xmllint >/dev/null || packages+=(libxml2-utils)
command -v dot >/dev/null || packages+=(graphviz)
command -v rapper >/dev/null || packages+=(raptor2-utils)
command -v jing >/dev/null || packages+=(jing)
command -v virtuoso-t >/dev/null || packages+=(virtuoso-opensource)
[ -f /usr/share/java/jena-cmds.jar ] || packages+=(libapache-jena-java)
command -v java >/dev/null || packages+=(default-jre-headless)
command -v unzip >/dev/null || packages+=(unzip)
if [ ${#packages[@]} -gt 0 ]; then
  echo "installing Debian packages: ${packages[*]}" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
fi

if ! python3 -c 'import networkx, rdflib, igraph, pyoxigraph' 2>/dev/null || ! command -v oxigraph >/dev/null; then
  echo "installing Python packages: networkx rdflib igraph pyoxigraph oxigraph" >&2
  python3 -m pip install --quiet --disable-pip-version-check networkx rdflib igraph pyoxigraph oxigraph
fi

export KGEXPORT_REQUIRE_TOOLS=1 CI="${CI:-true}"
swift build --build-tests
swift test --skip-build "$@"

fuzz_seconds="${KGEXPORT_FUZZ_SECONDS:-30}"
if [ $# -eq 0 ] && [ "$fuzz_seconds" -gt 0 ]; then
  bash Tests/Fuzz/run.sh "$fuzz_seconds"
fi

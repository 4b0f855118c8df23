#!/usr/bin/env bash
# Builds the libFuzzer targets (address sanitizer on) and runs each in turn.
#
#   Tests/Fuzz/run.sh [SECONDS] [TARGET...]
#
# SECONDS per target (default 60); TARGETs default to all: FuzzArticle FuzzInterchange
# FuzzGraphML FuzzGEXF FuzzRDFXML FuzzDOT FuzzNTriples FuzzJSONLD FuzzTurtle FuzzNQuads
# FuzzJSONLines. Each target starts from its
# committed corpus (Corpus/<target>, which includes every input that once failed) and writes the
# inputs it finds to a work folder ($FUZZ_WORK, default a new temporary folder), never into the
# repository.
# A failing input is saved as $FUZZ_WORK/<target>/crash-* and the script exits 1 after the others.
# Fuzzers run at the lowest priority (nice 19), one at a time.
#
# Environment: FUZZ_SCRATCH, the build folder (default <package root>/.build-fuzz).
# Needs Swift 6 on Linux (libFuzzer ships with the toolchain) and libxml2-dev.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(FuzzArticle FuzzInterchange FuzzGraphML FuzzGEXF FuzzRDFXML FuzzDOT FuzzNTriples FuzzJSONLD
  FuzzTurtle FuzzNQuads FuzzJSONLines)
scratch="${FUZZ_SCRATCH:-$root/.build-fuzz}"
work="${FUZZ_WORK:-$(mktemp -d "${TMPDIR:-/tmp}/kgexport-fuzz.XXXXXX")}"

# Release: SwiftPM renames an executable's entry point only there the way the targets expect
# (<Target>_main), and the fuzzers run several times faster.
(cd "$here" && nice -n 19 swift build --scratch-path "$scratch" -c release \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -g 2>&1 \
  | grep -v "Cannot export local symbol" || true)
bin="$scratch/release"
for target in "${targets[@]}"; do
  [ -x "$bin/$target" ] || { echo "fuzz: $target was not built; see the build output above" >&2; exit 2; }
done

# The Swift runtime's own crash handler fights the sanitizer's; libFuzzer reports crashes itself.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:allocator_may_return_null=1}"

failed=()
for target in "${targets[@]}"; do
  case "$target" in
    FuzzArticle|FuzzInterchange) max_len=4096 ;;
    *) max_len=1024 ;;
  esac
  mkdir -p "$work/$target" "$here/Corpus/$target"
  echo "fuzz: $target for ${seconds}s (new inputs in $work/$target)" >&2
  if ! nice -n 19 "$bin/$target" "$work/$target" "$here/Corpus/$target" \
      -max_total_time="$seconds" -max_len="$max_len" -timeout=20 -rss_limit_mb=4096 \
      -artifact_prefix="$work/$target/" -print_final_stats=1 \
      > "$work/$target.log" 2>&1; then
    failed+=("$target")
    grep -E "fuzz property broken|ERROR|SUMMARY|Test unit written" "$work/$target.log" >&2 || true
  fi
  grep -E "stat::number_of_executed_units|Done [0-9]+ runs" "$work/$target.log" | sed "s/^/fuzz: $target: /" >&2 || true
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: FAILED: ${failed[*]} (inputs and logs in $work)" >&2
  exit 1
fi
echo "fuzz: ${#targets[@]} targets ran ${seconds}s each without a failure (logs in $work)" >&2

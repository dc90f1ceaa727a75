#!/usr/bin/env bash
# tests/fuzz/run.sh TARGET SECONDS [BUILD_DIR]: builds the libFuzzer targets
# (clang, TOUCHLINE_FUZZ=ON) in BUILD_DIR (default build-fuzz at the top of the
# tree) and runs fuzz_TARGET for SECONDS on one core. Seeds come from
# tests/fuzz/corpus/TARGET; new inputs go to BUILD_DIR/fuzz-corpus/TARGET, and
# crashes to BUILD_DIR/fuzz-crashes/. TARGET is article, sanitize, extract, kb,
# theme, config, cache, index or html. Exits 77 (skipped) when clang or its libFuzzer runtime is missing.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
target=${1:?usage: run.sh TARGET SECONDS [BUILD_DIR]}
seconds=${2:?usage: run.sh TARGET SECONDS [BUILD_DIR]}
build=${3:-$top/build-fuzz}

case $target in
article | sanitize | extract | kb | theme | config | cache | index | html | feed | opml) ;;
*) echo "run.sh: unknown target '$target' (article sanitize extract kb theme config cache index html feed opml)" >&2; exit 2 ;;
esac

cc=${CC:-clang}
if ! command -v "$cc" >/dev/null; then
    echo "run.sh: skipped: $cc not found (apt-get install clang)" >&2
    exit 77
fi
if ! echo 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return 0; }' |
    "$cc" -x c -fsanitize=fuzzer -o /dev/null - 2>/dev/null; then
    echo "run.sh: skipped: $cc has no libFuzzer runtime (apt-get install libclang-rt-14-dev)" >&2
    exit 77
fi

if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$top" -B "$build" -DCMAKE_C_COMPILER="$cc" -DTOUCHLINE_FUZZ=ON -DTOUCHLINE_TESTS=OFF \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$build" --target "fuzz_$target" -j2 >/dev/null

work="$build/fuzz-corpus/$target"
crashes="$build/fuzz-crashes"
mkdir -p "$work" "$crashes"
dict=()
case $target in
article | kb | theme | config) dict=(-dict="$here/yaml.dict") ;;
html) dict=(-dict="$here/html.dict") ;;
esac
# Big inputs for the loaders (a whole article); a bounded memory and a
# per-input time limit, so a hang or a bomb is a finding, not a stuck run.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
exec "$build/tests/fuzz/fuzz_$target" "${dict[@]}" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$crashes/$target-" \
    "$work" "$here/corpus/$target"

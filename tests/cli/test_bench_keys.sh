#!/usr/bin/env bash
# test_bench_keys: the reader driven headlessly by `--bench-keys`, which runs
# the real loop (background load, keys between takes, repaints) without a
# terminal. A corpus big enough to still be loading when the keys start is
# loaded, keys are pressed while it loads (searches too, whose thread reads
# the bodies that the load lends from the cache file as it writes it), and
# the timings table comes out;
# a second run reads the cache the first wrote; a bad script line is
# path:line: what, exit 2. CI also runs this under
# ThreadSanitizer, where a data race between the loop and the workers fails it.
set -u
bin=$1
src=$2
. "$src/tests/cli/lib.sh"
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/xdg" XDG_CACHE_HOME="$tmp/cache" TERM=xterm
mkdir -p "$HOME" "$XDG_CONFIG_HOME"

# 80 copies of the samples: over two thousand articles, whose cache records
# pass the 4 MiB past which they are written out while loading.
for i in $(seq 1 80); do
    mkdir -p "$tmp/corpus/copy$i"
    cp "$src"/samples/*.md "$src"/samples/*.txt "$tmp/corpus/copy$i/"
done
# Files changed in the last seconds are not cached: these are older.
find "$tmp/corpus" -type f -exec touch -d '2024-01-01 12:00' {} +

cat >"$tmp/keys.txt" <<'KEYS'
# keys while the corpus is still loading, then after
*30 early j
*4 during / text:the <Enter>
wait-load
*3 club c text:Chelsea <Enter> x
target ]
*20 next n
*2 search / text:Kane <Enter> n x
KEYS
timeout 300 "$bin" --bench-keys "$tmp/keys.txt" "$tmp/corpus" >"$tmp/out" 2>"$tmp/err"
status=$?
check "--bench-keys exits 0 (was $status: $(head -c 300 "$tmp/err"))" "[ $status -eq 0 ]"
check "it reports the first screen and the complete index" \
    "grep -q '^first-screen-ms [0-9.]* (' '$tmp/out' && grep -q '^index-complete-ms [0-9.]* ([0-9]* articles)' '$tmp/out'"
check "the table has a header and every label" \
    "grep -q '^label *keys *median_ms *p99_ms *max_ms' '$tmp/out' &&
     for l in early during club target next search; do grep -q \"^\$l \" '$tmp/out' || exit 1; done"
check "keys are counted (30 early, 3 x 10 club, 20 next)" \
    "grep -q '^early *30 ' '$tmp/out' && grep -q '^club *30 ' '$tmp/out' && grep -q '^next *20 ' '$tmp/out'"
check "nothing on stderr" "[ ! -s '$tmp/err' ]"
check "the load wrote the cache" "ls '$tmp'/cache/touchline/*.cache >/dev/null 2>&1"

# Again, now reading every extraction from the cache (the warm start).
timeout 300 "$bin" --bench-keys "$tmp/keys.txt" "$tmp/corpus" >"$tmp/out2" 2>"$tmp/err"
status=$?
check "a warm start with the same keys exits 0" "[ $status -eq 0 ] && [ ! -s '$tmp/err' ]"
check "it indexes the same number of articles" \
    "[ \"\$(grep -o '([0-9]* articles)' '$tmp/out' | tail -1)\" = \"\$(grep -o '([0-9]* articles)' '$tmp/out2' | tail -1)\" ]"

printf 'wait-load\nbad <NoSuchKey>\n' >"$tmp/bad.txt"
"$bin" --bench-keys "$tmp/bad.txt" "$src/samples" >"$tmp/out" 2>"$tmp/err"
status=$?
check "a bad key: exit 2 with path:line" \
    "[ $status -eq 2 ] && grep -q '$tmp/bad.txt:2: .<NoSuchKey>. is not a key' '$tmp/err'"
"$bin" --bench-keys "$tmp/missing.txt" "$src/samples" >"$tmp/out" 2>"$tmp/err"
status=$?
check "a missing script: exit 2" "[ $status -eq 2 ] && grep -q 'missing.txt' '$tmp/err'"

cli_summary

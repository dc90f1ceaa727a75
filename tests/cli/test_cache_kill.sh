#!/usr/bin/env bash
# test_cache_kill: the extraction cache survives SIGKILL at any moment of a
# save. The helper (tests/tools/cache_churn.c) saves two record sets, A and
# B, to one cache folder in turn; after two timed saves it is restarted and
# killed 200 times, each time after a random part (in microseconds) of the
# time those two saves took, and after each kill the cache file must hold
# exactly A or exactly B, never nothing. Both sets must have been seen. The temp files killed saves leave are never read as the cache: with
# the cache file gone and a full copy of it under a temp name, the cache is
# absent; and a finished save removes temp files older than ten minutes.
# The same for touchline itself: `extract` killed at random moments while it
# extracts and writes its cache leaves the cache file whole or absent.
# usage: test_cache_kill.sh BINARY SOURCE_DIR CHURN
set -u
BIN=${1:?usage: test_cache_kill.sh BINARY SOURCE_DIR CHURN}
SRC=${2:?usage: test_cache_kill.sh BINARY SOURCE_DIR CHURN}
CHURN=${3:?usage: test_cache_kill.sh BINARY SOURCE_DIR CHURN}
. "$SRC/tests/cli/lib.sh"

dir=$tmp/cache
file=$("$CHURN" path "$dir")
check "no cache before the first save" '[ "$("$CHURN" verify "$dir")" = absent ]'
# Two whole saves, timed (with the start-up): kills come within that time.
start=$(date +%s%N)
"$CHURN" write "$dir" 2
span=$((($(date +%s%N) - start) / 1000))
[ "$span" -ge 5000 ] || span=5000
check "two saves leave set B" '[ "$("$CHURN" verify "$dir")" = B ]'

iterations=200
seen_a=0 seen_b=0 wrong=0 absent=0
for ((i = 0; i < iterations; i++)); do
    "$CHURN" write "$dir" &
    pid=$!
    r=$(((RANDOM * 32768 + RANDOM) % span))
    sleep "$(printf '%d.%06d' $((r / 1000000)) $((r % 1000000)))"
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    state=$("$CHURN" verify "$dir")
    case $state in
    A) seen_a=$((seen_a + 1)) ;;
    B) seen_b=$((seen_b + 1)) ;;
    absent) absent=$((absent + 1)) ;;
    *)
        wrong=$((wrong + 1))
        echo "  kill $i: $state"
        ;;
    esac
done
temps=$(find "$dir" -name '*.tmp.*' 2>/dev/null | wc -l)
echo "# $iterations kills within $((span / 1000)) ms: A $seen_a times, B $seen_b times, $temps temp files left"
check "after every kill the cache is exactly set A or set B" '[ "$wrong" -eq 0 ]'
check "the cache never vanishes once saved" '[ "$absent" -eq 0 ]'
check "saves finished between kills (both sets seen)" '[ "$seen_a" -gt 0 ] && [ "$seen_b" -gt 0 ]'

# A full, valid copy under a temp name is not the cache.
cp "$file" "$file.tmp.copy01"
mv "$file" "$tmp/saved.cache"
check "a temp file is never read as the cache" '[ "$("$CHURN" verify "$dir")" = absent ]'
mv "$tmp/saved.cache" "$file"

# A finished save removes temp files older than ten minutes, and only those.
touch -d '1 hour ago' "$file.tmp.copy01"
touch "$file.tmp.fresh1"
"$CHURN" write "$dir" 1
check "a finished save leaves exactly set A or B" \
    'case $("$CHURN" verify "$dir") in A | B) true ;; *) false ;; esac'
check "a finished save removes stale temp files" '[ ! -e "$file.tmp.copy01" ]'
check "a finished save keeps fresh temp files" '[ -e "$file.tmp.fresh1" ]'

# --- The real binary, killed while it extracts and writes its cache. -------
# Two states of one corpus (every file's mtime in 2020, or in 2021) give two
# cache files, byte for byte the same each time they are written. Each run
# flips the state (so it re-extracts and rewrites everything) and is
# SIGKILLed at a random moment; afterwards the cache file must be exactly
# one of the two, or absent before the first complete run.
corpus=$tmp/corpus
for i in 1 2 3 4 5 6 7 8; do
    mkdir -p "$corpus/c$i"
    cp "$SRC"/samples/*.md "$SRC"/samples/*.txt "$corpus/c$i/"
done
export XDG_CACHE_HOME=$tmp/xdg-cache HOME=$tmp/home
mkdir -p "$HOME"
set_state() { find "$corpus" -type f -exec touch -d "$1-01-01 12:00" {} +; }
real_file() { ls "$XDG_CACHE_HOME"/touchline/*.cache 2>/dev/null | head -1; }
set_state 2020
"$BIN" extract "$corpus" >"$tmp/out2020" && cp "$(real_file)" "$tmp/ref2020"
set_state 2021
start=$(date +%s%N)
"$BIN" extract "$corpus" >"$tmp/out2021" && cp "$(real_file)" "$tmp/ref2021"
span=$((($(date +%s%N) - start) / 1000))
check "the two states give two different cache files" \
    '[ -s "$tmp/ref2020" ] && [ -s "$tmp/ref2021" ] && ! cmp -s "$tmp/ref2020" "$tmp/ref2021"'
rm -rf "$XDG_CACHE_HOME"
kills=100 whole=0 none=0 torn=0 year=2020
for ((i = 0; i < kills; i++)); do
    set_state $year
    "$BIN" extract "$corpus" >/dev/null 2>&1 &
    pid=$!
    usleep=$((RANDOM * 32768 + RANDOM))
    sleep "$(awk -v u=$((usleep % (span + span / 4))) 'BEGIN { printf "%.6f", u / 1e6 }')"
    kill -KILL $pid 2>/dev/null
    wait $pid 2>/dev/null
    f=$(real_file)
    if [ -z "$f" ]; then
        none=$((none + 1))
        [ "$whole" -eq 0 ] || torn=$((torn + 1)) # gone after it was written
    elif cmp -s "$f" "$tmp/ref2020" || cmp -s "$f" "$tmp/ref2021"; then
        whole=$((whole + 1))
    else
        torn=$((torn + 1))
        echo "  kill $i: the cache file is neither state's"
    fi
    year=$((year == 2020 ? 2021 : 2020))
done
echo "# touchline extract killed $kills times within $((span / 1000)) ms: whole $whole, absent $none"
check "after every kill of touchline the cache is whole (one state's file) or not yet written" \
    '[ "$torn" -eq 0 ]'
check "some runs got as far as writing the cache" '[ "$whole" -gt 0 ]'
set_state 2020
"$BIN" extract "$corpus" >"$tmp/after"
check "a run after the kills gives the same output" 'cmp -s "$tmp/after" "$tmp/out2020"'
cli_summary

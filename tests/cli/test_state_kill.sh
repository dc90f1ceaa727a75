#!/usr/bin/env bash
# test_state_kill: the reading state survives SIGKILL at any moment of a
# save. The helper (tests/tools/state_tool.c) saves two states, A (3000 read
# marks, 300 stars, a followed person, a theme) and B (2000 other marks, a
# followed club, another theme), in turn; it is killed 150 times, each after
# a random part of the time two saves take, and the file must then hold
# exactly A or exactly B (read back through the API with no warning), never
# a mix, a torn file or nothing. Then touchline itself: `follow` and
# `unfollow` on a state of 3000 marks, killed at random moments 100 times,
# leave the file byte for byte as it was before or after.
# usage: test_state_kill.sh BINARY SOURCE_DIR STATE_TOOL
set -u
BIN=${1:?usage: test_state_kill.sh BINARY SOURCE_DIR STATE_TOOL}
SRC=${2:?usage: test_state_kill.sh BINARY SOURCE_DIR STATE_TOOL}
TOOL=${3:?usage: test_state_kill.sh BINARY SOURCE_DIR STATE_TOOL}
. "$SRC/tests/cli/lib.sh"

dir=$tmp/state
check "no state before the first save" '[ "$("$TOOL" verify "$dir")" = absent ]'
start=$(date +%s%N)
"$TOOL" churn "$dir" 2
span=$((($(date +%s%N) - start) / 1000))
[ "$span" -ge 5000 ] || span=5000
check "two saves leave state B" '[ "$("$TOOL" verify "$dir")" = B ]'

iterations=150
seen_a=0 seen_b=0 wrong=0
for ((i = 0; i < iterations; i++)); do
    "$TOOL" churn "$dir" &
    pid=$!
    r=$(((RANDOM * 32768 + RANDOM) % span))
    sleep "$(printf '%d.%06d' $((r / 1000000)) $((r % 1000000)))"
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    got=$("$TOOL" verify "$dir")
    case $got in
    A) seen_a=$((seen_a + 1)) ;;
    B) seen_b=$((seen_b + 1)) ;;
    *)
        wrong=$((wrong + 1))
        echo "  kill $i: $got"
        ;;
    esac
done
temps=$(find "$dir" -name 'state.tmp.*' | wc -l)
echo "# $iterations kills within $((span / 1000)) ms: A $seen_a times, B $seen_b times, $temps temp files left"
check "after every kill the state is exactly A or B" '[ "$wrong" -eq 0 ]'
check "saves finished between kills (both states seen)" '[ "$seen_a" -gt 0 ] && [ "$seen_b" -gt 0 ]'
"$TOOL" churn "$dir" 1
check "a finished save leaves A or B" 'case $("$TOOL" verify "$dir") in A | B) true ;; *) false ;; esac'

# --- touchline itself, killed while following and unfollowing. -----------
export XDG_STATE_HOME=$tmp/xdg-state HOME=$tmp/home XDG_CONFIG_HOME=$tmp/xdg-config
mkdir -p "$HOME" "$XDG_STATE_HOME"
cp -r "$dir" "$XDG_STATE_HOME/touchline" # thousands of marks: a save takes a while
file=$XDG_STATE_HOME/touchline/state
"$BIN" unfollow 'A Person' >/dev/null 2>&1
"$BIN" unfollow 'B Club' >/dev/null 2>&1
cp "$file" "$tmp/without"
start=$(date +%s%N)
"$BIN" follow Bastoni "$SRC/samples" >/dev/null
span=$((($(date +%s%N) - start) / 1000))
cp "$file" "$tmp/with"
check "following changes the file" '! cmp -s "$tmp/with" "$tmp/without"'
kills=100 torn=0 whole=0
for ((i = 0; i < kills; i++)); do
    if ((i % 2)); then "$BIN" follow Bastoni "$SRC/samples" >/dev/null 2>&1 &
    else "$BIN" unfollow Bastoni >/dev/null 2>&1 & fi
    pid=$!
    r=$(((RANDOM * 32768 + RANDOM) % (span + span / 4)))
    sleep "$(printf '%d.%06d' $((r / 1000000)) $((r % 1000000)))"
    kill -KILL $pid 2>/dev/null
    wait $pid 2>/dev/null
    if cmp -s "$file" "$tmp/with" || cmp -s "$file" "$tmp/without"; then
        whole=$((whole + 1))
    else
        torn=$((torn + 1))
        echo "  kill $i: the state file is neither version"
    fi
done
echo "# touchline follow/unfollow killed $kills times within $((span / 1000)) ms"
check "after every kill of touchline the state file is the old or the new one" '[ "$torn" -eq 0 ]'
check "the state reads back without a warning" '"$BIN" news --since 2000-01-01 "$SRC/samples" 2>&1 >/dev/null | grep -c warning | grep -qx 0'
cli_summary

#!/usr/bin/env bash
# tests/valgrind/run.sh BINARY SOURCE_DIR: valgrind --leak-check=full on
# `extract` over the samples (every leak kind counts: 0 errors, 0 leaks) and on
# a scripted reader session in tmux (moves, open, entity cursor, mention jumps,
# search, the mentions list, the club picker, help, quit; definite and possible
# leaks count, as ncurses keeps its terminal tables reachable by design).
# TOUCHLINE_NO_JIT=1 because valgrind cannot follow PCRE2's JIT code. Not a
# ctest test (slow, and meaningless on a sanitizer build): .ci/run calls it.
set -euo pipefail
BIN=${1:?usage: run.sh BINARY SOURCE_DIR}
SRC=${2:?usage: run.sh BINARY SOURCE_DIR}
case $BIN in /*) ;; *) BIN=$PWD/$BIN ;; esac
SRC=$(cd "$SRC" && pwd)
command -v valgrind >/dev/null || { echo "valgrind: not installed (apt-get install valgrind)" >&2; exit 1; }
tmp=$(mktemp -d)
sock="tl-vg-$$"
trap 'tmux -L "$sock" kill-server 2>/dev/null; rm -rf "$tmp"' EXIT
export TOUCHLINE_NO_JIT=1 LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC

echo "valgrind: extract $SRC/samples"
valgrind -q --leak-check=full --errors-for-leak-kinds=all --error-exitcode=1 \
    "$BIN" extract "$SRC/samples" >/dev/null

echo "valgrind: a scripted reader session"
command -v tmux >/dev/null || { echo "valgrind: tmux not installed" >&2; exit 1; }
tmux -L "$sock" -f /dev/null new-session -d -s m -x 160 -y 45 \
    "env HOME=$tmp XDG_CONFIG_HOME=$tmp TERM=xterm-256color TOUCHLINE_NO_JIT=1 \
valgrind -q --leak-check=full --error-exitcode=1 --log-file=$tmp/vg.log \
$(printf '%q' "$BIN") $(printf '%q' "$SRC/samples"); echo TOUCHLINE-EXIT=\$?; sleep 600"
wait_for() { # wait_for TEXT SECONDS
    for _ in $(seq 1 $(($2 * 10))); do
        tmux -L "$sock" capture-pane -p -t m | grep -qF -- "$1" && return 0
        sleep 0.1
    done
    return 1
}
keys() { tmux -L "$sock" send-keys -t m "$@"; sleep 1; }
wait_for "Articles " 60 || { echo "valgrind: the reader did not start" >&2; exit 1; }
keys j j Enter
keys ] ] n n N
keys / Bastoni Enter
keys m
keys Escape c
keys Escape '?'
keys q q q q
if ! wait_for "TOUCHLINE-EXIT=" 60; then
    echo "valgrind: the reader did not quit" >&2
    exit 1
fi
if ! wait_for "TOUCHLINE-EXIT=0" 1; then
    echo "valgrind: errors in the reader session:" >&2
    cat "$tmp/vg.log" >&2
    exit 1
fi
echo "valgrind: 0 errors, 0 leaks"

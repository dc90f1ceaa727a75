#!/usr/bin/env bash
# bench.sh: the benchmark. Generates corpora with gen.py (seed 1) and prints
# two tables of medians of 5 runs per corpus size.
#  1. load+extract+index: `touchline --threads N extract DIR > /dev/null` at
#     one thread and at one per core: wall time and MB/s of article bytes, CPU
#     time (user+sys, less hurt by a busy machine) and MB per CPU second, peak
#     RSS and RSS per corpus byte.
#  2. the reader: `touchline DIR` in a detached 160x45 tmux session, ms to the
#     first screen and to a complete index, cold (empty cache) and warm
#     (second start), side by side with the peer, sfeed_curses, on the same
#     articles (one sfeed(5) file made by sfeed_tsv.py), as ratios to its
#     first screen; and the p99 key latency of `--bench-keys keys.txt`.
#  3. the reader again without tmux: `touchline DIR` and sfeed_curses,
#     alternated, each in a fresh 160x45 pty (pty_first.py), 3 x R runs each:
#     ms from the fork to the first screen and to a complete index, cold
#     (empty cache, then `q`) and warm (the start after it), and their
#     ratios to the peer's first screen.
#
# usage: tests/bench/bench.sh [--smoke] [--runs R] [--sizes "1000 10000"]
#                             [--timeout S] [--real DIR] [BINARY]
#   --smoke    1k articles, one run: fails only if something fails (CI)
#   --timeout  seconds one measurement may take (default 300), else "timeout"
#   --real     corpora made by repeating the articles of DIR (repeat.py,
#              titles numbered) instead of generated ones
# BINARY defaults to build/touchline. Corpora are cached in $BENCH_DIR
# (default /tmp/touchline-bench), one folder per size. Without tmux the
# reader's screen timings are skipped (shown as "-").
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
runs=5 sizes=1000 smoke=0 limit=300 real=
while [ $# -gt 0 ]; do
    case $1 in
    --smoke) smoke=1 runs=1 sizes=1000 ;;
    --runs) runs=$2; shift ;;
    --sizes) sizes=$2; shift ;;
    --timeout) limit=$2; shift ;;
    --real) real=$(cd "$2" && pwd); shift ;;
    -h | --help) sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "bench.sh: unknown option $1" >&2; exit 2 ;;
    *) break ;;
    esac
    shift
done
bin=${1:-$src/build/touchline}
[ -x "$bin" ] || { echo "bench.sh: no binary at $bin (build first)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
dir=${BENCH_DIR:-/tmp/touchline-bench}
cores=$(getconf _NPROCESSORS_ONLN)
# No user config; the cache folder is emptied before every cold run.
export HOME=$dir/home XDG_CONFIG_HOME=$dir/home/.config XDG_CACHE_HOME=$dir/cache
export LANG=C.UTF-8 TERM=xterm-256color
mkdir -p "$HOME"
cache=$XDG_CACHE_HOME
has_tmux=0
if command -v tmux >/dev/null; then
    has_tmux=1
else
    echo "bench.sh: tmux not found: skipping the reader's first-screen and index times" >&2
fi
has_sfeed=0
if [ "$has_tmux" -eq 1 ] && command -v sfeed_curses >/dev/null; then
    has_sfeed=1
else
    echo "bench.sh: sfeed_curses not found (apt-get install sfeed): no peer column" >&2
fi
has_pty=0
if command -v python3 >/dev/null; then
    has_pty=1
else
    echo "bench.sh: python3 not found: skipping the first screen in a pty" >&2
fi
sock=bench$$ # a private tmux server, killed on exit
trap '[ "$has_tmux" -eq 0 ] || tmux -L "$sock" kill-server 2>/dev/null || true' EXIT

# median of numbers on stdin; "timeout" if a run timed out, "-" if skipped
median() {
    local v
    v=$(cat)
    case $'\n'$v$'\n' in
    *$'\n'timeout$'\n'*) echo timeout ;;
    *$'\n'-$'\n'*) echo - ;;
    *) sort -g <<<"$v" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }' ;;
    esac
}

# A measurement reached the time limit: "timeout" in the table, but with
# --smoke a failure.
timed_out() {
    echo "bench.sh: $1 took over $limit s" >&2
    [ "$smoke" -eq 0 ] || exit 1
}

# Sets `now` to the wall clock in ms (no fork).
clock() {
    local t=${EPOCHREALTIME//[!0-9]/}
    now=$((10#$t / 1000))
}

# Runs a command under the time limit. Returns 0, or 124 when the limit was
# reached; any other failure stops the bench.
limited() {
    local rc=0
    timeout -k 10 "$limit" "$@" || rc=$?
    if [ "$rc" -ne 0 ] && [ "$rc" -ne 124 ]; then
        echo "bench.sh: failed (exit $rc): $*" >&2
        exit 1
    fi
    return "$rc"
}

# One corpus: generated once per size (a .done marker means complete), or
# with --real repeated from a folder of real articles.
corpus() {
    local n=$1 d=$dir/corpus-$1
    [ -z "$real" ] || d=$dir/real-$(basename "$real")-$1
    if [ ! -e "$d/.done" ]; then
        rm -rf "$d"
        if [ -n "$real" ]; then
            python3 "$here/repeat.py" --count "$n" "$real" "$d" >&2
        else
            python3 "$here/gen.py" --seed 1 --count "$n" "$d" >&2
        fi
        touch "$d/.done"
    fi
    echo "$d"
}

# The peer's copy of a corpus: one sfeed(5) feed file named "bench" holding
# the same articles (titles and dates as touchline reads them, the files'
# bytes as content), made once.
sfeed_feed() {
    local d=$1 f=$1.sfeed/bench
    if [ ! -e "$f.done" ]; then
        mkdir -p "$1.sfeed"
        "$bin" --no-cache list "$d" 2>/dev/null | python3 "$here/sfeed_tsv.py" >"$f"
        touch "$f.done"
    fi
    echo "$f"
}

# Runs one extract configuration `runs` times, each with an empty cache;
# prints "seconds KB cpu-seconds" medians, or "timeout" (no more runs then).
measure() {
    local d=$1 threads=$2 t=$dir/time.txt secs=() kbs=() cpus=()
    for _ in $(seq "$runs"); do
        rm -rf "$cache"
        if ! limited /usr/bin/time -o "$t" -f '%e %M %U %S' "$bin" --threads "$threads" extract "$d" >/dev/null; then
            timed_out "extract at $threads threads"
            echo timeout
            return
        fi
        read -r s k u y <"$t"
        secs+=("$s") kbs+=("$k") cpus+=("$(awk -v u="$u" -v y="$y" 'BEGIN { print u + y }')")
    done
    echo "$(printf '%s\n' "${secs[@]}" | median) $(printf '%s\n' "${kbs[@]}" | median)" \
        "$(printf '%s\n' "${cpus[@]}" | median)"
}

# --- the reader in tmux ---

# Starts a shell command in a detached 160x45 session "bench" on the private
# server; sets t0 just before.
tmux_start() {
    clock
    t0=$now
    # a server still shutting down after tmux_stop refuses the client: retry
    local try
    for try in 1 2 3 4 5; do
        tmux -L "$sock" -f /dev/null new-session -d -s bench -x 160 -y 45 "$1" 2>/dev/null && return
        sleep 0.1
    done
    tmux -L "$sock" -f /dev/null new-session -d -s bench -x 160 -y 45 "$1"
}

# Starts the reader on folder $1 (stderr to reader.err).
reader_start() {
    local cmd
    cmd=$(printf '%q ' env HOME="$HOME" XDG_CONFIG_HOME="$XDG_CONFIG_HOME" \
        XDG_CACHE_HOME="$XDG_CACHE_HOME" LANG=C.UTF-8 TERM=xterm-256color "$bin" "$1")
    tmux_start "exec $cmd 2>>$(printf '%q' "$dir/reader.err")"
}

# Starts sfeed_curses on feed file $1.
sfeed_start() {
    local cmd
    cmd=$(printf '%q ' env HOME="$HOME" LANG=C.UTF-8 TERM=xterm-256color sfeed_curses "$1")
    tmux_start "exec $cmd 2>>$(printf '%q' "$dir/reader.err")"
}

# Ends the session (and with it the private server).
tmux_stop() {
    tmux -L "$sock" kill-server 2>/dev/null || true
    local i
    for i in $(seq 100); do # until the server is gone (at most ~1 s)
        tmux -L "$sock" list-sessions >/dev/null 2>&1 || return 0
        sleep 0.01
    done
}

# Polls the pane every ~10 ms until `done_$1` accepts the screen; sets `ms`
# to the time since t0, or to "timeout" past the limit. Fails (with the
# reader's stderr) when the session ended.
poll() {
    local test=$1 screen
    while :; do
        if ! screen=$(tmux -L "$sock" capture-pane -p -t bench 2>/dev/null); then
            echo "bench.sh: the reader exited while waiting for $test:" >&2
            cat "$dir/reader.err" >&2
            exit 1
        fi
        clock
        if "done_$test" "$screen"; then
            ms=$((now - t0))
            return
        fi
        if [ $((now - t0)) -ge $((limit * 1000)) ]; then
            timed_out "waiting for $test"
            ms=timeout
            return
        fi
        sleep 0.01
    done
}

# The first screen: a line with "Articles " and a digit.
done_first() {
    local re='Articles [0-9]'
    [[ $1 =~ $re ]]
}

# A complete index: the whole screen is drawn (45 lines, so the status line
# is there) and the status line (the last) no longer reads "loading 1,234".
# The lines are counted with mapfile: a pattern substitution such as
# ${1//[!$'\n']/} takes about 250 ms on a full UTF-8 screen in bash, which
# made every poll of a full screen that long.
done_complete() {
    local re='loading [0-9]' rows
    mapfile -t rows <<<"$1"
    [ "${#rows[@]}" -eq 45 ] && done_first "$1" && ! [[ ${1##*$'\n'} =~ $re ]]
}

# sfeed_curses's first screen: the feed pane shows the feed "bench" with
# its counts, "bench (new/total)", drawn once every line is read.
done_sfeed() {
    local re='bench \([0-9]+/[0-9]+\)'
    [[ $1 =~ $re ]]
}

# Waits for the session to end (after `q`), within the limit.
wait_exit() {
    clock
    local start=$now
    while tmux -L "$sock" has-session -t bench 2>/dev/null; do
        clock
        if [ $((now - start)) -ge $((limit * 1000)) ]; then
            echo "bench.sh: the reader did not quit on q" >&2
            exit 1
        fi
        sleep 0.01
    done
}

# The peer's first screen on feed file $1 (ms), or "-" without sfeed_curses.
sfeed_run() {
    if [ "$has_sfeed" -eq 0 ]; then
        echo -
        return
    fi
    : >"$dir/reader.err"
    sfeed_start "$1"
    poll sfeed
    tmux_stop
    echo "$ms"
}

# One run of the reader on $1 and of the peer on feed file $3, the peer
# first on odd runs ($4) and last on even ones, so that neither always
# starts on a cache the other warmed: cold start with an empty cache (first
# screen, complete index), quit with q (which fills the cache), warm start
# (complete index). Appends "first cold warm peer" (ms) to file $2.
reader_run() {
    local d=$1 out=$2 feed=$3 odd=$4 first cold warm=timeout peer
    [ "$odd" -eq 0 ] || peer=$(sfeed_run "$feed")
    rm -rf "$cache"
    mkdir -p "$cache"
    : >"$dir/reader.err"
    reader_start "$d"
    poll first
    first=$ms cold=timeout
    [ "$first" = timeout ] || { poll complete; cold=$ms; }
    if [ "$cold" != timeout ]; then
        tmux -L "$sock" send-keys -t bench q
        wait_exit
        reader_start "$d"
        poll complete
        warm=$ms
    fi
    tmux_stop
    [ "$odd" -eq 1 ] || peer=$(sfeed_run "$feed")
    echo "$first $cold $warm $peer" >>"$out"
}

# The tmux baseline: ms to see "Articles 1" from a shell that prints it.
baseline() {
    tmux_start "printf 'Articles 1\\n'; sleep 5"
    poll first
    tmux_stop
    echo "$ms"
}

# --- the reader in a pty, without tmux ---

# The ms pty_first.py prints for its arguments $2... (its options, a
# pattern and a command), one figure per pattern, or $1 times "timeout".
pty_ms() {
    local count=$1 ms
    shift
    ms=$(python3 "$here/pty_first.py" --timeout "$limit" "$@") || ms=
    if [ -z "$ms" ] || [[ $ms == *timeout* ]]; then
        timed_out "the reader in a pty"
        ms=$(printf 'timeout %.0s' $(seq "$count"))
    fi
    echo "$ms"
}

# The peer's first screen on feed file $1 in a pty.
pty_peer() {
    pty_ms 1 'bench \([0-9]+/[0-9]+\)' sfeed_curses "$1"
}

# One run of the reader on $1, $5 articles, and of the peer on feed file $3
# (if any), the peer first on odd runs ($4): a cold start (empty cache) timed
# to the first screen and to the complete index (the status line's "N
# articles"), then `q`, which writes the cache, then a warm start timed to
# its complete index. Appends "first cold warm peer" (ms) to file $2.
pty_run() {
    local d=$1 out=$2 feed=$3 odd=$4 n=$5 cold warm peer=- complete
    complete="(^|[^0-9,])$n articles"
    if [ "$feed" != - ] && [ "$odd" -eq 1 ]; then peer=$(pty_peer "$feed"); fi
    rm -rf "$cache"
    mkdir -p "$cache"
    cold=$(pty_ms 2 --then "$complete" --keys q 'Articles [0-9]' "$bin" "$d")
    warm=$(pty_ms 2 --then "$complete" 'Articles [0-9]' "$bin" "$d")
    if [ "$feed" != - ] && [ "$odd" -eq 0 ]; then peer=$(pty_peer "$feed"); fi
    echo "$cold ${warm#* } $peer" >>"$out"
}

# --- key latency, headless ---

# The labels of keys.txt, in order.
labels() {
    awk '!/^[ \t]*(#|$)/ && $1 != "wait-load" { l = ($1 ~ /^\*/) ? $2 : $1; if (!(l in seen)) { seen[l]; print l } }' \
        "$here/keys.txt"
}

# One --bench-keys run on $1 with an empty cache; appends "label p99" lines
# (or "label timeout") to file $2.
keys_run() {
    local d=$1 out=$2 l
    rm -rf "$cache"
    if limited env LINES=45 COLUMNS=160 "$bin" --bench-keys "$here/keys.txt" "$d" >"$dir/keys.out"; then
        awk '$1 == "label" { t = 1; next } t && NF == 5 { print $1, $4 }' "$dir/keys.out" >>"$out"
    else
        timed_out "--bench-keys"
        for l in $(labels); do echo "$l timeout" >>"$out"; done
    fi
}

# --- the tables ---

printf '%-9s %-8s %7s %8s %7s %7s %9s %8s %7s\n' articles threads MB seconds MB/s \
    "CPU s" "MB/CPU-s" "RSS MB" RSS/MB
for n in $sizes; do
    d=$(corpus "$n")
    bytes=$(find "$d/" -type f \( -name '*.md' -o -name '*.txt' \) -printf '%s\n' | awk '{ s += $1 } END { print s }')
    for threads in 1 "$cores"; do
        measure "$d" "$threads" >"$dir/medians.txt" # set -e: a failed run stops here
        read -r secs kb cpu <"$dir/medians.txt"
        awk -v n="$n" -v t="$threads" -v b="$bytes" -v s="$secs" -v k="$kb" -v c="$cpu" 'BEGIN {
            mb = b / 1e6; rss = k * 1024 / 1e6
            if (s == "timeout") { printf "%-9d %-8s %7.1f %8s\n", n, t, mb, s; exit }
            printf "%-9d %-8s %7.1f %8.2f %7.1f %7.2f %9.1f %8.1f %7.2f\n", n, t, mb, s,
                (s > 0 ? mb / s : 0), c, (c > 0 ? mb / c : 0), rss, rss / mb
        }'
    done
done
[ "$smoke" -eq 0 ] && echo "(medians of $runs runs; $cores online cores; wall time of load+extract+index+export; empty cache)"

# The reader table: one row per size; the peer's first screen and the
# ratios to it (each run's own ratio, then the median); the key columns are
# p99 ms per label.
echo
mapfile -t labs < <(labels)
printf '%-9s %12s %7s %6s %10s %6s %10s %6s' articles first-screen sfeed ratio index-cold ratio \
    index-warm ratio
for l in "${labs[@]}"; do printf ' %*s' $((${#l} > 7 ? ${#l} : 7)) "$l"; done
echo
# Column $1 of the reader's runs (file $2), or with $3 its ratio to the peer.
reader_col() {
    awk -v c="$1" -v r="${3:-0}" '{
        v = $c
        if (r && v ~ /^[0-9.]+$/ && $4 ~ /^[0-9.]+$/ && $4 > 0) v = sprintf("%.2f", v / $4)
        else if (r) v = "-"
        print v
    }' "$2" | median | awk '{ print ($1 ~ /^[0-9.]+$/ && r) ? sprintf("%.2f", $1) : $1 }' r="${3:-0}"
}
for n in $sizes; do
    d=$(corpus "$n")
    feed=-
    [ "$has_sfeed" -eq 0 ] || feed=$(sfeed_feed "$d")
    rm -f "$dir/reader-$n.txt" "$dir/keys-$n.txt"
    for r in $(seq "$runs"); do
        if [ "$has_tmux" -eq 1 ]; then
            reader_run "$d" "$dir/reader-$n.txt" "$feed" $((r % 2))
        else
            echo "- - - -" >>"$dir/reader-$n.txt"
        fi
        keys_run "$d" "$dir/keys-$n.txt"
        # a timed-out column stays "timeout": skip the rest of this size
        if grep -q timeout "$dir/reader-$n.txt" "$dir/keys-$n.txt"; then break; fi
    done
    f=$dir/reader-$n.txt
    printf '%-9d %12s %7s %6s %10s %6s %10s %6s' "$n" "$(reader_col 1 "$f")" "$(reader_col 4 "$f")" \
        "$(reader_col 1 "$f" r)" "$(reader_col 2 "$f")" "$(reader_col 2 "$f" r)" \
        "$(reader_col 3 "$f")" "$(reader_col 3 "$f" r)"
    for l in "${labs[@]}"; do
        printf ' %*s' $((${#l} > 7 ? ${#l} : 7)) \
            "$(awk -v l="$l" '$1 == l { print $2 }' "$dir/keys-$n.txt" | median)"
    done
    echo
done
if [ "$smoke" -eq 0 ]; then
    echo "(medians of $runs runs, ms; first-screen and index: from just before \`tmux new-session\`"
    echo " until \"Articles N\" shows / the status line stops reading \"loading N\"; cold: empty cache,"
    echo " warm: the start after a run that loaded everything and quit; sfeed: sfeed_curses on the same"
    echo " articles until \"bench (N/N)\" shows; ratio: the column before over sfeed, run by run, the"
    echo " peer measured first on odd runs and last on even ones; the other columns: p99 ms of"
    [ "$has_tmux" -eq 1 ] && base="$(baseline) ms" || base="not measured (no tmux)"
    echo " each label of keys.txt under --bench-keys, headless; tmux baseline: $base)"
fi

# The reader in a pty: 3 x runs rounds per size, the peer first on odd
# runs; each ratio is the round's own, then the median.
[ "$has_pty" -eq 1 ] || exit 0
echo
printf '%-9s %12s %7s %6s %10s %6s %10s %6s\n' articles pty-first sfeed ratio pty-cold ratio \
    pty-warm ratio
for n in $sizes; do
    d=$(corpus "$n")
    feed=-
    command -v sfeed_curses >/dev/null && feed=$(sfeed_feed "$d")
    f=$dir/pty-$n.txt
    rm -f "$f"
    for r in $(seq $((runs * 3))); do
        pty_run "$d" "$f" "$feed" $((r % 2)) "$n"
        if grep -q timeout "$f"; then break; fi
    done
    printf '%-9d %12s %7s %6s %10s %6s %10s %6s\n' "$n" "$(reader_col 1 "$f")" "$(reader_col 4 "$f")" \
        "$(reader_col 1 "$f" r)" "$(reader_col 2 "$f")" "$(reader_col 2 "$f" r)" \
        "$(reader_col 3 "$f")" "$(reader_col 3 "$f" r)"
done
if [ "$smoke" -eq 0 ]; then
    echo "(medians of $((runs * 3)) runs, ms from the fork, in a fresh 160x45 pty read by"
    echo " tests/bench/pty_first.py, no tmux, to the first output that shows \"Articles N\" (pty-first)"
    echo " or the status line's \"N articles\" once the index is complete (pty-cold: empty cache, then q;"
    echo " pty-warm: the start after it); sfeed: sfeed_curses until \"bench (N/N)\"; ratio: the column"
    echo " before over sfeed, run by run, the peer first on odd runs)"
fi
exit 0

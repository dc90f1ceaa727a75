#!/usr/bin/env bash
# extract_peer.sh: target 2 of the performance issue, measured the way the
# issue measures it: `touchline --threads 1 --no-cache extract` over a real
# corpus repeated (repeat.py; the BBC corpus x4 is 1,060 articles), the
# whole process, side by side with the peer, wink-nlp's English model over
# the same files (wink_peer.js), timed two ways: its whole process (node's
# start-up, the model's load, reading the files, the analysis: the same
# scope as touchline's figure) and readDoc + entities alone. Runs
# alternate; times are taken to the microsecond (wall clock around the
# process, and its user+sys CPU from getrusage); prints medians of wall and
# CPU time, MB/s of file bytes and the ratios to the peer.
#
# usage: tests/bench/extract_peer.sh [--runs R] [--copies K] REALDIR [BINARY]
#   REALDIR  folder of real articles (e.g. ../shared/corpus/bbc-football)
#   --copies how many times the folder is repeated (default 4)
# wink-nlp is installed with npm into $BENCH_DIR/wink (default
# /tmp/touchline-bench), never into the repository; without node and npm the
# peer column is skipped.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
runs=7 copies=4
while [ $# -gt 0 ]; do
    case $1 in
    --runs) runs=$2; shift ;;
    --copies) copies=$2; shift ;;
    -h | --help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "extract_peer.sh: unknown option $1" >&2; exit 2 ;;
    *) break ;;
    esac
    shift
done
[ $# -ge 1 ] || { echo "usage: extract_peer.sh [--runs R] [--copies K] REALDIR [BINARY]" >&2; exit 2; }
real=$(cd "$1" && pwd)
bin=${2:-$src/build/touchline}
[ -x "$bin" ] || { echo "extract_peer.sh: no binary at $bin (build first)" >&2; exit 2; }
dir=${BENCH_DIR:-/tmp/touchline-bench}
mkdir -p "$dir"
count=$(($(find "$real" -type f | wc -l) * copies))
corpus=$dir/real-x$copies-$count
[ -d "$corpus" ] || python3 "$here/repeat.py" --count "$count" "$real" "$corpus"
bytes=$(find "$corpus" -type f -printf '%s\n' | awk '{s += $1} END {print s}')

has_wink=0
if command -v node >/dev/null && command -v npm >/dev/null; then
    if [ ! -d "$dir/wink/node_modules/wink-eng-lite-web-model" ]; then
        mkdir -p "$dir/wink"
        (cd "$dir/wink" && npm init -y >/dev/null &&
            npm install --no-audit --no-fund wink-nlp wink-eng-lite-web-model >/dev/null) ||
            echo "extract_peer.sh: npm could not install wink-nlp: no peer column" >&2
    fi
    [ -d "$dir/wink/node_modules/wink-eng-lite-web-model" ] && has_wink=1
else
    echo "extract_peer.sh: node/npm not found: no peer column" >&2
fi

# timed CMD...: runs CMD with its output to $out; prints "WALL CPU" in
# seconds (wall clock around the process; user+sys of the child). The CPU is
# the children's usage after the run less their usage before it: a python3
# started through a wrapper script that runs programs of its own and then
# execs the interpreter (pyenv's shims do) inherits their usage in
# RUSAGE_CHILDREN, which once read as three times the wall time.
out=$(mktemp)
trap 'rm -f "$out"' EXIT
timed() {
    python3 -c '
import resource, subprocess, sys, time
def cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime
before = cpu()
with open(sys.argv[1], "wb") as out:
    t0 = time.perf_counter()
    rc = subprocess.run(sys.argv[2:], stdout=out).returncode
    wall = time.perf_counter() - t0
print("%.4f %.4f" % (wall, cpu() - before))
sys.exit(rc)' "$out" "$@"
}
ours=() ourcpu=() peer=() peerproc=()
for _ in $(seq "$runs"); do
    read -r e c < <(timed "$bin" --threads 1 --no-cache extract "$corpus")
    ours+=("$e") ourcpu+=("$c")
    if [ "$has_wink" -eq 1 ]; then
        read -r e c < <(NODE_PATH="$dir/wink/node_modules" timed node "$here/wink_peer.js" "$corpus")
        peerproc+=("$e")
        peer+=("$(awk '{print $(NF-3)}' "$out")")
    fi
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
mbps() { awk -v b="$bytes" -v s="$1" 'BEGIN {printf "%.1f", b / s / 1e6}'; }
w=$(median "${ours[@]}") c=$(median "${ourcpu[@]}")
echo "corpus: $count articles, $bytes bytes ($corpus); $runs runs, medians; load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-34s %8s %8s\n' measure seconds MB/s
printf '%-34s %8s %8s\n' "touchline extract, wall" "$w" "$(mbps "$w")"
printf '%-34s %8s %8s\n' "touchline extract, CPU (user+sys)" "$c" "$(mbps "$c")"
if [ "$has_wink" -eq 1 ]; then
    p=$(median "${peer[@]}") pp=$(median "${peerproc[@]}")
    printf '%-34s %8s %8s\n' "wink-nlp, whole process, wall" "$pp" "$(mbps "$pp")"
    printf '%-34s %8s %8s\n' "wink-nlp, readDoc+entities only" "$p" "$(mbps "$p")"
    awk -v p="$p" -v pp="$pp" -v w="$w" 'BEGIN {
        printf "ratio to wink-nlp (touchline wall): %.1f whole process to whole process, %.1f to readDoc+entities only\n", pp / w, p / w }'
fi

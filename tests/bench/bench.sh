#!/usr/bin/env bash
# bench.sh: the load+extract+index benchmark. Generates corpora with gen.py
# (seed 1) and times `touchline --threads N extract DIR > /dev/null` at one
# thread and at one per core, printing one table of medians of 5 runs: wall
# time and MB/s of article bytes, CPU time (user+sys, less hurt by a busy
# machine) and MB per CPU second, peak RSS and RSS per corpus byte.
#
# usage: tests/bench/bench.sh [--smoke] [--runs R] [--sizes "1000 10000"] [BINARY]
#   --smoke  1k articles, one run: fails only if something fails (CI)
# BINARY defaults to build/touchline. Corpora are cached in $BENCH_DIR
# (default /tmp/touchline-bench), one folder per size.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
runs=5 sizes=1000 smoke=0
while [ $# -gt 0 ]; do
    case $1 in
    --smoke) smoke=1 runs=1 sizes=1000 ;;
    --runs) runs=$2; shift ;;
    --sizes) sizes=$2; shift ;;
    -h | --help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
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
export HOME=$dir/home XDG_CONFIG_HOME=$dir/home/.config # no user config
mkdir -p "$HOME"

# median of numbers on stdin
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# One corpus: generated once per size (a .done marker means complete).
corpus() {
    local n=$1 d=$dir/corpus-$1
    if [ ! -e "$d/.done" ]; then
        rm -rf "$d"
        python3 "$here/gen.py" --seed 1 --count "$n" "$d" >&2
        touch "$d/.done"
    fi
    echo "$d"
}

# Runs one configuration `runs` times; prints "seconds KB cpu-seconds" medians.
measure() {
    local d=$1 threads=$2 t=$dir/time.txt secs=() kbs=() cpus=()
    for _ in $(seq "$runs"); do
        /usr/bin/time -o "$t" -f '%e %M %U %S' "$bin" --threads "$threads" extract "$d" >/dev/null
        read -r s k u y <"$t"
        secs+=("$s") kbs+=("$k") cpus+=("$(awk -v u="$u" -v y="$y" 'BEGIN { print u + y }')")
    done
    echo "$(printf '%s\n' "${secs[@]}" | median) $(printf '%s\n' "${kbs[@]}" | median)" \
        "$(printf '%s\n' "${cpus[@]}" | median)"
}

printf '%-9s %-8s %7s %8s %7s %7s %9s %8s %7s\n' articles threads MB seconds MB/s \
    "CPU s" "MB/CPU-s" "RSS MB" RSS/MB
for n in $sizes; do
    d=$(corpus "$n")
    bytes=$(find "$d" -type f \( -name '*.md' -o -name '*.txt' \) -printf '%s\n' | awk '{ s += $1 } END { print s }')
    for threads in 1 "$cores"; do
        measure "$d" "$threads" >"$dir/medians.txt" # set -e: a failed run stops here
        read -r secs kb cpu <"$dir/medians.txt"
        awk -v n="$n" -v t="$threads" -v b="$bytes" -v s="$secs" -v k="$kb" -v c="$cpu" 'BEGIN {
            mb = b / 1e6; rss = k * 1024 / 1e6
            printf "%-9d %-8s %7.1f %8.2f %7.1f %7.2f %9.1f %8.1f %7.2f\n", n, t, mb, s,
                (s > 0 ? mb / s : 0), c, (c > 0 ? mb / c : 0), rss, rss / mb
        }'
    done
done
[ "$smoke" -eq 0 ] && echo "(medians of $runs runs; $cores online cores; wall time of load+extract+index+export)"
exit 0

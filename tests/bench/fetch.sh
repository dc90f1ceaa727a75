#!/usr/bin/env bash
# bench/fetch: the time of one `touchline fetch` of 50 local feeds with 50
# items each (2,500 new articles written atomically), from the local feed
# server, median of 5 runs, each into an empty feeds_dir and state; and the
# second run of the same feeds (all 304, nothing written), median of 5.
# usage: tests/bench/fetch.sh BINARY [RUNS]
set -u
BIN=$(realpath "${1:?usage: fetch.sh BINARY [RUNS]}")
RUNS=${2:-5}
SRC=$(cd "$(dirname "$0")/../.." && pwd)
. "$SRC/tests/cli/lib.sh"
. "$SRC/tests/cli/feeds_lib.sh"
start_feed_server
python3 - "$srv" <<'PY'
import sys
for f in range(50):
    items = "".join(
        "<item><title>Bench item %d of feed %d</title><link>/b/%d/%d</link><guid>b-%d-%d</guid>"
        "<pubDate>Mon, 04 Dec 2023 10:%02d:00 GMT</pubDate><description>%s</description></item>"
        % (i, f, f, i, f, i, i % 60, ("Sentence %d of a benchmark article about feed %d. " % (i, f)) * 20)
        for i in range(50))
    open("%s/bench-%d.xml" % (sys.argv[1], f), "w").write(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Bench %d</title>%s</channel></rss>" % (f, items))
PY
{
    echo "feeds_dir: feeds"
    echo "feeds:"
    for ((f = 0; f < 50; f++)); do echo "  - {url: $base/f/bench-$f.xml, fulltext: never}"; done
} >"$tmp/config.yaml"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ms() { local s=$(date +%s%N); "$@" >/dev/null 2>&1; echo $((($(date +%s%N) - s) / 1000000)); }
first=() second=()
for ((r = 0; r < RUNS; r++)); do
    rm -rf "$tmp/feeds" "$tmp/state"
    first+=("$(ms "$BIN" --config "$tmp/config.yaml" fetch)")
    second+=("$(ms "$BIN" --config "$tmp/config.yaml" fetch)")
done
n=$(find "$tmp/feeds" -name '*.md' | wc -l)
echo "fetch: 50 feeds x 50 items ($n articles), median of $RUNS"
echo "  first fetch (all new):       $(printf '%s\n' "${first[@]}" | median) ms   (runs: ${first[*]})"
echo "  second fetch (all 304):      $(printf '%s\n' "${second[@]}" | median) ms   (runs: ${second[*]})"

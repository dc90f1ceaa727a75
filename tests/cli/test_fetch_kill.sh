#!/usr/bin/env bash
# test_fetch_kill: `touchline fetch` killed with SIGKILL at random moments,
# in a loop, leaves only whole files: every article under feeds_dir is a
# complete article (its front matter closed, its text ending in a newline,
# as written) and every feed state file is complete (ends with its
# "fetched" line). The items change between runs, so that kills also land
# while articles are replaced. A last run to the end stores everything.
# usage: test_fetch_kill.sh BINARY SOURCE_DIR
set -u
BIN=${1:?usage: test_fetch_kill.sh BINARY SOURCE_DIR}
SRC=${2:?usage: test_fetch_kill.sh BINARY SOURCE_DIR}
. "$SRC/tests/cli/lib.sh"
. "$SRC/tests/cli/feeds_lib.sh"
start_feed_server

# 20 feeds of 30 items each, rewritten before every run.
write_feeds() {
    python3 - "$srv" "$1" <<'PY'
import sys
root, gen = sys.argv[1], sys.argv[2]
for f in range(20):
    items = []
    for i in range(30):
        body = ("Run %s of item %d in feed %d. " % (gen, i, f)) * 30
        items.append("<item><title>Item %d of feed %d</title><link>/x/%d/%d</link><guid>k-%d-%d</guid>"
                     "<pubDate>Mon, 04 Dec 2023 10:%02d:00 GMT</pubDate><description>%s</description></item>"
                     % (i, f, f, i, f, i, i, body))
    with open("%s/kill-%d.xml" % (root, f), "w") as out:
        out.write("<?xml version='1.0'?><rss version='2.0'><channel><title>Kill %d</title>%s</channel></rss>\n"
                  % (f, "".join(items)))
PY
}
{
    echo "feeds_dir: feeds"
    echo "feeds:"
    for ((f = 0; f < 20; f++)); do echo "  - {url: $base/f/kill-$f.xml, fulltext: never}"; done
} >"$tmp/config.yaml"
feeds=$tmp/feeds

# One pass in python: articles and states whole (a process per file is too slow).
whole() {
    python3 - "$feeds" "$tmp/state" <<'PY'
import os, re, sys
bad = 0
art = re.compile(r'---\n(?:[a-z_]+: .*\n)+feed_digest: "[0-9a-f]{16}"\n---\n\nRun \S+ of item \d+ in feed \d+\.(?: Run \S+ of item \d+ in feed \d+\.)*\n\Z')
for top, want in ((sys.argv[1], ".md"), (sys.argv[2], ".state")):
    for d, _, files in os.walk(top):
        for name in files:
            if not name.endswith(want):
                continue
            text = open(os.path.join(d, name), encoding="utf-8", errors="replace").read()
            ok = art.match(text) if want == ".md" else re.search(r"\nfetched \d+\n\Z", text)
            if not ok:
                print("# not whole:", os.path.join(d, name), repr(text[:300]), repr(text[-100:]))
                bad += 1
sys.exit(1 if bad else 0)
PY
}

write_feeds 0
start=$(date +%s%N)
"$BIN" --config "$tmp/config.yaml" fetch >/dev/null 2>&1
span=$((($(date +%s%N) - start) / 1000))
[ "$span" -ge 20000 ] || span=20000
check "a whole run stores 600 articles" '[ "$(find "$feeds" -name "*.md" | wc -l)" -eq 600 ]'

iterations=${KILL_ITERATIONS:-25} broken=0
for ((i = 1; i <= iterations; i++)); do
    write_feeds "$i"
    "$BIN" --config "$tmp/config.yaml" fetch >/dev/null 2>&1 &
    pid=$!
    r=$(((RANDOM * 32768 + RANDOM) % span))
    sleep "$(printf '%d.%06d' $((r / 1000000)) $((r % 1000000)))"
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    whole || broken=$((broken + 1))
done
check "after $iterations kills: only whole articles and feed states" '[ "$broken" -eq 0 ]'
check "never more than one article per item" '[ "$(find "$feeds" -name "*.md" | wc -l)" -eq 600 ]'
write_feeds final
"$BIN" --config "$tmp/config.yaml" fetch >"$tmp/out" 2>&1
check "a last run to the end: exit 0, every article of the last version" '[ $? -eq 0 ] && [ "$(grep -l "^Run final of item" -r "$feeds" | wc -l)" -eq 600 ]'
cli_summary

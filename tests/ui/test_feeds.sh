#!/usr/bin/env bash
# test_feeds: fetched feeds in the reader. A local feed server (127.0.0.1
# only) serves a feed; `touchline fetch` stores its items; the reader with no
# path opens feeds_dir and shows them with their entities highlighted, the
# header giving the feed's name and the item's URL. Then the feed gains an
# item and `R` in the open reader fetches it in the background: it joins
# the list while the selection stays on the article being read.
BIN=$1
SRC=$2
. "$SRC/tests/ui/lib.sh"

srv=$TL_TMP/srv
mkdir -p "$srv"
python3 "$SRC/tests/tools/feed_server.py" "$srv" >"$TL_TMP/server.port" 2>"$TL_TMP/server.log" &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; tl_cleanup' EXIT
for ((i = 0; i < 100; i++)); do
    [ -s "$TL_TMP/server.port" ] && break
    sleep 0.1
done
base=http://127.0.0.1:$(head -1 "$TL_TMP/server.port")

item() { # item TITLE DATE SLUG TEXT
    printf '<item><title>%s</title><link>%s/items/%s</link><guid>%s</guid><pubDate>%s</pubDate><description>%s</description></item>\n' \
        "$1" "$base" "$3" "$3" "$2" "$4"
}
write_feed() { # write_feed ITEM...
    {
        echo '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Test Wire</title>'
        echo '<link>http://127.0.0.1/</link><description>test</description>'
        printf '%s\n' "$@"
        echo '</channel></rss>'
    } >"$srv/wire.xml.tmp"
    mv "$srv/wire.xml.tmp" "$srv/wire.xml"
}
one=$(item "Saka seals Arsenal win" "Mon, 04 Dec 2023 10:00:00 GMT" saka \
    "Bukayo Saka scored twice as Arsenal beat Chelsea at the Emirates on Sunday.")
two=$(item "Rice settles in at Arsenal" "Sun, 03 Dec 2023 10:00:00 GMT" rice \
    "Declan Rice says he has settled quickly at Arsenal after his move from West Ham United.")
three=$(item "Palmer stars for Chelsea" "Tue, 05 Dec 2023 10:00:00 GMT" palmer \
    "Cole Palmer scored a penalty as Chelsea drew with Brighton.")
write_feed "$one" "$two"

cat >"$TL_TMP/config.yaml" <<YAML
feeds:
  - url: $base/f/wire.xml
    fulltext: never
feeds_dir: $TL_TMP/feeds
YAML
envs=(XDG_STATE_HOME="$TL_TMP/state" http_proxy="$base" https_proxy="$base" no_proxy=127.0.0.1)

out=$(env HOME="$TL_TMP/home" XDG_DATA_HOME="$TL_TMP/data" "${envs[@]}" \
    "$BIN" --config "$TL_TMP/config.yaml" fetch 2>&1)
check "touchline fetch stores the feed's two items" grep -q "^Test Wire: 2 new, 0 updated" <<<"$out"

tl_start 150 30 "${envs[@]}" -- --config "$TL_TMP/config.yaml"
check "the reader with no path lists the fetched items" tl_wait "Rice settles in at Arsenal"
tl_snap
check "both items are listed" has "Saka seals Arsenal win"
tl_keys j Enter
check "Enter opens the second (older) item" tl_wait "Article 2 of 2"
check "the reader shows the item's text" tl_wait "Declan Rice says he has settled"
tl_snap
check "the header gives the feed's name as the source" has "Test Wire"
check "the header gives the item's URL" has "$base/items/rice"
check "the club is drawn in the club colour" tl_colored "$TL_COLOR_CLUB" "West Ham United"
check "the person is drawn in the person colour" tl_colored "$TL_COLOR_PERSON" "Declan Rice"

# The feed gains a newer item, which sorts above the open one.
write_feed "$three" "$one" "$two"
tl_keys R
check "R reports the fetch on the status line" tl_wait_status "fetched 1 feed: 1 new, 0 updated"
check "the new item joins the list" tl_wait "Palmer stars for Chelsea"
check "the selection stays on the open article (now 3rd of 3)" tl_wait "Article 3 of 3"
tl_snap
check "the reader still shows the open article" has "Declan Rice says he has settled"
check "the new article was written under feeds_dir" \
    bash -c "ls '$TL_TMP/feeds/Test Wire/' | grep -q palmer"
tl_keys K
check "the list goes on from the kept selection (K: the 2nd)" tl_wait "Article 2 of 3"
check "which is the older first item" tl_wait "Bukayo Saka scored twice"

# A second R: nothing new, nothing added twice.
tl_keys R
check "a second R finds nothing new" tl_wait_status "fetched 1 feed: 0 new, 0 updated"
check "the list still has three articles" tl_wait "Article 2 of 3"
tl_keys Q
check "the reader quits" tl_wait "TOUCHLINE-EXIT=0"

# Quitting during a fetch cancels it: a feed that stalls (60 s, with a 30 s
# timeout) does not hold the reader up, and keys work while it runs.
cat >"$TL_TMP/stall.yaml" <<YAML
feeds:
  - url: $base/stall
fetch_timeout: 30
feeds_dir: $TL_TMP/feeds
YAML
tl_start 150 30 "${envs[@]}" -- --config "$TL_TMP/stall.yaml"
tl_keys R
check "the status line shows the fetch under way" tl_wait_status "fetching 0 of 1 feeds"
tl_keys j
check "keys work while fetching (j moves to the 2nd article)" tl_wait "Article 2 of 3"
tl_keys Q
check "Q during the fetch quits at once (the fetch is cancelled)" tl_wait "TOUCHLINE-EXIT=0" 5
tl_summary

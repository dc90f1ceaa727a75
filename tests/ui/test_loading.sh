#!/usr/bin/env bash
# test_loading: a corpus big enough to take a while (8,000 generated
# articles, one worker thread) opens at once: the first screen shows titles
# and the status line counts the load with a bar while it goes on; keys work
# meanwhile, and the article a key selected stays selected (and open) while
# newer articles come in above it; the load ends with every article listed
# and the bar gone. A second start reads the cache the first wrote and lists
# the same. The first screen is drawn as soon as a screenful of titles is
# in (no fixed wait), so the order settles under it: an untouched selection
# stays on the top row, and when the load ends it is the newest article.
# Titles come before extractions: a corpus whose files load newest first
# shows its first titles, in order, on the first screen, and the list's
# marks (money, club count), which need the extraction, are there on the
# same rows once the load ends, the selection still on the top row; and
# so are they when that corpus starts warm, from the stored index.
BIN=$1
SRC=$2
. "$SRC/tests/ui/lib.sh"

corpus=$TL_TMP/corpus
python3 "$SRC/tests/bench/gen.py" --seed 7 --count 8000 "$corpus" >/dev/null
# Files changed in the last seconds are not cached: make these older.
find "$corpus" -type f -exec touch -d '2024-01-01 12:00' {} +
total=8000

tl_start 160 45 -- --threads 1 "$corpus"
tl_snap
partial() { has_re '^ Articles [0-9]' && ! has_re "^ Articles $total "; }
check "the first screen lists titles before the load is done" partial
check "the status line counts the load with a bar" \
    tl_wait_status "loading [0-9,]* of 8,000 \[[█·]*\]"

# A key while loading: j selects the second article of the list and opens
# it. Untouched, the selection follows the top of the list (1/N); after j it
# stays on its article, which newer arrivals may already have pushed further
# down by the time the pane is captured, so any K/N with K >= 2 will do.
# The open article's path (the reader's third line).
reader_title() { tl_capture | sed -n 4p | awk -F'│' '{ sub(/ +$/, "", $2); print $2 }'; }
left_top() {
    local k
    k=$(tl_capture | head -1 | grep -oE ' [0-9]+/[0-9]+ ' | head -1 | cut -d/ -f1)
    [ -n "$k" ] && [ "$k" -ge 2 ]
}
tl_keys j
check "j works while loading (the selection leaves the top: K/N, K >= 2)" tl_until left_top
opened=$(reader_title)
check "the selected article is open in the reader ($opened)" test -n "$opened"

check "the load finishes: the bar goes" tl_wait_gone "loading " 240
check "every article is listed" tl_wait " Articles $total " 10
same_open() { [ "$(reader_title)" = "$opened" ]; }
check "the article selected during the load is still the open one" same_open
tl_keys q

# A club filter set while loading keeps filtering what comes in after it.
chelsea=$("$BIN" --no-cache entities --kind club "$corpus" 2>/dev/null | awk -F'\t' '$1 == "Chelsea" { print $3 }')
tl_start 160 45 -- --no-cache --threads 1 "$corpus"
tl_keys c
tl_wait "Chelsea" >/dev/null
tl_type "Chelsea"
tl_keys Enter
check "c during the load filters the list by the club" tl_wait "club: Chelsea" 10
# The key touched the selection, so the article it opened stays selected as
# newer Chelsea articles land above it; with its place ("661/4598") on the
# right the title bar may shorten its count to "4598/8000".
filter_holds_all() { tl_snap && has_re "^ (Articles $chelsea of $total|$chelsea/$total) "; }
wait_filter_holds_all() { local TL_TIMEOUT=240; tl_until filter_holds_all; }
check "when the load ends the filter holds all $chelsea Chelsea articles" wait_filter_holds_all
tl_keys q
check "q quits with status 0" tl_wait "TOUCHLINE-EXIT=0"
cached() { ls "$TL_TMP"/cache/touchline/*.cache >/dev/null 2>&1; }
check "the load wrote the cache" cached

# A warm start: the same list, from the cache; untouched, the selection
# is on the top row all along and ends on the newest article of all.
newest=$("$BIN" --no-cache list "$corpus" 2>/dev/null | head -1 | cut -f4)
tl_start 160 45 -- --threads 1 "$corpus"
on_top() { tl_capture | head -1 | grep -qE ' 1/[0-9]+ '; }
check "untouched, the selection is on the top row while loading" tl_until on_top
check "a warm start lists every article" tl_wait " Articles $total " 120
check "untouched, the selection is on the top row once loaded" on_top
open_newest() { [[ $newest == *"$(reader_title | sed 's/^…//')" ]]; }
check "and the open article is the newest ($(basename "$newest"))" tl_until open_newest
tl_keys q
check "q quits with status 0 again" tl_wait "TOUCHLINE-EXIT=0"

# Newest first in load order: whatever else has loaded when the first
# screen is drawn, its top rows are articles 0000 to 0042.
fresh=$TL_TMP/fresh
tl_fee_corpus "$fresh" 300
tl_start 160 45 -- --no-cache --threads 1 "$fresh"
tl_snap
# A list row: " <date>  <£ or space><club count or space>  <title>".
list_row() { awk -F'│' -v r="$1" 'NR == r + 1 { print $1 }' <<<"$TL_SCREEN"; }
first_titles() {
    local r
    for r in 1 2 3 43; do
        list_row "$r" | grep -qF "Article $(printf %04d $((r - 1)))" || return 1
    done
}
check "the first screen's rows are the first titles, in order" first_titles
marked=0
for r in $(seq 1 43); do list_row "$r" | grep -qF '£' && marked=$((marked + 1)); done
echo "# rows with their marks on the first screen: $marked of 43"
check "the load ends" tl_wait " Articles 200 " 60
check "the bar goes" tl_wait_gone "loading " 60
tl_snap
marks_in() {
    local r
    for r in 1 2 3 43; do
        list_row "$r" | grep -qE "£2 +Article $(printf %04d $((r - 1)))" || return 1
    done
}
check "the marks have filled in on the same rows (money, 2 clubs)" marks_in
check "untouched, the selection is still on the top row" on_top
tl_keys q
check "q quits with status 0 once more" tl_wait "TOUCHLINE-EXIT=0"

# The same corpus twice with the cache (the files made older, as above):
# the second start takes the index stored by the first, the extractions
# after its first screenful attached to it as they come; once loaded, the
# oldest articles, among those, show the same marks as a fresh load's.
# (That the marks are folded in before the index is complete is
# tests/unit/test_loading_fold.c's: here the load is too quick to see.)
find "$fresh" -type f -exec touch -d '2024-01-01 12:00' {} +
list_col() { awk -F'│' '{ print $1 }' <<<"$TL_SCREEN"; }
marks_end() {
    local n
    for n in 0160 0180 0199; do
        list_col | grep -qE "£2 +Article $n" || return 1
    done
}
for start in cold warm; do
    tl_start 160 45 -- --threads 1 "$fresh"
    check "$start start: the load ends" tl_wait " Articles 200 " 60
    check "$start start: the bar goes" tl_wait_gone "loading " 60
    tl_keys G
    check "$start start: G shows the oldest articles" tl_wait "Article 0199" 10
    tl_snap
    check "$start start: their marks are in (money, 2 clubs)" marks_end
    tl_keys q
    check "$start start: q quits with status 0" tl_wait "TOUCHLINE-EXIT=0"
done
printf 'wait-load\n' >"$TL_TMP/wait-load.keys"
stored=$(env XDG_CACHE_HOME="$TL_TMP/cache" LINES=45 COLUMNS=160 "$BIN" --threads 1 \
    --bench-keys "$TL_TMP/wait-load.keys" "$fresh" 2>/dev/null | grep '^index-stored')
check "a start like the warm one took the stored index ($stored)" \
    test "$stored" = "index-stored yes (200 cache hits)"
tl_summary

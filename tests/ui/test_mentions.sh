#!/usr/bin/env bash
# test_mentions: `m` lists every mention of an entity across the corpus,
# including articles the filters hide (after the listed ones), and Enter on
# a hidden one clears the filters to show it.
BIN=$1
SRC=$2
. "$SRC/tests/ui/lib.sh"
FIX=$(tl_fixtures)
"$BIN" extract "$FIX" >"$TL_TMP/x.jsonl" 2>/dev/null
q() { tl_query "$@" <"$TL_TMP/x.jsonl"; }
N=$(q order | wc -l)
read -r total narts < <(q total club:inter-milan)
listed=$(q articles club:tottenham-hotspur | wc -l)
hidden_title=$(comm -23 <(q articles club:inter-milan | sort) <(q articles club:tottenham-hotspur | sort) | head -1)
check "the fixtures have Inter Milan outside the Tottenham articles" test -n "$hidden_title"

tl_start 160 45 -- --club "Tottenham Hotspur" "$FIX"
check "the club filter is on" tl_wait "Articles $listed of $N"
# Put the cursor on Inter Milan in the listed article that names it.
for i in $(seq 1 "$listed"); do
    tl_keys Enter
    for _ in $(seq 1 12); do
        tl_keys ']'
        tl_wait_status "^ Inter Milan [0-9]+/" 1 && break 2
    done
    tl_keys q j
done
check "Inter Milan is the target" tl_wait_status "^ Inter Milan [0-9]+/"
tl_keys m
plural=$([ "$narts" -eq 1 ] && echo article || echo articles)
check "m counts every mention in the corpus ($total in $narts $plural)" \
    tl_wait "Mentions of Inter Milan · $total in $narts $plural"
tl_keys G Enter
check "Enter on a hidden article's mention clears the filters" tl_wait "Articles $N"
check "... and opens that article" tl_wait "$hidden_title"
check "... with the cursor on the mention" tl_wait_status "^ Inter Milan [0-9]+/[0-9]+ here"
tl_keys q q
check "q q quits" tl_wait "TOUCHLINE-EXIT=0"
tl_summary

#!/usr/bin/env bash
# test_narrow: the list's other filters and its sort, used as a reader
# would: the competition (C), national team (I), source (M) and tag (t)
# pickers leave exactly the articles `touchline extract` says they should,
# they combine with AND and show in the title bar, x clears them; d picks a
# date range (today, last 7 days, last 30 days, all) counted from today; O
# cycles the sort (newest first, oldest first, most facts). The articles
# are written here with dates relative to today.
BIN=$1
SRC=$2
. "$SRC/tests/ui/lib.sh"
DIR="$TL_TMP/narrow"
mkdir -p "$DIR"
day() { date -u +%F -d "$1"; }
# article FILE DATE SOURCE TAGS TITLE BODY: a Markdown article
article() {
    {
        echo ---
        echo "title: $5"
        echo "date: $2"
        [ -n "$3" ] && echo "source: $3"
        [ -n "$4" ] && echo "tags: [$4]"
        echo ---
        printf '%s\n' "$6"
    } >"$DIR/$1"
}
article a-today.md "$(day today)" "Feed One" "transfers, serie-a" "Inter close in on Rossi" \
    "Inter Milan have agreed a fee of £40m with Atalanta for the defender Marco Rossi, according to La Gazzetta dello Sport.

Rossi, 24, has signed a five-year contract and could make his Champions League debut next month."
article b-three-days.md "$(day '-3 days')" "Feed Two" "transfers, Bundesliga" "Kane double for Bayern" \
    "Harry Kane scored twice as Bayern Munich beat Werder Bremen in the Bundesliga.

The England captain has won 84 caps for England and signed a four-year contract with Bayern Munich last summer."
article c-twenty-days.md "$(day '-20 days')" "Feed One" "injuries" "Chiesa injury blow for Juventus" \
    "Juventus forward Federico Chiesa will miss the Serie A match against Napoli with a knee injury.

Italy coach Luciano Spalletti said he hoped Chiesa would be fit to play for Italy in March."
article d-old.md "$(day '-400 days')" "" "" "Porto beat Benfica in the derby" \
    "Porto beat Benfica 2-1 in the Primeira Liga on Sunday evening."
"$BIN" extract "$DIR" >"$TL_TMP/x.jsonl" 2>/dev/null
q() { tl_query "$@" <"$TL_TMP/x.jsonl"; }
N=$(q order | wc -l)
check "four articles written" test "$N" -eq 4

# expect PY-CONDITION: the titles (list order) of the articles for which a
# Python condition on `a` (one extract object) holds.
expect() {
    python3 -c '
import json, sys
arts = [json.loads(l) for l in open(sys.argv[2]) if l.strip()]
arts.sort(key=lambda a: a["path"]); arts.sort(key=lambda a: a["date"], reverse=True)
ids = lambda a: {e["id"] for e in a["entities"]}
names = lambda a, k: {e["name"].lower() for e in a["entities"] if e["kind"] == k}
for a in arts:
    if eval(sys.argv[1]): print(a["title"])' "$1" "$TL_TMP/x.jsonl"
}

# listed FILE: the list shows exactly the titles in FILE, in that order.
listed() {
    local k i=2
    k=$(wc -l <"$1")
    tl_snap
    has_re "^ (Articles $k( of $N)?|$k/$N) " || { echo "# header: $(row 1)"; return 1; }
    while read -r t; do
        row "$i" | grep -qF -- " ${t:0:20}" || { echo "# row $i is not $t: $(row "$i")"; return 1; }
        i=$((i + 1))
    done <"$1"
    # no further row in the list pane (left of the first separator)
    [ "$k" -eq "$N" ] || ! row "$i" | cut -d'│' -f1 | grep -qE '[A-Za-z]{4}' ||
        { echo "# extra row $i: $(row "$i")"; return 1; }
}

# pick KEY KIND-WORD QUERY WANT-FILE: the picker, the query typed, Enter.
pick() {
    tl_keys "$1"
    check "$size: $1 opens the $2 picker" tl_wait "Filter by $2"
    tl_type "$3"
    tl_keys Enter
    check "$size: $2 '$3': exactly the $(wc -l <"$4") articles" tl_until listed "$4"
}

for size in 160x45 80x24; do
    tl_start "${size%x*}" "${size#*x}" -- "$DIR"
    # competition: the one in most articles
    IFS=$'\t' read -r cid cname < <(q top competition)
    expect "'$cid' in ids(a)" >"$TL_TMP/want"
    pick C competition "$cname" "$TL_TMP/want"
    check "$size: the title bar names the competition" tl_wait "competition: $cname"
    tl_keys x
    check "$size: x clears it" tl_wait "Articles $N "
    # national team
    IFS=$'\t' read -r nid nname < <(q top national_team)
    expect "'$nid' in ids(a)" >"$TL_TMP/want"
    pick I "national team" "$nname" "$TL_TMP/want"
    tl_keys x
    # source: a feed name ...
    expect "a.get('source') == 'Feed One' or 'feed one' in names(a, 'media')" >"$TL_TMP/want"
    pick M source "feed one" "$TL_TMP/want"
    check "$size: the title bar names the source" tl_wait "source: Feed One"
    # ... AND a tag
    grep -xF "Inter close in on Rossi" "$TL_TMP/want" >"$TL_TMP/want2"
    pick t tag "transfers" "$TL_TMP/want2"
    check "$size: source AND tag in the title bar" tl_wait_status "source: Feed One .* · tag: transfers"
    tl_keys x
    check "$size: x clears both" tl_wait "Articles $N "
    # source: a media outlet cited in the text
    expect "'la gazzetta dello sport' in names(a, 'media')" >"$TL_TMP/want"
    pick M source "gazzetta" "$TL_TMP/want"
    tl_keys x
    # tag alone (front matter tags, any case)
    printf '%s\n' "Inter close in on Rossi" "Kane double for Bayern" >"$TL_TMP/want"
    pick t tag "transfers" "$TL_TMP/want"
    tl_keys x

    # d: the date ranges, counted from today
    printf '%s\n' "Inter close in on Rossi" >"$TL_TMP/today"
    printf '%s\n' "Inter close in on Rossi" "Kane double for Bayern" >"$TL_TMP/week"
    printf '%s\n' "Inter close in on Rossi" "Kane double for Bayern" \
        "Chiesa injury blow for Juventus" >"$TL_TMP/month"
    q order >"$TL_TMP/all"
    for range in "today:today" "7 days:week" "30 days:month" "all dates:all"; do
        tl_keys d
        check "$size: d opens the date ranges" tl_wait "Filter by dates"
        tl_type "${range%%:*}"
        tl_keys Enter
        check "$size: d ${range%%:*}: exactly those articles" tl_until listed "$TL_TMP/${range#*:}"
    done
    check "$size: 'all dates' is no filter" tl_wait "Articles $N "

    # O: oldest first, most facts, back to newest first
    tl_keys O
    check "$size: O says oldest first" tl_wait_status "sort: oldest first"
    q order | tac >"$TL_TMP/want"
    check "$size: oldest first" tl_until listed "$TL_TMP/want"
    check "$size: the title bar says the sort" tl_wait "sort: oldest first"
    tl_keys O
    python3 -c '
import json, sys
arts = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
arts.sort(key=lambda a: a["path"]); arts.sort(key=lambda a: a["date"], reverse=True)
arts.sort(key=lambda a: -len(a["facts"]))
for a in arts: print(a["title"])' "$TL_TMP/x.jsonl" >"$TL_TMP/want"
    check "$size: O again: most facts first" tl_until listed "$TL_TMP/want"
    tl_keys d
    tl_type "7 days"
    tl_keys Enter
    grep -xFf "$TL_TMP/week" "$TL_TMP/want" >"$TL_TMP/want2"
    check "$size: the sort holds under a filter" tl_until listed "$TL_TMP/want2"
    tl_keys x
    check "$size: x keeps the sort" tl_until listed "$TL_TMP/want"
    tl_keys O
    check "$size: O a third time: newest first" tl_until listed "$TL_TMP/all"
    tl_keys Q
    check "$size: Q quits" tl_wait "TOUCHLINE-EXIT=0"
done
tl_summary

#!/usr/bin/env bash
# test_filters: the club (c) and person (p) pickers leave exactly the
# articles that `touchline extract` says mention the entity; `/` searches
# with PCRE2 (smart case), and a bad pattern shows PCRE2's message and
# offset (the prompt stays open); filters combine; x clears them. At 160x45 and 80x24.
BIN=$1
SRC=$2
. "$SRC/tests/ui/lib.sh"
FIX=$(tl_fixtures)
"$BIN" extract "$FIX" >"$TL_TMP/x.jsonl" 2>/dev/null
q() { tl_query "$@" <"$TL_TMP/x.jsonl"; }
N=$(q order | wc -l)

# listed_now FILE: the list shows every title in FILE and no other, now.
listed_now() {
    local want=$1 ok=0
    tl_snap
    local k
    k=$(wc -l <"$want")
    has_re "^ (Articles $k( of $N)?|$k/$N) " || ok=1 # "3/4 · ..." when the filters need the room
    while read -r t; do
        has " ${t:0:22}" || { echo "# missing: $t"; ok=1; }
    done <"$want"
    q order | while read -r t; do
        grep -qxF -- "$t" "$want" && continue
        row 1 >/dev/null
        if sed -n "2,$((k + 1))p" <<<"$TL_SCREEN" | grep -qF -- " ${t:0:22}"; then
            echo "# unexpected: $t"
            exit 1
        fi
    done || ok=1
    return $ok
}

# listed_exactly FILE: listed_now once the list has settled (a search runs on
# its own thread: the keys return before its matches are listed); on a
# timeout, one more look says what is missing or unexpected.
listed_exactly() {
    tl_until listed_now "$1" >/dev/null || listed_now "$1"
}

# pick KEY KIND: the picker, the entity's first word typed, Enter.
pick() {
    local key=$1 kind=$2 id name
    IFS=$'\t' read -r id name < <(q top "$kind")
    if [ -z "${id:-}" ]; then
        fail "$size: no $kind in touchline extract's output for the fixtures"
        return
    fi
    q articles "$id" >"$TL_TMP/want"
    tl_keys "$key"
    check "$size: $key opens the $kind picker" tl_wait "Filter by $kind"
    tl_type "${name%% *}"
    check "$size: typing narrows it to $name" tl_wait "$name"
    tl_keys Enter
    check "$size: Enter filters by $name" tl_wait_status "$kind: $name"
    check "$size: $kind $name: exactly the $(wc -l <"$TL_TMP/want") articles extract lists" \
        listed_exactly "$TL_TMP/want"
}

for size in 160x45 80x24; do
    tl_start "${size%x*}" "${size#*x}" -- "$FIX"
    pick c club
    tl_keys x
    check "$size: x clears the club filter" tl_wait "Articles $N "
    pick p person
    IFS=$'\t' read -r pid pname < <(q top person)

    # Filters combine: the person AND a search.
    q articles "$pid" >"$TL_TMP/person"
    grep -il 'contract' "$FIX"/* | while read -r f; do
        "$BIN" list "$f" | cut -f2
    done >"$TL_TMP/contract"
    grep -xFf "$TL_TMP/contract" "$TL_TMP/person" >"$TL_TMP/want"
    tl_keys /
    check "$size: / opens the search prompt" tl_wait_status '^/'
    tl_type "contract"
    tl_keys Enter
    check "$size: person AND /contract/ shown as filters" tl_wait "person: $pname ($(wc -l <"$TL_TMP/person")) · search: /contract/"
    check "$size: person AND search: exactly $(wc -l <"$TL_TMP/want") articles" listed_exactly "$TL_TMP/want"
    tl_keys x
    check "$size: x clears every filter" tl_wait "Articles $N "
    check "$size: ... and says so" tl_wait_status "filters cleared"

    # A valid search is case-insensitive in lower case, case-sensitive with capitals.
    grep -il 'vlaho' "$FIX"/* | while read -r f; do "$BIN" list "$f" | cut -f2; done |
        grep -xFf - <(q order) >"$TL_TMP/want"
    tl_keys / && tl_type "vlaho" && tl_keys Enter
    check "$size: /vlaho/ finds $(wc -l <"$TL_TMP/want") articles" listed_exactly "$TL_TMP/want"
    check "$size: /vlaho/ is the target: counter in the status line" tl_wait_status "/vlaho/ 1/[0-9]+ here"
    tl_keys n
    check "$size: n moves to the next match" tl_wait_status "/vlaho/ 2/[0-9]+ here"
    tl_keys / && tl_type "VLAHO" && tl_keys Enter
    check "$size: /VLAHO/ is case-sensitive: no match" tl_wait_status "no match for /VLAHO/"
    tl_keys / && tl_type "(vla[ho" && tl_keys Enter
    check "$size: a bad regex keeps the prompt open with PCRE2's message and offset" \
        tl_wait_status "^/\\(vla\\[ho +bad regex: offset 7: missing terminating \\] for character class"
    tl_keys Escape
    check "$size: Esc closes it; the search before it stays" tl_wait_status '^ /vlaho/'
    tl_keys x
    check "$size: x clears the search" tl_wait "Articles $N "
    tl_keys Q
    check "$size: Q quits" tl_wait "TOUCHLINE-EXIT=0"
done

tl_summary

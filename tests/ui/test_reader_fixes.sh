#!/usr/bin/env bash
# test_reader_fixes: issue 15's fixes, used as a new user would. The m list
# shows each mention's article title beside its date; `!` lists the files
# that could not be read (the status line says so); the list's title bar
# shortens names instead of being cut ("person: Steven Gerrard (2" was);
# the reader's metadata never ends a row with "·" and a long path wraps
# after a '/'; the help screen wraps its text at 80 columns; Esc in the
# reading pane clears the target.
BIN=$1
SRC=$2
. "$SRC/tests/ui/lib.sh"
FIX=$(tl_fixtures)
"$BIN" extract "$FIX" >"$TL_TMP/x.jsonl" 2>/dev/null
q() { tl_query "$@" <"$TL_TMP/x.jsonl"; }

# m: every row has its article's title.
tl_start 160 45 -- "$FIX"
tl_keys Tab ']'
check "] makes a name the target" tl_wait_status "^ .+ 1/[0-9]+ here"
target=$(tl_status | sed -E 's/^ (.+) 1\/[0-9]+ here.*/\1/')
tl_keys m
check "m lists the mentions of $target" tl_wait "Mentions of $target"
tl_snap
id=$(python3 -c '
import json, sys
for l in open(sys.argv[1]):
    for e in json.loads(l)["entities"]:
        if e["name"] == sys.argv[2]: print(e["id"]); sys.exit()' "$TL_TMP/x.jsonl" "$target")
q articles "$id" >"$TL_TMP/titles"
rows_ok() {
    local n=0
    while IFS= read -r line; do
        n=$((n + 1))
        local found=0
        while IFS= read -r t; do
            grep -qF -- "${t:0:20}" <<<"$line" && found=1
        done <"$TL_TMP/titles"
        [ "$found" = 1 ] || { echo "# no title in: $line"; return 1; }
    done < <(sed -n '2,$p' <<<"$TL_SCREEN" | grep -E '^ [0-9]{2} [A-Z][a-z]{2}|^ [A-Z][a-z]{2}'"'"'[0-9]{2}')
    [ "$n" -gt 0 ]
}
check "m: every row shows its article's date and title" rows_ok
tl_keys Escape

# Esc in the reading pane clears the target (and the dossier).
tl_keys Escape
check "Esc in the reader: target cleared" tl_wait_status "target cleared"
tl_snap
check "... the status line no longer follows it" eval '! tl_status | grep -qE "[0-9]+/[0-9]+ here"'
check "... nor the facts panel" lacks "$target in the corpus"
tl_keys n
check "... n has no target" tl_wait_status "no target"
tl_keys Q

# Problems: a binary file and bad front matter among good ones.
PROB="$TL_TMP/problems"
mkdir -p "$PROB"
cp "$FIX"/*.md "$PROB"/
printf 'binary\000\001\002 bytes\000' >"$PROB/broken.txt"
printf -- '---\ntitle: [unclosed\n---\nbody\n' >"$PROB/bad-front.md"
tl_start 100 30 -- "$PROB"
check "the status line counts the files not read and names the key" \
    tl_wait_status "2 files could not be read: ! lists them"
tl_keys '!'
check "! opens the problems view" tl_wait "Problems · 2 files not read"
check "... with the binary file and its reason" tl_wait "$PROB/broken.txt: binary"
check "... and the bad front matter at its line" tl_wait "$PROB/bad-front.md:"
tl_keys q
check "q closes it" tl_wait_gone "Problems · "
tl_keys Q

# The list header: two filters with long names at 160x45 are shown whole
# names (a person by surname), never cut in the middle of one.
IFS=$'\t' read -r pid pname < <(q top person)
club=$(python3 -c '
import json, sys
for l in open(sys.argv[1]):
    a = json.loads(l)
    if any(e["id"] == sys.argv[2] for e in a["entities"]):
        for e in a["entities"]:
            if e["kind"] == "club": print(e["name"]); sys.exit()' "$TL_TMP/x.jsonl" "$pid")
tl_start 160 45 -- --person "$pname" --club "$club" "$FIX"
check "both filters on" tl_wait_status "club: $club .*person: $pname"
tl_snap
head=$(row 1 | awk -F'│' '{print $1}')
echo "# header: $head"
check "header: the club named whole" grep -qF "club: $club" <<<"$head"
check "header: the person whole or by surname" grep -qE "person: ($pname|${pname##* })( \([0-9]+\))? *$" <<<"$head"
tl_keys Q

# The reader's metadata: a file with no source in a deep folder, at 80 columns.
DEEP="$TL_TMP/football-transfer-news-archive/premier-league-clubs-and-players"
mkdir -p "$DEEP"
cp "$FIX/spurs-son-gundogan.txt" "$DEEP/tottenham-hotspur-son-heung-min-gundogan-story.txt"
touch -d '2024-03-01 12:00:00 UTC' "$DEEP"/*.txt
tl_start 80 24 -- "$DEEP"
check "the reader shows the path" tl_wait "gundogan-story.txt"
tl_snap
check "no metadata row ends with '·'" eval '! grep -qE "·\s*$" <<<"$TL_SCREEN"'
check "the date row has no dangling separator" has_re "^2024-03-01 \(file date\) *$"
check "the path breaks after a '/'" has_re "(^|/)premier-league-clubs-and-players/ *$"
check "... every path row but the last ends with '/'" has_re "/football-transfer-news-archive/ *$"
check "... and goes on with the file's name whole" has_re "^tottenham-hotspur-son-heung-min-gundogan-story\.txt *$"

# Help at 80 columns: the text wraps instead of being cut.
tl_keys '?'
check "? opens the help" tl_wait "Help · keys"
long="$(grep -o '"Every mention of the target in the corpus, in context"' "$SRC/src/startup/requests.h" | tr -d '"')"
check "the help text is in the key table" test -n "$long"
help_has_all() {
    tl_snap
    local text
    text=$(cut -c40- <<<"$TL_SCREEN" | tr -s ' \n' ' ')
    grep -qF -- "$long" <<<"$text"
}
for _ in 1 2 3; do help_has_all && break; tl_keys PageDown; done
check "help at 80 columns: a long text wraps whole under its column" help_has_all
tl_snap
check "... no row runs into the right edge" eval '! awk "length(\$0) > 80" <<<"$TL_SCREEN" | grep -q .'
tl_keys q Q
check "Q quits" tl_wait "TOUCHLINE-EXIT=0"
tl_summary

#!/usr/bin/env bash
# test_state: the commands on the reading state. list --unread and
# --starred after marks saved through the API (tests/tools/state_tool.c, as
# the reader saves them) in $XDG_STATE_HOME, and again in a new process
# (marks survive a restart); follow and unfollow with the picker's lookup
# and "did you mean"; news and news --json (since a date, since the last
# visit, and nothing new); a bad state file warned about with path:line:col
# but never stopping a command. Then the command-line fixes: options after
# paths, what was wrong with an option, a mistyped command, "did you mean"
# for mentions and --club, show DIR refused, and exit status 1 for a bad
# article.
# usage: test_state.sh BINARY SOURCE_DIR STATE_TOOL
set -u
BIN=${1:?usage: test_state.sh BINARY SOURCE_DIR STATE_TOOL}
SRC=${2:?usage: test_state.sh BINARY SOURCE_DIR STATE_TOOL}
TOOL=${3:?usage: test_state.sh BINARY SOURCE_DIR STATE_TOOL}
. "$SRC/tests/cli/lib.sh"
export HOME=$tmp/home XDG_CONFIG_HOME=$tmp/xdg-config XDG_STATE_HOME=$tmp/xdg-state
mkdir -p "$HOME"
cp -r "$SRC/samples" "$tmp/news"
# ("news" is also a command: the reader is given ./news, as touchline(1) says)
cd "$tmp" || exit 1
state=$XDG_STATE_HOME/touchline/state

# --- list --unread / --starred -------------------------------------------
all=$("$BIN" list news | wc -l)
check "with no state every article is unread" '[ "$("$BIN" list --unread news | wc -l)" -eq "$all" ]'
check "with no state nothing is starred (exit 1)" \
    '[ -z "$("$BIN" list --starred news)" ] && ! "$BIN" list --starred news'
bastoni=news/inter-bastoni-contract-talks.md
plain=$(ls news/*.txt | head -1)
"$TOOL" mark "$XDG_STATE_HOME/touchline" read "$bastoni" "$plain"
"$TOOL" mark "$XDG_STATE_HOME/touchline" starred "$bastoni"
unread=$("$BIN" list --unread news)
check "two read articles leave the others unread" '[ "$(wc -l <<<"$unread")" -eq $((all - 2)) ]'
check "a read article keyed by url is not listed unread" '! grep -qF "$bastoni" <<<"$unread"'
check "a read article keyed by path is not listed unread" '! grep -qF "$plain" <<<"$unread"'
check "list --starred lists the starred one" \
    '[ "$("$BIN" list --starred news | cut -f4)" = "$bastoni" ]'
check "a path key holds whichever way the path is written" \
    '! "$BIN" list --unread "./news/../$plain" >/dev/null'
check "the url key survives a move of the file" \
    'mkdir moved && cp "$bastoni" moved/ && [ -z "$("$BIN" list --unread moved)" ]'
check "--unread and --starred do not go together (exit 2)" \
    '"$BIN" list --unread --starred news 2>/dev/null; [ $? -eq 2 ]'
check "the state file says what it holds" 'grep -q "^read	url:" "$state" && grep -q "^starred	" "$state"'

# --- follow / unfollow -----------------------------------------------------
check "follow a surname follows the full name" \
    '[ "$("$BIN" follow Bastoni news)" = "following Alessandro Bastoni (person)" ]'
check "following again says so" \
    '[ "$("$BIN" follow "Alessandro Bastoni" news)" = "already following Alessandro Bastoni (person)" ]'
out=$("$BIN" follow Spurz news 2>&1)
status=$?
check "follow a misspelt club: did you mean, exit 2" \
    '[ $status -eq 2 ] && grep -q "did you mean: Tottenham Hotspur" <<<"$out"'
check "follow an alias follows the club" \
    '[ "$("$BIN" follow Spurs news)" = "following Tottenham Hotspur (club)" ]'
check "followed entities are in the state file" \
    'grep -qx "follow	person	person:alessandro-bastoni	Alessandro Bastoni" "$state"'
out=$("$BIN" unfollow Totenham 2>&1)
status=$?
check "unfollow a misspelt name: did you mean, exit 2" \
    "[ $status -eq 2 ] && grep -q \"did you mean 'Tottenham Hotspur'\" <<<\"\$out\""
check "unfollow by surname" '[ "$("$BIN" unfollow bastoni)" = "no longer following Alessandro Bastoni" ]'
check "follow with no NAME lists the followed: name, kind, id" \
    '[ "$("$BIN" follow)" = "$(printf "Tottenham Hotspur\tclub\tclub:tottenham-hotspur")" ]'
"$BIN" unfollow Spurs >/dev/null 2>&1
check "unfollow by an alias that is no word of the name: did you mean? no; exit 2" \
    '"$BIN" unfollow Spurs 2>/dev/null; [ $? -eq 2 ] && "$BIN" follow >/dev/null'
"$BIN" unfollow Tottenham >/dev/null
check "follow with nothing followed: exit 1" '! "$BIN" follow >/dev/null'
"$BIN" follow Spurs news >/dev/null

# --- news ------------------------------------------------------------------
"$BIN" follow Bastoni news >/dev/null
json=$("$BIN" news --json --since 2000-01-01 news)
check "news --json: one object per followed entity with news" '[ "$(wc -l <<<"$json")" -eq 2 ]'
check "news --json parses, facts newest first, with path and line" "python3 -c '
import json, sys
rows = [json.loads(l) for l in sys.stdin]
names = {r[\"entity\"] for r in rows}
assert names == {\"Alessandro Bastoni\", \"Tottenham Hotspur\"}, names
for r in rows:
    dates = [f[\"date\"] for f in r[\"facts\"]]
    assert dates == sorted(dates, reverse=True), dates
    assert all(f[\"path\"] and f[\"line\"] > 0 and f[\"kind\"] for f in r[\"facts\"])
b = [r for r in rows if r[\"entity\"] == \"Alessandro Bastoni\"][0]
assert any(f[\"kind\"] == \"caps\" and f[\"value\"] == 17 for f in b[\"facts\"])
' <<<\"\$json\""
text=$("$BIN" news --since 2000-01-01 news)
check "news: a summary line, then the entities" \
    'head -1 <<<"$text" | grep -Eq "^[0-9]+ new facts about 2 followed since 2000-01-01 00:00$" &&
     grep -q "^Alessandro Bastoni (person), " <<<"$text"'
# The last visit: after it, only a newer article is news.
printf 'touchline-state\t1\nvisit\t2030-01-01T00:00:00Z\n' >"$tmp/visit"
grep -v '^visit' "$state" | tail -n +2 >>"$tmp/visit" && mv "$tmp/visit" "$state"
check "nothing new since the last visit: exit 1" \
    '[ "$("$BIN" news news | head -1)" = "0 new facts about 0 followed since 2030-01-01 00:00" ] &&
     ! "$BIN" news news >/dev/null'
printf -- '---\ntitle: Bastoni extends\ndate: 2030-01-02T09:00:00Z\n---\nAlessandro Bastoni has won 20 caps for Italy.\n' >news/new.md
json=$("$BIN" news --json news)
check "an article after the last visit is news" \
    '[ "$(wc -l <<<"$json")" -eq 1 ] && grep -q "\"value\":20" <<<"$json" && grep -q "\"since\":\"2030-01-01T00:00:00Z\"" <<<"$json"'
check "news --since takes a bad date as a usage error" \
    '"$BIN" news --since yesterday news 2>&1 | grep -q "expected a date"; [ "${PIPESTATUS[0]}" -eq 2 ]'

# --- a bad state file ------------------------------------------------------
printf 'reed\turl:x\n' >>"$state"
out=$("$BIN" list --unread news 2>&1 >/dev/null)
check "a bad line is reported as path:line:col and skipped" \
    'grep -q "$state:[0-9]*:1: unknown record .reed." <<<"$out" && "$BIN" list --unread news >/dev/null'
printf 'touchline-state\t9\n' >"$state"
out=$("$BIN" follow Bastoni news 2>&1)
check "a newer version's file is never written over" \
    'grep -q "version .9." <<<"$out" && [ "$(cat "$state")" = "$(printf "touchline-state\t9")" ]'

# --- the command-line fixes ------------------------------------------------
check "extract PATH --pretty: options after paths" \
    '"$BIN" extract news/messi-inter-miami.md --pretty | head -1 | grep -qx "{"'
check "extract --pretty PATH" '"$BIN" extract --pretty news/messi-inter-miami.md | head -1 | grep -qx "{"'
out=$("$BIN" extract --bogus news 2>&1)
check "extract --bogus: says which option" \
    "[ \"\$out\" = \"touchline: extract: unknown option '--bogus'; try 'touchline extract --help'\" ]"
out=$("$BIN" entities --kind 2>&1)
check "entities --kind: says it needs a value" \
    "grep -q \"option '--kind' needs a value\" <<<\"\$out\""
for c in list show extract entities mentions check themes follow unfollow news; do
    out=$("$BIN" "$c" --nope 2>&1)
    st=$?
    check "$c --nope: says which option, exit 2" \
        "[ $st -eq 2 ] && grep -q \"$c: unknown option '--nope'\" <<<\"\$out\""
done
out=$("$BIN" lsit 2>&1)
st=$?
check "a mistyped command: did you mean list?" \
    "[ $st -eq 2 ] && grep -q \"unknown command 'lsit'; did you mean 'list'\" <<<\"\$out\""
mkdir lsit
out=$("$BIN" lsit 2>&1)
check "a folder of that name is a path for the reader, not a typo" '! grep -q "did you mean" <<<"$out"'
out=$("$BIN" mentions Bastni news 2>&1)
st=$?
check "mentions Bastni: did you mean" \
    '[ $st -eq 1 ] && grep -q "did you mean: Alessandro Bastoni" <<<"$out"'
echo wait-load >keys.txt
out=$("$BIN" --bench-keys keys.txt --club Spurz ./news 2>&1)
st=$?
check "--club Spurz: did you mean" '[ $st -eq 2 ] && grep -q "did you mean: Tottenham Hotspur" <<<"$out"'
out=$("$BIN" show news 2>&1)
st=$?
check "show DIR is refused" '[ $st -eq 2 ] && grep -q "is a folder" <<<"$out"'
printf -- '---\ntitle: [broken\n---\nBody\n' >news/broken.md
"$BIN" list news >/dev/null 2>&1
st=$?
check "a bad article gives exit status 1, the others still listed" \
    '[ $st -eq 1 ] && [ "$("$BIN" list news 2>/dev/null | wc -l)" -eq $((all + 1)) ]'
"$BIN" list news/messi-inter-miami.md >/dev/null
check "no bad article: exit 0" '[ $? -eq 0 ]'
cli_summary

#!/usr/bin/env bash
# test_sfeed: sfeed(5) TSV feed files read directly, one article per line,
# told by content (not by name): list, show and extract over a file holding
# an html item, a plain item with the \t \n \\ escapes, hostile text
# (terminal escapes, bidi controls), an item with no timestamp and two
# malformed lines, which are problems with path:line:col while the other
# lines load; each line is FILE#LINE, also as an argument; the cache keeps
# the lines right when the file changes.
set -u
BIN=$1
SRC=$2
. "$SRC/tests/cli/lib.sh"
export TZ=UTC XDG_CACHE_HOME=$tmp/cache HOME=$tmp/home
mkdir -p "$tmp/feeds" "$tmp/home"
f="$tmp/feeds/Test Wire"
T=$(printf '\t')
esc=$(printf '\033')
bel=$(printf '\007')
rlo=$(printf '\342\200\256') # U+202E RIGHT-TO-LEFT OVERRIDE
{
    # 1: html content, escaped newline between paragraphs, two categories
    printf '%s\n' "1701684000${T}Saka seals Arsenal win${T}https://example.org/saka${T}<p>Bukayo Saka scored twice as <b>Arsenal</b> beat Chelsea.</p>\\n<p>Mikel Arteta was pleased.</p>${T}html${T}tag:saka-1${T}Jane Doe${T}${T}Premier League|Arsenal"
    # 2: plain content with \n, \\ and \t escapes
    printf '%s\n' "1701597600${T}Plain item${T}https://example.org/plain${T}Line one\\nLine two \\\\ back\\tend${T}plain${T}tag:plain-2${T}${T}${T}"
    # 3: malformed: too few fields
    printf '%s\n' "1701597600${T}Broken${T}https://example.org/broken"
    # 4: hostile text in every shown field
    printf '%s\n' "1701770400${T}Evil ${esc}[31mred${esc}]0;pwned${bel} ${rlo}title${T}https://example.org/evil${T}Text ${esc}[2J${esc}[H here ${rlo}x${T}plain${T}tag:evil-4${T}Mallory ${esc}[1mbold${T}${T}"
    # 5: malformed: the timestamp is not a number
    printf '%s\n' "yesterday${T}Bad time${T}https://example.org/t${T}text${T}plain${T}id5${T}${T}${T}"
    # 6: no timestamp: the file's date
    printf '%s\n' "${T}Undated${T}https://example.org/u${T}Undated text.${T}plain${T}id6${T}${T}${T}"
} >"$f"
touch -d '2024-02-01 12:00:00 UTC' "$f"

"$BIN" --no-cache list "$f" >"$tmp/list" 2>"$tmp/err"
rc=$?
check "list exits 1: some lines are problems" "[ $rc -eq 1 ]"
check "the short line is a problem at path:line:col" \
    'grep -qxF "touchline: $f:3:1: not an sfeed item: fewer than 9 tab-separated fields" "$tmp/err"'
check "the line with a bad timestamp is a problem at path:line:col" \
    'grep -qxF "touchline: $f:5:1: not an sfeed item: the timestamp is not a number" "$tmp/err"'
check "exactly two problems" '[ "$(wc -l <"$tmp/err")" -eq 2 ]'
expected=$(printf '%s\n' \
    "2024-02-01${T}Undated${T}Test Wire${T}$f#6" \
    "2023-12-05${T}Evil red title${T}Test Wire${T}$f#4" \
    "2023-12-04${T}Saka seals Arsenal win${T}Test Wire${T}$f#1" \
    "2023-12-03${T}Plain item${T}Test Wire${T}$f#2")
check "the other four lines are listed: date from the timestamp, source the file name, path FILE#LINE" \
    '[ "$(cat "$tmp/list")" = "$expected" ]'

out=$("$BIN" --no-cache show "$f#1")
rc=$?
check "show FILE#1 exits 0" "[ $rc -eq 0 ]"
check "show says the format is sfeed" 'grep -qx "format: sfeed" <<<"$out"'
check "the link is the url" 'grep -qx "url: https://example.org/saka" <<<"$out"'
check "the author is kept" 'grep -qx "author: Jane Doe" <<<"$out"'
check "the id is the guid" 'grep -qx "guid: tag:saka-1" <<<"$out"'
check "the categories are the tags" 'grep -qx "tags: Premier League, Arsenal" <<<"$out"'
check "html content becomes text paragraphs (the html module's)" \
    '[ "$(sed "1,/^$/d" <<<"$out")" = "$(printf "Bukayo Saka scored twice as Arsenal beat Chelsea.\n\nMikel Arteta was pleased.")" ]'

out=$("$BIN" --no-cache show "$f#2")
check "plain content is kept as is, its escapes undone (a tab is a space, as in every article)" \
    '[ "$(sed "1,/^$/d" <<<"$out")" = "$(printf "Line one\nLine two \\\\ back end")" ]'

"$BIN" --no-cache show "$f#4" >"$tmp/evil" 2>&1
check "hostile title, text and author reach no terminal escape" '! grep -q "$esc" "$tmp/evil"'
check "no BEL either" '! grep -q "$bel" "$tmp/evil"'
check "no bidi override" '! grep -qF "$rlo" "$tmp/evil"'
check "the hostile item still loads" 'grep -qx "title: Evil red title" "$tmp/evil"'

"$BIN" --no-cache show "$f#3" >/dev/null 2>"$tmp/err3"
rc=$?
check "show FILE#3 (a malformed line) exits 1 with its problem" \
    '[ $rc -eq 1 ] && grep -qF "$f:3:1: not an sfeed item" "$tmp/err3"'
"$BIN" --no-cache show "$f#99" >/dev/null 2>&1
rc=$?
check "show FILE#99 (no such line) is a usage error" "[ $rc -eq 2 ]"

"$BIN" --no-cache extract "$f" >"$tmp/x.jsonl" 2>/dev/null
check "extract finds the player and the clubs of line 1" \
    'python3 -c "
import json, sys
a = [json.loads(l) for l in open(sys.argv[1])]
one = [x for x in a if x[\"path\"].endswith(\"#1\")][0]
ids = {e[\"id\"] for e in one[\"entities\"]}
sys.exit(0 if {\"person:bukayo-saka\", \"club:arsenal\", \"club:chelsea\"} <= ids and len(a) == 4 else 1)
" "$tmp/x.jsonl"'

# Told by content: a text file with tabs is an article, an sfeed file under
# any name is a feed.
printf 'Arsenal notes\n\nSaka\tand\tRice\tplayed well.\n' >"$tmp/feeds/notes"
"$BIN" --no-cache list "$tmp/feeds/notes" >"$tmp/notes" 2>&1
check "a text file with tabs is one plain article" \
    '[ "$(cut -f2,4 "$tmp/notes")" = "$(printf "Arsenal notes\t%s" "$tmp/feeds/notes")" ]'
cp "$f" "$tmp/feeds/wire.md"
"$BIN" --no-cache list "$tmp/feeds/wire.md" 2>/dev/null | cut -f4 >"$tmp/md"
check "an sfeed file named .md is still read as sfeed" \
    '[ "$(head -1 "$tmp/md")" = "$tmp/feeds/wire.md#6" ]'

# The cache: the lines' extractions are kept under FILE#LINE and the real
# file's size and mtime, so a changed file is extracted afresh.
"$BIN" extract "$f" >"$tmp/c1" 2>/dev/null
"$BIN" extract "$f" >"$tmp/c2" 2>/dev/null
check "a second extract (from the cache) gives the same output" 'cmp -s "$tmp/c1" "$tmp/c2"'
printf '%s\n' "1701856800${T}Palmer scores for Chelsea${T}https://example.org/p${T}Cole Palmer scored for Chelsea.${T}plain${T}id7${T}${T}${T}" |
    cat - "$f" >"$tmp/new" && mv "$tmp/new" "$f"
touch -d '2024-02-02 12:00:00 UTC' "$f"
"$BIN" extract "$f" >"$tmp/c3" 2>/dev/null
check "after a new first line, every line's extraction follows its text" \
    'python3 -c "
import json, sys
a = {x[\"path\"].rsplit(\"#\", 1)[1]: x for x in map(json.loads, open(sys.argv[1]))}
ok = a[\"1\"][\"title\"] == \"Palmer scores for Chelsea\" and a[\"2\"][\"title\"] == \"Saka seals Arsenal win\"
ok = ok and any(e[\"id\"] == \"person:bukayo-saka\" for e in a[\"2\"][\"entities\"])
ok = ok and not any(e[\"id\"] == \"person:bukayo-saka\" for e in a[\"1\"][\"entities\"])
sys.exit(0 if ok else 1)
" "$tmp/c3"'
cli_summary

#!/usr/bin/env bash
# test_html: a saved web page through show, list and extract: the metadata
# and the main text (no menus, cookie banner, adverts, related links,
# comments or scripts), mention offsets into the main text, a page found by
# content under another name, .html files picked up in folders, a page over
# 50 MB refused with a clear problem, and plain text loaded as before.
set -u
BIN=$1
SRC=$2
. "$SRC/tests/cli/lib.sh"
page=$SRC/tests/fixtures/pages/football-page.html
export TZ=UTC

out=$("$BIN" --no-cache show "$page")
rc=$?
check "show exits 0" "[ $rc -eq 0 ]"
check "show says the format is html" 'grep -qx "format: html" <<<"$out"'
check "show prints the metadata then the main text" \
    '[ "$(grep -v "^path:\|^format:\|^body-line:" <<<"$out")" = "$(cat "$SRC/tests/fixtures/pages/football-page.expected")" ]'
for junk in "Accept all" "Bet now" "Chelsea sign forward" "Great signing" "tracking" "Transfers" "The Terrace$"; do
    check "show leaves out '$junk'" '! sed "1,/^$/d" <<<"$out" | grep -q "$junk"'
done

list=$("$BIN" --no-cache list "$page")
check "list gives date, title, source and path" \
    '[ "$list" = "$(printf "2023-07-15\tArsenal complete signing of midfielder\tThe Terrace\t%s" "$page")" ]'

body=$(sed '1,/^$/d' <<<"$out")
"$BIN" --no-cache extract "$page" >"$tmp/x.jsonl"
check "extract finds the club, the player and the fee" \
    'grep -q "\"club:arsenal\"" "$tmp/x.jsonl" && grep -q "\"person:declan-rice\"" "$tmp/x.jsonl" && grep -q "\"kind\":\"fee\"" "$tmp/x.jsonl"'
check "mention offsets point into the main text" "python3 - \"\$tmp/x.jsonl\" <<'PY'
import json, sys
a = json.loads(open(sys.argv[1]).readline())
body = '''$body'''.encode()
ms = [m for e in a['entities'] for m in e['mentions'] if m.get('field') != 'title']
assert ms and all(body[m['start']:m['end']].decode() == m['text'] for m in ms), ms
PY"

# By content, not by name: the same page saved without an extension.
cp "$page" "$tmp/saved-page"
check "a page without .html is still read as a page" \
    '"$BIN" --no-cache show "$tmp/saved-page" | grep -qx "format: html"'

# Folders: .html and .htm are picked up next to text files.
mkdir -p "$tmp/dir"
cp "$page" "$tmp/dir/a.html"
cp "$page" "$tmp/dir/b.htm"
printf 'Plain headline\n\nPlain body.\n' >"$tmp/dir/c.txt"
check "folders include .html and .htm pages" '[ "$("$BIN" --no-cache list "$tmp/dir" | wc -l)" -eq 3 ]'

# A page over 50 MB is refused with its reason; the others still load.
{
    printf '<html><body><p>'
    head -c $((50 * 1024 * 1024)) /dev/zero | tr '\0' 'x'
    printf '</p></body></html>'
} >"$tmp/dir/huge.html"
err=$("$BIN" --no-cache list "$tmp/dir" 2>&1 >/dev/null)
check "a page over 50 MB is a problem line with its reason" \
    'grep -q "huge.html: web page too large (52428833 bytes; the limit is 52428800)" <<<"$err"'
check "the other files still load" '[ "$("$BIN" --no-cache list "$tmp/dir" 2>/dev/null | wc -l)" -eq 3 ]'

# Plain text that mentions tags is not a page.
printf 'Spurs news\n\n<p> is how the site marks paragraphs.\n' >"$tmp/plain.txt"
check "text that mentions tags stays plain" '"$BIN" --no-cache show "$tmp/plain.txt" | grep -qx "format: plain"'

cli_summary

#!/usr/bin/env bash
# test_xml_lib: libxml2 is opened on first use (src/core/html/xml_lib.c),
# never linked. The binary needs neither it nor ICU; the reader, `list`,
# `extract` and `check` over Markdown and text articles never load it (the
# dynamic loader's own log, LD_DEBUG=files, names every library it opens);
# a web page loads it and reads as before. When it cannot be opened (an
# empty libxml2.so.2 first on LD_LIBRARY_PATH), a page is a problem line
# with the loader's reason while the other articles still load (an sfeed
# item of html too), and `fetch`
# fails each feed with that reason (exit 1, as without libcurl), and an OPML
# file of subscriptions with it (exit 1 too: not a config error).
# usage: test_xml_lib.sh BINARY SOURCE_DIR
set -u
BIN=${1:?usage: test_xml_lib.sh BINARY SOURCE_DIR}
SRC=${2:?usage: test_xml_lib.sh BINARY SOURCE_DIR}
. "$SRC/tests/cli/lib.sh"
. "$SRC/tests/cli/feeds_lib.sh"
export HOME="$tmp/home" TERM=xterm
mkdir -p "$HOME"
page=$SRC/tests/fixtures/pages/football-page.html

if command -v readelf >/dev/null; then
    check "the binary does not link libxml2" "! readelf -d '$BIN' | grep -q 'NEEDED.*libxml2'"
fi
check "nor does it load libxml2 or ICU at start" "! ldd '$BIN' | grep -q 'libxml2\|libicu'"

# The libraries a run opened, one per line, from the loader's log.
opened() { grep -o 'file=[^ ]*' "$1" | sed 's/^file=//' | sort -u; }
mkdir -p "$tmp/md"
cp "$SRC"/samples/*.md "$SRC"/samples/*.txt "$tmp/md/"
rm -f "$tmp/md/README.md" # the folder's notes, not an article

LD_DEBUG=files "$BIN" --no-cache list "$tmp/md" >"$tmp/list.out" 2>"$tmp/list.log"
check "list over Markdown exits 0" "[ $? -eq 0 ]"
check "the loader's log names the linked libraries (so the checks below can fail)" \
    "opened '$tmp/list.log' | grep -q 'libc\.so'"
check "list over Markdown never opens libxml2" "! opened '$tmp/list.log' | grep -q libxml2"
check "and lists every article" \
    "[ \$(wc -l <'$tmp/list.out') -eq \$(ls '$tmp/md' | wc -l) ]"
for cmd in extract check; do
    LD_DEBUG=files "$BIN" --no-cache "$cmd" "$tmp/md" >/dev/null 2>"$tmp/$cmd.log"
    check "$cmd over Markdown never opens libxml2" \
        "opened '$tmp/$cmd.log' | grep -q 'libc\.so' && ! opened '$tmp/$cmd.log' | grep -q libxml2"
done

# The reader, headless: the whole folder loaded and a few keys.
printf 'wait-load\n*3 down j\n' >"$tmp/keys"
LD_DEBUG=files "$BIN" --no-cache --bench-keys "$tmp/keys" "$tmp/md" >"$tmp/reader.out" 2>"$tmp/reader.log"
status=$?
check "the reader opens and lists the folder" \
    "[ $status -eq 0 ] && grep -q '^index-complete-ms [0-9.]* ([0-9]* articles)' '$tmp/reader.out'"
check "the reader never opens libxml2 for it" \
    "opened '$tmp/reader.log' | grep -q 'libc\.so' && ! opened '$tmp/reader.log' | grep -q libxml2"

# A web page opens it, and reads as before.
LD_DEBUG=files "$BIN" --no-cache show "$page" >"$tmp/show.out" 2>"$tmp/show.log"
check "show of a web page opens libxml2" "opened '$tmp/show.log' | grep -q '^libxml2.so.2$'"
check "and shows its metadata and main text" \
    '[ "$(grep -v "^path:\|^format:\|^body-line:" "$tmp/show.out")" = "$(cat "$SRC/tests/fixtures/pages/football-page.expected")" ]'

# Without the library: the loader's reason, and everything else works.
mkdir -p "$tmp/nolib" "$tmp/mixed"
: >"$tmp/nolib/libxml2.so.2"
cp "$tmp"/md/* "$page" "$tmp/mixed/"
LD_LIBRARY_PATH=$tmp/nolib "$BIN" --no-cache list "$tmp/mixed" >"$tmp/nolib.out" 2>"$tmp/nolib.err"
check "without libxml2 a page is a problem line with the loader's reason" \
    "grep -q 'football-page.html: cannot load libxml2: .*libxml2.so.2: ' '$tmp/nolib.err'"
check "and the other articles are listed as before" "cmp -s '$tmp/list.out' <(sed 's#/mixed/#/md/#' '$tmp/nolib.out')"

# An sfeed file: its html item cannot be read either (its tags would show
# as text), a problem line; its plain item is listed.
T=$(printf '\t')
mkdir -p "$tmp/sfeed"
{
    printf '%s\n' "1701684000${T}Html item${T}https://example.org/h${T}<p>Bukayo <b>Saka</b> scored.</p>${T}html${T}h1${T}${T}${T}"
    printf '%s\n' "1701597600${T}Plain item${T}https://example.org/p${T}Declan Rice scored.${T}plain${T}p2${T}${T}${T}"
} >"$tmp/sfeed/Wire"
LD_LIBRARY_PATH=$tmp/nolib "$BIN" --no-cache list "$tmp/sfeed/Wire" >"$tmp/sfeed.out" 2>"$tmp/sfeed.err"
check "without libxml2 an sfeed html item is a problem line with the loader's reason" \
    "grep -q 'Wire#1: cannot load libxml2: ' '$tmp/sfeed.err'"
check "and its plain item is listed, the html one not" \
    "grep -q 'Plain item' '$tmp/sfeed.out' && ! grep -q 'Html item' '$tmp/sfeed.out'"
"$BIN" --no-cache show "$tmp/sfeed/Wire#1" >"$tmp/sfeed-show.out" 2>&1
check "with libxml2 the html item reads as text" \
    "grep -q '^Bukayo Saka scored.$' '$tmp/sfeed-show.out'"

start_feed_server
printf 'feeds_dir: %s\nfeeds:\n  - {url: %s/f/rss2.xml}\n' "$tmp/feeds" "$base" >"$tmp/config.yaml"
LD_LIBRARY_PATH=$tmp/nolib "$BIN" --config "$tmp/config.yaml" fetch >"$tmp/fetch.out" 2>"$tmp/fetch.err"
status=$?
check "without libxml2 fetch exits 1" "[ $status -eq 1 ]"
check "and says why for the feed" "grep -q '^$base/f/rss2.xml: cannot load libxml2: ' '$tmp/fetch.err'"
check "and stores nothing" "[ ! -d '$tmp/feeds' ] || [ -z \"\$(find '$tmp/feeds' -type f)\" ]"

# Subscriptions from an OPML file: it cannot be read either, which is the
# machine's failure (exit 1, as for a feed), not a config error (exit 2).
printf '<opml version="2.0"><body><outline type="rss" text="F" xmlUrl="%s/f/rss2.xml"/></body></opml>\n' \
    "$base" >"$tmp/subs.opml"
printf 'feeds_dir: %s\nopml: %s\n' "$tmp/feeds" "$tmp/subs.opml" >"$tmp/config-opml.yaml"
LD_LIBRARY_PATH=$tmp/nolib "$BIN" --config "$tmp/config-opml.yaml" fetch >/dev/null 2>"$tmp/opml.err"
status=$?
check "without libxml2 fetch of OPML subscriptions exits 1" "[ $status -eq 1 ]"
check "and names the OPML file and the loader's reason" \
    "grep -q '^touchline: $tmp/subs.opml: cannot load libxml2: ' '$tmp/opml.err'"
printf 'feeds_dir: %s\nopml: %s\n' "$tmp/feeds" "$tmp/absent.opml" >"$tmp/config-noopml.yaml"
LD_LIBRARY_PATH=$tmp/nolib "$BIN" --config "$tmp/config-noopml.yaml" fetch >/dev/null 2>&1
check "but a missing OPML file is still a config error (exit 2)" "[ $? -eq 2 ]"
"$BIN" --config "$tmp/config-opml.yaml" fetch >/dev/null 2>"$tmp/opml-ok.err"
check "with libxml2 the same config fetches (exit 0)" "[ $? -eq 0 ]"

cli_summary

#!/usr/bin/env bash
# test_fetch: `touchline fetch` against the local feed server over every
# fixture: the new/updated/not-modified counts, the errors and the exit
# status; formats (RSS 2.0 with content:encoded, escaped HTML and CDATA,
# RDF, Atom xhtml/html/summary), encodings, relative links, item identity,
# HTTP behaviour (304 by ETag and by Last-Modified, gzip, deflate,
# redirects, errors, a stall, a 100 MB body, a gzip bomb) and hostile feeds;
# a second run writes nothing; a changed item is replaced; NAME picks feeds;
# bad config values exit 2; the binary does not link libcurl (it is opened
# on the first fetch).
# usage: test_fetch.sh BINARY SOURCE_DIR
set -u
BIN=${1:?usage: test_fetch.sh BINARY SOURCE_DIR}
SRC=${2:?usage: test_fetch.sh BINARY SOURCE_DIR}
. "$SRC/tests/cli/lib.sh"
. "$SRC/tests/cli/feeds_lib.sh"
start_feed_server

feeds=$tmp/feeds
cat >"$tmp/config.yaml" <<YAML
feeds_dir: feeds
fetch_timeout: 2
feeds:
  - {url: $base/f/rss2.xml, name: Test Wire, tags: [wire, test]}
  - {url: $base/etag/rdf.xml}
  - {url: $base/lm/atom.xml}
  - {url: $base/gzip/latin1.xml}
  - {url: $base/deflate/cp1252.xml}
  - {url: $base/redirect/3/nodates.xml}
  - {url: $base/f/dupes.xml}
  - {url: $base/f/shared-a.xml, name: Shared A}
  - {url: $base/f/shared-b.xml, name: Shared B}
  - {url: $base/f/laughs.xml}
  - {url: $base/f/xxe.xml}
  - {url: $base/f/hostile.xml, name: Hostile}
  - {url: $base/f/summary.xml, fulltext: auto}
  - {url: $base/f/malformed.xml}
  - {url: $base/f/notfeed.xml}
  - {url: $base/loop}
  - {url: $base/redirect/7/rss2.xml}
  - {url: $base/status/404}
  - {url: $base/status/500}
  - {url: $base/status/429}
  - {url: $base/stall}
  - {url: $base/huge}
  - {url: $base/bomb}
YAML
fetch() { "$BIN" --config "$tmp/config.yaml" fetch "$@"; }

fetch >"$tmp/out1" 2>"$tmp/err1"
status=$?
check "exit 1 when some feeds failed" '[ "$status" -eq 1 ]'
line() { grep -qxE "$1" "$tmp/out1" || { echo "# no line /$1/ in:"; sed 's/^/#   /' "$tmp/out1"; false; }; }
num='\([0-9]+\.[0-9] s\)'
check "RSS 2.0: 3 new" 'line "Test Wire: 3 new, 0 updated $num"'
check "RDF: 2 new, named by its title" 'line "Old School Sports: 2 new, 0 updated $num"'
check "Atom: 3 new" 'line "Atom Terrace: 3 new, 0 updated $num"'
check "ISO-8859-1 over gzip: 1 new" 'line "Le Journal du Ballon: 1 new, 0 updated $num"'
check "Windows-1252 over deflate: 1 new" 'line "Windows Weekly: 1 new, 0 updated $num"'
check "no dates, no guids, after 3 redirects: 3 new" 'line "Undated Gazette: 3 new, 0 updated $num"'
check "duplicate guids: 2 new" 'line "Echo Chamber: 2 new, 0 updated $num"'
shared=$(grep -E '^Shared [AB]: ' "$tmp/out1" | sed -E 's/^Shared [AB]: ([0-9]+) new.*/\1/' | paste -sd+ | bc)
check "the same item in two feeds is stored once (3 new in all)" '[ "$shared" = 3 ]'
check "billion laughs: read, 1 new" 'line "Laughing Stock: 1 new, 0 updated $num"'
check "external entity: read, 1 new" 'line "Leaky Feed: 1 new, 0 updated $num"'
check "hostile titles: 2 new" 'line "Hostile: 2 new, 0 updated $num"'
check "summary feed: 2 new" 'line "Teaser Times: 2 new, 0 updated $num"'
err() { grep -qE "$1" "$tmp/err1" || { echo "# no error /$1/ in:"; sed 's/^/#   /' "$tmp/err1"; false; }; }
check "malformed XML: an XML error with line and column" 'err "^$base/f/malformed.xml: XML error at line [0-9]+, column [0-9]+: "'
check "a page is not a feed" 'err "^$base/f/notfeed.xml: not a feed"'
check "redirect loop" 'err "^$base/loop: too many redirects"'
check "redirect chain over 5" 'err "^$base/redirect/7/rss2.xml: too many redirects \(more than 5\)"'
check "404" 'err "^$base/status/404: HTTP 404 \(not found\)$"'
check "500" 'err "^$base/status/500: HTTP 500 \(internal server error\)$"'
check "429" 'err "^$base/status/429: HTTP 429 \(too many requests\)$"'
check "a stalled server times out" 'err "^$base/stall: timed out after 2 s$"'
check "a 100 MB body is too big" 'err "^$base/huge: too big \(over 16 MiB\)$"'
check "a gzip bomb is too big" 'err "^$base/bomb: too big \(over 16 MiB\)$"'
check "a missing page keeps the summary" 'err "^$base/pages/missing.html: HTTP 404 \(not found\) \(the summary is kept\)$"'
check "13 feeds fetched, 10 failed" '[ "$(wc -l <"$tmp/out1")" -eq 13 ] && [ "$(grep -c "^http" "$tmp/err1")" -ge 10 ]'

# What was stored.
wire=$(ls "$feeds/Test Wire")
check "stable names: date-slug-hash.md" 'echo "$wire" | grep -qxE "2023-12-05-harbour-town-agree-12m-fee-for-tomas-verlaine-[0-9a-f]{12}\.md"'
verlaine=$(ls "$feeds/Test Wire"/2023-12-05-harbour*)
check "front matter: title, date, url (resolved), source, author, guid, tags" '
    grep -qx "title: \"Harbour Town agree £12m fee for Tomas Verlaine\"" "$verlaine" &&
    grep -qx "date: \"2023-12-05T09:30:00Z\"" "$verlaine" &&
    grep -qx "url: \"$base/news/harbour-town-verlaine\"" "$verlaine" &&
    grep -qx "source: \"Test Wire\"" "$verlaine" && grep -qx "author: \"Ann Writer\"" "$verlaine" &&
    grep -qx "guid: \"wire-0001\"" "$verlaine" && grep -qx "tags: \[\"wire\", \"test\"\]" "$verlaine"'
check "content:encoded: entities decoded, paragraphs kept, script dropped" '
    grep -q "fee of £12m with Riverside" "$verlaine" && grep -q "“He is exactly the player" "$verlaine" &&
    ! grep -q "alert" "$verlaine" && ! grep -q "<p>" "$verlaine" && [ "$(grep -c "^$" "$verlaine")" -ge 3 ]'
check "escaped HTML in description becomes text" 'grep -rq "stand & a training ground" "$feeds/Test Wire" && grep -rq "O.Hara, called it “the biggest" "$feeds/Test Wire" && ! grep -rq "&lt;" "$feeds"'
check "CDATA title and HTML" 'grep -rqx "title: \"Café owner & fan: \\\\\"We won.t move\\\\\"\"" "$feeds/Test Wire" && grep -rq "Serves 400 pies" "$feeds/Test Wire"'
check "RDF: dc:date and rdf:about" 'grep -rqx "date: \"2023-12-01T00:00:00Z\"" "$feeds/Old School Sports" && grep -rqx "guid: \"https://rdf.example.org/2023/12/keeper\"" "$feeds/Old School Sports"'
check "Atom: xhtml content, html title, offset date" 'grep -rq "^Northvale came from two goals down" "$feeds/Atom Terrace" && grep -rqx "title: \"Five things we learned: Northvale 2-2 Eastbrook\"" "$feeds/Atom Terrace" && grep -rqx "date: \"2023-12-06T09:00:00Z\"" "$feeds/Atom Terrace"'
check "Atom: html content and summary" 'grep -rq "The January window opens" "$feeds/Atom Terrace" && grep -rq "^The podcast returns on Friday" "$feeds/Atom Terrace"'
check "Atom: links resolved against xml:base" 'grep -rqx "url: \"https://atom.example.net/blog/posts/five-things\"" "$feeds/Atom Terrace" && grep -rqx "url: \"https://atom.example.net/news/window-preview\"" "$feeds/Atom Terrace" && grep -rqx "url: \"https://atom.example.net/blog/notes/podcast\"" "$feeds/Atom Terrace"'
check "ISO-8859-1 converted to UTF-8" 'grep -rq "André Lefèvre prolonge à Lyonnais" "$feeds/Le Journal du Ballon"'
check "Windows-1252 converted to UTF-8" 'grep -rq "“We want €100m” – Northvale" "$feeds/Windows Weekly" && grep -rq "Northvale’s chairman" "$feeds/Windows Weekly"'
check "no date: no date line, named by the day of the fetch" '! grep -rq "^date:" "$feeds/Undated Gazette" && [ "$(ls "$feeds/Undated Gazette" | grep -c "^$(date -u +%F)-")" -eq 3 ]'
check "no title: (untitled), permalink guid as the link" 'grep -rqx "url: \"https://undated.example.org/c\"" "$feeds/Undated Gazette"'
check "duplicate guid: the first copy kept" 'grep -rq "First copy" "$feeds/Echo Chamber" && ! grep -rq "Second copy" "$feeds/Echo Chamber"'
check "shared item: one file in all" '[ "$(grep -rl "shared-story-1" "$feeds" | wc -l)" -eq 1 ]'
check "billion laughs never expanded: the loop is reported, what came before it kept" '! grep -rq "lollol" "$feeds" "$tmp/out1" "$tmp/err1" && grep -rqx "title: \"Laughs\"" "$feeds/Laughing Stock" && err "^$base/f/laughs.xml: XML error at line [0-9]+, column [0-9]+: Detected an entity reference loop"'
check "/etc/passwd appears nowhere" '! grep -rq "root:" "$feeds" "$tmp/out1" "$tmp/err1" "$tmp/state" && grep -rq "^Before after. The external entity" "$feeds/Leaky Feed"'
check "no escape, C1 or bidi control in any stored file or output" '! grep -rqP "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]" "$feeds" "$tmp/out1" "$tmp/err1"'
check "full text: a summary-only item keeps its page's main text" 'grep -rq "^Eastbrook Rovers have signed the striker Malik Osei from Coastline United for a fee of £6m" "$feeds/Teaser Times" && ! grep -rq "Copyright Teaser Times\|Read more on the site" "$feeds/Teaser Times"'
check "full text: the summary is kept when the page fails" 'grep -rq "^The page of this item is missing: the summary is kept." "$feeds/Teaser Times"'
check "hostile titles still read" 'grep -rq "title: \"Escape" "$feeds/Hostile" && grep -rq "desrever" "$feeds/Hostile"'
check "feed state kept outside feeds_dir" '[ "$(ls "$tmp/state/touchline/feeds" | wc -l)" -eq 13 ] && ! find "$feeds" -name "*.state" | grep -q .'
check "feeds_dir holds only whole articles" '[ -z "$(find "$feeds" -type f ! -name "*.md")" ]'

# The loader reads them like any other article.
"$BIN" list "$feeds" >"$tmp/list" 2>"$tmp/list.err"
check "list reads every stored article" '[ "$(wc -l <"$tmp/list")" -eq "$(find "$feeds" -name "*.md" | wc -l)" ]'
check "list shows the source and the date" 'grep -qP "^2023-12-05\tHarbour Town agree £12m fee for Tomas Verlaine\tTest Wire\t" "$tmp/list"'

"$BIN" --config "$tmp/config.yaml" list >"$tmp/list2" 2>/dev/null
check "list with no path opens feeds_dir" 'cmp -s "$tmp/list" "$tmp/list2"'
"$BIN" --config "$tmp/config.yaml" extract 2>/dev/null | grep -c "^{" >"$tmp/nx"
check "extract with no path opens feeds_dir" '[ "$(cat "$tmp/nx")" -eq "$(wc -l <"$tmp/list")" ]'

# A second run: 304 through ETag and through Last-Modified, nothing written.
snap() { find "$feeds" "$tmp/state" -type f -printf '%p %s %T@\n' | sort; }
snap >"$tmp/snap1"
sleep 1.1
fetch >"$tmp/out2" 2>"$tmp/err2"
status=$?
check "second run: exit 1 again (the same feeds fail)" '[ "$status" -eq 1 ]'
check "304 via ETag and Last-Modified: not modified" 'grep -qx "Test Wire: not modified" "$tmp/out2" && grep -qx "Old School Sports: not modified" "$tmp/out2" && grep -qx "Atom Terrace: not modified" "$tmp/out2"'
check "the conditional headers were sent" 'grep -q "^/etag/rdf.xml \"" "$tmp/server.log" && grep -q "^/lm/atom.xml Mon, 04 Dec 2023" "$tmp/server.log"'
check "every feed not modified or without news" '! grep -vE ": (not modified|0 new, 0 updated .*)$" "$tmp/out2"'
snap >"$tmp/snap2"
check "the second run wrote no article" 'diff <(grep -v "/state/" "$tmp/snap1") <(grep -v "/state/" "$tmp/snap2") >/dev/null'

# A changed item is replaced in place; a new one is added; NAME picks one feed.
sed -i 's/made 88 appearances/made 89 appearances/; s|</channel>|<item><title>Late news</title><link>/late</link><guid>wire-0004</guid><pubDate>Wed, 06 Dec 2023 09:00:00 GMT</pubDate><description>A late item added to the feed, long enough to be kept as it is: the quick brown fox jumps over the lazy dog, again and again, until this paragraph is comfortably past the five hundred characters that make a summary. The quick brown fox jumps over the lazy dog once more. The quick brown fox jumps over the lazy dog once more. The quick brown fox jumps over the lazy dog once more. The quick brown fox jumps over the lazy dog once more. The quick brown fox jumps over the lazy dog.</description></item></channel>|' "$srv/rss2.xml"
fetch "test wire" >"$tmp/out3" 2>"$tmp/err3"
status=$?
check "NAME: only that feed, 1 new and 1 updated, exit 0" '[ "$status" -eq 0 ] && [ "$(wc -l <"$tmp/out3")" -eq 1 ] && grep -qxE "Test Wire: 1 new, 1 updated $num" "$tmp/out3"'
check "the changed item replaced under its name" '[ "$(ls "$feeds/Test Wire" | wc -l)" -eq 4 ] && grep -q "made 89 appearances" "$verlaine"'
fetch "Old School Sports" "$base/lm/atom.xml" >"$tmp/out4" 2>&1
check "NAME by last title and by URL" '[ "$(wc -l <"$tmp/out4")" -eq 2 ]'
fetch "No Such Feed" >/dev/null 2>"$tmp/err5"
check "an unknown NAME is a usage error (2)" '[ $? -eq 2 ] && grep -q "no feed named .No Such Feed." "$tmp/err5"'

# Bad config values: path:line:col and exit 2.
bad_config() {
    printf '%s\n' "$1" >"$tmp/bad.yaml"
    "$BIN" --config "$tmp/bad.yaml" fetch >/dev/null 2>"$tmp/bad.err"
    local s=$?
    [ "$s" -eq 2 ] && grep -qE "$2" "$tmp/bad.err" || { echo "# status $s:"; cat "$tmp/bad.err"; false; }
}
check "a feed without url" 'bad_config "feeds: [{name: X}]" "bad.yaml:1:9: a feed without .url."'
check "a feed URL that is not http(s)" 'bad_config "feeds: [{url: file:///etc/passwd}]" "bad.yaml:1:15: .file:///etc/passwd. is not an http or https URL"'
check "a bad fulltext" 'bad_config "feeds: [{url: http://127.0.0.1:1/, fulltext: sometimes}]" "bad.yaml:1:46: unknown fulltext .sometimes."'
check "an unknown key in a feed" 'bad_config "feeds: [{url: http://127.0.0.1:1/, nmae: X}]" "did you mean .name."'
check "a bad fetch_timeout" 'bad_config "fetch_timeout: soon" "bad.yaml:1:16: fetch_timeout .soon.: expected whole seconds"'
check "a missing feeds_file" 'bad_config "feeds_file: nowhere/urls" "bad.yaml:1:13: feeds_file .*nowhere/urls. cannot be read"'
check "no feeds at all" 'bad_config "articles: ." "no feeds"'

# Newsboat urls and OPML bring their subscriptions.
cat >"$tmp/urls" <<URLS
# newsboat urls
$base/f/rdf.xml news "~Newsboat Named" "two words"
query:Unread:unread = "yes"
$base/f/dupes.xml
URLS
cat >"$tmp/subs.opml" <<OPML
<?xml version="1.0"?><opml version="2.0"><head><title>subs</title></head><body>
<outline text="Football"><outline text="Opml Wire" type="rss" xmlUrl="$base/f/shared-a.xml"/></outline>
</body></opml>
OPML
printf 'feeds_dir: %s\nfeeds_file: urls\nopml: subs.opml\n' "$tmp/feeds2" >"$tmp/imports.yaml"
"$BIN" --config "$tmp/imports.yaml" fetch >"$tmp/out6" 2>"$tmp/err6"
check "feeds_file and opml: three feeds fetched, query: skipped with a warning" '[ $? -eq 0 ] && [ "$(wc -l <"$tmp/out6")" -eq 3 ] && grep -q "urls:3:1: warning: .query:. lines" "$tmp/err6"'
check "newsboat ~Name and tags, OPML name and folder tag" 'grep -rqx "tags: \[\"news\", \"two words\"\]" "$tmp/feeds2/Newsboat Named" && grep -rqx "tags: \[\"Football\"\]" "$tmp/feeds2/Opml Wire"'

# libcurl is opened on the first fetch (src/core/fetch/curl_lib.c), never
# linked: linking it made every start load two dozen libraries.
if command -v readelf >/dev/null; then
    check "the binary does not link libcurl" "! readelf -d '$BIN' | grep -q 'NEEDED.*libcurl'"
else
    check "the binary does not link libcurl" "! ldd '$BIN' | grep -q libcurl"
fi

cli_summary

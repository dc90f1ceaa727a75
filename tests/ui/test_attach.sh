#!/usr/bin/env bash
# test_attach: an article shows its highlights and facts as soon as it is
# listed, while the load is still under way. The workers are held before
# the 171st of 200 files (TOUCHLINE_TEST_HOLD_AT, a test hook of the
# stream), so the status line says "loading" all along. On a warm start,
# which takes the stored index, the articles after the first 128 are
# attached to it, not in the index yet: G opens the last one listed, and
# the facts panel shows its fee and contract, the reader paints its names
# and its fee in their colours; the entity cursor on a name says honestly
# that its other articles wait for the load, and so do n, N, m, F and Enter
# on it (the keys that act on the cursor's entity). On a cold start the same
# article's extraction came from the worker: the same panes.
BIN=$1
SRC=$2
. "$SRC/tests/ui/lib.sh"

dir=$TL_TMP/corpus
tl_fee_corpus "$dir" 3
# Files changed in the last seconds are not cached: make these older.
find "$dir" -type f -exec touch -d '2024-01-01 12:00' {} +

# A first start writes the cache and the stored index.
tl_start 160 45 -- --threads 1 "$dir"
check "a first start loads all 200" tl_wait " Articles 200 " 60
check "its load ends" tl_wait_gone "loading " 60
tl_keys q
check "q quits with status 0" tl_wait "TOUCHLINE-EXIT=0"

# Whether TEXT is drawn in foreground colour FG in the reader's pane (the
# middle one, between the first two separators of its row).
reader_style() {
    tl_capture -e | python3 -c "$TL_SGR_PY"'
fg, text = sys.argv[1], sys.argv[2]
rows = {}
for y, part, style in cells(sys.stdin.read()):
    rows.setdefault(y, []).extend((ch, style[0]) for ch in part)
for cs in rows.values():
    line = "".join(c for c, _ in cs)
    seps = [i for i, c in enumerate(line) if c == "\u2502"]
    if len(seps) < 2: continue
    i = line.find(text, seps[0], seps[1])
    if i >= 0 and cs[i][1] == fg: sys.exit(0)
sys.exit(1)' "$1" "$2"
}
# Whether the facts panel (the rightmost pane) says TEXT.
facts_say() { tl_capture | awk -F'│' '{ print $NF }' | grep -qF -- "$1"; }
loading() { tl_status | grep -qE "loading 170 of 200 "; }

for start in warm cold; do
    opts=(--threads 1)
    [ "$start" = cold ] && opts+=(--no-cache)
    tl_start 160 45 TOUCHLINE_TEST_HOLD_AT=170 -- "${opts[@]}" "$dir"
    check "$start: the load stops at 170 of 200, loading" tl_until loading
    check "$start: 170 articles listed" tl_wait "Articles 170 " 10
    tl_keys G
    check "$start: G opens the last one listed (Article 0169)" tl_wait "Article 170 of 170" 10
    check "$start: the facts panel shows its fee" tl_until facts_say "fee £40m (Arsenal -> Chelsea)"
    check "$start: and its contract" facts_say "signed 5 years"
    check "$start: and its subject" facts_say "Declan Rice"
    check "$start: no word of waiting for the load" tl_wait_gone "shown once loaded" 1
    check "$start: the reader paints its fee in the money colour" \
        tl_until reader_style "$TL_COLOR_MONEY" "£40m"
    check "$start: and a name in its kind's colour" tl_until reader_style "$TL_COLOR_PERSON" "Declan Rice"
    check "$start: the status line still says loading" loading
    if [ "$start" = warm ]; then
        tl_keys Tab
        tl_keys ']'
        waits="its other articles are known once the load completes"
        check "warm: the entity cursor on a name says its other articles wait for the load" \
            tl_wait_status "$waits"
        # Each key that takes the cursor's entity says the same and does
        # nothing; s (star) puts another message up before each.
        for key in n N m F Enter; do
            tl_keys s
            check "warm: s puts up its own message first" tl_wait_status "starred|star taken away"
            tl_keys "$key"
            check "warm: $key on that name says its other articles wait for the load" \
                tl_wait_status "$waits"
        done
        check "warm: and opens no overlay" tl_wait_gone "Mentions of" 1
    fi
    tl_keys q
    [ "$start" = warm ] && tl_keys q # the first goes back to the list
    check "$start: q quits while loading, with status 0" tl_wait "TOUCHLINE-EXIT=0"
done
tl_summary

#!/usr/bin/env bash
# test_stored_index: a warm start takes the stored index (the finished
# entity index written next to the cache file) and prints exactly what a
# cold start prints: extract, entities, mentions and list, byte for byte.
# One file changed: only its own output changes, and the next start takes
# the index stored again. The reader's --bench-keys says which it took.
set -u
bin=$1
src=$2
. "$src/tests/cli/lib.sh"
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/xdg" XDG_CACHE_HOME="$tmp/cache" TERM=xterm
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$tmp/in"
cp "$src"/samples/*.md "$src"/samples/*.txt "$tmp/in/"
# Files changed in the last seconds are not cached: these are older.
find "$tmp/in" -type f -exec touch -d '2024-01-01 12:00' {} +
printf 'wait-load\n' >"$tmp/wait.txt"

# Every command's output into $tmp/$1.*; $1 names the round.
outputs() {
    "$bin" extract "$tmp/in" >"$tmp/$1.extract" 2>&1
    "$bin" entities "$tmp/in" >"$tmp/$1.entities" 2>&1
    "$bin" mentions Rice "$tmp/in" >"$tmp/$1.mentions" 2>&1
    "$bin" mentions Chelsea "$tmp/in" >>"$tmp/$1.mentions" 2>&1
    "$bin" list "$tmp/in" >"$tmp/$1.list" 2>&1
}
stored() {
    "$bin" --bench-keys "$tmp/wait.txt" "$tmp/in" 2>&1 | sed -n 's/^index-stored \([a-z]*\).*/\1/p'
}

"$bin" --no-cache extract "$tmp/in" >"$tmp/nocache.extract" 2>&1
outputs cold
check "the cold start wrote the cache and the stored index" \
    "ls '$tmp'/cache/touchline/*.cache.index >/dev/null 2>&1"
check "the cold extract is the one without a cache" "cmp -s '$tmp/nocache.extract' '$tmp/cold.extract'"
check "the extract has every article" "[ \$(wc -l <'$tmp/cold.extract') -ge 30 ]"
check "a warm reader takes the stored index" "[ \"\$(stored)\" = yes ]"
outputs warm
for k in extract entities mentions list; do
    check "warm $k is cold $k, byte for byte" "cmp -s '$tmp/cold.$k' '$tmp/warm.$k'"
done
check "the mentions are there" "grep -q 'Rice' '$tmp/warm.mentions'"

# One file changed.
f="$tmp/in/arsenal-declan-rice-record.md"
printf '\nChelsea have also asked about Declan Rice, the Arsenal midfielder.\n' >>"$f"
touch -d '2024-02-01 12:00' "$f"
check "with a file changed, the reader builds the index" "[ \"\$(stored)\" = no ]"
check "and the next start takes the index stored again" "[ \"\$(stored)\" = yes ]"
outputs changed
"$bin" --no-cache extract "$tmp/in" >"$tmp/nocache2.extract" 2>&1
check "the extract after the change is the one without a cache" \
    "cmp -s '$tmp/nocache2.extract' '$tmp/changed.extract'"
diff "$tmp/cold.extract" "$tmp/changed.extract" | grep '^[<>]' >"$tmp/diff"
check "only the changed file's line of extract differs" \
    "[ \$(wc -l <'$tmp/diff') -eq 2 ] && [ \$(grep -c 'arsenal-declan-rice-record' '$tmp/diff') -eq 2 ]"
check "list is unchanged (same title and date)" "cmp -s '$tmp/cold.list' '$tmp/changed.list'"
check "the new mentions show" "[ \$(grep -c arsenal-declan-rice-record '$tmp/changed.mentions') -gt \$(grep -c arsenal-declan-rice-record '$tmp/cold.mentions') ]"
cli_summary

#!/usr/bin/env bash
# test_racy_files: an article that vanishes or shrinks between the folder scan
# and its read, made to happen at that exact moment by an LD_PRELOAD shim
# (tests/tools/shim_racy_fs.c) that deletes or truncates the file just before
# the loader opens it. Deleted: `list`, `extract` and `entities` exit 0 with
# the other four articles and "PATH: vanished while loading" among the
# problems, and so does the reader, with "1 file could not be read" on its
# status line. Truncated to nothing or in the middle of a UTF-8 sequence: the
# article loads or is a warning, the others are untouched, the JSON is valid
# and the output clean UTF-8. Problems are checked by content, never by order
# (the loader may read on several threads).
# usage: test_racy_files.sh BINARY SOURCE_DIR SHIM
set -u
BIN=${1:?usage: test_racy_files.sh BINARY SOURCE_DIR SHIM}
SRC=${2:?usage: test_racy_files.sh BINARY SOURCE_DIR SHIM}
SHIM=${3:?usage: test_racy_files.sh BINARY SOURCE_DIR SHIM}
case $BIN in /*) ;; *) BIN=$PWD/$BIN ;; esac
case $SHIM in /*) ;; *) SHIM=$PWD/$SHIM ;; esac
. "$SRC/tests/cli/lib.sh"
export TZ=UTC LC_ALL=C.UTF-8
export XDG_CONFIG_HOME=/nonexistent-touchline-config
# An ASan binary refuses a preload that comes before its runtime; the shim
# only wraps the open family, so the order does not matter here.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"

[ -f "$SHIM" ] || {
    bad "the shim is built ($SHIM)"
    cli_summary
    exit
}

# run SHIM-VARIABLES... -- ARGS...: the binary with the shim preloaded (only
# into it, not into timeout or env) and the shim's variables set.
run() {
    local vars=()
    while [ "$1" != -- ]; do vars+=("$1"); shift; done
    shift
    timeout 60 env LD_PRELOAD="$SHIM" "${vars[@]}" "$BIN" "$@" </dev/null >"$tmp/out" 2>"$tmp/err"
    rc=$?
}
status_is() { [ "$rc" -eq "$1" ]; }
err_has() { grep -qF -- "$1" "$tmp/err"; }
out_has() { grep -qF -- "$1" "$tmp/out"; }
out_lines() { [ "$(wc -l <"$tmp/out")" -eq "$1" ]; }
# Valid UTF-8 with no control but tab and newline.
clean_utf8() {
    python3 - "$@" <<'PY'
import re, sys
for path in sys.argv[1:]:
    text = open(path, "rb").read().decode("utf-8")  # raises on invalid UTF-8
    if re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", text):
        sys.exit(1)
PY
}
valid_json_lines() { python3 -m json.tool --json-lines "$tmp/out" >/dev/null; }
# The extract lines of every article but the third, sorted.
others_json() { grep -vF '/article-3.md"' "$1" | sort; }

# Five articles, dated in order; the third has a two-byte ü and a three-byte
# dash to cut through.
pristine=$tmp/pristine
mkdir -p "$pristine"
for i in 1 2 3 4 5; do
    printf -- '---\ntitle: Story %s from the Allianz Arena\ndate: 2024-03-0%s\nsource: touchline staff\n---\n' \
        "$i" "$i" >"$pristine/article-$i.md"
    printf 'Thomas Müller scored for Bayern Munich against Borussia Dortmund — a 2-1 win in front of 75,000.\n' \
        >>"$pristine/article-$i.md"
done
d=$tmp/corpus
fresh() { rm -rf "$d" && cp -r "$pristine" "$d"; }
fresh
"$BIN" extract "$d" >"$tmp/baseline" 2>/dev/null
check "baseline: five articles extracted without the shim" '[ "$(wc -l <"$tmp/baseline")" -eq 5 ]'
others_json "$tmp/baseline" >"$tmp/baseline-others"
others_listed() {
    out_has "Story 1 from" && out_has "Story 2 from" && out_has "Story 4 from" && out_has "Story 5 from"
}

# --- deleted between the scan and the read -------------------------------------
gone="$d/article-3.md: vanished while loading"
fresh
run SHIM_DELETE=article-3.md -- list "$d"
check "deleted at open: the shim removed it (the scan had seen it)" '[ ! -e "$d/article-3.md" ]'
check "deleted at open: list exits 1 (one could not be read) with the other four" \
    'status_is 1 && out_lines 4 && others_listed && ! out_has "Story 3"'
check "deleted at open: list says it vanished while loading" 'err_has "$gone"'
fresh
run SHIM_DELETE=article-3.md -- extract "$d"
others_json "$tmp/out" >"$tmp/others"
check "deleted at open: extract exits 1, the other four as without the shim" \
    'status_is 1 && out_lines 4 && valid_json_lines && cmp -s "$tmp/others" "$tmp/baseline-others"'
check "deleted at open: extract says it vanished while loading" 'err_has "$gone"'
fresh
run SHIM_DELETE=article-3.md -- entities "$d"
check "deleted at open: entities exits 1 and counts four articles" \
    'status_is 1 && grep -q "^Thomas Müller	person	4	" "$tmp/out" && err_has "$gone"'

# --- truncated just before the read ---------------------------------------------
# Cut points: nothing, one byte into the ü, two bytes into the dash.
sizes=$(python3 -c '
import sys
b = open(sys.argv[1], "rb").read()
print(0, b.index("ü".encode()) + 1, b.index("—".encode()) + 2)' "$pristine/article-3.md")
for size in $sizes; do
    fresh
    run SHIM_TRUNCATE=article-3.md SHIM_TRUNCATE_SIZE="$size" -- list "$d"
    check "truncated to $size bytes at open: the shim cut it" \
        '[ "$(wc -c <"$d/article-3.md")" -eq "$size" ]'
    check "truncated to $size bytes: list exits 0, the others listed, output clean" \
        'status_is 0 && others_listed && clean_utf8 "$tmp/out" "$tmp/err"'
    if [ "$size" -eq 0 ]; then
        check "truncated to nothing: a warning that names it" \
            'err_has "warning: $d/article-3.md: empty file"'
    else
        check "truncated to $size bytes: it loads with its title" 'out_has "Story 3 from"'
    fi
    fresh
    run SHIM_TRUNCATE=article-3.md SHIM_TRUNCATE_SIZE="$size" -- extract "$d"
    others_json "$tmp/out" >"$tmp/others"
    check "truncated to $size bytes: extract exits 0 with valid JSON and clean UTF-8" \
        'status_is 0 && valid_json_lines && clean_utf8 "$tmp/out" "$tmp/err"'
    check "truncated to $size bytes: the other four extract as without the shim" \
        'cmp -s "$tmp/others" "$tmp/baseline-others"'
done

# --- the reader, in tmux ----------------------------------------------------------
# The UI library keeps its own bookkeeping and cleanup: run it in a subshell and
# count its result as one check. The shim's variables go on the reader's command
# line (tl_start passes ASAN_OPTIONS through from the environment).
fresh
if command -v tmux >/dev/null; then
    (
        . "$SRC/tests/ui/lib.sh"
        tl_start 120 30 LD_PRELOAD="$SHIM" SHIM_DELETE=article-3.md -- "$d"
        check "reader: the list holds the other four" tl_wait "Articles 4"
        check "reader: the status line says 1 file could not be read" \
            tl_wait_status "1 file could not be read"
        tl_snap
        check "reader: the other four are listed, not the vanished one" \
            eval 'has "Story 1 from" && has "Story 5 from" && lacks "Story 3 from"'
        tl_keys q
        check "reader: q exits cleanly" tl_wait "TOUCHLINE-EXIT=0"
        tl_summary
    )
    ui_rc=$?
    check "reader: every check on the vanished article passed" '[ "$ui_rc" -eq 0 ]'
else
    echo "skip - reader: tmux is not installed"
fi

cli_summary

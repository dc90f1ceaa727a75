#!/usr/bin/env bash
# test_list_show: the `list` and `show` commands and the global options, run
# on the real binary: output, exit statuses (0 ok, 1 nothing loaded, 2 usage),
# problems on stderr only, and clean output from hostile files.
# usage: test_list_show.sh BINARY SOURCE_DIR
set -u
BIN=${1:?usage: test_list_show.sh BINARY SOURCE_DIR}
SRC=${2:?usage: test_list_show.sh BINARY SOURCE_DIR}
case $BIN in /*) ;; *) BIN=$PWD/$BIN ;; esac # some checks change folder
export TZ=UTC LC_ALL=C.UTF-8
TAB=$'\t'

passed=0 failed=0 skipped=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/touchline-cli.XXXXXX") || exit 1
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT

ok() { passed=$((passed + 1)); echo "ok - $1"; }
skip() { skipped=$((skipped + 1)); echo "skip - $1"; }
not_ok() {
    failed=$((failed + 1))
    echo "FAIL - $1"
    echo "  status: ${rc-}"
    echo "  stdout: $(head -c 300 "$tmp/out" 2>/dev/null)"
    echo "  stderr: $(head -c 300 "$tmp/err" 2>/dev/null)"
}
# check DESCRIPTION SHELL-CONDITION: passes when the condition holds.
check() { if eval "$2"; then ok "$1"; else not_ok "$1"; fi; }

# run ARGS...: runs the binary, keeping stdout, stderr and the status.
run() { "$BIN" "$@" </dev/null >"$tmp/out" 2>"$tmp/err"; rc=$?; }
lines() { local n; n=$(wc -l <"$1"); echo $((n)); }
status_is() { [ "$rc" -eq "$1" ]; }
out_lines() { [ "$(lines "$tmp/out")" -eq "$1" ]; }
out_empty() { [ ! -s "$tmp/out" ]; }
err_empty() { [ ! -s "$tmp/err" ]; }
out_has() { grep -qE -- "$1" "$tmp/out"; }
# One line on stderr, "touchline: ...", holding the text $1 when given.
one_line_error() {
    [ "$(lines "$tmp/err")" -eq 1 ] && grep -q '^touchline: ' "$tmp/err" &&
        { [ $# -eq 0 ] || grep -qF -- "$1" "$tmp/err"; }
}
# Every line has the four tab-separated fields of `list`.
four_fields() { awk -F'\t' 'NF != 4 { bad = 1 } END { exit bad }' "$tmp/out"; }
# No ESC, no C0 but tab and newline, no NUL, no DEL and no C1 (as UTF-8).
clean_bytes() {
    ! LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]' "$1" &&
        ! LC_ALL=C grep -qP '\x00|\xc2[\x80-\x9f]' "$1"
}

# --- global options and commands --------------------------------------------
run --help
check "--help exits 0 with usage on stdout" 'status_is 0 && out_has "^usage: touchline" && err_empty'
check "--help lists list and show" 'out_has "^  list " && out_has "^  show "'
run -h
check "-h exits 0" 'status_is 0 && out_has "^usage: touchline"'
run --version
check "--version exits 0 and prints the version" \
    'status_is 0 && out_has "^touchline [0-9]+\.[0-9]+\.[0-9]+$" && err_empty'
run -V
check "-V exits 0" 'status_is 0 && out_has "^touchline "'

# Without a command, words are paths for the reader: a bad option or an
# unknown word gets one line on stderr (here: no terminal) and status 2.
run --bogus
check "unknown option exits 2 with a one-line message" 'status_is 2 && out_empty && one_line_error'
run frob
check "unknown command exits 2 with a one-line message" 'status_is 2 && out_empty && one_line_error'
run
check "no command exits 2 with a one-line message" 'status_is 2 && out_empty && one_line_error'

run list --help
check "list --help exits 0" 'status_is 0 && out_has "^usage: touchline list"'
run show --help
check "show --help exits 0" 'status_is 0 && out_has "^usage: touchline show"'
run list --bogus "$tmp"
check "list --bogus exits 2 with a one-line message" \
    'status_is 2 && out_empty && one_line_error "--bogus"'
run show -z "$tmp"
check "show -z exits 2 with a one-line message" 'status_is 2 && out_empty && one_line_error "-z"'

# --- list -------------------------------------------------------------------
c=$tmp/corpus
mkdir -p "$c/sub" "$c/.hidden"
printf -- '---\ntitle: C\ndate: 2023-01-01T09:00:00Z\nsource: BBC Sport\n---\nBody c.\n' >"$c/c.md"
printf -- '---\ntitle: A\ndate: 2022-12-05\nsource: The Athletic\n---\nBody a.\n' >"$c/a.md"
printf 'Download the BBC Sport app\n\nB headline\n\nBody b.\n' >"$c/b.txt"
touch -d '2022-12-05 12:00:00' "$c/b.txt"
printf -- '---\ntitle: D\ndate: 2019-06-30\n---\nBody d.\n' >"$c/sub/d.md"
printf 'Not an article\n' >"$c/notes.pdf"
printf 'Hidden\n' >"$c/.hidden/h.txt"
printf '%s\t%s\t%s\t%s\n' \
    2023-01-01 C "BBC Sport" "$c/c.md" \
    2022-12-05 A "The Athletic" "$c/a.md" \
    2022-12-05 "B headline" "" "$c/b.txt" \
    2019-06-30 D "" "$c/sub/d.md" >"$tmp/expected"
run list "$c"
check "list prints date, title, source and path, newest first" \
    'status_is 0 && cmp -s "$tmp/out" "$tmp/expected" && err_empty'
check "list prints 4 tab-separated fields a line" four_fields

(cd "$c" && "$BIN" list </dev/null >"$tmp/out" 2>"$tmp/err")
rc=$?
check "list without a path lists the current folder" \
    'status_is 0 && out_lines 4 && out_has "${TAB}B headline${TAB}"'

run list "$c/sub/d.md" "$c/a.md"
check "list of two files" 'status_is 0 && out_lines 2 && head -1 "$tmp/out" | grep -q "${TAB}A${TAB}"'

run list "$tmp/no-such-folder"
check "list of a missing path exits 2 with a one-line message" \
    'status_is 2 && out_empty && one_line_error "$tmp/no-such-folder"'
run list "$c" "$tmp/no-such-file.txt"
check "list with one missing path among others exits 2" 'status_is 2 && out_empty'

mkdir "$tmp/empty"
run list "$tmp/empty"
check "list of an empty folder exits 1" 'status_is 1 && out_empty && err_empty'

p=$tmp/problems
mkdir "$p"
printf 'Good headline\n\nBody.\n' >"$p/good.txt"
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR' >"$p/image.txt"
printf -- '---\ntitle: ok\nsource: x\n  bad: indent\n---\nBody\n' >"$p/bad-yaml.md"
ln -s nowhere.txt "$p/dangling.txt"
run list "$p"
check "list with problems exits 1 (some could not be read) and lists the good article" 'status_is 1 && out_lines 1'
check "problems go to stderr, one line each" \
    '[ "$(lines "$tmp/err")" -eq 3 ] && grep -q "image.txt: binary" "$tmp/err" &&
     grep -q "bad-yaml.md:4:[0-9]*: " "$tmp/err" && grep -q "dangling.txt: dangling" "$tmp/err"'
check "problems never go to stdout" '! out_has "image|bad-yaml|dangling"'
rm "$p/good.txt"
run list "$p"
check "list with only problems exits 1" 'status_is 1 && out_empty && [ "$(lines "$tmp/err")" -eq 3 ]'

h=$tmp/hostile
mkdir "$h"
{
    printf '\xef\xbb\xbf\x1b]0;owned\x07Spurs \x1b[31mwin\x1b[0m\xe2\x80\xae\r\n\r\n'
    printf 'Body \x1b]52;c;cm0gLXJmIH4=\x07with \xc2\x9b2J C1, \x1bP1$r\x1b\\DCS, '
    printf '\xff bad, \x01\x7f ctl.\r\n'
} >"$h/evil.txt"
# YAML escapes that decode to a tab, a newline and an ESC.
printf -- '---\ntitle: "Tab\\there\\nnewline"\nsource: "S\\x1b[2J"\n---\nBody\n' >"$h/fields.md"
run list "$h"
check "list of hostile files exits 0" 'status_is 0 && out_lines 2'
check "list output has no escapes or control bytes" 'clean_bytes "$tmp/out"'
check "list keeps one line and 4 fields per article" four_fields
check "list shows the cleaned title" 'out_has "${TAB}Spurs win${TAB}"'

# --- show -------------------------------------------------------------------
f=$tmp/show.md
printf -- '---\ntitle: Inter open talks\ndate: 2022-12-05\nsource: Gazzetta\n' >"$f"
printf -- 'url: https://example.com/x\nauthor: Jane Doe\ntags: [Inter, Serie A]\n' >>"$f"
printf -- 'season: 2022-23\n---\n\nFirst paragraph.\n\nSecond paragraph.\n' >>"$f"
cat >"$tmp/expected" <<EOF
path: $f
format: front-matter
title: Inter open talks
date: 2022-12-05
source: Gazzetta
url: https://example.com/x
author: Jane Doe
tags: Inter, Serie A
season: 2022-23
body-line: 11

First paragraph.

Second paragraph.
EOF
run show "$f"
check "show prints the metadata, a blank line, then the body" \
    'status_is 0 && cmp -s "$tmp/out" "$tmp/expected" && err_empty'

run show "$c/b.txt"
check "show of a plain file" \
    'status_is 0 && out_has "^format: plain$" && out_has "^title: B headline$" &&
     out_has "^date: 2022-12-05 \(file time\)$" && out_has "^body-line: 5$" &&
     [ "$(tail -1 "$tmp/out")" = "Body b." ]'
check "show does not print the furniture" '! out_has "Download"'

run show "$h/evil.txt"
check "show of a hostile file exits 0" 'status_is 0 && out_has "^title: Spurs win$"'
check "show output has no escapes or control bytes" 'clean_bytes "$tmp/out"'
run show "$h/fields.md"
check "show of YAML-escaped controls exits 0" 'status_is 0 && out_has "^title: Tab here newline$"'
check "show output of YAML-escaped controls is clean" 'clean_bytes "$tmp/out"'

printf -- '---\ntitle: Dated\ndate: next week\n---\nBody\n' >"$tmp/dated.md"
run show "$tmp/dated.md"
check "show with an unreadable date warns on stderr and exits 0" \
    'status_is 0 && one_line_error "warning: $tmp/dated.md:3:7: " && out_has "\(file time\)"'

run show
check "show without a file exits 2 with a one-line message" \
    'status_is 2 && out_empty && one_line_error'
run show "$f" "$c/a.md"
check "show with two files exits 2 with a one-line message" \
    'status_is 2 && out_empty && one_line_error'
run show "$tmp/missing.txt"
check "show of a missing file exits 2 with a one-line message" \
    'status_is 2 && out_empty && one_line_error "$tmp/missing.txt"'
run show "$p/image.txt"
check "show of a binary file exits 1, the problem on stderr" \
    'status_is 1 && out_empty && one_line_error "binary"'
printf 'Named\n\nAny extension.\n' >"$tmp/page.html"
run show "$tmp/page.html"
check "show loads a named file whatever its extension" 'status_is 0 && out_has "^title: Named$"'

# --- real corpora -----------------------------------------------------------
bbc=$SRC/../shared/corpus/bbc-football
if [ -d "$bbc" ]; then
    run list "$bbc"
    check "list of the BBC corpus exits 0 with nothing on stderr" 'status_is 0 && err_empty'
    check "list of the BBC corpus prints 265 lines" 'out_lines 265'
    bad=0
    while IFS=$'\x1f' read -r title path; do
        first=
        IFS= read -r first <"$path"
        first=${first//&#163;/£} # character references are decoded on load
        if [ "$title" != "$first" ]; then
            bad=$((bad + 1))
            [ "$bad" -le 3 ] && echo "  $path: title '$title', first line '$first'"
        fi
    done < <(awk -F'\t' '{ print $2 "\x1f" $4 }' "$tmp/out")
    check "every BBC title is the file's first line (references decoded)" '[ "$bad" -eq 0 ]'
    check "no BBC title shows a character reference" '! cut -f2 "$tmp/out" | grep -q "&#"'
else
    skip "BBC corpus checks ($bbc is absent)"
fi

if compgen -G "$SRC/samples/*.txt" >/dev/null || compgen -G "$SRC/samples/*.md" >/dev/null; then
    run list "$SRC/samples"
    check "list samples prints at least one article" \
        'status_is 0 && [ "$(lines "$tmp/out")" -ge 1 ] && four_fields'
else
    skip "list samples (no samples yet)"
fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]

#!/usr/bin/env bash
# test_external: opening the source from the reader (touchline(1), "Opening
# the source"). (a) `o` runs $BROWSER (split at blanks) with the URL as one
# argument, byte for byte, with no shell: quotes, `;`, `$(...)` and
# backquotes in it run nothing; the screen comes back whole; a browser that
# fails or cannot be started, and an article without a URL, are told on the
# status line. (b) `e` runs $EDITOR as `EDITOR +LINE PATH`: line 1 from the
# list, the file line of the reading pane's top line after scrolling, an
# sfeed entry at its line; a changed file is shown anew in the reading pane.
# (c) `y` with `clipboard: osc52` sends OSC 52 (tmux takes it into its
# buffer with set-clipboard on; with $TMUX set, also wrapped for tmux's
# passthrough), and without it shows the URL, else the path, sanitized.
# (d) `|` pipes the title, a blank line and the body to a command run by
# /bin/sh, waits for Enter; C-c ends the command, not the reader; an empty
# command cancels.
BIN=$1
SRC=$2
. "$SRC/tests/ui/lib.sh"

ART="$TL_TMP/articles"
mkdir -p "$ART"
MARK="$TL_TMP/pwned"
# The URL has a quote, a semicolon, a command substitution, backquotes, an
# ampersand, a hash, a pipe and a percent: any shell would act on them.
URL="https://example.com/news?a='x';b=\$(touch $MARK)&c=\`touch $MARK\`|d#e%20f"
esc_url=$(printf '%s' "$URL" | sed 's/\\/\\\\/g; s/"/\\"/g')
cat >"$ART/with-url.md" <<EOF2
---
title: Bastoni talks go on at Inter Milan
date: 2024-03-05
source: Test Desk
url: "$esc_url"
---
Inter Milan have opened contract talks with defender Alessandro Bastoni.

Line nine of the file is this one.

Line eleven: Bastoni joined Inter Milan from Atalanta for £31m in 2017.

Line thirteen.

Line fifteen.

Line seventeen.

Line nineteen.

Line twenty-one.

Line twenty-three.

Line twenty-five.
EOF2
cat >"$ART/no-url.md" <<'EOF2'
---
title: Vlahovic signs a new contract
date: 2024-03-01
---
Dusan Vlahovic has signed a new contract with Juventus until 2028.
EOF2
# sfeed(5): timestamp, title, link, content, content-type, id, author,
# enclosure, category.
printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
    1709200000 "Feed item from a TSV file" "https://feeds.example.org/item-1" \
    "Arsenal agree a deal for Martin Odegaard." plain "id-1" "" "" "" >"$ART/feed.tsv"
printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
    1709100000 "Second TSV item" "https://feeds.example.org/item-2" \
    "Spurs win." plain "id-2" "" "" "" >>"$ART/feed.tsv"

# The fake programs record their arguments, one a line.
cat >"$TL_TMP/browser" <<EOF2
#!/bin/sh
for a in "\$@"; do printf '%s\n' "\$a"; done >"$TL_TMP/browser.argv"
exit 0
EOF2
cat >"$TL_TMP/failing" <<'EOF2'
#!/bin/sh
exit 3
EOF2
cat >"$TL_TMP/editor" <<EOF2
#!/bin/sh
printf '%s\n' "\$*" >"$TL_TMP/editor.args"
EOF2
# An editor that changes the file: the first body line gets new words.
cat >"$TL_TMP/changer" <<EOF2
#!/bin/sh
printf '%s\n' "\$*" >"$TL_TMP/editor.args"
sed -i 's/have opened contract talks/have FINISHED contract talks/' "\$2"
EOF2
chmod +x "$TL_TMP/browser" "$TL_TMP/failing" "$TL_TMP/editor" "$TL_TMP/changer"

# (a) o: the URL arrives whole, as the last argument after BROWSER's own.
tl_start 120 40 "BROWSER=$TL_TMP/browser --new-tab" -- "$ART/with-url.md" "$ART/no-url.md"
tl_wait "Bastoni talks go on"
tl_keys o
check "o: the status line says the URL was opened" tl_wait_status "opened https://example.com"
check "o: the browser got two arguments" [ "$(wc -l <"$TL_TMP/browser.argv" 2>/dev/null)" = 2 ]
check "o: BROWSER's own word comes first" [ "$(sed -n 1p "$TL_TMP/browser.argv")" = "--new-tab" ]
check "o: the URL arrived byte for byte" [ "$(sed -n 2p "$TL_TMP/browser.argv")" = "$URL" ]
check "o: nothing in the URL was run (no marker file)" [ ! -e "$MARK" ]
tl_snap
check "o: the screen is restored (list, reader, status)" \
    eval 'has "Bastoni talks go on" && has "Line nine of the file" && has "Article 1 of 2"'
# the article without a URL
tl_keys j
tl_wait "Dusan Vlahovic has signed"
rm -f "$TL_TMP/browser.argv"
tl_keys o
check "o without a URL: a clear message" tl_wait_status "has no URL"
check "o without a URL: no browser was started" [ ! -e "$TL_TMP/browser.argv" ]

# a browser that fails, and one that cannot be started
tl_start 120 40 "BROWSER=$TL_TMP/failing" -- "$ART/with-url.md"
tl_keys o
check "o: a browser's non-zero exit is told" tl_wait_status "exited with status 3"
tl_start 120 40 "BROWSER=$TL_TMP/no-such-browser" -- "$ART/with-url.md"
tl_keys o
check "o: a browser that cannot be started is told" \
    tl_wait_status "cannot start '.*no-such-browser': No such file"
check "o: the reader still runs after" tl_wait "Bastoni talks go on"
# no BROWSER: xdg-open, found on PATH
mkdir -p "$TL_TMP/bin"
cp "$TL_TMP/browser" "$TL_TMP/bin/xdg-open"
rm -f "$TL_TMP/browser.argv"
tl_start 120 40 "PATH=$TL_TMP/bin:$PATH" -- "$ART/with-url.md"
tl_keys o
tl_wait_status "opened"
check "o without BROWSER runs xdg-open with the URL alone" \
    [ "$(cat "$TL_TMP/browser.argv" 2>/dev/null)" = "$URL" ]

# (b) e: from the list, line 1; from the reader scrolled down, the top line's.
# edit: presses e and waits for this run's editor (not the status an earlier
# run left) before the arguments are read.
edit() {
    rm -f "$TL_TMP/editor.args"
    tl_keys e
    tl_until test -s "$TL_TMP/editor.args" && tl_wait_status "unchanged"
}
tl_start 120 14 "EDITOR=$TL_TMP/editor" "VISUAL=$TL_TMP/failing" -- "$ART/with-url.md"
check "e from the list: unchanged file" edit
check "e from the list: EDITOR +1 PATH" [ "$(cat "$TL_TMP/editor.args")" = "+1 $ART/with-url.md" ]
tl_keys Enter
tl_wait "Line nine"
tl_keys j j j j j j j j j j
edit
# the reading pane's first row of text (second screen row, between the
# rules), read once the editor has come back: e was handled after every j
top=$(tl_capture | sed -n 2p | awk -F'│' '{ print $2 }' | sed 's/^ *//; s/ *$//')
line=$(sed 's/^+\([0-9]*\) .*/\1/' "$TL_TMP/editor.args")
check "e in the reader: the top line ('$top') is file line $line" \
    eval '[ -n "$top" ] && [ "${line:-0}" -gt 6 ] && sed -n "${line}p" "$ART/with-url.md" | grep -qF -- "$top"'
# the entity cursor's line wins over the top line
tl_keys g ']'
edit
check "e on the entity cursor (title): line 1" [ "$(cut -d' ' -f1 "$TL_TMP/editor.args")" = "+1" ]
# the third name: the first in the body (the title has Bastoni, Inter Milan)
tl_keys ']' ']'
edit
check "e on the entity cursor in the body: its line, 7" \
    [ "$(cut -d' ' -f1 "$TL_TMP/editor.args")" = "+7" ]
# EDITOR unset: VISUAL
tl_start 120 40 "VISUAL=$TL_TMP/editor" -- "$ART/with-url.md"
edit
check "e without EDITOR runs VISUAL" [ -s "$TL_TMP/editor.args" ]
# an sfeed entry: FILE at its line
tl_start 120 40 "EDITOR=$TL_TMP/editor" -- "$ART/feed.tsv"
tl_wait "Second TSV item"
tl_keys j
tl_wait_status "."
edit
check "e on an sfeed entry opens FILE at its line" \
    [ "$(cat "$TL_TMP/editor.args")" = "+2 $ART/feed.tsv" ]
# a changed file is shown anew
cp "$ART/with-url.md" "$TL_TMP/with-url.bak"
tl_start 120 40 "EDITOR=$TL_TMP/changer" -- "$ART/with-url.md"
tl_keys e
check "e: a changed file is reported" tl_wait_status "changed"
check "e: the reading pane shows the new text" tl_wait "have FINISHED contract"
cp "$TL_TMP/with-url.bak" "$ART/with-url.md"
touch -d '2024-03-05 12:00' "$ART/with-url.md"

# (c) y: without osc52 the status line shows the URL, sanitized
tl_start 200 40 -- "$ART/with-url.md" "$ART/no-url.md"
tl_keys y
check "y without osc52 shows the URL" tl_wait_status "URL: https://example.com/news\?a='x';b="
tl_keys j
tl_wait "Dusan Vlahovic has signed"
tl_keys y
check "y on an article without a URL shows its path" tl_wait_status "path: $ART/no-url.md"
# a path with an escape sequence in its name is shown without it
evil="$ART/evil$(printf '\033')]0;pwned$(printf '\a')name.md"
printf -- '---\ntitle: Evil path article\ndate: 2024-03-06\n---\nSome text about Inter Milan.\n' >"$evil"
tl_start 200 40 -- "$evil"
tl_keys y
check "y: a path with ESC ] ... BEL is shown sanitized" tl_wait_status "path: .*evil.*name.md"
tl_capture -e | grep -q $'\033]0;pwned' && fail "y: the escape sequence reached the pane" ||
    pass "y: the escape sequence did not reach the pane"
tmux -L "$TL_SOCKET" display-message -p -t main '#{pane_title}' | grep -q pwned &&
    fail "y: the pane title was not changed" || pass "y: the pane title was not changed"
rm -f "$evil"

# osc52 on: tmux (set-clipboard on) takes the sequence into its buffer
mkdir -p "$TL_TMP/config/touchline"
printf 'clipboard: osc52\n' >"$TL_TMP/config/touchline/config.yaml"
tl_start 200 40 -- "$ART/with-url.md" "$ART/no-url.md"
tmux -L "$TL_SOCKET" set-option -g set-clipboard on
tl_keys y
check "y with osc52: the status line says it was copied" tl_wait_status "copied the URL"
check "y with osc52: tmux's buffer holds the URL byte for byte" \
    tl_until eval '[ "$(tmux -L "$TL_SOCKET" show-buffer 2>/dev/null)" = "$URL" ]'
tl_keys j
tl_wait "Dusan Vlahovic has signed"
tl_keys y
check "y with osc52 and no URL copies the path" \
    tl_until eval '[ "$(tmux -L "$TL_SOCKET" show-buffer 2>/dev/null)" = "$ART/no-url.md" ]'
# with $TMUX set, the raw output also has the passthrough-wrapped copy
tl_start 200 40 "TMUX=/tmp/fake,1,0" -- "$ART/with-url.md"
tmux -L "$TL_SOCKET" set-option -g set-clipboard on
tmux -L "$TL_SOCKET" pipe-pane -t main -o "cat >>$TL_TMP/raw"
sleep 0.3
tl_keys y
tl_wait_status "copied the URL"
b64=$(printf '%s' "$URL" | base64 -w0)
check "y in tmux: the plain OSC 52 sequence was written" \
    tl_until grep -qF "$(printf '\033]52;c;%s\a' "$b64")" "$TL_TMP/raw"
check "y in tmux: and the copy wrapped for passthrough (ESC doubled)" \
    tl_until grep -qF "$(printf '\033Ptmux;\033\033]52;c;%s\a\033\\' "$b64")" "$TL_TMP/raw"
check "y in tmux: the buffer holds the URL" \
    tl_until eval '[ "$(tmux -L "$TL_SOCKET" show-buffer 2>/dev/null)" = "$URL" ]'
tmux -L "$TL_SOCKET" pipe-pane -t main
# a bad value is a config error: the reader does not start, exit 2
printf 'clipboard: osc25\n' >"$TL_TMP/config/touchline/config.yaml"
TL_TIMEOUT=2 tl_start 200 40 -- "$ART/with-url.md"
check "a bad clipboard value stops the reader with exit status 2" tl_wait "TOUCHLINE-EXIT=2"
check "with path:line:col and the nearest value" \
    tl_wait "config.yaml:1:12: unknown clipboard 'osc25'; did you mean 'osc52'?"
rm -f "$TL_TMP/config/touchline/config.yaml"

# (d) |: the text arrives on the command's standard input
tl_start 120 40 -- "$ART/with-url.md"
tl_keys '|'
check "| opens a prompt on the status line" tl_wait "(a command for /bin/sh"
tl_type "cat > $TL_TMP/piped; wc -l < $TL_TMP/piped"
tl_keys Enter
check "| waits for Enter after the command" tl_wait "Press Enter to return"
check "| the command's output is on the terminal" tl_wait "$(python3 -c '
import sys
t = open(sys.argv[1]).read().split("---\n", 2)[2]
print(3 + t.count("\n") - 1)' "$ART/with-url.md")"
tl_keys Enter
check "| the screen comes back after Enter" tl_wait "Line nine of the file"
check "| the status line says it was piped" tl_wait_status "piped the article"
expected=$(printf 'Bastoni talks go on at Inter Milan\n\n'; sed '1,/^---$/d' "$ART/with-url.md")
check "| the text is the title, a blank line and the body" \
    eval '[ "$(cat "$TL_TMP/piped")" = "$expected" ]'
# a failing command is told; an empty one cancels
tl_keys '|'
tl_wait "(a command for /bin/sh"
tl_type "exit 4"
tl_keys Enter
tl_wait "Press Enter to return"
tl_keys Enter
check "| a failing command's status is told" tl_wait_status "exited with status 4"
# C-c ends the command, not the reader
tl_keys '|'
tl_wait "(a command for /bin/sh"
tl_type "echo started; sleep 30"
tl_keys Enter
tl_wait "started"
tl_keys C-c
check "| C-c ends the command and the reader waits for Enter" tl_wait "Press Enter to return"
tl_keys Enter
check "| after C-c the reader is still there" tl_wait "Line nine of the file"
check "| and says how the command ended" tl_wait_status "exited with status 130|ended by signal 2"
tl_keys '|'
tl_wait "(a command for /bin/sh"
tl_keys Enter
check "| an empty command cancels" tl_wait_status "pipe cancelled"
check "| nothing waits for Enter after a cancel" tl_wait_gone "Press Enter to return"
tl_keys q
check "q quits" tl_wait "TOUCHLINE-EXIT=0"

tl_summary

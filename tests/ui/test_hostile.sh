#!/usr/bin/env bash
# test_hostile: the reader on a folder of hostile files (escape sequences that
# would set the window title or the clipboard, C1 and bidi controls, binary
# and NUL bytes, invalid UTF-8, a 10 MB line, 100,000 mentions, a YAML bomb,
# empty files, a dangling link): it starts, reports the unreadable ones, shows
# every article without letting a control sequence through (checked with
# capture-pane -e, the pane title and tmux's paste buffers), stays responsive
# and quits cleanly. Then a read-only corpus is browsed and left untouched.
BIN=$1
SRC=$2
. "$SRC/tests/ui/lib.sh"

H=$TL_TMP/hostile
mkdir -p "$H"
{
    printf 'Evil \033]0;PWNED-TITLE\007 title \033]52;c;UFdORUQtQ0xJUA==\007 end\n\n'
    printf 'Arsenal \033[2J\033[31mred\033[0m \033P1;1|17/ab\033\\ \033_apc\033\\ '
    printf '\xc2\x9b31m \xc2\x9d2;C1-TITLE\xc2\x9c \x9b31m \xe2\x80\xae desrever \xe2\x81\xa6 iso '
    printf '\033]2;PWNED-TWO\033\\ \033]52;p;UFdORUQtQ0xJUA==\033\\ \033[?1049l \033c bell \a.\n'
} >"$H/escapes.txt"
{
    printf -- '---\ntitle: "Front \\e]0;FM-TITLE\\a matter \\u202e"\n'
    printf 'source: "\\e]52;c;Zm9v\\a Times"\n---\n'
    printf 'Body \033]8;;http://evil\033\\link\033]8;;\033\\ text.\n'
} >"$H/front.md"
head -c 4096 /dev/urandom >"$H/random.txt"
printf 'Spurs\0win\n\nbody\n' >"$H/nul.txt"
printf 'Overlong \xc0\xaf title\n\nTottenham \xe0\x80\xaf beat Arsenal \xed\xa0\x80 at home today.\n' \
    >"$H/utf8.txt"
: >"$H/empty.txt"
ln -s nowhere.txt "$H/dangling.txt"
python3 - "$H" <<'PY'
import sys
d = sys.argv[1]
line = ("Harry Kane said the ball went wide and the crowd sang " * 200000)[: 10 * 1024 * 1024]
open(d + "/line.txt", "w").write("A very long line\n\n" + line + "\n")
open(d + "/mentions.txt", "w").write("Arsenal everywhere\n\n" + "Arsenal " * 100000 + "\n")
laughs = 'l0: &l0 "lol"\n' + "".join(
    f"l{i}: &l{i} [" + ", ".join([f"*l{i-1}"] * 9) + "]\n" for i in range(1, 10))
open(d + "/laughs.md", "w").write("---\ntitle: Laughs\n" + laughs + "---\nbody\n")
open(d + "/deep.md", "w").write("---\ntitle: Deep\nx: " + "[" * 50000 + "\n---\nbody\n")
PY
nlisted=$("$BIN" list "$H" 2>/dev/null | wc -l)

TL_TIMEOUT=30
tl_start 160 45 -- "$H"
tmux -L "$TL_SOCKET" set-option -g set-clipboard on >/dev/null
# ncurses saves the title on start and restores it on exit (xterm's title
# stack, CSI 22/23 t): the title from before the sentinel is the only other
# one allowed after quitting.
first_title=$(tmux -L "$TL_SOCKET" display-message -p -t main '#{pane_title}')
tmux -L "$TL_SOCKET" select-pane -t main -T sentinel-title
check "starts on the hostile folder with every loadable article" tl_wait "Articles $nlisted"
check "the status line says some files could not be read" tl_wait_status "could not be read"

# Nothing may get through: no OSC payload, no title change, no clipboard write.
clean_screen() {
    local screen
    screen=$(tl_capture -e)
    ! grep -qE 'PWNED|FM-TITLE|C1-TITLE|UFdOR|Zm9v' <<<"$screen" &&
        ! LC_ALL=C grep -qP '\x1b\]|\x1bP|\x1b_|\x1b\^|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]' \
            <<<"$screen" &&
        [ "$(tmux -L "$TL_SOCKET" display-message -p -t main '#{pane_title}')" = sentinel-title ] &&
        [ -z "$(tmux -L "$TL_SOCKET" list-buffers 2>/dev/null)" ] &&
        [ "$(tmux -L "$TL_SOCKET" display-message -p -t main '#{alternate_on}')" = 1 ]
}
check "first screen: nothing got through" clean_screen
for i in $(seq 2 "$nlisted"); do
    tl_keys j
    check "article $i of $nlisted: shown" tl_wait " $i/$nlisted "
    check "article $i of $nlisted: nothing got through" clean_screen
done
tl_keys g
check "back to the top: still responsive" tl_wait " 1/$nlisted "
# The article with 100,000 mentions: open it, jump through mentions.
tl_keys /
tl_type "everywhere"
tl_keys Enter
sleep 0.5
tl_keys Tab n n N
sleep 0.5
check "after search and mention jumps: nothing got through" clean_screen
tl_keys q q q
check "q quits with status 0" tl_wait "TOUCHLINE-EXIT=0"
title_after() {
    local t
    t=$(tmux -L "$TL_SOCKET" display-message -p -t main '#{pane_title}')
    [ "$t" = sentinel-title ] || [ "$t" = "$first_title" ]
}
check "after quitting, the pane title is the sentinel or the one from before" title_after

# Nothing touched: a read-only copy of the samples, browsed, searched and
# quit, keeps every byte, mtime and mode.
RO=$TL_TMP/ro
cp -a "$SRC/samples" "$RO"
chmod -R a-w "$RO"
snapshot() { (cd "$RO" && find . -type f -exec sha256sum {} + | sort && find . -printf '%p %T@ %m\n' | sort); }
snapshot >"$TL_TMP/before"
tl_start 160 45 -- "$RO"
check "read-only samples: the reader starts" tl_wait "Articles "
tl_keys j j Enter ] n n m
sleep 0.5
tl_keys Escape q q q
check "read-only samples: q quits with status 0" tl_wait "TOUCHLINE-EXIT=0"
snapshot >"$TL_TMP/after"
check "read-only samples: no byte, mtime or mode changed" cmp -s "$TL_TMP/before" "$TL_TMP/after"
chmod -R u+w "$RO"
tl_summary

#!/usr/bin/env bash
# test_editing: the pickers and the `/` prompt go through the key table and
# edit with the one line editor (touchline(1), "Pickers and the search
# prompt"): (a) a movement key rebound in the config's `keys:` moves a
# picker's selection (in the query a non-printable one, in the list after
# Tab a letter), while the old default no longer does and letters are typed
# into the query; (b) Left, Right, Del, C-a, C-e, C-w, C-u and Backspace edit
# inside the search prompt (Home and End are left to the unit test: tmux
# sends them in another terminal's notation than TERM's), over multi-byte characters too; (c) a bad regex
# keeps the prompt open with PCRE2's message, the cursor at its offset, and
# the line can be fixed and run; (d) Up, Down and C-p walk the history.
BIN=$1
SRC=$2
. "$SRC/tests/ui/lib.sh"
FIX=$(tl_fixtures)

cursor_x() { tmux -L "$TL_SOCKET" display-message -p -t main '#{cursor_x}'; }
# Whether the cursor is at column X: read again on each poll of tl_until
# (a "$(cursor_x)" in tl_until's arguments is read once, before the key
# sent just before it may have been handled).
cursor_at() { [ "$(cursor_x)" = "$1" ]; }
# The club name on screen row N of the picker (1-based rows of the screen).
picker_row() { tl_capture | sed -n "${1}p" | sed -E 's/^ +//; s/ {2,}.*$//'; }

# (a) move-down on <C-o> and e, move-up on <C-y>: j, Down and C-n are free.
mkdir -p "$TL_TMP/config/touchline"
cat >"$TL_TMP/config/touchline/config.yaml" <<'YAML'
keys:
  move-down: [<C-o>, e]
  move-up: <C-y>
YAML
tl_start 160 45 -- "$FIX"
tl_keys c
check "c opens the club picker" tl_wait "Filter by club"
check "the picker opens on (any club)" tl_wait "(any club)"
first=$(picker_row 5)
third=$(picker_row 7)
tl_keys Down Enter
check "Down (no longer move-down) leaves the selection on (any club)" \
    tl_wait_status "club filter off"
tl_keys c
tl_wait "Filter by club"
tl_keys C-o Enter
check "C-o (rebound move-down) moves the picker's selection: $first" \
    tl_wait_status "club: $first"
tl_keys x c
tl_wait "Filter by club"
tl_keys e
check "in the query, e is typed, not a move" tl_wait "club>  e"
tl_keys BSpace Tab
check "Tab moves to the list" tl_wait "Tab: query"
tl_keys e e e C-y e Enter
check "in the list, e (rebound move-down) moves: $third" tl_wait_status "club: $third"
tl_keys x c
tl_wait "Filter by club"
tl_type "Milan"
tl_keys Left Left Left Left Left
tl_type "Inter "
check "Left edits inside the picker's query" tl_wait "club>  Inter Milan"
tl_keys Enter
check "... and Enter takes the match" tl_wait_status "club: Inter Milan"
tl_keys q
tl_wait "TOUCHLINE-EXIT=0"
rm "$TL_TMP/config/touchline/config.yaml"

# (b) editing inside the search prompt.
tl_start 160 45 -- "$FIX"
tl_keys /
tl_wait_status '^/'
tl_type "vlaho"
tl_keys Left Left Left
tl_type "X"
check "Left x3 then X: inserted at the cursor" tl_wait_status '^/vlXaho'
tl_keys DC
check "Del deletes the character under the cursor" tl_wait_status '^/vlXho( |$)'
tl_keys C-a
tl_type "("
tl_keys C-e
tl_type ")"
check "C-a and C-e go to the ends" tl_wait_status '^/\(vlXho\)( |$)'
tl_keys C-a Right
tl_type "?"
tl_keys C-e
check "Right moves on a character" tl_wait_status '^/\(\?vlXho\)( |$)'
tl_type " foo bar"
tl_keys C-w
check "C-w deletes the word before the cursor" tl_wait_status '^/\(\?vlXho\) foo( |$)'
tl_keys Left Left Left Left C-u
check "C-u deletes everything before the cursor, keeps the rest" tl_wait_status '^/foo( |$)'
check "... and the cursor is at the start" tl_until cursor_at 1
tl_keys C-e C-u
tl_type "Vlahović"
tl_keys Left BSpace
check "Backspace after Left over a two-byte ć" tl_wait_status '^/Vlahovć( |$)'
tl_keys Right
check "the cursor counts columns, not bytes" tl_until cursor_at 8
tl_keys Escape
check "Esc closes the prompt" tl_wait_status '^ .*\? help'

# (c) a bad regex keeps the prompt open.
tl_keys /
tl_wait_status '^/'
tl_type "ab)cd"
tl_keys Enter
check "a bad regex keeps the prompt open with PCRE2's message" \
    tl_wait_status '^/ab\)cd +bad regex: offset 2: .*parenthesis'
check "... and the cursor at PCRE2's offset" tl_until cursor_at 3
tl_keys DC
check "editing clears the message" tl_wait_status '^/abcd$'
tl_keys C-u
check "C-u at PCRE2's offset" tl_wait_status '^/cd$'
tl_keys C-e C-w
tl_type "vlaho"
tl_keys Enter
check "the fixed pattern runs and the prompt closes" tl_wait_status "/vlaho/: [0-9]+ match"

# (d) history.
tl_keys /
tl_wait_status '^/'
tl_type "inter"
tl_keys Enter
check "a second search" tl_wait_status "/inter/: [0-9]+ match"
tl_keys /
tl_wait_status '^/'
tl_type "dra"
tl_keys Up
check "Up recalls the newest pattern" tl_wait_status '^/inter( |$)'
tl_keys Up
check "Up again, the one before" tl_wait_status '^/vlaho( |$)'
tl_keys Up
check "Up again: the bad pattern is remembered too" tl_wait_status '^/ab\)cd( |$)'
# Up at the oldest stays there: the Down after it gives the one before it
# (a wait for a screen that shows once the keys are handled, not a sleep)
tl_keys Up Down
check "Up stops at the oldest" tl_wait_status '^/vlaho( |$)'
tl_keys Down
check "Down comes back" tl_wait_status '^/inter( |$)'
tl_keys Down
check "Down past the newest: the line being typed" tl_wait_status '^/dra( |$)'
tl_keys C-p
check "C-p (move-up, non-printable) walks the history too" tl_wait_status '^/inter( |$)'
tl_keys Enter
check "Enter runs the recalled pattern" tl_wait_status "/inter/: [0-9]+ match"
tl_keys Q
check "Q quits" tl_wait "TOUCHLINE-EXIT=0"

tl_summary

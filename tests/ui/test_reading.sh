#!/usr/bin/env bash
# test_reading: read marks and stars in the reader (issue 15, part 1).
# Unread rows are bold with a "●" and the header counts them; passing over
# an article leaves it unread, Enter and J mark it read; r and s toggle, in
# the list and in the reading pane; the marks and the theme chosen with T
# survive a restart; u and S filter, combine with a club filter and are
# shown in the header; x clears them all; an article read under u stays
# listed until u is set again; two readers at once keep each other's marks.
# The state lives in an XDG_STATE_HOME of this test's own.
BIN=$1
SRC=$2
. "$SRC/tests/ui/lib.sh"
FIX=$(tl_fixtures)
STATE="$TL_TMP/state"
FILE="$STATE/touchline/state"
start() { tl_start 120 30 "XDG_STATE_HOME=$STATE" -- "$FIX"; }

# The list pane's text (left of the first separator), and one of its rows.
list_text() { tl_capture | awk -F'│' '{print $1}'; }
list_row() { list_text | grep -F -- "$1"; }
unread_row() { list_row "$1" | grep -q '●'; }
read_row() { list_row "$1" >/dev/null && ! unread_row "$1"; }
starred_row() { list_row "$1" | grep -q '★'; }
in_list() { list_text | grep -qF -- "$1"; }
not_in_list() { ! in_list "$1"; }
header() { tl_capture | head -n 1 | awk -F'│' '{print $1}'; }
header_has() { header | grep -qF -- "$1"; }
# listed N: the header counts N of the 4 articles, in full or compact ("N/4").
listed() { header | grep -qE -- "^ (Articles $1 of 4|$1/4) "; }
bold() { tl_style "$1" | head -n 1 | grep -q "attrs=.*bold"; }
not_bold() { tl_style "$1" >/dev/null && ! bold "$1"; }
quit() { tl_keys q q; check "quits with status 0" tl_wait "TOUCHLINE-EXIT=0"; }

VLA="Dušan Vlahović signs"
INTER="Inter Milan open talk"
ODE="Martin Ødegaard exten"
SPURS="Tottenham Hotspur bea"

start
check "the header counts the unread articles" tl_until header_has "Articles 4 · 4 unread"
check "an unread row has the ● marker" unread_row "$INTER"
check "an unread row's title is bold" bold "$INTER"
tl_keys j
sleep 0.3
check "passing over an article leaves it unread" header_has "4 unread"
check "... the reading pane's title says so" tl_wait "Article 2 of 4 · unread"
tl_keys Enter
check "Enter marks it read: the header counts one less" tl_until header_has "3 unread"
check "... the reading pane's title no longer says unread" tl_wait_gone "Article 2 of 4 · unread"
check "... its row loses the marker" tl_until read_row "$INTER"
tl_keys J
check "J into the next article marks it read" tl_until header_has "2 unread"
check "... the Ødegaard row is read" read_row "$ODE"
tl_keys r
check "r in the reading pane marks it unread" tl_until unread_row "$ODE"
check "... and says so" tl_wait_status "marked unread"
tl_keys q g
tl_until read_row "$VLA" || true
check "back in the list the first row is still unread" unread_row "$VLA"
tl_keys r
check "r in the list marks it read" tl_until read_row "$VLA"
tl_keys s
check "s stars it: the row shows ★" tl_until starred_row "$VLA"
check "... the reading pane's title too" tl_wait "Article 1 of 4 · ★ starred"
check "... and says so" tl_wait_status "starred"
tl_keys j s
tl_until starred_row "$INTER" || true
tl_keys s
check "s again takes the star away" tl_until eval '! starred_row "$INTER"'
tl_keys T
check "T switches the theme" tl_wait_status "theme: "
theme=$(tl_status | sed -n 's/.*theme: \([^ ]*\).*/\1/p')
quit
check "the state file was written" grep -q "^starred	path:.*vlahovic-new-contract.md" "$FILE"
check "... with the T theme" grep -q "^theme	$theme" "$FILE"

start
check "after a restart the marks are back: 2 unread" tl_until header_has "Articles 4 · 2 unread"
check "... the Vlahović article is read and starred" eval 'read_row "$VLA" && starred_row "$VLA"'
check "... the Inter article is read" read_row "$INTER"
check "... and its title is not bold" not_bold "$INTER"
check "... the Ødegaard article is unread" unread_row "$ODE"
check "... the theme chosen with T is used" tl_wait_status "theme $theme"

tl_keys u
check "u lists only the unread articles" tl_until listed 2
check "... the header says so" header_has "unread only"
check "... the read ones are gone" eval 'not_in_list "$VLA" && not_in_list "$INTER"'
check "... the unread ones are there" eval 'in_list "$ODE" && in_list "$SPURS"'
tl_keys Enter
check "an article opened under u is marked read" tl_until read_row "$ODE"
check "... and stays listed (no jump)" listed 2
tl_keys q u u
check "u set again drops it" tl_until listed 1
check "... only the Spurs article is left" eval 'in_list "$SPURS" && not_in_list "$ODE"'

# u with a club: Tottenham Hotspur is in the Inter article (read) and the
# Spurs one (unread); without u both are listed.
tl_keys u
tl_until header_has "Articles 4 · 1 unread" || true
tl_keys c
tl_wait "Tottenham"
tl_type "Tottenham"
tl_keys Enter
check "the club filter alone lists 2" tl_until listed 2
tl_resize 160 30
check "a header too narrow drops the unread count before the club's name is cut" \
    tl_until eval 'header_has "Articles 2 of 4 · club: Tottenham Hotspur " && ! header_has "unread"'
tl_resize 120 30
tl_keys u
check "u and the club combine: 1 article" tl_until listed 1
check "... the header and the status line show both" eval 'header_has "club: Tottenha" && tl_status | grep -q "club: Tottenham Hotspur (2) · unread only"'
check "... it is the Spurs one" in_list "$SPURS"
tl_keys x
check "x clears the club and u" tl_until header_has "Articles 4 · 1 unread"
check "... no filter is shown" eval '! header_has "only"'

tl_keys S
check "S lists only the starred article" tl_until listed 1
check "... the header says so" header_has "starred only"
check "... it is the Vlahović one" in_list "$VLA"
tl_keys c
tl_wait "Arsenal"
tl_type "Arsenal"
tl_keys Enter
check "S and a club that it lacks: nothing listed" tl_wait "Nothing matches all the filters"
tl_keys x
check "x clears S too" tl_until header_has "Articles 4 · 1 unread"

# Two readers at once: each marks an article, then both quit; the file
# has both marks (the saves merge under the lock).
first=$TL_SOCKET
TL_SOCKET=none
start
second=$TL_SOCKET
TL_SOCKET=$first
tl_keys G r
check "reader 1 marks the Spurs article read" tl_until read_row "$SPURS"
TL_SOCKET=$second
tl_keys g r
check "reader 2 (started before reader 1 saved) marks the first one unread" tl_until unread_row "$VLA"
tl_keys q q
check "reader 2 quits with status 0" tl_wait "TOUCHLINE-EXIT=0"
TL_SOCKET=$first
quit
check "both marks are in the file: the Spurs one read" grep -q "^read	path:.*spurs-son-gundogan.txt" "$FILE"
check "... the Vlahović one not read any more" eval '! grep -q "^read	path:.*vlahovic-new-contract.md" "$FILE"'
check "... its star kept" grep -q "^starred	path:.*vlahovic-new-contract.md" "$FILE"

# A state file that cannot be read warns on the status line; the reader
# runs, and a save (which would write over it) fails on the status line.
printf 'touchline-state\t99\n' >"$FILE"
start
check "a bad state file: a warning on the status line" tl_wait_status "reading state: "
check "... the reader runs with every article unread" tl_until header_has "Articles 4 · 4 unread"
tl_keys r
check "... r marks the article, and the save's failure is on the status line" tl_wait_status "reading state not saved: "
quit
check "... and the file was not overwritten" grep -q "^touchline-state	99" "$FILE"

tl_summary

#!/usr/bin/env bash
# test_layout: resizing re-lays everything out (160x45 -> 60x20 -> 160x45,
# and down to 20x6 and smaller without crashing), Tab cycles the panes, and
# `?` lists every request of the key table with its keys, and a resize with
# it open draws it again.
BIN=$1
SRC=$2
. "$SRC/tests/ui/lib.sh"
FIX=$(tl_fixtures)

alive() { ! tl_capture | grep -q "TOUCHLINE-EXIT"; }
three() { tl_snap; row 1 | grep -qE '^ Articles 4 .*│ Article [0-9]+ of 4 .*│ Facts'; }
stacked() { tl_snap; row 1 | grep -q '^ Articles 4 ' && has_re '^ Article [0-9]+ of 4' && lacks "│"; }

tl_start 160 45 -- "$FIX"
check "160x45: three panes" three
tl_keys j Enter ']'
tl_wait_status "here"
tl_resize 60 20
check "60x20: re-laid out, list above the reader" tl_until stacked
check "60x20: the target survives the resize" tl_wait_status "here"
tl_resize 160 45
check "160x45 again: three panes" tl_until three
check "160x45 again: still on article 2" tl_wait "Article 2 of 4"

# Tab cycles list -> reader -> facts; each shows as focused (its title colour).
focused_title() { tl_bg 6 "$1"; } # title-focused: bg cyan
tl_keys Tab
check "Tab focuses the next pane (facts)" tl_until focused_title " Facts"
tl_keys Tab
check "Tab wraps to the list" tl_until focused_title " Articles 4"

# Tiny terminals: panes hide, nothing crashes, keys still work.
tl_resize 20 6
sleep 0.3
check "20x6: still running" alive
check "20x6: shows the focused pane" tl_wait "Articles"
for k in j Enter ']' n N m Escape Tab Tab f '?' q c Escape p Escape / Escape x; do
    tl_keys "$k"
done
sleep 0.3
check "20x6: every key handled without crashing" alive
for size in 10x3 1x1 30x4 20x6; do
    tl_resize "${size%x*}" "${size#*x}"
    sleep 0.2
    check "$size: still running" alive
done
tl_resize 80 24
over() { tl_snap; row 1 | grep -q '^ Articles 4 ' && has_re '^ Article [0-9]+ of 4'; }
check "80x24 after tiny: list above the reader" tl_until over

# ? lists every request and the keys bound to it, from the key table.
tl_resize 160 75
tl_until three
tl_keys '?'
check "? opens the help" tl_wait "Help · keys"
tl_wait "Quit at once"
tl_snap
missing=0 names=0
for name in $(grep -oE '^ *X\([A-Z_]+, "[a-z-]+"' "$SRC/src/startup/requests.h" | sed 's/.*"\(.*\)"/\1/'); do
    names=$((names + 1))
    has_re " $name( |\$)" || { echo "# help lacks $name"; missing=1; }
done
check "the key table has requests" [ "$names" -gt 30 ]
check "? lists every request of the key table, whole" [ "$missing" = 0 ]
for pair in "j Down C-n:move-down" "] w:entity-next" "n:next-mention" "m:mentions" "/:search" \
    "c:pick-club" "p:pick-person" "x:clear-filters" "f:toggle-facts" "q:back" "Tab:next-pane" \
    "Enter C-j KpEnter:open" "g Home:first" "G End:last" "C-d:half-page-down" "C-u:half-page-up"; do
    keys=${pair%%:*} name=${pair##*:}
    check "? shows '$keys' for $name" has_re "^ +$(sed 's/[][\\/.^$*]/\\&/g' <<<"$keys") +$name "
done
# The overlay's window is made when an overlay first opens after a layout:
# a resize with the help open re-lays out and draws the help again, whole.
tl_resize 100 30
check "resized with the help open: the help again" tl_wait "Help · keys"
check "resized with the help open: its rows again" tl_wait "Move down a line"
no_list() { ! tl_capture | grep -q '^ Articles 4 '; }
check "resized with the help open: the list does not show through" no_list
tl_keys q
check "q closes the help" tl_wait_gone "Help · keys"
check "after the help: the panes again" tl_wait "Articles 4"
tl_resize 160 75
tl_keys q
check "q quits from the list" tl_wait "TOUCHLINE-EXIT=0"

tl_summary

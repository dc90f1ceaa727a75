#!/usr/bin/env bash
# test_startup: the reader starts on the bundled samples in three panes at
# 160x45 and two at 80x24, on several terminal types, with and without
# colour; refuses to run without a terminal or on one that cannot move
# the cursor; --club/--person start filtered;
# q quits and leaves the terminal as it found it.
BIN=$1
SRC=$2
. "$SRC/tests/ui/lib.sh"
FIX=$(tl_fixtures)

# Not a terminal: a one-line hint and exit status 2.
"$BIN" "$FIX" >/dev/null 2>"$TL_TMP/err" </dev/null
status=$?
check "not a terminal: exit status 2" [ "$status" -eq 2 ]
check "not a terminal: one-line hint naming list and extract" \
    bash -c "[ \$(wc -l <'$TL_TMP/err') -eq 1 ] && grep -q 'touchline list' '$TL_TMP/err' && grep -q 'touchline extract' '$TL_TMP/err'"

# A terminal that cannot move the cursor (TERM=dumb), or one unknown: the
# hint and exit status 2, and the terminal's modes as they were.
for term in dumb no-such-terminal; do
    script -qec "stty -g; env TERM=$term $(printf '%q' "$BIN") $(printf '%q' "$FIX"); echo EXIT=\$?; stty -g" \
        /dev/null </dev/null >"$TL_TMP/out" 2>&1
    check "TERM=$term: exit status 2" grep -q "EXIT=2" "$TL_TMP/out"
    check "TERM=$term: says it cannot show a full screen" \
        grep -q "the terminal '$term' cannot show a full screen; for text output use 'touchline list PATH'" "$TL_TMP/out"
    check "TERM=$term: terminal modes restored" \
        bash -c "[ \"\$(grep -E '^[0-9a-f]+:' '$TL_TMP/out' | tr -d '\r' | uniq | wc -l)\" -eq 1 ]"
done

# The samples, found from the build tree (or TOUCHLINE_SOURCE_DIR), at 160x45.
nsamples=$("$BIN" list "$SRC/samples" 2>/dev/null | wc -l)
# The status line shows before every sample is loaded and before the size
# is final, so each layout check polls the screen until it holds.
tl_start 160 45 TOUCHLINE_SOURCE_DIR="$SRC" --
top_row() { tl_snap && row 1 | grep -qE -- "^ Articles $nsamples .*│ Article 1 of $nsamples .*│ Facts"; }
check "160x45: list, reader and facts panes side by side" tl_until top_row
first=$("$BIN" list "$SRC/samples" | head -1 | cut -f2 | cut -c1-20)
check "160x45: the newest sample is listed and open" tl_wait "$first"
check "160x45: status line names the samples and help" tl_wait_status 'bundled samples.*\? help'
tl_keys q
check "q quits with status 0" tl_wait "TOUCHLINE-EXIT=0"
check "q leaves the alternate screen" \
    test "$(tmux -L "$TL_SOCKET" display-message -p -t main '#{alternate_on}')" = 0

# 80x24: the list above the reader; f toggles the facts panel.
tl_start 80 24 TOUCHLINE_SOURCE_DIR="$SRC" --
stacked() { tl_snap && row 1 | grep -q "^ Articles $nsamples " && has_re '^ Article 1 of' && lacks "│" && lacks "In this article"; }
check "80x24: list on top, reader below, no facts" tl_until stacked
tl_keys f
check "80x24: f shows the facts panel" tl_wait "In this article"
tl_keys f
check "80x24: f hides it again" tl_wait_gone "In this article"
tl_keys q
check "80x24: q quits" tl_wait "TOUCHLINE-EXIT=0"

# Other terminal types, and NO_COLOR.
for term in xterm screen-256color tmux-256color xterm-256color; do
    tl_start 100 30 TERM=$term -- "$FIX"
    check "TERM=$term: starts" tl_wait "Articles 4"
    tl_keys q
    check "TERM=$term: quits cleanly" tl_wait "TOUCHLINE-EXIT=0"
done
coloured() { tl_capture -e | grep -qE '\[([0-9;]*;)?(3[0-7]|9[0-7])[;m]'; }
tl_start 160 45 -- "$FIX"
check "colours are used by default" tl_until coloured
# NO_COLOR: looked at once the panes are drawn, not before
tl_start 160 45 NO_COLOR=1 -- "$FIX"
check "NO_COLOR: still shows the panes" tl_wait "Articles 4"
check "NO_COLOR: no colour escapes" bash -c "! tmux -L '$TL_SOCKET' capture-pane -t main -e -p | grep -qE '[[;](3[0-7]|4[0-7]|38;5|48;5)[;m]'"

# --person NAME starts filtered; an unknown name is an error with a hint.
"$BIN" extract "$FIX" >"$TL_TMP/x.jsonl"
read -r pid pname < <(tl_query top person <"$TL_TMP/x.jsonl" | tr '\t' ' ' | sed 's/ /\t/' )
pname=$(tl_query name "$pid" <"$TL_TMP/x.jsonl")
want=$(tl_query articles "$pid" <"$TL_TMP/x.jsonl" | wc -l)
tl_start 160 45 -- --person "$pname" "$FIX"
check "--person '$pname': $want of 4 listed" tl_wait "Articles $want of 4"
check "--person: the filter is in the status line" tl_wait_status "person: $pname"
"$BIN" --club "No Such Club FC" "$FIX" >/dev/null 2>"$TL_TMP/err" </dev/null
status=$?
check "--club unknown: exit status 2" [ "$status" -eq 2 ]
script -qec "'$BIN' --club 'No Such Club FC' '$FIX'" /dev/null >"$TL_TMP/out" 2>&1 </dev/null
check "--club unknown on a terminal: says which" grep -q "no club called 'No Such Club FC'" "$TL_TMP/out"

tl_summary

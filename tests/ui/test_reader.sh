#!/usr/bin/env bash
# test_reader: opening articles, highlighting by kind (escape codes for a
# club and for money), the entity cursor and n/N through every mention of a
# player into the next articles with the counter right, the mentions list
# and its jump, aligned names with diacritics and CJK, and the mouse.
BIN=$1
SRC=$2
. "$SRC/tests/ui/lib.sh"
FIX=$(tl_fixtures)
"$BIN" extract "$FIX" >"$TL_TMP/x.jsonl" 2>/dev/null
q() { tl_query "$@" <"$TL_TMP/x.jsonl"; }
N=$(q order | wc -l)

for size in 160x45 80x24; do
    W=${size%x*} H=${size#*x}
    tl_start "$W" "$H" -- "$FIX"

    # Enter opens the selected article (the reader takes the focus: j scrolls it, not the list).
    second=$(q order | sed -n 2p)
    tl_keys j
    tl_wait "Article 2 of $N"
    tl_keys Enter j
    opened() { tl_snap && has "Article 2 of $N" && has " 2/$N"; }
    check "$size: Enter opens article 2 and focuses the reader" tl_until opened
    tl_keys q
    check "$size: q goes back to the list first" tl_wait_status '\? help'
    tl_keys g

    # ] moves the cursor name by name onto the first player of the newest
    # article; n then walks every mention of him on into other articles.
    IFS=$'\t' read -r eid ename < <(q first-person)
    read -r total narts < <(q total "$eid")
    tl_keys Enter
    for _ in $(seq 1 12); do
        tl_keys ']'
        tl_until tl_wait_status " here" 1 >/dev/null
        tl_wait_status "^ $ename 1/" 1 && break
    done
    plural=$([ "$narts" -eq 1 ] && echo article || echo articles)
    first=1
    while read -r pos count; do
        for i in $(seq 1 "$count"); do
            if [ "$first" = 1 ]; then
                first=0
            else
                tl_keys n
            fi
            check "$size: n -> $ename $i/$count here in article $pos" \
                tl_wait_status "$ename $i/$count here, $total in corpus \\($narts $plural\\)"
            if [ "$i" = 1 ]; then
                check "$size: the reader shows article $pos" tl_wait "Article $pos of $N"
            fi
        done
    done < <(q walk "$eid")
    read -r firstpos firstcount < <(q walk "$eid" | head -1)
    tl_keys n
    check "$size: n at the last mention wraps to the first article and says so" \
        tl_wait_status "$ename 1/$firstcount here.*wrapped to first article"
    tl_keys N
    lastpos=$(q walk "$eid" | tail -1 | cut -d' ' -f1)
    lastcount=$(q walk "$eid" | tail -1 | cut -d' ' -f2)
    check "$size: N wraps back to the last mention" \
        tl_wait_status "$ename $lastcount/$lastcount here.*wrapped to last article"
    check "$size: ... in article $lastpos" tl_wait "Article $lastpos of $N"

    # m lists every mention in context; Enter jumps to the one chosen.
    tl_keys m
    check "$size: m lists the mentions" tl_wait "Mentions of $ename · $total in $narts $plural"
    tl_keys g
    check "$size: m: first row selected" tl_wait "1/$total"
    tl_keys G Enter
    check "$size: Enter on the last mention jumps to article $lastpos" tl_wait "Article $lastpos of $N"
    check "$size: ... with the cursor on it" tl_wait_status "$ename $lastcount/$lastcount here"
    tl_keys q q
    check "$size: q q quits" tl_wait "TOUCHLINE-EXIT=0"
done

# Highlighting: a club's mention and a money phrase are drawn in their colours.
tl_start 160 45 -- "$FIX"
IFS=$'\t' read -r cid cname < <(q top club)
if [ -n "${cid:-}" ]; then
    IFS=$'\t' read -r ctext cpos < <(tl_first_mention "$cid" <"$TL_TMP/x.jsonl")
    for _ in $(seq 2 "$cpos"); do tl_keys j; done
    tl_wait "Article $cpos of $N"
    check "club '$ctext' is drawn in the club colour ($TL_COLOR_CLUB)" tl_colored "$TL_COLOR_CLUB" "$ctext"
else
    fail "no club in touchline extract's output for the fixtures"
fi
tl_keys g
IFS=$'\t' read -r mtext mpos < <(tl_first_money <"$TL_TMP/x.jsonl")
for _ in $(seq 2 "$mpos"); do tl_keys j; done
tl_wait "Article $mpos of $N"
check "money '$mtext' is drawn in the money colour ($TL_COLOR_MONEY)" tl_colored "$TL_COLOR_MONEY" "$mtext"
IFS=$'\t' read -r ptext ppos < <(tl_first_mention "$eid" <"$TL_TMP/x.jsonl")
tl_keys g
for _ in $(seq 2 "$ppos"); do tl_keys j; done
tl_wait "Article $ppos of $N"
check "person '$ptext' is drawn in the person colour ($TL_COLOR_PERSON)" tl_colored "$TL_COLOR_PERSON" "$ptext"

# Names with diacritics and wide characters keep every column aligned.
stacked() { tl_snap && has_re '^ Article [0-9]+ of'; }
for size in 160x45 80x24 120x30; do
    tl_resize "${size%x*}" "${size#*x}"
    # facts beside the reader, separators to check: f once the stacked layout
    # is drawn (pressed before the resize is handled, it hid the wide one's)
    # (each a check: a step that fails says so here, not as misaligned rows)
    if [ "$size" = 80x24 ]; then
        check "$size: the resize is drawn without waiting for a key" tl_until stacked
        tl_keys f
        check "$size: f shows the facts beside the reader" tl_wait "Facts"
    fi
    tl_keys G
    tl_wait "Article $N of $N"
    names() { tl_snap && has 'Ødegaard' && has 'Vlahović' && has '손흥민'; }
    check "$size: Ødegaard, Vlahović, Gündoğan and 손흥민 on screen" tl_until names
    check "$size: pane separators stay aligned on every row" tl_until tl_aligned
    [ "$size" = 80x24 ] && tl_keys f
    tl_keys g
done
tl_resize 160 45
sleep 0.3

# Mouse: click a list row to select it; click a name to make it the target.
tl_keys g
tl_wait "Article 1 of $N"
tl_mouse 0 10 4
check "click on list row 3 opens article 3" tl_wait "Article 3 of $N"
tl_wait "Ødegaard has"
sleep 0.2
read -r x y < <(tl_find "Ødegaard has" 50)
if [ -n "${x:-}" ]; then
    tl_mouse 0 "$x" "$y"
    check "click on 'Ødegaard' in the reader targets him" tl_wait_status "Martin Ødegaard [0-9]+/[0-9]+ here"
else
    fail "Ødegaard not found in the reader"
fi
tl_start 60 20 -- "$FIX"
tl_keys Enter
tl_wait "Article 1 of $N"
check "60x20: the reader starts at the top" tl_wait "Top"
read -r x y < <(tl_find "Dušan Vlahović has" 0)
tl_mouse 65 5 "$y"
check "wheel down scrolls the reader under the pointer" tl_wait_gone "Top"
tl_mouse 64 5 "$y"
check "wheel up scrolls it back" tl_wait "Top"

tl_summary

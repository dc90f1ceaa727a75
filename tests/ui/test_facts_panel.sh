#!/usr/bin/env bash
# test_facts_panel: the facts panel as issue 17 item 9 wants it. Contract
# lengths read as the text gave them ("5 months", "5.5 years", never
# "0 years"); an asking price is the selling club's; an age at another time
# says so ("age 11 when he joined"); no "(no subject)" heading and a fact
# said twice shows once. The panel is a list: Enter on a fact opens its
# article at the sentence, scrolled into view, with the phrase highlighted
# (capture-pane -e), and Enter on a dossier line opens the other article
# it came from. At 160x45 and at 80x24 (the panel beside the reader). Two
# loans of one article show each its own length.
BIN=$1
SRC=$2
. "$SRC/tests/ui/lib.sh"
DIR="$TL_TMP/facts"
mkdir -p "$DIR"
cat >"$DIR/rossi-academy.md" <<'TEXT'
---
title: Rossi stays at Atalanta
date: 2024-05-02
source: Test Desk
---
Atalanta midfielder Marco Rossi has agreed to stay at the club after a season of interest from abroad.

The club had turned down several approaches during the winter, and the coaching staff made clear that they saw the midfielder as part of their plans for the next campaign.

Supporters had feared the worst when the player was left out of the squad in March, but the club said the absence was down to a minor muscle problem.

The Bergamo side have also been busy elsewhere in the squad, with several young players promoted from the under-19 team during the spring.

Rossi signed a five-month contract extension in January, which takes him to the end of the season.

Atalanta have also signed defender Luca Bianchi on a five-and-a-half-year contract.

Rossi joined the Atalanta academy at the age of 11 and has never played for another club.
TEXT
cat >"$DIR/rossi-asking.md" <<'TEXT'
---
title: Atalanta set Rossi price
date: 2024-05-01
source: Test Desk
---
Atalanta want £70m for their midfielder Marco Rossi, who has been watched by several Premier League clubs this season.
TEXT
cat >"$DIR/loan-note.md" <<'TEXT'
---
title: Parma confirm loan deal
date: 2024-04-20
source: Test Desk
---
Parma confirmed the loan on Friday. The loan was agreed with Atalanta last week.
TEXT
"$BIN" extract "$DIR" >"$TL_TMP/x.jsonl" 2>/dev/null
facts() { python3 -c '
import json, sys
for l in open(sys.argv[1]):
    a = json.loads(l)
    for f in a["facts"]: print(a["path"].rsplit("/", 1)[1], f["kind"], f.get("value"), f.get("qualifier", ""), f.get("subject", "-"))
' "$TL_TMP/x.jsonl"; }
check "extract: the five-month contract is 5/12 years" bash -c "$(declare -f facts); TL_TMP=$TL_TMP facts | grep -q '^rossi-academy.md contract 0.41'"
check "extract: the age is at the time" bash -c "$(declare -f facts); TL_TMP=$TL_TMP facts | grep -q 'age 11 at the time'"
check "extract: two subject-less loans" bash -c "$(declare -f facts); TL_TMP=$TL_TMP facts | grep -c '^loan-note.md loan' | grep -qx 2"

# select TEXT COL: moves the facts panel's selection (j) onto the line
# showing TEXT (drawn with the selection's blue background).
select_line() {
    for _ in $(seq 1 40); do
        tl_style "$1" "$2" 2>/dev/null | grep -q " bg=4 " && return 0
        tl_keys "${3:-j}"
        sleep 0.05
    done
    return 1
}
# highlighted TEXT COL: TEXT is drawn as the opened phrase (search-hit yellow).
highlighted() { tl_style "$1" "$2" | grep -q " bg=3 "; }
not_highlighted() { tl_style "$1" "$2" >/dev/null && ! highlighted "$1" "$2"; }
# The facts panel's text (the last pane of each row), its lines joined.
facts_text() { awk -F'│' '{print $NF}' <<<"$TL_SCREEN" | tr -s ' \n' ' '; }
# The facts panel's title in the focused colour (cyan).
facts_focused() { tl_style "Facts" "$1" | grep -q " bg=6 "; }
# An age row with nothing after the number (shown as the current age).
bare_age() { grep -qE 'age 11 *(│|$)' <<<"$TL_SCREEN"; }

for size in 160x45 80x24; do
    tl_start "${size%x*}" "${size#*x}" -- "$DIR"
    fcol=100 rcol=48
    if [ "$size" = 80x24 ]; then
        tl_keys f # the facts beside the reader
        check "$size: f shows the facts panel" tl_wait "In this article"
        fcol=47 rcol=0
    fi
    check "$size: a five-month contract reads 5 months" tl_wait "signed 5 months"
    check "$size: a five-and-a-half-year contract reads 5.5 years" tl_wait "signed 5.5 years"
    tl_snap
    check "$size: never '0 years'" lacks "0 years"
    check "$size: an age at another time says when" tl_wait "age 11 when he joined"
    tl_snap
    check "$size: ... and is not shown as the current age" eval '! bare_age'
    # Enter on a fact: its sentence, the phrase highlighted.
    tl_keys Tab Tab
    check "$size: the facts panel has the focus" tl_until facts_focused "$fcol"
    check "$size: j selects the age line" select_line "age 11 when" "$fcol"
    tl_snap
    if has "of 11 and"; then
        check "$size: ... not highlighted in the text yet" not_highlighted "of 11 and" "$rcol"
    fi
    tl_keys Enter
    check "$size: Enter: the sentence is in view" tl_wait "Rossi joined the Atalanta academy"
    check "$size: ... the phrase highlighted" tl_until highlighted "of 11" "$rcol"
    check "$size: ... the words around it are not" not_highlighted "academy at the" "$rcol"
    # Enter on a dossier line: the other article, at its phrase.
    tl_keys g ']' # the entity cursor on the first name: Marco Rossi in the title
    check "$size: Marco Rossi is the target" tl_wait_status "^ Marco Rossi "
    tl_keys Tab
    check "$size: Tab: the facts panel" tl_until facts_focused "$fcol"
    tl_keys G # the dossier's end
    check "$size: the dossier shows the asking price, the selling club's" \
        tl_until eval 'tl_snap; facts_text | grep -qF "01 May asking price £70m (Atalanta)"'
    check "$size: ... never as a fee to the club" lacks "fee £70m"
    check "$size: k selects the dossier line of the other article" select_line "01 May" "$fcol" k
    tl_keys Enter
    check "$size: Enter opens the article it came from" tl_wait "Atalanta want £70m for their"
    check "$size: ... with £70m highlighted" tl_until highlighted "£70m for" "$rcol"
    # Esc clears the target and the highlight
    tl_keys Escape
    check "$size: Esc in the reader clears the target" tl_wait_status "target cleared"
    check "$size: ... and the highlight" tl_until not_highlighted "£70m for" "$rcol"
    check "$size: ... and n then has no target" eval 'tl_keys n; tl_wait_status "no target"'
    # Duplicate subject-less facts: one line, no "(no subject)" heading.
    tl_keys J
    check "$size: J reads the loan note" tl_wait "Parma confirmed the loan"
    tl_snap
    check "$size: no '(no subject)' heading" lacks "(no subject)"
    check "$size: the loan said twice shows once" \
        test "$(awk -F'│' '{print $NF}' <<<"$TL_SCREEN" | grep -cx ' *loan *')" -eq 1
    tl_keys Q
    check "$size: Q quits" tl_wait "TOUCHLINE-EXIT=0"
done
# An offer he turned down (a fact kind of its own) is shown as one, never as his wage.
mkdir -p "$TL_TMP/offer"
cat >"$TL_TMP/offer/salah.md" <<'TEXT'
---
title: Salah stays
date: 2024-01-01
---
Mohamed Salah turned down an offer of £500,000 a week from Al-Ittihad to stay at Liverpool.
TEXT
tl_start 160 20 -- "$TL_TMP/offer"
check "an offer reads as one, with its club" tl_wait "offer £500k / week from Al-Ittihad"
tl_snap
check "... not as his wage" lacks "wage £500k"
tl_keys Q
# Parts of a fee read as parts: add-ons and an instalment, not fees of their own.
mkdir -p "$TL_TMP/parts"
cat >"$TL_TMP/parts/bloggs.md" <<'TEXT'
---
title: Chelsea sign Joe Bloggs
date: 2024-01-02
---
Chelsea have signed Joe Bloggs from Ajax for £40m plus £5m in add-ons. The fee will be paid in three instalments of £10m.
TEXT
tl_start 160 20 -- "$TL_TMP/parts"
check "the fee reads as a fee" tl_wait "fee £40m (Ajax -> Chelsea)"
check "the add-ons read as add-ons" tl_wait "add-ons £5m (Ajax -> Chelsea)"
check "an instalment reads as one" tl_wait "instalment £10m (Ajax -> Chelsea)"
tl_snap
check "... and neither as a fee" eval 'lacks "fee add-ons" && lacks "fee instalment"'
tl_keys Q
# Loan lengths (one-byte codes into the article's own strings): each loan its own.
mkdir -p "$TL_TMP/loans"
cat >"$TL_TMP/loans/loans.md" <<'TEXT'
---
title: Parma loan deals
date: 2024-01-03
---
Joao Felix joined Barcelona on a season-long loan from Atletico Madrid. Marco Rossi joined Parma on a six-month loan from Atalanta.
TEXT
tl_start 160 20 -- "$TL_TMP/loans"
check "a loan shows its length" tl_wait "Barcelona (season-long)"
check "... and the other loan its own" tl_wait "(six-month)"
tl_keys Q
tl_summary

#!/usr/bin/env bash
# test_following: following in the reader (issue 15, part 2). W with no one
# followed says how to follow; F on a national team says it cannot be
# followed; F on a player follows him and says so; after quitting, an
# article about him written into the folder shows up at the next start: its
# facts in W (a heading with the count, a line with the date, the fact and
# the title; nothing from the old articles) and in the start-up status line;
# Enter in W opens the article at the fact's sentence with the phrase
# highlighted. F again stops following. The state lives in an
# XDG_STATE_HOME of this test's own.
BIN=$1
SRC=$2
. "$SRC/tests/ui/lib.sh"
FIX=$(tl_fixtures)
STATE="$TL_TMP/state"
FILE="$STATE/touchline/state"
start() { tl_start 120 30 "XDG_STATE_HOME=$STATE" -- "$FIX"; }
quit() { tl_keys q q; check "quits with status 0" tl_wait "TOUCHLINE-EXIT=0"; }
# The reading pane's text (between the first and the second separator).
reader_text() { tl_capture | awk -F'│' '{print $2}'; }
# highlighted TEXT COL: TEXT drawn as an opened phrase (search-hit yellow).
highlighted() { tl_style "$1" "$2" | grep -q " bg=3 "; }
# entity NAME: moves the entity cursor (]) until the target is NAME.
entity() {
    for _ in $(seq 1 30); do
        tl_status | grep -qF -- "$1" && return 0
        tl_keys ']'
        sleep 0.1
    done
    return 1
}

start
tl_keys W
check "W with no one followed says how to follow" tl_wait "You follow no one yet"
check "... with F and the command" eval 'tl_capture | tr -s " \n" " " | grep -qF "press F, or run: touchline follow NAME"'
tl_keys q
tl_wait_gone "You follow no one yet"
tl_keys F
check "F with no target says what to do" tl_wait_status "no target to follow"

# The Inter article: the entity cursor onto Italy, then Alessandro Bastoni.
tl_keys j Enter
tl_wait "Bastoni has 17 caps"
check "the entity cursor reaches Italy" entity "Italy"
tl_keys F
check "F on a national team: a clear message" tl_wait_status "Italy is a national team: only players, managers and clubs can be followed"
tl_keys Escape
check "the entity cursor reaches Alessandro Bastoni" entity "Bastoni"
tl_keys F
check "F follows the player and says so" tl_wait_status "following Alessandro Bastoni"
check "... it is saved at once" grep -q "^follow	person	person:alessandro-bastoni	Alessandro Bastoni" "$FILE"
tl_keys W
check "W on the first visit: every fact about him is new" tl_wait "Following · 4 new facts about 1 followed player"
check "... under his heading" tl_wait "Alessandro Bastoni · player · 4 new facts"
check "... a line per fact: date, fact, title" eval 'tl_capture | grep -qE "04 Mar +fee £31m \(Atalanta -> Inter Milan\) +· +Inter Milan open talks"'
tl_keys Escape
quit
check "quitting records the visit" grep -q "^visit	" "$FILE"

# A new article about him, written after that visit.
today=$(TZ=UTC date +%Y-%m-%d)
cat >"$FIX/bastoni-caps.md" <<TEXT
---
title: Bastoni called up again by Italy
date: $today
source: Touchline Test Desk
---
Inter Milan defender Alessandro Bastoni has been called up for the next round of qualifiers.

Bastoni has won 20 caps for Italy since his debut.
TEXT
sleep 1.1 # the visit times are in seconds: this visit starts after the file was written
start
check "the start-up status line counts the new facts" tl_wait_status "new facts? about 1 followed player since"
tl_keys W
check "W lists the followed player's heading with its count" tl_wait "Alessandro Bastoni · player · "
check "... a line with the date, the fact and the title" tl_wait "caps 20 (Italy)"
check "... the title on it" eval 'tl_capture | grep "caps 20 (Italy)" | grep -qF "Bastoni called up again by Italy"'
check "... nothing from the articles of before the visit" eval '! tl_capture | grep -qF "Inter Milan open talks"'
check "... the title bar says since when" tl_wait "Following · "
tl_snap
check "... the fact line has today's date" has "$(TZ=UTC date +'%d %b')"
tl_keys q
tl_wait_gone "Following · "
# After a visit with nothing new: W says so, since when, and who is followed.
quit
start
tl_keys W
check "W with nothing new since the last visit says so" tl_wait "Nothing new about the 1 followed since"
check "... and names the followed" tl_wait "Following: Alessandro Bastoni."
tl_keys q
quit
touch "$FIX/bastoni-caps.md"
start
tl_keys W
tl_wait "caps 20 (Italy)"
tl_keys Enter
check "Enter in W opens the article" tl_wait "Article 1 of 5"
check "... the new one" eval 'reader_text | grep -qF "Bastoni called up again by Italy"'
check "... at the fact's phrase, highlighted" tl_until highlighted "20 caps" 37
tl_keys q g
check "... and it is marked read" tl_until eval 'tl_capture | head -n 1 | grep -qF "5 · 3 unread"'
tl_keys g Enter
tl_wait "Bastoni has won 20 caps"
entity "Bastoni"
tl_keys F
check "F again stops following" tl_wait_status "no longer following Alessandro Bastoni"
quit
check "... saved" eval '! grep -q "^follow	" "$FILE"'

tl_summary

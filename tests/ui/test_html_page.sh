#!/usr/bin/env bash
# test_html_page: a saved web page opened in the reader: the list shows the
# page's title and site, the reading pane its main text (not the menus,
# cookie banner, adverts or comments), with the club, the player and the
# fee highlighted in their theme colours.
BIN=$1
SRC=$2
. "$SRC/tests/ui/lib.sh"
cp "$SRC/tests/fixtures/pages/football-page.html" "$TL_TMP/page.html"

tl_start 160 45 -- "$TL_TMP/page.html"
check "the list shows the page's title" tl_wait "Arsenal complete signing of midfielder"
tl_keys Enter
check "Enter opens the page in the reader" tl_wait "Article 1 of 1"
check "the reader shows the main text" tl_wait "Arsenal have completed the signing of Declan Rice"
tl_snap
check "the cookie banner is not shown" lacks "Accept all"
check "the advert is not shown" lacks "Bet now"
check "the comments are not shown" lacks "Great signing"
check "the menu is not shown" lacks "Transfers"
check "the site is shown as the source" has "The Terrace"
check "club 'West Ham United' is drawn in the club colour ($TL_COLOR_CLUB)" \
    tl_colored "$TL_COLOR_CLUB" "West Ham United"
check "person 'Declan Rice' is drawn in the person colour ($TL_COLOR_PERSON)" \
    tl_colored "$TL_COLOR_PERSON" "Declan Rice"
check "the fee '£105m' is drawn in the money colour ($TL_COLOR_MONEY)" \
    tl_colored "$TL_COLOR_MONEY" "£105m"
uncoloured() { ! tl_colored "$1" "$2"; }
check "plain words are not highlighted" uncoloured "$TL_COLOR_CLUB" "midfielder, who is 24"
tl_keys q q
check "q q quits" tl_wait "TOUCHLINE-EXIT=0"
tl_summary

#!/usr/bin/env bash
# test_builtin_themes: the themes of themes/ are built into the binary. A
# copy of the binary outside the source tree (no themes/ beside it, no
# share/touchline) lists all of them as built-in in `touchline themes`,
# starts with any of them by name, and T cycles through every one of them
# and back; a theme in the user's directory still comes first.
BIN=$1
SRC=$2
. "$SRC/tests/ui/lib.sh"
FIX=$(tl_fixtures)

mkdir -p "$TL_TMP/moved/bin"
cp "$BIN" "$TL_TMP/moved/bin/touchline"
MOVED=$TL_TMP/moved/bin/touchline
themes() {
    (cd "$TL_TMP" && env XDG_CONFIG_HOME="$TL_TMP/config" HOME="$TL_TMP/home" "$MOVED" themes)
}
want=$(cd "$SRC/themes" && ls -- *.yaml | sed 's/\.yaml$//' | sort)
got=$(themes | cut -f1)
check "a moved binary lists every theme of themes/ ($(wc -l <<<"$want"))" [ "$got" = "$want" ]
all_builtin() { [ "$(themes | cut -f2,3 | sort -u)" = "$(printf 'built-in\t(built in)')" ]; }
check "... each one built-in" all_builtin
loads_quietly() { themes >/dev/null 2>"$TL_TMP/err" && [ ! -s "$TL_TMP/err" ]; }
check "... and each one loads" loads_quietly

mkdir -p "$TL_TMP/config/touchline/themes"
sed 's/^description:.*/description: my own light/' "$SRC/themes/light.yaml" \
    >"$TL_TMP/config/touchline/themes/light.yaml"
user_first() { themes | grep -qP '^light\tuser\t.*\tmy own light$'; }
check "a user theme comes before the built-in one of its name" user_first
others_builtin() { [ "$(themes | grep -vc $'\tbuilt-in\t')" = 1 ]; }
check "... and the others stay built-in" others_builtin
rm -r "$TL_TMP/config/touchline/themes"

BIN=$MOVED
tl_start 160 45 -- --theme solarized-dark "$FIX"
check "the moved binary starts with a built-in theme by name" tl_wait_status "theme solarized-dark"
cur=solarized-dark ok=1
for _ in $(seq 1 "$(wc -l <<<"$want")"); do
    next=$(awk -v c="$cur" 'f { print; exit } $0 == c { f = 1 }' <<<"$want")
    [ -n "$next" ] || next=$(head -1 <<<"$want")
    tl_keys T
    tl_wait_status "theme: $next" || { ok=0; echo "# T did not give $next"; }
    cur=$next
done
check "T cycles through all $(wc -l <<<"$want") themes and back" [ "$ok" = 1 ] && [ "$cur" = solarized-dark ]
tl_keys Q
check "Q quits" tl_wait "TOUCHLINE-EXIT=0"

tl_summary

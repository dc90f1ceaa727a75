#!/usr/bin/env bash
# test_themes: every shipped theme on screen at 160x45 (a club mention and a
# money phrase drawn the way the theme's YAML says), each colour fallback
# level (truecolor, 256, 8, none), NO_COLOR, T cycling, key rebinding from
# the config, the config's articles folder, and bad theme and config files
# (path:line:col, exit 2, screen untouched).
BIN=$1
SRC=$2
. "$SRC/tests/ui/lib.sh"
FIX="$SRC/tests/fixtures/ui"
READER_COL=49 # the reader pane's first column at 160x45

"$BIN" extract "$FIX" >"$TL_TMP/x.jsonl"
IFS=$'\t' read -r cid _ < <(tl_query top club <"$TL_TMP/x.jsonl")
IFS=$'\t' read -r ctext cpos < <(tl_first_mention "$cid" <"$TL_TMP/x.jsonl")
IFS=$'\t' read -r mtext mpos < <(tl_first_money <"$TL_TMP/x.jsonl")

# The style an element of a theme file should have on a truecolor terminal,
# in tl_style's form: colours 0-7 stay indexed, every other one is #rrggbb
# (xterm's palette for 8-255), inheriting from default.yaml what is left out.
expect_style() { # THEME-FILE ELEMENT
    python3 - "$SRC/themes/default.yaml" "$1" "$2" <<'PY'
import sys, yaml
base, theme, elem = (yaml.safe_load(open(sys.argv[1])), yaml.safe_load(open(sys.argv[2])),
                     sys.argv[3])
s = (theme.get("styles") or {}).get(elem, base["styles"][elem]) or {}
basic = [(0,0,0),(205,0,0),(0,205,0),(205,205,0),(0,0,238),(205,0,205),(0,205,205),(229,229,229),
         (127,127,127),(255,0,0),(0,255,0),(255,255,0),(92,92,255),(255,0,255),(0,255,255),(255,255,255)]
names = ["black","red","green","yellow","blue","magenta","cyan","white"]
def rgb(i):
    if i < 16: return basic[i]
    if i < 232:
        lv = [0, 95, 135, 175, 215, 255]; i -= 16
        return (lv[i // 36], lv[i // 6 % 6], lv[i % 6])
    g = 8 + (i - 232) * 10
    return (g, g, g)
def colour(v):
    if v is None or v == "default": return "default"
    v = str(v).lower().replace("_", "-")
    if v.startswith("#"): return v
    if v in ("gray", "grey"): v = "bright-black"
    if v.startswith("bright-"): i = names.index(v[7:]) + 8
    elif v in names: i = names.index(v)
    else: i = int(v)
    return str(i) if i < 8 else "#%02x%02x%02x" % rgb(i)
attrs = sorted(set(s.get("attrs") or []))
print("fg=%s bg=%s attrs=%s" % (colour(s.get("fg")), colour(s.get("bg")), ",".join(attrs) or "none"))
PY
}

# Every shipped theme, at 160x45 on a truecolor terminal: the club mention
# and the money phrase in the reader are drawn exactly as the YAML says.
styles=""
for file in "$SRC"/themes/*.yaml; do
    t=$(basename "$file" .yaml)
    tl_start 160 45 TERM=xterm-direct COLORTERM=truecolor -- --theme "$t" "$FIX"
    check "$t: the theme's name is on the status line" tl_wait_status "theme $t"
    tl_keys g
    for _ in $(seq 2 "$cpos"); do tl_keys j; done
    tl_wait "Article $cpos of"
    want=$(expect_style "$file" club)
    got=$(tl_style "$ctext" "$READER_COL")
    grep -qxF -- "$want" <<<"$got" && pass "$t: club '$ctext' is $want" ||
        { fail "$t: club '$ctext' is $want (got: $(tr '\n' ';' <<<"$got"))"; }
    styles="$styles|$want"
    tl_keys g
    for _ in $(seq 2 "$mpos"); do tl_keys j; done
    tl_wait "Article $mpos of"
    want=$(expect_style "$file" money)
    got=$(tl_style "$mtext" "$READER_COL")
    grep -qxF -- "$want" <<<"$got" && pass "$t: money '$mtext' is $want" ||
        { fail "$t: money '$mtext' is $want (got: $(tr '\n' ';' <<<"$got"))"; }
    styles="$styles|$want"
done
nthemes=$(ls "$SRC"/themes/*.yaml | wc -l)
ndistinct=$(tr '|' '\n' <<<"$styles" | sed '/^$/d' | sort -u | wc -l)
check "the themes draw clubs and money in distinct styles ($ndistinct)" \
    [ "$ndistinct" -ge "$nthemes" ]

# Fallback levels with the default theme (bright-cyan bold clubs, bright-green
# bold money): 256 colours keep 14 and 10; 8 colours give cyan (6) and green
# (2); vt100 has no colours: attributes only, with mono's added (bold and
# underline clubs; money bold and italic, but vt100 has no italic).
level() { # TERM EXPECTED-CLUB EXPECTED-MONEY
    tl_start 160 45 TERM="$1" -- "$FIX"
    tl_keys g
    for _ in $(seq 2 "$cpos"); do tl_keys j; done
    tl_wait "Article $cpos of"
    check "TERM=$1: club is $2" bash -c "grep -qxF -- '$2' <<<\"\$(tl_style '$ctext' $READER_COL)\"" 
    tl_keys g
    for _ in $(seq 2 "$mpos"); do tl_keys j; done
    tl_wait "Article $mpos of"
    check "TERM=$1: money is $3" bash -c "grep -qxF -- '$3' <<<\"\$(tl_style '$mtext' $READER_COL)\""
}
export -f tl_style tl_capture
export TL_SGR_PY TL_WIDTH_PY TL_SOCKET
level xterm-256color "fg=14 bg=default attrs=bold" "fg=10 bg=default attrs=bold"
level xterm "fg=6 bg=default attrs=bold" "fg=2 bg=default attrs=bold"
level vt100 "fg=default bg=default attrs=bold,underline" "fg=default bg=default attrs=bold"
tl_snap -e
check "vt100: no colour escapes at all" bash -c "! grep -qE '[[;](3[0-9]|4[0-9]|9[0-7]|10[0-7])[;m]' <<<\"\$TL_SCREEN\""
check "vt100: the selected row is reverse video" bash -c "tl_style ' Articles 4' | grep -q reverse"

# NO_COLOR: the mono theme, unless a theme is named.
tl_start 160 45 NO_COLOR=1 -- "$FIX"
check "NO_COLOR: the mono theme" tl_wait_status "theme mono"
tl_snap -e
check "NO_COLOR: no colour escapes" bash -c "! grep -qE '[[;](3[0-9]|4[0-9]|9[0-7]|10[0-7])[;m]' <<<\"\$TL_SCREEN\""
tl_start 160 45 NO_COLOR=1 -- --theme light "$FIX"
check "NO_COLOR with --theme light: the named theme wins" tl_wait_status "theme light"

# T cycles through the available themes, in name order, and wraps.
tl_start 160 45 -- "$FIX"
names=$("$BIN" themes | cut -f1)
cur=default ok=1
for _ in $(seq 1 "$(wc -l <<<"$names")"); do
    next=$(awk -v c="$cur" 'f { print; exit } $0 == c { f = 1 }' <<<"$names")
    [ -n "$next" ] || next=$(head -1 <<<"$names")
    tl_keys T
    tl_wait_status "theme: $next" || { ok=0; echo "# T did not give $next"; }
    cur=$next
done
check "T cycles through every theme and back to default" [ "$ok" = 1 ] && [ "$cur" = default ]
tl_keys T
tl_wait_status "theme: "
tl_keys q
check "T: quits cleanly afterwards" tl_wait "TOUCHLINE-EXIT=0"

# Key rebinding: next-mention on <C-k> and m; n does nothing any more.
mkdir -p "$TL_TMP/config/touchline"
cat >"$TL_TMP/config/touchline/config.yaml" <<'YAML'
keys:
  next-mention: [<C-k>, M]
  mentions: m
YAML
tl_start 160 45 -- "$FIX"
tl_keys '?'
tl_wait "Help"
tl_snap
check "rebinding: help shows C-k M for next-mention" has_re '^ +C-k M +next-mention '
tl_keys q Enter ']'
tl_wait_status " here"
first=$(tl_status | grep -oE '[0-9]+/[0-9]+ here')
tl_keys n
sleep 0.3
check "rebinding: n no longer moves to the next mention" bash -c "tl_capture | tail -1 | grep -qF '$first'"
tl_keys C-k
check "rebinding: C-k moves to the next mention" tl_until bash -c "! tl_capture | tail -1 | grep -qF '$first'"
tl_keys q q
rm "$TL_TMP/config/touchline/config.yaml"

# The config's articles folder is read when no path is given.
mkdir -p "$TL_TMP/news"
cp "$FIX/inter-bastoni-talks.md" "$TL_TMP/news/"
printf 'articles: [%s]\ntheme: high-contrast\nlayout: narrow\ndate_format: "%%Y/%%m/%%d"\n' \
    "$TL_TMP/news" >"$TL_TMP/cfg.yaml"
tl_start 160 45 -- --config "$TL_TMP/cfg.yaml"
check "config: its articles folder is read (1 article)" tl_wait "Articles 1"
check "config: its theme is used" tl_wait_status "theme high-contrast"
day=$(grep -m1 '^date:' "$FIX/inter-bastoni-talks.md" | grep -oE '[0-9]{4}-[0-9]{2}-[0-9]{2}' | tr - /)
check "config: the list's dates in its date_format ($day)" tl_wait " $day "
tl_snap
check "config: layout narrow at 160 columns (no side-by-side panes)" lacks "│"

# Bad files: path:line:col on stderr, exit 2, and the screen never touched.
bad() { # NAME EXPECTED-REGEX ARGS...
    local name="$1" re="$2"
    shift 2
    script -qec "$(printf '%q ' env HOME="$TL_TMP/home" XDG_CONFIG_HOME="$TL_TMP/config" TERM=xterm-256color "$BIN" "$@") 2>'$TL_TMP/err'" /dev/null >"$TL_TMP/out" </dev/null
    local status=$?
    check "$name: exit status 2" [ "$status" -eq 2 ]
    check "$name: $re" grep -qE -- "$re" "$TL_TMP/err"
    check "$name: the screen is not touched" bash -c "! grep -q \$'\\e\\[' '$TL_TMP/out'"
}
printf 'name: broken\nstyles:\n  club: {fg: yelow}\n' >"$TL_TMP/broken.yaml"
bad "bad theme" "broken.yaml:3:[0-9]+: .*yelow.*yellow" --theme "$TL_TMP/broken.yaml" "$FIX"
printf 'theme: default\nkeys:\n  next-mentoin: n\n' >"$TL_TMP/badcfg.yaml"
bad "bad config (unknown request)" "badcfg.yaml:3:3: .*next-mentoin.*next-mention" \
    --config "$TL_TMP/badcfg.yaml" "$FIX"
printf 'keys:\n  quit: Q\n  back: Q\n' >"$TL_TMP/twice.yaml"
bad "bad config (key bound twice)" "twice.yaml:3:[0-9]+: " --config "$TL_TMP/twice.yaml" "$FIX"
printf 'theme: nosuchtheme\n' >"$TL_TMP/notheme.yaml"
bad "config naming a missing theme" "notheme.yaml:1:8: .*nosuchtheme" \
    --config "$TL_TMP/notheme.yaml" "$FIX"
bad "unknown --theme" "nosuch" --theme nosuch "$FIX"

tl_summary

#!/usr/bin/env bash
# check_layers: the house rules of src/ as a test. Each stage of src/core
# includes only the stages below it; the core never includes curses, cli/,
# ui/ or startup/; cli/ and ui/ never include each other; the UI parses no
# YAML, XML or HTML and runs no PCRE2 of its own; every project include is
# written one way, from src/ ("core/base/buf.h", never "../" or a bare name).
# usage: check_layers.sh SRC_DIR  (prints every violation; exit 1 if any)
set -u
src=${1:?usage: check_layers.sh SRC_DIR}
cd "$src" || exit 2

# The stages of src/core, lowest first. A new stage folder must be added here.
stages=(base html load extract index cache pipeline state fetch config)
rank_of() {
    local i
    for i in "${!stages[@]}"; do [ "${stages[$i]}" = "$1" ] && { echo "$i"; return; }; done
    echo -1
}

bad=0
fail() { printf '%s\n' "$*"; bad=1; }

for dir in core/*/; do
    d=$(basename "$dir")
    [ "$(rank_of "$d")" -ge 0 ] || fail "src/core/$d: a stage folder that check_layers.sh does not know (add it to stages, in order)"
done

while IFS= read -r f; do
    area=${f%%/*}
    stage=
    [ "$area" = core ] && { stage=${f#core/}; stage=${stage%%/*}; }
    n=0
    while IFS= read -r line; do
        n=$((n + 1))
        case "$line" in
        '#include "'*) ;;
        '#include <'*)
            inc=${line#\#include <}; inc=${inc%%>*}
            case "$area:$inc" in
            core:*curses*|core:term.h) fail "src/$f:$n: the core includes <$inc>" ;;
            startup:*curses*) fail "src/$f:$n: the start-up layer includes <$inc>" ;;
            ui:pcre2.h|ui:yaml.h|ui:libxml/*) fail "src/$f:$n: the UI includes <$inc> (it parses and matches through the core)" ;;
            esac
            continue ;;
        *) continue ;;
        esac
        inc=${line#\#include \"}; inc=${inc%%\"*}
        case "$inc" in
        ../*|./*) fail "src/$f:$n: \"$inc\": write includes from src/" ; continue ;;
        */*) ;;
        *) [ -e "$(dirname "$f")/$inc" ] && { fail "src/$f:$n: \"$inc\": write includes from src/"; continue; } ;;
        esac
        [ -e "$inc" ] || { case "$inc" in */*) fail "src/$f:$n: \"$inc\" does not exist under src/" ;; esac; continue; }
        to=${inc%%/*}
        case "$area:$to" in
        core:ui|core:cli|core:startup|core:main*) fail "src/$f:$n: the core includes $inc" ;;
        cli:ui) fail "src/$f:$n: cli/ includes ui/ ($inc)" ;;
        ui:cli) fail "src/$f:$n: ui/ includes cli/ ($inc)" ;;
        startup:ui|startup:cli) fail "src/$f:$n: the start-up layer includes $inc" ;;
        esac
        if [ "$area" = core ] && [ "$to" = core ]; then
            other=${inc#core/}; other=${other%%/*}
            if [ "$(rank_of "$other")" -gt "$(rank_of "$stage")" ]; then
                fail "src/$f:$n: core/$stage includes $inc, a stage above it"
            fi
        fi
    done <"$f"
done < <(find core cli ui startup main.c -name '*.[ch]' 2>/dev/null | sort)

[ "$bad" -eq 0 ] && echo "layers: ok ($(find core cli ui startup main.c -name '*.[ch]' 2>/dev/null | wc -l) files)"
exit "$bad"

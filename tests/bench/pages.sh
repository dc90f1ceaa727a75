#!/usr/bin/env bash
# pages.sh: main-content quality and speed on the web pages of
# ../shared/eval/pages/dev. Each page's main text (`touchline show`, after the
# metadata) is scored by ../shared/eval/score-pages (word-level F1); then the
# speed: MB of HTML per second on one core, `show` over all the dev pages as
# one whole process, the median of 5 runs. Skips cleanly when ../shared is
# absent.
# usage: tests/bench/pages.sh [BINARY]
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$here/build/touchline}
pages=$here/../shared/eval/pages/dev
scorer=$here/../shared/eval/score-pages
if [ ! -x "$scorer" ] || [ ! -d "$pages" ]; then
    echo "pages: ../shared/eval/pages not found; skipped"
    exit 0
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for d in "$pages"/*/; do
    name=$(basename "$d")
    # The main text is everything after the first blank line of `show`.
    "$bin" --no-cache show "$d/source.html" | sed '1,/^$/d' >"$out/$name.txt"
done
"$scorer" --gold "$pages" --worst 5 "$out"

files=("$pages"/*/source.html)
bytes=$(cat "${files[@]}" | wc -c)
real=() cpu=()
for _ in 1 2 3 4 5; do
    t=$({
        TIMEFORMAT='%R %U %S'
        time (for f in "${files[@]}"; do "$bin" --no-cache --threads 1 show "$f" >/dev/null; done)
    } 2>&1)
    read -r r u s <<<"$t"
    real+=("$r")
    cpu+=("$(echo "$u + $s" | bc -l)")
done
median() { printf '%s\n' "$@" | sort -g | sed -n 3p; }
mbs() { echo "$bytes / 1048576 / $1" | bc -l | xargs printf '%.1f'; }
r=$(median "${real[@]}") c=$(median "${cpu[@]}")
echo "speed: $(mbs "$r") MB/s wall, $(mbs "$c") MB/s of CPU time (${#files[@]} pages," \
    "$bytes bytes; one show process per page, median of 5: ${r}s wall, ${c}s user+sys)"

#!/usr/bin/env bash
# test_install: `cmake --install` of the binary's build tree into a temporary
# DESTDIR puts the binary, both man pages, themes, samples and completions
# under the prefix; the installed tree, moved away from both the DESTDIR and
# the source tree, runs with no arguments inside tmux and opens its own
# samples, and `touchline themes` finds the installed themes.
set -u
bin=$1
src=$2
. "$src/tests/cli/lib.sh"
sock="tl-install-$$-$RANDOM"
trap 'tmux -L "$sock" kill-server 2>/dev/null; rm -rf "$tmp"' EXIT

build=$(cd "$(dirname "$bin")" && pwd)
if [ ! -f "$build/cmake_install.cmake" ]; then
    echo "FAIL - no cmake_install.cmake beside $bin"
    echo "0 passed, 1 failed"
    exit 1
fi

DESTDIR="$tmp/dest" cmake --install "$build" --prefix /usr/local >"$tmp/install.log" 2>&1
check "cmake --install into a DESTDIR succeeds" "[ $? -eq 0 ]" || cat "$tmp/install.log"
root="$tmp/dest/usr/local"
for f in bin/touchline share/man/man1/touchline.1 share/man/man5/touchline.5 \
    share/touchline/themes/default.yaml \
    share/bash-completion/completions/touchline share/zsh/site-functions/_touchline; do
    check "installs $f" "[ -s '$root/$f' ]"
done
check "the binary is executable" "[ -x '$root/bin/touchline' ]"
check "no man page in the wrong section" \
    "[ ! -e '$root/share/man/man1/touchline.5' ] && [ ! -e '$root/share/man/man5/touchline.1' ]"
nthemes=$(ls "$src"/themes/*.yaml | wc -l)
check "installs every theme ($nthemes)" "[ \$(ls '$root'/share/touchline/themes/*.yaml | wc -l) -eq $nthemes ]"
nsamples=$(ls "$src"/samples/*.txt "$src"/samples/*.md | grep -v README | wc -l)
check "installs every sample ($nsamples)" \
    "[ \$(ls '$root'/share/touchline/samples/*.txt '$root'/share/touchline/samples/*.md | grep -v README | wc -l) -eq $nsamples ]"

# Move the installed tree: nothing may point back at DESTDIR or the source.
moved="$tmp/elsewhere/opt/touchline"
mkdir -p "$(dirname "$moved")"
mv "$root" "$moved"
rm -rf "$tmp/dest"
mkdir -p "$tmp/home" "$tmp/config" "$tmp/cache" "$tmp/data" "$tmp/cwd"
run_env=(env -i PATH="$PATH" HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/config"
    XDG_CACHE_HOME="$tmp/cache" XDG_DATA_HOME="$tmp/data" LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC
    TERM=xterm-256color)

# The installed themes, found through the prefix.
(cd "$tmp/cwd" && "${run_env[@]}" "$moved/bin/touchline" themes) >"$tmp/themes" 2>&1
check "installed: themes exits 0" "[ $? -eq 0 ]"
check "installed: every theme listed" "[ \$(wc -l <'$tmp/themes') -eq $nthemes ]"
check "installed: themes come from the prefix" \
    "! grep -v \"	installed	$moved/share/touchline/themes/\" '$tmp/themes' | grep -q ."
check "installed: no theme from the source tree" "! grep -qF '$src' '$tmp/themes'"

# The reader with no arguments, in tmux, from a folder outside the source tree.
newest=$("$bin" list "$moved/share/touchline/samples" 2>/dev/null | head -1 | cut -f2 | cut -c1-20)
check "the installed samples list" "[ -n '$newest' ]"
cmd=$(printf '%q ' "${run_env[@]}" "$moved/bin/touchline")
tmux -L "$sock" -f /dev/null new-session -d -s main -x 120 -y 35 \
    "cd $(printf '%q' "$tmp/cwd") && $cmd; echo TOUCHLINE-EXIT=\$?; sleep 60"
screen=""
for _ in $(seq 1 200); do
    screen=$(tmux -L "$sock" capture-pane -p -t main 2>/dev/null)
    grep -qF "$newest" <<<"$screen" && grep -qF "? help" <<<"$screen" && break
    sleep 0.05
done
check "installed reader: opens with no arguments" "grep -qF '? help' <<<\"\$screen\""
check "installed reader: bundled samples on the status line" "grep -qF 'bundled samples' <<<\"\$screen\""
check "installed reader: $nsamples articles" "grep -qF 'Articles $nsamples ' <<<\"\$screen\""
check "installed reader: the newest sample's title shows" "grep -qF '$newest' <<<\"\$screen\""
check "installed reader: reads the prefix's samples, not the source's" \
    "grep -qF '$moved/share/touchline/samples' <<<\"\$screen\" || ! grep -qF '$src' <<<\"\$screen\""
tmux -L "$sock" send-keys -t main q
for _ in $(seq 1 100); do
    screen=$(tmux -L "$sock" capture-pane -p -t main 2>/dev/null)
    grep -q "TOUCHLINE-EXIT=" <<<"$screen" && break
    sleep 0.05
done
check "installed reader: q quits with status 0" "grep -qF 'TOUCHLINE-EXIT=0' <<<\"\$screen\""
[ "$fail" -gt 0 ] && echo "# screen:" && sed 's/^/#   /' <<<"$screen"

cli_summary

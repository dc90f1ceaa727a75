#!/usr/bin/env bash
# test_config_cli: the user's config in the commands: extra boilerplate
# patterns and KB files from config.yaml (found through XDG_CONFIG_HOME or
# --config), and a bad config that stops the command with exit status 2.
set -u
bin=$1
src=$2
. "$src/tests/cli/lib.sh"
mkdir -p "$tmp/xdg/touchline" "$tmp/news"
printf 'Sponsored by Acme Boots\nHamlet stun Arsenal\n\nDulwich Hamlet beat Arsenal.\n' >"$tmp/news/a.txt"

XDG_CONFIG_HOME=$tmp/none "$bin" list "$tmp/news" >"$tmp/plain"
check "without a config the furniture line is the title" "cut -f2 '$tmp/plain' | grep -qx 'Sponsored by Acme Boots'"

cat >"$tmp/xdg/touchline/config.yaml" <<'CFG'
boilerplate:
  - 'sponsored by .*'
kb:
  - extra.yaml
CFG
cat >"$tmp/xdg/touchline/extra.yaml" <<'KB'
clubs:
  - name: Dulwich Hamlet
    aliases: [Hamlet]
KB
XDG_CONFIG_HOME=$tmp/xdg "$bin" list "$tmp/news" >"$tmp/cfg"
check "config boilerplate skips the furniture line" "cut -f2 '$tmp/cfg' | grep -qx 'Hamlet stun Arsenal'"
XDG_CONFIG_HOME=$tmp/xdg "$bin" extract "$tmp/news" >"$tmp/x.jsonl"
check "config KB files are merged (relative to the config)" "grep -q 'club:dulwich-hamlet' '$tmp/x.jsonl'"
XDG_CONFIG_HOME=$tmp/none "$bin" --config "$tmp/xdg/touchline/config.yaml" list "$tmp/news" >"$tmp/explicit"
check "--config names the file" "cut -f2 '$tmp/explicit' | grep -qx 'Hamlet stun Arsenal'"

printf 'boilerplate:\n  - "bad(["\n' >"$tmp/bad.yaml"
"$bin" --config "$tmp/bad.yaml" list "$tmp/news" >"$tmp/out" 2>"$tmp/err"
status=$?
check "a bad config exits 2" "[ $status -eq 2 ]"
check "before printing any article" "[ ! -s '$tmp/out' ]"
check "with path:line:col and PCRE2's message" "grep -q 'bad.yaml:2:[0-9]*: bad boilerplate pattern' '$tmp/err'"
"$bin" --config "$tmp/bad.yaml" extract "$tmp/news" >/dev/null 2>&1
status=$?
check "extract refuses a bad config too" "[ $status -eq 2 ]"

cli_summary

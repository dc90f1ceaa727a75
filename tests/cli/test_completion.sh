#!/usr/bin/env bash
# test_completion: the bash completion (completions/touchline.bash) driven as
# bash drives it: COMP_WORDS and COMP_CWORD set, _touchline called, COMPREPLY
# inspected. Subcommands, options of each, --kind values, theme names (from
# `touchline themes`) and entity names (from `touchline entities`) for
# `mentions`, --club and --person. The zsh one is checked for syntax when zsh
# is installed.
set -u
bin=$1
src=$2
. "$src/tests/cli/lib.sh"
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/xdg"
mkdir -p "$HOME" "$XDG_CONFIG_HOME"
cd "$src" || exit 1 # paths on the completed command lines are relative to it

# complete CWORD WORD...: the COMPREPLY, one a line, for the words with the
# cursor on word CWORD (word 0 is the binary). Runs in a fresh bash from dir
# $cwd (default: the source tree).
cwd=$src
complete_words() {
    local cword=$1
    shift
    (cd "$cwd" && bash -c '
source "$1"
shift
COMP_CWORD=$1
shift
COMP_WORDS=("$@")
COMP_LINE="$*"
COMPREPLY=()
_touchline
printf "%s\n" "${COMPREPLY[@]}"' _ "$src/completions/touchline.bash" "$cword" "$bin" "$@")
}

# expect NAME "EXPECTED LINES" CWORD WORD...: COMPREPLY equals the lines, in order.
expect() {
    local name=$1 want=$2
    shift 2
    local got
    got=$(complete_words "$@")
    if [ "$got" = "$want" ]; then ok "$name"; else
        bad "$name"
        echo "#   expected: $(tr '\n' '|' <<<"$want")"
        echo "#   got:      $(tr '\n' '|' <<<"$got")"
    fi
}
# has NAME WORD CWORD WORD...: COMPREPLY holds WORD.
has() {
    local name=$1 want=$2
    shift 2
    if complete_words "$@" | grep -qxF -- "$want"; then ok "$name"; else
        bad "$name"
        echo "#   '$want' not in: $(complete_words "$@" | tr '\n' '|')"
    fi
}
# lacks NAME WORD CWORD WORD...: COMPREPLY does not hold WORD.
lacks() {
    local name=$1 want=$2
    shift 2
    if complete_words "$@" | grep -qxF -- "$want"; then bad "$name"; else ok "$name"; fi
}

bash -n "$src/completions/touchline.bash" && ok "touchline.bash parses" || bad "touchline.bash parses"

# Subcommands: exactly those of `touchline --help`.
commands=$("$bin" --help | awk '/^Commands:/ { on = 1; next } on && /^$/ { exit } on { print $1 }')
for c in $commands; do
    has "subcommand $c is offered" "$c" 1 ""
done
expect "'ent' completes to entities" "entities" 1 ent
has "'th' offers themes" themes 1 th
has "a folder is offered as a reader path" "samples" 1 sam

# Global and reader options.
expect "global options" "$(printf '%s\n' --help --version --kb --config --club --person --theme)" 1 --
expect "--c gives --config and --club" "$(printf '%s\n' --config --club)" 1 --c
has "--kb takes a file" "README.md" 2 --kb READ

# Each command's options.
expect "list options" "$(printf '%s\n' --unread --starred --help)" 2 list -
expect "show options" "--help" 2 show -
expect "extract options" "$(printf '%s\n' --pretty --help)" 2 extract --
expect "entities options" "$(printf '%s\n' --kind --help)" 2 entities --
expect "mentions options" "--help" 2 mentions --
expect "check options" "--help" 2 check --
expect "themes options" "--help" 2 themes --
expect "follow options" "--help" 2 follow --
expect "unfollow options" "--help" 2 unfollow --
expect "news options" "$(printf '%s\n' --since --json --help)" 2 news --
has "news takes paths" "samples" 2 news sam
has "extract takes paths" "samples" 2 extract sam
has "options after global ones: extract" "--pretty" 4 --kb x.yaml extract --p

# --kind values.
expect "--kind values" "$(printf '%s\n' person club national_team competition media)" 3 entities --kind ""
expect "--kind na" "national_team" 3 entities --kind na
expect "-k c" "$(printf '%s\n' club competition)" 3 entities -k c

# Theme names: the first column of `touchline themes` (tab-separated off a tty).
themes=$("$bin" themes | cut -f1)
[ -n "$themes" ] && ok "touchline themes lists themes" || bad "touchline themes lists themes"
expect "--theme offers every theme" "$themes" 2 --theme ""
first_theme=$(head -1 <<<"$themes")
has "--theme completes a prefix" "$first_theme" 2 --theme "${first_theme:0:3}"

# Entity names for mentions, through `touchline entities` on the paths on the line.
names=$("$bin" entities samples | cut -f1)
bastoni=$(grep -m1 'Bastoni' <<<"$names")
[ -n "$bastoni" ] && ok "the samples name a Bastoni" || bad "the samples name a Bastoni"
q_bastoni=$(printf '%q' "$bastoni")
has "mentions NAME: a full name, quoted" "$q_bastoni" 2 mentions "${bastoni:0:5}" samples
has "mentions NAME: a surname finds the full name" "$q_bastoni" 2 mentions Bast samples
has "mentions NAME: after an opening quote, quoted alike" "\"$bastoni\"" 2 mentions "\"${bastoni:0:5}" samples
nall=$(wc -l <<<"$names")
ngot=$(complete_words 2 mentions "" samples | wc -l)
[ "$ngot" -eq "$nall" ] && ok "mentions NAME: every entity ($nall) offered" ||
    bad "mentions NAME: every entity offered ($ngot of $nall)"
cwd=$src/samples
has "mentions NAME with no path: entities of ." "$q_bastoni" 2 mentions Bast
cwd=$src
has "mentions PATH: files after the name" "samples" 3 mentions Bastoni sam
inter=$("$bin" entities --kind club samples | cut -f1 | grep -m1 '^Inter ')
has "--club: club names of the paths on the line" "$(printf '%q' "$inter")" 2 --club Inter samples
lacks "--club offers no people" "$q_bastoni" 2 --club Bast samples
has "--person: person names" "$q_bastoni" 2 --person Bast samples

has "follow NAME: a surname finds the full name" "$q_bastoni" 2 follow Bast samples
has "follow PATH: files after the name" "samples" 3 follow Bastoni sam
# unfollow NAME: the followed names, from `touchline follow`.
export XDG_STATE_HOME=$tmp/state
"$bin" follow Bastoni samples >/dev/null
has "unfollow NAME: a followed name" "$q_bastoni" 2 unfollow Ale
expect "unfollow NAME: nothing else" "$q_bastoni" 2 unfollow ""

# zsh: syntax only.
if command -v zsh >/dev/null; then
    zsh -n "$src/completions/_touchline" && ok "_touchline parses (zsh -n)" || bad "_touchline parses (zsh -n)"
fi

cli_summary

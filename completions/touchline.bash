# bash completion for touchline: subcommands, options, theme names, --kind
# values, entity names for `mentions`, `follow`, --club and --person (asked
# of `touchline entities` over the paths already on the command line, or
# `.`), and the followed names for `unfollow` (asked of `touchline follow`).
# Installed as share/bash-completion/completions/touchline; or source it.

_touchline_commands="list show extract entities mentions fetch check themes follow unfollow news"
_touchline_kinds="person club national_team competition media"

# The touchline being completed: the command word as typed (./build/touchline
# works), with a leading ~ expanded.
_touchline_bin()
{
    local bin=${COMP_WORDS[0]}
    [[ $bin == "~/"* ]] && bin=$HOME/${bin#"~/"}
    if [[ $bin != */* ]] && ! type -P "$bin" >/dev/null 2>&1; then
        bin=touchline
    fi
    printf '%s\n' "$bin"
}

# Runs touchline with the global options of the command line (--kb, --config),
# bounded in time when timeout(1) is there. Errors are dropped.
_touchline_run()
{
    local bin
    bin=$(_touchline_bin)
    if type -P timeout >/dev/null 2>&1; then
        timeout 10 "$bin" "${_touchline_globals[@]}" "$@" 2>/dev/null
    else
        "$bin" "${_touchline_globals[@]}" "$@" 2>/dev/null
    fi
}

# Sets COMPREPLY to the lines of stdin (not a pipe: it must run in this
# shell) that start with $1, else to those with a word that starts with it,
# each quoted for the shell unless the word being completed starts with a quote.
_touchline_reply_lines()
{
    local cur=$1 quoted= line
    case $cur in \"* | \'*) quoted=${cur:0:1}; cur=${cur:1} ;; esac
    cur=${cur//\\/}
    local -a lines=() found=()
    mapfile -t lines
    for line in "${lines[@]}"; do
        [[ -n $line && $line == "$cur"* ]] && found+=("$line")
    done
    # Nothing starts so: a later word may (Bast finds Alessandro Bastoni).
    if [[ ${#found[@]} -eq 0 && -n $cur ]]; then
        local lower=${cur,,}
        for line in "${lines[@]}"; do
            [[ " ${line,,}" == *" $lower"* ]] && found+=("$line")
        done
    fi
    COMPREPLY=()
    for line in "${found[@]}"; do
        if [[ -n $quoted ]]; then
            COMPREPLY+=("$quoted$line$quoted")
        else
            COMPREPLY+=("$(printf '%q' "$line")")
        fi
    done
}

# Entity names (of one kind, or all when $2 is empty) over the given paths.
_touchline_entities()
{
    local cur=$1 kind=$2
    shift 2
    [[ $# -eq 0 ]] && set -- .
    local -a kindopt=()
    [[ -n $kind ]] && kindopt=(--kind "$kind")
    _touchline_reply_lines "$cur" < <(_touchline_run entities "${kindopt[@]}" "$@" | cut -f1)
}

_touchline_files()
{
    compopt -o filenames 2>/dev/null
    local IFS=$'\n'
    COMPREPLY=($(compgen -f -- "$1"))
}

_touchline()
{
    local cur=${COMP_WORDS[COMP_CWORD]}
    local prev=
    [[ $COMP_CWORD -gt 0 ]] && prev=${COMP_WORDS[COMP_CWORD - 1]}
    COMPREPLY=()

    # Walk the words before the cursor: global options, the subcommand, and
    # the positional words after it.
    local i word cmd= cmd_at=0
    local -a positional=()
    _touchline_globals=()
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        case $word in
        --kb | --config)
            [[ -z $cmd && $((i + 1)) -lt $COMP_CWORD ]] &&
                _touchline_globals+=("$word" "${COMP_WORDS[i + 1]}")
            ((i++))
            ;;
        --club | --person | --theme | --kind | -k | --since) ((i++)) ;;
        -*) ;;
        *)
            if [[ -z $cmd && ${#positional[@]} -eq 0 && " $_touchline_commands " == *" $word "* ]]; then
                cmd=$word
                cmd_at=$i
            else
                positional+=("$word")
            fi
            ;;
        esac
    done
    # Paths typed after the cursor count too (completing a name put first).
    local -a after=()
    for ((i = COMP_CWORD + 1; i < ${#COMP_WORDS[@]}; i++)); do
        [[ ${COMP_WORDS[i]} == -* ]] || after+=("${COMP_WORDS[i]}")
    done

    # Option arguments.
    case $prev in
    --kb | --config)
        _touchline_files "$cur"
        return 0
        ;;
    --kind | -k)
        if [[ $cmd == entities ]]; then
            COMPREPLY=($(compgen -W "$_touchline_kinds" -- "$cur"))
            return 0
        fi
        ;;
    --theme)
        _touchline_reply_lines "$cur" < <(_touchline_run themes | cut -f1)
        return 0
        ;;
    --club | --person)
        if [[ -z $cmd ]]; then
            _touchline_entities "$cur" "${prev#--}" "${positional[@]}" "${after[@]}"
            return 0
        fi
        ;;
    esac

    case $cmd in
    "")
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "--help --version --kb --config --club --person --theme" -- "$cur"))
        elif [[ ${#positional[@]} -eq 0 ]]; then
            _touchline_files "$cur"
            COMPREPLY+=($(compgen -W "$_touchline_commands" -- "$cur"))
        else
            _touchline_files "$cur"
        fi
        ;;
    list)
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "--unread --starred --help" -- "$cur"))
        else
            _touchline_files "$cur"
        fi
        ;;
    show)
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "--help" -- "$cur"))
        else
            _touchline_files "$cur"
        fi
        ;;
    follow)
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "--help" -- "$cur"))
        elif [[ ${#positional[@]} -eq 0 ]]; then
            _touchline_entities "$cur" "" "${after[@]}"
        else
            _touchline_files "$cur"
        fi
        ;;
    unfollow)
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "--help" -- "$cur"))
        elif [[ ${#positional[@]} -eq 0 ]]; then
            _touchline_reply_lines "$cur" < <(_touchline_run follow | cut -f1)
        fi
        ;;
    news)
        if [[ $prev == --since ]]; then
            COMPREPLY=($(compgen -W "$(date +%Y-%m-%d)" -- "$cur"))
        elif [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "--since --json --help" -- "$cur"))
        else
            _touchline_files "$cur"
        fi
        ;;
    extract)
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "--pretty --help" -- "$cur"))
        else
            _touchline_files "$cur"
        fi
        ;;
    entities)
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "--kind --help" -- "$cur"))
        else
            _touchline_files "$cur"
        fi
        ;;
    mentions)
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "--help" -- "$cur"))
        elif [[ ${#positional[@]} -eq 0 ]]; then
            _touchline_entities "$cur" "" "${after[@]}"
        else
            _touchline_files "$cur"
        fi
        ;;
    check)
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "--help" -- "$cur"))
        else
            _touchline_files "$cur"
        fi
        ;;
    themes)
        COMPREPLY=($(compgen -W "--help" -- "$cur"))
        ;;
    fetch)
        COMPREPLY=($(compgen -W "--help" -- "$cur"))
        ;;
    esac
    return 0
}

complete -F _touchline touchline

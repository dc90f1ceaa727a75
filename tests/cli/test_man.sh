#!/usr/bin/env bash
# test_man: the manual pages agree with the program. The KEYS section of
# touchline.1 lists every request of src/startup/requests.h's REQUESTS table with
# exactly its default keys (in the help screen's notation, from keys.c), and
# nothing else; SYNOPSIS names every command and option of `touchline --help`
# and of each `touchline COMMAND --help`; touchline.5 lists every theme
# element of src/core/config/theme.h and every config key of src/core/config/config.c. Both
# pages render with `groff -mandoc -ww -z` and `mandoc -Tlint` (each when
# installed; .ci/run installs both) without a warning.
set -u
bin=$1
src=$2
. "$src/tests/cli/lib.sh"
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/xdg"
mkdir -p "$HOME" "$XDG_CONFIG_HOME"
page1=$src/man/touchline.1
page5=$src/man/touchline.5

for p in "$page1" "$page5"; do
    [ -s "$p" ] && ok "$(basename "$p") exists" || bad "$(basename "$p") exists"
done

# The key table: "request<TAB>key key key" per request, from the X-macro of
# startup/requests.h (keys in the config's notation, KEYCODE_*); each mapped to
# the curses code(s) keys.c binds (Enter is also KpEnter) and named as
# keys_name() names them (keys.c's `named` table, C-x for KEYCODE_CTRL, Fn for
# KEYCODE_Fn, else the character). A key listed by two requests belongs to the
# later one, as keys_init() binds them.
python3 - "$src" >"$tmp/table" <<'EOF' || bad "reading the key table of keys.h"
import re, sys
src = sys.argv[1]
keys_h = open(src + "/src/startup/requests.h").read()
keys_c = open(src + "/src/ui/keys.c").read()
lines = []
for line in keys_h.split("#define REQUESTS(X)", 1)[1].split("\n"):
    lines.append(line.rstrip())
    if not line.rstrip().endswith("\\"):
        break
body = " ".join(l.rstrip("\\") for l in lines)

def skip_quoted(s, k):
    q = s[k]
    k += 1
    while s[k] != q:
        k += 2 if s[k] == "\\" else 1
    return k

def split_args(s):
    out, depth, start, k = [], 0, 0, 0
    while k < len(s):
        c = s[k]
        if c in "'\"":
            k = skip_quoted(s, k)
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "," and depth == 0:
            out.append(s[start:k].strip())
            start = k + 1
        k += 1
    out.append(s[start:].strip())
    return out

entries, i = [], 0
while True:
    j = body.find("X(", i)
    if j < 0:
        break
    depth, k = 0, j + 1
    while True:
        if body[k] in "'\"":
            k = skip_quoted(body, k)
        elif body[k] == "(":
            depth += 1
        elif body[k] == ")":
            depth -= 1
            if depth == 0:
                break
        k += 1
    entries.append(split_args(body[j + 2:k]))
    i = k + 1
if not entries:
    sys.exit("no X(...) entries in REQUESTS")

named = {}
table = keys_c.split("named[] = {", 1)[1].split("};", 1)[0]
for item in re.findall(r"\{((?:[^{}\"]|\"[^\"]*\")*)\}", table):
    expr, name = item.rsplit(",", 1)
    named.setdefault(re.sub(r"\s+", "", expr), name.strip().strip('"'))

config_codes = {
    "KEYCODE_ENTER": ["'\\r'", "KEYS_FN(KEY_ENTER)"], "KEYCODE_TAB": ["'\\t'"], "KEYCODE_SPACE": ["' '"],
    "KEYCODE_ESC": ["KEYS_ESC"], "KEYCODE_UP": ["KEYS_FN(KEY_UP)"], "KEYCODE_DOWN": ["KEYS_FN(KEY_DOWN)"],
    "KEYCODE_LEFT": ["KEYS_FN(KEY_LEFT)"], "KEYCODE_RIGHT": ["KEYS_FN(KEY_RIGHT)"],
    "KEYCODE_HOME": ["KEYS_FN(KEY_HOME)"], "KEYCODE_END": ["KEYS_FN(KEY_END)"],
    "KEYCODE_PGUP": ["KEYS_FN(KEY_PPAGE)"], "KEYCODE_PGDN": ["KEYS_FN(KEY_NPAGE)"],
    "KEYCODE_BACKTAB": ["KEYS_FN(KEY_BTAB)"], "KEYCODE_BACKSPACE": ["127"],
}

def key_names(expr):
    e = re.sub(r"\s+", "", expr)
    if e in config_codes:
        return [key_name(c) for c in config_codes[e]]
    m = re.fullmatch(r"KEYCODE_CTRL\('(.)'\)", e)
    if m:
        return ["C-" + m.group(1).lower()]
    m = re.fullmatch(r"KEYCODE_F(\d+)", e)
    if m:
        return ["F" + m.group(1)]
    n = key_name(expr)
    return [n] if n else []

def key_name(expr):
    e = re.sub(r"\s+", "", expr)
    if e == "0":
        return None
    if e in named:
        return named[e]
    m = re.fullmatch(r"KEYS_CTRL\('(.)'\)", e)
    if m:
        return "C-" + m.group(1).lower()
    m = re.fullmatch(r"KEYS_FN\(KEY_F\((\d+)\)\)", e)
    if m:
        return "F" + m.group(1)
    m = re.fullmatch(r"'(.)'", expr.strip())
    if m:
        return m.group(1)
    m = re.fullmatch(r"'\\(['\\\\])'", e)
    if m:
        return m.group(1)
    sys.exit("cannot name the key expression " + expr)

owner, order = {}, []
for ent in entries:
    name = ent[1].strip('"')
    order.append(name)
    for k in ent[3:]:
        for n in key_names(k):
            owner.pop(n, None)
            owner[n] = name
for name in order:
    print(name + "\t" + " ".join(sorted((k for k, r in owner.items() if r == name), key=lambda k: k.encode())))
EOF

# The KEYS section: ".It Ic KEY , KEY Pq Cm request" entries.
awk '
/^\.Sh / { on = ($0 == ".Sh KEYS"); next }
on && /^\.It Ic / {
    line = substr($0, 5)
    req = ""
    if (match(line, / Pq Cm [^ ]+/)) {
        req = substr(line, RSTART + 7, RLENGTH - 7)
        line = substr(line, 1, RSTART - 1)
    }
    n = split(line, w, " ")
    m = 0
    for (i = 1; i <= n; i++) {
        if (w[i] == "Ic" || w[i] == ",") continue
        k = w[i]
        sub(/^\\&/, "", k)
        if (k == "\\e") k = "\\"
        # insertion sort, byte order (as sort(1) under LC_ALL=C)
        for (j = m; j > 0 && keys[j] > k; j--) keys[j + 1] = keys[j]
        keys[j + 1] = k
        m++
    }
    out = ""
    for (i = 1; i <= m; i++) out = out (i > 1 ? " " : "") keys[i]
    printf "%s\t%s\n", req, out
}' "$page1" >"$tmp/man"

nreq=$(wc -l <"$tmp/table")
nman=$(wc -l <"$tmp/man")
[ "$nreq" -gt 20 ] && ok "requests.h has $nreq requests" || bad "requests.h has requests (found $nreq)"
[ "$nman" -gt 0 ] && ok "KEYS lists $nman requests" || bad "KEYS lists requests"
sort "$tmp/table" >"$tmp/table.sorted"
sort "$tmp/man" >"$tmp/man.sorted"
missing=$(cut -f1 "$tmp/table.sorted" | grep -vxF -f <(cut -f1 "$tmp/man.sorted"))
extra=$(cut -f1 "$tmp/man.sorted" | grep -vxF -f <(cut -f1 "$tmp/table.sorted"))
[ -z "$missing" ] && ok "KEYS documents every request of keys.h" ||
    bad "KEYS documents every request of keys.h; missing: $(echo $missing)"
[ -z "$extra" ] && ok "KEYS documents no request keys.h lacks" ||
    bad "KEYS documents no request keys.h lacks; extra: $(echo $extra)"
while IFS=$'\t' read -r req keys; do
    mine=$(awk -F'\t' -v r="$req" '$1 == r { print $2 }' "$tmp/man.sorted")
    grep -qxF "$req" <(cut -f1 "$tmp/man.sorted") || continue
    if [ "$mine" = "$keys" ]; then ok "KEYS: $req is '$keys'"; else
        bad "KEYS: $req is '$keys' in keys.h, '$mine' in touchline.1"
    fi
done <"$tmp/table.sorted"
dups=$(cut -f2 "$tmp/man" | tr ' ' '\n' | grep . | sort | uniq -d)
[ -z "$dups" ] && ok "KEYS gives no key twice" || bad "KEYS gives keys twice: $(echo $dups)"

# SYNOPSIS: every command and option of the help.
synopsis=$(awk '/^\.Sh / { on = ($0 == ".Sh SYNOPSIS"); next } on' "$page1")
commands=$("$bin" --help | awk '/^Commands:/ { on = 1; next } on && /^$/ { exit } on { print $1 }')
[ -n "$commands" ] && ok "touchline --help lists commands" || bad "touchline --help lists commands"
for c in $commands; do
    grep -qxF ".Cm $c" <<<"$synopsis" && ok "SYNOPSIS: command $c" || bad "SYNOPSIS: command $c"
    opts=$("$bin" "$c" --help 2>/dev/null | grep -o -- '--[a-z][a-z-]*' | sort -u)
    for o in $opts; do
        grep -qE -- "Fl -${o#--}( |$)" <<<"$synopsis" && ok "SYNOPSIS: $c $o" || bad "SYNOPSIS: $c $o"
    done
done
syn_cmds=$(sed -n 's/^\.Cm \([a-z]*\)$/\1/p' <<<"$synopsis")
for c in $syn_cmds; do
    grep -qxF "$c" <<<"$commands" && ok "SYNOPSIS: $c is a command" || bad "SYNOPSIS: $c is a command"
done
for o in $("$bin" --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
    grep -qE -- "Fl -${o#--}( |$)|-${o#--}$" <<<"$synopsis" &&
        ok "SYNOPSIS: option $o" || bad "SYNOPSIS: option $o"
done
# The reader's own options (those of its getopt table that take a value).
reader_opts=$(grep -o -- '{"[a-z-]*", required_argument' "$src/src/ui/ui.c" | sed 's/{"\([a-z-]*\)".*/--\1/')
for o in $reader_opts; do
    grep -qE -- "Fl -${o#--}( |$)" <<<"$synopsis" && ok "SYNOPSIS: reader option $o" ||
        bad "SYNOPSIS: reader option $o"
done

# touchline.5: every theme element and every config key.
elements=$(grep -oE 'X\([A-Z_]+, "[a-z_-]+"' "$src/src/core/config/theme.h" | sed 's/.*"\(.*\)"/\1/')
themes5=$(awk '/^\.Sh / { on = ($0 == ".Sh THEMES"); next } on' "$page5")
for e in $elements; do
    grep -qxF ".It Ic $e" <<<"$themes5" && ok "touchline.5: theme element $e" ||
        bad "touchline.5: theme element $e"
done
keys=$(sed -n '/top_keys\[\] = {/,/};/p' "$src/src/core/config/config.c" | grep -o '"[a-z_]*"' | tr -d '"')
config5=$(awk '/^\.Sh / { on = ($0 == ".Sh CONFIGURATION"); next } on' "$page5")
[ -n "$keys" ] && ok "config.c has top-level keys" || bad "config.c has top-level keys"
for k in $keys; do
    grep -qxF ".It Ic $k" <<<"$config5" && ok "touchline.5: config key $k" ||
        bad "touchline.5: config key $k"
done

# Rendering without warnings.
for p in "$page1" "$page5"; do
    name=$(basename "$p")
    if command -v groff >/dev/null; then
        out=$(groff -mandoc -ww -z "$p" 2>&1)
        [ $? -eq 0 ] && [ -z "$out" ] && ok "$name: groff -mandoc -ww -z is quiet" ||
            { bad "$name: groff -mandoc -ww -z is quiet"; echo "$out" | sed 's/^/#   /'; }
    else
        echo "skip - groff is not installed (apt-get install groff-base)"
    fi
    if command -v mandoc >/dev/null; then
        out=$(mandoc -Tlint -Wwarning "$p" 2>&1)
        [ $? -eq 0 ] && [ -z "$out" ] && ok "$name: mandoc -Tlint is quiet" ||
            { bad "$name: mandoc -Tlint is quiet"; echo "$out" | sed 's/^/#   /'; }
    else
        echo "skip - mandoc is not installed"
    fi
done

cli_summary

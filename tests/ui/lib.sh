# lib.sh: helpers for the tmux-driven UI tests. Source it after setting
# BIN (the touchline binary) and SRC (the source tree). Each test script
# starts sessions with tl_start, types with tl_keys, waits with tl_wait
# (polling capture-pane with a bounded wait) and ends with tl_summary.

set -u
PASSED=0
FAILED=0
TL_SOCKET="tl-ui-$$-${RANDOM}"
TL_SOCKETS=()
TL_PIDS=()
TL_COUNT=0
TL_TMP="$(mktemp -d)"
TL_TIMEOUT="${TL_TIMEOUT:-10}"
mkdir -p "$TL_TMP/home" "$TL_TMP/config" "$TL_TMP/data" "$TL_TMP/cache"

# Colours of the default theme (themes/default.yaml): bright-yellow,
# bright-cyan and bright-green.
TL_COLOR_PERSON=11
TL_COLOR_CLUB=14
TL_COLOR_MONEY=10

# A pid and its descendants, one a line.
tl_descendants() {
    local p
    for p in "$@"; do
        echo "$p"
        tl_descendants $(pgrep -P "$p")
    done
}

# tl_kill_server SOCKET: ends a tmux server, first noting its panes'
# processes (the shell and the reader under it) in TL_PIDS.
tl_kill_server() {
    local panes
    panes=$(tmux -L "$1" list-panes -a -F '#{pane_pid}' 2>/dev/null) || return 0
    TL_PIDS+=($(tl_descendants $panes))
    tmux -L "$1" kill-server 2>/dev/null
}

tl_cleanup() {
    for s in "${TL_SOCKETS[@]+"${TL_SOCKETS[@]}"}"; do tl_kill_server "$s"; done
    # a reader told to go by its server's end may still be saving its state
    # under $TL_TMP: wait (ten seconds at most) for those processes to exit
    local p i=0
    for p in "${TL_PIDS[@]+"${TL_PIDS[@]}"}"; do
        while kill -0 "$p" 2>/dev/null && [ "$i" -lt 100 ]; do
            sleep 0.1
            i=$((i + 1))
        done
    done
    # none is left behind: a sanitizer build's leak check can hang at exit
    # when the terminal's hang-up (SIGHUP, SIGCONT) lands while it has the
    # process stopped, and then spins for ever
    for p in "${TL_PIDS[@]+"${TL_PIDS[@]}"}"; do
        kill -9 "$p" 2>/dev/null || true
    done
    rm -rf "$TL_TMP"
}
trap tl_cleanup EXIT

# The UI fixtures, copied so that the plain-text one (which has no date of
# its own and takes its file's time) has the same date on every checkout.
tl_fixtures() {
    cp -r "$SRC/tests/fixtures/ui" "$TL_TMP/fixtures"
    touch -d '2024-03-01 12:00:00 UTC' "$TL_TMP/fixtures/spurs-son-gundogan.txt"
    echo "$TL_TMP/fixtures"
}

command -v tmux >/dev/null || { echo "tmux is not installed"; echo "0 passed, 1 failed"; exit 1; }

pass() { PASSED=$((PASSED + 1)); echo "ok - $1"; }
fail() {
    FAILED=$((FAILED + 1))
    echo "not ok - $1"
    if [ -n "${TL_SESSION:-}" ]; then
        echo "# screen:"
        tl_capture | sed 's/^/#   /'
    fi
}
check() { # check NAME COMMAND...
    local name="$1"
    shift
    if "$@"; then pass "$name"; else fail "$name"; fi
}

# tl_start W H [TERM=...] [NO_COLOR=1] -- ARGS...: a new session running the
# reader with a pinned environment; waits for its status line.
tl_start() {
    local w="$1" h="$2"
    shift 2
    local envs=()
    while [ $# -gt 0 ] && [ "$1" != "--" ]; do envs+=("$1"); shift; done
    [ $# -gt 0 ] && shift
    local term=xterm-256color
    local args=""
    for a in "$@"; do args="$args $(printf '%q' "$a")"; done
    local extra=""
    for e in "${envs[@]+"${envs[@]}"}"; do
        case "$e" in TERM=*) term="${e#TERM=}" ;; *) extra="$extra $(printf '%q' "$e")" ;; esac
    done
    for v in ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS; do
        [ -n "${!v:-}" ] && extra="$extra $v=$(printf '%q' "${!v}")"
    done
    tl_kill_server "$TL_SOCKET"
    TL_COUNT=$((TL_COUNT + 1))
    TL_SOCKET="tl-ui-$$-$RANDOM-$TL_COUNT" # a fresh server: no race with the old one exiting
    TL_SOCKETS+=("$TL_SOCKET")
    TL_SESSION=main
    tmux -L "$TL_SOCKET" -f /dev/null new-session -d -s main -x "$w" -y "$h" \
        "env -i PATH=$(printf '%q' "$PATH") HOME=$TL_TMP/home XDG_CONFIG_HOME=$TL_TMP/config \
XDG_DATA_HOME=$TL_TMP/data XDG_CACHE_HOME=$TL_TMP/cache LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC \
TERM=$term$extra $(printf '%q' "$BIN")$args; echo TOUCHLINE-EXIT=\$?; sleep 600"
    tmux -L "$TL_SOCKET" set-option -g status off >/dev/null
    tmux -L "$TL_SOCKET" set-option -g window-size manual >/dev/null 2>&1
    tmux -L "$TL_SOCKET" resize-window -t main -x "$w" -y "$h" >/dev/null 2>&1
    tl_wait "? help"
}

tl_keys() { tmux -L "$TL_SOCKET" send-keys -t main "$@"; }
tl_type() { tmux -L "$TL_SOCKET" send-keys -t main -l "$1"; }
tl_capture() { tmux -L "$TL_SOCKET" capture-pane -t main -p "$@" 2>/dev/null; }
tl_resize() {
    tmux -L "$TL_SOCKET" resize-window -t main -x "$1" -y "$2"
}
# The status line (last row).
tl_status() { tl_capture | tail -n 1; }

# tl_wait TEXT [SECONDS]: polls the screen until TEXT shows (fixed string).
tl_wait() {
    local text="$1" limit="${2:-$TL_TIMEOUT}" i=0
    while [ "$i" -lt $((limit * 20)) ]; do
        tl_capture | grep -qF -- "$text" && return 0
        sleep 0.05
        i=$((i + 1))
    done
    return 1
}

# tl_wait_gone TEXT [SECONDS]: polls until TEXT is no longer on screen.
tl_wait_gone() {
    local text="$1" limit="${2:-$TL_TIMEOUT}" i=0
    while [ "$i" -lt $((limit * 20)) ]; do
        tl_capture | grep -qF -- "$text" || return 0
        sleep 0.05
        i=$((i + 1))
    done
    return 1
}

# tl_until COMMAND...: polls until the command succeeds (bounded wait).
tl_until() {
    local i=0
    while [ "$i" -lt $((TL_TIMEOUT * 20)) ]; do
        "$@" && return 0
        sleep 0.05
        i=$((i + 1))
    done
    return 1
}

# tl_wait_status REGEX: polls until the status line matches an extended regex.
tl_wait_status() {
    local re="$1" limit="${2:-$TL_TIMEOUT}" i=0
    while [ "$i" -lt $((limit * 20)) ]; do
        tl_status | grep -qE -- "$re" && return 0
        sleep 0.05
        i=$((i + 1))
    done
    return 1
}

# A mouse event in SGR (1006) form at 1-based column X, row Y: button 0 is a
# left click (press and release), 64/65 the wheel up/down.
tl_mouse() {
    local seq
    seq=$(printf '\033[<%d;%d;%dM' "$1" "$2" "$3")
    [ "$1" -lt 64 ] && seq="$seq$(printf '\033[<%d;%d;%dm' "$1" "$2" "$3")" # and the release
    tmux -L "$TL_SOCKET" send-keys -t main -l "$seq"
}

# has TEXT / lacks TEXT: whether the last tl_snap screen shows a fixed string.
tl_snap() { TL_SCREEN=$(tl_capture "$@"); }
has() { grep -qF -- "$1" <<<"$TL_SCREEN"; }
lacks() { ! grep -qF -- "$1" <<<"$TL_SCREEN"; }
has_re() { grep -qE -- "$1" <<<"$TL_SCREEN"; }
# row N of the last snapshot (1-based)
row() { sed -n "${1}p" <<<"$TL_SCREEN"; }

tl_summary() {
    echo "$PASSED passed, $FAILED failed"
    [ "$FAILED" -eq 0 ]
}

# JSON helpers over `touchline extract` output.
tl_extract() { (cd "$SRC" && "$BIN" extract "$@"); }

# tl_query QUERY ARGS... < extract.jsonl: answers about `touchline extract`
# output in the reader's terms (list order = newest first, then by path).
#   order                 titles in list order
#   first-entity          id and name of the first mention of the newest article
#   first-person          the same, among people
#   walk ID               "position count" for each listed article with ID
#   total ID              mentions of ID in the corpus, then its article count
#   articles ID           titles of the articles that mention ID, in list order
#   top KIND              id and name of the entity of KIND in most articles
#   name ID               the entity's canonical name
tl_query() {
    python3 -c '
import json, sys
arts = [json.loads(l) for l in sys.stdin if l.strip()]
arts.sort(key=lambda a: a["path"])
arts.sort(key=lambda a: a["date"], reverse=True)
q, args = sys.argv[1], sys.argv[2:]
def ents(a):
    return {e["id"]: e for e in a["entities"]}
if q == "order":
    for a in arts: print(a["title"])
elif q == "first-entity":
    best = None
    for e in arts[0]["entities"]:
        for m in e["mentions"]:
            key = (0 if m.get("field") == "title" else 1, m["start"])
            if best is None or key < best[0]: best = (key, e)
    print(best[1]["id"] + "\t" + best[1]["name"])
elif q == "first-person":
    best = None
    for e in arts[0]["entities"]:
        if e["kind"] != "person": continue
        for m in e["mentions"]:
            key = (0 if m.get("field") == "title" else 1, m["start"])
            if best is None or key < best[0]: best = (key, e)
    print(best[1]["id"] + "\t" + best[1]["name"])
elif q == "walk":
    for i, a in enumerate(arts):
        e = ents(a).get(args[0])
        if e: print(i + 1, len(e["mentions"]))
elif q == "total":
    n = [len(ents(a)[args[0]]["mentions"]) for a in arts if args[0] in ents(a)]
    print(sum(n), len(n))
elif q == "articles":
    for a in arts:
        if args[0] in ents(a): print(a["title"])
elif q == "top":
    count = {}
    names = {}
    for a in arts:
        for e in a["entities"]:
            if e["kind"] == args[0]:
                count[e["id"]] = count.get(e["id"], 0) + 1
                names[e["id"]] = e["name"]
    if count:
        best = sorted(count, key=lambda i: (-count[i], names[i]))[0]
        print(best + "\t" + names[best])
elif q == "name":
    for a in arts:
        if args[0] in ents(a):
            print(ents(a)[args[0]]["name"]); break
' "$@"
}

# Display width of text, as a terminal counts it (wide CJK = 2, combining = 0).
TL_WIDTH_PY='
import unicodedata
def width(s):
    w = 0
    for c in s:
        if unicodedata.combining(c): continue
        w += 2 if unicodedata.east_asian_width(c) in "WF" else 1
    return w
'

# tl_style TEXT [MINCOL]: the style of the first cell of each occurrence of
# TEXT on screen at or right of display column MINCOL, a line each in screen
# order, from capture-pane -e, as
# "fg=F bg=B attrs=A": colours as 0-255, #rrggbb or "default"; attributes as
# a sorted comma list of bold, dim, italic, underline, blink, reverse (or
# "none"). Exits 1 when TEXT is not on screen.
TL_SGR_PY='
import re, sys
def cells(screen):
    """Yields (row, text, style) runs of the screen with their SGR state."""
    st = {"fg": "default", "bg": "default", "attrs": set()}
    names = {1: "bold", 2: "dim", 3: "italic", 4: "underline", 5: "blink", 7: "reverse"}
    offs = {22: ("bold", "dim"), 23: ("italic",), 24: ("underline",), 25: ("blink",), 27: ("reverse",)}
    for y, line in enumerate(screen.split("\n")):
        for part in re.split(r"(\x1b\[[0-9;:]*m)", line):
            m = re.fullmatch(r"\x1b\[([0-9;:]*)m", part)
            if not m:
                if part:
                    yield y, part, (st["fg"], st["bg"], ",".join(sorted(st["attrs"])) or "none")
                continue
            codes = [int(c) if c else 0 for c in re.split("[;:]", m.group(1))] or [0]
            i = 0
            while i < len(codes):
                c = codes[i]
                if c == 0: st = {"fg": "default", "bg": "default", "attrs": set()}
                elif c in names: st["attrs"].add(names[c])
                elif c in offs: st["attrs"] -= set(offs[c])
                elif 30 <= c <= 37 or 40 <= c <= 47:
                    st["fg" if c < 40 else "bg"] = str(c % 10)
                elif 90 <= c <= 97 or 100 <= c <= 107:
                    st["fg" if c < 100 else "bg"] = str(c % 10 + 8)
                elif c in (39, 49): st["fg" if c == 39 else "bg"] = "default"
                elif c in (38, 48) and i + 2 < len(codes) and codes[i + 1] == 5:
                    st["fg" if c == 38 else "bg"] = str(codes[i + 2]); i += 2
                elif c in (38, 48) and i + 4 < len(codes) and codes[i + 1] == 2:
                    st["fg" if c == 38 else "bg"] = "#%02x%02x%02x" % tuple(codes[i + 2:i + 5]); i += 4
                i += 1
'
tl_style() {
    tl_capture -e | python3 -c "$TL_SGR_PY$TL_WIDTH_PY"'
text, mincol = sys.argv[1], int(sys.argv[2])
rows, found = {}, False
for y, part, style in cells(sys.stdin.read()):
    rows.setdefault(y, []).append((part, style))
for y in sorted(rows):
    line = "".join(p for p, _ in rows[y])
    start = 0
    while True:
        i = line.find(text, start)
        if i < 0: break
        if width(line[:i]) >= mincol:
            pos = 0
            for part, style in rows[y]:
                if pos + len(part) > i:
                    print("fg=%s bg=%s attrs=%s" % style); found = True; break
                pos += len(part)
        start = i + 1
sys.exit(0 if found else 1)' "$1" "${2:-0}"
}

# tl_colored COLOR TEXT: whether TEXT is drawn with foreground COLOR (0-255
# or #rrggbb) somewhere on screen.
tl_colored() { tl_style "$2" | grep "^fg=$1 " >/dev/null; } # all read: no broken pipe
# tl_bg COLOR TEXT: the same for the background.
tl_bg() { tl_style "$2" | grep " bg=$1 " >/dev/null; }

# tl_aligned: whether every row that has pane separators (│) has them at the
# same display columns, i.e. no name or wide character shifted a row.
tl_aligned() {
    tl_capture | python3 -c "$TL_WIDTH_PY"'
import sys
cols = set()
for line in sys.stdin.read().split("\n"):
    if "│" not in line: continue
    pos, seps = 0, []
    for c in line:
        if c == "│": seps.append(pos)
        pos += width(c)
    cols.add(tuple(seps))
sys.exit(0 if len(cols) == 1 else 1)'
}

# tl_find TEXT [MINCOL]: "col row" (1-based cells) of TEXT's first occurrence
# at or right of display column MINCOL (0-based); exits 1 when absent.
tl_find() {
    tl_capture | python3 -c "$TL_WIDTH_PY"'
import sys
text, mincol = sys.argv[1], int(sys.argv[2])
for y, line in enumerate(sys.stdin.read().split("\n")):
    start = 0
    while True:
        i = line.find(text, start)
        if i < 0: break
        x = width(line[:i])
        if x >= mincol:
            print(x + 1, y + 1); sys.exit(0)
        start = i + 1
sys.exit(1)' "$1" "${2:-0}"
}

# The JSON fields of an entity's first mention in list order: text, list position.
tl_first_mention() {
    python3 -c '
import json, sys
arts = [json.loads(l) for l in sys.stdin if l.strip()]
arts.sort(key=lambda a: a["path"]); arts.sort(key=lambda a: a["date"], reverse=True)
for i, a in enumerate(arts):
    for e in a["entities"]:
        if e["id"] == sys.argv[1]:
            print(e["mentions"][0]["text"] + "\t" + str(i + 1)); sys.exit(0)
sys.exit(1)' "$1"
}

# The first money fact (fee, wage, release clause) in list order: text, list position.
tl_first_money() {
    python3 -c '
import json, sys
arts = [json.loads(l) for l in sys.stdin if l.strip()]
arts.sort(key=lambda a: a["path"]); arts.sort(key=lambda a: a["date"], reverse=True)
for i, a in enumerate(arts):
    for f in a["facts"]:
        if f["kind"] in ("fee", "wage", "release_clause") and "value" in f and f.get("field") != "title":
            print(f["text"].split()[0] + "\t" + str(i + 1)); sys.exit(0)
sys.exit(1)'
}

# tl_fee_corpus DIR REPEAT: 200 articles DIR/0000.md (dated 2025-12-31) to
# DIR/0199.md, a day older each, titled "Article NNNN", whose body is one
# paragraph REPEAT times: a fee between two clubs, a player, a contract.
tl_fee_corpus() {
    mkdir -p "$1"
    python3 - "$1" "$2" <<'PY'
import datetime, sys
para = ("Chelsea have agreed a fee of \u00a340m with Arsenal for the midfielder "
        "Declan Rice, who signed a five-year contract. ")
day = datetime.date(2025, 12, 31)
for i in range(200):
    date = day - datetime.timedelta(days=i)
    with open(f"{sys.argv[1]}/{i:04d}.md", "w", encoding="utf-8") as f:
        f.write(f"---\ntitle: Article {i:04d}\ndate: {date}\n---\n" + para * int(sys.argv[2]) + "\n")
PY
}

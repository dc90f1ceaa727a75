#!/usr/bin/env bash
# test_extract: `touchline extract`, `entities` and `mentions` on the samples:
# valid JSON Lines in argument order, byte offsets that slice out exactly
# each mention's and fact's text, the golden labels matched in full, and
# the commands' exit codes, also when the output cannot be written.
set -u
bin=$1
src=$2
. "$src/tests/cli/lib.sh"

"$bin" extract "$src/samples" >"$tmp/out.jsonl" 2>"$tmp/err"
status=$?
check "extract samples exits 0" "[ $status -eq 0 ]"
check "one line per sample (README skipped)" "[ $(wc -l <"$tmp/out.jsonl") -eq $(ls "$src"/samples/*.md "$src"/samples/*.txt | grep -vc /README) ]"

# Every line is JSON; offsets slice the text of the body (from `show`) or title.
python3 - "$bin" "$tmp/out.jsonl" <<'PY' >"$tmp/offsets" 2>&1
import json, subprocess, sys
binary, path = sys.argv[1], sys.argv[2]
bad = 0
for line in open(path, encoding="utf-8"):
    o = json.loads(line)
    shown = subprocess.run([binary, "show", o["path"]], capture_output=True).stdout
    body = shown.split(b"\n\n", 1)[1][:-1]
    title = o["title"].encode()
    for e in o["entities"]:
        assert e["id"].startswith(e["kind"] + ":"), e
        for m in e["mentions"]:
            text = title if m.get("field") == "title" else body
            if text[m["start"]:m["end"]].decode() != m["text"]:
                bad += 1
                print("mention", o["path"], m)
    for f in o["facts"]:
        if body[f["start"]:f["end"]].decode() != f["text"]:
            bad += 1
            print("fact", o["path"], f)
print("bad", bad)
PY
check "all JSON valid and every offset slices its text" "grep -qx 'bad 0' '$tmp/offsets'"

"$bin" extract "$src/samples/inter-bastoni-contract-talks.md" "$src/samples/arsenal-declan-rice-record.md" >"$tmp/two.jsonl"
check "argument order kept" "[ \"\$(python3 -c 'import json,sys; print(\" \".join(json.loads(l)[\"path\"].split(\"/\")[-1] for l in open(sys.argv[1])))' "$tmp/two.jsonl")\" = 'inter-bastoni-contract-talks.md arsenal-declan-rice-record.md' ]"

python3 - "$tmp/two.jsonl" <<'PY' >"$tmp/bastoni" 2>&1
import json, sys
o = json.loads(open(sys.argv[1]).readline())
facts = {(f["kind"], f.get("value"), f.get("subject")) for f in o["facts"]}
want = {("fee", 31000000, "Alessandro Bastoni"), ("wage", 3900000, "Alessandro Bastoni"),
        ("contract", 2024, "Alessandro Bastoni"), ("contract", 2027, "Alessandro Bastoni"),
        ("age", 23, "Alessandro Bastoni"), ("caps", 17, "Alessandro Bastoni"),
        ("appearances", 134, "Alessandro Bastoni")}
missing = want - facts
print("missing", sorted(missing, key=str))
fee = next(f for f in o["facts"] if f["kind"] == "fee")
print("fee-clubs", fee.get("from"), fee.get("to"), fee.get("currency"))
PY
check "Bastoni facts with the right subject" "grep -qx 'missing \[\]' '$tmp/bastoni'"
check "Bastoni fee from Atalanta, in GBP" "grep -q \"fee-clubs Atalanta .* GBP\" '$tmp/bastoni'"

python3 "$src/tests/golden/score.py" "$src/tests/golden" "$tmp/out.jsonl" --min-entity=${GOLDEN_MIN_ENTITY:-1.0} --min-fact=${GOLDEN_MIN_FACT:-1.0} --min-subject=${GOLDEN_MIN_SUBJECT:-1.0} >"$tmp/golden"
status=$?
check "golden labels matched ($(head -1 "$tmp/golden"))" "[ $status -eq 0 ]"

"$bin" entities --kind club "$src/samples" >"$tmp/clubs"
check "entities --kind club lists clubs only" "[ -s '$tmp/clubs' ] && ! cut -f2 '$tmp/clubs' | grep -qv '^club$'"
check "entities is sorted by mentions" "cut -f4 '$tmp/clubs' | sort -rn -c"
"$bin" entities --kind bogus "$src/samples" >/dev/null 2>&1
status=$?
check "entities --kind bogus exits 2" "[ $status -eq 2 ]"

"$bin" mentions Nerazzurri "$src/samples" >"$tmp/m"
status=$?
check "mentions resolves an alias" "[ $status -eq 0 ] && grep -q 'inter-bastoni-contract-talks.md:[0-9]*:[0-9]*: ' '$tmp/m'"
"$bin" mentions "Nobody Atall" "$src/samples" >/dev/null 2>&1
status=$?
check "mentions of an unknown name exits 1" "[ $status -eq 1 ]"
"$bin" extract >/dev/null 2>&1
status=$?
check "extract with no path exits 2" "[ $status -eq 2 ]"
"$bin" extract "$tmp/missing" >/dev/null 2>&1
status=$?
check "extract of a missing path exits 2" "[ $status -eq 2 ]"

# The output goes out in chunks of 64 KiB: the samples (more than 100 KiB of
# JSON) at once give each file's own output, one after the other.
files=$(ls "$src"/samples/*.md "$src"/samples/*.txt | grep -v /README)
for pretty in "" --pretty; do
    "$bin" extract $pretty $files >"$tmp/all.jsonl" 2>/dev/null
    : >"$tmp/each.jsonl"
    for f in $files; do "$bin" extract $pretty "$f" >>"$tmp/each.jsonl" 2>/dev/null; done
    check "extract $pretty of all the samples at once is each one's output in turn" \
        "[ $(wc -c <"$tmp/all.jsonl") -gt 65536 ] && cmp -s '$tmp/all.jsonl' '$tmp/each.jsonl'"
done

# Compact output writes the entities and their mentions straight into its
# buffer, --pretty through the JSON writer's calls: both hold the same
# members in the same order, the title mentions' "field" and the persons'
# "role" included.
"$bin" extract $files >"$tmp/compact.jsonl" 2>/dev/null
"$bin" extract --pretty $files >"$tmp/pretty.json" 2>/dev/null
python3 - "$tmp/compact.jsonl" "$tmp/pretty.json" <<'PY' >"$tmp/same" 2>&1
import json, sys
decoder = json.JSONDecoder(object_pairs_hook=list)
compact = [decoder.decode(line) for line in open(sys.argv[1], encoding="utf-8")]
text = open(sys.argv[2], encoding="utf-8").read()
pretty, at = [], 0
while True:
    while at < len(text) and text[at].isspace():
        at += 1
    if at == len(text):
        break
    value, at = decoder.raw_decode(text, at)
    pretty.append(value)
titled = sum(line.count('"field":"title"') for line in open(sys.argv[1], encoding="utf-8"))
roles = sum(line.count('"role":') for line in open(sys.argv[1], encoding="utf-8"))
print(f"{len(compact)} articles, {titled} title fields, {roles} roles")
sys.exit(0 if compact == pretty and titled > 0 and roles > 0 else 1)
PY
status=$?
check "compact and --pretty output hold the same members in order ($(cat "$tmp/same"))" "[ $status -eq 0 ]"

# --kb: a user's knowledge base merged over the built-in one, and a bad one.
cat >"$tmp/kb.yaml" <<'KB'
clubs:
  - name: Dulwich Hamlet
    aliases: [The Hamlet]
    country: England
KB
printf 'Hamlet win\n\nDulwich Hamlet beat Arsenal in a friendly.\n' >"$tmp/a.txt"
"$bin" --kb "$tmp/kb.yaml" extract "$tmp/a.txt" >"$tmp/kb.out"
check "--kb adds a club" "grep -q '\"club:dulwich-hamlet\"' '$tmp/kb.out'"
"$bin" extract "$tmp/a.txt" >"$tmp/nokb.out"
check "without --kb the club is unknown" "! grep -q 'club:dulwich' '$tmp/nokb.out'"
printf 'clubs:\n  - name: Broken\n    aliases: [a, b\n' >"$tmp/bad.yaml"
"$bin" --kb "$tmp/bad.yaml" extract "$tmp/a.txt" >/dev/null 2>"$tmp/bad.err"
status=$?
check "a bad KB file exits 2" "[ $status -eq 2 ]"
check "a bad KB file is reported as path:line:col" "grep -q 'bad.yaml:[0-9]*:[0-9]*: ' '$tmp/bad.err'"
printf 'clubs:\n  - aliases: [x]\n' >"$tmp/noname.yaml"
"$bin" --kb "$tmp/noname.yaml" extract "$tmp/a.txt" >/dev/null 2>"$tmp/noname.err"
check "an entry without a name is reported with its line" "grep -q 'noname.yaml:2:5: entry has no .name.' '$tmp/noname.err'"

# --threads: the same output on any number of threads; a bad count is a usage error.
"$bin" --threads 1 extract "$src/samples" "$src/samples" >"$tmp/t1.jsonl" 2>/dev/null
"$bin" --threads 3 extract "$src/samples" "$src/samples" >"$tmp/t3.jsonl" 2>/dev/null
check "--threads 3 gives the output of --threads 1" "cmp -s '$tmp/t1.jsonl' '$tmp/t3.jsonl'"
check "--threads 1 gives the default output" "cmp -s '$tmp/out.jsonl' <(head -n $(wc -l <"$tmp/out.jsonl") '$tmp/t1.jsonl')"
"$bin" --threads many extract "$src/samples" >/dev/null 2>"$tmp/threads.err"
status=$?
check "--threads many exits 2" "[ $status -eq 2 ]"
check "--threads many says why" "grep -q -- '--threads: expected a number' '$tmp/threads.err'"

# Output that cannot be written (a full disk) fails with the reason, not a
# cut-off file and exit 0; a reader that left a pipe early is not an error.
if [ -w /dev/full ]; then
    for cmd in extract list entities; do
        "$bin" --no-cache "$cmd" "$src/samples" >/dev/full 2>"$tmp/full.err"
        status=$?
        check "$cmd to a full disk exits 1" "[ $status -eq 1 ]"
        check "$cmd to a full disk says why" \
            "grep -qx 'touchline: cannot write the output: No space left on device' '$tmp/full.err'"
    done
fi
"$bin" --no-cache extract "$src/samples" "$src/samples" 2>"$tmp/pipe.err" | head -c 10 >/dev/null
check "extract into a pipe closed early prints nothing" "[ ! -s '$tmp/pipe.err' ]"

cli_summary

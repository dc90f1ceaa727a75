#!/usr/bin/env python3
"""Compares `touchline extract` JSON Lines with the gold labels of tests/golden.

The matching rules are those of the project's label format (see
tests/golden/README.md): names are folded (case, accents, punctuation, a
leading "the", club suffixes); an extracted entity matches a gold one of the
same kind when any of its names or mention texts equals the gold name or an
alias; a fact matches on kind, value and (for money) currency; its subject
is right when it names the gold subject or one of its forms.

usage: score.py GOLD_DIR EXTRACT.jsonl [--explain] [--min-entity F] [--min-fact F] [--min-subject F]
Exit status 1 when a score is under its minimum.
"""
import json
import os
import sys
import unicodedata

MONEY = {"fee", "wage", "release_clause"}
SCORED = {"fee", "wage", "release_clause", "caps", "appearances", "age", "contract"}
KINDS = {"person", "club", "national_team", "competition", "media"}
CLUB_SUFFIXES = {"fc", "afc", "cf", "sc"}


def fold(text):
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = text.replace("\u2019", "'")
    if text.endswith("'s"):
        text = text[:-2]
    words = "".join(ch if ch.isalnum() or ch.isspace() else " " for ch in text).split()
    if words[:1] == ["the"]:
        words = words[1:]
    while words and words[-1] in CLUB_SUFFIXES:
        words.pop()
    while words and words[0] in CLUB_SUFFIXES:
        words.pop(0)
    return " ".join(words)


def f1(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


def entity_forms(ent, gold):
    if gold:
        names = [ent.get("name")] + list(ent.get("aliases", []))
    else:
        names = [ent.get("name")] + [m.get("text") for m in ent.get("mentions", [])]
    return {fold(n) for n in names} - {""}


def close(a, b):
    try:
        return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(b)))
    except (TypeError, ValueError):
        return False


def score(gold, out, counts, explain, name):
    extracted = [e for e in out.get("entities", []) if e.get("kind") in KINDS]
    taken, forms_of = set(), {}
    for g in gold["entities"]:
        gf = entity_forms(g, True)
        hit = next((i for i, e in enumerate(extracted)
                    if i not in taken and e.get("kind") == g["kind"] and gf & entity_forms(e, False)), None)
        if hit is None:
            counts["efn"] += 1
            explain and print(f"{name}: missed {g['kind']} {g['name']!r}")
        else:
            taken.add(hit)
            counts["etp"] += 1
            gf = gf | entity_forms(extracted[hit], False)
        forms_of[fold(g["name"])] = gf
    for i, e in enumerate(extracted):
        if i not in taken:
            counts["efp"] += 1
            explain and print(f"{name}: false {e.get('kind')} {e.get('name')!r}")

    facts = [f for f in out.get("facts", []) if f.get("kind") in SCORED]
    taken = set()
    for g in gold["facts"]:
        def fits(f):
            return (f.get("kind") == g["kind"] and close(f.get("value"), g.get("value")) and
                    (g["kind"] not in MONEY or (f.get("currency") or "").upper() == (g.get("currency") or "").upper()))

        def subject_right(f):
            if not g.get("subject"):
                return not f.get("subject")
            return fold(f.get("subject")) in forms_of.get(fold(g["subject"]), {fold(g["subject"])})
        candidates = [i for i, f in enumerate(facts) if i not in taken and fits(f)]
        hit = next((i for i in candidates if subject_right(facts[i])), candidates[0] if candidates else None)
        if hit is None:
            counts["ffn"] += 1
            explain and print(f"{name}: missed fact {g['kind']}={g.get('value')} ({g.get('subject')}) {g.get('text', '')!r}")
            continue
        taken.add(hit)
        counts["ftp"] += 1
        counts["sn"] += 1
        if subject_right(facts[hit]):
            counts["sok"] += 1
        elif explain:
            print(f"{name}: wrong subject for {g['kind']}={g.get('value')}: {facts[hit].get('subject')!r}, gold {g.get('subject')!r}")
    for i, f in enumerate(facts):
        if i not in taken:
            counts["ffp"] += 1
            explain and print(f"{name}: false fact {f['kind']}={f.get('value')} {f.get('text', '')!r}")


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    opts = {a.split("=")[0]: a.split("=")[1] if "=" in a else True for a in argv if a.startswith("--")}
    gold_dir, extract_file = args[0], args[1]
    golds = {}
    for fn in sorted(os.listdir(gold_dir)):
        if fn.endswith(".json"):
            with open(os.path.join(gold_dir, fn), encoding="utf-8") as fh:
                g = json.load(fh)
            golds[os.path.splitext(g["file"])[0]] = g
    outs = {}
    with open(extract_file, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                o = json.loads(line)
                outs[os.path.splitext(os.path.basename(o["path"]))[0]] = o
    counts = dict.fromkeys(["etp", "efp", "efn", "ftp", "ffp", "ffn", "sok", "sn"], 0)
    for key, g in golds.items():
        if key not in outs:
            print(f"{key}: no extract output")
        score(g, outs.get(key, {}), counts, "--explain" in opts, key)
    ef = f1(counts["etp"], counts["efp"], counts["efn"])
    ff = f1(counts["ftp"], counts["ffp"], counts["ffn"])
    sa = counts["sok"] / counts["sn"] if counts["sn"] else 1.0
    print(f"entity F1 {ef:.3f} (tp {counts['etp']} fp {counts['efp']} fn {counts['efn']})  "
          f"fact F1 {ff:.3f} (tp {counts['ftp']} fp {counts['ffp']} fn {counts['ffn']})  "
          f"subject accuracy {sa:.3f}")
    low = [(n, v, float(opts[k])) for n, v, k in (("entity F1", ef, "--min-entity"), ("fact F1", ff, "--min-fact"),
                                                  ("subject accuracy", sa, "--min-subject")) if k in opts and v < float(opts[k])]
    for n, v, m in low:
        print(f"FAIL: {n} {v:.3f} is under {m}")
    return 1 if low else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

#!/usr/bin/env python3
"""check_kb.py - consistency checks for touchline's knowledge base (src/kb/*.yaml).

Owns nothing at run time: it is a maintainer's tool. It loads every file
(with PyYAML when installed, else with a small parser for the subset of YAML
these files use) and checks:

  * each file has its one top-level key holding a sequence (lexicon: mapping);
  * every entry has a name, known keys only, lists of non-empty strings;
    strings are NFC-normalised UTF-8 without stray whitespace;
  * no duplicate canonical names within a file;
  * no name/alias/nickname/demonym (compared case-insensitively, accents
    folded, punctuation and a leading "the" ignored) belongs to two different
    entities across clubs, national teams, competitions, media and people;
    a weak form may belong to at most one entity; a string that is strong for
    one entity and weak for another is allowed (listed with --verbose);
  * club leagues are competitions, countries are national teams, codes,
    confederations, media types and roles are valid;
  * lexicon lists are non-empty and given_names and not_names do not overlap.

Prints counts; exit status 0 when there are no errors, 1 otherwise.
Usage: check_kb.py [--kb DIR] [--verbose]
"""

import argparse
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
KB_DIR = os.path.normpath(os.path.join(HERE, ".."))

ENTITY_FILES = [  # file, top-level key, kind
    ("clubs.yaml", "clubs", "club"),
    ("national_teams.yaml", "national_teams", "national_team"),
    ("competitions.yaml", "competitions", "competition"),
    ("media.yaml", "media", "media"),
    ("people.yaml", "people", "person"),
]
LIST_KEYS = {"aliases", "nicknames", "demonyms", "weak"}
ALLOWED = {
    "club": {"name", "aliases", "nicknames", "weak", "country", "league"},
    "national_team": {"name", "aliases", "demonyms", "code", "confederation"},
    "competition": {"name", "aliases", "weak", "country", "confederation"},
    "media": {"name", "aliases", "weak", "country", "type"},
    "person": {"name", "role", "aliases", "weak"},
}
CONFEDERATIONS = {"UEFA", "CONMEBOL", "CONCACAF", "CAF", "AFC", "OFC"}
MEDIA_TYPES = {"newspaper", "broadcaster", "agency", "website", "magazine", "programme"}
ROLES = {"player", "manager", "agent", "official", "other"}
# country values that are not national teams (media only)
EXTRA_COUNTRIES = {"United Kingdom"}
LEXICON_KEYS = {"given_names", "name_particles", "role_words", "not_names", "short_names"}


# ------------------------------------------------------------------ loading

class KbError(Exception):
    pass


def _scalar(tok, path, lineno):
    tok = tok.strip()
    if tok.startswith("'"):
        if not tok.endswith("'") or len(tok) < 2:
            raise KbError("%s:%d: unterminated quoted string" % (path, lineno))
        return tok[1:-1].replace("''", "'")
    if tok.startswith('"'):
        if not tok.endswith('"') or len(tok) < 2:
            raise KbError("%s:%d: unterminated quoted string" % (path, lineno))
        return bytes(tok[1:-1], "utf-8").decode("unicode_escape") if "\\" in tok else tok[1:-1]
    return tok


def _flow_list(text, path, lineno):
    text = text.strip()
    if not (text.startswith("[") and text.endswith("]")):
        raise KbError("%s:%d: expected a [flow, list]" % (path, lineno))
    body = text[1:-1]
    items, cur, quote, i = [], "", None, 0
    while i < len(body):
        ch = body[i]
        if quote:
            cur += ch
            if ch == quote:
                if quote == "'" and i + 1 < len(body) and body[i + 1] == "'":
                    cur += "'"
                    i += 1
                else:
                    quote = None
        elif ch in "'\"" and not cur.strip():
            quote = ch
            cur += ch
        elif ch == ",":
            items.append(cur)
            cur = ""
        else:
            cur += ch
        i += 1
    if cur.strip():
        items.append(cur)
    return [_scalar(x, path, lineno) for x in items if x.strip()]


def mini_yaml(path):
    """Parse the YAML subset used by src/kb (fallback when PyYAML is missing):
    comments, block mappings, block sequences of mappings, flow lists (which
    may span lines) and plain or quoted scalars."""
    with open(path, encoding="utf-8") as fh:
        raw_lines = fh.read().split("\n")
    # join multi-line flow lists
    lines = []
    buf, start = None, 0
    for n, line in enumerate(raw_lines, 1):
        stripped = re.sub(r"\s+#.*$", "", line) if "'" not in line and '"' not in line else line
        if buf is not None:
            buf += " " + stripped.strip()
            if buf.count("[") <= buf.count("]"):
                lines.append((start, buf))
                buf = None
            continue
        if not stripped.strip() or stripped.lstrip().startswith("#"):
            continue
        if stripped.count("[") > stripped.count("]"):
            buf, start = stripped, n
            continue
        lines.append((n, stripped))
    if buf is not None:
        raise KbError("%s:%d: unterminated flow list" % (path, start))

    root = {}
    stack = [(-1, root)]          # (indent, container)
    pending = None                # (indent, parent dict, key) waiting for a value
    for n, line in lines:
        indent = len(line) - len(line.lstrip(" "))
        text = line.strip()
        while stack and indent <= stack[-1][0] and len(stack) > 1:
            stack.pop()
        parent = stack[-1][1]
        if pending is not None:
            pind, pdict, pkey = pending
            pending = None
            if indent > pind:
                if text.startswith("- ") or text == "-":
                    pdict[pkey] = []
                    stack.append((pind, pdict[pkey]))
                    parent = pdict[pkey]
                elif text.startswith("["):
                    pdict[pkey] = _flow_list(text, path, n)
                    continue
                else:
                    pdict[pkey] = {}
                    stack.append((pind, pdict[pkey]))
                    parent = pdict[pkey]
            else:
                pdict[pkey] = None
        if text.startswith("- "):
            if not isinstance(parent, list):
                raise KbError("%s:%d: sequence item outside a sequence" % (path, n))
            item = {}
            parent.append(item)
            stack.append((indent, item))
            text = text[2:].strip()
            indent += 2
            parent = item
            stack[-1] = (indent - 1, item)
        m = re.match(r"^([^:'\"\[\]{}]+?):(?:\s+(.*))?$", text)
        if not m:
            raise KbError("%s:%d: cannot parse: %s" % (path, n, text[:60]))
        key, val = m.group(1).strip(), (m.group(2) or "").strip()
        if not isinstance(parent, dict):
            raise KbError("%s:%d: mapping key inside a sequence" % (path, n))
        if key in parent:
            raise KbError("%s:%d: duplicate key '%s'" % (path, n, key))
        if val == "":
            parent[key] = None
            pending = (indent, parent, key)
        elif val.startswith("["):
            parent[key] = _flow_list(val, path, n)
        else:
            parent[key] = _scalar(val, path, n)
    return root


def load(path):
    try:
        import yaml
    except ImportError:
        return mini_yaml(path), "mini"
    with open(path, encoding="utf-8") as fh:
        try:
            return yaml.safe_load(fh), "PyYAML"
        except yaml.YAMLError as exc:
            raise KbError("%s: %s" % (path, exc))


# ------------------------------------------------------------------ folding

EXTRA_FOLD = str.maketrans({"ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d",
                            "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i",
                            "ð": "d", "þ": "th", "ß": "ss", "&": " and "})


def fold(s):
    """lower case, accents removed, punctuation dropped, leading 'the' dropped."""
    s = s.translate(EXTRA_FOLD)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = re.sub(r"['’`´!]", "", s)
    s = re.sub(r"[^\w]+", " ", s).strip()
    s = re.sub(r"^the ", "", s)
    return s


# ------------------------------------------------------------------- checks

class Report:
    def __init__(self):
        self.errors = []
        self.warnings = []

    def error(self, msg):
        self.errors.append(msg)

    def warn(self, msg):
        self.warnings.append(msg)


def check_string(rep, where, s):
    if not isinstance(s, str) or not s.strip():
        rep.error("%s: empty or non-string value %r" % (where, s))
        return False
    if s != s.strip() or "  " in s:
        rep.error("%s: stray whitespace in %r" % (where, s))
    if unicodedata.normalize("NFC", s) != s:
        rep.error("%s: %r is not NFC-normalised" % (where, s))
    if any(unicodedata.category(c) in ("Cc", "Cf") for c in s):
        rep.error("%s: control or format character in %r" % (where, s))
    return True


def check_entities(rep, kb, verbose):
    owners = {}      # folded -> {"strong": {ent: form}, "weak": {ent: form}}
    names = {}
    for fname, key, kind in ENTITY_FILES:
        entries = kb.get(key)
        if entries is None:
            continue
        seen = {}
        for i, e in enumerate(entries):
            where = "%s[%d]" % (fname, i)
            if not isinstance(e, dict):
                rep.error("%s: entry is not a mapping" % where)
                continue
            name = e.get("name")
            if not check_string(rep, where + ".name", name):
                continue
            where = "%s (%s)" % (fname, name)
            for k in e:
                if k not in ALLOWED[kind]:
                    rep.error("%s: unknown key '%s'" % (where, k))
            for k in LIST_KEYS & set(e):
                v = e[k]
                if v is None:
                    continue
                if not isinstance(v, list):
                    rep.error("%s: '%s' must be a list" % (where, k))
                    e[k] = []
                    continue
                for s in v:
                    check_string(rep, "%s.%s" % (where, k), s)
            for k in set(e) - LIST_KEYS - {"name"}:
                if e[k] is not None:
                    check_string(rep, "%s.%s" % (where, k), e[k])
            f = fold(name)
            if f in seen:
                rep.error("%s: duplicate canonical name (also %s)" % (where, seen[f]))
            seen[f] = name
            ent = (kind, name)
            names.setdefault(kind, set()).add(name)
            weak = [s for s in (e.get("weak") or []) if isinstance(s, str)]
            weak_f = {fold(s) for s in weak}
            strong = [name] + [s for k in ("aliases", "nicknames", "demonyms")
                               for s in (e.get(k) or []) if isinstance(s, str)]
            strong_seen = set()
            for s in strong:
                fs = fold(s)
                if not fs:
                    rep.error("%s: %r folds to nothing" % (where, s))
                    continue
                if fs in weak_f:
                    if s == name:
                        continue      # the bare canonical name is declared weak
                    rep.warn("%s: %r is both strong and weak" % (where, s))
                    continue
                if fs in strong_seen:
                    continue          # spelling variants of one form are fine
                strong_seen.add(fs)
                owners.setdefault(fs, {"strong": {}, "weak": {}})["strong"].setdefault(ent, s)
            for s in weak:
                fs = fold(s)
                if fs:
                    owners.setdefault(fs, {"strong": {}, "weak": {}})["weak"].setdefault(ent, s)

    def show(d):
        return "; ".join("%s %s (%r)" % (k, n, s) for (k, n), s in sorted(d.items()))

    overlaps = 0
    for fs, o in sorted(owners.items()):
        if len(o["strong"]) > 1:
            rep.error("alias %r is strong for several entities: %s" % (fs, show(o["strong"])))
        if len(o["weak"]) > 1:
            rep.error("weak form %r belongs to several entities: %s" % (fs, show(o["weak"])))
        others = {k: v for k, v in o["weak"].items() if k not in o["strong"]}
        if o["strong"] and others:
            overlaps += 1
            if verbose:
                print("  note: %r strong for %s, weak for %s" % (fs, show(o["strong"]), show(others)))
    return names, overlaps, len(owners)


def check_refs(rep, kb, names):
    comps = names.get("competition", set())
    teams = names.get("national_team", set())
    codes = {}
    for e in kb.get("national_teams") or []:
        if not isinstance(e, dict):
            continue
        c = e.get("code")
        if c is not None and not re.match(r"^[A-Z]{3}$", str(c)):
            rep.error("national_teams.yaml (%s): bad code %r" % (e.get("name"), c))
        if c in codes:
            rep.error("national_teams.yaml (%s): code %s also used by %s" % (e.get("name"), c, codes[c]))
        codes[c] = e.get("name")
    for fname, key in (("national_teams.yaml", "national_teams"), ("competitions.yaml", "competitions")):
        for e in kb.get(key) or []:
            if isinstance(e, dict) and e.get("confederation") not in (None, *CONFEDERATIONS):
                rep.error("%s (%s): unknown confederation %r" % (fname, e.get("name"), e.get("confederation")))
    for fname, key in (("clubs.yaml", "clubs"), ("competitions.yaml", "competitions"), ("media.yaml", "media")):
        for e in kb.get(key) or []:
            ok = teams | (EXTRA_COUNTRIES if key == "media" else set())
            if isinstance(e, dict) and e.get("country") is not None and e["country"] not in ok:
                rep.error("%s (%s): country %r is not a national team name" % (fname, e.get("name"), e["country"]))
    for e in kb.get("clubs") or []:
        if isinstance(e, dict) and e.get("league") is not None and e["league"] not in comps:
            rep.error("clubs.yaml (%s): league %r is not in competitions.yaml" % (e.get("name"), e["league"]))
    for e in kb.get("media") or []:
        if isinstance(e, dict) and e.get("type") not in MEDIA_TYPES:
            rep.error("media.yaml (%s): type %r not one of %s" % (e.get("name"), e.get("type"), sorted(MEDIA_TYPES)))
    for e in kb.get("people") or []:
        if isinstance(e, dict) and e.get("role") not in ROLES:
            rep.error("people.yaml (%s): role %r not one of %s" % (e.get("name"), e.get("role"), sorted(ROLES)))


def check_lexicon(rep, lex):
    if not isinstance(lex, dict):
        rep.error("lexicon.yaml: top level must be a mapping")
        return {}
    for k in LEXICON_KEYS - set(lex):
        rep.error("lexicon.yaml: missing key '%s'" % k)
    for k in set(lex) - LEXICON_KEYS:
        rep.error("lexicon.yaml: unknown key '%s'" % k)
    counts = {}

    def words(where, v):
        if not isinstance(v, list) or not v:
            rep.error("lexicon.yaml: %s must be a non-empty list" % where)
            return []
        seen = set()
        for s in v:
            check_string(rep, "lexicon.yaml " + where, s)
            if s in seen:
                rep.warn("lexicon.yaml %s: duplicate %r" % (where, s))
            seen.add(s)
        return v

    for k in ("given_names", "name_particles", "not_names"):
        counts[k] = len(words(k, lex.get(k)))
    roles = lex.get("role_words")
    if not isinstance(roles, dict):
        rep.error("lexicon.yaml: role_words must be a mapping of role -> list")
    else:
        for r, v in roles.items():
            if r not in ROLES:
                rep.error("lexicon.yaml: role_words has unknown role '%s'" % r)
            counts["role_words." + r] = len(words("role_words." + str(r), v))
    both = set(lex.get("given_names") or []) & set(lex.get("not_names") or [])
    if both:
        rep.error("lexicon.yaml: in both given_names and not_names: %s" % ", ".join(sorted(both)))
    for s in lex.get("name_particles") or []:
        if isinstance(s, str) and s != s.lower():
            rep.error("lexicon.yaml name_particles: %r should be lower case" % s)
    return counts


def main():
    ap = argparse.ArgumentParser(description="check touchline's knowledge base")
    ap.add_argument("--kb", default=KB_DIR, help="folder with the YAML files (default: %(default)s)")
    ap.add_argument("--verbose", "-v", action="store_true", help="also list warnings and strong/weak overlaps")
    args = ap.parse_args()

    rep = Report()
    kb = {}
    parser = None
    for fname, key, _kind in ENTITY_FILES + [("lexicon.yaml", None, None)]:
        path = os.path.join(args.kb, fname)
        if not os.path.exists(path):
            if fname == "people.yaml":
                continue      # optional
            rep.error("%s: missing" % path)
            continue
        try:
            data, parser = load(path)
        except (KbError, UnicodeDecodeError) as exc:
            rep.error(str(exc))
            continue
        if key is None:
            kb["lexicon"] = data
            continue
        if not isinstance(data, dict) or set(data) != {key}:
            rep.error("%s: top level must be a mapping with the single key '%s'" % (fname, key))
            continue
        if not isinstance(data[key], list):
            rep.error("%s: '%s' must hold a sequence" % (fname, key))
            continue
        kb[key] = data[key]

    names, overlaps, nforms = check_entities(rep, kb, args.verbose)
    check_refs(rep, kb, names)
    lex_counts = check_lexicon(rep, kb.get("lexicon")) if "lexicon" in kb else {}

    print("touchline knowledge base: %s (parsed with %s)" % (args.kb, parser))
    for fname, key, _ in ENTITY_FILES:
        if key in kb:
            ents = kb[key]
            n_alias = sum(len([x for k in ("aliases", "nicknames", "demonyms") for x in (e.get(k) or [])])
                          for e in ents if isinstance(e, dict))
            n_weak = sum(len(e.get("weak") or []) for e in ents if isinstance(e, dict))
            print("  %-20s %5d entities, %5d aliases/nicknames/demonyms, %4d weak forms"
                  % (fname, len(ents), n_alias, n_weak))
    if lex_counts:
        print("  %-20s %s" % ("lexicon.yaml", ", ".join("%s %d" % kv for kv in lex_counts.items())))
    print("  %d distinct folded name forms; %d strong/weak overlaps across entities (allowed)"
          % (nforms, overlaps))
    if args.verbose:
        for w in rep.warnings:
            print("  warning: " + w)
    elif rep.warnings:
        print("  %d warnings (use --verbose)" % len(rep.warnings))
    for e in rep.errors:
        print("  ERROR: " + e)
    print("%s: %d errors" % ("FAIL" if rep.errors else "OK", len(rep.errors)))
    return 1 if rep.errors else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""import_openfootball.py - turn the CC0 openfootball / sport.db text files into
*candidate* entries for touchline's knowledge base (src/kb/*.yaml).

This script owns nothing that ships: its output is raw material to be curated
by hand (usual English canonical names, nicknames, weak forms, dropping
clutter) before it goes into the YAML files. See src/kb/README.md.

Usage:
  import_openfootball.py clubs [--country England ...] [--new-only] [--src DIR]
  import_openfootball.py competitions [--new-only] [--src DIR]
  import_openfootball.py national-teams [--new-only] [--src DIR]

--new-only drops candidates whose name or an alias already names an entry of
the corresponding src/kb file (compared as check_kb.py compares them), so a
re-import shows only what is not curated yet.

The source folder defaults to $TOUCHLINE_KB_SOURCES, else ../shared/kb-sources
next to the repository. Output is YAML on stdout, in the layout of src/kb.
Standard library only.
"""

import argparse
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
DEFAULT_SRC = os.environ.get(
    "TOUCHLINE_KB_SOURCES", os.path.join(REPO, "..", "shared", "kb-sources"))

# Short forms that are also ordinary English words, place parts or common
# surnames: never safe as stand-alone aliases.
WEAK_WORDS = {
    "albion", "athletic", "city", "county", "forest", "inter", "palace",
    "real", "rovers", "sporting", "town", "united", "villa", "wanderers",
    "wednesday", "reading", "bury", "sutton", "barnet", "orient", "argyle",
    "rangers", "hotspur", "national", "olympic", "nacional", "union",
    "dynamo", "dinamo", "sport", "academica", "racing", "independiente",
    "atletico", "deportivo", "central", "milan", "standard", "victoria",
    "young boys", "sparta", "slavia", "spartak", "lokomotiv", "torpedo",
    "stade", "olympique", "borussia", "eintracht", "fortuna", "hertha",
    "alemannia", "arminia", "sporting club", "vitoria", "nelson", "thames",
}

LANG_TAG = re.compile(r"\s*\[[a-z]{2}\]\s*$")
COMMENT = re.compile(r"\s*#.*$")
YEARS = re.compile(r"\s*\(\d{4}-\d{0,4}\)")


def strip_comment(line):
    return COMMENT.sub("", line).rstrip()


def yaml_str(s):
    """Quote a scalar when plain YAML would misread it."""
    s = re.sub(r"\s+", " ", s).strip()
    if s == "":
        return "''"
    lower = s.lower()
    plain_ok = (
        re.match(r"^[A-Za-z0-9\u00c0-\uffff]", s)
        and not re.search(r":(\s|$)|\s#|[\[\]{},]|^[-?]|['\"]", s)
        and lower not in {"yes", "no", "on", "off", "true", "false", "null",
                          "y", "n", "~"}
        and not re.match(r"^[0-9.+-]+$", s))
    if plain_ok:
        return s
    if "'" in s and '"' not in s and "\\" not in s:
        return '"' + s + '"'                    # "Nott'm Forest" reads better
    return "'" + s.replace("'", "''") + "'"


def yaml_list(items):
    return "[" + ", ".join(yaml_str(i) for i in items) + "]"


def emit(kind_key, entries, out=sys.stdout):
    out.write("%s:\n" % kind_key)
    for e in entries:
        if e.get("comment"):
            out.write("  # %s\n" % e["comment"])
        first = True
        for key in ("name", "aliases", "nicknames", "demonyms", "weak",
                    "code", "confederation", "country", "league", "type"):
            if key not in e or e[key] in (None, []):
                continue
            val = e[key]
            text = yaml_list(val) if isinstance(val, list) else yaml_str(val)
            out.write("%s%s: %s\n" % ("  - " if first else "    ", key, text))
            first = False


def walk(src, sub, pattern):
    root = os.path.join(src, sub)
    for dirpath, _dirs, files in sorted(os.walk(root)):
        for f in sorted(files):
            if re.search(pattern, f):
                yield os.path.join(dirpath, f)


def split_aliases(line, keep_tag=False):
    """'| a | b [en]' -> ['a', 'b'] (or [('a', ''), ('b', 'en')] with keep_tag)."""
    out = []
    for a in line.strip().lstrip("|").split("|"):
        a = a.strip()
        if not a:
            continue
        m = re.search(r"\[([a-z]{2})\]\s*$", a)
        tag = m.group(1) if m else ""
        a = LANG_TAG.sub("", a).strip()
        out.append((a, tag) if keep_tag else a)
    return out


# ---------------------------------------------------------------- clubs

def parse_clubs(path):
    """Yield dicts {name, aliases, city, country} from one *.clubs.txt."""
    country = None
    club = None
    in_reserve = False
    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            line = strip_comment(raw)
            if not line.strip():
                continue
            if re.match(r"^=\s*[^=]", line):           # "= England" / "= Spain • España"
                country = line.lstrip("= ").split("•")[0].strip(" =")
                continue
            if line.startswith("=="):                   # regions
                continue
            if re.match(r"^\s*ii\)", line):             # reserve side
                in_reserve = True
                continue
            if re.match(r"^\s*\|", line):
                if club is not None and not in_reserve:
                    for a, tag in split_aliases(line, keep_tag=True):
                        club["aliases"].append(a)
                        if tag == "en" and not club["english"] \
                                and not re.match(r"^(FC|AC|AS) ", a):
                            club["english"] = a
                continue
            if "//" in line and raw.startswith(" "):    # street address
                continue
            if raw[:1].isspace():
                continue
            # a club line: "Name, [founded,] [@ Stadium,] City"
            if club is not None:
                yield club
            in_reserve = False
            parts = [p.strip() for p in re.split(r",|\t", line) if p.strip()]
            name = YEARS.sub("", parts[0]).strip()
            city = ""
            stadium = ""
            for p in parts[1:]:
                if p.startswith("@"):
                    stadium = p[1:].strip()
                elif not re.match(r"^\d{4}$", p):
                    city = p.split("›")[0].strip()
            club = {"name": name, "aliases": [], "city": city,
                    "stadium": stadium, "country": country, "english": ""}
    if club is not None:
        yield club


SUFFIXES = re.compile(r"^(?:(?:A?FC|SC|CF|SV|VfB|VfL|TSV|SK|FK|AC|AS|SS|US|ACF|"
                      r"SSC|RC|RCD|CA|CD|UD|SD|CP|SL|KV|KRC|RSC|OGC|AJ|ES|"
                      r"RB|AZ|PSV|1\.)\s+)|\s+(?:A?FC|CF|SC|SV|SK|FK|AC|CFC)$")


def bare(name):
    """Drop a legal prefix/suffix: 'Chelsea FC' -> 'Chelsea'."""
    prev = None
    while prev != name:
        prev = name
        name = SUFFIXES.sub("", name).strip()
    return name or prev


def candidate_club(c):
    names = [c["name"]] + c["aliases"]
    # usual English name: an alias tagged [en] in the source wins over the
    # local name; else the name without its legal prefix/suffix.
    canonical = c["english"] or bare(c["name"])
    aliases, weak = [], []
    seen = {canonical.lower()}
    for a in names:
        a = a.strip()
        if not a or a.lower() in seen:
            continue
        seen.add(a.lower())
        if re.search(r"\.(\s|$)", a) and len(a) < 16:   # table abbreviation "Man. United"
            continue
        if re.search(r"\b(II|B|U\d\d|Am\.|Women|Ladies|Reserves)$", a):
            continue
        if a.lower() in WEAK_WORDS or len(a) <= 3 and not a.isupper():
            weak.append(a)
        else:
            aliases.append(a)
    comment = ", ".join(x for x in (c["stadium"], c["city"]) if x)
    return {"name": canonical, "aliases": aliases, "weak": weak,
            "country": c["country"], "comment": comment}


def known_forms(kind_key):
    """Folded names/aliases of the curated src/kb/<kind_key>.yaml (for --new-only)."""
    sys.path.insert(0, HERE)
    from check_kb import load, fold
    data, _ = load(os.path.join(HERE, "..", kind_key + ".yaml"))
    forms = set()
    for e in data.get(kind_key) or []:
        for k in ("name", "aliases", "nicknames", "demonyms", "weak"):
            v = e.get(k)
            for s in ([v] if isinstance(v, str) else (v or [])):
                forms.add(fold(s))
    return forms, fold


def drop_known(kind_key, entries, args):
    if not args.new_only:
        return entries
    forms, fold = known_forms(kind_key)
    return [e for e in entries
            if not ({fold(e["name"])} | {fold(a) for a in e.get("aliases", [])}) & forms]


def cmd_clubs(args):
    wanted = {c.lower() for c in args.country or []}
    entries = []
    for path in walk(args.src, "openfootball-clubs", r"\.clubs\.txt$"):
        for c in parse_clubs(path):
            if c["country"] is None:
                continue
            if wanted and c["country"].lower() not in wanted:
                continue
            if re.search(r"\b(Women|Ladies|U\d\d|II|Reserves)\b", c["name"]):
                continue
            entries.append(candidate_club(c))
    entries = drop_known("clubs", entries, args)
    emit("clubs", entries)
    print("# %d candidate clubs" % len(entries), file=sys.stderr)


# ---------------------------------------------------------- competitions

def cmd_competitions(args):
    entries = []
    for path in walk(args.src, "openfootball-leagues", r"leagues\.txt$"):
        country = None
        cur = None
        with open(path, encoding="utf-8") as fh:
            for raw in fh:
                line = strip_comment(raw)
                if not line.strip():
                    continue
                m = re.match(r"^=\s*([^=]+?)\s*=*\s*$", line)
                if m:
                    country = m.group(1).split("•")[0].strip()
                    continue
                if re.match(r"^\s*\|", line):
                    if cur is not None:
                        cur["aliases"].extend(
                            a for a in split_aliases(line)
                            if not re.match(r"^[a-z0-9.]+$", a))  # drop codes
                    continue
                # "<key> [period] Name [=> New Name]"
                m = re.match(r"^\s*(\S+)\s+(?:[\d/]+-[\d/]*\s+|-[\d/]+\s+)?(.+)$", line)
                if not m:
                    continue
                name = m.group(2).split("=>")[-1].strip()
                olds = [o.strip() for o in m.group(2).split("=>")[:-1]]
                cur = {"name": name, "aliases": olds, "country": country,
                       "comment": m.group(1)}
                entries.append(cur)
    entries = drop_known("competitions", entries, args)
    emit("competitions", entries)
    print("# %d candidate competitions" % len(entries), file=sys.stderr)


# --------------------------------------------------------- national teams

def cmd_national_teams(args):
    conf_of = {}
    entries = []
    for path in walk(args.src, "sportdb-fifa", r"\.txt$"):
        if "/config/" not in path:
            continue
        cur = None
        with open(path, encoding="utf-8") as fh:
            for raw in fh:
                line = strip_comment(raw)
                if not line.strip() or line.startswith("="):
                    continue
                if re.match(r"^\s*\|", line):
                    if cur is not None:
                        for a in split_aliases(raw.split("#")[0]):
                            tagged = re.search(r"\[[a-z]{2}\]", raw)
                            if len(a) > 3 and not a.islower() \
                                    and not (tagged and "[en]" not in raw):
                                cur["aliases"].append(a)
                    continue
                m = re.match(r"^\s*(\w+)\s+(.+?),\s*([A-Z]{3}),\s*(.*)$", line)
                if not m:
                    cur = None
                    continue
                orgs = [o.strip() for o in re.split(r"[›|]", m.group(4))]
                if "fifa" not in orgs:
                    cur = None
                    continue
                conf = next((o.upper() for o in orgs if o != "fifa"), "")
                cur = {"name": m.group(2).split("›")[0].strip(), "aliases": [],
                       "code": m.group(3), "confederation": conf}
                conf_of[m.group(3)] = conf
                entries.append(cur)
    entries = drop_known("national_teams", entries, args)
    emit("national_teams", entries)
    print("# %d candidate national teams" % len(entries), file=sys.stderr)


def main():
    import signal
    if hasattr(signal, "SIGPIPE"):          # quiet when piped into head
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("what", choices=["clubs", "competitions", "national-teams"])
    ap.add_argument("--src", default=DEFAULT_SRC,
                    help="kb-sources folder (default: %(default)s)")
    ap.add_argument("--country", action="append",
                    help="clubs only: keep this country (repeatable)")
    ap.add_argument("--new-only", action="store_true",
                    help="leave out candidates already in src/kb")
    args = ap.parse_args()
    if not os.path.isdir(args.src):
        sys.exit("import_openfootball: no such folder: %s" % args.src)
    {"clubs": cmd_clubs, "competitions": cmd_competitions,
     "national-teams": cmd_national_teams}[args.what](args)


if __name__ == "__main__":
    main()

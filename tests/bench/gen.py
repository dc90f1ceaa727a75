#!/usr/bin/env python3
"""gen.py: writes a synthetic corpus for the benchmark (tests/bench/bench.sh).

Each article (about 2.5 KB) recombines the sentences of samples/*.{md,txt}
(front matter stripped), with their fees and years varied, and mixes in
sentences about generated people, built-in KB clubs and fees. Most articles
are Markdown with front matter (dates spread over 2012-2026); one in five is
plain text (title line, blank line, body). The output depends only on the
seed and the count.

usage: gen.py [--seed S] [--count N] [--size BYTES] OUTDIR
Articles go to OUTDIR/NNNN/NNNNNNN.{md,txt}, 1000 to a folder.
"""
import argparse
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.normpath(os.path.join(HERE, "..", ".."))

FIRST = ("Alessandro Bruno Carlos Daniel Eduardo Federico Gabriel Hugo Ivan Jamal Kai Luca "
         "Marco Nicolo Oliver Pedro Rafael Sandro Tomas Umar Victor William Xavi Yusuf Zeki "
         "Mateo Jorge Kevin Leon Milan Noah Oscar Pablo Ruben Sergio Theo Youssef").split()
LAST = ("Almeida Barella Costa Dembele Eriksen Fofana Gomes Hakimi Ibanez Jensen Kovac "
        "Lindqvist Moreno Nkunku Okafor Pavlovic Quansah Rossi Santos Tielemans Ugarte "
        "Varga Walker Xhaka Yilmaz Zielinski Andersen Brandt Cabral Dias Ferreira Gvardiol "
        "Hernandez Ilic Jovic Koch Lukic Mendes Novak Olsen Petrovic").split()
ROLES = "striker midfielder defender goalkeeper winger full-back centre-back forward".split()
MEDIA = ["Sky Sports", "The Athletic", "La Gazzetta dello Sport", "L'Equipe", "Marca", "Kicker"]
TEMPLATES = [
    "{club} have agreed a fee of {fee} with {club2} for {role} {name}.",
    "{name}, 2{age}, has a contract with {club2} that expires in {year}.",
    "{club} are ready to offer {surname} a deal worth {wage}-a-week, according to {media}.",
    "The {role} has made {apps} appearances for {club2} and won {caps} caps.",
    "{club} manager {name2} said: \"{surname} is a fantastic player and we want him here.\"",
    "{surname} joined {club2} from {club3} for {fee} in {year0}.",
    "{club} are monitoring {name}, but {club2} want {fee} for the {role}.",
    "{name} signed a new contract until {year} with {club2} last month.",
]


FURNITURE = re.compile(
    r"(advertisement|share this article|download the .* app.*|published .*|by [a-z]+( [a-z]+)?|"
    r"/ .*|\d+ min read|follow us.*|sign up.*|share on .*|updated .*|getty images|comments)$", re.I)


def read_samples(folder):
    """The samples' titles and sentences, front matter and title lines stripped."""
    titles, sentences = [], []
    for name in sorted(os.listdir(folder)):
        if not name.endswith((".md", ".txt")) or name.startswith("README"):
            continue
        text = open(os.path.join(folder, name), encoding="utf-8").read()
        if text.startswith("---\n"):
            head, _, text = text[4:].partition("\n---\n")
            m = re.search(r"^title:\s*(.+)$", head, re.M)
            if m:
                titles.append(m.group(1).strip().strip("\"'"))
        else:
            # The headline: the first line that is not site furniture (as the
            # loader skips it), so that no title reads "Advertisement".
            lines = text.split("\n")
            at = next((i for i, l in enumerate(lines) if l.strip() and not FURNITURE.match(l.strip())), 0)
            titles.append(lines[at].strip())
            text = "\n".join(lines[at + 1:])
        for para in text.split("\n\n"):
            para = " ".join(para.split())
            sentences += [s for s in re.split(r"(?<=[.!?\"])\s+(?=[A-Z\"])", para) if len(s) > 20]
    return titles, sentences


def read_clubs(path):
    return re.findall(r"^  - name: (.+)$", open(path, encoding="utf-8").read(), re.M)


def money(rng):
    cur = rng.choice("£££€$")
    if rng.random() < 0.7:
        return "%s%dm" % (cur, rng.randint(2, 120))
    return "%s%.1fm" % (cur, rng.randint(10, 99) / 10)


def vary(sentence, rng):
    """A sample sentence with its money amounts and years changed."""
    sentence = re.sub(r"[£€$]\d+(\.\d+)?m\b", lambda m: money(rng), sentence)
    return re.sub(r"\b20[0-2]\d\b", lambda m: str(rng.randint(2010, 2030)), sentence)


def invented(rng, clubs, people):
    (first, last), (first2, last2) = rng.sample(people, 2)
    club, club2, club3 = rng.sample(clubs, 3)
    return rng.choice(TEMPLATES).format(
        club=club, club2=club2, club3=club3, name=first + " " + last, surname=last,
        name2=first2 + " " + last2, role=rng.choice(ROLES), fee=money(rng),
        wage="£%d,000" % rng.randint(20, 400), media=rng.choice(MEDIA), age=rng.randint(0, 9),
        year=rng.randint(2025, 2031), year0=rng.randint(2012, 2024), apps=rng.randint(5, 400),
        caps=rng.randint(1, 120))


def article(rng, titles, sentences, clubs, size):
    people = [(rng.choice(FIRST), rng.choice(LAST)) for _ in range(4)]
    title = vary(rng.choice(titles), rng)
    paras, para, total = [], [], 0
    while total < size:
        s = invented(rng, clubs, people) if rng.random() < 0.3 else vary(rng.choice(sentences), rng)
        para.append(s)
        total += len(s.encode("utf-8")) + 1
        if len(para) >= rng.randint(2, 4):
            paras.append(" ".join(para))
            para = []
    if para:
        paras.append(" ".join(para))
    return title, "\n\n".join(paras) + "\n"


def main():
    ap = argparse.ArgumentParser(description="Write a synthetic touchline corpus.")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--size", type=int, default=2400, help="body bytes per article (about)")
    ap.add_argument("outdir")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    titles, sentences = read_samples(os.path.join(SRC, "samples"))
    clubs = read_clubs(os.path.join(SRC, "src", "kb", "clubs.yaml"))
    if not sentences or len(clubs) < 3:
        sys.exit("gen.py: no samples or clubs under " + SRC)
    for i in range(args.count):
        title, body = article(rng, titles, sentences, clubs, args.size)
        folder = os.path.join(args.outdir, "%04d" % (i // 1000))
        os.makedirs(folder, exist_ok=True)
        if rng.random() < 0.2:
            path, text = os.path.join(folder, "%07d.txt" % i), title + "\n\n" + body
        else:
            date = "%d-%02d-%02d" % (rng.randint(2012, 2026), rng.randint(1, 12), rng.randint(1, 28))
            path = os.path.join(folder, "%07d.md" % i)
            text = "---\ntitle: \"%s\"\ndate: %s\nsource: touchline bench\n---\n%s" % (
                title.replace('"', "'"), date, body)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()

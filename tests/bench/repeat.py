#!/usr/bin/env python3
"""repeat.py: a corpus of N articles made by repeating a folder of real
articles (tests/bench/bench.sh --real), titles numbered so that no two
copies read the same: copy k of an article gets " (k)" after its title (the
`title:` line of front matter, else the first line of a plain file). Copies
go to OUTDIR/NNNN/, 1000 to a folder; file dates are kept.

usage: repeat.py --count N SRCDIR OUTDIR
"""
import argparse
import os
import re
import shutil


def numbered(text, k):
    if k == 0:
        return text
    if text.startswith("---\n"):
        return re.sub(r'(?m)^(title:\s*"?)(.*?)("?)\s*$', lambda m: f"{m[1]}{m[2]} ({k}){m[3]}",
                      text, count=1)
    first, nl, rest = text.partition("\n")
    return f"{first} ({k}){nl}{rest}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, required=True)
    ap.add_argument("src")
    ap.add_argument("out")
    args = ap.parse_args()
    names = sorted(n for n in os.listdir(args.src)
                   if n.endswith((".txt", ".md")) and not n.startswith("."))
    if not names:
        raise SystemExit(f"repeat.py: no articles in {args.src}")
    for i in range(args.count):
        name = names[i % len(names)]
        k = i // len(names)
        src = os.path.join(args.src, name)
        folder = os.path.join(args.out, f"{i // 1000:04d}")
        os.makedirs(folder, exist_ok=True)
        stem, ext = os.path.splitext(name)
        dst = os.path.join(folder, f"{stem}-{k}{ext}")
        with open(src, encoding="utf-8", errors="surrogateescape") as f:
            text = f.read()
        with open(dst, "w", encoding="utf-8", errors="surrogateescape") as f:
            f.write(numbered(text, k))
        shutil.copystat(src, dst)


if __name__ == "__main__":
    main()

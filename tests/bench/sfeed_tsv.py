#!/usr/bin/env python3
"""sfeed_tsv.py: the articles of a corpus as one sfeed(5) feed file, for the
benchmark's peer, sfeed_curses (tests/bench/bench.sh).

Reads `touchline list DIR` lines (date, title, source, path; newest first)
on stdin and writes one TSV line per article to stdout: the date as a UNIX
timestamp (midnight UTC), the title as touchline read it, the path as link
and id, the whole file as plain content (TABs, newlines and backslashes
escaped as sfeed(5) says), the source as author. So sfeed_curses reads the
same titles, dates and bytes that touchline does, in the same order.

usage: touchline list DIR | sfeed_tsv.py > FEEDFILE
"""
import calendar
import sys
import time


def escape(text):
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def clean(field):
    """Titles and authors: whitespace becomes a space, no control characters."""
    return "".join(" " if c.isspace() else c for c in field if c.isspace() or ord(c) >= 32)


def main():
    out = sys.stdout
    for line in sys.stdin:
        date, title, source, path = line.rstrip("\n").split("\t")[:4]
        stamp = calendar.timegm(time.strptime(date, "%Y-%m-%d"))
        with open(path, encoding="utf-8", errors="replace") as f:
            body = "".join(c for c in f.read() if c in "\t\n" or ord(c) >= 32)
        fields = [str(stamp), clean(title), "file://" + path, escape(body), "plain", path,
                  clean(source), "", ""]
        out.write("\t".join(fields) + "\n")


if __name__ == "__main__":
    main()

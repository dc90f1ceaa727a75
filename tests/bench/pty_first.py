#!/usr/bin/env python3
"""Time to a program's first screen in a pseudo-terminal, without tmux.

usage: pty_first.py [--rows N] [--cols N] [--timeout S] [--t0]
                    [--then PATTERN]... [--keys KEYS] PATTERN CMD [ARG...]

Runs CMD on a fresh pty of ROWS x COLS (default 45 x 160, TERM=xterm-256color,
LANG=C.UTF-8), reads everything it writes and prints the milliseconds from
just before the fork to the first read that makes the output so far match
PATTERN (a Python regular expression over the raw bytes, escape sequences
included), or "timeout". Each --then PATTERN is then waited for in turn, in
the output after the previous match, and its milliseconds (from the same
fork) printed after a space. The program is then killed; with --keys it is
sent KEYS instead, and waited for (within the timeout) until it exits, so
that it can finish what it writes on its way out (a reader's cache on `q`).
With --t0 it also prints the CLOCK_MONOTONIC time of the fork in ms, to line
up marks a program writes with the same clock.

This is bench.sh's first-screen and complete-index figures without the tmux
server in between: no capture-pane polling every 10 ms, no server start-up,
so its noise is the program's own.
"""
import argparse
import fcntl
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time

# Bytes of output kept before the end of the last read when searching again:
# a match may straddle two reads.
OVERLAP = 4096


def spawn(a):
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", a.rows, a.cols, 0, 0))
        os.environ["TERM"] = "xterm-256color"
        os.environ["LANG"] = "C.UTF-8"
        try:
            os.execvp(a.cmd[0], a.cmd)
        finally:
            os._exit(127)
    return pid, fd


def read_some(fd, deadline):
    """The next chunk of output, b"" at its end, None at the deadline."""
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            continue
        try:
            return os.read(fd, 1 << 16)
        except OSError:  # EIO: the program exited and closed the pty
            return b""
    return None


def watch(fd, patterns, t0, deadline):
    """ms from t0 to each pattern's match, in order; None for those not seen."""
    found = []
    seen = b""
    start = 0  # where the search for the next pattern begins
    while len(found) < len(patterns):
        chunk = read_some(fd, deadline)
        if not chunk:
            break
        seen += chunk
        at = max(start, len(seen) - len(chunk) - OVERLAP)
        while len(found) < len(patterns):
            m = patterns[len(found)].search(seen, at)
            if not m:
                break
            found.append((time.monotonic() - t0) * 1000.0)
            start = at = m.end()
    return found + [None] * (len(patterns) - len(found))


def drain_until_exit(pid, fd, deadline):
    """Reads (and drops) output until the program exits; False at the deadline."""
    while True:
        chunk = read_some(fd, deadline)
        if chunk is None:
            return False
        if not chunk:
            break
    while time.monotonic() < deadline:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            return True
        time.sleep(0.01)
    return False


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rows", type=int, default=45)
    ap.add_argument("--cols", type=int, default=160)
    ap.add_argument("--timeout", type=float, default=30.0)
    ap.add_argument("--t0", action="store_true")
    ap.add_argument("--then", action="append", default=[], metavar="PATTERN")
    ap.add_argument("--keys")
    ap.add_argument("pattern")
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    if not a.cmd:
        ap.error("no command")
    patterns = [re.compile(p.encode()) for p in [a.pattern] + a.then]
    t0 = time.monotonic()
    deadline = t0 + a.timeout
    pid, fd = spawn(a)
    found = watch(fd, patterns, t0, deadline)
    exited = False
    if a.keys is not None and None not in found:
        os.write(fd, a.keys.encode())
        exited = drain_until_exit(pid, fd, deadline)
    if not exited:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    os.close(fd)
    print(" ".join("%.1f" % f if f is not None else "timeout" for f in found), end="")
    print(" %.3f" % (t0 * 1000.0) if a.t0 else "")
    ok = None not in found and (a.keys is None or exited)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Time to a program's first screen in a pseudo-terminal, without tmux.

usage: pty_first.py [--rows N] [--cols N] [--timeout S] [--t0] PATTERN CMD [ARG...]

Runs CMD on a fresh pty of ROWS x COLS (default 45 x 160, TERM=xterm-256color,
LANG=C.UTF-8), reads everything it writes and prints the milliseconds from
just before the fork to the first read that makes the output so far match
PATTERN (a Python regular expression over the raw bytes, escape sequences
included), or "timeout". The program is then killed. With --t0 it also
prints the CLOCK_MONOTONIC time of the fork in ms, to line up marks a
program writes with the same clock.

This is bench.sh's first-screen figure without the tmux server in between:
no capture-pane polling every 10 ms, no server start-up, so its noise is the
program's own.
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


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rows", type=int, default=45)
    ap.add_argument("--cols", type=int, default=160)
    ap.add_argument("--timeout", type=float, default=30.0)
    ap.add_argument("--t0", action="store_true")
    ap.add_argument("pattern")
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    if not a.cmd:
        ap.error("no command")
    pattern = re.compile(a.pattern.encode())
    t0 = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", a.rows, a.cols, 0, 0))
        os.environ["TERM"] = "xterm-256color"
        os.environ["LANG"] = "C.UTF-8"
        try:
            os.execvp(a.cmd[0], a.cmd)
        finally:
            os._exit(127)
    seen = b""
    found = None
    while found is None and time.monotonic() - t0 < a.timeout:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 1 << 16)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
        if pattern.search(seen):
            found = (time.monotonic() - t0) * 1000.0
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(fd)
    print("%.1f" % found if found is not None else "timeout", end="")
    print(" %.3f" % (t0 * 1000.0) if a.t0 else "")
    return 0 if found is not None else 1


if __name__ == "__main__":
    sys.exit(main())

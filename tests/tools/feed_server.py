#!/usr/bin/env python3
"""feed_server: the local HTTP server of the fetch tests. Bound to 127.0.0.1
on an ephemeral port, which it prints on its first line; serves the files of
ROOT (a copy of tests/fixtures/feeds) and the routes below. It never talks to
any other address.

  /f/NAME            the file, with an ETag and a Last-Modified (304 on either)
  /etag/NAME         the file with only an ETag (304 on If-None-Match)
  /lm/NAME           the file with only a Last-Modified (304 on If-Modified-Since)
  /gzip/NAME         the file gzip-encoded
  /deflate/NAME      the file deflate-encoded
  /redirect/N/NAME   a chain of N redirects ending at /f/NAME
  /loop              a redirect loop
  /status/CODE       an error page with that status (404, 500, 429...)
  /stall             headers, then nothing for up to 60 s
  /huge              100 MB of body, streamed (never held in memory)
  /bomb              a gzip bomb: 40 KiB that inflate to 40 MiB
  /pages/NAME        an HTML page (for full text)

As a proxy (the tests point http_proxy and https_proxy at it) it refuses
every request for another host with 403 and every CONNECT with 405, so a
link to another host in a fixture never leaves the machine.

usage: feed_server.py ROOT   (stops on SIGTERM, or by itself after 15 minutes)
"""
import email.utils
import gzip
import hashlib
import http.server
import os
import sys
import threading
import time
import zlib

ROOT = os.path.abspath(sys.argv[1])
LM = "Mon, 04 Dec 2023 10:00:00 GMT"


BOMB = []
BOMB_LOCK = threading.Lock()


def bomb():
    """40 KiB of gzip that inflate to 40 MiB of zeros (made on first use)."""
    with BOMB_LOCK:
        if not BOMB:
            z = zlib.compressobj(6, zlib.DEFLATED, 31)
            chunk = b"\0" * (1 << 20)
            parts = [z.compress(chunk) for _ in range(40)]
            parts.append(z.flush())
            BOMB.append(b"".join(parts))
        return BOMB[0]


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def log_message(self, fmt, *args):
        sys.stderr.write("%s %s\n" % (self.path, self.headers.get("If-None-Match") or self.headers.get("If-Modified-Since") or "-"))

    def read_fixture(self, name):
        path = os.path.normpath(os.path.join(ROOT, name))
        if not path.startswith(ROOT + os.sep) or not os.path.isfile(path):
            return None
        with open(path, "rb") as f:
            return f.read()

    def send_body(self, status, body, headers=()):
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def feed(self, name, etag=True, lm=True, encoding=None):
        body = self.read_fixture(name)
        if body is None:
            return self.send_body(404, b"no such fixture\n")
        tag = '"%s"' % hashlib.sha1(body).hexdigest()[:16]
        headers = [("Content-Type", "application/xml")]
        if etag:
            headers.append(("ETag", tag))
            if self.headers.get("If-None-Match") == tag:
                return self.send_body(304, b"", headers)
        if lm:
            headers.append(("Last-Modified", LM))
            if not etag and self.headers.get("If-Modified-Since") == LM:
                return self.send_body(304, b"", headers)
        if encoding == "gzip":
            body = gzip.compress(body)
            headers.append(("Content-Encoding", "gzip"))
        elif encoding == "deflate":
            body = zlib.compress(body)
            headers.append(("Content-Encoding", "deflate"))
        self.send_body(200, body, headers)

    def stream(self, total):
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.end_headers()
        chunk = b"<!-- " + b"x" * 65500 + b" -->\n"
        sent = 0
        try:
            while sent < total:
                self.wfile.write(chunk)
                sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def do_CONNECT(self):
        self.send_body(405, b"this test server is no proxy\n")

    def do_GET(self):
        if "://" in self.path:  # a proxy request: only for ourselves
            host = self.path.split("/")[2]
            if host != "127.0.0.1:%d" % self.server.server_address[1]:
                return self.send_body(403, b"this test server is no proxy\n")
            self.path = "/" + "/".join(self.path.split("/")[3:])
        p = self.path.split("?")[0]
        parts = p.strip("/").split("/")
        head, rest = parts[0], "/".join(parts[1:])
        if head == "f":
            return self.feed(rest)
        if head == "etag":
            return self.feed(rest, lm=False)
        if head == "lm":
            return self.feed(rest, etag=False)
        if head in ("gzip", "deflate"):
            return self.feed(rest, encoding=head)
        if head == "redirect":
            n, name = int(parts[1]), "/".join(parts[2:])
            target = "/f/%s" % name if n <= 1 else "/redirect/%d/%s" % (n - 1, name)
            return self.send_body(302, b"", [("Location", target)])
        if head == "loop":
            return self.send_body(302, b"", [("Location", "/loop2" if p == "/loop" else "/loop")])
        if head == "loop2":
            return self.send_body(302, b"", [("Location", "/loop")])
        if head == "status":
            return self.send_body(int(parts[1]), b"<html><body>error</body></html>\n", [("Retry-After", "120")])
        if head == "stall":
            self.send_response(200)
            self.send_header("Content-Type", "application/xml")
            self.end_headers()
            self.wfile.write(b"<?xml version='1.0'?>\n<rss version='2.0'><channel>")
            self.wfile.flush()
            time.sleep(60)
            return
        if head == "huge":
            return self.stream(100 * 1000 * 1000)
        if head == "bomb":
            return self.send_body(200, bomb(), [("Content-Encoding", "gzip"), ("Content-Type", "application/xml")])
        if head == "pages":
            body = self.read_fixture("pages/" + rest)
            if body is None:
                return self.send_body(404, b"no such page\n")
            return self.send_body(200, body, [("Content-Type", "text/html; charset=utf-8")])
        self.send_body(404, b"unknown route\n")


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True


def main():
    srv = Server(("127.0.0.1", 0), Handler)
    print(srv.server_address[1], flush=True)
    # A forgotten server stops by itself after 15 minutes.
    threading.Timer(900, srv.shutdown).start()
    srv.serve_forever()


if __name__ == "__main__":
    main()

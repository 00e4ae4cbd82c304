"""A small static server for the built site with the headers a real host sends (benchmarks, audits).

``python -m http.server`` sends no ``Cache-Control`` and no compression, so a browser revalidates
every file and downloads the runtime at full size: benchmarks against it would not describe what a
reader gets. This server follows the hosting rules in README.md:

- MIME types for ``.wasm`` (``application/wasm``: needed for streaming compilation), ``.mjs``/``.js``;
- ``Cache-Control: public, max-age=31536000, immutable`` for content-hashed files (everything under
  ``assets/runtime/``, and Material's ``*.<hash>.min.js|css``); ``no-cache`` (revalidate) otherwise,
  with ``ETag``/``Last-Modified`` and ``304 Not Modified``;
- content negotiation as a host with precompressed files does (nginx ``brotli_static``/``gzip_static``,
  Caddy ``precompressed br gzip``): for a compressible type, ``br`` when the browser accepts it and a
  ``<file>.br`` exists beside the file (the build writes them for the runtime), else ``gzip`` (the
  ``<file>.gz`` beside it, or level 6 computed once and kept in memory), else the file as is; always
  ``Vary: Accept-Encoding``. ``encodings=("gzip",)`` serves like GitHub Pages (gzip only, no brotli);
  ``.zip`` is sent as is (it is already compressed);
- ``404.html`` for missing paths; HTTP/1.1 keep-alive.

``throttle = (bits_per_second, round_trip_seconds)`` (attribute, may change between loads) slows
every response like a mobile link: one round trip before each response (two on a new
connection: the TCP handshake), and all responses together share the bandwidth. Throttling at the
server also slows the module worker's downloads, which DevTools network emulation may not reach.

Extra roots (``mounts``) serve other folders under a prefix (the benchmark's naive page), and
``overrides`` serve another file at a given URL path (benchmark variants of the standard library).
Every request is recorded in ``server.log`` (path, status, bytes sent).

Command line: ``python scripts/serve_site.py [site] [--port 8000]``.
"""

from __future__ import annotations

import argparse
import email.utils
import gzip
import hashlib
import http.server
import mimetypes
import os
import re
import threading
import time
import urllib.parse
from pathlib import Path

MIME_TYPES = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".zip": "application/zip",
    ".svg": "image/svg+xml",
    ".csv": "text/csv; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".map": "application/json",
    ".gz": "application/gzip",
    ".bin": "application/octet-stream",
}
#: Content codings the server offers, best first (what a host with precompressed files does).
ENCODINGS = ("br", "gzip")
COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".wasm", ".svg", ".xml", ".txt", ".csv", ".map", ".bin"}
IMMUTABLE = re.compile(r"^/assets/runtime/|\.[0-9a-f]{8,}\.min\.(js|css)$|/bench-assets/")


class SiteServer(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(
        self,
        root,
        port: int = 0,
        host: str = "127.0.0.1",
        mounts=None,
        overrides=None,
        gzip_enabled: bool = True,
        encodings=ENCODINGS,
    ):
        self.root = Path(root).resolve()
        self.mounts = {k.rstrip("/") + "/": Path(v).resolve() for k, v in (mounts or {}).items()}
        self.overrides = {k: Path(v) for k, v in (overrides or {}).items()}
        self.gzip_enabled = gzip_enabled
        self.encodings = tuple(encodings)  # content codings offered, in order of preference
        self.throttle = None  # (bits per second, round trip in seconds) or None
        self._next_free = 0.0  # when the shared "link" is free again (throttling)
        self.log = []
        self._lock = threading.Lock()
        self._gz_cache: dict = {}
        super().__init__((host, port), _Handler)

    def handle_error(self, request, client_address):
        """A browser closing a connection mid-response is normal (cancelled loads): stay quiet."""
        import sys as _sys

        if isinstance(_sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return
        super().handle_error(request, client_address)

    @property
    def url(self) -> str:
        return f"http://{self.server_address[0]}:{self.server_address[1]}"

    def start(self) -> "SiteServer":
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()

    def record(self, path: str, status: int, size: int) -> None:
        with self._lock:
            self.log.append((path, status, size))

    def gzipped(self, path: Path, data: bytes) -> bytes:
        st = path.stat()
        key = (str(path), st.st_size, st.st_mtime_ns)
        with self._lock:
            hit = self._gz_cache.get(key)
        if hit is None:
            hit = gzip.compress(data, compresslevel=6, mtime=0)
            with self._lock:
                self._gz_cache[key] = hit
        return hit

    def prewarm(self) -> None:
        """Compress every compressible file now, so the first timed request does not pay for it."""
        for folder in [self.root, *self.mounts.values(), *{p.parent for p in self.overrides.values()}]:
            for path in folder.rglob("*"):
                if path.is_file() and path.suffix.lower() in COMPRESSIBLE and self.gzip_enabled:
                    self.gzipped(path, path.read_bytes())

    def send_throttled(self, wfile, data: bytes) -> None:
        """Write ``data`` no faster than the throttled bandwidth, shared by all connections."""
        if not self.throttle:
            wfile.write(data)
            return
        bytes_per_second = self.throttle[0] / 8
        chunk = 16384
        for start in range(0, len(data), chunk):
            piece = data[start : start + chunk]
            with self._lock:
                now = time.monotonic()
                begin = max(now, self._next_free)
                self._next_free = begin + len(piece) / bytes_per_second
                wait = self._next_free - now
            time.sleep(wait)
            wfile.write(piece)

    def resolve(self, url_path: str) -> Path | None:
        if url_path in self.overrides:
            return self.overrides[url_path]
        for prefix, folder in self.mounts.items():
            if url_path.startswith(prefix):
                return _inside(folder, url_path[len(prefix) :])
        return _inside(self.root, url_path.lstrip("/"))


def accepted_codings(header: str | None) -> set:
    """The content codings an ``Accept-Encoding`` header accepts (``q=0`` refuses one)."""
    accepted = set()
    for part in (header or "").split(","):
        name, _, params = part.strip().partition(";")
        name = name.strip().lower()
        q = params.strip().lower()
        if not name or q.replace(" ", "") in ("q=0", "q=0.0", "q=0.00", "q=0.000"):
            continue
        accepted.add(name)
    return accepted


def negotiate(header: str | None, offered, path: Path) -> str | None:
    """The coding to send ``path`` with: the first of ``offered`` the browser accepts and that can be
    served (``br`` needs the precompressed ``<file>.br``; ``gzip`` is made on the fly if needed)."""
    accepted = accepted_codings(header)
    for coding in offered:
        if coding not in accepted and "*" not in accepted:
            continue
        if coding == "br" and not path.with_name(path.name + ".br").is_file():
            continue
        return coding
    return None


def _inside(folder: Path, rel: str) -> Path | None:
    candidate = (folder / rel).resolve()
    if candidate != folder and folder not in candidate.parents:
        return None
    if candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: SiteServer

    def log_message(self, *args):  # the server keeps its own log
        pass

    def do_HEAD(self):
        self._serve(head=True)

    def do_GET(self):
        self._serve(head=False)

    def _serve(self, head: bool):
        if self.server.throttle:
            first = not getattr(self, "_seen", False)
            self._seen = True
            time.sleep(self.server.throttle[1] * (2 if first else 1))
        url_path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        path = self.server.resolve(url_path)
        status = 200
        if path is None:
            if url_path.endswith("/") is False and self.server.resolve(url_path + "/"):
                self.send_response(301)
                self.send_header("Location", url_path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                self.server.record(url_path, 301, 0)
                return
            status, path = 404, self.server.root / "404.html"
            if not path.is_file():
                self.send_error(404)
                self.server.record(url_path, 404, 0)
                return
        data = path.read_bytes()
        st = path.stat()
        etag = '"' + hashlib.sha1(data).hexdigest()[:16] + '"'
        suffix = path.suffix.lower()
        if status == 200 and self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self._cache_headers(url_path)
            self.send_header("Content-Length", "0")
            self.end_headers()
            self.server.record(url_path, 304, 0)
            return
        encoding = None
        if self.server.gzip_enabled and suffix in COMPRESSIBLE:
            encoding = negotiate(self.headers.get("Accept-Encoding"), self.server.encodings, path)
            if encoding == "br":
                data = path.with_name(path.name + ".br").read_bytes()
            elif encoding == "gzip":
                gz = path.with_name(path.name + ".gz")
                data = gz.read_bytes() if gz.is_file() else self.server.gzipped(path, data)
            if encoding:
                etag = etag[:-1] + "-" + encoding + '"'  # one validator per representation
        if status == 200 and encoding and self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Vary", "Accept-Encoding")
            self._cache_headers(url_path)
            self.send_header("Content-Length", "0")
            self.end_headers()
            self.server.record(url_path, 304, 0)
            return
        self.send_response(status)
        self.send_header(
            "Content-Type", MIME_TYPES.get(suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        )
        self.send_header("Content-Length", str(len(data)))
        if encoding:
            self.send_header("Content-Encoding", encoding)
        if self.server.gzip_enabled and suffix in COMPRESSIBLE:
            self.send_header("Vary", "Accept-Encoding")
        if status == 200:
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", email.utils.formatdate(st.st_mtime, usegmt=True))
            self._cache_headers(url_path)
        else:
            self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if not head:
            try:
                self.server.send_throttled(self.wfile, data)
            except (BrokenPipeError, ConnectionResetError):
                pass
        self.server.record(url_path, status, 0 if head else len(data))

    def _cache_headers(self, url_path: str) -> None:
        if IMMUTABLE.search(url_path):
            self.send_header("Cache-Control", "public, max-age=31536000, immutable")
        else:
            self.send_header("Cache-Control", "no-cache")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Serve the built site with realistic headers.")
    parser.add_argument("site", nargs="?", default="site")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    server = SiteServer(args.site, port=args.port)
    print(f"Serving {os.path.abspath(args.site)} at {server.url}/ (Ctrl-C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

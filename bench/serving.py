"""A static server for the benchmark that compresses the way static hosts do.

odr/static_server.py serves files as they are. Real hosts (nginx with
`gzip on`, GitHub Pages, Netlify) send text, JavaScript, JSON, SVG and
WebAssembly gzip-compressed to a browser that accepts it, leave archives
(.zip, .gz, images) alone, and answer a browser revalidating its cached copy
(If-Modified-Since) with 304 Not Modified. This handler does the same, keeps the compressed
bytes of each file in memory (like nginx's gzip_static, so compressing never
counts as page time), and records the bytes of every response it sends.

A second folder can be mounted under a path prefix (the bench's own pages,
e.g. the bare-Pyodide baseline), so that everything comes from one origin.
"""

from __future__ import annotations

import email.utils
import gzip
import http.server
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from odr.static_server import StaticHandler, StaticServer

COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "application/manifest+json",
                    "application/wasm", "application/xml", "image/svg+xml")
"""Content types sent gzip-compressed (what nginx's gzip_types and common hosts cover)."""


@dataclass(frozen=True)
class Sent:
    """One response: its path, status, encoding and the bytes that went over the wire."""

    path: str
    status: int
    encoding: str
    body_bytes: int
    header_bytes: int

    @property
    def total_bytes(self) -> int:
        return self.body_bytes + self.header_bytes


class TrafficLog:
    """Every response the server sent, in order; thread-safe."""

    def __init__(self):
        self._lock = threading.Lock()
        self._sent: list[Sent] = []

    def add(self, sent: Sent) -> None:
        with self._lock:
            self._sent.append(sent)

    def mark(self) -> int:
        with self._lock:
            return len(self._sent)

    def since(self, mark: int) -> list[Sent]:
        with self._lock:
            return list(self._sent[mark:])


class GzipCache:
    """The gzip bytes of each file, made once per (path, mtime, size)."""

    def __init__(self):
        self._lock = threading.Lock()
        self._bytes: dict = {}

    def get(self, path: str) -> bytes:
        stat = os.stat(path)
        key = (path, stat.st_mtime_ns, stat.st_size)
        with self._lock:
            cached = self._bytes.get(key)
        if cached is None:
            with open(path, "rb") as file:
                cached = gzip.compress(file.read(), compresslevel=6, mtime=0)
            with self._lock:
                self._bytes[key] = cached
        return cached


class GzipHandler(StaticHandler):
    """StaticHandler + gzip for compressible types + byte accounting + one mounted folder."""

    log: TrafficLog
    cache: GzipCache
    mounts: dict

    def translate_path(self, path: str) -> str:
        clean = path.split("?", 1)[0].split("#", 1)[0]
        for prefix, folder in self.mounts.items():
            if clean.startswith(prefix):
                relative = clean[len(prefix):]
                return str(Path(folder) / relative) if relative else str(folder) + os.sep
        return super().translate_path(path)

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?", 1)[0].endswith("/"):
            path = os.path.join(path, "index.html")
        ctype = self.guess_type(path)
        if os.path.isfile(path) and ctype.startswith(COMPRESSED_TYPES) and self._accepts_gzip():
            if self._not_modified_since(path):
                return self._send_not_modified()
            return self._send_gzip(path, ctype)
        self._encoding = ""
        return super().send_head()

    def _accepts_gzip(self) -> bool:
        return "gzip" in self.headers.get("Accept-Encoding", "")

    def _not_modified_since(self, path: str) -> bool:
        """A conditional request (If-Modified-Since) for a file unchanged since then, as every static host answers."""
        since = self.headers.get("If-Modified-Since")
        if not since or "If-None-Match" in self.headers:
            return False
        try:
            since_time = email.utils.parsedate_to_datetime(since).timestamp()
        except (TypeError, ValueError, IndexError, OverflowError):
            return False
        return int(os.stat(path).st_mtime) <= since_time

    def _send_not_modified(self):
        self.send_response(304)
        self.end_headers()
        self._encoding = ""
        return None

    def _send_gzip(self, path: str, ctype: str):
        import io

        body = self.cache.get(path)
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Last-Modified", self.date_time_string(int(os.stat(path).st_mtime)))
        self.end_headers()
        self._encoding = "gzip"
        return io.BytesIO(body)

    def send_response(self, code, message=None):
        self._status = code
        super().send_response(code, message)

    def end_headers(self):
        self._header_bytes = sum(len(line) for line in getattr(self, "_headers_buffer", [])) + 2
        super().end_headers()

    def copyfile(self, source, outputfile):
        counter = _CountingWriter(outputfile)
        super().copyfile(source, counter)
        self._body_bytes = counter.count

    def handle_one_request(self):
        self._status, self._body_bytes, self._header_bytes, self._encoding = 0, 0, 0, ""
        super().handle_one_request()
        if self._status and getattr(self, "command", None):
            self.log.add(Sent(self.path, self._status, self._encoding,
                              self._body_bytes, self._header_bytes))


class _CountingWriter:
    def __init__(self, target):
        self.target = target
        self.count = 0

    def write(self, data) -> int:
        self.count += len(data)
        return self.target.write(data)


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        """A browser that closes a connection mid-transfer (a page closed) is not an error here."""
        import sys

        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


class BenchServer(StaticServer):
    """`with BenchServer(site, mounts={"/_bench/": folder}) as server: server.url, server.log`"""

    def __init__(self, folder: Path, mounts: dict | None = None):
        self.log = TrafficLog()
        handler_class = type("Handler", (GzipHandler,), {
            "log": self.log, "cache": GzipCache(), "mounts": dict(mounts or {})})
        super().__init__(folder, handler_class=handler_class, server_class=_QuietServer)

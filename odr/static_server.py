"""A static file server on 127.0.0.1 for tests and benchmarks.

It serves a built site the way a plain static host does, with the MIME types
the site needs (`.wasm` as application/wasm, `.mjs` as JavaScript).
"""

from __future__ import annotations

import http.server
import threading
from functools import partial
from pathlib import Path

EXTRA_TYPES = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".json": "application/json",
    ".webmanifest": "application/manifest+json",
    ".whl": "application/zip",
    ".zip": "application/zip",
}


class StaticHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **EXTRA_TYPES}

    def log_message(self, format, *args):
        pass


class StaticServer:
    """`with StaticServer(folder) as server: server.url` -> http://127.0.0.1:<port>/

    A variant serves with its own handler and server classes (the benchmark's gzip server does)."""

    def __init__(self, folder: Path, port: int = 0, handler_class=StaticHandler,
                 server_class=http.server.ThreadingHTTPServer):
        handler = partial(handler_class, directory=str(folder))
        self.httpd = server_class(("127.0.0.1", port), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def __enter__(self) -> "StaticServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

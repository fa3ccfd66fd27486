"""`build.py serve`: a live preview of one court's site.

The court is built into a preview folder and served on 127.0.0.1. When a
content file, worksheet, template or hand-written page changes, the court is
rebuilt and open pages reload. When the content has errors, every page shows
the list of problems (file:line) until they are fixed; the last good build is
kept on disk.
"""

from __future__ import annotations

import html
import http.server
import socket
import sys
import tempfile
import threading
import time
from functools import partial
from pathlib import Path

from odr.content import read_content
from odr.problems import did_you_mean
from odr.site import build_sites

CHANGES = {"created", "modified", "deleted", "moved", "closed"}
"""File events that mean a change (reading a file raises "opened" events too)."""
WATCHED = ["content", "worksheets", "docs", "overrides", "odr/templates", "mkdocs.yml", "widgets"]
DEBOUNCE_SECONDS = 0.1
"""Rebuild once no file has changed for this long, so one save (often several events) rebuilds once."""
POLL_MILLISECONDS = 250
"""How often open pages ask whether the preview was rebuilt."""
RELOAD_SCRIPT = b"""<script>
(function () {
  var seen = null;
  function poll() {
    fetch("/__preview_version").then(function (r) { return r.text(); }).then(function (v) {
      if (seen !== null && v !== seen) { location.reload(); }
      seen = v;
    }).catch(function () {}).finally(function () { setTimeout(poll, %d); });
  }
  poll();
})();
</script>""" % POLL_MILLISECONDS


class Preview:
    """The preview's state: which build is current and what went wrong, if anything."""

    def __init__(self, root: Path, court: str | None):
        self.root = root
        self.court = court
        self.folder = Path(tempfile.mkdtemp(prefix="odr-preview-"))
        self.version = 0
        self.problems_page: bytes | None = None
        self.lock = threading.Lock()

    def rebuild(self) -> None:
        """Build the court again; whatever goes wrong is shown in the browser, and the next save tries again."""
        with self.lock:
            try:
                problems = self._build()
            except Exception as error:  # noqa: BLE001 -- reading the content failed: show it, keep watching
                problems = [f"Build failed: {type(error).__name__}: {error}"]
                self.problems_page = problems_page(problems)
            self.version += 1
            for problem in problems:
                print(problem)
            has_errors = self.problems_page is not None
            print(f"[{time.strftime('%H:%M:%S')}] preview {'has errors' if has_errors else 'rebuilt'}")

    def _build(self) -> list:
        """Read and build; the problems found (the page of problems is set when there are errors)."""
        content, problems = read_content(self.root)
        if content is None:
            self.problems_page = problems_page(problems)
            return problems
        court = self.court = self.court or content.site.default_court
        try:
            if court not in content.courts:
                raise LookupError(unknown_court(court, content))
            build_sites(content, self.folder / "site", [court])
            self.problems_page = None
        except Exception as error:  # show any build failure in the browser, keep serving
            self.problems_page = problems_page([f"Build failed: {error}"])
        return problems

    def site_folder(self, content_court: str) -> Path:
        return self.folder / "site" / content_court


def unknown_court(court: str, content) -> str:
    if court in content.draft_courts:
        return f'court "{court}" is a draft (draft: true in its profile); set draft: false to preview it'
    return f'no court "{court}"{did_you_mean(court, content.courts)}; courts: {", ".join(content.courts)}'


def problems_page(problems) -> bytes:
    items = "\n".join(f"<li><code>{html.escape(str(problem))}</code></li>" for problem in problems)
    return (f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Content errors</title>"
            f"</head><body><main><h1>The content has errors</h1><p>Fix these and save; this page reloads "
            f"by itself.</p><ul>{items}</ul></main></body></html>").encode("utf-8")


class PreviewHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the preview folder; HTML pages get the reload script."""

    preview: Preview

    def do_GET(self):
        if self.path == "/__preview_version":
            return self._send(200, "text/plain", str(self.preview.version).encode())
        if self.preview.problems_page is not None:
            return self._send(500, "text/html; charset=utf-8", self.preview.problems_page + RELOAD_SCRIPT)
        page = self._html_file()
        if page is None:
            return super().do_GET()
        body = page.read_bytes().replace(b"</body>", RELOAD_SCRIPT + b"</body>")
        return self._send(200, "text/html; charset=utf-8", body)

    def _html_file(self) -> Path | None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        return path if path.suffix == ".html" and path.is_file() else None

    def guess_type(self, path):
        return "application/wasm" if str(path).endswith(".wasm") else super().guess_type(path)

    def _send(self, status: int, content_type: str, body: bytes):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass


def watch(preview: Preview, paths: list[Path], stop: threading.Event | None = None) -> None:
    """Rebuild when a watched file changes (debounced), until `stop` is set."""
    from watchdog.events import FileSystemEventHandler
    from watchdog.observers import Observer

    changed = threading.Event()

    class OnChange(FileSystemEventHandler):
        def on_any_event(self, event):
            if (event.event_type in CHANGES and not event.is_directory
                    and "__pycache__" not in event.src_path):
                changed.set()

    observer = Observer()
    for path in paths:
        if path.exists():
            observer.schedule(OnChange(), str(path if path.is_dir() else path.parent), recursive=path.is_dir())
    observer.start()
    try:
        while stop is None or not stop.is_set():
            if not changed.wait(timeout=0.5):
                continue
            while changed.is_set():  # one save often makes several events: wait until they stop
                changed.clear()
                changed.wait(DEBOUNCE_SECONDS)
            preview.rebuild()  # shows any failure in the browser, so one bad save never stops the watching
    finally:
        observer.stop()


def port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the preview's own server binds
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def run_serve(root: Path, court: str | None = None, port: int = 8000) -> int:
    if not port_is_free(port):
        print(f"Port {port} is already in use (another preview still running?). "
              f"Stop it, or choose another port: python build.py serve --port {port + 1}", file=sys.stderr)
        return 1
    preview = Preview(root, court)
    preview.rebuild()  # names the court: the one asked for, or the site's default_court
    court_id = preview.court or "los-angeles"  # content that could not be read: the preview shows why
    handler = type("Handler", (PreviewHandler,), {"preview": preview})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", port), partial(handler, directory=str(preview.site_folder(court_id))))
    threading.Thread(target=watch, args=(preview, [root / path for path in WATCHED]), daemon=True).start()
    print(f"Serving the {court_id} site at http://127.0.0.1:{port}/ (Ctrl+C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


"""The browser's side of `widgets.api`: JSON strings in, JSON strings out.

The Web Worker (widgets/browser/worker.js) calls these functions through
Pyodide. Strings cross the JavaScript/Python boundary cheaply and need no
browser-only modules, so this file runs (and is tested) under CPython too.
"""

from __future__ import annotations

import base64
import json
import os

from widgets import api, fonts

_spec: dict = {}


def set_spec(spec_json: str) -> None:
    """Remember the worksheet spec the page carries; later calls use it."""
    global _spec
    _spec = json.loads(spec_json)


def set_font_urls(urls_json: str) -> None:
    """Where the PDF's Unicode font is on the site ({"regular": URL, "bold": URL}):
    fetched the first time a PDF needs it."""
    urls = json.loads(urls_json)
    fonts.use_fonts(lambda weight: _fetched_once(urls[weight], f"{FONT_FOLDER}/{fonts.FILES[weight]}"))


FONT_FOLDER = "/tmp/odr-fonts"


def _fetched_once(url: str, path: str) -> str:
    """The file at `url`, saved at `path` the first time it is asked for."""
    if not os.path.exists(path):
        from _odr_archives import fetch_file  # the calculator's own fetcher (odr/compile_runtime.mjs): browser only

        os.makedirs(FONT_FOLDER, exist_ok=True)
        fetch_file(url, path)
    return path


def evaluate(answers_json: str, today: str) -> str:
    return json.dumps(api.evaluate(_spec, _read_json(answers_json), today), ensure_ascii=False)


def documents(answers_json: str, today: str) -> str:
    """Like `api.documents`, with the PDF as base64 so the result is plain JSON."""
    result = api.documents(_spec, _read_json(answers_json), today)
    pdf = result.pop("agreement_pdf", None)
    if pdf is not None:
        result["agreement_pdf_base64"] = base64.b64encode(pdf).decode("ascii")
    return json.dumps(result, ensure_ascii=False)


def _read_json(text: str) -> object:
    """JSON text, which may start with a byte order mark (as a file saved by some editors does);
    None for JSON nested too deep to read, which is no answers file."""
    try:
        return json.loads(text.removeprefix("\ufeff"))
    except RecursionError:
        return None

"""The worksheet spec: the one JSON-able dict the worksheet engine
(`widgets.api`) receives, in the browser and on the command line.

    {"version": 1, "language": "en" | "es",
     "court": <content/courts/<court>.yaml>,
     "settings": <content/settings.yaml>,
     "worksheet": <worksheets/<worksheet>.yaml>,
     "strings": {<language>: <the worksheet: section of content/strings/<language>.yaml>}}

Dates are ISO strings so the spec can be written as JSON.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import yaml

SPEC_VERSION = 1


def build_spec(root: Path, court_id: str, worksheet_id: str, language: str) -> dict:
    """Read the YAML files a worksheet needs into one spec dict."""
    root = Path(root)

    def load(relative: str):
        return yaml.safe_load((root / relative).read_text(encoding="utf-8")) or {}

    strings = {path.stem: load(f"content/strings/{path.name}").get("worksheet") or {}
               for path in sorted((root / "content/strings").glob("*.yaml"))}
    return _jsonable({
        "version": SPEC_VERSION,
        "language": language,
        "court": load(f"content/courts/{court_id}.yaml"),
        "settings": load("content/settings.yaml"),
        "worksheet": load(f"worksheets/{worksheet_id}.yaml"),
        "strings": strings,
    })


def _jsonable(value):
    if isinstance(value, dict):
        return {str(key): _jsonable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_jsonable(item) for item in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value

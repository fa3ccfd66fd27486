"""The worksheet spec: the one JSON-able dict the worksheet engine
(`widgets.api`) receives, in the browser and on the command line.

    {"version": 1, "language": "en" | "es",
     "court": <content/courts/<court>.yaml>,
     "court_names": {<court id>: <its name>},  # every published court: a file for another one names it
     "settings": <content/settings.yaml>,
     "worksheet": <worksheets/<worksheet>.yaml>,
     "strings": {<language>: <the worksheet: section of content/strings/<language>.yaml>},
     "pdf_font_ranges": [[first, last], ...]}   # what the PDF's Unicode font prints (widgets/fonts.py)

Dates are ISO strings so the spec can be written as JSON.
"""

from __future__ import annotations

import datetime
import functools
from pathlib import Path

SPEC_VERSION = 1


def build_spec(root: Path, court_id: str, worksheet_id: str, language: str) -> dict:
    """The spec of one worksheet at one court, from the content in `root` (read once per root)."""
    return spec_from_content(_content(str(Path(root).resolve())), court_id, worksheet_id, language)


@functools.lru_cache(maxsize=4)
def _content(root: str):
    from odr.content import load_content

    return load_content(Path(root))


def spec_from_content(content, court_id: str, worksheet_id: str, language: str) -> dict:
    """The spec from already loaded content: the validated files' data, as written in YAML."""
    strings = {code: catalog.source_file.data.get("worksheet") or {} for code, catalog in content.strings.items()}
    return _jsonable({
        "version": SPEC_VERSION,
        "language": language,
        "court": content.courts[court_id].source_file.data,
        "court_names": {other: court.source_file.data.get("name") for other, court in content.courts.items()},
        "settings": content.settings.source_file.data,
        "worksheet": content.worksheets[worksheet_id].source_file.data,
        "strings": strings,
        "pdf_font_ranges": pdf_font_ranges(),
    })


@functools.lru_cache(maxsize=1)
def pdf_font_ranges() -> list[list[int]]:
    """The code points both weights of the PDF's Unicode font have, as sorted [first, last] ranges, so the
    engine can tell while a person types that a name cannot be printed; none when the font is not installed."""
    from fontTools.ttLib import TTFont

    from odr.runtime import FONT_DIR
    from widgets import fonts

    paths = [FONT_DIR / name for name in fonts.FILES.values()]
    if not all(path.exists() for path in paths):
        return []
    covered = set.intersection(*(set(TTFont(path, lazy=True).getBestCmap()) for path in paths))
    ranges: list[list[int]] = []
    for code in sorted(covered):
        if ranges and code == ranges[-1][1] + 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return ranges


def _jsonable(value):
    if isinstance(value, dict):
        return {str(key): _jsonable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_jsonable(item) for item in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value

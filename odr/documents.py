"""`build.py documents ANSWERS.json --out DIR`: the documents of a saved
answers file, written as agreement.pdf, agreement.json, agreement.html,
payments.ics and offer.txt.

`main(argv)` takes the arguments after `documents`. The court, worksheet and
language come from the answers file. "Today" (for "a date in the past") is
`--today YYYY-MM-DD` when given, otherwise the date of the file's `saved_at`
(on the person's own clock), otherwise the real date: a file gives the same documents on any later
day, so the examples in worksheets/examples/ keep working. Problems are
printed as `ANSWERS.json: <field>: <message>`, then the exit code is 1.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date
from pathlib import Path

from odr.cli import TODAY_HELP
from odr.models.strings import catalog_file
from odr.runtime import FONT_DIR
from odr.spec import build_spec
from widgets import fonts
from widgets.api import documents
from widgets.dates import parse_timestamp
from widgets.text import Text

ROOT = Path(__file__).resolve().parent.parent
SAFE_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
OUTPUTS = {
    "agreement_pdf": "agreement.pdf",
    "agreement_json": "agreement.json",
    "agreement_html": "agreement.html",
    "payments_ics": "payments.ics",
    "offer_txt": "offer.txt",
}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    data, problem = _read(args.answers, args.root)
    if problem is not None:
        return _fail(args.answers, {"_file": problem})
    spec = build_spec(args.root, data["court"], data["worksheet"], _language(data, args.root))
    use_local_fonts()
    made = documents(spec, data, args.today or _saved_on(data) or date.today())
    if made["errors"]:
        return _fail(args.answers, made["errors"])
    args.out.mkdir(parents=True, exist_ok=True)
    for key, name in OUTPUTS.items():
        _write(args.out / name, made[key])
        print(args.out / name)
    return 0


def use_local_fonts() -> None:
    """The PDF's Unicode font, from node_modules/ (installed by ./dev.sh)."""
    fonts.use_fonts(lambda weight: str(FONT_DIR / fonts.FILES[weight]))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="build.py documents",
                                     description="Write the agreement, calendar and offer of a saved answers file.")
    parser.add_argument("answers", type=Path, help="the answers file saved from a worksheet")
    parser.add_argument("--out", type=Path, required=True, help="the folder to write the documents in")
    parser.add_argument("--root", type=Path, default=ROOT, help="the project folder (default: this project)")
    parser.add_argument("--today", type=date.fromisoformat, default=None, metavar="YYYY-MM-DD",
                        help=TODAY_HELP)
    return parser


def _saved_on(data: dict) -> date | None:
    """The date the answers file was saved, as the person's own clock read it (the browser writes
    saved_at with its UTC offset: an evening in California is already the next day in UTC)."""
    saved_at = data.get("saved_at")
    if parse_timestamp(saved_at) is None:
        return None
    try:
        return date.fromisoformat(saved_at.strip()[:10])
    except ValueError:  # a date-time written another ISO way (2026-W47): the date is not its first ten characters
        return None


def _read(path: Path, root: Path) -> tuple[dict, str | None]:
    """The answers file, or a message when it cannot be used at all."""
    english = Text({"strings": {"en": _english(root)}}, "en")
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))  # a byte order mark is fine
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):  # RecursionError: nested thousands deep
        return {}, english.get("file.not_json")
    if not isinstance(data, dict) or not SAFE_ID.match(str(data.get("worksheet", ""))):
        return {}, english.get("file.not_answers")
    if not (root / "worksheets" / f"{data['worksheet']}.yaml").is_file():
        return {}, english.get("file.not_answers")
    court = data.get("court")
    if not isinstance(court, str) or not court:
        return {}, english.get("file.no_court")
    if not SAFE_ID.match(court) or not (root / "content/courts" / f"{court}.yaml").is_file():
        return {}, english.get("file.unknown_court", found=court)
    return data, None


def _english(root: Path) -> dict:
    import yaml

    catalog = yaml.safe_load((root / catalog_file("en")).read_text(encoding="utf-8")) or {}
    return catalog.get("worksheet") or {}


def _language(data: dict, root: Path) -> str:
    language = str(data.get("language", "en"))
    return language if SAFE_ID.match(language) and (root / catalog_file(language)).is_file() else "en"


def _fail(path: Path, errors: dict) -> int:
    for field, message in errors.items():
        print(_printable(f"{path}: {field}: {message}"), file=sys.stderr)
    return 1


def _printable(line: str) -> str:
    """A message as a terminal shows it: control characters a file may carry (an escape sequence clears the
    screen or fakes output) written as their escapes."""
    return "".join(char if char.isprintable() or char == "\n" else repr(char)[1:-1] for char in line)


def _write(path: Path, content: str | bytes) -> None:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")

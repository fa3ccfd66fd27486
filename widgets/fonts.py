"""The Unicode font of the agreement PDF, for text the built-in Helvetica
cannot print: names and addresses in Vietnamese, Polish, Greek, Russian and
other scripts (DejaVu Sans, from the pinned npm package `dejavu-fonts-ttf`).

It is used only when a document needs it, so most PDFs stay small and quick.
Where the font files are depends on who runs the engine, so the caller says:
the command line reads them from node_modules/ (odr/documents.py); the
browser's calculator fetches them from the court's site the first time they
are needed (widgets/worker.py). Without a source, the PDF uses Helvetica and
replaces what it cannot print.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from typing import Callable

HELVETICA_ENCODING = "cp1252"
"""The built-in Helvetica's characters, as fpdf2 writes them: English and Spanish, $, §, —."""
DROPPED_CATEGORIES = ("Cc", "Cf", "Cs", "Co", "Cn")
"""Unicode categories never printed (control and format characters): left out, not replaced."""
RIGHT_TO_LEFT = ("R", "AL", "AN")
"""Unicode's bidirectional classes of right-to-left letters and Arabic digits."""
FAMILY = "DejaVu"
FILES = {"regular": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf"}
"""{weight: file name in the npm package's ttf/ folder}."""

_locate: Callable[[str], str] | None = None


def use_fonts(locate: Callable[[str], str] | None) -> None:
    """`locate(weight)` returns the path of that weight's font file on this machine
    ("regular" or "bold"), fetching it first if need be; None: no Unicode font here."""
    global _locate
    _locate = locate


def in_helvetica(char: str) -> bool:
    try:
        char.encode(HELVETICA_ENCODING)
        return True
    except UnicodeEncodeError:
        return False


def printed(text: str, printable: Callable[[str], bool], missing: dict | None = None) -> str:
    """What the PDF prints for `text` in a font that has the characters `printable` accepts: any
    other becomes its accent-free form (NFKD), else "?" (and is added to `missing`, in order);
    tabs become spaces; control and format characters are left out."""
    out = []
    for char in str(text).replace("\r\n", "\n").replace("\t", " "):
        if char == "\n":
            out.append(char)
        elif unicodedata.category(char) not in DROPPED_CATEGORIES:
            out.append(char if printable(char) else _accent_free(char, printable, missing))
    return "".join(out)


def _accent_free(char: str, printable: Callable[[str], bool], missing: dict | None) -> str:
    plain = "".join(c for c in unicodedata.normalize("NFKD", char) if printable(c) and not unicodedata.combining(c))
    if not plain and missing is not None:
        missing[char] = None
    return plain or "?"


def covered_by(ranges: list) -> Callable[[str], bool]:
    """Whether the Unicode font has a character, from its code point ranges ([[first, last], ...], sorted):
    the worksheet spec carries them (`pdf_font_ranges`, written by the site build from the font files).
    Letters written right to left (Hebrew, Arabic) are not: the PDF lays text out left to right, unshaped,
    so they would print backwards."""
    starts = [first for first, _ in ranges]

    def covered(char: str) -> bool:
        index = bisect_right(starts, ord(char)) - 1
        return index >= 0 and ord(char) <= ranges[index][1] and unicodedata.bidirectional(char) not in RIGHT_TO_LEFT

    return covered


def unprintable(text: str, ranges: list) -> str:
    """The characters of `text` the agreement PDF cannot show, in order, each once: in neither Helvetica
    nor the Unicode font (`ranges`), and without an accent-free form in them (Chinese, emoji)."""
    covered = covered_by(ranges)
    missing: dict = {}
    printed(text, lambda char: in_helvetica(char) or covered(char), missing)
    return " ".join(missing)  # apart: run together, letters of another script read as a misspelt word


def font_paths() -> dict | None:
    """{weight: path}, or None when no Unicode font is available here."""
    if _locate is None:
        return None
    return {weight: _locate(weight) for weight in FILES}

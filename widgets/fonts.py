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

from typing import Callable

FAMILY = "DejaVu"
FILES = {"regular": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf"}
"""{weight: file name in the npm package's ttf/ folder}."""

_locate: Callable[[str], str] | None = None


def use_fonts(locate: Callable[[str], str] | None) -> None:
    """`locate(weight)` returns the path of that weight's font file on this machine
    ("regular" or "bold"), fetching it first if need be; None: no Unicode font here."""
    global _locate
    _locate = locate


def font_paths() -> dict | None:
    """{weight: path}, or None when no Unicode font is available here."""
    if _locate is None:
        return None
    return {weight: _locate(weight) for weight in FILES}

"""The benchmark's result: rows of (figure, target, verdict), printed as one table."""

from __future__ import annotations

import statistics
from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    """One line of the table."""

    number: str
    """The issue's row number, e.g. "3" or "6b"."""
    name: str
    """What is measured, e.g. "calculator ready ÷ bare loadPyodide()"."""
    figure: str
    """The measured figure as printed, e.g. "0.31 (1.42 s ÷ 4.58 s)"."""
    target: str
    """The target as printed, e.g. "≤ 0.5"."""
    passed: bool | None
    """True: PASS, False: FAIL, None: reported only (no target)."""

    @property
    def verdict(self) -> str:
        return {True: "PASS", False: "FAIL", None: "—"}[self.passed]


def median(values: list[float]) -> float:
    return statistics.median(values)


def seconds(value: float) -> str:
    return f"{value:.2f} s" if value >= 1 else f"{value * 1000:.0f} ms"


def kilobytes(value: float) -> str:
    return f"{value / 1024:.1f} KB"


def megabytes(value: float) -> str:
    return f"{value / 1024 / 1024:.0f} MB"


def ratio_row(number: str, name: str, parts: list[float], wholes: list[float], limit: float) -> Row:
    """A row whose figure is the ratio of the medians of `parts` and `wholes` (one of each per run),
    passing at `limit` or below."""
    return Row(number, name, ratio_of_runs(parts, wholes), f"≤ {limit}", median(parts) / median(wholes) <= limit)


def ratio_of_runs(parts: list[float], wholes: list[float]) -> str:
    """The ratio of the medians and, over several runs, the range of each run's own ratio (a part and
    its whole measured in the same run), which shows how far the figure moves from run to run."""
    part, whole = median(parts), median(wholes)
    spread = ""
    if len(parts) > 1:
        shares = [one / other for one, other in zip(parts, wholes, strict=True)]
        spread = f"; runs {share_text(min(shares))}–{share_text(max(shares))}"
    return f"{share_text(part / whole)} ({seconds(part)} ÷ {seconds(whole)}{spread})"


def share_text(share: float) -> str:
    digits = 2 if share >= 0.1 else 3  # so that a small share is not rounded onto its target
    return f"{share:.{digits}f}"


def render(rows: list[Row]) -> str:
    """A Markdown table, which reads well in a terminal and pastes into the README."""
    header = ("row", "figure", "measured", "target", "verdict")
    lines = [(row.number, row.name, row.figure, row.target, row.verdict) for row in rows]
    widths = [max(len(str(line[i])) for line in [header, *lines]) for i in range(len(header))]

    def line(cells) -> str:
        return "| " + " | ".join(str(cell).ljust(width) for cell, width in zip(cells, widths)) + " |"

    rule = "| " + " | ".join("-" * width for width in widths) + " |"
    return "\n".join([line(header), rule, *map(line, lines)])

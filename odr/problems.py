"""Problems found in content, reported to webmasters all at once.

Each problem reads like a compiler error a person can act on:

    content/faq/fees.yaml:12:5: answer: expected text, found a list
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one place in one file."""

    file: str
    """Path of the file, relative to the project root."""
    line: int
    """1-based line number; 0 when the problem concerns the whole file."""
    column: int
    """1-based column number; 0 when unknown."""
    field: str
    """Dotted path of the field inside the file, e.g. `steps[2].title.en`; empty for the file."""
    message: str
    """What was expected and what was found."""
    severity: str = ERROR
    """`error` (the build refuses to run) or `warning` (reported; fatal with --strict)."""
    in_draft: bool = False
    """In the profile of a court still being filled in (`draft: true`): --strict lets it through."""

    def __str__(self) -> str:
        place = f"{self.file}:{self.line}:{self.column}"
        prefix = "warning: " if self.severity == WARNING else ""
        field = f"{self.field}: " if self.field else ""
        return f"{place}: {prefix}{field}{self.message}"


def did_you_mean(word: str, choices) -> str:
    """` (did you mean "x"?)` when a choice is close to `word`, else an empty string."""
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return f' (did you mean "{close[0]}"?)' if close else ""


def errors(problems) -> list[Problem]:
    return [p for p in problems if p.severity == ERROR]


def warnings(problems) -> list[Problem]:
    return [p for p in problems if p.severity == WARNING]


def strict_failures(problems) -> list[Problem]:
    """The warnings --strict counts as errors: all but those of draft courts, which are built by no one."""
    return [p for p in warnings(problems) if not p.in_draft]


class ContentError(Exception):
    """Raised when content has errors; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

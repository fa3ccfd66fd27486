"""`build.py check`: every problem in the content, at once."""

from __future__ import annotations

import sys
from pathlib import Path

from odr.content import read_content
from odr.models.settings import SETTINGS_FILE
from odr.problems import errors, strict_failures, warnings


def run_check(root: Path, strict: bool = False, out=sys.stdout) -> int:
    _, problems = read_content(root)
    for problem in errors(problems) + warnings(problems):  # errors first: they stop the build
        print(problem, file=out)
    error_count, warning_count = len(errors(problems)), len(warnings(problems))
    failures = strict_failures(problems)
    in_drafts = warning_count - len(failures)
    print(summary(error_count, warning_count), file=out)
    if any(problem.file == SETTINGS_FILE for problem in errors(problems)):
        print(SETTINGS_FIRST, file=out)
    if in_drafts:
        print(in_drafts_line(in_drafts), file=out)
    strict_failed = strict and bool(failures)
    if strict_failed and not error_count:
        print(STRICT_FAILED, file=out)
    if not error_count:
        print(LINKS_POINTER, file=out)
    return 1 if error_count or strict_failed else 0


SETTINGS_FIRST = (f"The texts, pages and links were not checked: they need {SETTINGS_FILE} without errors. "
                  "Fix it, then run check again.")
"""After an error in the settings: what check could not look at yet."""

STRICT_FAILED = "With --strict, warnings count as errors: the check failed."


def in_drafts_line(count: int) -> str:
    """A court still being filled in never stops the others from being published."""
    if count == 1:
        return "1 of the warnings is in a draft court (draft: true): it is not built, and --strict does not count it."
    return (f"{count} of the warnings are in draft courts (draft: true): they are not built, and --strict does not "
            "count them.")


LINKS_POINTER = ("Links to other websites are not opened by check; to list them with where each is written, "
                 "run: python build.py links")
"""The last line of a check without errors: the external links are for a person to check."""


def summary(error_count: int, warning_count: int) -> str:
    if not error_count and not warning_count:
        return "All content is valid."
    return f"{_plural(error_count, 'error')}, {_plural(warning_count, 'warning')}."


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")

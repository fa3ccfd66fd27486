"""Heading levels in FAQ answers and tutorials: no level is skipped.

Screen-reader users move through a page by its headings; a jump from the
page's title (`#`) to `###` reads as a missing section (WCAG 1.3.1). A FAQ
answer sits under the question, the page's only `#`, so its headings start at
`##`; a tutorial step's text sits under its `## Step N` heading, so its
headings start at `###`. Each heading may go at most one level deeper than
the one before it.
"""

from __future__ import annotations

import re

from odr.problems import Problem
from odr.yamlsource import format_path

HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]|$)")
FENCE = re.compile(r"^\s*(```|~~~)")


def check_headings(content) -> list[Problem]:
    from odr.content import walk_texts

    problems: list[Problem] = []
    for document in [*content.faqs.values(), *content.tutorials.values()]:
        for path, text in walk_texts(document):
            above = _level_above(path)
            if above is None:
                continue
            for language, written in text.root.items():
                problems += _check_text(document.source_file, path + (language,), written, above)
    return problems


def _level_above(path: tuple) -> int | None:
    """The level of the heading a text is shown under on its page; None for texts shown as headings or
    in a line of their own (a question, a title)."""
    if path in (("answer",), ("summary",)):
        return 1
    if len(path) == 3 and path[0] == "steps" and path[2] == "body":
        return 2
    return None


def _check_text(source, path: tuple, text: str, above: int) -> list[Problem]:
    problems = []
    previous = above
    fence = None
    for number, line in enumerate(text.split("\n"), start=1):
        opening = FENCE.match(line)
        if opening:
            fence = None if fence == opening.group(1) else (fence or opening.group(1))
        heading = HEADING.match(line)
        if fence or opening or not heading:
            continue
        level = len(heading.group(1))
        if level <= above:
            message = (f"expected a heading of {'#' * (above + 1)} or more (it is under the page's "
                       f"{'#' * above} heading), found {'#' * level}")
        elif level > previous + 1:
            message = (f"expected a heading of {'#' * (previous + 1)} at most (one level below the heading "
                       f"above it), found {'#' * level}")
        else:
            previous = level
            continue
        line_in_file, column = source.text_position(path, number)
        problems.append(Problem(source.path, line_in_file, column, format_path(path), message))
        previous = max(previous, level)  # one problem per jump, not one per heading after it
    return problems

"""The plain-language report: a reading grade for every FAQ answer and tutorial
step, worst first. English answers must be at grade 8 or below, with a median
of grade 6 or below (FACTS.md: aim for grade 6)."""

from __future__ import annotations

import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

from odr.content import load_content
from odr.readability import Reading, reading
from odr.render import TextContext, is_shown, render_text

MAX_GRADE = 8.0
MAX_MEDIAN_GRADE = 6.0


@dataclass(frozen=True)
class Measured:
    place: str
    """`file:line: field`, where the text is written."""
    language: str
    reading: Reading


def measure_all(content) -> list[Measured]:
    """Each answer and step in each language, measured for the court where it reads hardest."""
    worst: dict[tuple[str, str], Measured] = {}
    for court in content.courts.values():
        for language in content.languages:
            context = TextContext.of(content, court, language)
            for measured in _measure_court(content, context):
                key = (measured.place, language)
                if key not in worst or measured.reading.grade > worst[key].reading.grade:
                    worst[key] = measured
    return sorted(worst.values(), key=lambda m: (-m.reading.grade, m.place))


def _measure_court(content, context):
    for faq in content.faqs.values():
        if is_shown(faq.show_if, context):
            yield _measure(faq, ("answer",), faq.answer, context)
    for tutorial in content.tutorials.values():
        if is_shown(tutorial.show_if, context):
            for index, step in enumerate(tutorial.steps):
                yield _measure(tutorial, ("steps", index, "body"), step.body, context)


def _measure(document, path, text, context) -> Measured:
    line, _ = document.source_file.position(path)
    from odr.yamlsource import format_path

    place = f"{document.source_file.path}:{line}: {format_path(path)}"
    rendered = render_text(text.get(context.language), context)
    return Measured(place, context.language, reading(rendered, context.language))


def english_grades(measured: list[Measured]) -> list[float]:
    return [m.reading.grade for m in measured if m.language == "en"]


def report_lines(measured: list[Measured]) -> list[str]:
    """The readability report: one line per answer or step, worst first, then the English summary."""
    lines = ["Readability (grade; Spanish also Fernández-Huerta ease), worst first:",
             "grade  ease  lang  where"]
    for m in measured:
        ease = f"{m.reading.ease:5.1f}" if m.reading.ease is not None else "    -"
        lines.append(f"{m.reading.grade:5.1f} {ease}  {m.language:4}  {m.place}")
    grades = english_grades(measured)
    if grades:
        lines.append(f"English: worst grade {max(grades):.1f} (target ≤ {MAX_GRADE:g}), "
                     f"median {statistics.median(grades):.1f} (target ≤ {MAX_MEDIAN_GRADE:g})")
    return lines


def run_report(root: Path, out=sys.stdout) -> int:
    for line in report_lines(measure_all(load_content(root))):
        print(line, file=out)
    return 0

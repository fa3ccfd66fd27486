"""Plain language: the shipped content meets the reading targets (FACTS.md: aim for grade 6)."""

import statistics

import pytest

from odr.content import load_content
from odr.plain_language import MAX_GRADE, MAX_MEDIAN_GRADE, english_grades, measure_all, report_lines
from odr.readability import english_reading, spanish_reading
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def measured():
    return measure_all(load_content(ROOT))


def test_every_english_answer_and_step_is_at_grade_8_or_below(measured):
    too_hard = [f"{m.place}: grade {m.reading.grade}" for m in measured
                if m.language == "en" and m.reading.grade > MAX_GRADE]
    assert too_hard == []


def test_the_median_english_grade_is_6_or_below(measured):
    assert statistics.median(english_grades(measured)) <= MAX_MEDIAN_GRADE


def test_every_answer_and_step_is_measured_in_both_languages(measured):
    content = load_content(ROOT)
    steps = sum(len(tutorial.steps) for tutorial in content.tutorials.values())
    for language in ("en", "es"):
        assert len([m for m in measured if m.language == language]) == len(content.faqs) + steps


def test_report_is_worst_first_and_ends_with_the_summary(measured):
    lines = report_lines(measured)
    grades = [float(line.split()[0]) for line in lines[2:-1]]
    assert grades == sorted(grades, reverse=True)
    assert lines[-1].startswith("English: worst grade ")


def test_flesch_kincaid_on_a_known_text():
    reading = english_reading("The cat sat on the mat. The dog ran.")
    assert (reading.words, reading.sentences, reading.syllables) == (9, 2, 9)
    assert reading.grade == 0.0


def test_fernandez_huerta_on_a_known_text():
    reading = spanish_reading("La corte le manda un aviso. Usted lo lee.")
    assert (reading.words, reading.sentences) == (9, 2)
    assert reading.ease == round(206.84 - 0.60 * (100 * reading.syllables / 9) - 1.02 * (100 * 2 / 9), 1)

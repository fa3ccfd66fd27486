"""The shipped examples stay valid and show what they promise."""

from datetime import date

import pytest

from tests.widgets.helpers import TODAY, defendant_file, plaintiff_file, spec_for
from widgets.api import evaluate


@pytest.mark.parametrize("make", [plaintiff_file, defendant_file])
def test_examples_have_no_errors(make):
    assert evaluate(spec_for(make()), make(), TODAY)["errors"] == {}


def test_plaintiff_example_pays_monthly_from_the_31st_in_los_angeles():
    file = plaintiff_file()
    assert (file["court"], file["worksheet"]) == ("los-angeles", "plaintiff")
    schedule = evaluate(spec_for(file), file, TODAY)["schedule"]
    assert schedule[0]["due"].endswith("-31") and file["answers"]["frequency"] == "monthly"
    assert [p["due"] for p in schedule][:2] == ["2027-03-31", "2027-04-30"]


def test_defendant_example_is_a_spanish_counteroffer_in_san_joaquin():
    file = defendant_file()
    assert (file["court"], file["worksheet"], file["language"]) == ("san-joaquin", "defendant", "es")
    assert evaluate(spec_for(file), file, TODAY)["offer"].startswith("Contraoferta\n")


@pytest.mark.parametrize("make", [plaintiff_file, defendant_file])
def test_example_dates_are_in_2027_or_later(make):
    answers = make()["answers"]
    assert all(date.fromisoformat(answers[key]).year >= 2027 for key in ("hearing_date", "start_date"))

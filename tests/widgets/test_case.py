"""The payment schedule is only made from answers without errors."""

from decimal import Decimal

import pytest

from tests.widgets.helpers import TODAY, plaintiff_file, spec_for, with_answers
from widgets.api import evaluate
from widgets.case import schedule_of
from widgets.definitions import load_worksheet
from widgets.text import Text


def evaluated(**changes) -> dict:
    file = with_answers(plaintiff_file(), **changes)
    return evaluate(spec_for(file), file, TODAY)


@pytest.mark.parametrize("changes, field", [
    ({"instalment_count": "121"}, "instalment_count"),
    ({"instalment_count": "99999", "frequency": "monthly"}, "instalment_count"),
    ({"instalment_count": "999999", "frequency": "weekly", "offer_amount": "1285.50"}, "instalment_count"),
    ({"grace_days": "999999999"}, "grace_days"),
    ({"start_date": "2026-11-01"}, "start_date"),
    ({"start_date": "9999-12-31"}, "start_date"),
    ({"offer_amount": "1285.51"}, "offer_amount"),
    ({"plan_kind": "lump_sum", "lump_sum_date": "2027-05-01"}, "lump_sum_date"),
])
def test_no_schedule_while_an_answer_it_is_made_from_has_an_error(changes, field):
    result = evaluated(**changes)
    assert field in result["errors"]
    assert result["schedule"] == []


def test_a_good_plan_has_its_schedule():
    assert len(evaluated(instalment_count="120")["schedule"]) == 120


def test_schedule_of_makes_nothing_from_a_count_with_an_error():
    spec = spec_for(plaintiff_file())
    worksheet, text = load_worksheet(spec["worksheet"]), Text(spec)
    values = {"offer_amount": Decimal("5000.00"), "plan_kind": "instalments", "instalment_count": 99999,
              "frequency": "monthly", "start_date": TODAY}
    error = {"instalment_count": "A payment plan can have 120 payments at most."}
    assert schedule_of(values, error, worksheet, text) == ([], {})

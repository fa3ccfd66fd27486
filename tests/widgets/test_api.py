import json
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.widgets.helpers import ROOT, TODAY, defendant_file, plaintiff_file, spec_for, with_answers
from widgets.api import documents, evaluate


def test_evaluate_returns_json_able_results_with_these_keys():
    result = evaluate(spec_for(plaintiff_file()), plaintiff_file(), TODAY)
    assert json.loads(json.dumps(result)) == result
    assert list(result) == ["errors", "advice", "computed", "schedule", "deadlines", "offer", "checklist"]
    assert result["schedule"][5] == {
        "number": 6, "due": "2027-08-31", "due_text": "August 31, 2027", "amount": "166.70",
        "amount_text": "$166.70", "on_time_until": "2027-09-05", "on_time_until_text": "September 5, 2027"}
    assert result["computed"]["claim_total"] == {"amount": "1285.50", "text": "$1,285.50"}
    assert result["deadlines"] == {
        "register_by": {"date": "2026-11-21", "text": "November 21, 2026", "label": "Register for ODR by",
                        "passed": True, "note": "This date has passed. If you missed it, contact the court."},
        "settle_by": {"date": "2027-03-29", "text": "March 29, 2027", "label": "Reach an agreement in ODR by",
                      "passed": False, "note": ""},
        "hearing": {"date": "2027-04-01", "text": "April 1, 2027", "label": "Hearing date",
                    "passed": False, "note": ""},
        "notes": [],
    }
    assert result["checklist"]["items"][0].startswith("Both of you sign the agreement in TurboCourt.")


def test_today_may_be_a_date_or_an_iso_string():
    spec = spec_for(plaintiff_file())
    assert evaluate(spec, plaintiff_file(), "2026-11-22") == evaluate(spec, plaintiff_file(), date(2026, 11, 22))


def test_a_court_without_odr_deadlines_says_so_and_invents_none():
    result = evaluate(spec_for(defendant_file()), defendant_file(), TODAY)
    assert result["deadlines"]["register_by"] is None and result["deadlines"]["settle_by"] is None
    assert result["deadlines"]["notes"] == [
        "El programa de ODR de esta corte no fija estas fechas. Lea el aviso de la corte para saber sus fechas."]


def test_a_hearing_after_the_holiday_list_ends_is_flagged():
    file = with_answers(plaintiff_file(), hearing_date="2028-03-01")
    notes = evaluate(spec_for(file), file, TODAY)["deadlines"]["notes"]
    assert notes == ["The court holiday list ends in 2027. Please check this date with the court."]


def test_evaluate_with_an_empty_worksheet():
    file = with_answers(plaintiff_file())
    file["answers"] = {}
    result = evaluate(spec_for(file), file, TODAY)
    assert result["schedule"] == [] and result["offer"] == ""
    assert result["errors"]["case_number"] == "Please fill this in: Case number"
    assert result["computed"]["claim_total"] == {"amount": "0.00", "text": "$0.00"}


def test_documents_returns_every_document():
    made = documents(spec_for(plaintiff_file()), plaintiff_file(), TODAY)
    assert list(made) == ["errors", "agreement_json", "agreement_html", "agreement_pdf", "payments_ics", "offer_txt"]
    assert made["errors"] == {}
    assert made["agreement_pdf"].startswith(b"%PDF-")
    assert all(isinstance(made[key], str) for key in ("agreement_json", "agreement_html", "payments_ics", "offer_txt"))


def test_the_calendar_is_stamped_when_it_is_made_when_the_file_has_no_saved_at():
    file = plaintiff_file()
    del file["saved_at"]
    before = datetime.now(timezone.utc).replace(microsecond=0)
    ics = documents(spec_for(file), file, TODAY)["payments_ics"]
    after = datetime.now(timezone.utc)
    stamps = {line for line in ics.split("\r\n") if line.startswith("DTSTAMP:")}
    assert len(stamps) == 1
    stamp = datetime.strptime(stamps.pop(), "DTSTAMP:%Y%m%dT%H%M%SZ").replace(tzinfo=timezone.utc)
    assert before <= stamp <= after


def test_the_calendar_is_stamped_with_saved_at():
    ics = documents(spec_for(plaintiff_file()), plaintiff_file(), TODAY)["payments_ics"]
    assert "\r\nDTSTAMP:20261122T183000Z\r\n" in ics


def test_documents_returns_only_the_errors_when_the_answers_are_not_ready():
    file = with_answers(plaintiff_file(), case_number="")
    assert documents(spec_for(file), file, TODAY) == {"errors": {"case_number": "Please fill this in: Case number"}}


def test_an_error_in_a_private_answer_does_not_stop_the_documents():
    file = with_answers(plaintiff_file(), notes="x" * 2001)
    assert evaluate(spec_for(file), file, TODAY)["errors"] == {
        "notes": "This is too long. Please use 2000 characters or fewer."}  # shown beside the field
    made = documents(spec_for(file), file, TODAY)
    assert made["errors"] == {}
    blocked = with_answers(file, case_number="")
    assert documents(spec_for(blocked), blocked, TODAY) == {  # only what stops them: the summary lists these
        "errors": {"case_number": "Please fill this in: Case number"}}
    assert made["agreement_pdf"].startswith(b"%PDF-") and "x" * 50 not in made["agreement_html"]


def test_evaluate_never_loads_fpdf2():
    code = (
        "import sys, json\n"
        "from tests.widgets.helpers import spec_for, plaintiff_file\n"
        "import widgets.api\n"
        "spec = spec_for(plaintiff_file())  # the site build reads the font's characters with fontTools\n"
        "before = set(sys.modules)\n"
        "widgets.api.evaluate(spec, plaintiff_file(), '2026-11-22')\n"
        "loaded = [m for m in set(sys.modules) - before if m.split('.')[0] in ('fpdf', 'fontTools', 'PIL')]\n"
        "print(json.dumps(loaded))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == []


def test_importing_the_engine_alone_loads_only_the_standard_library():
    code = (
        "import sys, json\n"
        "before = set(sys.modules)\n"
        "import widgets.api\n"
        "new = sorted(m.split('.')[0] for m in set(sys.modules) - before)\n"
        "print(json.dumps(sorted(set(new) - set(sys.stdlib_module_names) - {'widgets'})))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == []


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=120, max_value=128550), st.integers(min_value=1, max_value=120),
       st.integers(min_value=0, max_value=700), st.sampled_from(["weekly", "biweekly", "monthly"]))
def test_any_plan_typed_in_the_form_adds_up_exactly(cents, count, offset, frequency):
    amount = f"{cents // 100}.{cents % 100:02d}"
    start = (date(2027, 1, 1) + timedelta(days=offset)).isoformat()
    file = with_answers(plaintiff_file(), offer_amount=amount, instalment_count=str(count), frequency=frequency,
                        start_date=start, hearing_date="2029-12-31")
    result = evaluate(spec_for(file), file, TODAY)
    assert result["errors"] == {}
    schedule = result["schedule"]
    assert len(schedule) == count and schedule[0]["due"] == start
    assert sum(Decimal(p["amount"]) for p in schedule) == Decimal(amount)
    assert [p["due"] for p in schedule] == sorted({p["due"] for p in schedule})


def test_no_deadline_is_worked_out_from_a_date_with_an_error():
    file = with_answers(plaintiff_file(), notice_date="2026-11-23", hearing_date="2026-11-01")
    deadlines = evaluate(spec_for(file), file, TODAY)["deadlines"]
    assert deadlines["register_by"] is None and deadlines["settle_by"] is None and deadlines["hearing"] is None


def _typed_date():
    return st.one_of(st.dates().map(date.isoformat), st.sampled_from(["2000-01-01", "2100-12-31", "2026-11-22"]))


def _typed_count():
    return st.one_of(st.integers(min_value=0, max_value=999_999_999).map(str), st.sampled_from(["120", "121"]))


@settings(max_examples=300, deadline=None)
@given(count=_typed_count(), grace=_typed_count(), frequency=st.sampled_from(["weekly", "biweekly", "monthly"]),
       kind=st.sampled_from(["lump_sum", "instalments"]), start=_typed_date(), hearing=_typed_date(),
       notice=_typed_date(), cents=st.integers(min_value=1, max_value=10**12))
def test_evaluate_never_raises_on_extreme_counts_and_dates(count, grace, frequency, kind, start, hearing, notice, cents):
    amount = f"{cents // 100}.{cents % 100:02d}"
    file = with_answers(plaintiff_file(), instalment_count=count, grace_days=grace, frequency=frequency,
                        plan_kind=kind, start_date=start, lump_sum_date=start, hearing_date=hearing,
                        notice_date=notice, offer_amount=amount, claim_items=[{"what": "Rent", "amount": amount}])
    result = evaluate(spec_for(file), file, TODAY)
    assert json.loads(json.dumps(result)) == result
    if result["schedule"]:
        assert not set(result["errors"]) & {"instalment_count", "grace_days", "start_date", "lump_sum_date"}


@pytest.mark.parametrize("changes", [
    {"hearing_date": "2100-12-31", "start_date": "2100-12-31", "instalment_count": "120", "frequency": "monthly"},
    {"hearing_date": "2100-12-31", "plan_kind": "lump_sum", "lump_sum_date": "2100-12-31", "grace_days": "30"},
    {"notice_date": "2000-01-01", "hearing_date": "2000-01-03", "plan_kind": "lump_sum",
     "lump_sum_date": "2000-01-03"},
])
def test_documents_for_the_first_and_last_dates_allowed(changes):
    file = with_answers(plaintiff_file(), **changes)
    today = "2000-01-01" if changes["hearing_date"].startswith("2000") else TODAY
    made = documents(spec_for(file), file, today)
    assert made["errors"] == {}
    assert "END:VCALENDAR" in made["payments_ics"]


def test_a_total_is_withheld_while_an_answer_it_adds_up_has_an_error():
    file = with_answers(defendant_file(), claim_items=[
        {"what": "Rent", "amount": "2400.00", "position": "partly", "accepted_amount": "3000.00"}])
    result = evaluate(spec_for(file), file, TODAY)
    assert "claim_items[0].accepted_amount" in result["errors"]
    assert "accepted_total" not in result["computed"] and "claimed_total" in result["computed"]


def test_a_registration_day_after_the_hearing_says_what_to_do():
    file = with_answers(plaintiff_file(), notice_date="2026-11-20", hearing_date="2026-11-23")
    deadlines = evaluate(spec_for(file), file, "2026-11-20")["deadlines"]
    assert deadlines["register_by"]["date"] == "2026-11-25"
    assert deadlines["register_by"]["note"] == (
        "This comes after your hearing date. Register as soon as you can, and check the dates on your court notice.")

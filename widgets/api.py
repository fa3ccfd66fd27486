"""The one entry point the browser's Web Worker calls (and the command line).
JSON-able dicts in, JSON-able dicts out (`documents` adds PDF bytes).

    evaluate(spec, answers, today) -> {
        "errors":    {field path: message},          # "_file" for a bad file
        "advice":    {field path: note},             # allowed, but worth a second look (widgets/advice.py)
        "computed":  {computed id: {"amount": "1250.00", "text": "$1,250.00"}},
        "schedule":  [{"number", "due", "due_text", "amount", "amount_text",
                       "on_time_until", "on_time_until_text"}],
        "deadlines": {"register_by": {"date", "text", "label", "passed", "note"} | None,
                      "settle_by": {...} | None, "hearing": {...} | None,
                      "notes": [text]},
        "offer":     "offer text" | "",
        "checklist": {"heading", "note", "items": [text]},
    }

    documents(spec, answers, today) -> {
        "errors": {},                 # when not empty, no document keys follow
        "agreement_pdf": bytes, "agreement_html": str, "agreement_json": str,
        "payments_ics": str, "offer_txt": str,
    }

The calendar's DTSTAMP is the answers file's `saved_at`, or the moment
`documents` runs when the file has none.

`spec` is the dict the site build writes (see `odr/spec.py`); `answers` is
the whole answers file (see `widgets/answers.py`); `today` is a date or an
ISO string. `evaluate` never imports fpdf2: the browser calls it on every
keystroke.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from widgets.advice import advise
from widgets.answers import FILE_ERROR, read_answers_file
from widgets.case import Case, build_case, schedule_of
from widgets.dates import iso, parse_date, parse_timestamp
from widgets.deadlines import holidays_unknown_note, odr_deadlines
from widgets.definitions import Worksheet, load_worksheet
from widgets.handoff import filing_checklist
from widgets.money import as_decimal_string
from widgets.offer import offer_text
from widgets.rules import Context
from widgets.text import Text
from widgets.validate import depends_on, is_trusted, validate

OFFER_FIELDS = (
    "case_number", "plaintiffs", "defendants", "offer_amount", "plan_kind", "lump_sum_date",
    "instalment_count", "frequency", "start_date", "grace_days", "interest", "missed_payment",
    "additional_terms", "offer_note",
)
"""The answers the offer is written from. It is also kept back while anything they are
checked against has an error (see `depends_on`): the claim total and its limit, the hearing date."""


@dataclass
class _State:
    worksheet: Worksheet
    text: Text
    errors: dict
    computed: dict = field(default_factory=dict)
    values: dict = field(default_factory=dict)
    case: Case | None = None
    deadlines: dict = field(default_factory=dict)
    today: date | None = None


def evaluate(spec: dict, answers: dict, today: date | str) -> dict:
    """Check the answers and work out everything the page shows."""
    state = _prepare(spec, answers, today)
    text = state.text
    trusted = {key: value for key, value in state.computed.items() if is_trusted(key, state.worksheet, state.errors)}
    return {
        "errors": state.errors,
        "advice": _advice(state, spec, trusted),
        "computed": {key: _amount(value, text) for key, value in trusted.items()},
        "schedule": _schedule(state.case, text),
        "deadlines": _deadlines(state, spec),
        "offer": _offer(state, spec),
        "checklist": filing_checklist(spec, text),
    }


def documents(spec: dict, answers: dict, today: date | str) -> dict:
    """Every document, or only the errors when the answers are not ready."""
    state = _prepare(spec, answers, today)
    blocking = _blocking(state.errors, state.worksheet)
    if blocking:
        return {"errors": blocking}
    from widgets.packet import make_packet  # documents only: kept out of the calculator's start-up
    from widgets.reminders import calendar_file
    from widgets.render_pdf import UnprintableText

    stamp = parse_timestamp(answers.get("saved_at")) or datetime.now(timezone.utc)
    try:
        made = make_packet(state.case, state.worksheet, spec, state.text, stamp)
    except UnprintableText as error:  # validation keeps such text out; this is the PDF's own last check
        return {"errors": {FILE_ERROR: state.text.get("errors.pdf_cannot_print", characters=error.characters)}}
    upcoming = {kind: day for kind, day in state.deadlines.items() if day is None or day >= state.today}
    made["payments_ics"] = calendar_file(state.case, upcoming, spec, state.text, stamp)
    made["offer_txt"] = offer_text(state.case, spec, state.text)
    return {"errors": {}, **made}


_last_read: tuple = (None, None)
"""(definition dict, Worksheet): the last worksheet definition read. The browser's worker sends the
same spec dict with every keystroke, and reading the definition is most of a light evaluation."""


def _worksheet_of(spec: dict) -> Worksheet:
    global _last_read
    definition = spec["worksheet"]
    if _last_read[0] is not definition:
        _last_read = (definition, load_worksheet(definition))
    return _last_read[1]


def _prepare(spec: dict, answers: dict, today: date | str) -> _State:
    worksheet = _worksheet_of(spec)
    text = Text(spec)
    values, problem = read_answers_file(answers, spec, worksheet, text)
    if problem is not None:
        return _State(worksheet, text, {FILE_ERROR: problem})
    result = validate(worksheet, values, spec, text, parse_date(today))
    schedule, plan_errors = schedule_of(result.values, result.errors, worksheet, text)
    errors = {**plan_errors, **result.errors}
    case = build_case(worksheet, spec, result.values, schedule)
    deadlines = odr_deadlines(spec, _valid_date(case.notice_date, "notice_date", errors),
                              _valid_date(case.hearing_date, "hearing_date", errors))
    return _State(worksheet, text, errors, result.computed, result.values, case, deadlines, parse_date(today))


def _advice(state: _State, spec: dict, trusted: dict) -> dict:
    if state.case is None:
        return {}
    ctx = Context(spec, state.text, state.today, state.worksheet, state.values, trusted, errors=state.errors)
    return advise(state.worksheet, ctx, state.case.schedule)


def _valid_date(day: date | None, field_id: str, errors: dict) -> date | None:
    """The date, or None while its answer has an error (no deadline is worked out from it)."""
    return None if field_id in errors else day


def _amount(value, text: Text) -> dict:
    return {"amount": as_decimal_string(value), "text": text.money(value)}


def _schedule(case: Case | None, text: Text) -> list[dict]:
    if case is None:
        return []
    return [
        {
            "number": p.number, "due": iso(p.due), "due_text": text.date(p.due),
            "amount": as_decimal_string(p.amount), "amount_text": text.money(p.amount),
            "on_time_until": iso(p.on_time_until), "on_time_until_text": text.date(p.on_time_until),
        }
        for p in case.schedule
    ]


def _deadlines(state: _State, spec: dict) -> dict:
    text = state.text
    hearing = _valid_date(state.case.hearing_date, "hearing_date", state.errors) if state.case else None
    days = {**state.deadlines, "hearing": hearing}
    result: dict = {key: _dated(days.get(key), key, text, state.today)
                    for key in ("register_by", "settle_by", "hearing")}
    register_by, settle_by = days.get("register_by"), days.get("settle_by")
    if result["register_by"] and hearing is not None and register_by > hearing:
        result["register_by"]["note"] = text.get("deadlines.after_hearing")
    elif result["register_by"] and settle_by is not None and register_by > settle_by:
        result["register_by"]["note"] = text.get("deadlines.after_settle_by")
    result["notes"] = []
    if not ((spec.get("court") or {}).get("odr") or {}).get("deadlines"):
        result["notes"].append(text.get("deadlines.none"))
        return result
    unknown = holidays_unknown_note(spec, hearing, text)
    result["notes"] += [unknown] if unknown else []
    return result


def _dated(day: date | None, key: str, text: Text, today: date | None) -> dict | None:
    """A dated line; `passed` (with a note to show) when the date is already behind us."""
    if day is None:
        return None
    passed = today is not None and day < today
    return {"date": iso(day), "text": text.date(day), "label": text.get(f"deadlines.{key}"),
            "passed": passed, "note": text.get("deadlines.passed") if passed else ""}


def _offer(state: _State, spec: dict) -> str:
    if state.case is None:
        return ""
    if _error_roots(state) & depends_on(state.worksheet, OFFER_FIELDS):
        return ""
    return offer_text(state.case, spec, state.text)


def _blocking(errors: dict, worksheet: Worksheet) -> dict:
    """The errors that stop the documents: all but those of answers marked private, which no document
    prints (over-long private notes do not stop the agreement)."""
    return {path: text for path, text in errors.items() if not _is_private(path, worksheet)}


def _is_private(path: str, worksheet: Worksheet) -> bool:
    """`notes`, `claim_items[0].amount`: whether the answer at `path` (or its whole list) is private."""
    root = path.split("[")[0].split(".")[0]
    node = worksheet.field(root) or next((c for c in worksheet.computed() if c.id == root), None)
    if node is None:
        return False
    if node.private or "." not in path:
        return node.private
    sub_id = path.rsplit(".", 1)[1]
    return any(sub.id == sub_id and sub.private for sub in getattr(node, "fields", ()))


def _error_roots(state: _State) -> set[str]:
    """The ids of the fields and computed values with an error (`claim_items` for `claim_items[0].amount`)."""
    return {path.split("[")[0].split(".")[0] for path in state.errors}

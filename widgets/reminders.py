"""The calendar file: one all-day event per payment due date, per additional
term with a date (returning property, say), the court's ODR deadlines and the
hearing, in the person's language.

UIDs are stable: made from the court, the case number and the event, so
importing an updated file again replaces the same events rather than
adding copies.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime

from widgets.case import Case
from widgets.deadlines import holidays_unknown_note
from widgets.ics import Event, calendar_text
from widgets.text import Text
from widgets.wording import term_sentence

UID_DOMAIN = "odr-guide.invalid"


def calendar_file(case: Case, deadlines: dict, spec: dict, text: Text, stamp: datetime) -> str:
    """The `.ics` text for the case."""
    events = _payment_events(case, text) + _term_events(case, spec, text) + _deadline_events(case, deadlines, spec, text)
    name = text.get("calendar.name", case=case.case_number or "")
    return calendar_text(events, stamp, name)


def _payment_events(case: Case, text: Text) -> list[Event]:
    count = len(case.schedule)
    events = []
    for payment in case.schedule:
        values = {"case": case.case_number or "", "number": payment.number, "count": count,
                  "amount": text.money(payment.amount), "date": text.date(payment.due),
                  "on_time": text.date(payment.on_time_until)}
        key = "calendar.payment_grace" if payment.on_time_until != payment.due else "calendar.payment_description"
        events.append(Event(
            uid=_uid(case, f"payment-{payment.number}"), day=payment.due,
            summary=text.get("calendar.payment", **values), description=text.get(key, **values),
        ))
    return events


def _term_events(case: Case, spec: dict, text: Text) -> list[Event]:
    """An additional term with a date, on that date: `Luis Pérez will return the ladder by April 15, 2027.`"""
    description = _case_and_court(case, spec, text)
    return [
        Event(uid=_uid(case, f"term-{number}"), day=term.by, summary=term_sentence(term, case, text),
              description=description)
        for number, term in enumerate(case.terms, 1)
        if term.by is not None
    ]


def _case_and_court(case: Case, spec: dict, text: Text) -> str:
    court = text.pick((spec.get("court") or {}).get("name"))
    return text.get("calendar.deadline_description", case=case.case_number or "", court=court)


def _deadline_events(case: Case, deadlines: dict, spec: dict, text: Text) -> list[Event]:
    """The ODR deadlines and the hearing. "Settle by" counts court days: past the court holiday list's last
    year, its description says to check the date with the court."""
    description = _case_and_court(case, spec, text)
    unsure = holidays_unknown_note(spec, case.hearing_date, text)
    descriptions = {"settle_by": f"{description} {unsure}" if unsure else description}
    dated = [("register_by", deadlines.get("register_by")), ("settle_by", deadlines.get("settle_by")),
             ("hearing", case.hearing_date)]
    return [
        Event(uid=_uid(case, kind), day=day, summary=text.get(f"calendar.{kind}"),
              description=descriptions.get(kind, description))
        for kind, day in dated
        if isinstance(day, date)
    ]


def _uid(case: Case, kind: str) -> str:
    digest = hashlib.sha256(f"{case.court_id}|{case.case_number}|{kind}".encode("utf-8")).hexdigest()
    return f"{digest[:32]}@{UID_DOMAIN}"

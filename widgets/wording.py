"""Sentences shared by the offer and the agreement, built from a Case in one
language. Every word comes from the strings catalog or the definitions."""

from __future__ import annotations

from widgets.case import Case, Term
from widgets.definitions import Worksheet, resolve_options
from widgets.text import Text


def names(parties: list, text: Text, fallback_key: str) -> str:
    """`Ana López and Luis Pérez`, or `The defendant` when no name is known."""
    joined = text.join([party.name for party in parties])
    return joined or text.get(fallback_key)


def payers(case: Case, text: Text) -> str:
    return names(case.defendants, text, "roles.the_defendant")


def payees(case: Case, text: Text) -> str:
    return names(case.plaintiffs, text, "roles.the_plaintiff")


def plan_phrase(case: Case, text: Text) -> str:
    """`6 monthly payments`, `1 payment`."""
    count = len(case.schedule)
    if count == 1:
        return text.get("schedule.one_payment")
    return text.get(f"schedule.{case.frequency}", count=count)


def grace_sentence(case: Case, text: Text) -> str:
    if case.grace_days <= 0:
        return ""
    if case.grace_days == 1:
        return text.get("schedule.grace_one")
    return text.get("schedule.grace", days=case.grace_days)


def term_sentence(term: Term, case: Case, text: Text) -> str:
    """`Luis Pérez will return the ladder by May 1, 2027.`"""
    who = {
        "plaintiff": lambda: payees(case, text),
        "defendant": lambda: payers(case, text),
    }.get(term.who, lambda: text.get("roles.each_party"))()
    parties = {"plaintiff": case.plaintiffs, "defendant": case.defendants}.get(term.who, [])
    several = "_several" if len(parties) > 1 else ""
    what = _as_action(term.what)
    if term.by is not None:
        return text.get(f"terms.will_by{several}", who=who, what=what, date=text.date(term.by))
    return text.get(f"terms.will{several}", who=who, what=what)


def interest_sentence(case: Case, spec: dict, text: Text) -> str:
    if not case.interest:
        return ""
    rate = (spec.get("settings") or {}).get("judgment_interest") or {}
    return text.get(
        f"interest.{case.interest}",
        rate=rate.get("percent_per_year", ""),
        source=text.citation(rate.get("source", "")),
    )


def missed_sentence(case: Case, text: Text) -> str:
    if not case.missed_payment:
        return ""
    return text.get(f"missed_payment.{case.missed_payment}.clause")


def payment_forms(case: Case, worksheet: Worksheet, spec: dict, text: Text) -> str:
    """The labels of the accepted forms of payment, in the field's order."""
    field = worksheet.field("payment_forms")
    if field is None:
        return ""
    labels = {o["id"]: o["label"] for o in resolve_options(field, spec, text)}
    return "; ".join(labels[form] for form in case.payment_forms if form in labels)


def _as_action(what: str) -> str:
    """A term as typed, made to fit after "will": no final period, and a
    capitalised first word (`Return the ladder`) lower-cased."""
    what = " ".join(what.split()).rstrip(". ")
    first = what.split(" ", 1)[0]
    if len(first) > 1 and first[0].isupper() and first[1:].islower():
        what = what[0].lower() + what[1:]
    return what

"""The case as the documents see it: the answers with every private field
removed, read through the field ids the documents rely on (DOCUMENT_FIELDS,
which both worksheets define; see `worksheets/README.md`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from widgets.definitions import Worksheet
from widgets.fields import message
from widgets.money import format_money, to_cents
from widgets.plans import FEWEST_DAYS_BETWEEN, Payment, instalments, lump_sum
from widgets.text import Text


@dataclass(frozen=True)
class Party:
    role: str
    name: str
    address: str


@dataclass(frozen=True)
class Term:
    """One additional term: who will do what, and by when (optional)."""

    who: str
    what: str
    by: date | None = None


@dataclass
class Case:
    """Everything an offer or agreement may say. Nothing private."""

    role: str
    court_id: str
    case_number: str | None = None
    notice_date: date | None = None
    hearing_date: date | None = None
    plaintiffs: list = field(default_factory=list)
    defendants: list = field(default_factory=list)
    amount: Decimal | None = None
    plan_kind: str | None = None
    frequency: str | None = None
    schedule: list = field(default_factory=list)
    grace_days: int = 0
    pay_to: str | None = None
    payment_where: str | None = None
    payment_forms: list = field(default_factory=list)
    interest: str | None = None
    missed_payment: str | None = None
    terms: list = field(default_factory=list)
    note: str | None = None

    def finish_by(self) -> date | None:
        """The last day anything in the agreement can still be done on time (a payment's grace period
        included); None when a term has no date: the parties set no day by which everything is done."""
        if any(term.by is None for term in self.terms):
            return None
        days = [p.on_time_until for p in self.schedule] + [term.by for term in self.terms]
        return max(days) if days else None


def public_values(worksheet: Worksheet, values: dict) -> dict:
    """The typed answers without any field marked private."""
    public = {}
    for definition in worksheet.fields():
        if definition.private:
            continue
        value = values.get(definition.id)
        if definition.type == "list":
            hidden = {sub.id for sub in definition.fields if sub.private}
            value = [{k: v for k, v in item.items() if k not in hidden} if item else None for item in value or []]
        public[definition.id] = value
    return public


DOCUMENT_FIELDS = {
    "case_number": "text", "notice_date": "date", "hearing_date": "date", "plaintiff_type": "choice",
    "plaintiffs": {"name": "text", "address": "text"}, "defendants": {"name": "text", "address": "text"},
    "offer_amount": "money", "plan_kind": "choice", "lump_sum_date": "date", "instalment_count": "number",
    "frequency": "choice", "start_date": "date", "grace_days": "number", "pay_to": "text", "payment_where": "text",
    "payment_forms": "choices", "interest": "choice", "missed_payment": "choice",
    "additional_terms": {"who": "choice", "what": "text", "by": "date"}, "offer_note": "text",
}
"""The answers the offer, the agreement, the hand-off and the calendar read, by id, with their kind ("text":
a text or long_text field; "choices": a choice with multiple: true; a dict: a list whose items have these fields). None may be private:
`build.py check` says so (odr/worksheet_rules.py)."""

OFFER_ONLY_FIELDS = ("offer_note",)
"""Answers only the offer shows (plain text, pasted into ODR or printed by the browser), never the agreement
PDF: any character may be written there."""


PLAN_FIELDS = ("offer_amount", "plan_kind", "lump_sum_date", "instalment_count", "frequency", "start_date", "grace_days")
"""The answers a payment schedule is made from."""


def schedule_of(values: dict, errors: dict, worksheet: Worksheet, text: Text) -> tuple[list[Payment], dict]:
    """The payment schedule when the plan's answers are complete and valid,
    and any error about the plan as a whole (keyed by field path). No
    schedule while an answer it is made from has an error: such an answer may
    be far out of range (a count of 99999, a grace period of 999999 days)."""
    if any(key in errors for key in PLAN_FIELDS):
        return [], {}
    problems = plan_errors(values, worksheet, text)
    amount, kind, grace = values.get("offer_amount"), values.get("plan_kind"), values.get("grace_days") or 0
    if problems or amount is None:
        return [], problems
    if kind == "lump_sum" and values.get("lump_sum_date"):
        return lump_sum(amount, values["lump_sum_date"], grace), {}
    count, frequency, start = values.get("instalment_count"), values.get("frequency"), values.get("start_date")
    if kind != "instalments" or not count or not frequency or not start:
        return [], {}
    return instalments(amount, count, frequency, start, grace), {}


def plan_errors(values: dict, worksheet: Worksheet, text: Text) -> dict:
    """Errors about a payment plan as a whole: fewer cents than payments, or a
    grace period that lasts until the next payment is due."""
    if values.get("plan_kind") != "instalments":
        return {}
    problems = {}
    amount, count = values.get("offer_amount"), values.get("instalment_count")
    if amount is not None and count and to_cents(amount) < count:
        field = worksheet.field("instalment_count")
        problems["instalment_count"] = message(field, "plan_too_small", text, total=format_money(amount), count=count)
    gap = FEWEST_DAYS_BETWEEN.get(values.get("frequency"))
    if gap is not None and count != 1 and (values.get("grace_days") or 0) >= gap:  # 1 payment: no next one
        field = worksheet.field("grace_days")
        problems["grace_days"] = message(field, "grace_too_long", text, max=gap - 1)
    return problems


def build_case(worksheet: Worksheet, spec: dict, values: dict, schedule: list[Payment]) -> Case:
    """Read the public answers into a Case."""
    values = public_values(worksheet, values)
    return Case(
        role=worksheet.role,
        court_id=str((spec.get("court") or {}).get("id", "")),
        case_number=values.get("case_number"),
        notice_date=values.get("notice_date"),
        hearing_date=values.get("hearing_date"),
        plaintiffs=_parties("plaintiff", values.get("plaintiffs")),
        defendants=_parties("defendant", values.get("defendants")),
        amount=values.get("offer_amount"),
        plan_kind=values.get("plan_kind"),
        frequency=values.get("frequency"),
        schedule=schedule,
        grace_days=values.get("grace_days") or 0,
        pay_to=values.get("pay_to"),
        payment_where=values.get("payment_where"),
        payment_forms=list(values.get("payment_forms") or []),
        interest=values.get("interest"),
        missed_payment=values.get("missed_payment"),
        terms=_terms(values.get("additional_terms")),
        note=values.get("offer_note"),
    )


def _parties(role: str, items: object) -> list[Party]:
    return [
        Party(role, item.get("name") or "", item.get("address") or "")
        for item in items or []
        if item and item.get("name")
    ]


def _terms(items: object) -> list[Term]:
    return [
        Term(item.get("who") or "both", item["what"], item.get("by"))
        for item in items or []
        if item and item.get("what")
    ]

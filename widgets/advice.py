"""Notes beside answers that are allowed but worth a second look: an offer below one's own walk-away point, a
plan asking more a month than one can pay, a hearing on a court holiday, a term written so the agreement would
read it wrong. A note never stops the documents and never appears in one: it is for the person's eyes only.

Most notes are data: a field's or computed value's `advice` in the worksheet definition (see
`worksheets/README.md`). The notes on additional terms are the engine's own, as the engine writes the sentence
("Luis Pérez will ...") that the term's wording has to fit.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from widgets.deadlines import holidays_of, is_court_day
from widgets.definitions import Worksheet
from widgets.rules import Context, bound_value
from widgets.text import Text, fill
from widgets.validate import is_asked

TERMS = "additional_terms"
"""The list of additional terms (a DOCUMENT_FIELDS id)."""
WHO_WORDS = ("i", "i'll", "we", "we'll", "he", "she", "they", "you", "the plaintiff", "the defendant", "plaintiff",
             "defendant", "both", "each party", "yo", "nosotros", "el demandante", "la demandante",
             "el demandado", "la demandada")
"""Words that say who does a term: the agreement says that already ("Luis Pérez will ...")."""
WILL_WORDS = ("will", "shall", "must", "agrees to", "promises to")
NOT_WORDS = ("not", "never", "no", "stop")


def advise(worksheet: Worksheet, ctx: Context, schedule: list) -> dict[str, str]:
    """The notes by field path (only where the answer has no error: `ctx.lookup` gives None for one)."""
    notes: dict[str, str] = {}
    for node in [*worksheet.fields(), *worksheet.computed()]:
        if not node.advice or (hasattr(node, "type") and not is_asked(node, ctx.values)):
            continue
        kind = getattr(node, "type", "money")
        for entry in node.advice:
            note = _note(entry, ctx.lookup(node.id), kind, ctx, schedule)
            if note:
                notes[node.id] = note
                break
    notes.update(_term_notes(ctx))
    return notes


def _note(entry: dict, value: object, kind: str, ctx: Context, schedule: list) -> str:
    if value is None:
        return ""
    if entry.get("not_a_court_day"):
        if isinstance(value, date) and not is_court_day(value, holidays_of(ctx.spec)):
            return ctx.text.pick(entry.get("message"))
        return ""
    if entry.get("measure") == "most_in_a_month":
        value, kind = most_in_a_month(schedule), "money"
        if value is None:
            return ""
    for direction in ("below", "above"):
        if entry.get(direction) is None:
            continue
        other = bound_value(entry[direction], kind, ctx)
        if other is None or type(other) is not type(value):
            return ""
        if (value < other) if direction == "below" else (value > other):
            shown = ctx.text.money(other) if isinstance(other, Decimal) else (
                ctx.text.date(other) if isinstance(other, date) else other)
            return fill(ctx.text.pick(entry.get("message")), value=shown)
    return ""


def most_in_a_month(schedule: list) -> Decimal | None:
    """The most a payment schedule asks for in one calendar month (None for no schedule)."""
    months: dict[tuple[int, int], Decimal] = {}
    for payment in schedule:
        key = (payment.due.year, payment.due.month)
        months[key] = months.get(key, Decimal(0)) + payment.amount
    return max(months.values()) if months else None


def _term_notes(ctx: Context) -> dict[str, str]:
    """Terms the agreement would print wrong: "Luis Pérez will I will return ..." or a "not" with a "by" date."""
    notes: dict[str, str] = {}
    names = [party["name"].casefold() for key in ("plaintiffs", "defendants")
             for party in (ctx.values.get(key) or []) if party and party.get("name")]
    who = (*WHO_WORDS, *names, *(name.split()[0] for name in names))  # "Luis Pérez" or just "Luis"
    for index, item in enumerate(ctx.values.get(TERMS) or []):
        path = f"{TERMS}[{index}].what"
        if item and item.get("what") and path not in (ctx.errors or {}):
            note = _term_note(item["what"].casefold(), item.get("by"), who, ctx.text)
            if note:
                notes[path] = note
    return notes


def _term_note(words: str, by: date | None, who: tuple, text: Text) -> str:
    if _starts_with(words, WILL_WORDS):
        return text.get("advice.term_without_will")
    if _starts_with(words, who):
        return text.get("advice.term_without_who")
    if by is not None and _starts_with(words, NOT_WORDS):
        return text.get("advice.term_not_with_date")
    return ""


def _starts_with(words: str, starts: tuple) -> bool:
    return any(words == start or words.startswith(start + " ") for start in starts)


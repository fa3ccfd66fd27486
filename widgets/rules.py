"""The `min` and `max` rules of money, date and number answers.

A bound is written in the worksheet definition as one of:

- a fixed value: `"0.01"` (money), `"2027-01-01"` (date), `1` (number);
- `today` (dates only): the `today` the engine was given;
- `{field: <id>}`: another answer or computed value (inside a list item, a
  sibling field of the same item is looked up first);
- `{claim_limit: <id>}` (money only): the small-claims limit in
  `settings.claim_limits` for the option chosen in field `<id>`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from widgets.dates import DateError, parse_date
from widgets.definitions import Worksheet
from widgets.fields import message
from widgets.money import MoneyError, format_money, parse_money
from widgets.text import Text


@dataclass
class Context:
    """What a rule may look at besides the answer itself."""

    spec: dict
    text: Text
    today: date
    worksheet: Worksheet
    values: dict
    computed: dict
    item: dict | None = None
    item_fields: dict | None = None
    errors: dict | None = None
    """Errors found so far: an answer with one is not compared with (a hearing date already past says nothing
    about a payment date before it)."""

    def lookup(self, field_id: str) -> object:
        if self.item is not None and self.item_fields and field_id in self.item_fields:
            return self.item.get(field_id)
        if self.errors and field_id in self.errors:
            return None
        if field_id in self.computed:
            return self.computed[field_id]
        return self.values.get(field_id)

    def label(self, field_id: str) -> str:
        if self.item_fields and field_id in self.item_fields:
            return self.text.pick(self.item_fields[field_id].label)
        node = self.worksheet.field(field_id)
        if node is None:
            node = next((c for c in self.worksheet.computed() if c.id == field_id), None)
        return self.text.pick(node.label) if node is not None else field_id


def check_rules(node, kind: str, value: object, ctx: Context) -> str | None:
    """The first broken rule's message, or None."""
    checker = _CHECKERS.get(kind)
    if checker is None:
        return None
    for bound, is_max in ((node.min, False), (node.max, True)):
        if bound is not None:
            problem = checker(node, value, bound, is_max, ctx)
            if problem is not None:
                return problem
    return None


def claim_limit(spec: dict, kind: object) -> tuple[Decimal, str] | None:
    """`(amount, source)` of the claim limit for `natural_person` or
    `business`, from `settings.claim_limits`."""
    limits = (spec.get("settings") or {}).get("claim_limits") or {}
    entry = limits.get(kind) if isinstance(kind, str) else None
    if not isinstance(entry, dict) or entry.get("amount") is None:
        return None
    return parse_money(str(entry["amount"])), str(entry.get("source", ""))


def _money_bound(node, value: Decimal, bound: object, is_max: bool, ctx: Context) -> str | None:
    if isinstance(bound, dict) and "claim_limit" in bound:
        return _over_limit(node, value, str(bound["claim_limit"]), ctx) if is_max else None
    if isinstance(bound, dict):
        other = ctx.lookup(str(bound.get("field")))
        if not isinstance(other, Decimal):
            return None
        code = "money_above_field" if is_max else "money_below_field"
        broken = value > other if is_max else value < other
        label = ctx.label(str(bound.get("field")))
        return message(node, code, ctx.text, other=label, value=format_money(other)) if broken else None
    limit = _fixed_money(bound)
    if is_max and value > limit:
        return message(node, "money_too_large", ctx.text, max=format_money(limit))
    if not is_max and value < limit:
        return message(node, "money_too_small", ctx.text, min=format_money(limit))
    return None


def _over_limit(node, value: Decimal, kind_field: str, ctx: Context) -> str | None:
    kind = ctx.lookup(kind_field)
    found = claim_limit(ctx.spec, kind)
    if found is None or value <= found[0]:
        return None
    who = ctx.text.get(f"claim_limit_names.{kind}")
    return message(node, "money_over_limit", ctx.text, limit=format_money(found[0]), who=who, source=ctx.text.citation(found[1]))


def _fixed_money(bound: object) -> Decimal:
    try:
        return parse_money(str(bound))
    except MoneyError as error:
        raise ValueError(f"bad money bound in a worksheet definition: {bound!r}") from error


def _date_bound(node, value: date, bound: object, is_max: bool, ctx: Context) -> str | None:
    if bound == "today":
        if is_max and value > ctx.today:
            return message(node, "date_future", ctx.text)
        if not is_max and value < ctx.today:
            return message(node, "date_past", ctx.text)
        return None
    if isinstance(bound, dict):
        other = ctx.lookup(str(bound.get("field")))
        if not isinstance(other, date):
            return None
        code = "date_after_field" if is_max else "date_before_field"
        broken = value > other if is_max else value < other
        label = ctx.label(str(bound.get("field")))
        return message(node, code, ctx.text, other=label, date=ctx.text.date(other)) if broken else None
    return _fixed_date(node, value, bound, is_max, ctx)


def _fixed_date(node, value: date, bound: object, is_max: bool, ctx: Context) -> str | None:
    try:
        limit = parse_date(bound)
    except DateError as error:
        raise ValueError(f"bad date bound in a worksheet definition: {bound!r}") from error
    if is_max and value > limit:
        return message(node, "date_too_late", ctx.text, date=ctx.text.date(limit))
    if not is_max and value < limit:
        return message(node, "date_too_early", ctx.text, date=ctx.text.date(limit))
    return None


def _number_bound(node, value: int, bound: object, is_max: bool, ctx: Context) -> str | None:
    limit = int(bound)
    if is_max and value > limit:
        return message(node, "number_too_large", ctx.text, max=limit)
    if not is_max and value < limit:
        return message(node, "number_too_small", ctx.text, min=limit)
    return None


_CHECKERS = {"money": _money_bound, "date": _date_bound, "number": _number_bound}


def bound_value(bound: object, kind: str, ctx: Context) -> object:
    """What a bound stands for, as a value of `kind` (money, date or number); None when it is not known (the
    answer it names is blank or has an error)."""
    if isinstance(bound, dict) and "claim_limit" in bound:
        found = claim_limit(ctx.spec, ctx.lookup(str(bound["claim_limit"])))
        return found[0] if found else None
    if isinstance(bound, dict):
        return ctx.lookup(str(bound.get("field")))
    if kind == "money":
        return _fixed_money(bound)
    if kind == "date":
        return ctx.today if bound == "today" else parse_date(bound)
    return int(bound)

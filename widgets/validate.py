"""Checking the answers against a worksheet definition.

Order: read every answer by its type; forget the answers of questions that
are not asked (`show_if`); work out the computed values; then check what is
required and every `min`/`max` rule. Errors are keyed by field path:
`case_number`, `claim_items[0].amount`, and a computed value's id.

A list item whose answers are all blank is ignored (a form often has an
empty row at the end); item paths keep the item's place in the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from widgets import fonts
from widgets.case import OFFER_ONLY_FIELDS
from widgets.dates import FIRST_YEAR, LAST_YEAR
from widgets.definitions import Field, Worksheet, resolve_options
from widgets.fields import is_blank, message, parse_value
from widgets.money import CENT, ZERO
from widgets.rules import Context, check_rules
from widgets.text import Text

CHOICE_TYPES = ("choice", "yes_no")


@dataclass
class Result:
    """Typed answers (None where blank, invalid or not asked), computed
    amounts by id, and error messages by field path."""

    values: dict
    computed: dict
    errors: dict


def validate(worksheet: Worksheet, answers: dict, spec: dict, text: Text, today: date) -> Result:
    errors: dict[str, str] = {}
    ctx = Context(spec, text, today, worksheet, values={}, computed={}, errors=errors)
    for field in worksheet.fields():
        raw = answers[field.id] if field.id in answers else field.default
        read = _read_list if field.type == "list" else _read_one
        ctx.values[field.id] = read(field, raw, field.id, ctx, errors)
    _forget_unasked(worksheet.fields(), ctx.values, "", errors)
    computed = compute(worksheet, ctx.values)
    # A total of answers that could not be read is not known: nothing is checked against it.
    ctx.computed.update({key: value if is_trusted(key, worksheet, errors) else None for key, value in computed.items()})
    for field in worksheet.fields():
        if is_asked(field, ctx.values):
            check = _check_list if field.type == "list" else _check_one
            check(field, field.id, ctx, errors)
    for value in worksheet.computed():
        amount = ctx.computed[value.id]
        problem = check_rules(value, "money", amount, ctx) if amount is not None else None
        if problem is not None:
            errors[value.id] = problem
    return Result(ctx.values, computed, errors)


def is_trusted(computed_id: str, worksheet: Worksheet, errors: dict) -> bool:
    """Whether a total can be believed: none of the answers it adds up has an error (an accepted amount
    over the amount claimed, or one that could not be read, would make it wrong)."""
    values = {value.id: value for value in worksheet.computed()}
    for term in [*values[computed_id].sum, *values[computed_id].minus]:
        if isinstance(term, dict):  # {list, field}: the field in any item of the list
            start, end = f"{term.get('list')}[", f"].{term.get('field')}"
            if any(path.startswith(start) and path.endswith(end) for path in errors):
                return False
        elif term in values:
            if not is_trusted(term, worksheet, errors):
                return False
        elif term in errors:
            return False
    return True


def is_asked(field: Field, values: dict) -> bool:
    """False when the field's `show_if` does not match the answers."""
    if not field.show_if:
        return True
    wanted = field.show_if.get("equals")
    wanted = wanted if isinstance(wanted, list) else [wanted]
    return values.get(str(field.show_if.get("field"))) in wanted


def depends_on(worksheet: Worksheet, ids: tuple) -> set[str]:
    """The ids given and, over and over, every field or computed value their
    `min`/`max` rules, `show_if` and sums refer to: an answer can only be
    trusted while nothing it is checked against has an error (an offer within
    the claim total says little while the claim is over the limit)."""
    nodes = {node.id: node for node in [*worksheet.fields(), *worksheet.computed()]}
    found: set[str] = set()
    waiting = list(ids)
    while waiting:
        current = waiting.pop()
        if current in nodes and current not in found:
            found.add(current)
            waiting.extend(_referred(nodes[current]))
    return found


def _referred(node) -> list[str]:
    """The ids one field or computed value refers to (inside a list item, a
    reference to a field of the same item stays inside the item)."""
    referred = [str(term if isinstance(term, str) else term.get("list"))
                for term in getattr(node, "sum", ()) + getattr(node, "minus", ())]
    referred += _bound_ids(node)
    siblings = {sub.id for sub in getattr(node, "fields", ())}
    for sub in getattr(node, "fields", ()):
        referred += [ref for ref in _bound_ids(sub) if ref not in siblings]
    return referred


def _bound_ids(node) -> list[str]:
    conditions = (node.min, node.max, getattr(node, "show_if", None))
    return [str(c.get("field", c.get("claim_limit"))) for c in conditions if isinstance(c, dict)]


def compute(worksheet: Worksheet, values: dict) -> dict[str, Decimal]:
    """Every computed value, in definition order (a later one may use an
    earlier one)."""
    result: dict[str, Decimal] = {}
    for value in worksheet.computed():
        added = sum((_term(term, values, result) for term in value.sum), ZERO)
        taken = sum((_term(term, values, result) for term in value.minus), ZERO)
        result[value.id] = (added - taken).quantize(CENT)
    return result


def _term(term: object, values: dict, computed: dict) -> Decimal:
    if isinstance(term, str):
        found = computed.get(term, values.get(term))
        return found if isinstance(found, Decimal) else ZERO
    items = values.get(str(term.get("list"))) or []
    where = term.get("where") or {}
    amounts = [item.get(str(term.get("field"))) for item in items if item and _matches(item, where)]
    return sum((amount for amount in amounts if isinstance(amount, Decimal)), ZERO)


def _matches(item: dict, where: dict) -> bool:
    for key, wanted in where.items():
        wanted = wanted if isinstance(wanted, list) else [wanted]
        if item.get(key) not in wanted:
            return False
    return True


def _read_one(field: Field, raw: object, path: str, ctx: Context, errors: dict) -> object:
    if is_blank(raw):
        return None
    option_ids = [o["id"] for o in resolve_options(field, ctx.spec, ctx.text)] if field.type == "choice" else []
    value, code = parse_value(field, raw, option_ids)
    if code is not None:
        most = field.max if field.type == "number" else field.max_length
        errors[path] = message(field, code, ctx.text, max=most, min=field.min, first=FIRST_YEAR, last=LAST_YEAR)
    return value


def _read_list(field: Field, raw: object, path: str, ctx: Context, errors: dict) -> list:
    items: list = []
    for index, entry in enumerate(raw if isinstance(raw, list) else []):
        entry = entry if isinstance(entry, dict) else {}
        if all(is_blank(entry.get(sub.id)) for sub in field.fields):
            items.append(None)
            continue
        item_path = f"{path}[{index}]"
        item = {sub.id: _read_one(sub, entry.get(sub.id), f"{item_path}.{sub.id}", ctx, errors) for sub in field.fields}
        _forget_unasked(field.fields, item, item_path + ".", errors)
        items.append(item)
    return items


def _forget_unasked(fields, values: dict, prefix: str, errors: dict) -> None:
    for field in fields:
        if is_asked(field, values):
            continue
        values[field.id] = [] if field.type == "list" else None
        path = prefix + field.id
        for key in [k for k in errors if k == path or k.startswith(path + "[")]:
            del errors[key]


def _check_one(field: Field, path: str, ctx: Context, errors: dict, private: bool = False) -> None:
    if path in errors:
        return
    value = ctx.lookup(field.id)
    if value is None:
        if field.required:
            code = "required_choice" if field.type in CHOICE_TYPES else "required"
            errors[path] = message(field, code, ctx.text, label=ctx.text.pick(field.label))
        return
    problem = check_rules(field, field.type, value, ctx)
    if problem is None and field.type in TEXT_TYPES and not (private or field.private or field.id in OFFER_ONLY_FIELDS):
        problem = _unprintable_problem(field, value, ctx)
    if problem is not None:
        errors[path] = problem


TEXT_TYPES = ("text", "long_text")


def _unprintable_problem(field: Field, value: str, ctx: Context) -> str | None:
    """Text the agreement may print must be printable in its PDF (answers marked private, and the offer's
    own message, never are)."""
    found = fonts.unprintable(value, ctx.spec.get("pdf_font_ranges") or [])
    return message(field, "pdf_cannot_print", ctx.text, characters=found) if found else None


def _check_list(field: Field, path: str, ctx: Context, errors: dict) -> None:
    items = ctx.values.get(field.id) or []
    filled = [index for index, item in enumerate(items) if item]
    fewest = max(field.min_items, 1 if field.required else 0)
    label = ctx.text.pick(field.label)
    if len(filled) < fewest:
        errors[path] = message(field, "list_too_few", ctx.text, min=fewest, label=label)
    elif field.max_items is not None and len(filled) > field.max_items:
        errors[path] = message(field, "list_too_many", ctx.text, max=field.max_items, label=label)
    sub_fields = {sub.id: sub for sub in field.fields}
    for index in filled:
        item_ctx = Context(ctx.spec, ctx.text, ctx.today, ctx.worksheet, ctx.values, ctx.computed, items[index], sub_fields,
                           errors)
        for sub in field.fields:
            if is_asked(sub, items[index]):
                _check_one(sub, f"{path}[{index}].{sub.id}", item_ctx, errors, private=field.private)

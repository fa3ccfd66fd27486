"""Money: exact `Decimal` amounts to the cent, parsed from what a person types
and shown as `$1,234.56`. Never float.

Accepted input: the digits 0-9 with an optional `$`, optional thousands
commas in the right places (`1,250.50`), one optional minus sign before or
after the `$` and at most two digits after the decimal point. Spaces before
and after the amount and around its sign and `$` are ignored; a space inside
the number (`12 50`) is not an amount. Other scripts' digits (`١٠٠٠`) are not read: the
amount a person sees must be the amount the documents say.
"""

from __future__ import annotations

import re
from decimal import ROUND_DOWN, Decimal, InvalidOperation

CENT = Decimal("0.01")
ZERO = Decimal("0.00")

_AMOUNT = re.compile(r"^(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)?(?:\.([0-9]*))?$")
_SIGN_AND_DOLLAR = re.compile(r"^\s*(-?)\s*\$?\s*(-?)\s*(.*?)\s*$", re.DOTALL)


class MoneyError(ValueError):
    """Raised for text that is not an amount; `code` names the message."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def parse_money(text: object) -> Decimal:
    """Read an amount typed in a form, such as `"$1,250.50"` or `"-20"`.

    Raises MoneyError("invalid") for text that is not an amount and
    MoneyError("decimals") for more than two digits after the point.
    """
    if isinstance(text, bool) or not isinstance(text, (str, int, Decimal)):
        raise MoneyError("invalid")
    signs = _SIGN_AND_DOLLAR.match(str(text))
    before, after, raw = signs.groups()
    match = _AMOUNT.match(raw)
    if (before and after) or match is None or not re.search("[0-9]", raw):
        raise MoneyError("invalid")
    if match.group(1) is not None and len(match.group(1)) > 2:
        raise MoneyError("decimals")
    amount = _to_decimal(raw.replace(",", "").rstrip("."))
    return -amount if before or after else amount


def _to_decimal(digits: str) -> Decimal:
    try:
        return Decimal(digits).quantize(CENT)
    except InvalidOperation as error:
        raise MoneyError("invalid") from error


def format_money(amount: Decimal) -> str:
    """Show an amount as `$1,234.56` (negative: `-$1,234.56`)."""
    amount = Decimal(amount).quantize(CENT)
    sign = "-" if amount < 0 else ""
    return f"{sign}${abs(amount):,.2f}"


def to_cents(amount: Decimal) -> int:
    """The whole number of cents in an amount that is exact to the cent."""
    return int((Decimal(amount) * 100).to_integral_value())


def from_cents(cents: int) -> Decimal:
    """An amount from a whole number of cents."""
    return (Decimal(cents) / 100).quantize(CENT)


def floor_cents(amount: Decimal) -> Decimal:
    """Round an amount down to the cent."""
    return Decimal(amount).quantize(CENT, rounding=ROUND_DOWN)


def as_decimal_string(amount: Decimal) -> str:
    """The plain decimal string used in JSON: `"1250.50"`."""
    return str(Decimal(amount).quantize(CENT))

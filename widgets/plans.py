"""Payment plans: one lump sum on a date, or N instalments weekly, every two
weeks or monthly from a start date.

The odd-cent rule: every instalment is the total divided by N, rounded DOWN
to the cent; the cents left over go on the LAST instalment. So $100.00 in 3
payments is $33.33, $33.33, $33.34, and the instalments always add up to the
total exactly. The last instalment is never smaller than the others and is
larger by less than N cents.

Monthly dates are counted from the START date each time, never from the
previous due date: they keep the start's day of the month where that month
has it and fall back to the month's last day otherwise (31 Jan, 28 or 29 Feb,
31 Mar, 30 Apr, ...).

A grace period of G days means a payment due on day D is still on time when
it arrives by day D + G (calendar days).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from widgets.money import from_cents, to_cents

FREQUENCIES = ("weekly", "biweekly", "monthly")
_DAYS_BETWEEN = {"weekly": 7, "biweekly": 14}
FEWEST_DAYS_BETWEEN = {**_DAYS_BETWEEN, "monthly": 28}
"""The fewest days from one payment to the next (a month before a 28-day
February is 28 days: 31 January to 28 February). A grace period must be
shorter, so that a payment is late before the next one is due."""


@dataclass(frozen=True)
class Payment:
    """One due payment: its number (from 1), due date, amount and the last
    day it is still on time (the due date when there is no grace period)."""

    number: int
    due: date
    amount: Decimal
    on_time_until: date


def lump_sum(total: Decimal, due: date, grace_days: int = 0) -> list[Payment]:
    """The whole total in one payment on `due`."""
    return [_payment(1, due, Decimal(total), grace_days)]


def instalments(
    total: Decimal, count: int, frequency: str, start: date, grace_days: int = 0
) -> list[Payment]:
    """`count` payments adding up to `total` exactly, the first on `start`."""
    if count < 1:
        raise ValueError("a plan needs at least one payment")
    amounts = split_evenly(total, count)
    dates = due_dates(start, count, frequency)
    return [
        _payment(number, due, amount, grace_days)
        for number, (due, amount) in enumerate(zip(dates, amounts), start=1)
    ]


def split_evenly(total: Decimal, count: int) -> list[Decimal]:
    """The odd-cent rule: equal amounts rounded down to the cent, the leftover
    cents on the last one."""
    cents = to_cents(total)
    base, left_over = divmod(cents, count)
    amounts = [from_cents(base)] * count
    amounts[-1] = from_cents(base + left_over)
    return amounts


def due_dates(start: date, count: int, frequency: str) -> list[date]:
    """The due dates of `count` payments from `start`."""
    if frequency == "monthly":
        return [add_months(start, months) for months in range(count)]
    if frequency not in _DAYS_BETWEEN:
        raise ValueError(f"unknown frequency: {frequency}")
    step = timedelta(days=_DAYS_BETWEEN[frequency])
    return [start + step * number for number in range(count)]


def add_months(start: date, months: int) -> date:
    """The same day of the month `months` later, or that month's last day
    when it is shorter (31 Jan + 1 month = 28 or 29 Feb)."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(start.day, days_in_month(year, month)))


def days_in_month(year: int, month: int) -> int:
    """28 to 31. (Not calendar.monthrange: importing the calendar module costs more than the
    rest of this package's start-up in the browser.)"""
    first_of_next = date(year + month // 12, month % 12 + 1, 1)
    return (first_of_next - timedelta(days=1)).day


def total_of(schedule: list[Payment]) -> Decimal:
    """What a schedule adds up to."""
    return sum((payment.amount for payment in schedule), Decimal("0.00"))


def _payment(number: int, due: date, amount: Decimal, grace_days: int) -> Payment:
    return Payment(number, due, amount, due + timedelta(days=grace_days))

"""Court days and a court's ODR deadlines.

A court day is a weekday that is not a judicial holiday. The holidays are
`settings.judicial_holidays.dates` plus the court's own optional
`additional_holidays` (same shape: a list of `{date, name}`).

The court profile's `odr.deadlines` gives the numbers:

- register by = the notice date + `register_within_calendar_days` calendar
  days. The date is NOT moved when it falls on a weekend or holiday: the
  court's notice says calendar days, and the earlier reading is the safe one.
- settle by = the date `settle_court_days_before_hearing` court days before
  the hearing date (2 court days before a Monday hearing is the Thursday
  before, or the Wednesday when that Thursday is a holiday).

A court whose `odr.deadlines` is null has no ODR dates: none are invented.
"""

from __future__ import annotations

from datetime import date, timedelta

from widgets.dates import DateError, parse_date


def holidays_of(spec: dict) -> set[date]:
    """Every judicial holiday the spec knows about, statewide and local."""
    statewide = ((spec.get("settings") or {}).get("judicial_holidays") or {}).get("dates")
    local = (spec.get("court") or {}).get("additional_holidays")
    days = set()
    for entry in list(statewide or []) + list(local or []):
        value = entry.get("date") if isinstance(entry, dict) else entry
        try:
            days.add(parse_date(value))
        except DateError:
            continue
    return days


def is_court_day(day: date, holidays: set[date]) -> bool:
    """A weekday that is not a holiday."""
    return day.weekday() < 5 and day not in holidays


def court_days_before(day: date, count: int, holidays: set[date]) -> date:
    """The date `count` court days before `day` (`day` itself not counted)."""
    current = day
    counted = 0
    while counted < count:
        current -= timedelta(days=1)
        if is_court_day(current, holidays):
            counted += 1
    return current


def odr_deadlines(spec: dict, notice: date | None, hearing: date | None) -> dict:
    """`{"register_by": date | None, "settle_by": date | None}`, or `{}` when
    the court's program sets no deadlines."""
    rules = ((spec.get("court") or {}).get("odr") or {}).get("deadlines")
    if not rules:
        return {}
    register_days = rules.get("register_within_calendar_days")
    settle_days = rules.get("settle_court_days_before_hearing")
    register_by = settle_by = None
    if notice is not None and register_days is not None:
        register_by = notice + timedelta(days=int(register_days))
    if hearing is not None and settle_days is not None:
        settle_by = court_days_before(hearing, int(settle_days), holidays_of(spec))
    return {"register_by": register_by, "settle_by": settle_by}


def last_holiday_year(spec: dict) -> int | None:
    """The last year the holiday list covers, to warn about later dates."""
    days = holidays_of(spec)
    return max(day.year for day in days) if days else None


def holidays_unknown_note(spec: dict, hearing: date | None, text) -> str:
    """For a hearing after the holiday list's last year: the note that its court days may be off ("" otherwise)."""
    last_year = last_holiday_year(spec)
    if hearing is None or last_year is None or hearing.year <= last_year:
        return ""
    return text.get("deadlines.holidays_unknown", year=last_year)

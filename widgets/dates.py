"""Calendar dates as the engine receives them: `datetime.date` objects (from
PyYAML) or ISO strings `YYYY-MM-DD` (from JSON in the browser)."""

from __future__ import annotations

import re
from datetime import date, datetime, timezone

_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
FIRST_YEAR, LAST_YEAR = 2000, 2100
"""The years a date answer may fall in. Court dates and payment plans fall
well inside them, and every date worked out from an answer (120 monthly
payments, a grace period, the day after for a calendar event) stays a real
date."""


class DateError(ValueError):
    """Raised for text that is not a real calendar date."""


def parse_date(value: object) -> date:
    """Read a date object or an ISO `YYYY-MM-DD` string; raise DateError."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip() if isinstance(value, str) else ""
    if not _ISO_DATE.match(text):
        raise DateError(text)
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise DateError(text) from error


def is_in_range(day: date) -> bool:
    """True when `day` falls from FIRST_YEAR to LAST_YEAR."""
    return FIRST_YEAR <= day.year <= LAST_YEAR


def iso(day: date | None) -> str | None:
    """`2027-01-31`, or None for no date."""
    return day.isoformat() if day is not None else None


def parse_timestamp(value: object) -> datetime | None:
    """Read an ISO date-time such as `2026-11-22T10:15:00Z` as UTC; None if
    it is missing or unreadable (a time stamp is never worth an error)."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip().replace("Z", "+00:00").replace("z", "+00:00")
    try:
        moment = datetime.fromisoformat(text)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=timezone.utc)
        return moment.astimezone(timezone.utc)
    except (ValueError, OverflowError):  # not a date-time, or one at the very edge of the calendar
        return None

"""A minimal iCalendar writer (RFC 5545) for all-day reminders.

Lines end with CRLF; content lines longer than 75 octets are folded (a CRLF
then one space), never inside a UTF-8 character; TEXT values escape
backslash, semicolon, comma and new lines. Every event has a UID and a
DTSTAMP (UTC), and lasts one whole day (DTSTART and DTEND as DATE values).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

PRODID = "-//ODR Guide//Worksheet calendar//EN"
MAX_OCTETS = 75


@dataclass(frozen=True)
class Event:
    """One all-day event."""

    uid: str
    day: date
    summary: str
    description: str = ""


def calendar_text(events: list[Event], stamp: datetime, name: str = "") -> str:
    """The whole `.ics` file as text (CRLF line endings)."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    if name:
        lines.append(f"X-WR-CALNAME:{escape_text(name)}")
    for event in events:
        lines.extend(_event_lines(event, stamp))
    lines.append("END:VCALENDAR")
    return "".join(fold_line(line) + "\r\n" for line in lines)


def _event_lines(event: Event, stamp: datetime) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{escape_text(event.uid)}",
        f"DTSTAMP:{utc_stamp(stamp)}",
        f"DTSTART;VALUE=DATE:{event.day.strftime('%Y%m%d')}",
        f"DTEND;VALUE=DATE:{(event.day + timedelta(days=1)).strftime('%Y%m%d')}",
        f"SUMMARY:{escape_text(event.summary)}",
    ]
    if event.description:
        lines.append(f"DESCRIPTION:{escape_text(event.description)}")
    lines.extend(["TRANSP:TRANSPARENT", "END:VEVENT"])
    return lines


def escape_text(value: str) -> str:
    """Escape a TEXT value (RFC 5545 §3.3.11)."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold_line(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8
    character or between a backslash and the character it escapes (RFC 5545
    allows that split, but some calendar programs misread it)."""
    pieces: list[str] = []
    current, size, limit = "", 0, MAX_OCTETS
    for unit in _unbreakable_units(line):
        width = len(unit.encode("utf-8"))
        if size + width > limit:
            pieces.append(current)
            current, size, limit = "", 0, MAX_OCTETS - 1
        current += unit
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)


def _unbreakable_units(line: str) -> list[str]:
    """The line's characters, with each escape (a backslash and the character after it) kept as one."""
    units: list[str] = []
    index = 0
    while index < len(line):
        size = 2 if line[index] == "\\" and index + 1 < len(line) else 1
        units.append(line[index:index + size])
        index += size
    return units


def utc_stamp(moment: datetime) -> str:
    """A DATE-TIME in UTC: `20261122T101500Z`."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")

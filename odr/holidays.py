"""Checks on the court holidays: each day listed once, and the list kept far enough ahead.

The worksheets count court days back from the hearing ("settle by"), skipping weekends and the
holidays listed in content/settings.yaml and a court's `additional_holidays`. A holiday that is
not listed counts as a court day, so a list that stops too soon gives wrong dates without a word.
"""

from __future__ import annotations

import datetime

from odr.problems import WARNING, Problem

KEEP_AHEAD_DAYS = 120
"""How far past today the statewide list must reach. Not a legal figure: room for a hearing set up
to 70 days after a claim is filed (Code of Civil Procedure § 116.330), then continued."""


def today() -> datetime.date:
    """The day the check runs (tests pin it)."""
    return datetime.date.today()


def check_holidays(content) -> list[Problem]:
    settings = content.settings
    statewide = {holiday.date: holiday for holiday in settings.judicial_holidays.dates}
    problems = _repeated(settings, ("judicial_holidays", "dates"), settings.judicial_holidays.dates)
    problems += _too_short(settings)
    for court in [*content.courts.values(), *content.draft_courts.values()]:
        problems += _repeated(court, ("additional_holidays",), court.additional_holidays)
        for index, holiday in enumerate(court.additional_holidays):
            if holiday.date in statewide:
                problems.append(court.source_file.problem(
                    ("additional_holidays", index, "date"),
                    f"expected a day this court closes besides the statewide judicial holidays, found "
                    f"{holiday.date}, already listed in {settings.source_file.path} "
                    f"({statewide[holiday.date].name.get('en')})", severity=WARNING))
    return problems


def _repeated(document, path: tuple, holidays: list) -> list[Problem]:
    first_index: dict[datetime.date, int] = {}
    problems = []
    for index, holiday in enumerate(holidays):
        if holiday.date in first_index:
            problems.append(document.source_file.problem(
                (*path, index, "date"),
                f"expected each date once, found {holiday.date} again "
                f"(also {_dotted(path)}[{first_index[holiday.date]}])", severity=WARNING))
        first_index.setdefault(holiday.date, index)
    return problems


def _too_short(settings) -> list[Problem]:
    dates = [holiday.date for holiday in settings.judicial_holidays.dates]
    needed = today() + datetime.timedelta(days=KEEP_AHEAD_DAYS)
    if dates and max(dates) >= needed:
        return []
    last = f"the last on {max(dates)}" if dates else "none"
    return [settings.source_file.problem(
        ("judicial_holidays", "dates"),
        f"expected holidays through at least {needed} ({KEEP_AHEAD_DAYS} days from today), found {last}: "
        f"add next year's judicial holidays, or settle-by dates after the last one count holidays as court days",
        severity=WARNING)]


def _dotted(path: tuple) -> str:
    return ".".join(str(part) for part in path)

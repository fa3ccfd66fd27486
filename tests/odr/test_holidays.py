"""The court holidays: each day once, and the statewide list far enough ahead of today."""

import datetime

from odr import holidays
from tests.conftest import MINIMAL_COURT


def settings_line(project, text: str) -> int:
    lines = (project.root / "content/settings.yaml").read_text(encoding="utf-8").split("\n")
    return next(number for number, line in enumerate(lines, 1) if text in line)


def test_the_shipped_holidays_are_clean_on_the_day_the_tests_run_on(project):
    assert project.messages() == []


def test_a_list_that_ends_too_soon_says_which_day_it_must_reach(project, monkeypatch):
    monkeypatch.setattr(holidays, "today", lambda: datetime.date(2027, 9, 3))
    line = settings_line(project, "judicial_holidays:") + 2  # its `dates:` key
    assert project.messages() == [
        f"content/settings.yaml:{line + 1}:5: warning: judicial_holidays.dates: expected holidays through at least "
        "2028-01-01 (120 days from today), found the last on 2027-12-31: add next year's judicial holidays, "
        "or settle-by dates after the last one count holidays as court days"]


def test_a_date_listed_twice_is_named_with_its_first_place(project):
    path = project.root / "content/settings.yaml"
    text = path.read_text(encoding="utf-8")
    repeated = '    - {date: 2027-12-24, name: {en: "Christmas Eve", es: "Nochebuena"}}\n'
    path.write_text(text + repeated, encoding="utf-8")
    dates = [line for line in text.split("\n") if line.startswith("    - {date: ")]
    first = next(index for index, line in enumerate(dates) if "2027-12-24" in line)
    line = len(text.split("\n"))
    assert project.messages() == [
        f"content/settings.yaml:{line}:14: warning: judicial_holidays.dates[{len(dates)}].date: expected each date "
        f"once, found 2027-12-24 again (also judicial_holidays.dates[{first}])"]


def test_a_court_holiday_that_is_already_statewide_is_a_warning(project):
    project.write("content/courts/test-court.yaml", MINIMAL_COURT + """\
additional_holidays:
  - {date: 2027-03-31, name: {en: Cesar Chavez Day, es: Día de César Chávez}}
  - {date: 2027-08-02, name: {en: County holiday, es: Feriado del condado}}
  - {date: 2027-08-02, name: {en: County holiday, es: Feriado del condado}}
""")
    line = MINIMAL_COURT.count("\n") + 2
    assert project.messages() == [
        f"content/courts/test-court.yaml:{line}:12: warning: additional_holidays[0].date: expected a day this court "
        "closes besides the statewide judicial holidays, found 2027-03-31, already listed in content/settings.yaml "
        "(Cesar Chavez Day)",
        f"content/courts/test-court.yaml:{line + 2}:12: warning: additional_holidays[2].date: expected each date once, "
        "found 2027-08-02 again (also additional_holidays[1])",
    ]

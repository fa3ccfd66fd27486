from datetime import date

from tests.widgets.helpers import spec
from widgets.deadlines import court_days_before, holidays_of, is_court_day, last_holiday_year, odr_deadlines


def test_register_by_is_the_notice_date_plus_calendar_days_and_is_not_moved_off_a_weekend():
    found = odr_deadlines(spec(), date(2027, 1, 4), None)
    assert found == {"register_by": date(2027, 1, 9), "settle_by": None}  # a Saturday, on purpose


def test_settle_by_counts_court_days_before_the_hearing_skipping_the_weekend():
    assert odr_deadlines(spec(), None, date(2027, 3, 15))["settle_by"] == date(2027, 3, 11)  # Mon -> Thu


def test_settle_by_skips_judicial_holidays():
    # 31 March 2027 (Cesar Chavez Day) is a holiday: Thursday 1 April -> Monday 29 March.
    assert odr_deadlines(spec(), None, date(2027, 4, 1))["settle_by"] == date(2027, 3, 29)
    # 18 January 2027 is Martin Luther King Jr. Day: Tuesday 19 January -> Thursday 14 January.
    assert odr_deadlines(spec(), None, date(2027, 1, 19))["settle_by"] == date(2027, 1, 14)


def test_a_court_can_add_its_own_holidays():
    court_spec = spec()
    court_spec["court"]["additional_holidays"] = [{"date": "2027-03-30", "name": {"en": "Local day"}}]
    assert odr_deadlines(court_spec, None, date(2027, 4, 1))["settle_by"] == date(2027, 3, 26)


def test_holidays_may_be_date_objects_or_iso_strings():
    yaml_spec = {"settings": {"judicial_holidays": {"dates": [{"date": date(2027, 1, 1)}, {"date": "2027-01-18"}]}}}
    assert holidays_of(yaml_spec) == {date(2027, 1, 1), date(2027, 1, 18)}


def test_a_court_without_odr_deadlines_gets_none():
    assert odr_deadlines(spec("san-joaquin"), date(2027, 1, 4), date(2027, 3, 15)) == {}


def test_court_days():
    holidays = holidays_of(spec())
    assert not is_court_day(date(2027, 1, 9), holidays)  # Saturday
    assert not is_court_day(date(2027, 11, 25), holidays)  # Thanksgiving
    assert is_court_day(date(2027, 11, 24), holidays)
    assert court_days_before(date(2027, 11, 29), 2, holidays) == date(2027, 11, 23)


def test_the_holiday_list_end_is_known():
    assert last_holiday_year(spec()) == 2027

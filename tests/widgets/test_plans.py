from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from widgets.money import from_cents
from widgets.plans import add_months, due_dates, instalments, lump_sum, split_evenly, total_of


def test_odd_cent_rule_rounds_down_and_puts_the_left_over_cents_on_the_last_payment():
    assert split_evenly(Decimal("100.00"), 3) == [Decimal("33.33"), Decimal("33.33"), Decimal("33.34")]
    assert split_evenly(Decimal("1000.00"), 6) == [Decimal("166.66")] * 5 + [Decimal("166.70")]
    assert split_evenly(Decimal("10.00"), 1) == [Decimal("10.00")]
    assert split_evenly(Decimal("0.10"), 3) == [Decimal("0.03"), Decimal("0.03"), Decimal("0.04")]


def test_monthly_dates_from_the_31st_fall_back_to_the_end_of_shorter_months():
    dates = due_dates(date(2027, 1, 31), 4, "monthly")
    assert dates == [date(2027, 1, 31), date(2027, 2, 28), date(2027, 3, 31), date(2027, 4, 30)]


def test_monthly_dates_use_february_29_in_a_leap_year():
    assert due_dates(date(2028, 1, 31), 2, "monthly")[1] == date(2028, 2, 29)
    assert due_dates(date(2027, 12, 30), 3, "monthly") == [date(2027, 12, 30), date(2028, 1, 30), date(2028, 2, 29)]


def test_monthly_dates_are_counted_from_the_start_not_from_the_previous_due_date():
    # From the previous date, 28 Feb + 1 month would be 28 Mar.
    assert due_dates(date(2027, 1, 31), 3, "monthly")[2] == date(2027, 3, 31)
    assert add_months(date(2027, 1, 31), 13) == date(2028, 2, 29)


def test_weekly_and_every_two_weeks():
    assert due_dates(date(2027, 1, 8), 3, "weekly") == [date(2027, 1, 8), date(2027, 1, 15), date(2027, 1, 22)]
    assert due_dates(date(2027, 1, 8), 3, "biweekly") == [date(2027, 1, 8), date(2027, 1, 22), date(2027, 2, 5)]


def test_grace_period_sets_the_last_day_a_payment_is_on_time():
    plan = instalments(Decimal("300.00"), 3, "monthly", date(2027, 1, 31), grace_days=5)
    assert [p.on_time_until for p in plan] == [date(2027, 2, 5), date(2027, 3, 5), date(2027, 4, 5)]
    assert lump_sum(Decimal("50.00"), date(2027, 3, 1))[0].on_time_until == date(2027, 3, 1)


def test_lump_sum_is_one_payment_of_the_whole_total():
    (payment,) = lump_sum(Decimal("1285.50"), date(2027, 3, 1), grace_days=2)
    assert (payment.number, payment.due, payment.amount) == (1, date(2027, 3, 1), Decimal("1285.50"))


def test_a_plan_needs_a_payment_and_a_known_frequency():
    with pytest.raises(ValueError):
        instalments(Decimal("10.00"), 0, "monthly", date(2027, 1, 1))
    with pytest.raises(ValueError):
        instalments(Decimal("10.00"), 2, "daily", date(2027, 1, 1))


plans = st.integers(min_value=1, max_value=120).flatmap(
    lambda count: st.tuples(
        st.integers(min_value=count, max_value=100_000_000),
        st.just(count),
        st.sampled_from(["weekly", "biweekly", "monthly"]),
        st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)),
        st.integers(min_value=0, max_value=30),
    )
)


@settings(max_examples=200, deadline=None)
@given(plans)
def test_any_plan_adds_up_exactly_with_the_right_count_and_increasing_dates(plan):
    cents, count, frequency, start, grace = plan
    total = from_cents(cents)
    schedule = instalments(total, count, frequency, start, grace)
    assert len(schedule) == count
    assert total_of(schedule) == total
    assert [p.number for p in schedule] == list(range(1, count + 1))
    assert schedule[0].due == start
    assert all(a.due < b.due for a, b in zip(schedule, schedule[1:]))
    assert all(p.on_time_until == p.due + timedelta(days=grace) for p in schedule)


@settings(max_examples=200, deadline=None)
@given(plans)
def test_any_plan_follows_the_odd_cent_rule(plan):
    cents, count, frequency, start, _ = plan
    amounts = [p.amount for p in instalments(from_cents(cents), count, frequency, start)]
    base = from_cents(cents // count)
    assert all(amount == base for amount in amounts[:-1])
    assert amounts[-1] == base + from_cents(cents % count)
    assert all(amount >= Decimal("0.01") and amount == amount.quantize(Decimal("0.01")) for amount in amounts)


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)), st.integers(min_value=1, max_value=120))
def test_monthly_dates_keep_the_day_or_use_the_last_day_of_the_month(start, count):
    import calendar

    for months, due in enumerate(due_dates(start, count, "monthly")):
        expected_month = (start.month - 1 + months) % 12 + 1
        last_day = calendar.monthrange(due.year, due.month)[1]
        assert due.month == expected_month
        assert due.day == min(start.day, last_day)

from decimal import Decimal

import pytest

from widgets.money import MoneyError, as_decimal_string, format_money, parse_money


@pytest.mark.parametrize("typed, expected", [
    ("1250.50", "1250.50"),
    ("$1,250.50", "1250.50"),
    (" 1,250 ", "1250.00"),
    ("$ 1,250.50", "1250.50"),
    ("1,234,567.89", "1234567.89"),
    ("0.5", "0.50"),
    (".75", "0.75"),
    ("12.", "12.00"),
    ("0", "0.00"),
    (12, "12.00"),
    (Decimal("3.1"), "3.10"),
])
def test_parse_money_reads_amounts_as_typed(typed, expected):
    amount = parse_money(typed)
    assert isinstance(amount, Decimal)
    assert amount == Decimal(expected)
    assert str(amount) == expected


@pytest.mark.parametrize("typed, expected", [("-5", "-5.00"), ("-$5", "-5.00"), ("$-5.25", "-5.25"), ("- $ 5", "-5.00")])
def test_parse_money_keeps_the_minus_sign_so_the_rule_can_name_it(typed, expected):
    assert parse_money(typed) == Decimal(expected)


@pytest.mark.parametrize("typed", ["", " ", "abc", "1,25", "12,34.00", "1.2.3", "1e3", "NaN", "Infinity",
                                   "$", "-", ".", "1,000,00", True, None, 1.5, ["1"],
                                   "12 50", "1 2 3 4", "1, 250", "1250 .50"])
def test_parse_money_rejects_what_is_not_an_amount(typed):
    with pytest.raises(MoneyError) as raised:
        parse_money(typed)
    assert raised.value.code == "invalid"


@pytest.mark.parametrize("typed", ["$$5", "--5", "-$-5", "$-$5", "-5-", "5$", "\u0661\u0660\u0660\u0660",
                                   "\uff11\uff10\uff10", "1\u0660.50", "12.\u0665\u0660"])
def test_parse_money_reads_one_sign_one_dollar_and_only_the_digits_0_to_9(typed):
    with pytest.raises(MoneyError) as raised:
        parse_money(typed)
    assert raised.value.code == "invalid"


@pytest.mark.parametrize("typed", ["1.234", "0.001", "$1,000.999"])
def test_parse_money_rejects_more_than_two_decimals(typed):
    with pytest.raises(MoneyError) as raised:
        parse_money(typed)
    assert raised.value.code == "decimals"


@pytest.mark.parametrize("amount, shown", [
    (Decimal("1234.56"), "$1,234.56"),
    (Decimal("0"), "$0.00"),
    (Decimal("5"), "$5.00"),
    (Decimal("-5"), "-$5.00"),
    (Decimal("1000000"), "$1,000,000.00"),
    (Decimal("12500.00"), "$12,500.00"),
])
def test_format_money(amount, shown):
    assert format_money(amount) == shown


def test_decimal_string_for_json():
    assert as_decimal_string(Decimal("1250.5")) == "1250.50"

"""Each rule on a tiny worksheet written inline."""

from datetime import date

import pytest

from tests.widgets.helpers import TODAY, spec
from widgets.definitions import load_worksheet
from widgets.text import Text
from widgets.validate import validate

TINY = {
    "id": "tiny", "role": "plaintiff", "title": {"en": "Tiny"},
    "steps": [{"id": "s", "title": {"en": "S"}, "fields": [
        {"id": "low", "type": "money", "label": {"en": "Low"}, "min": "10.00", "max": "100"},
        {"id": "high", "type": "money", "label": {"en": "High"}, "min": {"field": "low"}},
        {"id": "free", "type": "money", "label": {"en": "Free"}, "min": "0"},
        {"id": "day", "type": "date", "label": {"en": "Day"}, "min": "2027-01-01", "max": "2027-12-31"},
        {"id": "count", "type": "number", "label": {"en": "Count"}, "min": 2, "max": 5},
        {"id": "ok", "type": "yes_no", "label": {"en": "OK?"}, "required": True},
        {"id": "rows", "type": "list", "label": {"en": "Rows"}, "max_items": 2,
         "fields": [{"id": "name", "type": "text", "label": {"en": "Name"}, "max_length": 20}]},
        {"id": "kind", "type": "choice", "label": {"en": "Kind"},
         "options": [{"id": "a", "label": {"en": "A"}}, {"id": "b", "label": {"en": "B"}}]},
        {"id": "only_b", "type": "text", "label": {"en": "Only B"}, "required": True,
         "show_if": {"field": "kind", "equals": ["b"]}},
    ]}],
}


def check(**answers) -> dict:
    base = {"ok": True}
    base.update(answers)
    return validate(load_worksheet(TINY), base, spec(), Text(spec(), "en"), TODAY).errors


HIDDEN = "This has a hidden character that cannot be printed, often from copying and pasting. Please type it again."


@pytest.mark.parametrize("answers, expected", [
    ({"low": "9.99"}, {"low": "The amount must be at least $10.00."}),
    ({"low": "100.01"}, {"low": "The amount cannot be more than $100.00."}),
    ({"low": "50", "high": "49.99"}, {"high": "This is less than “Low” ($50.00). Please check both amounts."}),
    ({"free": "0"}, {}),
    ({"free": "-0.01"}, {"free": "The amount cannot be less than $0.00."}),
    ({"day": "2026-12-31"}, {"day": "This date must be January 1, 2027 or later."}),
    ({"day": "2028-01-01"}, {"day": "This date must be December 31, 2027 or earlier."}),
    ({"count": "1"}, {"count": "Enter 2 or more."}),
    ({"count": "6"}, {"count": "Enter 5 or less."}),
    ({"ok": None}, {"ok": "Please choose an answer: OK?"}),
    ({"ok": "yes"}, {}),
    ({"ok": "No"}, {}),
    ({"ok": "maybe"}, {"ok": "Choose yes or no."}),
    ({"rows": [{"name": "a"}, {"name": "b"}, {"name": "c"}]}, {"rows": "“Rows” can have 2 at most."}),
    ({"rows": [{"name": "a" * 21}]}, {"rows[0].name": "This is too long. Please use 20 characters or fewer."}),
    ({"rows": [{"name": "a\u0000b"}]}, {"rows[0].name": HIDDEN}),
    ({"rows": [{"name": "\u202eabc"}]}, {"rows[0].name": HIDDEN}),  # a right-to-left override
    ({"rows": [{"name": "a\ud800"}]}, {"rows[0].name": HIDDEN}),  # half a surrogate pair
    ({"rows": [{"name": "a\U000e0080"}]}, {"rows[0].name": HIDDEN}),  # a character Unicode does not assign
    ({"kind": "a"}, {}),
    ({"kind": "b"}, {"only_b": "Please fill this in: Only B"}),
    ({"kind": "c"}, {"kind": "Choose one of the answers in the list."}),
])
def test_rule(answers, expected):
    assert check(**answers) == expected


def test_typed_values():
    result = validate(load_worksheet(TINY), {"low": "20", "day": date(2027, 5, 1),
                                             "count": 3, "ok": False}, spec(), Text(spec(), "en"), TODAY)
    assert result.errors == {}
    assert (str(result.values["low"]), result.values["day"], result.values["count"], result.values["ok"]) == (
        "20.00", date(2027, 5, 1), 3, False)


@pytest.mark.parametrize("typed, kept", [
    ("Jose\u0301 Nu\u0301n\u0303ez", "José Núñez"),  # accents typed as separate marks: one form (NFC)
    ("Ana\nLópez\r\nRuiz", "Ana López Ruiz"),  # a one-line answer stays on one line
    ("Ana\tLópez", "Ana López"),
    ("An\u00ada Ló\u200bpez\ufeff", "Ana López"),  # soft hyphen, zero-width space, byte order mark: invisible
    ("abc\u200d", "abc\u200d"),  # a zero-width joiner is part of how some text is written
    ("Ana\u2028López\x85Ruiz\x0c", "Ana López Ruiz"),  # Unicode's line separators, NEL, form feed
])
def test_text_is_kept_as_it_will_be_printed(typed, kept):
    result = validate(load_worksheet(TINY), {"ok": True, "rows": [{"name": typed}]}, spec(), Text(spec(), "en"),
                      TODAY)
    assert result.errors == {}
    assert result.values["rows"][0]["name"] == kept

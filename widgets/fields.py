"""Reading one answer by its field type, and the error message for a code.

Every parser returns `(value, None)` or `(None, code)`; the code names a
message in the strings catalog (`errors.<code>`) that a field can reword
with its own `messages: {<code>: {en, es}}`.
"""

from __future__ import annotations

import re
import unicodedata

from widgets.dates import DateError, is_in_range, parse_date
from widgets.definitions import Field
from widgets.money import ZERO, MoneyError, parse_money
from widgets.text import Text, fill

_WHOLE_NUMBER = re.compile(r"^[0-9]{1,9}$")
_YES = ("true", "yes")
_NO = ("false", "no")


def is_blank(value: object) -> bool:
    """Nothing typed: None, an empty or all-space string, or an empty list."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return isinstance(value, (list, tuple)) and not value


def parse_value(field: Field, raw: object, option_ids: list[str]) -> tuple[object, str | None]:
    """Read a non-blank answer for a field that is not a list."""
    parser = _PARSERS[field.type]
    if field.type == "choice":
        return parser(field, raw, option_ids)
    return parser(field, raw)


def message(field, code: str, text: Text, **values: object) -> str:
    """The message for a code, from the field's own wording if it has one."""
    own = (getattr(field, "messages", None) or {}).get(code)
    if own is not None:
        return fill(text.pick(own), **values)
    return text.get(f"errors.{code}", **values)


def _text(field: Field, raw: object) -> tuple[object, str | None]:
    """Text as the documents will print it: in one Unicode form (NFC), so text that looks the same is the
    same (and has the same fingerprint); a one-line answer on one line; invisible characters that change
    nothing removed, and characters that cannot be printed or change how text is drawn refused."""
    if not isinstance(raw, str):
        return None, "wrong_kind"
    value = _REMOVED.sub("", raw)
    value = _LINE_BREAKS.sub("\n", value.replace("\r\n", "\n")).replace("\t", " ")
    if field.type == "text":
        value = " ".join(value.split())
    if any(_is_hidden(char) for char in value):
        return None, "text_hidden_characters"
    value = unicodedata.normalize("NFC", value).strip()
    if field.max_length is not None and len(value) > field.max_length:
        return None, "text_too_long"
    return value, None


_REMOVED = re.compile("[\u00ad\u200b\u2060\ufeff]")
"""Soft hyphens, zero-width spaces, word joiners and byte order marks: invisible, often pasted, and changing
nothing a reader sees."""
_LINE_BREAKS = re.compile("[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
"""Every other way of writing a line break (carriage return, form feed, Unicode's line and paragraph separators)."""
_JOINERS = "\u200c\u200d"
"""Zero-width (non-)joiners: part of how some words and emoji are written."""


def _is_hidden(char: str) -> bool:
    """A control character (other than a line break), a direction or other format control, a lone half of a
    surrogate pair, a private-use character or one Unicode does not assign (in this Python's version)."""
    category = unicodedata.category(char)
    if category == "Cc":
        return char != "\n"
    if category == "Cf":
        return char not in _JOINERS
    return category in ("Cs", "Co", "Cn")


def _money(field: Field, raw: object) -> tuple[object, str | None]:
    if isinstance(raw, str):
        raw = _REMOVED.sub("", raw)  # a pasted zero-width space changes nothing a reader sees
    try:
        value = parse_money(raw if not isinstance(raw, float) else repr(raw))
    except MoneyError as error:
        return None, f"money_{error.code}"
    if value <= ZERO and not _zero_allowed(field):
        return None, "money_zero"  # "must be more than $0.00", also for -5: "cannot be less than $0.00" would allow 0
    if value < ZERO:
        return None, "money_negative"
    return value, None


def _zero_allowed(field: Field) -> bool:
    if isinstance(field.min, (str, int)) and not isinstance(field.min, bool):
        try:
            return parse_money(field.min) <= ZERO
        except MoneyError:
            return False
    return False


def _date(field: Field, raw: object) -> tuple[object, str | None]:
    try:
        day = parse_date(raw)
    except DateError:
        return None, "date_invalid"
    return (day, None) if is_in_range(day) else (None, "date_out_of_range")


def _number(field: Field, raw: object) -> tuple[object, str | None]:
    if isinstance(raw, bool):
        return None, "number_invalid"
    text = str(raw).strip() if isinstance(raw, (str, int)) else ""
    if text.startswith("-") and _WHOLE_NUMBER.match(text[1:]) and isinstance(field.min, int):
        return None, "number_too_small"  # "-1": "Enter 1 or more." says more than "Enter a whole number"
    if text.isascii() and text.isdigit() and not _WHOLE_NUMBER.match(text) and isinstance(field.max, int):
        return None, "number_too_large"  # "999999999999" is a whole number, only far too large
    if not _WHOLE_NUMBER.match(text):
        return None, "number_invalid"
    return int(text), None


def _choice(field: Field, raw: object, option_ids: list[str]) -> tuple[object, str | None]:
    if field.multiple:
        chosen = raw if isinstance(raw, list) else [raw]
        if not all(isinstance(item, str) and item in option_ids for item in chosen):
            return None, "choice_invalid"
        return [item for item in option_ids if item in chosen], None
    if not isinstance(raw, str) or raw not in option_ids:
        return None, "choice_invalid"
    return raw, None


def _yes_no(field: Field, raw: object) -> tuple[object, str | None]:
    if isinstance(raw, bool):
        return raw, None
    word = raw.strip().lower() if isinstance(raw, str) else ""
    if word in _YES or word in _NO:
        return word in _YES, None
    return None, "yes_no_invalid"


_PARSERS = {
    "text": _text,
    "long_text": _text,
    "money": _money,
    "date": _date,
    "number": _number,
    "choice": _choice,
    "yes_no": _yes_no,
}

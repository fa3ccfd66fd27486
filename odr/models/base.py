"""Building blocks shared by every content model.

Every model forbids unknown keys, and every field carries a description: the
descriptions feed the JSON Schemas editors use and the webmaster guide.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, PrivateAttr, RootModel, ValidationInfo, model_validator
from pydantic_core import PydanticCustomError

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
URL_PATTERN = re.compile(r"^https?://[^\s]+$")
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
PHONE_PATTERN = re.compile(r"^\+?[0-9(][0-9 ().-]*[0-9](\s*([Ee][Xx][Tt]\.?|[Xx])\s*[0-9]+)?$")  # no flags: JSON Schema has none
""" "(209) 992-5701", "+1 213-555-0147", "800.555.0100 ext. 12": digits, spaces, ( ) . -, an extension."""
DEFAULT_LANGUAGES = ("en", "es")


class Model(BaseModel):
    """Base of all content models: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class Document(Model):
    """A model read from its own YAML file; remembers the file for edit links and messages."""

    _source: object = PrivateAttr(default=None)

    @property
    def source_file(self):
        """The `SourceFile` this document was read from."""
        return self._source


class UnknownId(LookupError):
    """A lookup by id in content text, such as `settings.form("CIV-111")`, found no item with that id."""


def unknown_id(noun: str, found: str, known: list[str]) -> UnknownId:
    from odr.problems import did_you_mean

    return UnknownId(f'expected {noun} among {", ".join(known) or "none"}, found "{found}"{did_you_mean(found, known)}')


def languages_in(info: ValidationInfo) -> tuple[str, ...]:
    context = info.context or {}
    return tuple(context.get("languages") or DEFAULT_LANGUAGES)


class Text(RootModel[dict[str, str]]):
    """Text a person reads, in one or more languages: `{en: ..., es: ...}`.

    A plain string is taken as English (and reported as missing its translations).
    """

    @model_validator(mode="before")
    @classmethod
    def _accept_plain_string(cls, value: Any, info: ValidationInfo) -> Any:
        if isinstance(value, str):
            return {"en": value}
        if not isinstance(value, dict):
            raise PydanticCustomError("text_type", "expected text or {en: ..., es: ...}, found {found}",
                                      {"found": describe(value)})
        unknown = [key for key in value if key not in languages_in(info)]
        if unknown:
            raise PydanticCustomError(
                "text_language", "expected languages among {known}, found \"{unknown}\"",
                {"known": ", ".join(languages_in(info)), "unknown": unknown[0]})
        if "en" not in value:
            raise PydanticCustomError("text_english", "expected English text (en: ...), found none", {})
        if isinstance(value["en"], str) and not value["en"].strip():
            raise PydanticCustomError("text_english", "expected English text (en: ...), found nothing", {})
        return value

    def get(self, language: str) -> str:
        """The text in `language`, or the English text when it has no translation."""
        return self.root.get(language) or self.root["en"]

    def has(self, language: str) -> bool:
        return bool(self.root.get(language))

    def __str__(self) -> str:
        return self.root["en"]


def _matching(pattern, code: str, expected: str):
    """A check that a value is text matching `pattern`; otherwise "expected <expected>, found ..."."""

    def check(value: Any) -> Any:
        if not isinstance(value, str) or not pattern.match(value):
            raise PydanticCustomError(code, "expected " + expected + ", found {found}", {"found": describe(value)})
        return value

    return check


_check_id = _matching(ID_PATTERN, "id_format", 'an id of lowercase letters, digits and hyphens (like "what-is-odr")')
_check_url = _matching(URL_PATTERN, "url_format", "a web address starting with https:// or http://")
_check_email = _matching(EMAIL_PATTERN, "email_format", "an email address like clerk@example.org")
_check_phone_format = _matching(PHONE_PATTERN, "phone_format",
                                'a phone number in quotes, written with digits, like "(209) 992-5701"')


def _check_phone(value: Any) -> Any:
    """A phone number people can dial: the characters of PHONE_PATTERN, and at least 7 digits."""
    value = _check_phone_format(value)
    if sum(char.isdigit() for char in _number_and_extension(value)[0]) < 7:
        raise PydanticCustomError("phone_digits", "expected a phone number of at least 7 digits, like "
                                                  "\"(209) 992-5701\", found {found}", {"found": describe(value)})
    return value


def _parse_money(value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise PydanticCustomError("money_type", "expected an amount in dollars like \"27.00\", found {found}",
                                  {"found": describe(value)})
    try:
        amount = Decimal(str(value).strip().lstrip("$").replace(",", ""))
    except InvalidOperation:
        raise PydanticCustomError("money_type", "expected an amount in dollars like \"27.00\", found {found}",
                                  {"found": describe(value)}) from None
    if not amount.is_finite() or amount < 0 or amount.as_tuple().exponent < -2:
        raise PydanticCustomError(
            "money_value", "expected a positive amount with at most two decimals, like \"27.00\", found {found}",
            {"found": describe(value)})
    return amount.quantize(Decimal("0.01"))


Id = Annotated[str, BeforeValidator(_check_id)]
"""An identifier: lowercase letters, digits and hyphens."""
Url = Annotated[str, BeforeValidator(_check_url)]
"""A web address starting with https:// or http://."""
Email = Annotated[str, BeforeValidator(_check_email)]
"""An email address: name@domain.org."""
def _number_and_extension(phone: str) -> tuple[str, str]:
    """ "(209) 992-5701 ext. 12" -> ("(209) 992-5701", "12")."""
    match = re.search(r"\s*(?:ext\.?|x)\s*([0-9]+)$", phone, re.IGNORECASE)
    return (phone[:match.start()], match[1]) if match else (phone, "")


def tel_link(phone: str) -> str:
    """The tel: address of a phone number: its digits (and +), the extension as ;ext= (RFC 3966)."""
    number, extension = _number_and_extension(phone)
    digits = "".join(char for char in number if char.isdigit() or char == "+")
    return f"tel:{digits};ext={extension}" if extension else f"tel:{digits}"


Phone = Annotated[str, BeforeValidator(_check_phone)]
"""A phone number people can dial, written in quotes: "(209) 992-5701"."""
Money = Annotated[Decimal, BeforeValidator(_parse_money)]
"""An amount in dollars, at most two decimals; write it in quotes: "27.00"."""


def describe(value: Any) -> str:
    """How a found value is named in messages: `a list`, `nothing`, `"abc"`."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):  # YAML reads yes, no, on, off, true and false so
        return f'{str(value).lower()} (yes/no: to write the word yes, no, on or off, put it in quotes, like "off")'
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f'"{shown}"'
    if isinstance(value, (int, float, Decimal)):
        return f"the number {value}"
    if isinstance(value, dict):
        return "a mapping (key: value pairs)"
    if isinstance(value, list):
        return "a list" if value else "an empty list"
    return f"a {type(value).__name__}"

"""A worksheet definition: `worksheets/<id>.yaml` (format: worksheets/README.md).

The worksheet engine (`widgets/definitions.py`) reads the same files; this
model lets `build.py check` report their mistakes with file:line, like every
other content file, and is the source of the worksheet JSON Schema. Rules that
tie one key to another (which keys a field type takes, ids that must exist)
are checked after validation by `odr/worksheet_rules.py`.
"""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Any, Literal, Union

from pydantic import BeforeValidator, Field as Constraint
from pydantic_core import PydanticCustomError

from odr.models.base import Document, Id, Model, Text, describe
from odr.problems import did_you_mean

KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")

FieldType = Literal["text", "long_text", "money", "date", "choice", "yes_no", "number", "list"]
FIELD_TYPES: dict[str, str] = {
    "text": "one line of text",
    "long_text": "several lines of text (addresses, terms)",
    "money": 'an amount in dollars and cents, answered like "1250.50"',
    "date": 'a calendar date, answered like "2027-01-31"',
    "choice": "one option, or several with multiple: true",
    "yes_no": "yes or no, answered true or false",
    "number": 'a whole number, answered like "6"',
    "list": "repeating items, each with its own fields",
}
"""Every field type, with what its answer is."""

KEYS_BY_TYPE: dict[str, tuple[str, ...]] = {
    "options": ("choice",),
    "options_from": ("choice",),
    "multiple": ("choice",),
    "min": ("money", "date", "number"),
    "max": ("money", "date", "number"),
    "max_length": ("text", "long_text"),
    "min_items": ("list",),
    "max_items": ("list",),
    "fields": ("list",),
    "item_label": ("list",),
    "advice": ("money", "date", "number"),
}
"""Keys that only some field types take; every other key is for all types."""


def _check_key(value: Any) -> Any:
    if not isinstance(value, str) or not KEY_PATTERN.match(value):
        raise PydanticCustomError(
            "key_format",
            'expected an id of lowercase letters, digits and underscores (like "case_number"), found {found}',
            {"found": describe(value)})
    return value


Key = Annotated[str, BeforeValidator(_check_key)]
"""An id inside a worksheet: lowercase letters, digits and underscores (`case_number`)."""

Scalar = Union[bool, int, str]


def _check_answer(value: Any) -> Any:
    if isinstance(value, (str, int, bool)):
        return value
    raise PydanticCustomError("answer_type", 'expected one answer, like "0", true or an option id, found {found}',
                              {"found": describe(value)})


def _check_answers(value: Any) -> Any:
    items = value if isinstance(value, list) else [value]
    if not items or not all(isinstance(item, (str, int, bool)) for item in items):
        raise PydanticCustomError("answers_type", "expected an answer or a list of answers, found {found}",
                                  {"found": describe(value)})
    return value


Answer = Annotated[Scalar, BeforeValidator(_check_answer)]
"""One answer written the way an answers file writes it: "0", true, an option id."""
Answers = Annotated[Union[Scalar, list[Scalar]], BeforeValidator(_check_answers)]
"""An answer, or a list of answers of which any one matches."""


class Option(Model):
    id: Key
    """The answer's value, stored in the answers file (`lump_sum`)."""
    label: Text
    """What the person sees."""


class OptionsFrom(Model):
    path: str
    """A dotted path in the court profile or settings whose value is the list of option ids, e.g. `court.agreement.missed_payment_options`."""
    labels: Key
    """The section of the strings catalog's `worksheet:` part that holds each option's label, at `<labels>.<id>.label`."""


class ShowIf(Model):
    field: Key
    """The id of the answer to look at (inside a list item, a field of the same item)."""
    equals: Answers
    """The answer that makes the question appear; a list means any of them."""


class FieldBound(Model):
    field: Key
    """The id of another answer or computed value that the answer is compared with."""


class ClaimLimitBound(Model):
    claim_limit: Key
    """The id of the choice field (options `natural_person`, `business`) whose answer picks the claim limit in settings.yaml."""


def _bound_check(references: tuple[str, ...], written: str):
    """A before-validator for a `min` or `max` that may also be one of the mappings in `references`."""

    def check(value: Any) -> Any:
        if isinstance(value, dict) and len(value) == 1 and set(value) <= set(references):
            return value
        if isinstance(value, (str, int, datetime.date)) and not isinstance(value, bool):
            return value
        raise PydanticCustomError(
            "bound_type", f'expected a fixed value ("0.01", "2027-01-01", 1), today{written}, found {{found}}',
            {"found": describe(value)})

    return check


MinBound = Annotated[Union[int, datetime.date, str, FieldBound],
                     BeforeValidator(_bound_check(("field",), " or {field: <id>}"))]
"""A `min`: a fixed value, `today` or `{field: <id>}`."""
MaxBound = Annotated[Union[int, datetime.date, str, FieldBound, ClaimLimitBound],
                     BeforeValidator(_bound_check(("field", "claim_limit"), ", {field: <id>} or {claim_limit: <id>}"))]
"""A `max`: a fixed value, `today`, `{field: <id>}` or `{claim_limit: <id>}`."""


class Advice(Model):
    """A note shown beside an answer that is allowed but worth a second look. It never stops the documents
    and never appears in one. Exactly one of `below`, `above` or `not_a_court_day`."""

    below: MaxBound | None = None
    """Give the note when the value is less than this: a fixed value, today, {field: <id>} or {claim_limit: <id>}."""
    above: MaxBound | None = None
    """Give the note when the value is more than this, written like `below`."""
    measure: Literal["most_in_a_month"] | None = None
    """What is compared instead of the answer itself: most_in_a_month, the most the payment schedule asks for in one calendar month (an amount)."""
    not_a_court_day: bool = False
    """For dates: give the note when the date is a Saturday, a Sunday or a holiday in the court profile."""
    message: Text
    """What the note says; {value} is the amount or date compared with."""


class ListSum(Model):
    list: Key
    """The id of a list field."""
    field: Key
    """The id of the money field, inside each item, to add up."""
    where: dict[str, Answers] = {}
    """Only items whose answers match, e.g. `{position: agreed}`; a list value means any of them."""


def _check_term(value: Any) -> Any:
    if isinstance(value, str):
        return _check_key(value)
    if not isinstance(value, dict):
        raise PydanticCustomError("term_type", "expected an id or {list: <id>, field: <id>}, found {found}",
                                  {"found": describe(value)})
    unknown = [key for key in value if key not in ListSum.model_fields]
    if unknown:
        raise PydanticCustomError(
            "term_key", 'expected the keys list, field and where, found unknown key "{key}"{hint}',
            {"key": str(unknown[0]), "hint": did_you_mean(unknown[0], ListSum.model_fields)})
    for key in ("list", "field"):
        if key not in value:
            raise PydanticCustomError("term_missing", "expected a value for {key}, found nothing", {"key": key})
        _check_key(value[key])
    if not isinstance(value.get("where", {}), dict):
        raise PydanticCustomError("term_where", "expected where to be a mapping (key: value pairs), found {found}",
                                  {"found": describe(value["where"])})
    for answer in value.get("where", {}).values():
        _check_answers(answer)
    return value


Term = Annotated[Union[Key, ListSum], BeforeValidator(_check_term)]
"""An amount to add up: a field or earlier computed id, or `{list, field, where}`."""


class WorksheetField(Model):
    """One question of a worksheet (`type` says which keys it takes)."""

    id: Key
    """The field id, the key of its answer; unique in the worksheet (inside a list, unique in the item)."""
    type: FieldType
    """The kind of answer: text, long_text, money, date, choice, yes_no, number or list."""
    label: Text
    """The question, shown as the input's label."""
    help: Text | None = None
    """A hint shown under the label."""
    required: bool = False
    """Whether the documents need an answer; a required list needs at least one item."""
    private: bool = False
    """Whether the answer must never appear in an offer, an agreement, the JSON hand-off or the calendar."""
    default: Answer | None = None
    """The answer used when the file has none, written like an answer ("0", none_unless_missed)."""
    options: list[Option] = []
    """For choice: the answers offered, each {id, label}."""
    options_from: OptionsFrom | None = None
    """For choice: options taken from the court profile or settings instead of `options`."""
    multiple: bool = False
    """For choice: whether several options may be picked (the answer is then a list of option ids)."""
    min: MinBound | None = None
    """For money, date and number: the smallest answer allowed."""
    max: MaxBound | None = None
    """For money, date and number: the largest answer allowed."""
    max_length: Annotated[int, Constraint(ge=1)] | None = None
    """For text and long_text: the longest answer in characters (default 200 for text, 2000 for long_text)."""
    min_items: Annotated[int, Constraint(ge=0)] | None = None
    """For list: the fewest items (default 0; 1 when required)."""
    max_items: Annotated[int, Constraint(ge=1)] | None = None
    """For list: the most items."""
    fields: list[WorksheetField] = []
    """For list: the fields of each item."""
    item_label: Text | None = None
    """For list: the name of one item ("Claim item"), for "Add another" buttons and headings."""
    show_if: ShowIf | None = None
    """Ask the question only when another answer matches: {field, equals}."""
    messages: dict[Key, Text] = {}
    """Wording that replaces a standard error message, by message code (a key of `errors:` in the strings catalog)."""
    advice: list[Advice] = []
    """For money, date and number: notes shown beside an answer that is allowed but worth a second look (the first that applies)."""
    inputmode: Literal["none", "text", "decimal", "numeric", "tel", "search", "email", "url"] | None = None
    """A hint for the on-screen keyboard: decimal for money, numeric for numbers."""
    autocomplete: str | None = None
    """A hint for the browser's autofill: name, street-address, "off"."""


class Computed(Model):
    """A value worked out from the answers: always an amount of money, shown read-only."""

    id: Key
    """The computed value's id, unique among fields and computed values."""
    label: Text
    """What the value is called."""
    help: Text | None = None
    """A hint shown with the value."""
    private: bool = False
    """Whether the value must never appear in an offer or agreement."""
    sum: Annotated[list[Term], Constraint(min_length=1)]
    """The amounts added up: field ids, earlier computed ids, or {list, field, where}."""
    minus: list[Term] = []
    """The amounts taken away from the sum, written like `sum`."""
    min: MinBound | None = None
    """The smallest value allowed."""
    max: MaxBound | None = None
    """The largest value allowed, e.g. {claim_limit: plaintiff_type}."""
    messages: dict[Key, Text] = {}
    """Wording that replaces a standard error message, by message code."""
    advice: list[Advice] = []
    """Notes shown beside the value when it is allowed but worth a second look (the first that applies)."""


class Step(Model):
    id: Key
    """The step id."""
    number: Annotated[int, Constraint(ge=1, le=7)] | None = None
    """The step's number in the court's worksheet (1-7); absent for the leading step."""
    title: Text
    """The step title."""
    help: Text | None = None
    """Explanations; paragraphs separated by a blank line."""
    fields: list[WorksheetField] = []
    """The questions of the step, in order."""
    computed: list[Computed] = []
    """Values worked out from the answers, shown after the fields."""


class Worksheet(Document):
    """A private worksheet: steps of explanations, questions and computed amounts."""

    id: Id
    """The worksheet id, the file's name (`plaintiff`); also the `worksheet` value of an answers file."""
    role: Literal["plaintiff", "defendant"]
    """Whose worksheet it is: plaintiff (writes an opening offer) or defendant (writes a counteroffer)."""
    title: Text
    """The worksheet's title."""
    intro: Text | None = None
    """A short introduction shown above the steps; paragraphs separated by a blank line."""
    steps: Annotated[list[Step], Constraint(min_length=1)]
    """The steps, in order."""

    def all_fields(self) -> list[WorksheetField]:
        """Every top-level field, in order."""
        return [field for step in self.steps for field in step.fields]

    def all_computed(self) -> list[Computed]:
        return [value for step in self.steps for value in step.computed]

"""Worksheet definitions (`worksheets/<id>.yaml`) read into small models.

The keys below are the whole format; `worksheets/README.md` documents each
one (a test fails when a key or a field type is missing there). Text that a
person reads is a `{en: ..., es: ...}` mapping.
"""

from __future__ import annotations

from dataclasses import dataclass, field as _field

WORKSHEET_KEYS = {
    "id": "the worksheet id, also the answers file's `worksheet` value",
    "role": "whose worksheet it is: plaintiff or defendant",
    "title": "the worksheet's title",
    "intro": "a short introduction shown above the steps",
    "steps": "the steps, in order",
}
STEP_KEYS = {
    "id": "the step id",
    "number": "the step number in the court's worksheet (1-7), absent for a leading step",
    "title": "the step title",
    "help": "explanations; paragraphs separated by a blank line",
    "fields": "the questions of the step",
    "computed": "values worked out from the answers, shown after the fields",
}
FIELD_KEYS = {
    "id": "the field id, the key of its answer",
    "type": "one of the field types",
    "label": "the question, shown as the input's label",
    "help": "a hint shown under the label",
    "required": "true when the documents need an answer",
    "private": "true when the answer must never appear in an offer or agreement",
    "default": "the answer used when the file has none, written like an answer",
    "options": "the answers a choice offers: a list of {id, label}",
    "options_from": "choice options taken from the spec: {path, labels}",
    "multiple": "a choice where several options may be picked (answer: a list)",
    "min": "the smallest answer allowed (money, date or number)",
    "max": "the largest answer allowed (money, date or number)",
    "max_length": "the longest text allowed, in characters",
    "min_items": "the fewest items a list may have",
    "max_items": "the most items a list may have",
    "fields": "the fields of each item of a list",
    "item_label": "the name of one item of a list",
    "show_if": "ask only when another answer matches: {field, equals}",
    "messages": "wording that replaces a standard error message, by message code",
    "advice": "notes beside an answer that is allowed but worth a second look: [{below|above|not_a_court_day, message}]",
    "inputmode": "a hint for the on-screen keyboard (numeric, decimal, ...)",
    "autocomplete": "a hint for the browser's autofill (name, street-address, ...)",
}
OPTION_KEYS = {"id": "the answer's value", "label": "what the person sees"}
COMPUTED_KEYS = {
    "id": "the computed value's id",
    "label": "what the value is called",
    "help": "a hint shown with the value",
    "private": "true when the value must never appear in an offer or agreement",
    "sum": "amounts added up: field ids, computed ids or {list, field, where}",
    "minus": "amounts taken away from the sum, written like sum",
    "min": "the smallest value allowed",
    "max": "the largest value allowed",
    "messages": "wording that replaces a standard error message",
    "advice": "notes beside the value when it is allowed but worth a second look",
}
FIELD_TYPES = {
    "text": "one line of text",
    "long_text": "several lines of text",
    "money": "an amount in dollars and cents",
    "date": "a calendar date, YYYY-MM-DD",
    "choice": "one option (or several with multiple: true)",
    "yes_no": "true or false",
    "number": "a whole number",
    "list": "repeating items, each with its own fields",
}
ROLES = ("plaintiff", "defendant")
DEFAULT_MAX_LENGTH = {"text": 200, "long_text": 2000}


@dataclass(frozen=True)
class Field:
    """One question of a worksheet."""

    id: str
    type: str
    label: object
    help: object = None
    required: bool = False
    private: bool = False
    default: object = None
    options: tuple = ()
    options_from: dict | None = None
    multiple: bool = False
    min: object = None
    max: object = None
    max_length: int | None = None
    min_items: int = 0
    max_items: int | None = None
    fields: tuple = ()
    item_label: object = None
    show_if: dict | None = None
    messages: dict = _field(default_factory=dict)
    advice: tuple = ()
    inputmode: str | None = None
    autocomplete: str | None = None


@dataclass(frozen=True)
class Computed:
    """A value worked out from the answers (always an amount of money)."""

    id: str
    label: object
    help: object = None
    private: bool = False
    sum: tuple = ()
    minus: tuple = ()
    min: object = None
    max: object = None
    messages: dict = _field(default_factory=dict)
    advice: tuple = ()


@dataclass(frozen=True)
class Step:
    id: str
    title: object
    number: int | None = None
    help: object = None
    fields: tuple = ()
    computed: tuple = ()


@dataclass(frozen=True)
class Worksheet:
    id: str
    role: str
    title: object
    steps: tuple
    intro: object = None

    def fields(self) -> list[Field]:
        """Every top-level field, in order."""
        return [field for step in self.steps for field in step.fields]

    def computed(self) -> list[Computed]:
        return [value for step in self.steps for value in step.computed]

    def field(self, field_id: str) -> Field | None:
        return next((f for f in self.fields() if f.id == field_id), None)


class DefinitionError(ValueError):
    """Every problem found in a worksheet definition, one per line."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def load_worksheet(data: dict) -> Worksheet:
    """Read a worksheet definition dict; raise DefinitionError listing every
    problem at once."""
    problems: list[str] = []
    _check_keys(data, WORKSHEET_KEYS, ("id", "role", "title", "steps"), "worksheet", problems)
    if data.get("role") not in ROLES:
        problems.append(f"worksheet: role: expected plaintiff or defendant, found {data.get('role')!r}")
    steps = tuple(_step(step, f"steps[{i}]", problems) for i, step in enumerate(_list(data.get("steps"))))
    _check_unique_ids(steps, problems)
    _check_references(steps, problems)
    if problems:
        raise DefinitionError(problems)
    return Worksheet(id=data["id"], role=data["role"], title=data["title"], steps=steps, intro=data.get("intro"))


def _step(data: object, where: str, problems: list[str]) -> Step:
    data = _mapping(data, where, problems)
    _check_keys(data, STEP_KEYS, ("id", "title"), where, problems)
    fields = tuple(_field_of(f, f"{where}.fields[{i}]", problems) for i, f in enumerate(_list(data.get("fields"))))
    computed = tuple(_computed(c, f"{where}.computed[{i}]", problems) for i, c in enumerate(_list(data.get("computed"))))
    return Step(
        id=str(data.get("id")), title=data.get("title"), number=data.get("number"),
        help=data.get("help"), fields=fields, computed=computed,
    )


def _field_of(data: object, where: str, problems: list[str]) -> Field:
    data = _mapping(data, where, problems)
    _check_keys(data, FIELD_KEYS, ("id", "type", "label"), where, problems)
    kind = data.get("type")
    if kind not in FIELD_TYPES:
        problems.append(f"{where}: type: expected one of {', '.join(FIELD_TYPES)}, found {kind!r}")
    options = tuple(_option(o, f"{where}.options[{i}]", problems) for i, o in enumerate(_list(data.get("options"))))
    if kind == "choice" and not options and not data.get("options_from"):
        problems.append(f"{where}: a choice needs options or options_from")
    subfields = tuple(_field_of(f, f"{where}.fields[{i}]", problems) for i, f in enumerate(_list(data.get("fields"))))
    if kind == "list" and not subfields:
        problems.append(f"{where}: a list needs fields")
    values = {key: data[key] for key in FIELD_KEYS if key in data and key not in ("options", "fields")}
    values.setdefault("max_length", DEFAULT_MAX_LENGTH.get(kind))
    values.update({"id": str(data.get("id")), "type": kind, "label": data.get("label"),
                   "advice": tuple(_list(data.get("advice")))})
    return Field(**values, options=options, fields=subfields)


def _computed(data: object, where: str, problems: list[str]) -> Computed:
    data = _mapping(data, where, problems)
    _check_keys(data, COMPUTED_KEYS, ("id", "label", "sum"), where, problems)
    values = {key: data[key] for key in COMPUTED_KEYS if key in data}
    values["sum"] = tuple(_list(data.get("sum")))
    values["minus"] = tuple(_list(data.get("minus")))
    values["advice"] = tuple(_list(data.get("advice")))
    values["id"] = str(data.get("id"))
    values.setdefault("label", None)
    return Computed(**values)


def _option(data: object, where: str, problems: list[str]) -> dict:
    data = _mapping(data, where, problems)
    _check_keys(data, OPTION_KEYS, ("id", "label"), where, problems)
    return {"id": str(data.get("id")), "label": data.get("label")}


def _check_keys(data: dict, known: dict, required: tuple, where: str, problems: list[str]) -> None:
    for key in data:
        if key not in known:
            problems.append(f"{where}: unknown key {key!r}")
    for key in required:
        if data.get(key) in (None, ""):
            problems.append(f"{where}: {key} is required")


def _check_unique_ids(steps: tuple, problems: list[str]) -> None:
    seen: set[str] = set()
    for step in steps:
        for item in list(step.fields) + list(step.computed):
            if item.id in seen:
                problems.append(f"worksheet: the id {item.id!r} is used twice")
            seen.add(item.id)


def _check_references(steps: tuple, problems: list[str]) -> None:
    """`show_if` and computed terms must name fields that exist."""
    fields = {f.id: f for step in steps for f in step.fields}
    known = set(fields) | {c.id for step in steps for c in step.computed}
    for field in fields.values():
        _check_show_if(field, set(fields), problems)
        for sub in field.fields:
            _check_show_if(sub, {s.id for s in field.fields}, problems)
    for value in (c for step in steps for c in step.computed):
        for term in value.sum + value.minus:
            if isinstance(term, dict):
                listed = fields.get(str(term.get("list")))
                ok = listed is not None and any(sub.id == term.get("field") for sub in listed.fields)
            else:
                ok = term in known
            if not ok:
                problems.append(f"computed {value.id}: unknown field in {term!r}")


def _check_show_if(field: Field, known: set, problems: list[str]) -> None:
    condition = field.show_if
    if condition is None:
        return
    if not isinstance(condition, dict) or set(condition) != {"field", "equals"} or condition["field"] not in known:
        problems.append(f"field {field.id}: show_if: expected {{field: <a known field>, equals: <answer>}}, "
                        f"found {condition!r}")


def _mapping(data: object, where: str, problems: list[str]) -> dict:
    if isinstance(data, dict):
        return data
    problems.append(f"{where}: expected a mapping, found {type(data).__name__}")
    return {}


def _list(data: object) -> list:
    return list(data) if isinstance(data, (list, tuple)) else []


def resolve_options(field: Field, spec: dict, text) -> list[dict]:
    """A choice's options as `[{id, label}]` with labels in the current
    language; `options_from` reads the ids from a dotted path in the spec and
    each label from the strings catalog at `<labels>.<id>.label`."""
    if not field.options_from:
        return [{"id": o["id"], "label": text.pick(o["label"])} for o in field.options]
    node: object = spec
    for part in str(field.options_from.get("path", "")).split("."):
        node = node.get(part) if isinstance(node, dict) else None
    prefix = field.options_from.get("labels", "")
    return [{"id": str(i), "label": text.get(f"{prefix}.{i}.label")} for i in (node or [])]

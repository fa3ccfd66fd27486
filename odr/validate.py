"""Checking YAML data against a content model, turning every error into a
`Problem` at the line and column where it was written."""

from __future__ import annotations

import re
import typing

from pydantic import BaseModel, ValidationError

from odr.models.base import Document, describe
from odr.problems import Problem, did_you_mean
from odr.yamlsource import SourceFile, format_path

EXPECTED_BY_ERROR_TYPE = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping (key: value pairs)",
    "model_type": "a mapping (key: value pairs)",
    "model_attributes_type": "a mapping (key: value pairs)",
    "date_type": "a date like 2027-01-31",
    "date_parsing": "a date like 2027-01-31",
    "date_from_datetime_parsing": "a date like 2027-01-31",
    "date_from_datetime_inexact": "a date like 2027-01-31",
    "decimal_parsing": "a number",
    "decimal_type": "a number",
    "greater_than_equal": "a number of at least {ge}",
    "less_than_equal": "a number of at most {le}",
    "greater_than": "a number above {gt}",
    "too_short": "at least {min_length} item(s)",
    "string_too_short": "text of at least {min_length} character(s)",
}


def validate(model: type[BaseModel], source: SourceFile, context: dict | None = None):
    """(the model instance or None, the problems found)."""
    try:
        instance = model.model_validate(source.data, context=context or {})
    except ValidationError as error:
        return None, [to_problem(detail, source, model) for detail in error.errors()]
    if isinstance(instance, Document):
        instance._source = source
    return instance, repeated_ids(instance, source) + written_amounts(instance, source)


def repeated_ids(instance: BaseModel, source: SourceFile) -> list[Problem]:
    """An id used twice in one of the model's `unique_ids` lists (fees, contacts, forms...), at the second."""
    problems = []
    for name in getattr(type(instance), "unique_ids", ()):
        first: dict = {}
        for index, item in enumerate(getattr(instance, name)):
            if item.id not in first:
                first[item.id] = index
                continue
            line = source.position((name, first[item.id], "id"))[0]
            problems.append(source.problem((name, index, "id"), f'expected an id used once in {name}, found '
                                                                f'"{item.id}" again (first on line {line})'))
    return problems


def to_problem(detail: dict, source: SourceFile, model: type[BaseModel]) -> Problem:
    path = _clean_path(detail["loc"])
    kind = detail["type"]
    if kind == "missing":
        line, column = source.position(path[:-1])
        message = "expected a value (this field is required), found nothing"
        return Problem(source.path, line, column, format_path(path), message)
    if kind == "extra_forbidden":
        known = _known_keys(model, path[:-1])
        hint = did_you_mean(path[-1], known)
        message = f'expected one of the known keys ({", ".join(known)}), found unknown key "{path[-1]}"{hint}'
        return source.problem(path, message, at_key=True)
    if kind == "text_language":  # at the unknown language's key, not at the start of the text
        return source.problem(path + (detail["ctx"]["unknown"],), _message(detail), at_key=True)
    return source.problem(path, _message(detail))


def _message(detail: dict) -> str:
    kind = detail["type"]
    if kind == "literal_error":
        return f"expected {detail['ctx']['expected']}, found {describe(detail.get('input'))}"
    if kind in EXPECTED_BY_ERROR_TYPE:
        expected = EXPECTED_BY_ERROR_TYPE[kind].format(**(detail.get("ctx") or {}))
        return f"expected {expected}, found {describe(detail.get('input'))}"
    return detail["msg"]


AMOUNT = re.compile(r"\$\s*\d|\d\s*(?:dollars?|d[oó]lares|USD)\b", re.IGNORECASE)


def written_amounts(instance: BaseModel, source: SourceFile) -> list[Problem]:
    """An amount written in one of the model's `no_amounts` texts (a court's odr.cost), which would say
    again, and one day differently, what `fees` says."""
    problems = []
    for path in getattr(type(instance), "no_amounts", ()):
        text = instance
        for part in path:
            text = getattr(text, part, None)
        for language, written in (text.root.items() if text is not None else ()):
            if AMOUNT.search(written):
                message = (f'expected words without an amount (the amount is in fees and shown from there), like '
                           f'"a one-time registration fee", found {describe(written)}')
                problems.append(source.problem(path + (language,), message))
    return problems


def _clean_path(loc) -> tuple:
    """Pydantic's location without its internal markers (RootModel's `root`, tagged unions)."""
    return tuple(part for part in loc if part != "root" and not (isinstance(part, str) and "[" in part))


def _known_keys(model: type[BaseModel], path) -> list[str]:
    """The keys allowed in the mapping at `path` of `model`."""
    target = _model_at(model, path)
    return sorted(target.model_fields) if target else []


def _model_at(model, path):
    current = model
    for part in path:
        if isinstance(part, int) or current is None:
            continue
        field = current.model_fields.get(part)
        if field is None:
            return None
        current = _inner_model(field.annotation)
    return current


def _inner_model(annotation):
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in typing.get_args(annotation):
        found = _inner_model(argument)
        if found is not None:
            return found
    return None

"""`build.py new-court ID`: a court profile with every key present and explained.

The file is written from the Court model: each key is preceded by its meaning
(the field's docstring) and what kind of value it takes. Values that must be
filled in are left empty, so `build.py check` lists exactly what is left, by
line. Optional lists and mappings are shown with a commented-out example item.

    text = court_template("santa-clara", ["en", "es"])
"""

from __future__ import annotations

import datetime
import sys
import textwrap
import typing
from decimal import Decimal
from pathlib import Path

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from odr.models.base import ID_PATTERN, Text, _check_email, _check_id, _check_url, _parse_money, describe
from odr.models.court import Court

WIDTH = 100

HEADER = """\
# yaml-language-server: $schema=../../schemas/court.schema.json
# Court profile: every fact about the {court_id} court's small-claims ODR program
# that the site and the documents use. Written by `python build.py new-court {court_id}`.
#
# Every key is here, with what it means above it. Fill in the empty values, then
# run `python build.py check`: it lists every value still missing, by line.
# Text a person reads is written in every language: {{{languages}}}.
# It starts as a draft (`draft: true`): checked, but not published, and what is
# missing is listed as warnings, so the other courts can still be published.
# When everything is filled in, set `draft: false`.
"""


def court_template(court_id: str, languages: list[str]) -> str:
    """The text of a new court profile: every field of the Court model, each with its meaning."""
    header = HEADER.format(court_id=court_id, languages=", ".join(f"{code}: ..." for code in languages))
    return header + "\n" + "\n".join(model_lines(Court, {"id": court_id, "draft": "true"}, "", languages)) + "\n"


def model_lines(model: type[BaseModel], values: dict, indent: str, languages: list[str]) -> list[str]:
    """Each field of a model: its meaning as comments, then `key: value` (nested models expanded)."""
    lines: list[str] = []
    for name, info in model.model_fields.items():
        lines += [""] if lines and not indent else []
        lines += _comment(info.description, indent) + _comment(_need(info), indent)
        lines += _field_lines(name, info, values, indent, languages)
    return lines


def _field_lines(name: str, info: FieldInfo, values: dict, indent: str, languages: list[str]) -> list[str]:
    annotation = _without_none(info.annotation)
    if name in values:
        return [f"{indent}{name}: {values[name]}"]
    if _is_model(annotation) and info.is_required():
        return [f"{indent}{name}:"] + model_lines(annotation, {}, indent + "  ", languages)
    if info.is_required() or info.default is None:
        return [f"{indent}{name}:"] + _example(annotation, indent, languages)
    return [f"{indent}{name}: {_yaml_value(info.default)}"] + _example(annotation, indent, languages)


def _example(annotation, indent: str, languages: list[str]) -> list[str]:
    """A commented-out example of a list's item or a mapping's entries, or of an optional section."""
    origin, arguments = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is list and _is_model(arguments[0]):
        lines = _example_model(arguments[0], f"{indent}# - ", f"{indent}#   ")
        return [f"{indent}# To add one, replace [] with items like this (without the #):"] + lines
    if origin is dict:
        keys = _literal_values(arguments[0]) or ["<id>"]
        lines = [f"{indent}#   {key}: {_placeholder(arguments[1])}" for key in keys]
        return [f"{indent}# To add some, replace {{}} with entries like these (without the #):"] + lines
    if _is_model(annotation):
        lines = _example_model(annotation, f"{indent}#   ", f"{indent}#   ")
        return [f"{indent}# When there are some, write these keys under it (without the #):"] + lines
    return []


def _example_model(model, first: str, rest: str) -> list[str]:
    """`# key: <kind>  # meaning` for each field of a model, commented out."""
    lines = []
    for index, (name, info) in enumerate(model.model_fields.items()):
        kind = _kind(_without_none(info.annotation), info.metadata)
        value = f"<{kind}>" if kind and not _is_model(_without_none(info.annotation)) else "..."
        lines.append(f"{first if index == 0 else rest}{name}: {value}  # {info.description}")
    return lines


def _need(info: FieldInfo) -> str:
    """Whether a field is required, and what kind of value it takes."""
    annotation = _without_none(info.annotation)
    kind = _kind(annotation, info.metadata)
    if info.is_required():
        need = "Required"
    else:
        need = "Optional" if info.default in (None, [], {}) else f"Optional (default: {_yaml_value(info.default)})"
    return f"{need}{': ' + kind if kind else ''}."


def _kind(annotation, metadata=()) -> str:
    """What kind of value a field takes, in words."""
    validators = [getattr(item, "func", None) for item in [*metadata, *getattr(annotation, "__metadata__", ())]]
    if _check_id in validators:
        return 'an id of lowercase letters, digits and hyphens, like "main-office"'
    if _check_url in validators:
        return "a web address starting with https://"
    if _check_email in validators:
        return 'an email address, like "clerk@example.org"'
    if _parse_money in validators:
        return 'an amount in dollars, in quotes, like "27.00"'
    annotation = typing.get_args(annotation)[0] if getattr(annotation, "__metadata__", None) else annotation
    origin, arguments = typing.get_origin(annotation), typing.get_args(annotation)
    if annotation is Text:
        return "text in each language, {en: ..., es: ...}"
    if origin is typing.Literal:
        return "one of " + ", ".join(str(value) for value in arguments)
    if origin is list:
        inner = _kind(arguments[0])
        return f"a list; each item {inner}" if inner and not _is_model(arguments[0]) else "a list"
    if origin is dict:
        return "a mapping (key: value pairs)"
    return {bool: "true or false", int: "a whole number", str: "text", datetime.date: "a date, YYYY-MM-DD",
            Decimal: "a number"}.get(annotation, "")


def _placeholder(annotation) -> str:
    kind = _kind(annotation, ())
    return f"<{kind}>" if kind and not _is_model(annotation) else "..."


def _comment(text: str, indent: str) -> list[str]:
    lines = textwrap.wrap(text, WIDTH - len(indent) - 2, break_on_hyphens=False, break_long_words=False)
    return [f"{indent}# {line}" for line in lines]


def _without_none(annotation):
    if typing.get_origin(annotation) in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        arguments = [argument for argument in typing.get_args(annotation) if argument is not type(None)]
        return arguments[0] if len(arguments) == 1 else annotation
    return annotation


def _is_model(annotation) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel) and annotation is not Text


def _literal_values(annotation) -> list[str]:
    return [str(value) for value in typing.get_args(annotation)] if typing.get_origin(annotation) is typing.Literal \
        else []


def _yaml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value == []:
        return "[]"
    if value == {}:
        return "{}"
    return str(value)


def run_new_court(root: Path, court_id: str, out=sys.stdout) -> int:
    """Write content/courts/<court_id>.yaml; never overwrite a file."""
    if not ID_PATTERN.match(court_id):
        print(f'court id: expected an id of lowercase letters, digits and hyphens (like "santa-clara"), '
              f"found {describe(court_id)}", file=out)
        return 1
    relative = f"content/courts/{court_id}.yaml"
    path = root / relative
    if path.exists():
        print(f"{relative}: expected a new court id, found an existing profile. Nothing was written "
              "(edit that file, or choose another id).", file=out)
        return 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(court_template(court_id, _languages(root)), encoding="utf-8")
    print(f"Wrote {relative}: every key, with what it means. Fill in the empty values; "
          "`python build.py check` lists what is left.", file=out)
    return 0


def _languages(root: Path) -> list[str]:
    import yaml

    try:
        site = yaml.safe_load((root / "content/site.yaml").read_text(encoding="utf-8")) or {}
        return [language["code"] for language in site["languages"]]
    except (OSError, KeyError, TypeError, yaml.YAMLError):
        return ["en", "es"]

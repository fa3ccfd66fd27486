"""JSON Schemas of the YAML files, generated from the content models.

The models `build.py check` validates with are the single source of truth:
each field's docstring becomes its `description`, so editors that read the
schemas (through the `# yaml-language-server: $schema=...` line at the top of
each file) show the same meaning as the webmaster guide, with autocomplete and
inline errors. The schemas are committed in `schemas/`; `build.py schemas`
rewrites them after a model changes, and a test fails while they are stale.

`build.py check` stays the authority: a schema cannot say everything it
checks (ids that must exist, translations, court variables).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from pydantic.json_schema import GenerateJsonSchema

from odr.models.base import (DEFAULT_LANGUAGES, EMAIL_PATTERN, ID_PATTERN, PHONE_PATTERN, URL_PATTERN, _check_email,
                             _check_id, _check_phone, _check_url, _parse_money)
from odr.models.court import Court
from odr.models.faq import Faq
from odr.models.settings import Settings
from odr.models.site import Site
from odr.models.strings import Strings
from odr.models.tutorial import Tutorial
from odr.models.worksheet import KEY_PATTERN, Worksheet, _check_key

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
MONEY_PATTERN = r"^\$?[0-9][0-9,]*(\.[0-9]{1,2})?$"

KINDS = {
    "court": Court,
    "faq": Faq,
    "settings": Settings,
    "site": Site,
    "strings": Strings,
    "tutorial": Tutorial,
    "worksheet": Worksheet,
}
"""Each kind of YAML file: schemas/<kind>.schema.json describes it."""

FILES = {
    "court": "content/courts/*.yaml",
    "faq": "content/faq/*.yaml",
    "settings": "content/settings.yaml",
    "site": "content/site.yaml",
    "strings": "content/strings/*.yaml",
    "tutorial": "content/tutorials/*.yaml",
    "worksheet": "worksheets/*.yaml",
}
"""The files of each kind, as glob patterns from the project root."""

STRING_CHECKS = {
    _check_id: {"type": "string", "pattern": ID_PATTERN.pattern},
    _check_url: {"type": "string", "pattern": URL_PATTERN.pattern},
    _check_email: {"type": "string", "pattern": EMAIL_PATTERN.pattern},
    _check_phone: {"type": "string", "pattern": PHONE_PATTERN.pattern},
    _check_key: {"type": "string", "pattern": KEY_PATTERN.pattern},
}
"""Validators of the models, and the schema of the values they accept."""


class ContentSchema(GenerateJsonSchema):
    """Pydantic's schema generator, taught the value types of the content models."""

    def function_before_schema(self, schema):
        function = schema["function"]["function"]
        if function in STRING_CHECKS:
            return dict(STRING_CHECKS[function])
        if function is _parse_money:
            return {"anyOf": [{"type": "string", "pattern": MONEY_PATTERN}, {"type": "number", "minimum": 0}]}
        return super().function_before_schema(schema)


def text_schema(description: str) -> dict:
    """Text in one or more languages: a plain string (English) or {en: ..., es: ...}."""
    by_language = {
        "type": "object",
        "properties": {language: {"type": "string"} for language in DEFAULT_LANGUAGES},
        "required": ["en"],
        "additionalProperties": {"type": "string"},
        "propertyNames": {"pattern": "^[a-z]{2,3}(-[A-Za-z0-9]+)*$"},
    }
    return {"title": "Text", "description": description, "anyOf": [by_language, {"type": "string"}]}


def schema_of(kind: str) -> dict:
    """The JSON Schema of one kind of YAML file."""
    model = KINDS[kind]
    generated = model.model_json_schema(schema_generator=ContentSchema)
    definitions = generated.get("$defs", {})
    if "Text" in definitions:
        definitions["Text"] = text_schema(definitions["Text"].get("description", ""))
    return {"$schema": SCHEMA_DIALECT, "$id": f"{kind}.schema.json", **generated}


def schema_text(kind: str) -> str:
    return json.dumps(schema_of(kind), indent=2, ensure_ascii=False) + "\n"


def schema_path(root: Path, kind: str) -> Path:
    return root / "schemas" / f"{kind}.schema.json"


def stale_schemas(root: Path) -> list[str]:
    """The kinds whose committed schema differs from the models (or is missing)."""
    stale = []
    for kind in KINDS:
        path = schema_path(root, kind)
        if not path.exists() or path.read_text(encoding="utf-8") != schema_text(kind):
            stale.append(kind)
    return stale


def write_schemas(root: Path) -> list[Path]:
    """Write every schema; the paths written."""
    written = []
    for kind in KINDS:
        path = schema_path(root, kind)
        path.parent.mkdir(parents=True, exist_ok=True)
        text = schema_text(kind)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written


def modeline(root: Path, kind: str, file: Path) -> str:
    """The first line that points editors at the file's schema."""
    relative = Path(*([".."] * len(file.relative_to(root).parent.parts)), "schemas", f"{kind}.schema.json")
    return f"# yaml-language-server: $schema={relative.as_posix()}"


MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)\s*$")


def run_schemas(root: Path, check: bool = False, out=sys.stdout) -> int:
    """`build.py schemas`: rewrite the schemas (or, with --check, only say which are stale)."""
    if check:
        stale = stale_schemas(root)
        for kind in stale:
            print(f"schemas/{kind}.schema.json: expected the schema of the current models, found an older one "
                  "(run: python build.py schemas)", file=out)
        print("Schemas are up to date." if not stale else f"{len(stale)} stale schema(s).", file=out)
        return 1 if stale else 0
    written = write_schemas(root)
    for path in written:
        print(f"Wrote {path.relative_to(root).as_posix()}", file=out)
    print(f"{len(written)} schema(s) rewritten, {len(KINDS) - len(written)} already up to date.", file=out)
    return 0


def model_keys(model, prefix: str = "", seen: tuple = ()) -> list[tuple[str, object]]:
    """Every key a YAML file of this model may have, as a path (`odr.deadlines.source`, `fees[].amount`),
    with its pydantic FieldInfo. A model met again inside itself (a list's fields) is not repeated."""
    keys = []
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        keys.append((path, info))
        for inner, suffix in _inner_models(info.annotation):
            if inner not in seen + (model,):
                keys += model_keys(inner, f"{path}{suffix}.", seen + (model,))
    return keys


def _inner_models(annotation, suffix: str = ""):
    """(model, path suffix) of the models a field holds: "" for the field itself, "[]" for a list's items."""
    import typing

    from pydantic import BaseModel

    from odr.models.base import Text

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [] if annotation is Text else [(annotation, suffix)]
    origin = typing.get_origin(annotation)
    arguments = typing.get_args(annotation)
    if origin is list:
        return _inner_models(arguments[0], suffix + "[]")
    if origin is dict:
        return _inner_models(arguments[1], suffix + ".<key>")
    found = []
    for argument in arguments if origin is not typing.Literal else ():
        for item in _inner_models(argument, suffix):
            if item not in found:
                found.append(item)
    return found

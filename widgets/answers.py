"""The answers file: what the browser's "Save to file" writes and what
`build.py documents` reads.

    {"format": "odr-guide-answers", "version": 1, "court": "<court id>",
     "worksheet": "plaintiff" | "defendant", "language": "en" | "es",
     "saved_at": "<ISO date-time>",
     "answers": {<field id>: <value>,
                 <list field id>: [{<sub-field id>: <value>}, ...]}}

Values are what a form holds: strings as typed (money "1250.50", dates
"2027-01-31", numbers "6", a choice's option id), true/false for yes/no, a
list of option ids for a multiple choice.

A file with another format, a newer version, an unknown key or field id, or
made for another worksheet or court loads nothing: `read_answers_file`
returns one plain-language message instead (shown under the key `_file`).
"""

from __future__ import annotations

from widgets.definitions import Worksheet
from widgets.text import Text

FORMAT = "odr-guide-answers"
VERSION = 1
FILE_ERROR = "_file"
FILE_KEYS = ("format", "version", "court", "worksheet", "language", "saved_at", "answers")


def read_answers_file(data: object, spec: dict, worksheet: Worksheet, text: Text) -> tuple[dict, str | None]:
    """`(answers, None)` for a good file, `({}, message)` otherwise."""
    message = _file_problem(data, spec, worksheet, text)
    if message is None:
        message = _answers_problem(data["answers"], worksheet, text)
    if message is not None:
        return {}, message
    return data["answers"], None


def new_answers_file(worksheet_id: str, court_id: str, language: str, answers: dict, saved_at: str) -> dict:
    """A file in the current format, as "Save to file" writes it."""
    return {
        "format": FORMAT, "version": VERSION, "court": court_id, "worksheet": worksheet_id,
        "language": language, "saved_at": saved_at, "answers": answers,
    }


def _file_problem(data: object, spec: dict, worksheet: Worksheet, text: Text) -> str | None:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return text.get("file.not_answers")
    version = _whole_number(data.get("version"))
    if version is None or version < 1:
        return text.get("file.not_answers")
    if version > VERSION:
        return text.get("file.newer_version", found=version, supported=VERSION)
    unknown = sorted(key for key in data if key not in FILE_KEYS)
    if unknown:
        return text.get("file.unknown_field", field=unknown[0])
    if data.get("worksheet") != worksheet.id:
        return _other_worksheet(data.get("worksheet"), worksheet, text)
    court_id, found = (spec.get("court") or {}).get("id"), data.get("court")
    if not isinstance(found, str) or not found.strip():
        return text.get("file.no_court")
    if found != court_id:
        return text.get("file.other_court", found=text.pick((spec.get("court_names") or {}).get(found)) or found)
    if not isinstance(data.get("answers"), dict):
        return text.get("file.bad_answers")
    return None


def _whole_number(value: object) -> int | None:
    """A JSON whole number (`1`, and `1.0`, which JSON and the page's own check take as the same number)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value if isinstance(value, int) else None


def _other_worksheet(found: object, worksheet: Worksheet, text: Text) -> str:
    found_name = text.raw(f"worksheet_names.{found}")
    if not isinstance(found_name, str):
        return text.get("file.not_answers")
    expected = text.get(f"worksheet_names.{worksheet.id}")
    return text.get("file.other_worksheet", found=found_name, expected=expected)


def _answers_problem(answers: dict, worksheet: Worksheet, text: Text) -> str | None:
    fields = {field.id: field for field in worksheet.fields()}
    for key in sorted(answers):
        field = fields.get(key)
        if field is None:
            return text.get("file.unknown_field", field=key)
        if field.type == "list":
            problem = _items_problem(answers[key], field, text)
            if problem is not None:
                return problem
    return None


def _items_problem(items: object, field, text: Text) -> str | None:
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        return text.get("file.bad_answers")
    known = {sub.id for sub in field.fields}
    for item in items:
        for key in sorted(item):
            if key not in known:
                return text.get("file.unknown_field", field=f"{field.id}.{key}")
    return None

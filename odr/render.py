"""Rendering content text for one court and one language.

Answers and tutorial steps are Markdown that may use court variables, such as
`{{ court.odr.provider }}` or `{{ court.fee("odr-registration").amount | money }}`.
Jinja runs with StrictUndefined: a misspelt variable is an error with its line.
"""

from __future__ import annotations

import functools
import sys
from dataclasses import dataclass, replace
from decimal import Decimal

import jinja2
from pydantic import BaseModel

from odr.models.base import Text, UnknownId
from odr.problems import Problem, did_you_mean


class View:
    """A model seen in one language: its `Text` fields read as plain strings.

    `path` is how content names it (`court.odr`), for error messages.
    """

    def __init__(self, value, language: str, path: str):
        self._value = value
        self._language = language
        self._path = path

    def __getattr__(self, name):
        attribute = getattr(self._value, name)
        path = f"{self._path}.{name}"
        if callable(attribute):
            return lambda *args: localize(_call(attribute, args), self._language, f"{path}(...)")
        return localize(attribute, self._language, path)

    def __bool__(self) -> bool:
        return True

    def field_names(self) -> list[str]:
        return list(type(self._value).model_fields)


class UnknownIdError(jinja2.TemplateRuntimeError):
    """A lookup in content text named an id that does not exist: `settings.form("CIV-111")`."""


def _call(method, args):
    try:
        return method(*args)
    except UnknownId as error:
        raise UnknownIdError(str(error)) from None


def localize(value, language: str, path: str = "value"):
    if isinstance(value, Text):
        return value.get(language)
    if isinstance(value, BaseModel):
        return View(value, language, path)
    if isinstance(value, list):
        return [localize(item, language, f"{path}[{index}]") for index, item in enumerate(value)]
    if isinstance(value, dict):
        return {key: localize(item, language, f"{path}.{key}") for key, item in value.items()}
    return value


class ContentUndefined(jinja2.StrictUndefined):
    """Names the missing variable the way content writes it: `court.odr.provdier`."""

    @property
    def _undefined_message(self) -> str:
        owner, name = self._undefined_obj, self._undefined_name
        if isinstance(owner, View) and isinstance(name, str):
            return f'"{owner._path}.{name}", which does not exist{did_you_mean(name, owner.field_names())}'
        if owner is jinja2.utils.missing and isinstance(name, str):
            return f'"{name}", which does not exist{did_you_mean(name, ["court", "settings", "language"])}'
        return super()._undefined_message


def money(amount) -> str:
    """`27` -> `$27.00`: the worksheet engine's money format, so the site and documents agree."""
    from widgets.money import format_money

    return format_money(Decimal(str(amount)))


def make_environment() -> jinja2.Environment:
    environment = jinja2.Environment(undefined=ContentUndefined, keep_trailing_newline=True,
                                     autoescape=False)
    environment.filters["money"] = money
    return environment


ENVIRONMENT = make_environment()


@dataclass
class TextContext:
    """What content text may refer to, for one court in one language."""

    court: object
    settings: object
    language: str

    @classmethod
    def of(cls, content, court, language: str) -> "TextContext":
        return cls(localize(court, language, "court"), localize(content.settings, language, "settings"), language)

    def variables(self) -> dict:
        return {"court": self.court, "settings": self.settings, "language": self.language}


def render_text(text: str, context: TextContext) -> str:
    return _compiled(text).render(context.variables())


@functools.lru_cache(maxsize=4096)
def _compiled(text: str) -> jinja2.Template:
    """Each text is compiled once: `check`, the link check and every court's pages render the same texts."""
    return ENVIRONMENT.from_string(text)


def is_shown(condition: str | None, context: TextContext) -> bool:
    if not condition:
        return True
    return bool(ENVIRONMENT.compile_expression(condition, undefined_to_none=False)(**context.variables()))


def check_templates(content) -> list[Problem]:
    """Render every text of every page for every court and language; report what fails, once, naming the
    courts it fails for."""
    courts_by_problem: dict[Problem, list[str]] = {}
    for court in content.courts.values():
        for language in content.languages:
            context = TextContext.of(content, court, language)
            for document in [*content.faqs.values(), *content.tutorials.values()]:
                for problem in _check_document(document, context):
                    courts = courts_by_problem.setdefault(problem, [])
                    courts += [court.id] if court.id not in courts else []
    return sorted(_naming_courts(problem, courts) for problem, courts in courts_by_problem.items())


def _naming_courts(problem: Problem, courts: list[str]) -> Problem:
    """A variable or a fee that does not exist is named with the courts it is missing for; other errors (a
    syntax error, an unknown form id) are the same for every court."""
    if not problem.message.startswith(COURT_DEPENDENT):
        return problem
    named = f" (court {courts[0]})" if len(courts) == 1 else f" (courts {', '.join(courts)})"
    return replace(problem, message=problem.message + named)


def _check_document(document, context: TextContext) -> list[Problem]:
    from odr.content import walk_texts
    from odr.yamlsource import format_path

    problems = []
    if document.show_if:
        try:
            if not is_shown(document.show_if, context):
                return []
        except jinja2.TemplateError as error:
            return [document.source_file.problem(("show_if",), _template_message(error))]
    for path, text in walk_texts(document):
        language_path = path + (context.language,)
        try:
            render_text(text.get(context.language), context)
        except jinja2.TemplateError as error:
            line_in_text = getattr(error, "lineno", None) or _runtime_line() or 1
            written = language_path if text.has(context.language) else path + ("en",)
            line, column = document.source_file.text_line(written, line_in_text)
            problems.append(Problem(document.source_file.path, line, column, format_path(language_path),
                                    _template_message(error)))
    return problems


MISSING_VARIABLE = "expected variables that exist for every court"
COURT_DEPENDENT = (MISSING_VARIABLE, "expected a fee id of this court")
"""Messages of problems that depend on the court's profile: they name the courts they occur for."""


def _template_message(error: jinja2.TemplateError) -> str:
    if isinstance(error, jinja2.TemplateSyntaxError):
        return f"expected a valid template, found {error.message}"
    if isinstance(error, UnknownIdError):
        return error.message
    return f"{MISSING_VARIABLE}, found {error.message}"


def _runtime_line() -> int | None:
    """The template line of the exception being handled, from Jinja's rewritten traceback."""
    traceback = sys.exc_info()[2]
    line = None
    while traceback is not None:
        if traceback.tb_frame.f_code.co_filename == "<template>":
            line = traceback.tb_lineno
        traceback = traceback.tb_next
    return line

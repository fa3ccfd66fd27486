"""Rendering content text for one court and one language.

Answers and tutorial steps are Markdown that may use court variables, such as
`{{ court.odr.provider }}` or `{{ court.fee("odr-registration").amount | money }}`.
Jinja runs with StrictUndefined: a misspelt variable is an error with its line.
"""

from __future__ import annotations

import functools
import re
import sys
from contextvars import ContextVar
from dataclasses import dataclass, replace
from decimal import Decimal

import jinja2
from pydantic import BaseModel

from odr.models.base import Text, UnknownId, unknown_id
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


class NotingUndefined(ContentUndefined):
    """For finding every missing variable of a text in one pass (`missing_variables`): each use of one is
    noted with its template line, and the text goes on as if the value were empty."""

    def _note(self) -> None:
        _NOTED.get().append((_template_line(), f"{MISSING_VARIABLE}, found {self._undefined_message}"))

    def __str__(self) -> str:
        self._note()
        return ""

    def __iter__(self):
        self._note()
        return iter(())

    def __bool__(self) -> bool:
        self._note()
        return False

    def __len__(self) -> int:
        self._note()
        return 0

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        self._note()
        return self

    def __call__(self, *args, **kwargs):
        self._note()
        return self

    def _operand(self, other):
        self._note()
        return self

    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = _operand
    __truediv__ = __rtruediv__ = __floordiv__ = __rfloordiv__ = __mod__ = __rmod__ = _operand

    def __eq__(self, other) -> bool:
        return self is other

    def __hash__(self) -> int:
        return id(self)


def _template_line() -> int:
    """The template line being run: from the innermost frame of a compiled text (Jinja's own mapping)."""
    frame = sys._getframe(1)
    while frame is not None and frame.f_code.co_filename != "<template>":
        frame = frame.f_back
    template = frame.f_globals.get("__jinja_template__") if frame is not None else None
    return template.get_corresponding_lineno(frame.f_lineno) if template is not None else 1


_NOTED: ContextVar[list[tuple[int, str]]] = ContextVar("noted_missing_variables")
"""(template line, message) of each use of a missing variable in the text `missing_variables` is filling in:
a list of its own for each call (and each thread)."""


def missing_variables(text: str, context: "TextContext") -> list[tuple[int, str]]:
    """(line, message) of every missing variable a text uses, each once, as far as the text can be filled in."""
    noted: list[tuple[int, str]] = []
    token = _NOTED.set(noted)
    try:
        _compiled_noting(text).render(context.variables())
    except TEMPLATE_ERRORS:
        pass  # another kind of error ends the text here: what was noted before it stands
    finally:
        _NOTED.reset(token)
    return list(dict.fromkeys(noted))


class CourtView(View):
    """The court as content sees it. `court.resources("group")` must name a group
    of site.help_groups: a misspelt group is an error, not an empty list."""

    def __init__(self, court, language: str, groups):
        super().__init__(court, language, "court")
        self._groups = groups

    def resources(self, group: str):
        if self._groups is not None and group not in self._groups:
            raise UnknownIdError(str(unknown_id("a help group (site.help_groups)", group, list(self._groups))))
        return localize(self._value.resources(group), self._language, f'court.resources("{group}")')


class ShownValueError(jinja2.TemplateRuntimeError):
    """`{{ }}` around something that is not text: a list, a whole part of the profile, a lookup without its id."""


def money(amount) -> str:
    """`27` -> `$27.00`: the worksheet engine's money format, so the site and documents agree."""
    from widgets.money import format_money

    try:
        return format_money(Decimal(str(amount)))
    except ArithmeticError:
        raise ShownValueError(f'expected an amount for "money", found "{amount}"') from None


def shown(value):
    """What `{{ }}` writes: text, a number or a date, never a Python object."""
    if isinstance(value, jinja2.Undefined):
        return value  # writing it raises its own error, naming the missing variable
    if isinstance(value, View):
        raise ShownValueError(f'expected a value to show, found "{value._path}", which holds several values '
                              f'(write one of them, such as {value._path}.{value.field_names()[0]})')
    if isinstance(value, (list, dict)):
        raise ShownValueError("expected a value to show, found a list (show each item with {% for item in ... %})")
    if callable(value):
        raise ShownValueError('expected a value to show, found a lookup without its id (write it like court.fee("id"))')
    return value


def make_environment(undefined=ContentUndefined) -> jinja2.Environment:
    environment = jinja2.Environment(undefined=undefined, keep_trailing_newline=True,
                                     autoescape=False, finalize=shown)
    environment.filters["money"] = money
    return environment


ENVIRONMENT = make_environment()
NOTING_ENVIRONMENT = make_environment(NotingUndefined)
"""For `check` only: a missing variable is noted and the text goes on (see NotingUndefined)."""


@dataclass
class TextContext:
    """What content text may refer to, for one court in one language."""

    court: object
    settings: object
    language: str

    @classmethod
    def of(cls, content, court, language: str) -> "TextContext":
        from odr.references import help_groups

        return cls(CourtView(court, language, help_groups(content)),
                   localize(content.settings, language, "settings"), language)

    def variables(self) -> dict:
        return {"court": self.court, "settings": self.settings, "language": self.language}


def render_text(text: str, context: TextContext) -> str:
    return _compiled(text).render(context.variables())


@functools.lru_cache(maxsize=4096)
def _compiled(text: str) -> jinja2.Template:
    """Each text is compiled once: `check`, the link check and every court's pages render the same texts."""
    return ENVIRONMENT.from_string(text)


@functools.lru_cache(maxsize=1024)
def _compiled_noting(text: str) -> jinja2.Template:
    return NOTING_ENVIRONMENT.from_string(text)


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
        except TEMPLATE_ERRORS as error:
            return [document.source_file.problem(("show_if",), _template_message(error))]
    for path, text in walk_texts(document):
        if context.language != "en" and not text.has(context.language):
            continue  # shown in English: its problems are reported once, for en
        language_path = path + (context.language,)
        try:
            render_text(text.get(context.language), context)
        except TEMPLATE_ERRORS as error:
            found = [(getattr(error, "lineno", None) or _runtime_line() or 1, _template_message(error))]
            if isinstance(error, jinja2.UndefinedError):  # the others the text uses, in the same run
                found += missing_variables(text.get(context.language), context)
            for line_in_text, message in dict.fromkeys(found):
                line, column = document.source_file.text_position(language_path, line_in_text)
                problems.append(Problem(document.source_file.path, line, column, format_path(language_path),
                                        message))
    return problems


MISSING_VARIABLE = "expected variables that exist for every court"
COURT_DEPENDENT = (MISSING_VARIABLE, "expected a fee id of this court")
"""Messages of problems that depend on the court's profile: they name the courts they occur for."""


TEMPLATE_ERRORS = (jinja2.TemplateError, TypeError, ValueError, ArithmeticError, LookupError, AttributeError)
"""What filling in a text can raise: Jinja's own errors and, from a wrong use of a value
(`{{ court.fee() }}`, `{{ 5 + "x" }}`, `{% include %}`), Python's."""


def _template_message(error: Exception) -> str:
    if isinstance(error, jinja2.TemplateSyntaxError):
        return _syntax_message(error.message or "")
    if isinstance(error, (UnknownIdError, ShownValueError)):
        return error.message
    if not isinstance(error, jinja2.TemplateError):
        return f"expected a valid template, found this error while filling it in: {error}"
    return f"{MISSING_VARIABLE}, found {error.message}"


TAGS = ("if", "elif", "else", "endif", "for", "endfor")
"""The {% %} tags content uses."""


def _syntax_message(message: str) -> str:
    """Jinja's message about a text that cannot be read, in a webmaster's words (Jinja's own as a fallback)."""
    if innermost := re.search(r"The innermost block that needs to be closed is '(\w+)'", message):
        other = re.match(r"Encountered unknown tag '(\w+)'", message)  # else: the end of the text came first
        found = f"{{% {other[1]} %}}" if other else "the end of the text"
        return f"expected {{% end{innermost[1]} %}} to close the {{% {innermost[1]} %}} before it, found {found}"
    if re.match(r"unexpected end of template, expected 'end of print statement'", message):
        return "expected }} to close the {{ before it, found the end of the text"
    if message == "Missing end of comment tag":
        return "expected #} to close the {# before it, found the end of the text"
    if match := re.match(r"Encountered unknown tag '(\w+)'", message):
        tag = match[1]
        if tag in TAGS:
            return f"expected {{% {tag} %}} only after the tag it belongs to, found it alone"
        return (f"expected one of the tags {', '.join(TAGS)}, found {{% {tag} %}}"
                + did_you_mean(tag, TAGS))
    if match := re.match(r"No filter named '(\w+)'", message):
        return f'expected a known filter after |, such as money, found "{match[1]}"' + did_you_mean(
            match[1], ENVIRONMENT.filters)
    if match := re.match(r"unexpected char '(.)'", message):
        return f'expected a name such as court.odr.provider inside {{{{ }}}} or {{% %}}, found "{match[1]}"'
    if match := re.match(r"expected token 'end of print statement', got '(.*)'", message):
        return f'expected }}}} after the value inside {{{{ }}}}, found "{match[1]}"'
    if match := re.match(r"unexpected '(.)', expected '(.)'", message):
        return f'expected "{match[2]}" before "{match[1]}"'
    if message.startswith("unexpected '}'"):
        return "expected }} (two braces) to close {{, found one }"
    if message.startswith("Expected an expression"):
        return "expected a name such as court.odr.provider inside {{ }} or after {% if %}, found nothing"
    return f"expected a valid template ({{{{ name }}}}, {{% if ... %}} ... {{% endif %}}), found {message}"


def _runtime_line() -> int | None:
    """The template line of the exception being handled, from Jinja's rewritten traceback."""
    traceback = sys.exc_info()[2]
    line = None
    while traceback is not None:
        if traceback.tb_frame.f_code.co_filename == "<template>":
            line = traceback.tb_lineno
        traceback = traceback.tb_next
    return line

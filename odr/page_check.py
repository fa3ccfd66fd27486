"""Making every generated page of every court in every language, for `check`,
worksheet pages included (with made-up runtime addresses: no Python is compiled).

A page that cannot be made is a problem with a place, never a traceback: a
key the templates use that en.yaml lacks is reported in en.yaml; any other
failure at the line of the template (or of the code) where it happened.
Errors in a FAQ's or tutorial's own text are left to `check_templates`, which
reports them at their line in the YAML file.

    problems, models = check_pages(content)   # models: court id -> language -> SiteModel, for the courts
                                              # whose pages were all made (the link check reads them)
"""

from __future__ import annotations

import traceback
from pathlib import Path

from odr.catalogs import REFERENCE, MissingString
from odr.problems import Problem
from odr.runtime import CODE_ROOT
CONTENT_TEXT = "<template>"
"""The file name Jinja gives a template made from a string: a FAQ's or tutorial's text."""


def check_pages(content, languages=None) -> tuple[list[Problem], dict[str, dict]]:
    """(problems, the site models of the courts whose pages were made in every language, by court id and
    language); `languages` limits the languages tried (those whose catalog has errors already reported
    are left out by the caller)."""
    from odr.pages import build_site_model
    from odr.runtime import placeholder_runtime

    if REFERENCE not in content.strings:
        return [], {}
    languages = content.languages if languages is None else languages
    problems: dict[tuple, Problem] = {}
    models = {}
    for court in content.courts.values():
        failed = len(languages) < len(content.languages)
        made = {}
        for language in languages:
            try:
                made[language] = build_site_model(content, court, language, placeholder_runtime())
            except Exception as error:  # noqa: BLE001 -- any failure becomes a problem with a place
                failed = True
                problem = page_problem(error, content, court.id, language)
                if problem is not None:
                    problems.setdefault((problem.file, problem.line, problem.field, _cause(error)), problem)
        if not failed:
            models[court.id] = made
    return sorted(problems.values()), models


def page_problem(error: Exception, content, court_id: str, language: str) -> Problem | None:
    """Where and why a page could not be made; None when a content text failed (reported elsewhere)."""
    frames = traceback.extract_tb(error.__traceback__)
    if any(frame.filename == CONTENT_TEXT for frame in frames):
        return None
    file, line = _where(frames)
    if isinstance(error, MissingString):
        path = tuple(error.dotted.split("."))
        return content.strings[REFERENCE].source_file.problem(
            path, f"expected this key, which {file} uses, found nothing")
    message = (f'expected the pages of court {court_id} in "{language}" to be made, '
               f"found {_cause(error)}")
    return Problem(file, line, 0, "", message)


def _where(frames) -> tuple[str, int]:
    """(file, line) of the innermost template frame, else the innermost frame in odr/ (the catalog's own
    lookup left out: the code that asked for the key is the place)."""
    for wanted in (lambda name: name.endswith(".j2"), lambda name: name != "catalogs.py"):
        for frame in reversed(frames):
            path = Path(frame.filename)
            if path.is_relative_to(CODE_ROOT / "odr") and wanted(path.name):
                return path.relative_to(CODE_ROOT).as_posix(), frame.lineno or 0
    return "odr/pages.py", 0


def _cause(error: Exception) -> str:
    return f"{type(error).__name__}: {error}"

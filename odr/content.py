"""Loading every content file into validated models, collecting every problem.

    content = load_content(root)            # raises ContentError with every error
    content, problems = read_content(root)  # content is None when there are errors
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from pydantic import BaseModel

from odr.models.base import Document, Text
from odr.models.court import Court, missing_publishing_facts
from odr.models.faq import Faq
from odr.models.settings import SETTINGS_FILE, Settings
from odr.models.site import Site
from odr.models.strings import Strings, catalog_file
from odr.models.tutorial import Tutorial
from odr.models.worksheet import Worksheet
from odr.problems import WARNING, ContentError, Problem, errors
from odr.validate import validate
from odr.yamlsource import SourceFile, read_yaml


@dataclass
class Content:
    """All the guide's content, validated."""

    root: Path
    site: Site
    settings: Settings | None
    """None only while `check` runs after settings.yaml failed to validate (never in built content)."""
    courts: dict[str, Court]
    faqs: dict[str, Faq]
    tutorials: dict[str, Tutorial]
    strings: dict[str, Strings]
    worksheets: dict[str, Worksheet] = field(default_factory=dict)
    """Worksheet definitions (worksheets/*.yaml), by id."""
    draft_courts: dict[str, Court] = field(default_factory=dict)
    """Court profiles marked `draft: true`: checked, but not built; `courts` holds the others."""
    invalid: dict[str, set[str]] = field(default_factory=dict)
    """Ids of the files that did not validate, by folder (`courts`, `faq`, `tutorials`, `worksheets`):
    they exist, so naming them is no error, but they are left out of the checks across files."""

    @property
    def languages(self) -> list[str]:
        return [language.code for language in self.site.languages]


def load_content(root: Path) -> Content:
    content, problems = read_content(root)
    if content is None:
        raise ContentError(problems)
    return content


def read_content(root: Path) -> tuple[Content | None, list[Problem]]:
    """Read and check everything; problems are sorted by file and line.

    The checks across files run on every document that validated, so one run reports everything: a
    document with errors of its own is left out of them, and the ids it has still count as existing.
    """
    invalid: dict[str, set] = {}
    problems: list[Problem] = []
    site = _read_one(root, "content/site.yaml", Site, {}, problems)
    context = {"languages": [language.code for language in site.languages] if site else ["en", "es"]}
    settings = _read_one(root, SETTINGS_FILE, Settings, context, problems)
    draft_files: set[str] = set()
    courts = _read_folder(root, "content/courts", Court, context, problems, invalid,
                          also=lambda source: _court_problems(source, draft_files),
                          id_is_name="it names the folder the court's site is published in")
    faqs = _read_folder(root, "content/faq", Faq, context, problems, invalid, id_is_name="it is the page's address")
    tutorials = _read_folder(root, "content/tutorials", Tutorial, context, problems, invalid,
                             id_is_name="it is the page's address")
    strings = _read_strings(root, context["languages"], problems)
    worksheets = _read_folder(root, "worksheets", Worksheet, context, problems, invalid)
    if site is None:
        return None, sorted(_drafts_warn(draft_files, problems))
    published = {court_id: court for court_id, court in courts.items() if not court.draft}
    drafts = {court_id: court for court_id, court in courts.items() if court.draft}
    content = Content(root, site, settings, published, faqs, tutorials, strings, worksheets, drafts, invalid)
    problems = _drafts_warn(draft_files, problems + check_across_files(content, settings_ok=settings is not None))
    return (None if errors(problems) else content), sorted(problems)


def _drafts_warn(draft_files: set[str], problems: list[Problem]) -> list[Problem]:
    """What is wrong in a draft court's profile is a warning: a court still being filled in
    (`draft: true`) never stops the other courts from being built and published."""
    return [replace(problem, severity=WARNING, in_draft=True) if problem.file in draft_files else problem
            for problem in problems]


def _court_problems(source: SourceFile, draft_files: set[str]) -> list[Problem]:
    """A court profile as written (before it validates): noted in `draft_files` when it says
    `draft: true`; the facts a published court needs."""
    if isinstance(source.data, dict) and source.data.get("draft") is True:
        draft_files.add(source.path)
    return _publishing_problems(source)


def check_across_files(content: Content, settings_ok: bool = True) -> list[Problem]:
    """Ids that must exist, translations, catalogs, worksheets; then (with the settings) every text, page
    and link, each step on what the steps before it could check."""
    from odr.catalogs import check_catalogs
    from odr.headings import check_headings
    from odr.references import check_references
    from odr.translations import check_translations
    from odr.worksheet_rules import check_worksheets

    problems = check_references(content) + _draft_references(content) + check_translations(content)
    problems += check_headings(content)
    catalog_problems = check_catalogs(content)
    problems += catalog_problems + check_worksheets(content)
    if not settings_ok:
        return problems
    from odr.holidays import check_holidays
    from odr.links import check_links
    from odr.page_check import check_pages
    from odr.render import check_templates

    problems += check_holidays(content)
    text_problems = check_templates(content)
    problems += text_problems
    rendered = _without_failing_texts(content, text_problems)
    failed_catalogs = {problem.file for problem in errors(catalog_problems)}
    languages = [language for language in content.languages if language in content.strings
                 and {catalog_file(language), catalog_file("en")}.isdisjoint(failed_catalogs)]
    page_problems, models = check_pages(rendered, languages)
    return problems + page_problems + check_links(rendered, models)


def _without_failing_texts(content: Content, text_problems: list[Problem]) -> Content:
    """The content without the FAQs and tutorials whose texts could not be rendered (their ids kept as
    existing), so pages and links are checked for the others."""
    failing = {problem.file for problem in errors(text_problems)}
    if not failing:
        return content
    invalid = {kind: set(ids) for kind, ids in content.invalid.items()}

    def keep(documents: dict, kind: str) -> dict:
        left_out = {key for key, document in documents.items() if document.source_file.path in failing}
        invalid.setdefault(kind, set()).update(left_out)
        return {key: document for key, document in documents.items() if key not in left_out}

    return replace(content, faqs=keep(content.faqs, "faq"), tutorials=keep(content.tutorials, "tutorials"),
                   invalid=invalid)


def _read_one(root: Path, relative: str, model, context, problems, also=None, invalid=None) -> Document | None:
    """One file, validated; `also(source)` may add problems found in its raw data. When the file does not
    validate, the ids it may have (its name, its `id:`) are added to `invalid`."""
    path = root / relative
    if not path.exists():
        problems.append(Problem(relative, 0, 0, "", "expected this file to exist, found nothing"))
        return None
    source, found = read_yaml(path, root)
    problems += found
    instance = None
    if not found:
        extra = also(source) if also else []
        problems += extra
        instance, found = validate(model, source, context)
        problems += found
        if errors(extra):
            instance = None  # e.g. a court without the facts its pages show: its pages are not checked either
    if instance is None and invalid is not None:
        written = source.data.get("id") if isinstance(source.data, dict) else None
        invalid.update({path.stem, *([written] if isinstance(written, str) else [])})
    return instance


def _read_folder(root: Path, relative: str, model, context, problems, invalid: dict, also=None,
                 id_is_name: str = "") -> dict:
    """Every `*.yaml` in a folder, by id; a repeated id is a problem, and so is an id that is not the
    file's name when `id_is_name` says why it must be. The ids of files that do not validate go in
    invalid[folder name]."""
    by_id: dict = {}
    folder_invalid = invalid.setdefault(Path(relative).name, set())
    problems += _files_not_read(root, relative)
    for path in sorted((root / relative).glob("*.yaml")):
        instance = _read_one(root, path.relative_to(root).as_posix(), model, context, problems, also,
                             folder_invalid)
        if instance is None:
            continue
        if id_is_name and instance.id != path.stem:
            problems.append(instance.source_file.problem(
                ("id",), f'expected the file\'s name, "{path.stem}", as its id ({id_is_name}), found "{instance.id}"'))
            folder_invalid.update({path.stem, instance.id})  # other files naming either id are not wrong for it
            continue
        if instance.id in by_id:
            problems.append(_duplicate_id(instance, by_id[instance.id], model))
            continue
        by_id[instance.id] = instance
    return by_id


def _files_not_read(root: Path, relative: str) -> list[Problem]:
    """YAML files under another ending (`.yml`) or in a subfolder: nothing in them would be published."""
    folder = root / relative
    misnamed = [Problem(path.relative_to(root).as_posix(), 0, 0, "",
                        f'expected a file name ending in ".yaml" (this file is not read), found "{path.suffix}"')
                 for path in sorted(folder.glob("*.*"))
                 if path.suffix.lower() in (".yml", ".yaml") and path.suffix != ".yaml"]
    nested = [Problem(path.relative_to(root).as_posix(), 0, 0, "",
                      f"expected the file directly in {relative}/ (files in its subfolders are not read), "
                      f'found it in "{path.parent.relative_to(folder).as_posix()}"')
              for path in sorted(folder.glob("*/**/*")) if path.suffix.lower() in (".yml", ".yaml")]
    return misnamed + nested


def _duplicate_id(instance: Document, first: Document, model) -> Problem:
    line, column = first.source_file.position(("id",))
    kind = model.__name__.lower()
    message = (f'expected a unique {kind} id, found "{instance.id}", '
               f"already used in {first.source_file.path}:{line}:{column}")
    return instance.source_file.problem(("id",), message)


def _publishing_problems(source: SourceFile) -> list[Problem]:
    """A court that is not a draft needs the facts its pages show (odr.provider, odr.url, odr.cost).

    Read from the file's data, so these come with the file's other errors.
    """
    problems = []
    for fact in missing_publishing_facts(source.data):
        line, column = source.position(fact)
        problems.append(Problem(source.path, line, column, ".".join(fact),
                                "expected a value to publish the court (or draft: true until it is known), "
                                "found nothing"))
    return problems


def _draft_references(content: Content) -> list[Problem]:
    """The ids a draft court names must exist too (published courts are checked by check_references)."""
    from odr.references import _check_court

    return [problem for court in content.draft_courts.values() for problem in _check_court(court, content)]


def _read_strings(root: Path, languages: list[str], problems) -> dict[str, Strings]:
    catalogs = {}
    for language in languages:
        instance = _read_one(root, catalog_file(language), Strings, {}, problems)
        if instance is not None:
            catalogs[language] = instance
    return catalogs


def documents(content: Content) -> list[Document]:
    """Every content document, in a stable order."""
    every = [content.site, content.settings, *content.courts.values(), *content.draft_courts.values(),
             *content.faqs.values(), *content.tutorials.values(), *content.strings.values(),
             *content.worksheets.values()]
    return [document for document in every if document is not None]


def walk_texts(model: BaseModel, path: tuple = ()):
    """Every `Text` inside a model, with its path: [(path, text), ...]."""
    if isinstance(model, Text):
        yield path, model
        return
    for name in type(model).model_fields:
        yield from _walk_value(getattr(model, name), path + (name,))


def _walk_value(value, path):
    if isinstance(value, BaseModel):
        yield from walk_texts(value, path)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk_value(item, path + (index,))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk_value(item, path + (key,))


__all__ = ["Content", "load_content", "read_content", "documents", "walk_texts", "WARNING", "SourceFile"]

"""The site model: every generated page of one court's site in one language.

Pages are Markdown made from content by the templates in `odr/templates/`.
Links between pages are relative `.md` paths, which MkDocs checks and turns
into addresses.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

import jinja2

from odr.catalogs import site_strings
from odr.models.base import tel_link
from odr.render import TextContext, is_shown, localize, money, render_text

TEMPLATES = jinja2.Environment(
    loader=jinja2.PackageLoader("odr", "templates"),
    undefined=jinja2.StrictUndefined,
    keep_trailing_newline=True,
    trim_blocks=True,
    lstrip_blocks=True,
)
TEMPLATES.filters["money"] = money
TEMPLATES.filters["tel"] = tel_link


@dataclass(frozen=True)
class Page:
    """One generated page."""

    src_uri: str
    """Where the page sits in the site, e.g. `faq/what-is-odr.md`."""
    title: str
    """The page title, as shown in navigation."""
    markdown: str
    """The page's Markdown."""
    source_path: str | None = None
    """The YAML file the page is made from (for its "edit" link)."""
    head: str = ""
    """HTML for the page's <head>, before the stylesheets (overrides/main.html): the worksheet's calculator start."""


@dataclass
class SiteModel:
    """Everything one court's site in one language is made of."""

    court_id: str
    language: str
    pages: list[Page]
    nav: list
    """MkDocs `nav`: [{title: src_uri or [children]}, ...]."""


def build_site_model(content, court, language: str, runtime=None) -> SiteModel:
    """Every generated page; worksheet pages only when the calculator `runtime` is given."""
    context = TextContext.of(content, court, language)
    strings = site_strings(content, language)
    faqs = [faq for faq in _sorted_faqs(content, strings) if is_shown(faq.show_if, context)]
    tutorials = [tutorial for tutorial in sorted(content.tutorials.values(), key=lambda t: (t.order, t.id))
                 if is_shown(tutorial.show_if, context)]
    shared = {"t": strings, "court": context.court, "settings": context.settings, "language": language,
              "site": localize(content.site, language), "faqs": faqs, "tutorials": tutorials,
              "text": lambda value: render_text(value.get(language), context),
              "audience_label": lambda tutorial: _audience_label(tutorial, strings),
              "faq_by_id": {faq.id: faq for faq in faqs},
              "tutorial_by_id": {tutorial.id: tutorial for tutorial in tutorials},
              "worksheets": worksheet_ids(content) if runtime else []}
    catalog = _catalog_path(content, language)  # the pages made of interface strings are edited there
    pages = [
        _page("index.md", strings["nav"]["home"], "home.md.j2", shared, source_path=catalog),
        _page("start/plaintiff.md", strings["nav"]["plaintiff"], "start.md.j2", shared, source_path=catalog,
              role="plaintiff"),
        _page("start/defendant.md", strings["nav"]["defendant"], "start.md.j2", shared, source_path=catalog,
              role="defendant"),
        _page("faq/index.md", strings["faq"]["title"], "faq_index.md.j2", shared, source_path=catalog,
              topics=_topics(faqs, strings)),
        *[_page(f"faq/{faq.id}.md", render_text(faq.question.get(language), context), "faq_page.md.j2", shared, faq=faq,
                source_path=faq.source_file.path) for faq in faqs],
        _page("tutorials/index.md", strings["tutorials"]["title"], "tutorials_index.md.j2", shared,
              source_path=catalog),
        *[_page(f"tutorials/{tutorial.id}.md", render_text(tutorial.title.get(language), context), "tutorial_page.md.j2", shared,
                tutorial=tutorial, video=court.tutorial_videos.get(tutorial.id),
                source_path=tutorial.source_file.path) for tutorial in tutorials],
        _page("help.md", strings["help"]["title"], "help.md.j2", shared, source_path=court.source_file.path),
        *[_worksheet_page(content, court, language, worksheet_id, runtime, shared)
          for worksheet_id in shared["worksheets"]],
    ]
    return SiteModel(court.id, language, pages, _nav(pages, strings) + hand_written_nav(content.root, language))


def _page(src_uri: str, title: str, template: str, shared: dict, source_path: str | None = None,
          head: str = "", **extra) -> Page:
    variables = {**shared, **extra, "title": title, "link": _linker(src_uri)}
    markdown = TEMPLATES.get_template(template).render(variables)
    return Page(src_uri, title, markdown, source_path, head)


def _catalog_path(content, language: str) -> str:
    """The strings catalog the language's labels come from (English where the language has none)."""
    from odr.catalogs import REFERENCE

    catalog = content.strings.get(language) or content.strings[REFERENCE]
    return catalog.source_file.path


def worksheet_ids(content) -> list[str]:
    """The worksheets (worksheets/*.yaml), plaintiff first."""
    return sorted(content.worksheets, key=lambda worksheet_id: (worksheet_id != "plaintiff", worksheet_id))


def _worksheet_page(content, court, language: str, worksheet_id: str, runtime, shared: dict) -> Page:
    from odr.spec import spec_from_content
    from odr.worksheet_page import pick, render_worksheet_form, render_worksheet_head

    src_uri = f"worksheets/{worksheet_id}.md"
    spec = spec_from_content(content, court.id, worksheet_id, language)
    depth = src_uri.count("/") + 1 + (0 if language == content.languages[0] else 1)
    page_runtime = runtime.page_config("../" * depth)
    form = render_worksheet_form(spec, shared["t"]["worksheet_page"], page_runtime, language)
    title = pick(spec["worksheet"]["title"], language)
    return _page(src_uri, title, "worksheet_page.md.j2", shared, form=form,
                 source_path=f"worksheets/{worksheet_id}.yaml", head=render_worksheet_head(page_runtime))


def _audience_label(tutorial, strings) -> str:
    labels = {"plaintiff": "plaintiff_only", "defendant": "defendant_only", "both": "for_both"}
    return strings["tutorials"][labels[tutorial.audience]]


def _linker(from_uri: str):
    """link("faq/x.md") -> the relative path from the page at `from_uri`."""
    base = posixpath.dirname(from_uri)
    return lambda target: posixpath.relpath(target, base or ".")


def _sorted_faqs(content, strings) -> list:
    topic_order = list(strings["faq_topics"])  # a topic not in the catalog (check reports it) goes last
    rank = {topic: index for index, topic in enumerate(topic_order)}
    return sorted(content.faqs.values(), key=lambda faq: (rank.get(faq.topic, len(rank)), faq.order, faq.id))


def _topics(faqs, strings) -> list[tuple[str, list]]:
    """[(topic title, [faq, ...]), ...] in the catalog's topic order, empty topics left out."""
    return [(title, [faq for faq in faqs if faq.topic == topic])
            for topic, title in strings["faq_topics"].items() if any(faq.topic == topic for faq in faqs)]


def _nav(pages: list[Page], strings) -> list:
    by_uri = {page.src_uri: page for page in pages}

    def section(prefix: str) -> list:
        return [page.src_uri for page in pages if page.src_uri.startswith(prefix)]

    return [
        {strings["nav"]["home"]: "index.md"},
        {strings["nav"]["plaintiff"]: "start/plaintiff.md"},
        {strings["nav"]["defendant"]: "start/defendant.md"},
        {strings["nav"]["faq"]: [{by_uri[uri].title: uri} for uri in section("faq/")]},
        {strings["nav"]["tutorials"]: [{by_uri[uri].title: uri} for uri in section("tutorials/")]},
        *([{strings["nav"]["worksheets"]: [{by_uri[uri].title: uri} for uri in section("worksheets/")]}]
          if section("worksheets/") else []),
        {strings["nav"]["help"]: "help.md"},
    ]


# ---------------------------------------------------------------- hand-written pages in the navigation


def hand_written_nav(root, language: str) -> list:
    """Sections of hand-written pages, one per folder of `docs/<language>/` that has an index.md.

    The section is titled by the index page's first heading; its pages follow in the order of the
    index page's list of links to them (`1. [Title](page.md)`), then by file name. (Pages directly in
    docs/<language>/ are not added.)
    """
    folder = root / "docs" / language
    sections = []
    for index in sorted(folder.glob("*/index.md")) if folder.is_dir() else []:
        text = index.read_text(encoding="utf-8")
        section = index.parent.name
        names = sorted(path.name for path in index.parent.glob("*.md") if path.name != "index.md")
        listed = [name for name in LISTED_LINK.findall(text) if name in names]
        pages = [f"{section}/{name}" for name in dict.fromkeys(listed + names)]
        sections.append({_first_heading(text, section): [f"{section}/index.md", *pages]})
    return sections


LISTED_LINK = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+\[[^\]]*\]\(([\w.-]+\.md)(?:#[^)]*)?\)", re.M)
"""A list item that starts with a link to a page of the same folder: `1. [Title](page.md)`."""


def _first_heading(markdown: str, fallback: str) -> str:
    match = re.search(r"^#\s+(.+?)\s*#*\s*$", markdown, re.M)
    return match.group(1) if match else fallback

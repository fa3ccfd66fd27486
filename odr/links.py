"""Links in the content: internal ones are checked, external ones are listed.

Internal links and anchors are checked in every FAQ answer, tutorial step and
hand-written page (`docs/<language>/`), for every court and language, the way
MkDocs resolves them: relative to the page's `.md` file (`../tutorials/x.md`,
`what-is-odr.md#anchor`), anchors as Python-Markdown's `toc` makes them from
headings. A broken one is an error at its file and line.

External links (`https://...`) are never fetched: `build.py links` lists them,
with where each one is written, for a person to check.

    problems = check_links(content, models)   # models: from check_pages (odr/page_check.py)
    report = external_links(content)   # [ExternalLink(url, [places])]
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from odr.problems import Problem, did_you_mean
from odr.yamlsource import format_path

LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*<?([^\s()<>]+(?:\([^\s()]*\))?)>?(?:\s+[\"'(][^)]*)?\)")
"""An inline link or image: [text](target "title"); group 1 is the target."""
REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
AUTOLINK = re.compile(r"<((?:https?|mailto):[^\s>]+)>")
HTML_LINK = re.compile(r"""\s(?:href|src)\s*=\s*["']([^"']+)["']""")
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
FENCE = re.compile(r"^\s*(```|~~~)")
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
WEB_ADDRESS = re.compile(r"^https?://\S+$")
HTML_ID = re.compile(r"""\sid=["']([^"']+)["']""")


@dataclass(frozen=True)
class Link:
    """One link as written: its target and where it is."""

    target: str
    file: str
    line: int
    column: int
    field: str = ""
    """The field of a YAML file the link is in (`answer.en`); empty in a Markdown page."""
    literal: bool = True
    """False when the address was made by a {{ variable }} (its place is the line that makes it)."""


@dataclass
class ExternalLink:
    """An address outside the site and every place it is written."""

    url: str
    places: list[str] = field(default_factory=list)
    """`file:line:col` of each place."""


# ---------------------------------------------------------------- finding links


def links_in_markdown(text: str) -> list[tuple[int, int, str]]:
    """(line, column, target) of every link in Markdown text, 1-based; code is skipped."""
    found = []
    in_fence = None
    for number, line in enumerate(text.splitlines(), start=1):
        fence = FENCE.match(line)
        if fence:
            in_fence = None if in_fence == fence.group(1) else (in_fence or fence.group(1))
            continue
        if in_fence:
            continue
        visible = CODE_SPAN.sub(lambda match: " " * len(match.group(0)), line)
        for pattern in (LINK, REFERENCE, AUTOLINK, HTML_LINK):
            for match in pattern.finditer(visible):
                found.append((number, match.start(1) + 1, match.group(1)))
    return sorted(found)


def is_external(target: str) -> bool:
    return bool(SCHEME.match(target)) or target.startswith("//")


# ---------------------------------------------------------------- the pages of one site


@dataclass
class SitePages:
    """Every page and file of one court's site in one language, as MkDocs sees them."""

    court_id: str
    language: str
    markdown: dict[str, str | None]
    """Page src_uri -> its Markdown (None until needed, for generated pages)."""
    files: set[str]
    """Other files (images, PDFs, assets) by src_uri."""
    planned: set[str] = field(default_factory=set)
    """Pages the site has whose Markdown is not made here (the worksheet pages)."""
    root: Path = Path(".")
    """The project, whose mkdocs.yml names the Markdown extensions."""
    make_model: object = None
    """Builds the site model in this language, for generated pages whose Markdown is None (not made yet)."""
    anchors: dict[str, set[str]] = field(default_factory=dict)

    def has(self, src_uri: str) -> bool:
        return src_uri in self.markdown or src_uri in self.files or src_uri in self.planned

    def anchors_of(self, src_uri: str) -> set[str] | None:
        """The ids on a page, or None when they cannot be known."""
        if src_uri not in self.markdown:
            return None
        if self.markdown[src_uri] is None:
            self.markdown.update({page.src_uri: page.markdown for page in self.make_model().pages})
        if src_uri not in self.anchors:
            self.anchors[src_uri] = set(HTML_ID.findall(_markdown_to_html(self.markdown[src_uri], self.root)))
        return self.anchors[src_uri]


def site_pages(content, court, language: str, model=None) -> SitePages:
    """The pages of one court's site in one language; `model` is a site model of the court in any language
    (the same pages exist in every language: only their text differs)."""
    from odr.pages import build_site_model

    model = model or build_site_model(content, court, language)
    pages = {page.src_uri: page.markdown if model.language == language else None for page in model.pages}
    files: set[str] = set()
    for src_uri, path in hand_written_files(content.root, content.languages, language).items():
        if src_uri.endswith(".md"):
            pages[src_uri] = path.read_text(encoding="utf-8")
        else:
            files.add(src_uri)
    # Worksheet pages are made only with the calculator's runtime (build_site_model(..., runtime)),
    # which is too slow to prepare for a check: a page per worksheet definition is taken as given.
    planned = {f"worksheets/{worksheet_id}.md"
               for worksheet_id in [*content.worksheets, *content.invalid.get("worksheets", ())]} - set(pages)
    # Pages of FAQs and tutorials that did not validate (check reports why) exist as far as links go.
    planned |= {f"{folder}/{page_id}.md"
                for folder in ("faq", "tutorials") for page_id in content.invalid.get(folder, ())}
    return SitePages(court.id, language, pages, files, planned, content.root,
                     lambda: build_site_model(content, court, language))


def hand_written_files(root: Path, languages: list[str], language: str) -> dict[str, Path]:
    """src_uri -> file, for docs/: this language's folder at the root, shared files as they are."""
    docs = root / "docs"
    found = {}
    for path in sorted(docs.rglob("*")) if docs.is_dir() else []:
        if not path.is_file():
            continue
        first, _, rest = path.relative_to(docs).as_posix().partition("/")
        if first == language and rest:
            found[rest] = path
        elif first not in languages:
            found[path.relative_to(docs).as_posix()] = path
    return found


def _markdown_to_html(text: str, root: Path) -> str:
    import markdown

    extensions, configs = markdown_extensions(root)
    return markdown.Markdown(extensions=extensions, extension_configs=configs).convert(text)


def markdown_extensions(root: Path) -> tuple[list, dict]:
    """The Markdown extensions of mkdocs.yml, plus those MkDocs always adds."""
    import yaml

    path = root / "mkdocs.yml"
    config = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}
    names, configs = ["toc", "tables", "fenced_code"], {}
    for entry in (config or {}).get("markdown_extensions") or []:
        name, options = (entry, None) if isinstance(entry, str) else next(iter(entry.items()))
        if name not in names:
            names.append(name)
        if options:
            configs[name] = options
    return names, configs


# ---------------------------------------------------------------- checking


@dataclass(frozen=True)
class _Broken:
    link: Link
    message: str


def check_links(content, models: dict) -> list[Problem]:
    """Every broken internal link, once; when it is broken for some courts only, their ids are named.
    `models` are the site models check_pages made (court id -> language -> SiteModel): only the courts
    whose pages could all be made are checked."""
    broken: dict[_Broken, set] = {}
    for court in content.courts.values():
        if court.id not in models:
            continue
        for language in content.languages:
            pages = site_pages(content, court, language, models[court.id][language])
            for src_uri, link in written_links(content, court, language):
                message = check_target(link.target, src_uri, pages)
                if message:
                    broken.setdefault(_Broken(link, message), set()).add((court.id, language))
    return sorted(_problem(item, where, content) for item, where in broken.items())


def written_links(content, court, language: str):
    """(page src_uri, Link) of every link written in FAQ answers, tutorials and hand-written pages."""
    yield from _content_links(content, court, language)
    for src_uri, path in hand_written_files(content.root, content.languages, language).items():
        if path.suffix == ".md" and path.relative_to(content.root / "docs").parts[0] == language:
            shown = path.relative_to(content.root).as_posix()
            text = path.read_text(encoding="utf-8")
            for line, column, target in links_in_markdown(text):
                yield src_uri, Link(target, shown, line, column)


def _content_links(content, court, language: str):
    from odr.content import walk_texts
    from odr.render import TextContext, is_shown

    context = TextContext.of(content, court, language)
    from_court = _court_links(court, language)
    for folder, documents in (("faq", content.faqs), ("tutorials", content.tutorials)):
        for document in documents.values():
            if not is_shown(document.show_if, context):
                continue
            source = document.source_file
            for path, text in walk_texts(document):
                written = path + ((language,) if text.has(language) else ("en",))
                for line_in_text, column, target in _links_for_court(text.get(language), context):
                    if column == 0 and target in from_court:  # a court text shown here: the link is written there
                        yield from ((f"{folder}/{document.id}.md", link) for link in from_court[target])
                        continue
                    line, column_in_file = source.text_position(written, line_in_text, column)
                    link = Link(target, source.path, line, column_in_file, format_path(written), literal=column > 0)
                    yield f"{folder}/{document.id}.md", link


def _court_links(court, language: str) -> dict[str, list[Link]]:
    """The links written in a court profile's texts (a filing checklist, say), by target, at their place there."""
    from odr.content import walk_texts

    source = court.source_file
    found: dict[str, list[Link]] = {}
    for path, text in walk_texts(court):
        written = path + ((language,) if text.has(language) else ("en",))
        for line_in_text, column, target in links_in_markdown(text.get(language)):
            line, column_in_file = source.text_position(written, line_in_text, column)
            found.setdefault(target, []).append(Link(target, source.path, line, column_in_file, format_path(written)))
    return found


MARK = "\x02"
"""Put after each written line before rendering, with the line's number, to trace rendered lines back."""
MARKER = re.compile(f"{MARK}(\\d+){MARK}")


def _links_for_court(text: str, context) -> list[tuple[int, int, str]]:
    """(line, column, target) of the links a text shows for one court, placed where they are written
    (column 0: the address is not written as such, a {{ variable }} made it).

    Only text with {% if %}, {% for %} or {{ variables }} differs between courts in the links it shows: it
    is rendered with a marker after each line, so every link is traced back to its line. A link not
    written in its line came from a variable: a court text shown there (a filing checklist) or an address
    of a court profile, which are listed apart.
    """
    if "{%" not in text and "{{" not in text:
        return links_in_markdown(text)
    import jinja2

    from odr.render import render_text

    lines = text.splitlines()
    try:
        shown = render_text("\n".join(f"{line}{MARK}{number}{MARK}" for number, line in enumerate(lines, 1)), context)
    except jinja2.TemplateError:  # a tag spread over lines: place every link at the text's first line
        return [(1, 0, target) for _, _, target in links_in_markdown(render_text(text, context))]
    origins = _origins(shown)
    found = []
    for line, _, target in links_in_markdown(MARKER.sub("", shown)):
        written = lines[origins[line - 1] - 1] if origins[line - 1] <= len(lines) else ""
        found.append((origins[line - 1], written.find(target) + 1, target))
    return found


def _origins(shown: str) -> list[int]:
    """For each rendered line, the written line it comes from: the first marker at or after its start."""
    origins = []
    position = 0
    for line in shown.split("\n"):
        match = MARKER.search(shown, position)
        origins.append(int(match.group(1)) if match else 1)
        position += len(line) + 1
    return origins


def check_target(target: str, from_uri: str, pages: SitePages) -> str | None:
    """The problem with an internal link from page `from_uri`, or None when it is fine or external."""
    if is_external(target):
        return None
    if target.startswith("/"):
        return (f'expected a relative link (like ../faq/what-is-odr.md), found "{target}", which breaks '
                "when a court's site is published in a folder")
    address, _, anchor = target.partition("#")
    address = unquote(address.split("?")[0])
    resolved = _resolve(address, from_uri, pages) if address else from_uri
    if resolved is None:
        known = [posixpath.relpath(uri, posixpath.dirname(from_uri) or ".") for uri in [*pages.markdown, *pages.planned]]
        return (f'expected a link to a page or file of the site, found "{target}", which does not exist'
                f"{did_you_mean(address, known)}")
    anchors = pages.anchors_of(resolved) if anchor else None
    if anchors is not None and unquote(anchor) not in anchors:
        hint = did_you_mean(anchor, sorted(anchors))
        return f'expected a heading anchor of {resolved}, found "#{anchor}", which is not on that page{hint}'
    return None


def _resolve(address: str, from_uri: str, pages: SitePages) -> str | None:
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(from_uri), address))
    if joined.startswith(".."):
        return None
    candidates = [joined] if not address.endswith("/") else []
    candidates += [posixpath.join(joined, "index.md").lstrip("./")]
    return next((uri for uri in candidates if pages.has(uri)), None)


def _problem(item: _Broken, where: set, content) -> Problem:
    link = item.link
    courts = sorted({court for court, _ in where})
    suffix = ""
    own_file = len(courts) == 1 and link.file == content.courts[courts[0]].source_file.path
    if len(courts) < len(content.courts) and not own_file:
        suffix = f" ({'court' if len(courts) == 1 else 'courts'} {', '.join(courts)})"
    return Problem(link.file, link.line, link.column, link.field, item.message + suffix)


# ---------------------------------------------------------------- the external links report


def external_links(content) -> list[ExternalLink]:
    """Every web address written in the content, its files and hand-written pages, with where it is."""
    from odr.content import documents

    places: dict[str, set] = {}

    def add(url: str, file: str, line: int, column: int) -> None:
        places.setdefault(url, set()).add((file, line, column))

    for document in documents(content):
        for url, (line, column) in _addresses(document.source_file):
            add(url, document.source_file.path, line, column)
    for court in content.courts.values():
        for language in content.languages:
            for _, link in written_links(content, court, language):
                if link.literal and WEB_ADDRESS.match(link.target):
                    add(link.target, link.file, link.line, link.column)
    return [ExternalLink(url, [f"{file}:{line}:{column}" for file, line, column in sorted(places[url])])
            for url in sorted(places)]


def _addresses(source, value=None, path=()):
    """(url, (line, column)) of every value of a YAML file that is a web address or has one in a link."""
    value = source.data if value is None and not path else value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _addresses(source, item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _addresses(source, item, path + (index,))
    elif isinstance(value, str) and WEB_ADDRESS.match(value.strip()):
        yield value.strip(), source.position(path)


def format_report(links: list[ExternalLink]) -> str:
    files = {place.rsplit(":", 2)[0] for link in links for place in link.places}
    lines = [f"External links (listed, never fetched): {len(links)} addresses in {len(files)} files."]
    for link in links:
        note = "  (not https)" if link.url.startswith("http://") else ""
        lines.append(f"{link.url}{note}")
        lines += [f"    {place}" for place in link.places]
    return "\n".join(lines)


def run_links(root: Path, out=None) -> int:
    """`build.py links`: the external links report (after checking the content, internal links included)."""
    import sys

    from odr.content import read_content

    out = out or sys.stdout
    content, problems = read_content(root)
    for problem in problems:
        print(problem, file=out)
    if content is None:
        print("The content has errors: fix them, then run this again.", file=out)
        return 1
    print(format_report(external_links(content)), file=out)
    return 0

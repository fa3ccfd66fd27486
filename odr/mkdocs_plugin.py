"""The MkDocs plugin that puts one court's generated pages into a MkDocs build.

Generated pages live in memory (`File.generated`), so they never touch the
hand-written `docs/` folder. Hand-written pages sit in `docs/<language>/` and
appear at the root of that language's site; shared assets sit in `docs/assets/`.
"""

from __future__ import annotations

import re

import jinja2
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from odr.pages import SiteModel
from odr.runtime import CODE_ROOT

RESIZE_OBSERVER_POLYFILL = CODE_ROOT / "node_modules/resize-observer-polyfill/dist/ResizeObserver.global.js"
RESIZE_OBSERVER_URI = "assets/javascripts/resize-observer-polyfill.js"
"""Material's script fetches this polyfill from a public CDN in browsers without ResizeObserver;
the site serves its own copy instead (overrides/main.html loads it only in those browsers)."""


class CompiledTemplates(jinja2.BytecodeCache):
    """The theme's templates, compiled once per process instead of once per MkDocs build: every
    court and language is a build of its own, and each makes a new Jinja environment. A template
    whose file changed (`build.py serve`) no longer matches its checksum and is compiled again."""

    def __init__(self):
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


COMPILED_TEMPLATES = CompiledTemplates()


class OdrPlugin(BasePlugin):
    def __init__(self, model: SiteModel, languages: list[tuple[str, str]], edit_url: str | None):
        super().__init__()
        self.model = model
        self.languages = languages
        """[(code, name), ...]; the first language is at the site root."""
        self.edit_url = edit_url
        self.sources = {page.src_uri: page.source_path for page in model.pages}
        self.heads = {page.src_uri: page.head for page in model.pages if page.head}

    def on_env(self, env: jinja2.Environment, *, config, files) -> jinja2.Environment:
        env.bytecode_cache = COMPILED_TEMPLATES
        return env

    def on_files(self, files: Files, *, config) -> Files:
        kept = Files([])
        for file in files:
            placed = self._place_hand_written(file, config)
            if placed is not None:
                kept.append(placed)
        for page in self.model.pages:
            kept.append(File.generated(config, page.src_uri, content=page.markdown))
        kept.append(File.generated(config, RESIZE_OBSERVER_URI, abs_src_path=str(RESIZE_OBSERVER_POLYFILL)))
        return kept

    def _place_hand_written(self, file: File, config) -> File | None:
        """Files in docs/<this language>/ move to the root; other languages' files are dropped."""
        first, _, rest = file.src_uri.partition("/")
        codes = [code for code, _ in self.languages]
        if first not in codes:
            return file
        if first != self.model.language:
            return None
        self.sources[rest] = f"docs/{file.src_uri}"
        return File.generated(config, rest, abs_src_path=file.abs_src_path)

    def on_page_markdown(self, markdown: str, *, page, config, files) -> str:
        source = self.sources.get(page.file.src_uri)
        page.edit_url = self.edit_url.format(path=source) if source and self.edit_url else None
        if page.file.src_uri.startswith(WEBMASTER_FOLDER):
            page.meta["search"] = {**(page.meta.get("search") or {}), "boost": WEBMASTER_SEARCH_BOOST}
        return markdown

    def on_post_page(self, output: str, *, page, config) -> str:
        return name_search_dialog(use_stemming_search_worker(output))

    def on_post_template(self, output_content: str, *, template_name: str, config) -> str:
        output = name_search_dialog(use_stemming_search_worker(output_content))
        if template_name == "404.html" and not config.site_url:
            output = in_language_folder(output, self._language_folder())
        return output

    def on_template_context(self, context, *, template_name: str, config):
        if template_name == "404.html":
            context["odr_alternates"] = self._not_found_alternates(config.site_url)
        return context

    def _language_folder(self) -> str:
        """Where this language's pages are, from the court's root: "" or "es/"."""
        return "" if self.model.language == self.languages[0][0] else f"{self.model.language}/"

    def _not_found_alternates(self, site_url: str | None) -> list[dict]:
        """On the "page not found" page: each other language's home page. The page is served at any
        address, so its links start at the domain's root (as Material's own do there): the court's
        folder from site_url, or the root without one."""
        from urllib.parse import urlsplit

        folder = self._language_folder()
        here = urlsplit(site_url).path if site_url else "/" + folder
        court_root = here[: len(here) - len(folder)] if folder else here
        default_language = self.languages[0][0]
        return [{"lang": code, "name": name, "url": court_root + ("" if code == default_language else f"{code}/")}
                for code, name in self.languages if code != self.model.language]

    def on_page_context(self, context, *, page, config, nav):
        context["odr_alternates"] = self._alternates(page.url)
        context["odr_head"] = self.heads.get(page.file.src_uri, "")
        return context

    def _alternates(self, page_url: str) -> list[dict]:
        """The same page in every other language, as links relative to this page.

        `page_url` is like "faq/what-is-odr/" ("" for the home page); the first
        language sits at the court's root, the others in "<code>/".
        """
        default_language = self.languages[0][0]
        depth = page_url.count("/") + (0 if self.model.language == default_language else 1)
        links = []
        for code, name in self.languages:
            if code != self.model.language:
                prefix = "" if code == default_language else f"{code}/"
                links.append({"lang": code, "name": name, "url": ("../" * depth + prefix + page_url) or "./"})
        return links


WEBMASTER_FOLDER = "webmasters/"
WEBMASTER_SEARCH_BOOST = 0.0001
"""The guide for webmasters is found by search, but after every page for the public (Material's search boost)."""

ROOT_LINK = re.compile(r'((?:href|src)="|"base":\s*")/(?!assets/)([^"]*")(?! hreflang)')


def in_language_folder(html: str, folder: str) -> str:
    """The "page not found" page of a language in a folder (es/), built without a site_url: MkDocs
    writes its links from the domain's root ("/faq/"); this language's pages are under "/es/".
    The shared assets stay at the root (odr/shared_assets.py), and the language switcher's links
    (hreflang) already lead to the other languages."""
    if not folder:
        return html
    return ROOT_LINK.sub(lambda match: f"{match.group(1)}/{folder}{match.group(2)}", html)


MATERIAL_SEARCH_WORKER = re.compile(r'("search":\s*"[^"]*/workers/)(search\.[0-9a-f]+\.min\.js)"')


SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
SEARCH_LABEL = re.compile(r'class="md-search__input" name="query" aria-label="([^"]*)"')


def name_search_dialog(html: str) -> str:
    """Give Material's search dialog the name of its search box ("Search", "Búsqueda"):
    a dialog without a name is announced as just "dialog" (axe: aria-dialog-name)."""
    label = SEARCH_LABEL.search(html)
    if label is None or SEARCH_DIALOG not in html:
        return html
    return html.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + f' aria-label="{label.group(1)}">', 1)


def use_stemming_search_worker(html: str) -> str:
    """Point Material's search at docs/assets/javascripts/workers/odr-search.js (stemming as you type)."""
    return MATERIAL_SEARCH_WORKER.sub(r'\1odr-search.js?material=\2"', html)

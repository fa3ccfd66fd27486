"""The MkDocs plugin that puts one court's generated pages into a MkDocs build.

Generated pages live in memory (`File.generated`), so they never touch the
hand-written `docs/` folder. Hand-written pages sit in `docs/<language>/` and
appear at the root of that language's site; shared assets sit in `docs/assets/`.
"""

from __future__ import annotations

import re

from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from odr.pages import SiteModel
from odr.runtime import CODE_ROOT

RESIZE_OBSERVER_POLYFILL = CODE_ROOT / "node_modules/resize-observer-polyfill/dist/ResizeObserver.global.js"
RESIZE_OBSERVER_URI = "assets/javascripts/resize-observer-polyfill.js"
"""Material's script fetches this polyfill from a public CDN in browsers without ResizeObserver;
the site serves its own copy instead (overrides/main.html loads it only in those browsers)."""


class OdrPlugin(BasePlugin):
    def __init__(self, model: SiteModel, languages: list[tuple[str, str]], edit_url: str):
        super().__init__()
        self.model = model
        self.languages = languages
        """[(code, name), ...]; the first language is at the site root."""
        self.edit_url = edit_url
        self.sources = {page.src_uri: page.source_path for page in model.pages}
        self.heads = {page.src_uri: page.head for page in model.pages if page.head}

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
        page.edit_url = self.edit_url.format(path=source) if source else None
        return markdown

    def on_post_page(self, output: str, *, page, config) -> str:
        return name_search_dialog(use_stemming_search_worker(output))

    def on_post_template(self, output_content: str, *, template_name: str, config) -> str:
        return name_search_dialog(use_stemming_search_worker(output_content))

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

"""`build.py build`: each court's self-contained site, published all at once.

Everything is built into a staging folder beside the output first; only when
every page of every court built does the staging folder replace the old output.
A failed build leaves the published site untouched.
"""

from __future__ import annotations

import html
import json
import logging
import shutil
import sys
import tempfile
from pathlib import Path

import yaml
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from odr.catalogs import site_strings
from odr.content import Content, read_content
from odr.mkdocs_plugin import OdrPlugin
from odr.pages import build_site_model, worksheet_ids
from odr.runtime import Runtime, install_runtime, prepare_runtime
from odr.shared_assets import share_assets
from odr.plain_language import measure_all, report_lines
from odr.models.base import ID_PATTERN
from odr.problems import did_you_mean, errors, strict_failures


def run_build(root: Path, out: Path, court: str | None = None, strict: bool = False, log=sys.stdout) -> int:
    content, problems = read_content(root)
    for problem in problems:
        print(problem, file=log)
    failures = strict_failures(problems) if strict else []
    if content is None or failures:
        print(f"Build stopped: {len(errors(problems)) or len(failures)} problem(s). "
              f"Nothing in {out} was changed.", file=log)
        return 1
    if court is not None and court in content.draft_courts:
        print(f'The court "{court}" is a draft (draft: true in its profile): it is checked but not built. '
              f"Fill in what check reports, then remove draft: true.", file=log)
        return 1
    if court is not None and court not in content.courts:
        print(f'No court "{court}"{did_you_mean(court, content.courts)}. Courts: {", ".join(content.courts)}.',
              file=log)
        return 1
    try:
        build_sites(content, out, [court] if court else list(content.courts))
    except PublishError as error:
        print(f"Publishing into {out} failed: {error.__cause__}. The courts published before it failed are the "
              f"new build ({', '.join(error.done) or 'none'}); the others are as they were. Build again.", file=log)
        return 1
    except (MkDocsException, OSError) as error:
        print(f"Build failed: {error}. Nothing in {out} was changed.", file=log)
        return 1
    print(f"Built {', '.join(court_ids_built(content, court))} into {out}", file=log)
    for line in report_lines(measure_all(content)):
        print(line, file=log)
    return 0


def court_ids_built(content: Content, court: str | None) -> list[str]:
    return [court] if court else list(content.courts)


def build_sites(content: Content, out: Path, court_ids: list[str]) -> None:
    """Build the courts into a staging folder, then swap it in for the published output."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-building-", dir=out.parent))
    try:
        runtime = prepare_runtime() if worksheet_ids(content) else None
        for court_id in court_ids:
            build_court(content, content.courts[court_id], staging / court_id, runtime)
        whole = set(court_ids) == set(content.courts)
        if whole:
            write_courts_index(content, staging)
        publish(staging, out, court_ids, whole)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def build_court(content: Content, court, court_dir: Path, runtime: Runtime | None) -> None:
    """One court's site: the first language at the root, the others in <code>/."""
    for index, language in enumerate(content.site.languages):
        site_dir = court_dir if index == 0 else court_dir / language.code
        build_language(content, court, language, site_dir, runtime)
        if index > 0:
            share_assets(court_dir, language.code)
    if runtime is not None:
        install_runtime(runtime, court_dir, site_page_urls(court_dir))


def site_page_urls(court_dir: Path) -> list[str]:
    """Every page of a built court's site, in every language: its address relative to the court's root
    ("./" is the home page). After a worksheet visit, the service worker keeps them all for offline reading."""
    return sorted(f"{page.parent.relative_to(court_dir).as_posix()}/" for page in court_dir.rglob("index.html"))


def build_language(content: Content, court, language, site_dir: Path, runtime: Runtime | None) -> None:
    model = build_site_model(content, court, language.code, runtime)
    config = mkdocs_config(content, court, language, model, site_dir)
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    mkdocs_build(config)


def mkdocs_config(content: Content, court, language, model, site_dir: Path):
    root = content.root
    base = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    theme = {**base["theme"], "custom_dir": str(root / "overrides"), "language": language.code}
    plugins = [_with_search_language(plugin, language.search) for plugin in base.get("plugins", [])]
    site_name = f"{content.site.title.get(language.code)} · {court.short_name.get(language.code)}"
    config = load_config(
        config_file=str(root / "mkdocs.yml"),
        site_name=site_name,
        docs_dir=str(root / "docs"),
        site_dir=str(site_dir),
        nav=model.nav,
        theme=theme,
        plugins=plugins,
        site_url=_site_url(content, court, language),
        extra={**(base.get("extra") or {}), "odr_not_found": site_strings(content, language.code)["not_found"]},
    )
    languages = [(item.code, item.name) for item in content.site.languages]
    config.plugins["odr"] = OdrPlugin(model, languages, content.site.edit_url)
    return config


def _site_url(content: Content, court, language) -> str | None:
    """The court profile's site_url for this language's site (the first language at the root), or None."""
    if court.site_url is None:
        return None
    base = court.site_url if court.site_url.endswith("/") else court.site_url + "/"
    return base if language.code == content.site.languages[0].code else f"{base}{language.code}/"


def _with_search_language(plugin, search_language: str):
    if plugin == "search":
        return {"search": {"lang": search_language}}
    if isinstance(plugin, dict) and "search" in plugin:
        return {"search": {**(plugin["search"] or {}), "lang": search_language}}
    return plugin


BUILT_COURTS = ".odr-courts.json"
"""In the output folder: the court folders builds put there, so that a court no longer in the content is
removed and nothing else in the folder (a webmaster's own files) is ever touched."""


class PublishError(OSError):
    """Publishing stopped part way: `done` lists the court folders already swapped in."""

    def __init__(self, done: list[str]):
        super().__init__("publishing failed")
        self.done = done


def publish(staging: Path, out: Path, court_ids: list[str], whole: bool) -> None:
    """Swap the freshly built court folders (and, for a whole build, the courts' index) in place of the
    published ones, one by one. Files in `out` that no build made stay as they are."""
    done: list[str] = []
    try:
        out.mkdir(parents=True, exist_ok=True)
        for court_id in court_ids:
            _swap(staging / court_id, out / court_id)
            done.append(court_id)
        _finish_publishing(staging, out, court_ids, whole)
    except OSError as error:
        raise PublishError(done) from error


def _finish_publishing(staging: Path, out: Path, court_ids: list[str], whole: bool) -> None:
    before = _built_courts(out)
    if whole:
        _swap(staging / "index.html", out / "index.html")
        for gone in sorted(before - set(court_ids)):
            _remove(out / gone)
    (out / BUILT_COURTS).write_text(json.dumps(sorted(set(court_ids) | (set() if whole else before))) + "\n",
                                    encoding="utf-8")


def _built_courts(out: Path) -> set[str]:
    """The court folders earlier builds made in `out` (none known: nothing is removed)."""
    try:
        found = json.loads((out / BUILT_COURTS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    if not isinstance(found, list):
        return set()
    return {name for name in found if isinstance(name, str) and ID_PATTERN.match(name)}


def _swap(new: Path, target: Path) -> None:
    old = target.with_name(f".{target.name}-old")
    _remove(old)
    if target.exists():
        target.rename(old)
    new.rename(target)
    _remove(old)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    elif path.exists() or path.is_symlink():
        path.unlink()


def write_courts_index(content: Content, staging: Path) -> None:
    """A small page at the top of the output listing every court's site, in every language
    (the first language's list first, each in its own `lang` section)."""
    languages = [language.code for language in content.site.languages]
    sections = [_courts_index_section(content, code, index == 0) for index, code in enumerate(languages)]
    title = html.escape(site_strings(content, languages[0])["courts_index"]["title"])
    page = COURTS_INDEX.format(lang=languages[0], title=title, sections="\n".join(sections))
    (staging / "index.html").write_text(page, encoding="utf-8")


def _courts_index_section(content: Content, language: str, first: bool) -> str:
    strings = site_strings(content, language)["courts_index"]
    folder = "" if first else f"{language}/"
    items = "\n".join(
        f'<li><a href="{court.id}/{folder}">{html.escape(court.name.get(language))}</a></li>'
        for court in content.courts.values())
    heading = "h1" if first else "h2"
    return (f'<section lang="{language}">\n<{heading}>{html.escape(strings["title"])}</{heading}>\n'
            f'<p>{html.escape(strings["intro"])}</p>\n<ul>\n{items}\n</ul>\n</section>')


COURTS_INDEX = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>body{{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5}}
a{{color:#1a237e}}</style>
</head>
<body>
<main>
{sections}
</main>
</body>
</html>
"""

"""One copy of the theme's files per court, shared by every language.

Each language is its own MkDocs build, so each writes the same `assets/`
(Material's scripts and styles, the site's stylesheet, the search worker):
the Spanish pages in `es/` loaded their own copy, and a visitor who read both
languages, or the service worker, downloaded it twice. After the builds,
every file in `<language>/assets/` that is identical to the one in the
court's `assets/` is removed, and the language's pages point at the shared
one. A file that differs stays where it is.

    share_assets(court_dir, "es")
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

ASSETS = "assets"
REFERENCE = re.compile(r'(?P<quote>["\'])(?P<path>(?:\.\./|\./)*' + ASSETS + r'/[^"\'?#]+)')
"""A relative address of a file in assets/, in an attribute or in Material's JSON configuration."""
ABSOLUTE = r'(?P<quote>["\'])(?P<root>/(?:[^"\'/]+/)*){language}/' + ASSETS + r'/(?P<file>[^"\'?#]+)'
"""An absolute one (the not-found page's, when the court sets site_url): /odr/es/assets/..."""


def share_assets(court_dir: Path, language: str) -> None:
    language_dir = court_dir / language
    shared = _identical_files(court_dir / ASSETS, language_dir / ASSETS)
    if not shared:
        return
    for page in language_dir.rglob("*.html"):
        _point_at_shared(page, language_dir, shared)
    for relative in shared:
        (language_dir / ASSETS / relative).unlink()
    _remove_empty_folders(language_dir / ASSETS)


def _identical_files(shared_dir: Path, own_dir: Path) -> set[str]:
    """Paths (relative to assets/) of the language's files that the shared folder has byte for byte."""
    if not own_dir.is_dir():
        return set()
    found = set()
    for own in own_dir.rglob("*"):
        shared = shared_dir / own.relative_to(own_dir)
        if own.is_file() and shared.is_file() and own.read_bytes() == shared.read_bytes():
            found.add(own.relative_to(own_dir).as_posix())
    return found


def _point_at_shared(page: Path, language_dir: Path, shared: set[str]) -> None:
    folder = page.parent.relative_to(language_dir).as_posix()

    def shared_address(match: re.Match) -> str:
        target = posixpath.normpath(posixpath.join(folder, match["path"]))
        if not target.startswith(ASSETS + "/") or target[len(ASSETS) + 1:] not in shared:
            return match[0]
        return match["quote"] + "../" + match["path"]  # one level up: from <language>/ to the court's root

    def shared_absolute(match: re.Match) -> str:
        if match["file"] not in shared:
            return match[0]
        return f'{match["quote"]}{match["root"]}{ASSETS}/{match["file"]}'

    text = page.read_text(encoding="utf-8")
    changed = REFERENCE.sub(shared_address, text)
    changed = re.sub(ABSOLUTE.format(language=re.escape(language_dir.name)), shared_absolute, changed)
    if changed != text:
        page.write_text(changed, encoding="utf-8")


def _remove_empty_folders(folder: Path) -> None:
    for path in sorted(folder.rglob("*"), key=lambda p: len(p.parts), reverse=True):
        if path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    if folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()

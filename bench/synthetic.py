"""A synthetic project for build scaling: the real project's content with many
more courts and FAQ entries, made by copying existing files under new ids.

Everything else (settings, strings, tutorials, worksheets, docs/, overrides/,
mkdocs.yml) is the real project's, so the pages look like real ones.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

COPIED = ("content", "worksheets", "docs", "overrides", "mkdocs.yml")
ID_LINE = re.compile(r"^id:\s*(\S+)\s*$", re.M)


def make_project(source: Path, folder: Path, courts: int, faqs: int) -> Path:
    """A copy of `source` in `folder` with at least `courts` court profiles and `faqs` FAQ entries."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        if (source / name).is_dir():
            shutil.copytree(source / name, folder / name, dirs_exist_ok=True)
        elif (source / name).is_file():
            shutil.copy2(source / name, folder / name)
    _grow(folder / "content" / "courts", courts, _court_copy)
    _grow(folder / "content" / "faq", faqs, _faq_copy)
    return folder


def _grow(directory: Path, wanted: int, copy) -> None:
    """Copy the folder's files (round robin) under new ids until it holds `wanted` (drafts aside).

    Existing files are all kept, even beyond `wanted`: pages link to them by id.
    """
    originals = [path for path in sorted(directory.glob("*.yaml")) if not _is_draft(path)]
    for number in range(len(originals), wanted):
        template = originals[number % len(originals)]
        new_id = f"{template.stem}-{number:03d}"
        (directory / f"{new_id}.yaml").write_text(copy(template.read_text(encoding="utf-8"), new_id, number),
                                                   encoding="utf-8")


def _is_draft(path: Path) -> bool:
    return re.search(r"^draft:\s*true\s*$", path.read_text(encoding="utf-8"), re.M) is not None


def _court_copy(text: str, new_id: str, number: int) -> str:
    return ID_LINE.sub(f"id: {new_id}", text, count=1)


def _faq_copy(text: str, new_id: str, number: int) -> str:
    text = ID_LINE.sub(f"id: {new_id}", text, count=1)
    return re.sub(r"^order:\s*(\d+)\s*$", f"order: {100 + number}", text, count=1, flags=re.M)

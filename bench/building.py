"""Build measurements: our pipeline against plain `mkdocs build`s of the same
Markdown pages, each in its own process (wall time and peak memory).

The plain baseline is made of our own pages: for every court and language,
an ordinary MkDocs project holding that site's generated and hand-written
pages as Markdown files, with the same navigation, theme, plugins and Markdown
extensions (mkdocs.yml), minus our plugin and template overrides. The plain
sites are built one after the other in one process, as ours are. So the ratio
shows what our pipeline (reading and checking YAML, making pages, the
calculator's files, staging) adds on top of MkDocs rendering the same pages.

(One MkDocs site holding every page would not be a fair baseline: Material
renders the whole navigation into every page, so its time grows with the
square of the number of pages.)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

CODE_ROOT = Path(__file__).resolve().parent.parent
OUR_BUILD = ("import sys; from pathlib import Path; from odr.site import run_build; "
             "sys.exit(run_build(Path(sys.argv[1]), Path(sys.argv[2])))")
PLAIN_BUILD = ("import logging, sys; from pathlib import Path; from mkdocs.commands.build import build; "
               "from mkdocs.config import load_config; logging.getLogger('mkdocs').setLevel(logging.WARNING); "
               "[build(load_config(config_file=str(c), site_dir=str(c.parent / 'site'))) "
               "for c in sorted(Path(sys.argv[1]).glob('*/*/mkdocs.yml'))]")


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_bytes: int
    """Peak resident memory of the process (and any process it waited for)."""


def timed(argv: list[str], cwd: Path) -> Run:
    """Run a command to the end; its wall time and peak memory. Raises if it fails."""
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        process = subprocess.Popen(argv, cwd=cwd, stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            output.seek(0)
            raise RuntimeError(f"{' '.join(argv[:4])} failed:\n{output.read().decode(errors='replace')[-3000:]}")
    return Run(elapsed, usage.ru_maxrss * 1024)


def our_build(root: Path, out: Path) -> Run:
    """`build.py build` of the project at `root` into `out` (every court, every language)."""
    return timed([sys.executable, "-c", OUR_BUILD, str(root), str(out)], CODE_ROOT)


def plain_build(project: Path) -> Run:
    """Plain MkDocs builds of the sites written by write_plain_project, one after the other in one process."""
    return timed([sys.executable, "-c", PLAIN_BUILD, str(project)], project)


def write_plain_project(root: Path, folder: Path) -> int:
    """One ordinary MkDocs project per court and language holding the pages our build of `root`
    renders for it, with the same navigation; the number of pages in all."""
    from odr.content import load_content
    from odr.pages import build_site_model, worksheet_ids
    from odr.runtime import prepare_runtime

    content = load_content(root)
    runtime = prepare_runtime() if worksheet_ids(content) else None
    config = _plain_config(root)
    count = 0
    for court in content.courts.values():
        for language in content.site.languages:
            site = folder / court.id / language.code
            model = build_site_model(content, court, language.code, runtime)
            for page in model.pages:
                _write(site / "docs" / page.src_uri, page.markdown)
            hand_written = root / "docs" / language.code
            for page in sorted(hand_written.rglob("*.md")) if hand_written.is_dir() else []:
                _write(site / "docs" / page.relative_to(hand_written), page.read_text(encoding="utf-8"))
            if (root / "docs" / "assets").is_dir():
                shutil.copytree(root / "docs" / "assets", site / "docs" / "assets", dirs_exist_ok=True)
            count += sum(1 for _ in (site / "docs").rglob("*.md"))
            site_config = {**config, "nav": model.nav, "theme": {**config["theme"], "language": language.code}}
            _write(site / "mkdocs.yml", yaml.safe_dump(site_config, allow_unicode=True))
    return count


def _plain_config(root: Path) -> dict:
    """The project's mkdocs.yml without what only our pipeline uses (template overrides, `extra`)."""
    base = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    theme = {key: value for key, value in base["theme"].items() if key != "custom_dir"}
    return {"site_name": base.get("site_name", "Plain"), "use_directory_urls": True, "theme": theme,
            "plugins": base.get("plugins", ["search"]), "markdown_extensions": base.get("markdown_extensions", []),
            "extra_css": base.get("extra_css", [])}


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")

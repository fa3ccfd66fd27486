"""Shared test fixtures: tiny projects built inline, and the real project."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def unicode_font():
    """The PDF's Unicode font from node_modules/, as the command line uses it (odr/documents.py)."""
    from odr.documents import use_local_fonts
    from widgets import fonts

    use_local_fonts()
    yield
    fonts.use_fonts(None)



@pytest.fixture(autouse=True)
def check_day(monkeypatch):
    """`check` runs on a fixed day, so the shipped holiday list (through 2027) stays far enough ahead."""
    import datetime

    from odr import holidays

    monkeypatch.setattr(holidays, "today", lambda: datetime.date(2026, 11, 22))


MINIMAL_COURT = """\
id: test-court
name: {en: Test Court, es: Corte de Prueba}
short_name: {en: test court, es: corte de prueba}
county: Test
source: "test"
odr:
  provider: TurboCourt
  url: https://odr.example.org/
  cost: {en: free, es: gratis}
  deadlines:
    register_within_calendar_days: 5
    settle_court_days_before_hearing: 2
    source: "test"
agreement:
  missed_payment_options: [whole_balance_due]
  filing_checklist:
    - {en: File it., es: Preséntelo.}
"""

MINIMAL_TUTORIAL = """\
id: negotiate
order: 1
title: {en: How to negotiate, es: Cómo negociar}
summary: {en: Learn to negotiate., es: Aprenda a negociar.}
steps:
  - title: {en: Log in, es: Entre}
    body: {en: "Go to {{ court.odr.url }}.", es: "Vaya a {{ court.odr.url }}."}
"""


class Project:
    """A throwaway project folder: the real shared settings, and content written by the test."""

    def __init__(self, root: Path):
        self.root = root

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def messages(self) -> list[str]:
        """What `build.py check` reports for the project, each problem as printed."""
        from odr.content import read_content

        _, problems = read_content(self.root)
        return [str(problem) for problem in problems]


@pytest.fixture
def project(tmp_path) -> Project:
    """A minimal valid project: shared files from the real project, one court, one tutorial."""
    for relative in ["content/site.yaml", "content/settings.yaml", "content/strings/en.yaml",
                     "content/strings/es.yaml", "mkdocs.yml"]:
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / relative, tmp_path / relative)
    for folder in ["docs", "overrides"]:
        shutil.copytree(ROOT / folder, tmp_path / folder)
    made = Project(tmp_path)
    site = (tmp_path / "content/site.yaml").read_text(encoding="utf-8")
    made.write("content/site.yaml", site.replace("default_court: los-angeles", "default_court: test-court"))
    made.write("content/courts/test-court.yaml", MINIMAL_COURT)
    made.write("content/tutorials/negotiate.yaml", MINIMAL_TUTORIAL)
    return made

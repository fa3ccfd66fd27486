"""Language access: the shipped content is complete in every language."""

import io

from odr.check import run_check
from tests.conftest import ROOT


def test_shipped_content_passes_check_strict():
    out = io.StringIO()
    assert run_check(ROOT, strict=True, out=out) == 0, out.getvalue()
    assert out.getvalue().startswith("All content is valid.\n")


def test_a_missing_catalog_string_is_a_warning_with_its_line(project):
    spanish = (project.root / "content/strings/es.yaml").read_text(encoding="utf-8")
    project.write("content/strings/es.yaml", spanish.replace("    faq: Preguntas y respuestas\n", "", 1))
    out = io.StringIO()
    assert run_check(project.root, out=out) == 0
    assert run_check(project.root, strict=True, out=io.StringIO()) == 1
    warning = next(line for line in out.getvalue().splitlines() if "site.nav.faq" in line)
    assert warning == ('content/strings/es.yaml:7:5: warning: site.nav.faq: expected a translation of '
                       '"site.nav.faq" from en.yaml, found none')

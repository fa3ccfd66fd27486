import json

from odr.spec import build_spec
from tests.widgets.helpers import ROOT
from widgets import fonts


def test_the_spec_holds_everything_the_engine_needs_and_is_json():
    spec = build_spec(ROOT, "los-angeles", "plaintiff", "es")
    assert list(spec) == ["version", "language", "court", "court_names", "settings", "worksheet", "strings",
                          "pdf_font_ranges"]
    assert spec["court_names"]["san-joaquin"]["es"] == "Corte Superior de California, Condado de San Joaquín"
    assert (spec["version"], spec["language"], spec["court"]["id"], spec["worksheet"]["id"]) == (
        1, "es", "los-angeles", "plaintiff")
    assert set(spec["strings"]) == {"en", "es"}
    assert "errors" in spec["strings"]["es"] and "site" not in spec["strings"]["es"]
    assert spec["settings"]["judicial_holidays"]["dates"][0]["date"] == "2026-01-01"
    assert json.loads(json.dumps(spec)) == spec


def test_the_spec_carries_the_characters_the_pdfs_unicode_font_prints():
    ranges = build_spec(ROOT, "los-angeles", "plaintiff", "en")["pdf_font_ranges"]
    covered = fonts.covered_by(ranges)
    assert all(first <= last < next_first for (first, last), (next_first, _) in zip(ranges, ranges[1:]))
    assert all(covered(char) for char in "Nguyễn Łukasz Żółć Αλέξης Дмитрий")
    assert not any(covered(char) for char in "王小明🙂")

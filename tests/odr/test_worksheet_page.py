"""The worksheet form rendered at build time (odr/worksheet_page.py)."""

import html
import re

import pytest

from odr.runtime import placeholder_runtime
from odr.spec import build_spec
from odr.worksheet_page import render_worksheet_form, script_json
from tests.conftest import ROOT

RUNTIME = placeholder_runtime()


@pytest.fixture(scope="module", params=[("los-angeles", "plaintiff", "en"), ("san-joaquin", "defendant", "es")])
def rendered(request):
    import yaml

    court, worksheet, language = request.param
    spec = build_spec(ROOT, court, worksheet, language)
    ui = yaml.safe_load((ROOT / f"content/strings/{language}.yaml").read_text())["site"]["worksheet_page"]
    return spec, render_worksheet_form(spec, ui, RUNTIME.page_config("../../"), language)


def all_fields(spec):
    for step in spec["worksheet"]["steps"]:
        for field in step.get("fields") or []:
            yield field
            yield from field.get("fields") or []


def test_every_question_has_a_label_or_legend(rendered):
    spec, form = rendered
    for field in all_fields(spec):
        assert f'data-field="{field["id"]}"' in form
        if field["type"] in ("choice", "yes_no", "list"):
            continue
        assert re.search(rf'<label for="odr-[\w-]*{field["id"]}">', form), field["id"]


def test_every_described_by_points_at_an_element_that_exists(rendered):
    _, form = rendered
    ids = set(re.findall(r' id="([^"]+)"', form))
    for described in re.findall(r'aria-describedby="([^"]+)"', form):
        for target in described.split():
            assert target in ids, target


def test_ids_are_unique(rendered):
    _, form = rendered
    ids = re.findall(r' id="([^"]+)"', form)
    assert len(ids) == len(set(ids))


def test_required_questions_are_marked(rendered):
    spec, form = rendered
    required = [field for field in all_fields(spec)
                if field.get("required") and field["type"] != "list" and not field.get("multiple")]
    assert form.count('aria-required="true"') == len(required)
    assert form.count('<span class="odr-required">') == len([f for f in all_fields(spec) if f.get("required")])


def test_missed_payment_options_come_from_the_court_profile(rendered):
    spec, form = rendered
    for option in spec["court"]["agreement"]["missed_payment_options"]:
        assert f'value="{option}"' in form


def test_money_fields_keep_what_was_typed(rendered):
    spec, form = rendered
    money = [field["id"] for field in all_fields(spec) if field["type"] == "money"]
    assert money
    for field_id in money:
        assert re.search(rf'id="odr-[\w-]*{field_id}" name="[^"]+" type="text" inputmode="decimal"', form), field_id


def test_the_page_carries_its_spec_safely():
    assert script_json({"text": "</script><script>alert(1)</script>"}) == (
        '{"text": "<\\/script><script>alert(1)<\\/script>"}')


def test_text_from_definitions_is_escaped(rendered):
    spec, form = rendered
    title = spec["worksheet"]["steps"][0]["title"][spec["language"]]
    assert html.escape(title, quote=False) in form


def test_every_action_button_reads_its_catalog_string(rendered):
    spec, form = rendered
    import yaml

    ui = yaml.safe_load((ROOT / f"content/strings/{spec['language']}.yaml").read_text())["site"]["worksheet_page"]
    buttons = dict(re.findall(r'<button type="button" class="md-button[^"]*" data-action="(\w+)"[^>]*>([^<]*)</button>', form))
    assert buttons == {"preview": ui["preview"], "pdf": ui["download_pdf"], "ics": ui["download_ics"],
                       "json": ui["download_json"], "print": ui["print"], "save": ui["save_file"],
                       "clear": ui["clear"]}
    assert " object at 0x" not in form

"""Strings catalogs: every translation has en.yaml's keys and placeholders; every page is made in `check`."""

import io

from odr.check import run_check
from odr.content import load_content
from odr.pages import build_site_model


def edit(project, relative, old, new) -> int:
    """Replace the first `old` in a file with `new`; the number of the line it was on (from 1)."""
    text = (project.root / relative).read_text(encoding="utf-8")
    assert old in text
    project.write(relative, text.replace(old, new, 1))
    return text[:text.index(old)].count("\n") + 1


def test_a_renamed_key_in_a_translation_is_an_error_and_its_missing_key_a_warning(project):
    line = edit(project, "content/strings/es.yaml", "    fact_cost:", "    fact_costo:")
    assert project.messages() == [
        'content/strings/es.yaml:16:5: warning: site.home.fact_cost: expected a translation of '
        '"site.home.fact_cost" from en.yaml, found none',
        f'content/strings/es.yaml:{line}:5: site.home.fact_costo: expected a key that en.yaml has, '
        'found unknown key "fact_costo" (did you mean "fact_cost"?)',
    ]


def test_a_missing_key_in_a_translation_shows_the_english_string(project):
    edit(project, "content/strings/es.yaml", '    fact_cost: "Costo: {cost}."\n', "")
    assert run_check(project.root, out=io.StringIO()) == 0
    content = load_content(project.root)
    home = build_site_model(content, content.courts["test-court"], "es").pages[0]
    assert home.src_uri == "index.md" and "- Cost: gratis." in home.markdown


def test_a_key_the_pages_use_missing_from_english_is_an_error_in_en_yaml(project):
    edit(project, "content/strings/en.yaml", "    fact_cost:", "    fact_costs:")
    edit(project, "content/strings/es.yaml", "    fact_cost:", "    fact_costs:")
    assert project.messages() == [
        "content/strings/en.yaml:16:5: site.home.fact_cost: expected this key, which odr/templates/home.md.j2 "
        "uses, found nothing"]


def test_a_key_the_code_uses_missing_from_english_is_an_error_in_en_yaml(project):
    edit(project, "content/strings/en.yaml", "    faq: Questions and answers\n", "")
    edit(project, "content/strings/es.yaml", "    faq: Preguntas y respuestas\n", "")
    assert project.messages() == [
        "content/strings/en.yaml:7:5: site.nav.faq: expected this key, which odr/pages.py uses, found nothing"]


def test_a_translated_placeholder_must_be_the_english_one(project):
    line = edit(project, "content/strings/es.yaml", "La ODR en la {court}", "La ODR en la {corte}")
    assert project.messages() == [
        f"content/strings/es.yaml:{line}:20: site.home.facts_heading: expected the placeholders of en.yaml ({{court}}), "
        "found {corte}"]


def test_unpaired_braces_and_values_that_are_not_text(project):
    es_line = edit(project, "content/strings/es.yaml", "La ODR en la {court}", "La ODR en la {court")
    en_line = edit(project, "content/strings/en.yaml", '    "yes": "Yes"', '    "yes": yes')
    assert project.messages() == [
        f'content/strings/en.yaml:{en_line}:12: site.worksheet_page.yes: expected text, found true '
        '(yes/no: to write the word yes, no, on or off, put it in quotes, like "off")',
        f'content/strings/es.yaml:{es_line}:20: site.home.facts_heading: expected {{ and }} only around a placeholder like '
        '{court}, found a "{" or "}" without its pair',
    ]


def test_a_page_that_cannot_be_made_is_a_problem_not_a_traceback(project):
    edit(project, "content/strings/en.yaml", '    fact_cost: "Cost: {cost}."', '    fact_cost: "Cost: {cost} {price}."')
    edit(project, "content/strings/es.yaml", '    fact_cost: "Costo: {cost}."', '    fact_cost: "Costo: {cost} {price}."')
    assert project.messages() == [
        "odr/templates/home.md.j2:19:0: expected the pages of court test-court in \"en\" to be made, "
        "found KeyError: 'price'"]


def test_a_key_the_worksheet_page_uses_missing_from_english_is_an_error_in_en_yaml(project):
    from tests.conftest import ROOT

    project.write("worksheets/plaintiff.yaml", (ROOT / "worksheets/plaintiff.yaml").read_text(encoding="utf-8"))
    assert project.messages() == []
    edit(project, "content/strings/en.yaml", "    clear: Clear my answers\n", "")
    edit(project, "content/strings/es.yaml", "    clear: Borrar mis respuestas\n", "")
    [problem] = project.messages()
    assert problem.endswith(": site.worksheet_page.clear: expected this key, which "
                            "odr/templates/worksheet_form.html.j2 uses, found nothing")
    assert problem.startswith("content/strings/en.yaml:")


def test_a_translation_that_is_still_a_copy_of_english_is_a_warning(project):
    english = (project.root / "content/strings/en.yaml").read_text(encoding="utf-8")
    project.write("content/strings/es.yaml", english)
    found = [message for message in project.messages() if "texts the same as in English" in message]
    assert len(found) == 1
    assert found[0].startswith("content/strings/es.yaml:1:1: warning: expected a translation of en.yaml, found ")
    assert run_check(project.root, strict=True, out=io.StringIO()) == 1

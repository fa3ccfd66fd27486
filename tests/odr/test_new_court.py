"""`build.py new-court ID`: a court profile with every key explained, then `check` lists what is left."""

import io

import yaml

from odr.content import load_content, read_content
from odr.models.court import Court
from odr.new_court import court_template, run_new_court
from odr.site import run_build
from tests.conftest import ROOT

FILLED = {
    "name:\n": "name: {en: Orange Court, es: Corte de Orange}\n",
    "short_name:\n": "short_name: {en: Orange court, es: corte de Orange}\n",
    "county:\n": "county: Orange\n",
    "source:\n": "source: test\n",
    "  provider:\n": "  provider: TurboCourt\n",
    "  url:\n": "  url: https://odr.example.org/\n",
    "  cost:\n": "  cost: {en: free, es: gratis}\n",
    "  missed_payment_options:\n": "  missed_payment_options: [refile]\n",
    "  filing_checklist:\n": "  filing_checklist: [{en: File it., es: Preséntelo.}]\n",
}


def new_court(project, court_id="orange"):
    out = io.StringIO()
    code = run_new_court(project.root, court_id, out=out)
    return code, out.getvalue()


def fill(text: str, values: dict) -> str:
    lines = text.splitlines(keepends=True)
    return "".join(values.get(line, line) for line in lines)


def problems(project) -> list[str]:
    _, found = read_content(project.root)
    return [str(problem) for problem in found]


def test_check_lists_exactly_what_is_left_to_fill(project):
    assert new_court(project) == (0, "Wrote content/courts/orange.yaml: every key, with what it means. Fill in the "
                                     "empty values; `python build.py check` lists what is left.\n")
    assert problems(project) == [
        "content/courts/orange.yaml:29:6: warning: name: expected text or {en: ..., es: ...}, found nothing",
        "content/courts/orange.yaml:33:12: warning: short_name: expected text or {en: ..., es: ...}, found nothing",
        "content/courts/orange.yaml:37:8: warning: county: expected text, found nothing",
        "content/courts/orange.yaml:41:8: warning: source: expected text, found nothing",
        "content/courts/orange.yaml:141:26: warning: agreement.missed_payment_options: expected a list, found nothing",
        "content/courts/orange.yaml:144:20: warning: agreement.filing_checklist: expected a list, found nothing",
    ]


def test_a_half_filled_new_court_is_a_draft_that_stops_no_other_court(project):
    new_court(project)
    assert "\ndraft: true\n" in (project.root / "content/courts/orange.yaml").read_text(encoding="utf-8")
    log = io.StringIO()
    assert run_build(project.root, project.root / "site", log=log) == 0
    assert (project.root / "site/test-court/index.html").exists() and not (project.root / "site/orange").exists()


def test_a_half_filled_draft_does_not_fail_check_or_build_strict(project):
    from odr.check import run_check

    new_court(project)
    out = io.StringIO()
    assert run_check(project.root, strict=True, out=out) == 0
    assert out.getvalue().splitlines()[-3:-1] == [
        "0 errors, 6 warnings.",
        "6 of the warnings are in draft courts (draft: true): they are not built, and --strict does not count them."]
    assert run_build(project.root, project.root / "site", strict=True, log=io.StringIO()) == 0


def test_once_it_is_no_draft_the_facts_to_publish_are_errors(project):
    """...and only they: the pages that show those facts are not checked for this court until they are there."""
    project.write("content/faq/how-to-register.yaml", """\
        id: how-to-register
        topic: basics
        order: 1
        question: {en: How do I register?, es: ¿Cómo me inscribo?}
        answer:
          en: "[Log in to {{ court.odr.provider }}]({{ court.odr.url }})."
          es: "[Entre a {{ court.odr.provider }}]({{ court.odr.url }})."
        """)
    new_court(project)
    path = project.root / "content/courts/orange.yaml"
    filled = {key: value for key, value in FILLED.items() if key.strip() not in ("provider:", "url:", "cost:")}
    path.write_text(fill(path.read_text(encoding="utf-8"), filled).replace("draft: true", "draft: false"),
                    encoding="utf-8")
    assert problems(project) == [
        "content/courts/orange.yaml:48:12: odr.provider: expected a value to publish the court "
        "(or draft: true until it is known), found nothing",
        "content/courts/orange.yaml:51:7: odr.url: expected a value to publish the court "
        "(or draft: true until it is known), found nothing",
        "content/courts/orange.yaml:61:8: odr.cost: expected a value to publish the court "
        "(or draft: true until it is known), found nothing",
    ]


def test_once_filled_in_the_court_is_valid_and_built(project):
    new_court(project)
    path = project.root / "content/courts/orange.yaml"
    path.write_text(fill(path.read_text(encoding="utf-8"), FILLED).replace("draft: true", "draft: false"),
                    encoding="utf-8")
    assert problems(project) == []
    assert "orange" in load_content(project.root).courts


def test_every_key_of_the_model_is_written_after_its_meaning():
    text = court_template("orange", ["en", "es"])
    data = yaml.safe_load(text)
    assert list(data) == list(Court.model_fields)
    for name, info in Court.model_fields.items():
        assert _meaning_above(text, f"{name}:", indent="") == info.description, name
    odr = Court.model_fields["odr"].annotation
    assert list(data["odr"]) == list(odr.model_fields)
    for name, info in odr.model_fields.items():
        assert _meaning_above(text, f"{name}:", indent="  ") == info.description, name


def _meaning_above(text: str, key: str, indent: str) -> str:
    """The comment lines just above a key, before its "Required: ..." or "Optional: ..." line."""
    lines = text.splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith(indent + key))
    assert lines[index - 1].startswith((indent + "# Required", indent + "# Optional")), key
    comments = []
    index -= 1
    while index > 0 and lines[index - 1].startswith(indent + "# ") and not lines[index - 1].startswith(indent + "#  "):
        index -= 1
        comments.insert(0, lines[index][len(indent) + 2:])
        if comments[0][:1].isupper():
            break
    return " ".join(comments)


def test_optional_lists_show_an_example_item_with_every_key():
    text = court_template("orange", ["en", "es"])
    assert "fees: []\n# To add one, replace [] with items like this (without the #):\n# - id: <an id of" in text
    for key in ("amount", "label", "paid_by", "paid_to", "when", "one_time", "source"):
        assert f"\n#   {key}: <" in text, key


def test_a_draft_may_leave_the_publishing_facts_empty_and_is_not_built(project):
    new_court(project)
    path = project.root / "content/courts/orange.yaml"
    filled = {key: value for key, value in FILLED.items() if key.strip() not in ("provider:", "url:", "cost:")}
    path.write_text(fill(path.read_text(encoding="utf-8"), filled), encoding="utf-8")
    assert problems(project) == []
    content = load_content(project.root)
    assert list(content.draft_courts) == ["orange"] and "orange" not in content.courts
    log = io.StringIO()
    assert run_build(project.root, project.root / "site", log=log) == 0
    assert f"Built test-court into {project.root / 'site'}\n" in log.getvalue()
    assert not (project.root / "site/orange").exists()


def test_an_existing_profile_is_never_overwritten(project):
    before = (project.root / "content/courts/test-court.yaml").read_text(encoding="utf-8")
    assert new_court(project, "test-court") == (
        1, "content/courts/test-court.yaml: expected a new court id, found an existing profile. Nothing was written "
           "(edit that file, or choose another id).\n")
    assert (project.root / "content/courts/test-court.yaml").read_text(encoding="utf-8") == before


def test_a_bad_id_is_refused(project):
    assert new_court(project, "Orange County") == (
        1, 'court id: expected an id of lowercase letters, digits and hyphens (like "santa-clara"), '
           'found "Orange County"\n')
    assert not (project.root / "content/courts/Orange County.yaml").exists()


def test_santa_clara_is_a_draft_holding_only_the_known_facts():
    content = load_content(ROOT)
    court = content.draft_courts["santa-clara"]
    assert court.odr.provider is None and court.odr.url is None and court.odr.cost is None
    assert court.odr.deadlines is None and court.fees == []
    description = court.contacts[0].description.get("en")
    assert "at least 20 days before your hearing" in description
    assert "one plaintiff and one defendant" in description
    assert any("new hearing date" in step.get("en") for step in court.agreement.filing_checklist)
    text = (ROOT / "content/courts/santa-clara.yaml").read_text(encoding="utf-8")
    assert set(yaml.safe_load(text)) == set(Court.model_fields)

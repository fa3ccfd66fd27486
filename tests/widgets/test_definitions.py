import pytest
import yaml

from tests.widgets.helpers import ROOT
from widgets.case import DOCUMENT_FIELDS
from widgets.definitions import (
    COMPUTED_KEYS, FIELD_KEYS, FIELD_TYPES, OPTION_KEYS, STEP_KEYS, WORKSHEET_KEYS, DefinitionError, load_worksheet,
)

WORKSHEETS = ["plaintiff", "defendant"]


def load(name: str):
    return load_worksheet(yaml.safe_load((ROOT / "worksheets" / f"{name}.yaml").read_text(encoding="utf-8")))


def texts(worksheet):
    for step in worksheet.steps:
        yield step.title
        yield from [step.help] if step.help else []
        for node in list(step.fields) + list(step.computed):
            yield from _node_texts(node)


def _node_texts(node):
    yield node.label
    if node.help:
        yield node.help
    for option in getattr(node, "options", ()):
        yield option["label"]
    for message in (node.messages or {}).values():
        yield message
    for sub in getattr(node, "fields", ()):
        yield from _node_texts(sub)


@pytest.mark.parametrize("name", WORKSHEETS)
def test_worksheets_follow_the_seven_steps_after_the_case_step(name):
    worksheet = load(name)
    assert worksheet.id == name and worksheet.role == name
    assert [step.id for step in worksheet.steps] == ["case", "goal", "odr", "gather", "plan", "offer", "sample",
                                                     "make_offers"]
    assert [step.number for step in worksheet.steps] == [None, 1, 2, 3, 4, 5, 6, 7]


@pytest.mark.parametrize("name", WORKSHEETS)
def test_every_text_is_written_in_english_and_spanish(name):
    for text in texts(load(name)):
        assert isinstance(text, dict) and set(text) == {"en", "es"} and all(text.values()), text


@pytest.mark.parametrize("name", WORKSHEETS)
def test_the_fields_the_documents_use_exist_and_are_not_private(name):
    worksheet = load(name)
    for field_id, kind in DOCUMENT_FIELDS.items():
        field = worksheet.field(field_id)
        assert field is not None and not field.private, field_id
        for sub_id in kind if isinstance(kind, dict) else ():
            assert any(sub.id == sub_id and not sub.private for sub in field.fields), f"{field_id}.{sub_id}"


def test_the_worksheet_readme_names_every_field_the_documents_use():
    readme = (ROOT / "worksheets/README.md").read_text(encoding="utf-8")
    listed = readme.split("## Field ids the documents use")[1].split("##")[0]
    for field_id, kind in DOCUMENT_FIELDS.items():
        assert f"`{field_id}`" in listed, field_id
        for sub_id in kind if isinstance(kind, dict) else ():
            assert f"`{sub_id}`" in listed, f"{field_id}.{sub_id}"


@pytest.mark.parametrize("name", WORKSHEETS)
def test_planning_answers_are_private(name):
    worksheet = load(name)
    for field_id in ["walk_away", "acceptable_outcome", "best_outcome", "notes", "what_happened", "evidence",
                     "hearing_lost_wages"]:
        assert worksheet.field(field_id).private, field_id


def test_the_defendant_marks_each_claim_item_and_sees_what_can_be_paid():
    worksheet = load("defendant")
    items = worksheet.field("claim_items")
    assert [f.id for f in items.fields] == ["what", "amount", "position", "accepted_amount"]
    assert [o["id"] for o in items.fields[2].options] == ["agreed", "disputed", "partly"]
    assert worksheet.field("can_pay_now").private and worksheet.field("can_pay_per_month").private
    assert [c.id for c in worksheet.computed()] == ["claimed_total", "accepted_total", "disputed_total",
                                                    "hearing_cost_total"]


def test_every_problem_of_a_definition_is_reported_at_once():
    bad = {
        "id": "x", "role": "judge", "title": {"en": "X"}, "colour": "red",
        "steps": [{"id": "s", "title": {"en": "S"}, "fields": [
            {"id": "a", "type": "money", "lable": {"en": "A"}},
            {"id": "b", "type": "colour", "label": {"en": "B"}},
            {"id": "c", "type": "choice", "label": {"en": "C"}},
            {"id": "d", "type": "list", "label": {"en": "D"}},
            {"id": "a", "type": "text", "label": {"en": "A again"}},
        ]}],
    }
    with pytest.raises(DefinitionError) as raised:
        load_worksheet(bad)
    assert raised.value.problems == [
        "worksheet: unknown key 'colour'",
        "worksheet: role: expected plaintiff or defendant, found 'judge'",
        "steps[0].fields[0]: unknown key 'lable'",
        "steps[0].fields[0]: label is required",
        "steps[0].fields[1]: type: expected one of text, long_text, money, date, choice, yes_no, number, list, "
        "found 'colour'",
        "steps[0].fields[2]: a choice needs options or options_from",
        "steps[0].fields[3]: a list needs fields",
        "worksheet: the id 'a' is used twice",
    ]


def test_the_readme_documents_every_key_and_field_type():
    readme = (ROOT / "worksheets" / "README.md").read_text(encoding="utf-8")
    for table in (WORKSHEET_KEYS, STEP_KEYS, FIELD_KEYS, OPTION_KEYS, COMPUTED_KEYS, FIELD_TYPES):
        for key in table:
            assert f"| `{key}` |" in readme or f"`{key}`" in readme, key
    for kind in FIELD_TYPES:
        assert f"| `{kind}` |" in readme, kind
    for key in FIELD_KEYS:
        assert f"| `{key}` |" in readme, key


def test_show_if_and_computed_terms_must_name_known_fields():
    bad = {
        "id": "x", "role": "plaintiff", "title": {"en": "X"},
        "steps": [{"id": "s", "title": {"en": "S"},
                   "fields": [{"id": "a", "type": "money", "label": {"en": "A"}, "show_if": {"field": "nope", "equals": 1}},
                              {"id": "items", "type": "list", "label": {"en": "I"},
                               "fields": [{"id": "amount", "type": "money", "label": {"en": "M"}}]}],
                   "computed": [{"id": "t", "label": {"en": "T"}, "sum": ["a", "ghost", {"list": "items", "field": "cost"}]}]}],
    }
    with pytest.raises(DefinitionError) as raised:
        load_worksheet(bad)
    assert raised.value.problems == [
        "field a: show_if: expected {field: <a known field>, equals: <answer>}, found {'field': 'nope', 'equals': 1}",
        "computed t: unknown field in 'ghost'",
        "computed t: unknown field in {'list': 'items', 'field': 'cost'}",
    ]

"""Worksheet definitions (worksheets/*.yaml) checked by `build.py check`, each message asserted whole."""

import pytest

from odr.content import load_content
from odr.models.worksheet import FIELD_TYPES, KEYS_BY_TYPE, WorksheetField
from tests.conftest import ROOT

WORKSHEET = """\
id: plaintiff
role: plaintiff
title: {en: Plaintiff's worksheet, es: Hoja del demandante}
steps:
  - id: case
    title: {en: About your case, es: Sobre su caso}
    fields:
      - id: plan_kind
        type: choice
        label: {en: How is it paid, es: Cómo se paga}
        options:
          - {id: lump_sum, label: {en: All at once, es: De una vez}}
          - {id: instalments, label: {en: In payments, es: En pagos}}
      - id: claim_items
        type: list
        label: {en: Items, es: Partes}
        fields:
          - id: amount
            type: money
            label: {en: Amount, es: Cantidad}
            min: "0.01"
      - id: start_date
        type: date
        label: {en: First payment, es: Primer pago}
        show_if: {field: plan_kind, equals: instalments}
        min: today
    computed:
      - id: claim_total
        label: {en: Total, es: Total}
        sum: [{list: claim_items, field: amount}]
"""


def messages(project, text: str, name: str = "plaintiff") -> list[str]:
    project.write(f"worksheets/{name}.yaml", text)
    return project.messages()


def test_a_valid_worksheet_is_read_into_the_content(project):
    assert messages(project, WORKSHEET) == []
    worksheet = load_content(project.root).worksheets["plaintiff"]
    assert worksheet.role == "plaintiff"
    assert [field.id for field in worksheet.all_fields()] == ["plan_kind", "claim_items", "start_date"]
    assert worksheet.source_file.path == "worksheets/plaintiff.yaml"


def test_the_real_worksheets_are_valid():
    content = load_content(ROOT)
    assert sorted(content.worksheets) == ["defendant", "plaintiff"]


def test_unknown_field_type(project):
    assert messages(project, WORKSHEET.replace("type: date", "type: colour")) == [
        "worksheets/plaintiff.yaml:23:15: steps[0].fields[2].type: expected 'text', 'long_text', 'money', 'date', "
        "'choice', 'yes_no', 'number' or 'list', found \"colour\""]


def test_unknown_key_with_did_you_mean(project):
    assert messages(project, WORKSHEET.replace("        min: today", "        mni: today")) == [
        "worksheets/plaintiff.yaml:26:9: steps[0].fields[2].mni: expected one of the known keys (advice, autocomplete, "
        "default, fields, help, id, inputmode, item_label, label, max, max_items, max_length, messages, min, "
        'min_items, multiple, options, options_from, private, required, show_if, type), found unknown key "mni" '
        '(did you mean "min"?)']


def test_a_key_that_the_field_type_does_not_take(project):
    text = WORKSHEET.replace('            min: "0.01"', '            min: "0.01"\n            max_length: 20')
    assert messages(project, text) == [
        "worksheets/plaintiff.yaml:22:13: steps[0].fields[1].fields[0].max_length: expected max_length only on "
        "a text or long_text field, found it on a money field"]


def test_a_choice_needs_options(project):
    text = WORKSHEET.replace("""        options:
          - {id: lump_sum, label: {en: All at once, es: De una vez}}
          - {id: instalments, label: {en: In payments, es: En pagos}}
""", "")
    assert messages(project, text) == [
        "worksheets/plaintiff.yaml:9:15: steps[0].fields[0].type: expected options or options_from on a choice "
        "field, found neither"]


def test_show_if_names_a_missing_field_and_an_unknown_option(project):
    assert messages(project, WORKSHEET.replace("field: plan_kind", "field: plan_knd")) == [
        'worksheets/plaintiff.yaml:25:26: steps[0].fields[2].show_if.field: expected the id of a field, found '
        '"plan_knd", which does not exist (did you mean "plan_kind"?)']
    assert messages(project, WORKSHEET.replace("equals: instalments", "equals: instalment")) == [
        'worksheets/plaintiff.yaml:25:45: steps[0].fields[2].show_if.equals: expected an option of "plan_kind" '
        '(lump_sum, instalments), found "instalment" (did you mean "instalments"?)']


def test_bounds_fit_the_field_type(project):
    text = WORKSHEET.replace('min: "0.01"', "min: today").replace("min: today\n    computed",
                                                                  "min: {field: lump_sum_date}\n    computed")
    assert messages(project, text) == [
        "worksheets/plaintiff.yaml:21:18: steps[0].fields[1].fields[0].min: expected today only on a date field, "
        "found it on a money field",
        'worksheets/plaintiff.yaml:26:22: steps[0].fields[2].min.field: expected the id of a field or computed '
        'value, found "lump_sum_date", which does not exist']


def test_each_advice_names_one_check_of_the_right_kind(project):
    text = WORKSHEET.replace("        min: today\n", """        min: today
        advice:
          - below: today
            above: {field: plan_kind}
            message: {en: Both, es: Ambas}
          - not_a_court_day: true
            message: {en: Weekend, es: Fin de semana}
          - above: {field: lump_sum_date}
            message: {en: Late, es: Tarde}
""").replace('min: "0.01"', 'min: "0.01"\n            advice: [{not_a_court_day: true, message: {en: Odd, es: Raro}}]')
    assert messages(project, text) == [
        "worksheets/plaintiff.yaml:22:23: steps[0].fields[1].fields[0].advice[0].not_a_court_day: expected "
        "not_a_court_day only on a date field, found it on a money field",
        "worksheets/plaintiff.yaml:29:13: steps[0].fields[2].advice[0]: expected one of below, above or "
        "not_a_court_day, found below and above",
        'worksheets/plaintiff.yaml:34:28: steps[0].fields[2].advice[2].above.field: expected the id of a field or '
        'computed value, found "lump_sum_date", which does not exist']


def test_a_fixed_bound_must_read_as_the_field_type(project):
    assert messages(project, WORKSHEET.replace('min: "0.01"', 'min: "a cent"')) == [
        'worksheets/plaintiff.yaml:21:18: steps[0].fields[1].fields[0].min: expected an amount in dollars like '
        '"0.01", found "a cent"']


def test_computed_sums_name_money_fields(project):
    text = WORKSHEET.replace("sum: [{list: claim_items, field: amount}]",
                             "sum: [{list: claim_items, field: amont}, plan_kind, total]")
    assert messages(project, text) == [
        'worksheets/plaintiff.yaml:30:42: steps[0].computed[0].sum[0].field: expected a money field of each '
        '"claim_items" item (amount), found "amont" (did you mean "amount"?)',
        'worksheets/plaintiff.yaml:30:50: steps[0].computed[0].sum[1]: expected a money field or an earlier '
        'computed value, found "plan_kind", a choice field',
        'worksheets/plaintiff.yaml:30:61: steps[0].computed[0].sum[2]: expected the id of a money field or an '
        'earlier computed value, found "total", which does not exist']


def test_a_sum_term_of_the_wrong_shape(project):
    text = WORKSHEET.replace("sum: [{list: claim_items, field: amount}]", "sum: [{list: claim_items, feld: amount}]")
    assert messages(project, text) == [
        'worksheets/plaintiff.yaml:30:15: steps[0].computed[0].sum[0]: expected the keys list, field and where, '
        'found unknown key "feld" (did you mean "field"?)']


def test_ids_are_unique(project):
    text = WORKSHEET.replace("      - id: start_date", "      - id: plan_kind")
    assert messages(project, text) == [
        'worksheets/plaintiff.yaml:22:13: steps[0].fields[2].id: expected a unique field or computed id, found '
        '"plan_kind", already used in worksheets/plaintiff.yaml:8:13',
        'worksheets/plaintiff.yaml:25:26: steps[0].fields[2].show_if.field: expected the id of another field, '
        'found "plan_kind", the field itself']


def test_message_codes_come_from_the_strings_catalog(project):
    text = WORKSHEET.replace("        min: today", "        min: today\n        messages:\n"
                                                   "          date_pas: {en: Too early., es: Muy pronto.}")
    assert messages(project, text) == [
        'worksheets/plaintiff.yaml:28:11: steps[0].fields[2].messages.date_pas: expected a message code of the '
        'strings catalog (worksheet.errors), found "date_pas" (did you mean "date_past"?)']


def test_the_id_is_the_file_name(project):
    assert messages(project, WORKSHEET, name="plaintif") == [
        'worksheets/plaintif.yaml:1:5: id: expected the file\'s name "plaintif" (answers files and pages find a '
        'worksheet by it), found "plaintiff"']


def test_a_missing_translation_is_a_warning(project):
    assert messages(project, WORKSHEET.replace("{en: Total, es: Total}", "Total")) == [
        'worksheets/plaintiff.yaml:29:16: warning: steps[0].computed[0].label: expected a translation in "es", '
        "found none"]


def test_every_key_limited_to_some_types_is_a_field_key():
    for key, types in KEYS_BY_TYPE.items():
        assert key in WorksheetField.model_fields, key
        assert set(types) <= set(FIELD_TYPES), key


@pytest.mark.parametrize("field_type", sorted(FIELD_TYPES))
def test_the_model_and_the_engine_know_the_same_field_types(field_type):
    from widgets.definitions import FIELD_TYPES as ENGINE_TYPES

    assert field_type in ENGINE_TYPES
    assert set(ENGINE_TYPES) == set(FIELD_TYPES)


def test_a_field_the_documents_read_is_of_their_kind_and_never_private(project):
    text = WORKSHEET.replace("        min: today", "        min: today\n        private: true")
    assert messages(project, text) == [
        'worksheets/plaintiff.yaml:27:9: steps[0].fields[2].private: expected "start_date" not to be private: '
        "the documents print it, found private: true"]
    text = WORKSHEET.replace("type: date", "type: text").replace("        min: today\n", "")
    assert messages(project, text) == [
        'worksheets/plaintiff.yaml:23:15: steps[0].fields[2].type: expected a date field for "start_date", which '
        "the documents read, found a text field"]


def test_a_list_the_documents_read_has_their_item_fields(project):
    text = WORKSHEET + """\
      - id: plaintiffs
        type: list
        label: {en: Plaintiffs, es: Demandantes}
        fields:
          - id: nam
            type: text
            label: {en: Name, es: Nombre}
          - id: address
            type: long_text
            label: {en: Address, es: Dirección}
            private: true
""".replace("      - id: plaintiffs", "  - id: parties\n    title: {en: Parties, es: Partes}\n    fields:\n      - id: plaintiffs")
    assert messages(project, text) == [
        'worksheets/plaintiff.yaml:37:9: steps[1].fields[0].fields: expected an item field "name" (a text or '
        'long_text), which the documents read, found none (did you mean "nam"?)',
        'worksheets/plaintiff.yaml:44:13: steps[1].fields[0].fields[1].private: expected "plaintiffs.address" not '
        "to be private: the documents print it, found private: true"]


def test_the_forms_of_payment_stay_a_multiple_choice(project):
    text = WORKSHEET.replace("    computed:\n", """\
      - id: payment_forms
        type: choice
        label: {en: Forms of payment, es: Formas de pago}
        options:
          - {id: check, label: {en: Check, es: Cheque}}
    computed:
""")
    assert messages(project, text) == [
        'worksheets/plaintiff.yaml:28:15: steps[0].fields[3].type: expected a multiple choice field for '
        '"payment_forms", which the documents read, found a choice field without multiple: true']
    assert messages(project, text.replace("        options:\n", "        multiple: true\n        options:\n")) == []

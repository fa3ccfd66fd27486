"""`build.py check`: one test per kind of error, each message asserted whole."""

import io

import pytest

from odr.check import run_check

QUESTION = 'question: {en: "What is ODR?", es: "¿Qué es la ODR?"}'
GOOD_FAQ = """\
id: what-is-odr
topic: basics
order: 1
question: {en: "What is ODR?", es: "¿Qué es la ODR?"}
answer:
  en: |
    ODR is run by {{ court.odr.provider }}.
  es: |
    La ODR la maneja {{ court.odr.provider }}.
see_also:
  tutorials: [negotiate]
"""


def test_valid_project_has_no_problems(project):
    project.write("content/faq/what-is-odr.yaml", GOOD_FAQ)
    assert project.messages() == []


def test_yaml_syntax_error(project):
    project.write("content/faq/broken.yaml", "id: broken\nquestion: [unclosed\n")
    assert project.messages() == [
        "content/faq/broken.yaml:2:11: expected a ] to close the list opened by this [, found the end of the file "
        "on line 3"]


def test_wrong_type(project):
    project.write("content/faq/what-is-odr.yaml", GOOD_FAQ.replace("order: 1", "order: [1, 2]"))
    assert project.messages() == [
        "content/faq/what-is-odr.yaml:3:8: order: expected a whole number, found a list"]


def test_text_given_as_a_list(project):
    project.write("content/faq/what-is-odr.yaml",
                  GOOD_FAQ.replace(QUESTION, "question: [a, b]"))
    assert project.messages() == [
        "content/faq/what-is-odr.yaml:4:11: question: expected text or {en: ..., es: ...}, found a list"]


def test_missing_required_field(project):
    project.write("content/faq/what-is-odr.yaml", GOOD_FAQ.replace("topic: basics\n", ""))
    assert project.messages() == [
        "content/faq/what-is-odr.yaml:1:1: topic: expected a value (this field is required), found nothing"]


def test_unknown_key_with_did_you_mean(project):
    project.write("content/faq/what-is-odr.yaml", GOOD_FAQ.replace("question:", "questoin:"))
    assert project.messages() == [
        "content/faq/what-is-odr.yaml:1:1: question: expected a value (this field is required), found nothing",
        "content/faq/what-is-odr.yaml:4:1: questoin: expected one of the known keys (answer, audience, id, order, "
        'question, see_also, show_if, topic), found unknown key "questoin" (did you mean "question"?)',
    ]


def test_duplicate_id(project):
    project.write("content/faq/what-is-odr.yaml", GOOD_FAQ)
    project.write("content/faq/what-is-odr-again.yaml", GOOD_FAQ)
    assert project.messages() == [
        'content/faq/what-is-odr-again.yaml:1:5: id: expected the file\'s name, "what-is-odr-again", as its id '
        '(it is the page\'s address), found "what-is-odr"']


def test_a_misspelt_id_is_one_error_not_one_in_each_file_that_names_the_page(project):
    project.write("content/faq/what-is-odr.yaml", GOOD_FAQ.replace("id: what-is-odr", "id: what-is-odx"))
    project.write("content/faq/who-runs-odr.yaml", GOOD_FAQ.replace("id: what-is-odr", "id: who-runs-odr")
                  .replace("tutorials: [negotiate]", "faq: [what-is-odr]")
                  .replace("run by {{ court.odr.provider }}.", "run by [the court](what-is-odr.md)."))
    assert project.messages() == [
        'content/faq/what-is-odr.yaml:1:5: id: expected the file\'s name, "what-is-odr", as its id '
        '(it is the page\'s address), found "what-is-odx"']


@pytest.mark.parametrize("path, message", [
    ("content/faq/can-i-bring-a-friend.yml",
     'expected a file name ending in ".yaml" (this file is not read), found ".yml"'),
    ("content/faq/new/can-i-bring-a-friend.yaml",
     'expected the file directly in content/faq/ (files in its subfolders are not read), found it in "new"'),
])
def test_a_file_the_build_would_not_read_is_an_error(project, path, message):
    project.write(path, GOOD_FAQ.replace("what-is-odr", "can-i-bring-a-friend"))
    assert project.messages() == [f"{path}:0:0: {message}"]


def test_faq_pointing_at_a_missing_tutorial(project):
    project.write("content/faq/what-is-odr.yaml", GOOD_FAQ.replace("[negotiate]", "[negotiat]"))
    assert project.messages() == [
        'content/faq/what-is-odr.yaml:11:15: see_also.tutorials[0]: expected the id of a tutorial, '
        'found "negotiat", which does not exist (did you mean "negotiate"?)']


def test_court_naming_a_missing_tutorial(project):
    court = (project.root / "content/courts/test-court.yaml").read_text()
    project.write("content/courts/test-court.yaml",
                  court + "tutorial_videos:\n  negotiation: https://video.example.org/1\n")
    assert project.messages() == [
        'content/courts/test-court.yaml:19:3: tutorial_videos.negotiation: expected the id of a tutorial, '
        'found "negotiation", which does not exist (did you mean "negotiate"?)']


def test_unknown_court_variable_in_an_answer(project):
    project.write("content/faq/what-is-odr.yaml", GOOD_FAQ.replace(
        "    La ODR la maneja {{ court.odr.provider }}.",
        "    La ODR la maneja\n    {{ court.odr.provdier }}."))
    assert project.messages() == [
        'content/faq/what-is-odr.yaml:10:5: answer.es: expected variables that exist for every court, '
        'found "court.odr.provdier", which does not exist (did you mean "provider"?) (court test-court)']


def test_every_unknown_variable_of_an_answer_is_reported_in_one_check(project):
    project.write("content/faq/what-is-odr.yaml", GOOD_FAQ.replace(
        "    ODR is run by {{ court.odr.provider }}.",
        "    ODR is run by {{ court.odr.provdier }}.\n\n"
        "    {% if court.odr.cots %}It costs {{ court.odr.cost }}.{% endif %} Call {{ court.phnoe }}."))
    assert project.messages() == [
        'content/faq/what-is-odr.yaml:7:5: answer.en: expected variables that exist for every court, '
        'found "court.odr.provdier", which does not exist (did you mean "provider"?) (court test-court)',
        'content/faq/what-is-odr.yaml:9:5: answer.en: expected variables that exist for every court, '
        'found "court.odr.cots", which does not exist (did you mean "cost"?) (court test-court)',
        'content/faq/what-is-odr.yaml:9:5: answer.en: expected variables that exist for every court, '
        'found "court.phnoe", which does not exist (court test-court)',
    ]


def test_missing_translation_is_a_warning(project):
    project.write("content/faq/what-is-odr.yaml",
                  GOOD_FAQ.replace(QUESTION, "question: What is ODR?"))
    assert project.messages() == [
        'content/faq/what-is-odr.yaml:4:11: warning: question: expected a translation in "es", found none']


def test_every_error_is_reported_at_once(project):
    project.write("content/faq/a.yaml", "id: a\nquestion: [unclosed\n")
    project.write("content/faq/b.yaml", GOOD_FAQ.replace("order: 1", "order: many"))
    project.write("content/faq/c.yaml", GOOD_FAQ.replace("id: what-is-odr", "id: c").replace("topic: basics\n", ""))
    assert len(project.messages()) == 3


def test_run_check_exit_codes_and_summary(project):
    project.write("content/faq/what-is-odr.yaml", GOOD_FAQ)
    out = io.StringIO()
    assert run_check(project.root, out=out) == 0
    assert out.getvalue() == ("All content is valid.\nLinks to other websites are not opened by check; to list them "
                              "with where each is written, run: python build.py links\n")
    project.write("content/faq/what-is-odr.yaml", GOOD_FAQ.replace(QUESTION, "question: What is ODR?"))
    assert run_check(project.root, out=io.StringIO()) == 0
    out = io.StringIO()
    assert run_check(project.root, strict=True, out=out) == 1
    assert out.getvalue().splitlines()[-3:-1] == [
        "0 errors, 1 warning.", "With --strict, warnings count as errors: the check failed."]
    project.write("content/faq/what-is-odr.yaml", "id: [\n")
    out = io.StringIO()
    assert run_check(project.root, out=out) == 1
    assert out.getvalue().endswith("1 error, 0 warnings.\n")


def test_an_error_in_the_settings_says_what_was_not_checked(project):
    settings = (project.root / "content/settings.yaml").read_text(encoding="utf-8")
    project.write("content/settings.yaml", settings.replace("  source: \"Judicial", "  sourc: \"Judicial"))
    out = io.StringIO()
    assert run_check(project.root, out=out) == 1
    assert out.getvalue().splitlines()[-2:] == [
        "2 errors, 0 warnings.",
        "The texts, pages and links were not checked: they need content/settings.yaml without errors. "
        "Fix it, then run check again."]


def test_errors_are_listed_before_warnings(project):
    project.write("content/faq/a-first.yaml", GOOD_FAQ.replace("id: what-is-odr", "id: a-first")
                  .replace(QUESTION, "question: What is ODR?"))  # a warning: no Spanish question
    project.write("content/faq/what-is-odr.yaml", GOOD_FAQ.replace("order: 1", "order: many"))
    out = io.StringIO()
    assert run_check(project.root, out=out) == 1
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("content/faq/what-is-odr.yaml:") and "warning:" not in lines[0]
    assert lines[1].startswith("content/faq/a-first.yaml:") and "warning:" in lines[1]


def test_checks_across_files_run_on_the_files_that_validated(project):
    project.write("content/faq/what-is-odr.yaml", GOOD_FAQ.replace("order: 1", "order: many")
                  .replace("[negotiate]", "[negotiat]"))
    project.write("content/faq/who-runs-odr.yaml", GOOD_FAQ.replace("id: what-is-odr", "id: who-runs-odr")
                  .replace("[negotiate]", "[negotiat]\n  faq: [what-is-odr]")
                  .replace("ODR is run by", "ODR is run by [us](what-is-odr.md) and"))
    assert project.messages() == [
        'content/faq/what-is-odr.yaml:3:8: order: expected a whole number, found "many"',
        'content/faq/who-runs-odr.yaml:11:15: see_also.tutorials[0]: expected the id of a tutorial, '
        'found "negotiat", which does not exist (did you mean "negotiate"?)',
    ]


def test_a_text_that_cannot_be_rendered_does_not_hide_other_problems(project):
    project.write("content/faq/what-is-odr.yaml", GOOD_FAQ.replace("{{ court.odr.provider }}.\n  es",
                                                                   "{{ court.odr.provdier }}.\n  es"))
    project.write("content/faq/who-runs-odr.yaml", GOOD_FAQ.replace("id: what-is-odr", "id: who-runs-odr")
                  .replace("ODR is run by", "ODR is run by [us](what-is-od.md) and"))
    assert project.messages() == [
        'content/faq/what-is-odr.yaml:7:5: answer.en: expected variables that exist for every court, '
        'found "court.odr.provdier", which does not exist (did you mean "provider"?) (court test-court)',
        'content/faq/who-runs-odr.yaml:7:24: answer.en: expected a link to a page or file of the site, '
        'found "what-is-od.md", which does not exist (did you mean "what-is-odr.md"?)',
    ]


def test_an_unknown_language_is_reported_at_its_key(project):
    project.write("content/faq/what-is-odr.yaml", GOOD_FAQ.replace(
        QUESTION, 'question:\n  en: "What is ODR?"\n  es: "¿Qué es la ODR?"\n  fr: "Qu\'est-ce que l\'ODR ?"'))
    assert project.messages() == [
        'content/faq/what-is-odr.yaml:7:3: question.fr: expected languages among en, es, found "fr"']


def test_a_template_error_is_reported_once_naming_the_courts(project):
    from tests.conftest import MINIMAL_COURT

    project.write("content/courts/other-court.yaml", MINIMAL_COURT.replace("test-court", "other-court"))
    project.write("content/faq/what-is-odr.yaml", GOOD_FAQ.replace("odr.provider }}.\n  es", "odr.provdier }}.\n  es"))
    assert project.messages() == [
        'content/faq/what-is-odr.yaml:7:5: answer.en: expected variables that exist for every court, '
        'found "court.odr.provdier", which does not exist (did you mean "provider"?) (courts other-court, test-court)']


def test_an_unknown_form_id_names_the_known_ones(project):
    project.write("content/faq/what-is-odr.yaml", GOOD_FAQ.replace(
        "ODR is run by {{ court.odr.provider }}.", 'Use form {{ settings.form("CIV-111").id }}.'))
    assert project.messages() == [
        'content/faq/what-is-odr.yaml:7:5: answer.en: expected a form id among CIV-110, CIV-120, SC-100, SC-104, '
        'SC-120, SC-130, SC-150, SC-220, EJ-165, FW-001, found "CIV-111" (did you mean "CIV-110"?)']


def test_an_unknown_fee_id_names_the_courts_it_is_missing_for(project):
    from tests.conftest import MINIMAL_COURT

    project.write("content/courts/other-court.yaml", MINIMAL_COURT.replace("test-court", "other-court") + """\
fees:
  - {id: odr-registration, label: {en: Registration, es: Inscripción}, amount: "27.00", paid_by: plaintiff,
     paid_to: {en: the court, es: la corte}, when: {en: first, es: primero}, source: "test"}
""")
    project.write("content/faq/what-is-odr.yaml", GOOD_FAQ.replace(
        "ODR is run by {{ court.odr.provider }}.", 'It costs {{ court.fee("odr-registraton").amount | money }}.'))
    assert project.messages() == [
        'content/faq/what-is-odr.yaml:7:5: answer.en: expected a fee id of this court among none, '
        'found "odr-registraton" (court test-court)',
        'content/faq/what-is-odr.yaml:7:5: answer.en: expected a fee id of this court among odr-registration, '
        'found "odr-registraton" (did you mean "odr-registration"?) (court other-court)']


@pytest.mark.parametrize("written, message", [
    ('{{ court.odr.cost | money }}', 'expected an amount for "money", found "free"'),
    ('{{ court.odr }}', 'expected a value to show, found "court.odr", which holds several values '
                        '(write one of them, such as court.odr.provider)'),
    ('{{ court.fees }}', 'expected a value to show, found a list (show each item with {% for item in ... %})'),
    ('{{ court.fee }}', 'expected a value to show, found a lookup without its id (write it like court.fee("id"))'),
    ('{{ court.fee() }}', "expected a valid template, found this error while filling it in: "
                          "Court.fee() missing 1 required positional argument: 'fee_id'"),
    ('{% include "other.md" %}', "expected a valid template, found this error while filling it in: "
                                 "no loader for this environment specified"),
    ('{% for r in court.resources("rental-dbt") %}{{ r.label }}{% endfor %}',
     'expected a help group (site.help_groups) among case, rental-debt, found "rental-dbt" '
     '(did you mean "rental-debt"?)'),
])
def test_a_text_that_cannot_be_filled_in_is_an_error_with_its_line_not_a_crash(project, written, message):
    project.write("content/faq/what-is-odr.yaml", GOOD_FAQ.replace("ODR is run by {{ court.odr.provider }}.", written))
    assert project.messages() == [f"content/faq/what-is-odr.yaml:7:5: answer.en: {message}"]


def test_a_misspelt_help_group_in_show_if_is_an_error_not_a_page_hidden_everywhere(project):
    project.write("content/faq/what-is-odr.yaml", GOOD_FAQ.replace(
        "order: 1\n", 'order: 1\nshow_if: court.resources("rental-dbt")\n'))
    assert project.messages() == [
        'content/faq/what-is-odr.yaml:4:10: show_if: expected a help group (site.help_groups) among case, '
        'rental-debt, found "rental-dbt" (did you mean "rental-debt"?)']


def test_values_a_court_cannot_have(project):
    from tests.conftest import MINIMAL_COURT

    project.write("content/courts/test-court.yaml", MINIMAL_COURT.replace(
        "register_within_calendar_days: 5", "register_within_calendar_days: -5").replace(
        "settle_court_days_before_hearing: 2", "settle_court_days_before_hearing: 0"))
    assert project.messages() == [
        "content/courts/test-court.yaml:11:36: odr.deadlines.register_within_calendar_days: expected a number of "
        "at least 1, found the number -5",
        "content/courts/test-court.yaml:12:39: odr.deadlines.settle_court_days_before_hearing: expected a number of "
        "at least 1, found the number 0",
    ]
    project.write("content/courts/test-court.yaml", MINIMAL_COURT + """\
contacts:
  - {id: clerk, label: Clerk, email: clerk at sjcourts}
""")
    assert project.messages() == [
        'content/courts/test-court.yaml:19:38: contacts[0].email: expected an email address like clerk@example.org, '
        'found "clerk at sjcourts"']


def test_an_id_used_twice_in_a_list(project):
    from tests.conftest import MINIMAL_COURT

    project.write("content/courts/test-court.yaml", MINIMAL_COURT + """\
contacts:
  - {id: clerk, label: Clerk, email: clerk@sjcourts.org}
  - {id: clerk, label: Clerk}
help_resources:
  - {id: notice, group: case, label: Notice, url: https://example.org/a}
  - {id: notice, group: case, label: Notice, url: https://example.org/b}
fees:
  - {id: odr, amount: "27.00", label: Fee, paid_by: plaintiff, paid_to: court, when: first, source: s}
  - {id: odr, amount: "30.00", label: Fee, paid_by: plaintiff, paid_to: court, when: first, source: s}
""")
    settings = (project.root / "content/settings.yaml").read_text(encoding="utf-8")
    project.write("content/settings.yaml", settings.replace("  - id: CIV-120", "  - id: CIV-110"))
    assert [message for message in project.messages() if "warning:" not in message] == [
        'content/courts/test-court.yaml:20:10: contacts[1].id: expected an id used once in contacts, found "clerk" '
        "again (first on line 19)",
        'content/courts/test-court.yaml:23:10: help_resources[1].id: expected an id used once in help_resources, '
        'found "notice" again (first on line 22)',
        'content/courts/test-court.yaml:26:10: fees[1].id: expected an id used once in fees, found "odr" again '
        "(first on line 25)",
        'content/settings.yaml:46:9: forms[1].id: expected an id used once in forms, found "CIV-110" again '
        "(first on line 41)",
    ]


def test_an_amount_in_the_cost_text_is_an_error(project):
    from tests.conftest import MINIMAL_COURT

    project.write("content/courts/test-court.yaml", MINIMAL_COURT.replace(
        "cost: {en: free, es: gratis}", "cost: {en: a one-time $27.00 fee, es: una cuota de 27 dólares}"))
    assert project.messages() == [
        'content/courts/test-court.yaml:9:14: odr.cost.en: expected words without an amount (the amount is in fees '
        'and shown from there), like "a one-time registration fee", found "a one-time $27.00 fee"',
        'content/courts/test-court.yaml:9:41: odr.cost.es: expected words without an amount (the amount is in fees '
        'and shown from there), like "a one-time registration fee", found "una cuota de 27 dólares"',
    ]


def test_a_file_that_is_not_utf8_says_how_to_fix_it(project):
    project.write("content/faq/what-is-odr.yaml", GOOD_FAQ)
    (project.root / "content/faq/what-is-odr.yaml").write_bytes(GOOD_FAQ.encode("latin-1", errors="replace"))
    assert project.messages() == [
        "content/faq/what-is-odr.yaml:4:37: expected a UTF-8 text file (save it as UTF-8 in your editor), "
        "found a character written another way (byte 0xbf)"]


def test_a_word_yaml_reads_as_yes_or_no_gets_a_hint_to_quote_it(project):
    project.write("content/faq/what-is-odr.yaml", GOOD_FAQ.replace('question: {en: "What is ODR?", es: "¿Qué es la ODR?"}',
                                                                   "question: off"))
    assert project.messages() == [
        "content/faq/what-is-odr.yaml:4:11: question: expected text or {en: ..., es: ...}, found false "
        '(yes/no: to write the word yes, no, on or off, put it in quotes, like "off")']


def test_a_language_code_and_a_search_language_must_be_ones_the_site_can_use(project):
    site = (project.root / "content/site.yaml").read_text(encoding="utf-8")
    project.write("content/site.yaml", site.replace("code: es", "code: ES").replace("search: es", "search: vn"))
    found = project.messages()
    assert 'content/site.yaml:10:11: languages[1].code: expected a language code in small letters, like "es" or "vi", found "ES"' in found
    assert any(message.startswith("content/site.yaml:12:13: languages[1].search: expected a language Material's "
                                  "search knows, one of ar, da, de,") and message.endswith('found "vn"')
               for message in found)


def test_a_template_error_in_english_shown_for_another_language_is_reported_once(project):
    project.write("content/faq/what-is-odr.yaml", GOOD_FAQ.replace("ODR is run by {{ court.odr.provider }}.",
                                                                   "{{ court.odr.provdier }}")
                  .replace("  es: |\n    La ODR la maneja {{ court.odr.provider }}.\n", ""))
    found = [message for message in project.messages() if "provdier" in message]
    assert found == ['content/faq/what-is-odr.yaml:7:5: answer.en: expected variables that exist for every court, '
                     'found "court.odr.provdier", which does not exist (did you mean "provider"?) (court test-court)']


@pytest.mark.parametrize("written, found", [
    ('"(209) 992-57O1"', '"(209) 992-57O1"'),  # a letter O for a zero
    ('"call the clerk"', '"call the clerk"'),
    ("2099925701", "the number 2099925701"),  # without quotes, YAML reads a number
])
def test_a_phone_number_is_digits_a_person_can_dial(project, written, found):
    court = (project.root / "content/courts/test-court.yaml").read_text(encoding="utf-8")
    project.write("content/courts/test-court.yaml",
                  court + f"contacts:\n  - id: clerk\n    label: Clerk\n    phone: {written}\n")
    line = len(court.splitlines()) + 4
    assert project.messages() == [
        f"content/courts/test-court.yaml:{line}:12: contacts[0].phone: expected a phone number in quotes, "
        f'written with digits, like "(209) 992-5701", found {found}']


@pytest.mark.parametrize("written, message", [
    ("{% if court.fees %}A fee.", "expected {% endif %} to close the {% if %} before it, found the end of the text"),
    ("{% for f in court.fees %}{% if f %}x{% endfor %}",
     "expected {% endif %} to close the {% if %} before it, found {% endfor %}"),
    ("{{ court.odr.provider", "expected }} to close the {{ before it, found the end of the text"),
    ("{{ court.odr.provider }", "expected }} (two braces) to close {{, found one }"),
    ("{% iff court.fees %}x{% endif %}",
     'expected one of the tags if, elif, else, endif, for, endfor, found {% iff %} (did you mean "if"?)'),
    ("{{ 5 | mony }}", 'expected a known filter after |, such as money, found "mony" (did you mean "money"?)'),
    ("{{ #court }}", 'expected a name such as court.odr.provider inside {{ }} or {% %}, found "#"'),
])
def test_a_text_that_cannot_be_read_as_a_template_says_what_to_write(project, written, message):
    project.write("content/faq/what-is-odr.yaml", GOOD_FAQ.replace("ODR is run by {{ court.odr.provider }}.", written))
    assert project.messages() == [f"content/faq/what-is-odr.yaml:7:5: answer.en: {message}"]


def test_an_empty_english_text_is_an_error(project):
    project.write("content/faq/what-is-odr.yaml", GOOD_FAQ.replace(
        """answer:
  en: |
    ODR is run by {{ court.odr.provider }}.
  es: |
    La ODR la maneja {{ court.odr.provider }}.
""", 'answer: {en: "", es: ""}\n'))
    assert project.messages() == [
        "content/faq/what-is-odr.yaml:5:9: answer: expected English text (en: ...), found nothing"]


def test_a_tutorial_has_at_least_one_step(project):
    from tests.conftest import MINIMAL_TUTORIAL

    text = MINIMAL_TUTORIAL[:MINIMAL_TUTORIAL.index("steps:")] + "steps: []\n"
    project.write("content/tutorials/negotiate.yaml", text)
    assert project.messages() == [
        "content/tutorials/negotiate.yaml:5:8: steps: expected at least 1 item(s), found an empty list"]

"""Every rule, with its message word for word, tied to its field."""

import pytest

from tests.widgets.helpers import TODAY, defendant_file, plaintiff_file, spec_for, with_answers
from widgets.api import evaluate
from widgets.definitions import load_worksheet
from widgets.validate import depends_on


def errors(file: dict, language: str | None = None) -> dict:
    spec = spec_for(file)
    if language:
        spec["language"] = language
    return evaluate(spec, file, TODAY)["errors"]


def plaintiff(**changes) -> dict:
    return errors(with_answers(plaintiff_file(), **changes))


def claim(amount: str) -> list:
    return [{"what": "Fence", "amount": amount}]


@pytest.mark.parametrize("amount, message", [
    ("-5", "The amount must be more than $0.00."),  # not "cannot be less than $0.00": 0 is not allowed either
    ("0", "The amount must be more than $0.00."),
    ("0.00", "The amount must be more than $0.00."),
    ("12.345", "Use no more than 2 numbers after the decimal point, like 1250.50."),
    ("twelve", "Enter an amount in dollars, like 1250.50."),
    ("$$5", "Enter an amount in dollars, like 1250.50."),
    ("\u0661\u0660\u0660\u0660", "Enter an amount in dollars, like 1250.50."),
])
def test_bad_amounts(amount, message):
    assert plaintiff(claim_items=claim(amount))["claim_items[0].amount"] == message


def test_an_amount_with_a_dollar_sign_and_commas_is_fine():
    assert "claim_items[0].amount" not in plaintiff(claim_items=claim("$1,200.00"))


def test_a_claim_over_the_limit_for_a_person():
    assert plaintiff(claim_items=claim("12500.01"))["claim_total"] == (
        "This is more than the small claims limit of $12,500.00 for a person (Code of Civil Procedure § 116.221).")
    assert "claim_total" not in plaintiff(claim_items=claim("12500.00"))


def test_a_claim_over_the_limit_for_a_business():
    found = plaintiff(plaintiff_type="business", claim_items=claim("6250.01"))
    assert found["claim_total"] == (
        "This is more than the small claims limit of $6,250.00 for a business (Code of Civil Procedure § 116.220(a)).")


def test_the_limit_comes_from_the_settings():
    file = with_answers(plaintiff_file(), claim_items=claim("7000.00"))
    spec = spec_for(file)
    spec["settings"]["claim_limits"]["natural_person"] = {"amount": "5000.00", "source": "test law"}
    assert evaluate(spec, file, TODAY)["errors"]["claim_total"] == (
        "This is more than the small claims limit of $5,000.00 for a person (test law).")


def test_an_offer_above_the_claim():
    assert plaintiff(offer_amount="1285.51")["offer_amount"] == (
        "This is more than “Total of your claim” ($1,285.50). Please check both amounts.")


def test_planning_amounts_in_order():
    assert plaintiff(walk_away="1100.00")["walk_away"] == (
        "This is more than “A result you could accept” ($1,000.00). Please check both amounts.")


def test_a_start_date_in_the_past():
    assert plaintiff(start_date="2026-11-21")["start_date"] == (
        "This date has already passed. Choose today or a later date.")
    assert "start_date" not in plaintiff(start_date="2026-11-22")


def test_a_start_date_after_the_hearing():
    assert plaintiff(start_date="2027-04-02")["start_date"] == (
        "This date is after “Hearing date” (April 1, 2027). Choose an earlier date.")


def test_a_lump_sum_date_in_the_past_or_after_the_hearing():
    found = plaintiff(plan_kind="lump_sum", lump_sum_date="2026-01-01")
    assert found["lump_sum_date"] == "This date has already passed. Choose today or a later date."
    found = plaintiff(plan_kind="lump_sum", lump_sum_date="2027-05-01")
    assert found["lump_sum_date"] == "This date is after “Hearing date” (April 1, 2027). Choose an earlier date."


def test_a_notice_date_in_the_future_or_a_hearing_date_already_passed():
    assert plaintiff(notice_date="2026-11-23")["notice_date"] == (
        "This date is in the future. Choose today or an earlier date.")
    assert plaintiff(hearing_date="2026-11-21")["hearing_date"] == (
        "This date has already passed. Choose today or a later date.")
    assert "hearing_date" not in plaintiff(hearing_date="2026-11-22")  # a hearing today


@pytest.mark.parametrize("typed", ["2027-02-30", "31/01/2027", "tomorrow", "2027-1-31",
                                   "\u0662\u0660\u0662\u0667-\u0660\u0661-\u0663\u0661"])
def test_a_date_that_is_not_a_date(typed):
    assert plaintiff(start_date=typed)["start_date"] == "Enter a real date: check the day, the month and the year."


@pytest.mark.parametrize("field, typed", [
    ("hearing_date", "0001-01-01"), ("hearing_date", "1999-12-31"), ("hearing_date", "2101-01-01"),
    ("hearing_date", "9999-12-31"), ("notice_date", "1900-01-01"), ("start_date", "9999-12-31"),
])
def test_a_date_far_in_the_past_or_future(field, typed):
    assert plaintiff(**{field: typed})[field] == "Enter a date from the year 2000 to the year 2100, like 2027-01-31."


def test_the_first_and_last_dates_allowed():
    assert plaintiff(notice_date="2000-01-01", hearing_date="2100-12-31") == {}


def test_a_date_far_in_the_future_in_spanish():
    file = with_answers(plaintiff_file(), hearing_date="2101-01-01")
    assert errors(file, "es")["hearing_date"] == (
        "Escriba una fecha entre el año 2000 y el año 2100, por ejemplo 2027-01-31.")


@pytest.mark.parametrize("count, message", [
    ("0", "A payment plan needs at least 1 payment."),
    ("121", "A payment plan can have 120 payments at most."),
    ("six", "Enter a whole number, like 6."),
    ("-1", "A payment plan needs at least 1 payment."),  # the least there can be, not "a whole number"
    ("2.5", "Enter a whole number, like 6."),
    ("\u0661\u0662", "Enter a whole number, like 6."),
])
def test_the_number_of_payments(count, message):
    assert plaintiff(instalment_count=count)["instalment_count"] == message


def test_one_and_120_payments_are_fine():
    assert "instalment_count" not in plaintiff(instalment_count="1")
    assert "instalment_count" not in plaintiff(instalment_count="120")


def test_too_little_money_for_the_number_of_payments():
    found = plaintiff(offer_amount="0.05", instalment_count="10")
    assert found["instalment_count"] == "$0.05 is too little to split into 10 payments. Choose fewer payments."


def test_a_grace_period_over_the_maximum():
    assert plaintiff(grace_days="31")["grace_days"] == "Enter 30 or less."


@pytest.mark.parametrize("frequency, grace, message", [
    ("weekly", "30", "The grace period must end before the next payment is due. Use 6 days or fewer."),
    ("weekly", "7", "The grace period must end before the next payment is due. Use 6 days or fewer."),
    ("biweekly", "14", "The grace period must end before the next payment is due. Use 13 days or fewer."),
    ("monthly", "28", "The grace period must end before the next payment is due. Use 27 days or fewer."),
])
def test_a_grace_period_as_long_as_the_time_between_payments(frequency, grace, message):
    file = with_answers(plaintiff_file(), frequency=frequency, grace_days=grace)
    result = evaluate(spec_for(file), file, TODAY)
    assert result["errors"] == {"grace_days": message}
    assert result["schedule"] == [] and result["offer"] == ""


@pytest.mark.parametrize("changes", [
    {"frequency": "weekly", "grace_days": "6"}, {"frequency": "biweekly", "grace_days": "13"},
    {"frequency": "monthly", "grace_days": "27"},
    {"plan_kind": "lump_sum", "lump_sum_date": "2027-03-01", "grace_days": "30"},
])
def test_a_grace_period_shorter_than_the_time_between_payments(changes):
    assert plaintiff(**changes) == {}


def test_a_grace_period_too_long_in_spanish():
    file = with_answers(plaintiff_file(), frequency="weekly", grace_days="10")
    assert errors(file, "es") == {
        "grace_days": "El período de gracia debe terminar antes de que venza el siguiente pago. Use 6 días o menos."}


def test_missing_names():
    found = plaintiff(plaintiffs=[{"name": "", "address": "1 Main St"}],
                      defendants=[{"name": "  ", "address": "2 Main St"}])
    assert found["plaintiffs[0].name"] == "Please fill this in: Full name"
    assert found["defendants[0].name"] == "Please fill this in: Full name"


def test_no_parties_at_all():
    found = plaintiff(plaintiffs=None, defendants=[])
    assert found["plaintiffs"] == "“Plaintiffs (who is suing)” needs at least 1 filled in."
    assert found["defendants"] == "“Defendants (who is being sued)” needs at least 1 filled in."


def test_missing_answers_are_named():
    found = plaintiff(case_number="", plan_kind=None, payment_forms=[])
    assert found["case_number"] == "Please fill this in: Case number"
    assert found["plan_kind"] == "Please choose an answer: How will the money be paid?"
    assert found["payment_forms"] == "Please choose an answer: Forms of payment you accept"


def test_text_that_is_too_long():
    assert plaintiff(case_number="1" * 41)["case_number"] == "This is too long. Please use 40 characters or fewer."


def test_choices_must_be_one_of_the_options():
    assert plaintiff(frequency="daily")["frequency"] == "Choose one of the answers in the list."
    assert plaintiff(payment_forms=["check", "gold"])["payment_forms"] == "Choose one of the answers in the list."
    assert plaintiff(evidence=[{"item": "Photo", "have_it": "maybe"}])["evidence[0].have_it"] == "Choose yes or no."


def test_a_value_of_the_wrong_kind():
    assert plaintiff(case_number=["x"])["case_number"] == "This answer is not the right kind. Please enter it again."


def test_missed_payment_options_come_from_the_court():
    file = with_answers(plaintiff_file(), missed_payment="refile")
    spec = spec_for(file)
    spec["court"]["agreement"]["missed_payment_options"] = ["whole_balance_due"]
    assert evaluate(spec, file, TODAY)["errors"] == {"missed_payment": "Choose one of the answers in the list."}


def test_questions_not_asked_are_not_checked():
    found = plaintiff(plan_kind="lump_sum", lump_sum_date="2027-03-01", instalment_count="0", start_date="bad")
    assert found == {}


def test_blank_list_rows_are_ignored_and_keep_their_place():
    items = [{"what": "Fence", "amount": "100.00"}, {"what": "", "amount": ""}, {"what": "Gate", "amount": "-1"}]
    found = plaintiff(claim_items=items, offer_amount="50.00", best_outcome=None, acceptable_outcome=None,
                      walk_away=None)
    assert found == {"claim_items[2].amount": "The amount must be more than $0.00."}


def test_messages_in_spanish():
    file = with_answers(plaintiff_file(), instalment_count="0", start_date="2026-11-01",
                        claim_items=claim("13000"), plaintiffs=[{"name": "", "address": "x"}])
    assert errors(file, "es") == {
        "instalment_count": "Un plan de pagos necesita por lo menos 1 pago.",
        "start_date": "Esta fecha ya pasó. Escoja hoy o una fecha después.",
        "claim_total": ("Esto es más que el límite de reclamos menores de $12,500.00 para una persona "
                        "(Código de Procedimiento Civil § 116.221)."),
        "plaintiffs[0].name": "Por favor llene esto: Nombre completo",
    }


def test_the_defendant_part_of_a_claim_item_cannot_be_more_than_the_item():
    items = [{"what": "Late fees", "amount": "350.00", "position": "partly", "accepted_amount": "400.00"}]
    found = errors(with_answers(defendant_file(), claim_items=items, offer_amount="300.00",
                                best_outcome=None, acceptable_outcome=None, walk_away=None), "en")
    assert found == {"claim_items[0].accepted_amount":
                     "This is more than “Amount asked” ($350.00). Please check both amounts."}


def test_the_defendant_totals():
    result = evaluate(spec_for(defendant_file()), defendant_file(), TODAY)
    assert result["errors"] == {}
    totals = {key: value["amount"] for key, value in result["computed"].items()}
    assert totals == {"claimed_total": "3200.00", "accepted_total": "2250.00", "disputed_total": "950.00",
                      "hearing_cost_total": "135.00"}
    assert result["computed"]["claimed_total"]["text"] == "$3,200.00"


def test_a_partly_agreed_item_needs_the_agreed_part():
    items = [{"what": "Rent", "amount": "100.00", "position": "partly"}]
    found = errors(with_answers(defendant_file(), claim_items=items, offer_amount="50.00", best_outcome=None,
                                acceptable_outcome=None, walk_away=None), "en")
    assert found == {"claim_items[0].accepted_amount": "Please fill this in: The part you agree with"}


def test_what_an_answer_depends_on():
    worksheet = load_worksheet(spec_for(plaintiff_file())["worksheet"])
    assert depends_on(worksheet, ("offer_amount",)) == {
        "offer_amount", "claim_total", "claim_items", "plaintiff_type"}
    assert depends_on(worksheet, ("start_date",)) == {"start_date", "plan_kind", "hearing_date"}
    assert depends_on(worksheet, ("additional_terms", "walk_away")) == {
        "additional_terms", "walk_away", "acceptable_outcome", "best_outcome", "claim_total", "claim_items",
        "plaintiff_type"}


def test_a_reference_to_a_field_of_the_same_item_stays_inside_the_item():
    worksheet = load_worksheet(spec_for(defendant_file())["worksheet"])
    assert depends_on(worksheet, ("claim_items",)) == {"claim_items"}


def test_text_the_agreement_pdf_cannot_show_is_named_as_it_is_typed():
    errors = plaintiff(defendants=[{"name": "王小明 (Wang)", "address": "1 Main St\nPasadena 🙂"}])
    assert errors["defendants[0].name"] == (
        "The agreement PDF cannot show these characters: 王 小 明. Court papers are in English: please write "
        "this in Latin letters (accents like é and ñ are fine), the way it is written on your court papers.")
    assert errors["defendants[0].address"].startswith("The agreement PDF cannot show these characters: 🙂.")


def test_right_to_left_letters_are_named_as_the_pdf_would_print_them_backwards():
    errors = plaintiff(defendants=[{"name": "מרים כהן", "address": "1 Main St"}])
    assert errors["defendants[0].name"].startswith("The agreement PDF cannot show these characters: מ ר י ם כ ה ן.")


def test_names_in_scripts_the_pdf_prints_and_private_notes_are_never_held_up():
    errors = plaintiff(defendants=[{"name": "Nguyễn Thị Đào, Łukasz Żółć, Αλέξης, Дмитрий", "address": "1 Main St"}],
                       what_happened="王小明 owes me for a ladder 🙂")
    assert "defendants[0].name" not in errors and "what_happened" not in errors


def test_a_claim_amount_that_cannot_be_read_leaves_the_total_unknown_and_unchecked():
    items = [{"what": "Fence", "amount": "1,200.005"}, {"what": "Gate", "amount": "85.50"}]
    assert plaintiff(claim_items=items) == {
        "claim_items[0].amount": "Use no more than 2 numbers after the decimal point, like 1250.50."}


def test_the_offers_own_message_may_hold_any_character():
    file = with_answers(plaintiff_file(), offer_note="Thanks 🙏 谢谢")
    assert errors(file) == {}
    assert "Thanks 🙏 谢谢" in evaluate(spec_for(file), file, TODAY)["offer"]


def test_a_whole_number_far_too_large_is_called_too_large_not_a_non_number():
    assert plaintiff(instalment_count="999999999999") == {
        "instalment_count": "A payment plan can have 120 payments at most."}


def test_an_amount_with_a_pasted_zero_width_space_reads_as_typed():
    assert plaintiff(offer_amount="1000\u200b") == {}


def test_a_plan_of_one_payment_has_no_next_payment_for_its_grace_period_to_reach():
    assert plaintiff(instalment_count="1", grace_days="30") == {}


def test_a_date_is_not_compared_with_a_hearing_date_that_has_an_error():
    assert plaintiff(hearing_date="2026-11-01", plan_kind="lump_sum", lump_sum_date="2026-12-01") == {
        "hearing_date": "This date has already passed. Choose today or a later date."}

from datetime import date
from decimal import Decimal

from tests.golden import assert_golden
from tests.widgets.helpers import TODAY, defendant_file, plaintiff_file, spec, spec_for, with_answers
from widgets.api import evaluate
from widgets.case import Case, Party, Term
from widgets.offer import offer_text
from widgets.plans import lump_sum
from widgets.text import Text


def test_plaintiff_opening_offer():
    assert_golden("widgets/offer-plaintiff.txt", evaluate(spec_for(plaintiff_file()), plaintiff_file(), TODAY)["offer"])


def test_defendant_counteroffer_in_spanish():
    assert_golden("widgets/offer-defendant-es.txt",
                  evaluate(spec_for(defendant_file()), defendant_file(), TODAY)["offer"])


def test_a_lump_sum_offer_with_a_one_day_grace_period():
    case = Case(role="defendant", court_id="los-angeles", case_number="A1", amount=Decimal("500.00"),
                plan_kind="lump_sum", schedule=lump_sum(Decimal("500.00"), date(2027, 2, 1), 1), grace_days=1,
                defendants=[Party("defendant", "Ana Ruiz", "x")],
                terms=[Term("defendant", "Return the keys.", None)])
    assert offer_text(case, spec(), Text(spec(), "en")) == (
        "Counteroffer\nCase number: A1\n\n"
        "I offer to pay $500.00 to settle this case.\n\n"
        "Payment: $500.00 in one payment by February 1, 2027.\n"
        "A payment is on time if it arrives within 1 day after its due date.\n\n"
        "Other terms:\n- Ana Ruiz will return the keys.\n\n"
        "If this works for you, please accept it in ODR. If not, please send a counteroffer.\n"
    )


def test_no_offer_while_its_answers_have_errors():
    file = with_answers(plaintiff_file(), start_date="2020-01-01")
    assert evaluate(spec_for(file), file, TODAY)["offer"] == ""


def test_no_offer_while_the_claim_is_over_the_limit():
    file = with_answers(plaintiff_file(), plaintiff_type="business", offer_amount="9000.00",
                        claim_items=[{"what": "Unpaid invoice", "amount": "9000.00"}])
    result = evaluate(spec_for(file), file, TODAY)
    assert list(result["errors"]) == ["claim_total"]
    assert result["offer"] == ""


def test_no_offer_while_the_claim_is_over_the_limit():
    file = with_answers(plaintiff_file(), claim_items=[{"what": "Rent", "amount": "12500.01"}])
    result = evaluate(spec_for(file), file, TODAY)
    assert list(result["errors"]) == ["claim_total"]
    assert result["offer"] == ""


def test_a_defendant_facing_a_claim_over_the_limit_gets_a_note_and_still_a_counteroffer():
    items = [{"what": "Renta", "amount": "7000.00", "position": "agreed"}]
    file = {**with_answers(defendant_file(), claim_items=items), "language": "en"}
    result = evaluate(spec_for(file), file, TODAY)
    assert result["errors"] == {}  # the defendant cannot change the claim
    assert result["advice"]["claimed_total"] == (
        "This is more than the small claims limit ($6,250.00). The court may not hear a claim this large in small "
        "claims. Ask the small claims advisor what this means for you.")
    assert result["offer"].startswith("Counteroffer")


def test_no_offer_while_the_hearing_date_is_blank():
    file = with_answers(plaintiff_file(), hearing_date="")
    result = evaluate(spec_for(file), file, TODAY)
    assert list(result["errors"]) == ["hearing_date"]
    assert result["offer"] == ""


def test_no_offer_while_a_claim_item_has_an_error():
    file = with_answers(plaintiff_file(), claim_items=[{"what": "Fence", "amount": "lots"}])
    assert evaluate(spec_for(file), file, TODAY)["offer"] == ""


def test_an_offer_while_other_answers_still_have_errors():
    file = with_answers(plaintiff_file(), what_happened="x" * 3000)
    result = evaluate(spec_for(file), file, TODAY)
    assert list(result["errors"]) == ["what_happened"]
    assert result["offer"].startswith("Opening offer\nCase number: 26STSC04512\n")


def test_an_offer_to_several_defendants_says_each_owes_the_whole_amount_as_the_agreement_will():
    defendants = [{"name": "Luis Pérez", "address": "1 Main St"}, {"name": "Ana Ruiz", "address": "2 Main St"}]
    file = with_answers(plaintiff_file(), defendants=defendants)
    offer = evaluate(spec_for(file), file, TODAY)["offer"]
    assert "6. August 31, 2027: $166.70\nEach defendant is responsible for the whole amount until all of it is " \
           "paid.\n" in offer
    assert "Each defendant" not in evaluate(spec_for(plaintiff_file()), plaintiff_file(), TODAY)["offer"]

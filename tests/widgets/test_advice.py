"""Notes beside answers that are allowed but worth a second look (widgets/advice.py), each asserted whole."""

from datetime import date
from decimal import Decimal

from tests.widgets.helpers import TODAY, defendant_file, plaintiff_file, spec_for, with_answers
from widgets.advice import most_in_a_month
from widgets.api import documents, evaluate
from widgets.plans import Payment


def advice(file: dict) -> dict:
    result = evaluate(spec_for(file), file, TODAY)
    return result["advice"]


def in_english(file: dict) -> dict:
    return {**file, "language": "en"}


def test_a_plaintiffs_sensible_opening_offer_gets_no_note():
    assert advice(plaintiff_file()) == {}


def test_a_plaintiffs_offer_below_the_walk_away_point():
    assert advice(with_answers(plaintiff_file(), offer_amount="800")) == {
        "offer_amount": "This is less than your walk-away point ($850.00), the least you said you would accept. "
                        "Check both amounts."}


def test_a_plaintiffs_opening_offer_below_what_they_could_accept():
    assert advice(with_answers(plaintiff_file(), offer_amount="900")) == {
        "offer_amount": "This is less than the result you could accept ($1,000.00). An opening offer usually "
                        "starts higher, so you have room to move."}


def test_a_defendants_counteroffer_above_the_walk_away_point_and_a_plan_they_cannot_keep():
    notes = advice(in_english(with_answers(defendant_file(), offer_amount="2450")))
    assert notes == {
        "offer_amount": "This is more than your walk-away point ($2,400.00), the most you said you would pay. "
                        "Check both amounts.",
        # 12 payments every two weeks: some months have three
        "instalment_count": "In some months this plan asks for more than the $350.00 a month you said you can pay "
                            "(step 3). Choose more payments, or a lower amount.",
    }


def test_a_defendants_counteroffer_below_what_they_agree_they_owe():
    file = in_english(with_answers(defendant_file(), offer_amount="1000", instalment_count="6", frequency="monthly"))
    assert advice(file) == {
        "offer_amount": "This is less than the $2,250.00 you said you owe (step 3). The plaintiff may not accept "
                        "less than that."}


def test_a_hearing_on_a_court_holiday_or_a_weekend():
    expected = ("This is a Saturday, a Sunday or a court holiday. Courts do not hold hearings on those days. Check "
                "the date on your court papers.")
    assert advice(with_answers(plaintiff_file(), hearing_date="2027-04-03"))["hearing_date"] == expected  # Saturday
    washington_day = with_answers(plaintiff_file(), hearing_date="2027-02-15", plan_kind="lump_sum",
                                  lump_sum_date="2027-02-01")
    assert advice(washington_day)["hearing_date"] == expected
    assert "hearing_date" not in advice(with_answers(plaintiff_file(), hearing_date="2027-04-05"))  # a Monday


def test_no_note_beside_an_answer_with_an_error():
    file = with_answers(plaintiff_file(), offer_amount="-800")
    result = evaluate(spec_for(file), file, TODAY)
    assert "offer_amount" in result["errors"]
    assert result["advice"] == {}


def test_terms_worded_so_the_agreement_would_read_them_wrong():
    terms = [
        {"who": "defendant", "what": "Luis will return the ladder"},
        {"who": "defendant", "what": "I will return the ladder"},
        {"who": "defendant", "what": "will return the ladder"},
        {"who": "both", "what": "Not contact each other", "by": "2027-01-15"},
        {"who": "both", "what": "Not contact each other"},
        {"who": "defendant", "what": "Return the ladder", "by": "2027-01-15"},
    ]
    without_who = ("Leave out who will do it: the agreement starts with the name chosen above. For example, write "
                   "“Return the ladder”.")
    assert advice(with_answers(plaintiff_file(), additional_terms=terms)) == {
        "additional_terms[0].what": without_who,
        "additional_terms[1].what": without_who,
        "additional_terms[2].what": "Leave out “will”: the agreement adds who will do it. For example, write "
                                    "“Return the ladder”.",
        "additional_terms[3].what": "With a date, the agreement reads “… will not … by” that date, which sounds as if "
                                    "the promise ends then. Leave the date blank and say in the text how long the "
                                    "promise lasts.",
    }


def test_notes_never_reach_a_document():
    file = with_answers(plaintiff_file(), offer_amount="800", hearing_date="2027-04-03",
                        additional_terms=[{"who": "defendant", "what": "Luis will return the ladder"}])
    notes = advice(file)
    assert len(notes) == 3
    made = documents(spec_for(file), file, TODAY)
    assert made["errors"] == {}
    for name in ("agreement_html", "agreement_json", "payments_ics", "offer_txt"):
        for note in notes.values():
            assert note[:40] not in made[name], name


def test_the_register_by_date_after_the_settle_by_date_is_pointed_out():
    file = with_answers(plaintiff_file(), notice_date="2026-11-19", hearing_date="2026-11-25", plan_kind="lump_sum",
                        lump_sum_date="2026-11-24")
    result = evaluate(spec_for(file), file, TODAY)
    assert result["deadlines"]["register_by"]["date"] == "2026-11-24"
    assert result["deadlines"]["settle_by"]["date"] == "2026-11-23"
    assert result["deadlines"]["register_by"]["note"] == (
        "This comes after the last day to reach an agreement. Register as soon as you can, and check the dates on "
        "your court notice.")


def test_the_most_a_schedule_asks_in_one_month():
    def payment(number: int, due: date, amount: str) -> Payment:
        return Payment(number, due, Decimal(amount), due)

    schedule = [payment(1, date(2027, 1, 1), "100"), payment(2, date(2027, 1, 15), "100"),
                payment(3, date(2027, 1, 29), "100"), payment(4, date(2027, 2, 12), "100")]
    assert most_in_a_month(schedule) == Decimal("300")
    assert most_in_a_month([]) is None

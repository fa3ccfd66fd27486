from tests.golden import assert_golden
from tests.widgets.helpers import TODAY, defendant_file, plaintiff_file, spec_for, with_answers
from widgets.agreement import build_agreement
from widgets.api import _prepare
from widgets.handoff import handoff_data
from widgets.render_text import agreement_text
from widgets.text import Text


def agreement(file: dict, language: str = "en", courtesy: bool = False):
    spec = spec_for(file)
    state = _prepare(spec, file, TODAY)
    assert state.errors == {}
    fingerprint = handoff_data(state.case, spec)["fingerprint"]
    return build_agreement(state.case, state.worksheet, spec, Text(spec, language), fingerprint, courtesy)


def test_sample_agreement_text():
    assert_golden("widgets/agreement-plaintiff.txt", agreement_text(agreement(plaintiff_file())))


def test_sample_courtesy_translation_text():
    assert_golden("widgets/agreement-defendant-es.txt",
                  agreement_text(agreement(defendant_file(), "es", courtesy=True)))


def test_every_required_element_is_there():
    text = agreement_text(agreement(plaintiff_file()))
    for expected in [
        "Court: Superior Court of California, County of Los Angeles", "Case number: 26STSC04512",
        "Plaintiff: Maria Garcia", "Mailing address: 1234 Elm Street, Apt. 5\nLos Angeles, CA 90012",
        "Defendant: Luis Pérez", "Mailing address: 567 Oak Avenue\nPasadena, CA 91101",
        "Luis Pérez will pay Maria Garcia a total of $1,000.00 in 6 monthly payments.",
        "Luis Pérez will return the plaintiff's aluminum ladder in good condition by April 15, 2027.",
        "Everything in this agreement will be done by September 5, 2027.",  # the last payment's grace included
        "6     | August 31, 2027 | $166.70   | September 5, 2027",
        "Payments go to: Maria Garcia\n", "Where and how to send payments: Mail to Maria Garcia",
        "Forms of payment accepted: Personal check; Money order; Electronic transfer or payment app.",
        "Grace period: a payment is on time if it arrives within 5 days after its due date.",
        "interest at 10% a year", "Each party will keep a record of every payment",
        "Request for Dismissal (form CIV-110)",
        "The parties ask the court to keep the power to enforce this agreement until all of it is done. This "
        "applies even if the case is dismissed first (Code of Civil Procedure § 664.6).",
        "If anything will still be left to do on the hearing date, the parties will ask the court, before that "
        "date, to postpone the hearing (form SC-150). If the court does not, the plaintiff will ask it to dismiss "
        "the case without prejudice (form CIV-110). The plaintiff will check the box that asks the court to keep "
        "the power to enforce this agreement, and attach a copy of this signed agreement.",
        "6. If something is not done\nIf a payment is not made on time, everything still unpaid is due at once.",
        "If a party does not do something else this agreement says, the other party may ask the court to enforce "
        "it (Code of Civil Procedure § 664.6).",
        "Plaintiff: Maria Garcia\nSignature: ", "Defendant: Luis Pérez\nSignature: ",
        "Printed name (and title, if signing for a business): ",
        "Document fingerprint: sha256:",
    ]:
        assert expected in text, expected


def test_a_lump_sum_agreement():
    file = with_answers(plaintiff_file(), plan_kind="lump_sum", lump_sum_date="2027-03-01", grace_days="0")
    text = agreement_text(agreement(file))
    assert "Luis Pérez will pay Maria Garcia $1,000.00 in one payment by March 1, 2027." in text
    assert "Grace period: none. Each payment must arrive by its due date." in text
    assert "On time if paid by" not in text
    assert "Everything in this agreement will be done by April 15, 2027." in text


def test_an_agreement_done_before_the_hearing_does_not_ask_to_postpone_it():
    file = with_answers(plaintiff_file(), plan_kind="lump_sum", lump_sum_date="2027-02-01", grace_days="0",
                        hearing_date="2027-06-01", additional_terms=[])
    text = agreement_text(agreement(file))
    assert "The parties ask the court to keep the power to enforce this agreement" in text
    assert "postpone" not in text
    assert "If a party does not do something else" not in text  # no term but the payment


def test_a_term_without_a_date_sets_no_day_for_everything_and_may_outlast_the_hearing():
    file = with_answers(plaintiff_file(), plan_kind="lump_sum", lump_sum_date="2027-01-04", grace_days="0",
                        hearing_date="2027-06-01",
                        additional_terms=[{"who": "defendant", "what": "Repaint the fence"}])
    text = agreement_text(agreement(file))
    assert "Luis Pérez will repaint the fence." in text
    assert "Everything in this agreement will be done by" not in text  # a day nobody chose
    assert "If anything will still be left to do on the hearing date" in text
    spec = spec_for(file)
    assert handoff_data(_prepare(spec, file, TODAY).case, spec)["finish_by"] is None


def test_the_courtesy_translation_is_marked_not_for_filing():
    text = agreement_text(agreement(defendant_file(), "es", courtesy=True))
    assert text.startswith("Solo para su información — no se presenta a la corte\n")
    assert "No firme esta traducción. Firme el acuerdo en inglés que va antes." in text
    assert "Firma:" not in text  # only the English agreement is signed


def test_several_defendants_each_owe_the_whole_amount_in_words_that_agree_in_number():
    file = with_answers(defendant_file(), defendants=[{"name": "Rosa Hernández Muñoz", "address": "1 Main St"},
                                                      {"name": "Pedro Muñoz", "address": "1 Main St"}],
                        additional_terms=[{"who": "defendant", "what": "devolver la escalera"}])
    spanish = agreement_text(agreement(file, "es", courtesy=True))
    assert "Rosa Hernández Muñoz y Pedro Muñoz pagarán a Green Valley Property Management LLC" in spanish
    assert "Cada uno de ellos es responsable de la cantidad completa hasta que se pague todo." in spanish
    assert "Rosa Hernández Muñoz y Pedro Muñoz se comprometen a lo siguiente: “devolver la escalera”." in spanish
    english = agreement_text(agreement(file))
    assert "Each of them is responsible for the whole amount until all of it is paid." in english

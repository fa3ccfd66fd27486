import json

from tests.widgets.helpers import TODAY, defendant_file, plaintiff_file, spec_for
from widgets.api import documents
from widgets.handoff import canonical_json, fingerprint, verify_fingerprint


def handoff(file: dict) -> dict:
    made = documents(spec_for(file), file, TODAY)
    assert made["errors"] == {}
    return json.loads(made["agreement_json"])


def test_the_hand_off_has_the_keys_the_court_needs():
    data = handoff(plaintiff_file())
    assert data["court"] == "los-angeles"
    assert data["case_number"] == "26STSC04512"
    assert data["parties"] == [
        {"role": "plaintiff", "name": "Maria Garcia", "address": "1234 Elm Street, Apt. 5\nLos Angeles, CA 90012"},
        {"role": "defendant", "name": "Luis Pérez", "address": "567 Oak Avenue\nPasadena, CA 91101"},
    ]
    assert [(p["due"], p["amount"]) for p in data["payments"]] == [
        ("2027-03-31", "166.66"), ("2027-04-30", "166.66"), ("2027-05-31", "166.66"),
        ("2027-06-30", "166.66"), ("2027-07-31", "166.66"), ("2027-08-31", "166.70")]
    assert data["total"] == "1000.00"
    assert data["additional_terms"] == [
        {"who": "defendant", "what": "Return the plaintiff's aluminum ladder in good condition", "by": "2027-04-15"}]
    assert data["payment_terms"]["pay_to"] == "Maria Garcia"  # nobody else named: the plaintiff, as the agreement says
    assert data["finish_by"] == "2027-09-05"  # the last payment's grace period included
    assert data["fingerprint"].startswith("sha256:") and len(data["fingerprint"]) == 7 + 64


def test_the_hand_off_stays_in_english_for_a_spanish_speaker():
    data = handoff(defendant_file())
    assert data["court_name"] == "Superior Court of California, County of San Joaquin"
    assert data["payment_terms"]["missed_payment"] == "stipulated_judgment"


def test_the_fingerprint_is_the_sha256_of_the_canonical_json_without_it():
    import hashlib

    data = handoff(plaintiff_file())
    body = {key: value for key, value in data.items() if key != "fingerprint"}
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert canonical_json(body) == text
    assert data["fingerprint"] == "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert verify_fingerprint(data)


def test_any_change_breaks_the_fingerprint():
    data = handoff(plaintiff_file())
    data["payments"][0]["amount"] = "16.66"
    assert not verify_fingerprint(data)
    assert fingerprint(data) != data["fingerprint"]


def test_the_same_fingerprint_is_printed_on_the_page():
    made = documents(spec_for(plaintiff_file()), plaintiff_file(), TODAY)
    assert json.loads(made["agreement_json"])["fingerprint"] in made["agreement_html"]

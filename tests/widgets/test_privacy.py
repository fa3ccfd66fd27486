"""Nothing marked private ever reaches an offer, the agreement, the JSON
hand-off or the calendar."""

import io

import pypdf
import pytest

from tests.widgets.helpers import TODAY, defendant_file, plaintiff_file, spec_for, with_answers
from widgets.api import documents, evaluate

SECRET = "SECRET-7Q"


def secret_file(file: dict) -> dict:
    answers = {
        "what_happened": f"{SECRET} what happened", "notes": f"{SECRET} notes",
        "evidence": [{"item": f"{SECRET} evidence", "have_it": True}],
        "walk_away": "777.77" if file["worksheet"] == "plaintiff" else "2222.22",
        "hearing_lost_wages": "654.32",
    }
    if file["worksheet"] == "defendant":
        answers.update(can_pay_now="98.76", can_pay_per_month="87.65")
    return with_answers(file, **answers)


def outputs(file: dict) -> list[str]:
    made = documents(spec_for(file), file, TODAY)
    assert made["errors"] == {}
    pdf = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(made["agreement_pdf"])).pages)
    offer = evaluate(spec_for(file), file, TODAY)["offer"]
    return [made["agreement_html"], made["agreement_json"], made["payments_ics"], made["offer_txt"], pdf, offer]


@pytest.mark.parametrize("make", [plaintiff_file, defendant_file])
def test_private_answers_never_appear(make):
    file = secret_file(make())
    for output in outputs(file):
        for secret in (SECRET, "777.77", "2,222.22", "2222.22", "654.32", "98.76", "87.65", "1,081.50"):
            assert secret not in output


def test_a_field_marked_private_in_a_definition_is_dropped_even_if_the_documents_use_it():
    file = plaintiff_file()
    spec = spec_for(file)
    for step in spec["worksheet"]["steps"]:
        for field in step.get("fields", []):
            if field["id"] == "offer_note":
                field["private"] = True
    result = evaluate(spec, file, TODAY)
    assert result["offer"] and "Thank you for working on this" not in result["offer"]

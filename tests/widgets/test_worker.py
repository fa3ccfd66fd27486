"""The JSON bridge the browser's Web Worker calls (widgets/worker.py), under CPython."""

import base64
import json

from odr.spec import build_spec
from tests.conftest import ROOT
from widgets import worker

EXAMPLE = json.loads((ROOT / "worksheets/examples/plaintiff-monthly-31st.json").read_text(encoding="utf-8"))


def setup_module():
    worker.set_spec(json.dumps(build_spec(ROOT, "los-angeles", "plaintiff", "en")))


def test_evaluate_takes_and_returns_json_strings():
    result = json.loads(worker.evaluate(json.dumps(EXAMPLE), "2026-11-22"))
    assert result["errors"] == {}
    assert result["computed"]["claim_total"] == {"amount": "1285.50", "text": "$1,285.50"}
    assert len(result["schedule"]) == 6


def test_answers_may_start_with_a_byte_order_mark():
    result = json.loads(worker.evaluate("\ufeff" + json.dumps(EXAMPLE), "2026-11-22"))
    assert result["errors"] == {}


def test_answers_nested_too_deep_to_read_are_no_answers_file():
    result = json.loads(worker.evaluate("[" * 100_000 + "]" * 100_000, "2026-11-22"))
    assert result["errors"] == {
        "_file": "This is not a worksheet answers file. Choose a file you saved from this worksheet."}


def test_documents_carry_the_pdf_as_base64():
    result = json.loads(worker.documents(json.dumps(EXAMPLE), "2026-11-22"))
    assert result["errors"] == {}
    assert base64.b64decode(result["agreement_pdf_base64"]).startswith(b"%PDF-")
    assert "agreement_pdf" not in result
    assert result["payments_ics"].startswith("BEGIN:VCALENDAR")


def test_documents_with_errors_return_only_the_errors():
    broken = {**EXAMPLE, "answers": {**EXAMPLE["answers"], "offer_amount": "-1"}}
    result = json.loads(worker.documents(json.dumps(broken), "2026-11-22"))
    assert list(result) == ["errors"]
    assert "offer_amount" in result["errors"]

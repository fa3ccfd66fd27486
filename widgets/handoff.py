"""The hand-off to the court: the agreement as structured JSON with a
fingerprint, and the court's filing checklist.

Canonical JSON: Python's `json.dumps(data, sort_keys=True, separators=(",", ":"),
ensure_ascii=False)`, as UTF-8: keys sorted, no spaces, non-ASCII characters
written as themselves, and `<`, `>`, `&` as themselves too (a verifier in another
language must not escape them). The fingerprint is `sha256:` followed by the hex
SHA-256 digest of the canonical JSON of the whole hand-off without its
`fingerprint` key. Anyone can check a file with `verify_fingerprint`: change one
character and the fingerprint no longer matches, and the PDF prints it, so a
file and the signed paper can be matched. It has no key: it shows a file is the
one the PDF came from, or was damaged on the way; it cannot show that nobody
rewrote both (whoever edits the file can compute a new one). The hand-off is
always in English (court filings are in English).
"""

from __future__ import annotations

import json

from widgets.case import Case
from widgets.dates import iso
from widgets.money import as_decimal_string
from widgets.text import Text
from widgets.wording import payees

FORMAT = "odr-guide-agreement"
VERSION = 1


def handoff_data(case: Case, spec: dict) -> dict:
    """The hand-off as a JSON-able dict, fingerprint included."""
    court = spec.get("court") or {}
    data = {
        "format": FORMAT,
        "version": VERSION,
        "court": case.court_id,
        "court_name": Text(spec, "en").pick(court.get("name")),
        "case_number": case.case_number or "",
        "parties": [{"role": p.role, "name": p.name, "address": p.address} for p in case.plaintiffs + case.defendants],
        "payments": [{"number": p.number, "due": iso(p.due), "amount": as_decimal_string(p.amount)} for p in case.schedule],
        "total": as_decimal_string(case.amount) if case.amount is not None else None,
        "plan": _plan(case),
        "payment_terms": _payment_terms(case, spec),
        "additional_terms": [{"who": t.who, "what": t.what, "by": iso(t.by)} for t in case.terms],
        "finish_by": iso(case.finish_by()),
    }
    data["fingerprint"] = fingerprint(data)
    return data


def _plan(case: Case) -> dict:
    return {
        "kind": case.plan_kind,
        "frequency": case.frequency if case.plan_kind == "instalments" else None,
        "count": len(case.schedule),
        "grace_days": case.grace_days,
    }


def _payment_terms(case: Case, spec: dict) -> dict:
    rate = ((spec.get("settings") or {}).get("judgment_interest") or {}).get("percent_per_year")
    return {
        "pay_to": case.pay_to or payees(case, Text(spec, "en")),
        "where": case.payment_where or "",
        "forms": list(case.payment_forms),
        "interest": case.interest,
        "interest_percent_per_year_if_missed": str(rate) if case.interest == "none_unless_missed" else None,
        "missed_payment": case.missed_payment,
    }


def canonical_json(data: dict) -> str:
    """Sorted keys, no spaces, non-ASCII kept: the text the fingerprint hashes."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def fingerprint(data: dict) -> str:
    """`sha256:<hex>` of the canonical JSON without the `fingerprint` key."""
    import hashlib  # here, not at the top: the worksheet's start-up (evaluate) never needs it

    body = {key: value for key, value in data.items() if key != "fingerprint"}
    return "sha256:" + hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()


def verify_fingerprint(data: dict) -> bool:
    """True when the data is exactly what was fingerprinted."""
    return data.get("fingerprint") == fingerprint(data)


def handoff_json(data: dict) -> str:
    """The file `agreement.json`: indented, keys sorted, ending in a new line."""
    return json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def filing_checklist(spec: dict, text: Text) -> dict:
    """The court's checklist in one language: `{heading, note, items}`."""
    court = spec.get("court") or {}
    items = ((court.get("agreement") or {}).get("filing_checklist")) or []
    return {
        "heading": text.get("agreement.checklist_heading", court=text.pick(court.get("name"))),
        "note": text.get("agreement.checklist_note"),
        "items": [text.pick(item) for item in items],
    }

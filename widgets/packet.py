"""The filing packet: the agreement in English (for filing) with a courtesy
translation when the person chose another language, as JSON (with its
fingerprint), a printable HTML page (with the court's filing checklist) and
a PDF."""

from __future__ import annotations

from datetime import datetime

from widgets.agreement import build_agreement
from widgets.case import Case
from widgets.definitions import Worksheet
from widgets.handoff import filing_checklist, handoff_data, handoff_json
from widgets.render_html import agreement_html
from widgets.text import Text

FILING_LANGUAGE = "en"


def make_packet(case: Case, worksheet: Worksheet, spec: dict, text: Text, stamp: datetime) -> dict:
    """`{"agreement_json", "agreement_html", "agreement_pdf"}` for the case."""
    from widgets.render_pdf import agreement_pdf

    data = handoff_data(case, spec)
    english = build_agreement(case, worksheet, spec, Text(spec, FILING_LANGUAGE), data["fingerprint"])
    courtesy = None
    if text.language != FILING_LANGUAGE:
        courtesy = build_agreement(case, worksheet, spec, text, data["fingerprint"], courtesy=True)
    return {
        "agreement_json": handoff_json(data),
        "agreement_html": agreement_html(english, courtesy, filing_checklist(spec, text)),
        "agreement_pdf": agreement_pdf(english, courtesy, stamp),
    }

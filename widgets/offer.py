"""The opening offer (plaintiff) or counteroffer (defendant): a short text to
paste into the ODR platform or print. It is written in the person's
language and says only what the Case holds (nothing private)."""

from __future__ import annotations

from widgets.case import Case
from widgets.text import Text
from widgets.wording import grace_sentence, interest_sentence, missed_sentence, plan_phrase, term_sentence


def offer_text(case: Case, spec: dict, text: Text) -> str:
    """The offer as plain text, one blank line between parts; "" when
    there is no amount yet."""
    if case.amount is None:
        return ""
    parts = [_heading(case, text), text.get(f"offer.amount_{case.role}", amount=text.money(case.amount))]
    parts += [_payment_part(case, text), _late_part(case, spec, text), _terms_part(case, text)]
    if case.note:
        parts.append(text.get("offer.message_heading") + "\n" + case.note)
    parts.append(text.get("offer.closing"))
    return "\n\n".join(part for part in parts if part) + "\n"


def _heading(case: Case, text: Text) -> str:
    lines = [text.get(f"offer.title_{case.role}")]
    if case.case_number:
        lines.append(text.get("offer.case", case=case.case_number))
    return "\n".join(lines)


def _payment_part(case: Case, text: Text) -> str:
    if not case.schedule:
        return ""
    first, last = case.schedule[0], case.schedule[-1]
    if len(case.schedule) == 1:
        lines = [text.get("offer.lump_sum", amount=text.money(first.amount), date=text.date(first.due))]
    else:
        lines = [text.get("offer.instalments", phrase=plan_phrase(case, text),
                          start=text.date(first.due), end=text.date(last.due))]
        lines += [
            text.get("offer.payment_line", number=p.number, date=text.date(p.due), amount=text.money(p.amount))
            for p in case.schedule
        ]
    if len(case.defendants) > 1:
        lines.append(text.get("offer.each_owes_all"))
    grace = grace_sentence(case, text)
    return "\n".join(lines + ([grace] if grace else []))


def _late_part(case: Case, spec: dict, text: Text) -> str:
    sentences = [s for s in (missed_sentence(case, text), interest_sentence(case, spec, text)) if s]
    if not case.schedule or not sentences:
        return ""
    return text.get("offer.late_heading") + "\n" + "\n".join(sentences)


def _terms_part(case: Case, text: Text) -> str:
    if not case.terms:
        return ""
    lines = [text.get("offer.term_line", sentence=term_sentence(term, case, text)) for term in case.terms]
    return text.get("offer.terms_heading") + "\n" + "\n".join(lines)

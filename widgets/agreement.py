"""The settlement agreement as a plain document model: headings, paragraphs,
one table and signature lines, in one language, with no formatting. The
renderers (text, HTML, PDF) draw it.

It holds every element California's self-help guidance asks for: court and
case number; names and addresses of the parties; what each will do; the
payment schedule; where and how to pay, accepted forms of payment, grace
period, interest and records; the deadline for finishing; what happens when
everything is done (Request for Dismissal, CIV-110; the court keeps the power
to enforce it, CCP § 664.6) and when a payment is missed or another term is
not kept; signature and date lines for each party.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from widgets.case import Case
from widgets.definitions import Worksheet
from widgets.plans import total_of
from widgets.text import Text
from widgets.wording import (
    interest_sentence, missed_sentence, payees, payers, payment_forms, plan_phrase, term_sentence,
)

@dataclass(frozen=True)
class Table:
    columns: list
    rows: list
    footer: list


@dataclass(frozen=True)
class Signature:
    role: str
    name: str


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: list = field(default_factory=list)
    table: Table | None = None
    signatures: list = field(default_factory=list)


@dataclass(frozen=True)
class Agreement:
    """One language's agreement. `notice` is set on a courtesy translation."""

    language: str
    title: str
    header: list
    intro: str
    sections: list
    labels: dict
    fingerprint: str
    notice: list = field(default_factory=list)
    running_notice: str = ""
    """On a courtesy translation: its "not for filing" line in its language and in English, for every page."""


def build_agreement(case: Case, worksheet: Worksheet, spec: dict, text: Text, fingerprint: str,
                    courtesy: bool = False) -> Agreement:
    """The agreement in `text`'s language; `courtesy` marks it "not for filing"."""
    court = spec.get("court") or {}
    header = [text.get("agreement.court", court=text.pick(court.get("name"))),
              text.get("agreement.case", case=case.case_number or "")]
    sections = [
        _parties(case, text), _duties(case, text), _schedule(case, text),
        _payments(case, worksheet, spec, text), _done(case, spec, text),
        _not_done(case, text),
        _signatures(case, text, courtesy),
    ]
    labels = {key: text.get(f"agreement.{key}") for key in ("signature", "date", "printed_name", "page")}
    notice = [text.get("agreement.courtesy"), text.get("agreement.courtesy_note")] if courtesy else []
    running_notice = ""
    if courtesy:
        in_english = Text(spec, "en").get("agreement.courtesy")
        running_notice = notice[0] if in_english == notice[0] else f"{notice[0]} / {in_english}"
    return Agreement(
        language=text.language, title=text.get("agreement.title"), header=header,
        intro=text.get("agreement.intro"), sections=sections, labels=labels,
        fingerprint=text.get("agreement.fingerprint", fingerprint=fingerprint), notice=notice,
        running_notice=running_notice,
    )


def _parties(case: Case, text: Text) -> Section:
    """One paragraph per party, so that a name and its address are never parted (by a page break, say)."""
    paragraphs = []
    for party in case.plaintiffs + case.defendants:
        role = text.get(f"roles.{party.role}")
        paragraphs.append(text.get("agreement.party", role=role, name=party.name) + "\n"
                          + text.get("agreement.address", address=party.address))
    return Section(text.get("agreement.parties_heading"), paragraphs)


def _duties(case: Case, text: Text) -> Section:
    paragraphs = [_payment_duty(case, text)] if case.schedule else []
    if case.schedule and len(case.defendants) > 1:
        paragraphs.append(text.get("agreement.each_owes_all"))
    paragraphs += [term_sentence(term, case, text) for term in case.terms]
    if case.finish_by() is not None:
        paragraphs.append(text.get("agreement.finish_by", date=text.date(case.finish_by())))
    return Section(text.get("agreement.duties_heading"), paragraphs)


def _payment_duty(case: Case, text: Text) -> str:
    first, last = case.schedule[0], case.schedule[-1]
    who = {"payers": payers(case, text), "payees": payees(case, text), "total": text.money(case.amount)}
    several = "_several" if len(case.defendants) > 1 else ""
    if len(case.schedule) == 1:
        return text.get(f"agreement.pay_lump{several}", date=text.date(first.due), **who)
    return text.get(f"agreement.pay_instalments{several}", phrase=plan_phrase(case, text),
                    start=text.date(first.due), end=text.date(last.due), **who)


def _schedule(case: Case, text: Text) -> Section:
    with_grace = case.grace_days > 0
    columns = [text.get("agreement.column_number"), text.get("agreement.column_due"),
               text.get("agreement.column_amount")]
    rows = []
    for payment in case.schedule:
        row = [str(payment.number), text.date(payment.due), text.money(payment.amount)]
        rows.append(row + [text.date(payment.on_time_until)] if with_grace else row)
    footer = [text.get("agreement.total_row"), "", text.money(total_of(case.schedule))]
    if with_grace:
        columns.append(text.get("agreement.column_on_time"))
        footer.append("")
    return Section(text.get("agreement.schedule_heading"), [], Table(columns, rows, footer))


def _payments(case: Case, worksheet: Worksheet, spec: dict, text: Text) -> Section:
    paragraphs = [
        text.get("agreement.pay_to", payee=case.pay_to or payees(case, text)),
        text.get("agreement.where", where=case.payment_where or ""),
        text.get("agreement.forms", forms=payment_forms(case, worksheet, spec, text)),
        _grace(case, text),
        text.get("agreement.interest", clause=interest_sentence(case, spec, text)),
        text.get("agreement.records"),
    ]
    return Section(text.get("agreement.payment_heading"), [p for p in paragraphs if p])


def _grace(case: Case, text: Text) -> str:
    if case.grace_days <= 0:
        return text.get("agreement.no_grace")
    if case.grace_days == 1:
        return text.get("agreement.grace_one")
    return text.get("agreement.grace", days=case.grace_days)


def _done(case: Case, spec: dict, text: Text) -> Section:
    form_id = text.get("agreement.dismissal_form")
    form_name = _form_name(spec, form_id, text)
    paragraphs = [text.get("agreement.done", form_name=form_name, form_id=form_id),
                  text.get("agreement.keep_power")]
    if not _done_before_hearing(case):
        paragraphs.append(text.get("agreement.until_done", form_id=form_id,
                                   postpone_form=text.get("agreement.postpone_form")))
    return Section(text.get("agreement.done_heading"), paragraphs)


def _done_before_hearing(case: Case) -> bool:
    """Whether everything is due to be done before the hearing date (False when either date is unknown)."""
    finish_by = case.finish_by()
    return finish_by is not None and case.hearing_date is not None and finish_by < case.hearing_date


def _not_done(case: Case, text: Text) -> Section:
    """What happens when a payment is missed, or another term is not kept."""
    paragraphs = [missed_sentence(case, text) if case.schedule else "",
                  text.get("agreement.terms_missed") if case.terms else ""]
    return Section(text.get("agreement.missed_heading"), [p for p in paragraphs if p])


def _signatures(case: Case, text: Text, courtesy: bool) -> Section:
    """Signature lines for each party; a courtesy translation has none: only the English agreement is signed."""
    heading = text.get("agreement.signatures_heading")
    if courtesy:
        return Section(heading, [text.get("agreement.courtesy_do_not_sign")])
    signatures = [Signature(text.get(f"roles.{p.role}"), p.name) for p in case.plaintiffs + case.defendants]
    return Section(heading, [text.get("agreement.signatures_intro")], signatures=signatures)


def _form_name(spec: dict, form_id: str, text: Text) -> str:
    forms = (spec.get("settings") or {}).get("forms") or []
    found = next((form for form in forms if isinstance(form, dict) and form.get("id") == form_id), None)
    return text.pick(found.get("name")) if found else form_id

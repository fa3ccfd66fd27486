"""A court profile: `content/courts/<id>.yaml`."""

from __future__ import annotations

import datetime
from typing import Annotated, ClassVar, Literal

from pydantic import Field as Constraint

from odr.models.base import Document, Email, Id, Model, Money, Phone, Text, Url, unknown_id

MissedPaymentOption = Literal["whole_balance_due", "stipulated_judgment", "refile"]
PUBLISHING_FACTS = (("odr", "provider"), ("odr", "url"), ("odr", "cost"))
"""Facts every page needs: optional in a draft profile, required to publish the court."""


class Deadlines(Model):
    register_within_calendar_days: Annotated[int, Constraint(ge=1, le=90)]
    """Parties register for ODR within this many calendar days of the court's notice (1 to 90)."""
    settle_court_days_before_hearing: Annotated[int, Constraint(ge=1, le=60)]
    """Without an agreement this many court days before the hearing, everyone attends the hearing (1 to 60)."""
    source: str
    """Where these deadlines come from."""


class Odr(Model):
    provider: str | None = None
    """The company that runs the court's ODR platform, e.g. TurboCourt; needed to publish the court."""
    url: Url | None = None
    """Where parties log in to ODR; needed to publish the court."""
    registration_url: Url | None = None
    """Where a case is registered for ODR, when it differs from `url`."""
    notice_url: Url | None = None
    """The court's notice about ODR, when it publishes one."""
    cost: Text | None = None
    """What ODR costs, in words and without amounts, which come from `fees` (e.g. "free", "a one-time registration fee"); needed to publish the court."""
    mediator_on_request: bool = False
    """Whether a party can ask for a mediator."""
    negotiation_hidden_from_court: bool = False
    """Whether the court says judges, court staff and the public cannot see the ODR negotiation; otherwise pages say only that it is confidential."""
    conformed_copies_online: bool = False
    """Whether parties download the court-stamped (conformed) copies of their filed papers on the ODR platform; otherwise the tutorial says to ask the court."""
    deadlines: Deadlines | None = None
    """The court's ODR deadlines; empty (null) when the court sets none."""
    worksheets: dict[Literal["plaintiff", "defendant"], Url] = {}
    """Links to the court's own printable worksheets, by role."""


class Fee(Model):
    id: Id
    """A short name for the fee, used to refer to it in content."""
    amount: Money
    """The amount, in dollars."""
    label: Text
    """The fee's name."""
    paid_by: Literal["plaintiff", "defendant", "each party"]
    """Who pays it."""
    paid_to: Text
    """Who receives it."""
    when: Text
    """When it must be paid."""
    one_time: bool = True
    """Whether it is paid once per case."""
    source: str
    """Where the fee comes from."""


class Contact(Model):
    id: Id
    """A short name for the contact."""
    label: Text
    """Who or what it is."""
    description: Text | None = None
    """What to contact them for."""
    phone: Phone | None = None
    """A phone number, as it should be dialled and shown, in quotes: digits with spaces, ( ) . - and an extension (`ext. 12`) if needed."""
    email: Email | None = None
    """An email address."""
    url: Url | None = None
    """A web page."""
    hours: Text | None = None
    """Opening hours."""


class HelpResource(Model):
    id: Id
    """A short name for the resource."""
    group: Id
    """The heading it is listed under; titles are in the strings catalog (site.help_groups)."""
    label: Text
    """The link text."""
    description: Text | None = None
    """One line on what it offers."""
    url: Url
    """Where it is."""


class Holiday(Model):
    date: datetime.date
    """The day the court is closed (YYYY-MM-DD)."""
    name: Text
    """The holiday's name."""


class Agreement(Model):
    missed_payment_options: list[MissedPaymentOption]
    """What an agreement may say happens after a missed payment, among whole_balance_due, stipulated_judgment, refile."""
    filing_checklist: list[Text]
    """What to do after agreeing, step by step: who files, where, fees, conformed copies, dismissal."""


class Court(Document):
    """Everything the site and the documents say about one court."""

    id: Id
    """The court's id; also the folder its site is published in."""
    site_url: Url | None = None
    """Where the court's site is published, e.g. https://example.org/odr/. Optional; set it when the site is not at the root of a domain: the "page not found" page needs it (every other page works in any folder), and search engines then get a sitemap."""
    draft: bool = False
    """Whether the profile is still being filled in: a draft is checked but not built or published, and the facts needed to publish (odr.provider, odr.url, odr.cost) may stay empty."""
    name: Text
    """The court's full name."""
    short_name: Text
    """A short name for running text, e.g. "Los Angeles court"."""
    county: str
    """The county."""
    source: str
    """The court pages these facts come from."""
    odr: Odr
    """The court's ODR program."""
    fees: list[Fee] = []
    """Fees a party pays to use ODR (none when ODR is free)."""
    contacts: list[Contact] = []
    """People and offices to contact."""
    help_resources: list[HelpResource] = []
    """Links to help, grouped."""
    tutorial_videos: dict[str, Url] = {}
    """Video for a tutorial, by tutorial id."""
    additional_holidays: list[Holiday] = []
    """Days this court is closed besides the statewide judicial holidays."""
    agreement: Agreement
    """What settlement agreements at this court may say and how they are filed."""

    unique_ids: ClassVar[tuple[str, ...]] = ("fees", "contacts", "help_resources")
    """Lists whose items' ids must differ (check reports a repeated one)."""
    no_amounts: ClassVar[tuple[tuple[str, ...], ...]] = (("odr", "cost"),)
    """Texts that must not write an amount: it is stated once, in `fees`, and shown from there."""

    def fee(self, fee_id: str) -> Fee:
        """The fee with this id; an unknown id is an error that names this court's fees."""
        for fee in self.fees:
            if fee.id == fee_id:
                return fee
        raise unknown_id("a fee id of this court", fee_id, [fee.id for fee in self.fees])

    def resources(self, group: str) -> list[HelpResource]:
        return [resource for resource in self.help_resources if resource.group == group]


def missing_publishing_facts(data) -> list[tuple]:
    """Paths of the facts a court profile (its YAML data) lacks to be published; none for a draft."""
    if not isinstance(data, dict) or data.get("draft") is True or not isinstance(data.get("odr"), dict):
        return []
    return [path for path in PUBLISHING_FACTS if data["odr"].get(path[1]) in (None, "", {})]

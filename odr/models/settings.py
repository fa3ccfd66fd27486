"""Statewide facts shared by every court: `content/settings.yaml`."""

from __future__ import annotations

import datetime
from typing import ClassVar

from odr.models.base import Document, Id, Model, Money, Text, Url, unknown_id


SETTINGS_FILE = "content/settings.yaml"
"""Where the statewide settings are, relative to the project root."""


class ClaimLimit(Model):
    amount: Money
    """The largest claim allowed, in dollars."""
    source: str
    """The statute or page the amount comes from."""


class ClaimsOverPerYear(Model):
    count: int
    """How many claims above `over_amount` one filer may bring in a calendar year."""
    over_amount: Money
    """The amount above which claims are counted."""
    source: str
    """The statute the rule comes from."""


class ClaimLimits(Model):
    natural_person: ClaimLimit
    """Limit for a claim brought by a person."""
    business: ClaimLimit
    """Limit for a claim brought by a business or other entity."""
    claims_over_2500_per_year: ClaimsOverPerYear
    """How many large claims one filer may bring each year."""


class FeeTier(Model):
    up_to: Money | None
    """The claim amount this tier goes up to; empty (null) for the last tier."""
    amount: Money
    """The filing fee for claims in this tier."""


class FrequentFiler(Model):
    more_than_claims: int
    """The fee applies to a filer with more than this many claims..."""
    in_months: int
    """...in this many months."""
    amount: Money
    """The filing fee for a frequent filer."""


class FilingFees(Model):
    source: str
    """The statute the fees come from."""
    tiers: list[FeeTier]
    """Fee by claim amount, smallest first."""
    frequent_filer: FrequentFiler
    """The fee for filers with many claims."""


class JudgmentInterest(Model):
    percent_per_year: str
    """Yearly interest on an unpaid judgment, in percent."""
    source: str
    """The statute the rate comes from."""


class FilingLanguage(Model):
    language: str
    """The language court filings must be written in."""
    source: str
    """The statute that says so."""


class Form(Model):
    id: str
    """The Judicial Council form number, e.g. CIV-110."""
    name: Text
    """The form's name."""
    url: Url
    """Where the form can be downloaded."""


class Holiday(Model):
    date: datetime.date
    """The day the courts are closed (YYYY-MM-DD)."""
    name: Text
    """The holiday's name."""


class JudicialHolidays(Model):
    source: str
    """Where the list of holidays comes from."""
    dates: list[Holiday]
    """Every court holiday, one per line."""


class Settings(Document):
    """Statewide California small-claims facts, each with its source."""

    claim_limits: ClaimLimits
    """The largest claims small claims court hears."""
    filing_fees: FilingFees
    """What filing a claim costs."""
    judgment_interest: JudgmentInterest
    """Interest on unpaid judgments."""
    filing_language: FilingLanguage
    """The language of court filings."""
    forms: list[Form]
    """Court forms the guide mentions."""
    judicial_holidays: JudicialHolidays
    """Days the courts are closed; they do not count as court days."""

    unique_ids: ClassVar[tuple[str, ...]] = ("forms",)
    """Lists whose items' ids must differ (check reports a repeated one)."""

    def form(self, form_id: str) -> Form:
        """The form with this id; an unknown id is an error that names the known ones."""
        for form in self.forms:
            if form.id == form_id:
                return form
        raise unknown_id("a form id", form_id, [form.id for form in self.forms])


__all__ = ["Settings", "Id"]

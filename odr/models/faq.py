"""A question and its answer: `content/faq/<id>.yaml`."""

from __future__ import annotations

from typing import Literal

from odr.models.base import Document, Id, Model, Text

Audience = Literal["everyone", "plaintiff", "defendant"]


class SeeAlso(Model):
    faq: list[Id] = []
    """Ids of related questions."""
    tutorials: list[Id] = []
    """Ids of related tutorials."""
    worksheets: list[Literal["plaintiff", "defendant"]] = []
    """Related worksheets."""


class Faq(Document):
    """One question of the FAQ, answered in plain language."""

    id: Id
    """The question's id; also its page address (faq/<id>/)."""
    topic: Id
    """The heading it is listed under on the FAQ page; titles are in the strings catalog (site.faq_topics)."""
    order: int
    """Position within its topic (smaller first)."""
    question: Text
    """The question, as a person would ask it."""
    answer: Text
    """The answer in Markdown; may use court variables such as {{ court.odr.provider }}."""
    audience: Audience = "everyone"
    """Who the answer is for: everyone (the default), plaintiff or defendant. Tutorials say both where FAQ entries say everyone."""
    show_if: str | None = None
    """A condition on the court; the question is left out where it is false, e.g. `court.fees`."""
    see_also: SeeAlso = SeeAlso()
    """Related pages."""

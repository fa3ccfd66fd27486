"""A step-by-step guide: `content/tutorials/<id>.yaml`."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field as Constraint

from odr.models.base import Document, Id, Model, Text
from odr.models.faq import SeeAlso


class Step(Model):
    title: Text
    """What the person does in this step, in a few words."""
    body: Text
    """How to do it, in Markdown; may use court variables."""


class Tutorial(Document):
    """A written, step-by-step guide to one part of ODR."""

    id: Id
    """The tutorial's id; also its page address (tutorials/<id>/) and the key of its video in a court profile."""
    order: int
    """Position in the list of tutorials (smaller first)."""
    title: Text
    """The tutorial's title."""
    audience: Literal["both", "plaintiff", "defendant"] = "both"
    """Who does this: both (both parties, the default), plaintiff or defendant (that party only). FAQ entries say everyone where tutorials say both."""
    summary: Text
    """One or two sentences on what the tutorial covers."""
    steps: Annotated[list[Step], Constraint(min_length=1)]
    """The steps, in order."""
    show_if: str | None = None
    """A condition on the court; the tutorial is left out where it is false."""
    see_also: SeeAlso = SeeAlso()
    """Related pages."""

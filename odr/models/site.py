"""Settings of the whole guide: `content/site.yaml`."""

from __future__ import annotations

from odr.models.base import Document, Id, Model, Text


class Language(Model):
    code: str
    """The language code, e.g. `es`; pages in this language live under `<code>/`."""
    name: str
    """The language's name in that language, e.g. Español."""
    search: str
    """The search engine's language code, for stemming (e.g. `es`)."""


class Site(Document):
    """The guide as a whole: its title, languages and publishing settings."""

    title: Text
    """The site's title, shown in the header."""
    languages: list[Language]
    """Every language the site is published in; the first is the default, at the site root."""
    default_court: Id
    """The court `build.py serve` shows when none is named."""
    edit_url: str
    """Address of the "edit this page" link, with `{path}` where the YAML file's path goes."""

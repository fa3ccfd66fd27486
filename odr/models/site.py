"""Settings of the whole guide: `content/site.yaml`."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Annotated, Any

from pydantic import BeforeValidator
from pydantic_core import PydanticCustomError

from odr.models.base import Document, Id, Model, Text, _matching, describe

LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]+)?$")
EDIT_URL = re.compile(r"^https?://[^\s]*\{path\}[^\s]*$")


@functools.cache
def search_languages() -> list[str]:
    """The languages Material's search can stem: English and those it ships a stemmer for."""
    import material

    stemmers = Path(material.__file__).parent / "templates/assets/javascripts/lunr/min"
    codes = {path.name.split(".")[1] for path in stemmers.glob("lunr.*.min.js")} - {"multi", "stemmer"}
    return sorted({"en", *codes})


def _check_search(value: Any) -> Any:
    known = search_languages()
    if value not in known:
        raise PydanticCustomError("search_language", "expected a language Material's search knows, one of "
                                  + ", ".join(known) + " (en when yours is not there), found {found}",
                                  {"found": describe(value)})
    return value


class Language(Model):
    code: Annotated[str, BeforeValidator(_matching(LANGUAGE_CODE, "language_code",
                                                   'a language code in small letters, like "es" or "vi"'))]
    """The language code, e.g. `es`; pages in this language live under `<code>/`."""
    name: str
    """The language's name in that language, e.g. Español."""
    search: Annotated[str, BeforeValidator(_check_search)]
    """The search engine's language code, for stemming (e.g. `es`; `en` when search has no stemmer for the language)."""


class Site(Document):
    """The guide as a whole: its title, languages and publishing settings."""

    title: Text
    """The site's title, shown in the header."""
    languages: list[Language]
    """Every language the site is published in; the first is the default, at the site root."""
    default_court: Id
    """The court `build.py serve` shows when none is named."""
    edit_url: Annotated[str, BeforeValidator(_matching(
        EDIT_URL, "edit_url_format", "a web address with {path} where the file's path goes"))] | None = None
    """Address of the "edit this page" link, with `{path}` where the YAML file's path goes; without it, pages have no such link."""

"""An interface strings catalog: `content/strings/<language>.yaml`."""

from __future__ import annotations

from typing import Any

from odr.models.base import Document


def catalog_file(language: str) -> str:
    """Where a language's catalog is, relative to the project root."""
    return f"content/strings/{language}.yaml"


class Strings(Document):
    """Every interface string in one language. The keys are the same in every language."""

    site: dict[str, Any]
    """Labels of the website: navigation, headings, buttons, topic titles."""
    worksheet: dict[str, Any]
    """The worksheet calculator's messages, offers and agreement text."""

    def lookup(self, dotted: str):
        """The string at a dotted key like `site.nav.faq`, or None."""
        value: Any = {"site": self.site, "worksheet": self.worksheet}
        for part in dotted.split("."):
            if not isinstance(value, dict) or part not in value:
                return None
            value = value[part]
        return value

"""Localized text: every sentence the engine shows comes from the `worksheet:`
section of `content/strings/<language>.yaml` (carried in the spec) or from a
`{en: ..., es: ...}` mapping in a worksheet definition or court profile.

A key missing in the chosen language falls back to English; a key missing in
English too shows as `[key]` rather than crashing the page (the tests check
that no key is missing).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from widgets.money import format_money

FALLBACK = "en"


class _Keep(dict):
    """Leaves unknown `{placeholders}` as they are."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class Text:
    """Strings, dates and amounts in one language."""

    def __init__(self, spec: dict, language: str | None = None) -> None:
        self.language = language or spec.get("language") or FALLBACK
        strings = spec.get("strings") or {}
        self._catalog = strings.get(self.language) or {}
        self._fallback = strings.get(FALLBACK) or {}

    def get(self, key: str, **values: object) -> str:
        """The string at a dotted key, with `{placeholders}` filled in."""
        template = self.raw(key)
        if not isinstance(template, str):
            return f"[{key}]"
        return fill(template, **values)

    def raw(self, key: str) -> object:
        """The value at a dotted key (any type), or None."""
        found = _lookup(self._catalog, key)
        return found if found is not None else _lookup(self._fallback, key)

    def has(self, key: str) -> bool:
        return self.raw(key) is not None

    def pick(self, value: object) -> str:
        """Text written as `{en: ..., es: ...}` (or a plain string)."""
        return pick(value, self.language)

    def date(self, day: date) -> str:
        """A date in words: `January 31, 2027` / `31 de enero de 2027`."""
        months = self.raw("months") or []
        month = months[day.month - 1] if len(months) == 12 else str(day.month)
        return self.get("date_format", month=month, day=day.day, year=day.year)

    def citation(self, source: str) -> str:
        """A law cited in the data (written in English) in this language:
        `Code of Civil Procedure § 685.010` -> `Código de Procedimiento Civil § 685.010`."""
        english = _lookup(self._fallback, "law_names")
        mine = self.raw("law_names")
        if not isinstance(english, dict) or not isinstance(mine, dict):
            return source
        for key, name in english.items():
            translated = mine.get(key)
            if isinstance(name, str) and isinstance(translated, str):
                source = source.replace(name, translated)
        return source

    def money(self, amount: Decimal) -> str:
        return format_money(amount)

    def join(self, items: list[str]) -> str:
        """`A`, `A and B`, `A, B and C` in the current language."""
        items = [item for item in items if item]
        if len(items) < 2:
            return "".join(items)
        return self.get("join_last", rest=", ".join(items[:-1]), last=items[-1])


def fill(template: str, **values: object) -> str:
    """Fill `{placeholders}`; unknown ones stay as written."""
    return template.format_map(_Keep({name: str(value) for name, value in values.items()}))


def pick(value: object, language: str) -> str:
    """Choose one language from a `{en: ..., es: ...}` mapping, falling back
    to English; plain strings pass through."""
    if isinstance(value, dict):
        chosen = value.get(language)
        if chosen is None:
            chosen = value.get(FALLBACK)
        return "" if chosen is None else str(chosen)
    return "" if value is None else str(value)


def _lookup(catalog: dict, key: str) -> object:
    node: object = catalog
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node

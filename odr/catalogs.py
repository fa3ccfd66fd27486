"""Interface string catalogs (`content/strings/<language>.yaml`), checked against en.yaml.

en.yaml is the reference: every other catalog has the same keys, and each of
its strings the same `{placeholders}`. A key missing from a translation is a
warning (an error with `check --strict`), as a missing translation in content
is, and the pages show the English string instead; an unknown key, a string
where en.yaml has a mapping, or a different set of placeholders is an error.

    problems = check_catalogs(content)
    strings = site_strings(content, "es")   # the `site` labels, English where a key is missing
"""

from __future__ import annotations

import string

import jinja2

from odr.models.base import describe
from odr.models.strings import catalog_file
from odr.problems import WARNING, Problem, did_you_mean
from odr.yamlsource import format_path

REFERENCE = "en"


class MissingString(jinja2.UndefinedError):
    """A page asked for a catalog key that en.yaml does not have."""

    def __init__(self, dotted: str):
        self.dotted = dotted
        super().__init__(f'"{dotted}", which is not in {catalog_file(REFERENCE)}')


class Catalog(dict):
    """Part of a strings catalog that knows its dotted key, so a missing key names itself."""

    def __init__(self, items, dotted: str):
        super().__init__(items)
        self._dotted = dotted

    def __missing__(self, key):
        raise MissingString(f"{self._dotted}.{key}")


def site_strings(content, language: str) -> Catalog:
    """The website's labels in `language`, English where the catalog lacks a key."""
    english = content.strings[REFERENCE].site
    catalog = content.strings.get(language)
    merged = _merge(english, catalog.site if catalog is not None and language != REFERENCE else None)
    return _wrap(merged, "site")


def _merge(english, translated):
    if isinstance(english, dict):
        translated = translated if isinstance(translated, dict) else {}
        return {key: _merge(value, translated.get(key)) for key, value in english.items()}
    if translated is None or type(translated) is not type(english):
        return english
    if isinstance(english, list):
        return translated if len(translated) == len(english) else english
    return translated


def _wrap(value, dotted: str):
    if isinstance(value, dict):
        return Catalog({key: _wrap(item, f"{dotted}.{key}") for key, item in value.items()}, dotted)
    return value


# ---------------------------------------------------------------- checking


def check_catalogs(content) -> list[Problem]:
    """Every catalog's strings, and the keys and placeholders of each translation against en.yaml."""
    english = content.strings.get(REFERENCE)
    english_tree = _tree(english) if english is not None else None
    problems: list[Problem] = []
    for language, catalog in content.strings.items():
        tree = _tree(catalog)
        problems += _check_strings(catalog.source_file, tree, reference=language == REFERENCE)
        if english_tree is not None and language != REFERENCE:
            problems += _compare(catalog.source_file, english_tree, tree, ())
            problems += _check_translated(catalog.source_file, english_tree, tree)
    return problems


UNTRANSLATED_SHARE = 0.5
"""A catalog with more than this share of its texts the same as in en.yaml is most likely a copy not yet translated."""


def _check_translated(source, english, translated) -> list[Problem]:
    """A warning when a translation is mostly English: a copy of en.yaml, not yet translated."""
    pairs = list(_leaf_pairs(english, translated))
    same = sum(1 for english_text, text in pairs if text == english_text)
    if not pairs or same <= UNTRANSLATED_SHARE * len(pairs):
        return []
    return [Problem(source.path, 1, 1, "", f"expected a translation of {REFERENCE}.yaml, found {same} of "
                                           f"{len(pairs)} texts the same as in English", severity=WARNING)]


def _leaf_pairs(english, translated):
    """(English text, translated text) for every text both catalogs have at the same place."""
    if isinstance(english, dict) and isinstance(translated, dict):
        for key, value in english.items():
            yield from _leaf_pairs(value, translated.get(key))
    elif isinstance(english, list) and isinstance(translated, list):
        for english_item, item in zip(english, translated):
            yield from _leaf_pairs(english_item, item)
    elif isinstance(english, str) and isinstance(translated, str):
        yield english, translated


def _tree(catalog) -> dict:
    return {"site": catalog.site, "worksheet": catalog.worksheet}


def _check_strings(source, tree, path=(), reference=False) -> list[Problem]:
    """Every value is text (or a mapping or list of text) whose braces are placeholders.

    An empty value is a missing translation in a translation (see _compare), an error in en.yaml."""
    if isinstance(tree, (dict, list)):
        items = tree.items() if isinstance(tree, dict) else enumerate(tree)
        return [problem for key, value in items for problem in _check_strings(source, value, path + (key,), reference)]
    if tree is None:
        return [source.problem(path, "expected text, found nothing")] if reference else []
    if not isinstance(tree, str):
        quote = "" if isinstance(tree, bool) else " (put it in quotes)"
        return [source.problem(path, f"expected text, found {describe(tree)}{quote}")]
    if placeholders(tree) is None:
        return [source.problem(path, 'expected { and } only around a placeholder like {court}, '
                                     'found a "{" or "}" without its pair')]
    return []


def _compare(source, english, translated, path) -> list[Problem]:
    if translated is None:
        dotted = format_path(path)
        return [source.problem(path, f'expected a translation of "{dotted}" from {REFERENCE}.yaml, found none',
                               severity=WARNING)]
    if isinstance(english, dict):
        return _compare_mappings(source, english, translated, path)
    if isinstance(english, list):
        if not isinstance(translated, list) or len(translated) != len(english):
            return [source.problem(path, f"expected a list of {len(english)} items as in {REFERENCE}.yaml, "
                                         f"found {_count(translated)}")]
        return [problem for index, item in enumerate(english)
                for problem in _compare(source, item, translated[index], path + (index,))]
    if isinstance(translated, (dict, list)):
        return [source.problem(path, f"expected text as in {REFERENCE}.yaml, found {describe(translated)}")]
    if isinstance(english, str) and isinstance(translated, str):
        return _compare_placeholders(source, english, translated, path)
    return []


def _compare_mappings(source, english: dict, translated, path) -> list[Problem]:
    if not isinstance(translated, dict):
        return [source.problem(path, f"expected a mapping (key: value pairs) as in {REFERENCE}.yaml, "
                                     f"found {describe(translated)}")]
    problems = []
    for key, value in english.items():
        problems += _compare(source, value, translated.get(key), path + (key,))
    for key in translated:
        if key not in english:
            message = (f'expected a key that {REFERENCE}.yaml has, found unknown key "{key}"'
                       f"{did_you_mean(key, [k for k in english if k not in translated])}")
            problems.append(source.problem(path + (key,), message, at_key=True))
    return problems


def _compare_placeholders(source, english: str, translated: str, path) -> list[Problem]:
    expected, found = placeholders(english), placeholders(translated)
    if expected is None or found is None or expected == found:
        return []
    message = (f"expected the placeholders of {REFERENCE}.yaml ({_braces(expected) or 'none'}), "
               f"found {_braces(found) or 'none'}")
    return [source.problem(path, message)]


def placeholders(text: str) -> list[str] | None:
    """The `{names}` in a string, sorted; None when its braces do not pair up."""
    try:
        return sorted({name for _, name, _, _ in string.Formatter().parse(text) if name is not None})
    except ValueError:
        return None


def _braces(names: list[str]) -> str:
    return ", ".join("{" + name + "}" for name in names)


def _count(value) -> str:
    return f"{len(value)} item(s)" if isinstance(value, list) else describe(value)

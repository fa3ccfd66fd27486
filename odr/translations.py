"""Missing translations, reported as warnings (errors with `check --strict`)."""

from __future__ import annotations

from odr.problems import WARNING, Problem


def check_translations(content) -> list[Problem]:
    from odr.content import documents, walk_texts

    problems: list[Problem] = []
    for document in documents(content):
        for path, text in walk_texts(document):
            for language in content.languages:
                if not text.has(language):
                    problems.append(document.source_file.problem(
                        path, f'expected a translation in "{language}", found none', severity=WARNING))
    problems += _check_catalogs(content)
    return problems


def _check_catalogs(content) -> list[Problem]:
    english = content.strings.get("en")
    problems = []
    for language, catalog in content.strings.items():
        if language == "en" or english is None:
            continue
        for path in _leaf_paths({"site": english.site, "worksheet": english.worksheet}):
            if _lookup(catalog, path) is None:
                line, column = catalog.source_file.position(path)
                dotted = ".".join(str(part) for part in path)
                problems.append(Problem(catalog.source_file.path, line, column, dotted,
                                        f'expected a translation of "{dotted}" from en.yaml, found none', WARNING))
    return problems


def _leaf_paths(tree, path=()):
    if isinstance(tree, dict):
        for key, value in tree.items():
            yield from _leaf_paths(value, path + (key,))
    elif isinstance(tree, list):
        for index, value in enumerate(tree):
            yield from _leaf_paths(value, path + (index,))
    else:
        yield path


def _lookup(catalog, path):
    value = {"site": catalog.site, "worksheet": catalog.worksheet}
    for part in path:
        try:
            value = value[part]
        except (KeyError, IndexError, TypeError):
            return None
    return value

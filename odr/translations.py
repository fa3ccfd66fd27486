"""Missing translations, reported as warnings (errors with `check --strict`).

The strings catalogs are checked by odr/catalogs.py."""

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
    return problems

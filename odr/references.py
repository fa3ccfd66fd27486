"""Checks across files: every id a file names must exist somewhere.

A file that did not validate still exists (content.invalid holds its ids): naming it is no error.
"""

from __future__ import annotations

from odr.problems import Problem, did_you_mean


def check_references(content) -> list[Problem]:
    problems: list[Problem] = []
    for page in [*content.faqs.values(), *content.tutorials.values()]:
        problems += _check_see_also(page, content)
    for court in content.courts.values():
        problems += _check_court(court, content)
    problems += _check_faq_topics(content)
    if content.site.default_court not in {**content.courts, **_invalid(content, "courts")}:
        problems.append(_missing(content.site, ("default_court",), "court", content.site.default_court,
                                 content.courts))
    return problems


def _check_see_also(page, content) -> list[Problem]:
    problems = []
    targets = {"faq": content.faqs, "tutorials": content.tutorials}
    for kind, known in targets.items():
        for index, target in enumerate(getattr(page.see_also, kind)):
            if target not in known and target not in _invalid(content, kind):
                noun = "question" if kind == "faq" else "tutorial"
                problems.append(_missing(page, ("see_also", kind, index), noun, target, known))
    return problems


def _check_court(court, content) -> list[Problem]:
    problems = []
    for tutorial_id in court.tutorial_videos:
        if tutorial_id not in content.tutorials and tutorial_id not in _invalid(content, "tutorials"):
            problems.append(_missing(court, ("tutorial_videos", tutorial_id), "tutorial", tutorial_id,
                                     content.tutorials, at_key=True))
    groups = help_groups(content)
    for index, resource in enumerate(court.help_resources):
        if groups is not None and resource.group not in groups:
            problems.append(_missing(court, ("help_resources", index, "group"), "help group (site.help_groups)",
                                     resource.group, groups))
    return problems


def _check_faq_topics(content) -> list[Problem]:
    topics = _catalog_keys(content, "faq_topics")
    return [_missing(faq, ("topic",), "FAQ topic (site.faq_topics)", faq.topic, topics)
            for faq in content.faqs.values() if topics is not None and faq.topic not in topics]


def help_groups(content) -> dict | None:
    """The groups of help links (site.help_groups of en.yaml); None when en.yaml did not validate."""
    return _catalog_keys(content, "help_groups")


def _catalog_keys(content, name: str) -> dict | None:
    """The ids of a section of en.yaml; None when en.yaml did not validate (nothing to check against)."""
    english = content.strings.get("en")
    return (english.site.get(name) or {}) if english else None


def _invalid(content, kind: str) -> dict:
    return dict.fromkeys(content.invalid.get(kind, ()))


def _missing(document, path, noun, target, known, at_key=False) -> Problem:
    message = f'expected the id of a {noun}, found "{target}", which does not exist{did_you_mean(target, known)}'
    return document.source_file.problem(path, message, at_key=at_key)

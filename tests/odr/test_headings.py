"""Headings in FAQ answers and tutorial steps skip no level (the page's title is the only #)."""

from odr.content import read_content
from tests.conftest import MINIMAL_TUTORIAL

FAQ = """\
id: what-is-odr
topic: basics
order: 1
question: {en: "What is ODR?", es: "¿Qué es la ODR?"}
answer:
  en: |
    ODR is online.

    ## If you agree

    ### Then

    ```
    # not a heading
    ```
  es: |
    La ODR es en línea.

    ### Si se ponen de acuerdo

    #### Luego

    # Otro título
"""


def test_a_heading_that_skips_a_level_or_repeats_the_title_is_an_error(project):
    project.write("content/faq/what-is-odr.yaml", FAQ)
    assert project.messages() == [
        "content/faq/what-is-odr.yaml:19:5: answer.es: expected a heading of ## at most (one level below the "
        "heading above it), found ###",
        "content/faq/what-is-odr.yaml:23:5: answer.es: expected a heading of ## or more (it is under the page's # "
        "heading), found #",
    ]


def test_headings_in_a_tutorial_step_start_under_the_step(project):
    project.write("content/tutorials/negotiate.yaml", MINIMAL_TUTORIAL.replace(
        'body: {en: "Go to {{ court.odr.url }}.", es: "Vaya a {{ court.odr.url }}."}',
        'body:\n      en: "Go.\\n\\n### How\\n\\n#### Details"\n      es: "Vaya.\\n\\n## Cómo"'))
    assert project.messages() == [
        "content/tutorials/negotiate.yaml:9:21: steps[0].body.es: expected a heading of ### or more (it is under the "
        "page's ## heading), found ##"]


def test_the_shipped_content_skips_no_heading_level():
    from odr.headings import check_headings
    from tests.conftest import ROOT

    content, _ = read_content(ROOT)
    assert check_headings(content) == []


def test_the_hand_written_pages_skip_no_heading_level():
    import re

    from tests.conftest import ROOT

    for path in sorted((ROOT / "docs").rglob("*.md")):
        previous, fence = 0, False
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            fence = not fence if line.lstrip().startswith(("```", "~~~")) else fence
            heading = re.match(r"^(#{1,6}) ", line)
            if heading and not fence:
                assert len(heading.group(1)) <= previous + 1, f"{path.relative_to(ROOT)}:{number}: {line}"
                previous = len(heading.group(1))

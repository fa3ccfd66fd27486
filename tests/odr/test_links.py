"""Links: internal ones checked by `build.py check` for every court and language, external ones listed."""

import io
import socket

from odr.content import load_content
from odr.links import check_target, external_links, links_in_markdown, run_links, site_pages
from tests.conftest import MINIMAL_COURT, ROOT

FAQ = """\
id: what-is-odr
topic: basics
order: 1
question: {en: "What is ODR?", es: "¿Qué es la ODR?"}
answer:
  en: |
    ODR is run by {{ court.odr.provider }}.
    See [how to negotiate](../tutorials/negotiate.md#step-1-log-in).
  es: |
    La ODR la maneja {{ court.odr.provider }}.
    Vea [cómo negociar](../tutorials/negotiate.md#paso-1-entre).
"""
DEADLINES_FAQ = """\
id: odr-deadlines
topic: deadlines
order: 1
show_if: court.odr.deadlines
question: {en: "When is my deadline?", es: "¿Cuándo es mi fecha límite?"}
answer: {en: "Soon.", es: "Pronto."}
"""
OTHER_COURT = MINIMAL_COURT.replace("test-court", "other-court").replace("Test Court", "Other Court").replace(
    """  deadlines:
    register_within_calendar_days: 5
    settle_court_days_before_hearing: 2
    source: "test"
""", "  deadlines: null\n")


def test_good_links_and_anchors_pass(project):
    project.write("content/faq/what-is-odr.yaml", FAQ)
    assert project.messages() == []


def test_a_missing_page_with_did_you_mean(project):
    project.write("content/faq/what-is-odr.yaml", FAQ.replace("../tutorials/negotiate.md#step-1-log-in",
                                                              "../tutorials/negotiat.md"))
    assert project.messages() == [
        'content/faq/what-is-odr.yaml:8:28: answer.en: expected a link to a page or file of the site, found '
        '"../tutorials/negotiat.md", which does not exist (did you mean "../tutorials/negotiate.md"?)']


def test_a_missing_anchor_is_checked_in_each_language(project):
    project.write("content/faq/what-is-odr.yaml", FAQ.replace("#paso-1-entre", "#step-1-log-in"))
    assert project.messages() == [
        'content/faq/what-is-odr.yaml:11:25: answer.es: expected a heading anchor of tutorials/negotiate.md, '
        'found "#step-1-log-in", which is not on that page']


def test_an_absolute_link_is_an_error(project):
    project.write("content/faq/what-is-odr.yaml", FAQ.replace("../tutorials/negotiate.md#step-1-log-in",
                                                              "/tutorials/negotiate/"))
    assert project.messages() == [
        'content/faq/what-is-odr.yaml:8:28: answer.en: expected a relative link (like ../faq/what-is-odr.md), '
        'found "/tutorials/negotiate/", which breaks when a court\'s site is published in a folder']


def test_a_link_to_a_page_one_court_does_not_have_names_that_court(project):
    project.write("content/courts/other-court.yaml", OTHER_COURT)
    project.write("content/faq/odr-deadlines.yaml", DEADLINES_FAQ)
    project.write("content/faq/what-is-odr.yaml", FAQ.replace(
        "    See [how to negotiate]",
        "    {% if court.odr.deadlines %}[Deadlines](odr-deadlines.md){% endif %}\n"
        "    [Deadlines again](odr-deadlines.md)\n    See [how to negotiate]"))
    assert project.messages() == [
        'content/faq/what-is-odr.yaml:9:23: answer.en: expected a link to a page or file of the site, found '
        '"odr-deadlines.md", which does not exist (court other-court)']


def test_links_in_hand_written_pages_are_checked_and_code_is_skipped(project):
    project.write("docs/en/guide/index.md", """\
        # Guide

        Read [the FAQ](../faq/index.md), [help](../help.md#get-help) and [more](more.md).

        ```markdown
        [not a link](nowhere.md)
        ```

        Write `[also not](nowhere.md)` in an answer.
        """)
    assert project.messages() == [
        "docs/en/guide/index.md:3:73: expected a link to a page or file of the site, found \"more.md\", "
        "which does not exist"]


def test_links_to_the_worksheet_pages_are_accepted(project):
    project.write("content/faq/what-is-odr.yaml", FAQ.replace("../tutorials/negotiate.md#step-1-log-in",
                                                              "../worksheets/plaintiff.md"))
    project.write("worksheets/plaintiff.yaml", (ROOT / "worksheets/plaintiff.yaml").read_text(encoding="utf-8"))
    assert project.messages() == []


def test_finding_links_in_markdown():
    text = ("[a](one.md) ![img](pic.png \"Title\") <https://example.org/x>\n"
            "`[code](no.md)` <a href=\"two.md#x\">two</a>\n"
            "~~~\n[fenced](no.md)\n~~~\n"
            "[ref]: three.md\n")
    assert links_in_markdown(text) == [(1, 5, "one.md"), (1, 20, "pic.png"), (1, 38, "https://example.org/x"),
                                       (2, 26, "two.md#x"), (6, 8, "three.md")]


def test_a_folder_link_means_its_index_page(project):
    content = load_content(project.root)
    pages = site_pages(content, content.courts["test-court"], "en")
    assert check_target("../faq/", "tutorials/negotiate.md", pages) is None
    assert check_target("../tutorials/negotiate.md", "faq/index.md", pages) is None
    assert check_target("mailto:clerk@example.org", "faq/index.md", pages) is None


def test_external_links_are_listed_with_their_places_and_never_fetched(project, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the link report must not use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    project.write("content/faq/what-is-odr.yaml", FAQ.replace(
        "    See [how", "    Read [the rules](https://courts.example.gov/rules).\n    See [how"))
    content = load_content(project.root)
    listed = {link.url: link.places for link in external_links(content)}
    assert listed["https://courts.example.gov/rules"] == ["content/faq/what-is-odr.yaml:8:22"]
    assert listed["https://odr.example.org/"] == ["content/courts/test-court.yaml:8:8"]
    out = io.StringIO()
    assert run_links(project.root, out=out) == 0
    report = out.getvalue()
    files = {place.rsplit(":", 2)[0] for places in listed.values() for place in places}
    assert report.startswith(f"External links (listed, never fetched): {len(listed)} addresses in {len(files)} "
                             "files.\n")
    assert "https://courts.example.gov/rules\n    content/faq/what-is-odr.yaml:8:22\n" in report


def test_the_links_command_stops_on_content_errors(project):
    project.write("content/faq/what-is-odr.yaml", FAQ.replace("(../tutorials/negotiate.md#step-1-log-in)",
                                                              "(nowhere.md)"))
    out = io.StringIO()
    assert run_links(project.root, out=out) == 1
    assert out.getvalue().endswith("The content has errors: fix them, then run this again.\n")


def test_a_link_in_folded_or_quoted_text_is_placed_where_it_is_written(project):
    project.write("content/faq/what-is-odr.yaml", FAQ.replace("""  en: |
    ODR is run by {{ court.odr.provider }}.
    See [how to negotiate](../tutorials/negotiate.md#step-1-log-in).""", """  en: >
    ODR is run by
    {{ court.odr.provider }}.

    See [how to negotiate](../tutorials/negotiat.md).""").replace("""  es: |
    La ODR la maneja {{ court.odr.provider }}.
    Vea [cómo negociar](../tutorials/negotiate.md#paso-1-entre).""", """  es: "La ODR la maneja
    {{ court.odr.provider }}.

    \\"Vea\\" [cómo negociar](../tutorials/negociar.md)."
"""))
    assert project.messages() == [
        'content/faq/what-is-odr.yaml:10:28: answer.en: expected a link to a page or file of the site, found '
        '"../tutorials/negotiat.md", which does not exist (did you mean "../tutorials/negotiate.md"?)',
        'content/faq/what-is-odr.yaml:14:29: answer.es: expected a link to a page or file of the site, found '
        '"../tutorials/negociar.md", which does not exist (did you mean "../tutorials/negotiate.md"?)',
    ]


def test_a_broken_link_in_a_court_text_is_reported_in_the_court_profile(project):
    project.write("content/faq/what-is-odr.yaml", FAQ.replace(
        "    See [how to negotiate]", "    {% for step in court.agreement.filing_checklist %}{{ step }}{% endfor %}\n"
                                     "    See [how to negotiate]"))
    project.write("content/courts/test-court.yaml", MINIMAL_COURT.replace(
        "{en: File it., es: Preséntelo.}", "{en: \"File [it](../faq/filing.md).\", es: Preséntelo.}"))
    assert project.messages() == [
        'content/courts/test-court.yaml:17:23: agreement.filing_checklist[0].en: expected a link to a page or '
        'file of the site, found "../faq/filing.md", which does not exist']

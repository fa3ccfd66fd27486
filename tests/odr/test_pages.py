"""Generated pages of the real content, compared with golden files (UPDATE_GOLDEN=1 to refresh)."""

import pytest

from odr.content import load_content
from odr.pages import build_site_model
from tests.conftest import ROOT
from tests.golden import assert_golden


@pytest.fixture(scope="module")
def content():
    return load_content(ROOT)


def page(content, court_id, language, src_uri):
    model = build_site_model(content, content.courts[court_id], language)
    return next(page for page in model.pages if page.src_uri == src_uri)


def test_faq_page_golden(content):
    rendered = page(content, "los-angeles", "en", "faq/what-if-no-agreement-by-deadline.md")
    assert rendered.source_path == "content/faq/what-if-no-agreement-by-deadline.yaml"
    assert_golden("pages/los-angeles/en/faq/what-if-no-agreement-by-deadline.md", rendered.markdown)


def test_tutorial_page_golden(content):
    rendered = page(content, "san-joaquin", "en", "tutorials/file-agreement.md")
    assert_golden("pages/san-joaquin/en/tutorials/file-agreement.md", rendered.markdown)


def test_spanish_tutorial_page_golden(content):
    rendered = page(content, "san-joaquin", "es", "tutorials/file-agreement.md")
    assert_golden("pages/san-joaquin/es/tutorials/file-agreement.md", rendered.markdown)


def test_court_differences_come_from_the_profile(content):
    los_angeles = page(content, "los-angeles", "en", "faq/does-odr-cost-anything.md").markdown
    san_joaquin = page(content, "san-joaquin", "en", "faq/does-odr-cost-anything.md").markdown
    assert "$27.00" in san_joaquin and "$27.00" not in los_angeles
    assert "free" in los_angeles


def test_video_link_only_where_the_court_has_one(content):
    assert "https://turbocourt.fleeq.io/l/m33fvkdvh3-tegbtfb76t" in page(
        content, "san-joaquin", "en", "tutorials/file-agreement.md").markdown
    assert "fleeq.io" not in page(content, "los-angeles", "en", "tutorials/file-agreement.md").markdown


def test_court_specific_questions_follow_the_profile(content):
    def faq_ids(court_id):
        return {p.src_uri for p in build_site_model(content, content.courts[court_id], "en").pages}

    assert "faq/rental-debt-help.md" in faq_ids("los-angeles")
    assert "faq/rental-debt-help.md" not in faq_ids("san-joaquin")
    assert "faq/odr-deadlines.md" in faq_ids("los-angeles")
    assert "faq/odr-deadlines.md" not in faq_ids("san-joaquin")


def test_every_generated_page_has_the_file_to_edit(content):
    for language in ("en", "es"):
        model = build_site_model(content, content.courts["los-angeles"], language)
        sources = {page.src_uri: page.source_path for page in model.pages}
        for src_uri in ("index.md", "start/plaintiff.md", "start/defendant.md", "faq/index.md", "tutorials/index.md"):
            assert sources[src_uri] == f"content/strings/{language}.yaml", src_uri
        assert sources["help.md"] == "content/courts/los-angeles.yaml"
        assert all(sources.values()), [src_uri for src_uri, source in sources.items() if not source]


def test_a_fee_is_written_once_and_shown_from_the_fees(content):
    court = content.courts["san-joaquin"]
    assert "$" not in court.odr.cost.get("en") and court.fees[0].amount == 27
    assert "- Cost: a one-time registration fee ($27.00)." in page(content, "san-joaquin", "en", "index.md").markdown
    assert "- Costo: una cuota única de inscripción ($27.00)." in page(content, "san-joaquin", "es", "index.md").markdown
    assert page(content, "san-joaquin", "en", "faq/does-odr-cost-anything.md").markdown.count("$27.00") == 1
    assert "- Cost: free." in page(content, "los-angeles", "en", "index.md").markdown


def test_the_deadlines_answer_says_the_hearing_may_be_remote(content):
    assert "Everyone must go to the hearing, in person or remotely." in page(
        content, "los-angeles", "en", "faq/odr-deadlines.md").markdown
    assert "Todos deben ir a la audiencia, en persona o a distancia." in page(
        content, "los-angeles", "es", "faq/odr-deadlines.md").markdown


def test_a_phone_number_links_to_its_digits_and_extension():
    from odr.models.base import tel_link

    assert tel_link("(209) 992-5701") == "tel:2099925701"
    assert tel_link("+1 213-555-0147") == "tel:+12135550147"
    assert tel_link("800.555.0100 Ext. 12") == "tel:8005550100;ext=12"

"""Search works offline, in the built Los Angeles site, and nothing leaves 127.0.0.1."""

import pytest

from tests.browser.conftest import off_site

pytestmark = pytest.mark.browser


def test_search_for_deadline_reaches_the_odr_deadline_answer(recorded, site_url):
    page = recorded.page
    page.goto(site_url + "los-angeles/")
    page.locator("input.md-search__input").press_sequentially("deadline")  # typed, as a person would
    result = page.locator(".md-search-result__link", has_text="ODR deadline").first
    result.wait_for(timeout=15000)
    result.click()
    page.wait_for_load_state()
    assert "/los-angeles/faq/" in page.url
    assert "deadline" in page.locator("h1").inner_text().lower()
    assert off_site(recorded.urls(), site_url) == []
    assert recorded.urls(), "the test recorded no requests at all"


def test_spanish_search_uses_spanish_stemming(recorded, site_url):
    page = recorded.page
    page.goto(site_url + "los-angeles/es/")
    page.locator("input.md-search__input").press_sequentially("acuerdos")
    page.locator(".md-search-result__link").first.wait_for(timeout=15000)
    # "acuerdos" (plural) finds pages that only say "acuerdo": the Spanish stemmer ran.
    assert "acuerdo" in page.locator(".md-search-result").inner_text().lower()
    assert off_site(recorded.urls(), site_url) == []


def test_spanish_search_finds_words_typed_without_their_accents(recorded, site_url):
    page = recorded.page
    page.goto(site_url + "los-angeles/es/")
    page.locator("input.md-search__input").press_sequentially("desestimacion")  # typed without its accent
    first = page.locator(".md-search-result__link").first
    first.wait_for(timeout=15000)
    assert "desestimación" in page.locator(".md-search-result").inner_text().lower()


def test_the_public_pages_come_before_the_webmasters_guide(recorded, site_url):
    page = recorded.page
    page.goto(site_url + "los-angeles/es/")
    page.locator("input.md-search__input").press_sequentially("cuota")
    first = page.locator(".md-search-result__link").first
    first.wait_for(timeout=15000)
    assert "/webmasters/" not in first.get_attribute("href")


def test_lunr_loads_with_the_first_search_not_with_every_page(recorded, site_url):
    """Every page starts Material's search worker; lunr (Material's search.<hash>.min.js) comes only when
    a person searches, so a page (and the worksheet's calculator) loads with less work."""
    page = recorded.page
    page.goto(site_url + "los-angeles/faq/")
    page.wait_for_load_state("networkidle")
    loaded = recorded.urls()
    assert [url for url in loaded if "odr-search.js" in url], "the search worker did not start"
    assert [url for url in loaded if "/workers/search." in url] == []
    page.locator("input.md-search__input").press_sequentially("fee")
    page.locator(".md-search-result__link").first.wait_for(timeout=15000)
    assert [url for url in recorded.urls() if "/workers/search." in url]

"""Material's theme in the browser: nothing it loads comes from another host."""

from __future__ import annotations

import pytest

from tests.browser.conftest import off_site

pytestmark = pytest.mark.browser


def test_without_resize_observer_the_theme_loads_the_sites_own_polyfill(recorded, site_url):
    """Material fetches a ResizeObserver polyfill from a public CDN in browsers that lack one."""
    page = recorded.page
    page.add_init_script("delete window.ResizeObserver;")
    page.goto(site_url + "los-angeles/faq/")
    page.wait_for_function("typeof ResizeObserver === 'function'")
    page.wait_for_load_state("networkidle")
    assert off_site(recorded.urls(), site_url) == []
    assert site_url + "los-angeles/assets/javascripts/resize-observer-polyfill.js" in recorded.urls()


def test_with_resize_observer_the_polyfill_is_not_loaded(recorded, site_url):
    page = recorded.page
    page.goto(site_url + "los-angeles/faq/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in recorded.urls() if "polyfill" in url]


def test_the_service_worker_does_not_precache_the_polyfill(built_site):
    assert "polyfill" not in (built_site / "los-angeles/sw.js").read_text()

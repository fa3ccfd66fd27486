"""Real headless Chromium (Debian's) driven by Playwright, against the real built site.

Every test page records its requests, so tests can assert that nothing leaves
127.0.0.1 and that no answer a person typed is ever sent anywhere.
"""

from __future__ import annotations

import io

import pytest

from bench.browser import CHROMIUM_FLAGS, ChromiumMissing, chromium_path
from odr.site import run_build
from odr.static_server import StaticServer
from tests.conftest import ROOT



@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("built") / "site"
    log = io.StringIO()
    assert run_build(ROOT, out, log=log) == 0, log.getvalue()
    return out


@pytest.fixture(scope="session")
def site_url(built_site):
    with StaticServer(built_site) as server:
        yield server.url


def _chromium() -> str:
    try:
        return chromium_path()
    except ChromiumMissing as missing:
        pytest.fail(str(missing))


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=_chromium(), args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


class RecordedPage:
    """A Playwright page that remembers every request it made."""

    def __init__(self, context):
        self.context = context
        self.page = context.new_page()
        self.requests = []
        context.on("request", lambda request: self.requests.append(request))

    def urls(self) -> list[str]:
        return [request.url for request in self.requests]


@pytest.fixture
def recorded(browser):
    context = browser.new_context(accept_downloads=True)
    recorded_page = RecordedPage(context)
    yield recorded_page
    context.close()


def off_site(urls: list[str], site_url: str) -> list[str]:
    """Requests that went anywhere but the site's own origin (blob: and data: stay in the browser)."""
    return [url for url in urls if not url.startswith((site_url, "blob:", "data:"))]

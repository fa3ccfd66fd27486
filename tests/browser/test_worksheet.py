"""The plaintiff worksheet in real headless Chromium with real Pyodide:
filled by keyboard, documents downloaded and read back, autosave, files,
offline use, and privacy."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
from pathlib import Path

import pypdf
import pytest

from odr.spec import build_spec
from odr.static_server import StaticHandler, StaticServer
from tests.browser.conftest import off_site
from tests.browser.keyboard import KeyboardFiller
from tests.conftest import ROOT
from widgets import api

pytestmark = pytest.mark.browser

TODAY = "2026-11-22"
EXAMPLE = ROOT / "worksheets/examples/plaintiff-monthly-31st.json"
PAGE = "los-angeles/worksheets/plaintiff/"
STORAGE_KEY = "odr-guide:los-angeles:plaintiff"


def example() -> dict:
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


def open_worksheet(recorded, site_url, path=PAGE):
    page = recorded.page
    page.clock.set_fixed_time(f"{TODAY}T10:00:00")
    page.goto(site_url + path)
    wait_until_ready(page)
    return page


def wait_until_ready(page) -> str:
    """Wait for the calculator; how it started: "fresh", or "restored" from its saved snapshot."""
    page.wait_for_function("document.getElementById('odr-worksheet').dataset.calculator === 'ready'",
                           timeout=60000)
    return page.locator("#odr-worksheet").get_attribute("data-calculator-start")


def load_example(page):
    """Load the example answers file and wait for its payment schedule."""
    page.locator("#odr-load-file").set_input_files(str(EXAMPLE))
    page.wait_for_function("document.querySelector('#odr-schedule table') !== null")


def field_values(page) -> dict:
    return page.evaluate("""() => Object.fromEntries(
        Array.from(document.querySelectorAll('#odr-form input, #odr-form textarea'))
          .map((e) => [e.id, e.type === 'radio' || e.type === 'checkbox' ? e.checked : e.value]))""")


def download(page, action: str) -> bytes:
    with page.expect_download() as info:
        page.locator(f"[data-action='{action}']").click()
    return open(info.value.path(), "rb").read()


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def test_fill_by_keyboard_and_read_the_pdf_back(recorded, site_url):
    page = open_worksheet(recorded, site_url)
    answers = example()["answers"]
    worksheet = build_spec(ROOT, "los-angeles", "plaintiff", "en")["worksheet"]
    KeyboardFiller(page, worksheet).fill(answers)
    page.wait_for_function("document.querySelector('#odr-schedule table') !== null")

    with page.expect_download() as info:
        KeyboardFiller(page, worksheet).tab_to("[data-action='pdf']")
        page.keyboard.press("Enter")
    pdf = open(info.value.path(), "rb").read()
    text = pdf_text(pdf)

    expected = api.evaluate(build_spec(ROOT, "los-angeles", "plaintiff", "en"), example(), TODAY)
    assert expected["errors"] == {}
    for name in ("Maria Garcia", "Luis Pérez", "1234 Elm Street", "567 Oak Avenue"):
        assert name in text
    assert "$1,000.00" in text
    assert [row["due_text"] for row in expected["schedule"]] == [
        "March 31, 2027", "April 30, 2027", "May 31, 2027", "June 30, 2027", "July 31, 2027", "August 31, 2027"]
    for row in expected["schedule"]:
        assert row["due_text"] in text
        assert row["amount_text"] in text
    assert "$166.70" in text
    assert "PRIVATE NOTE" not in text and "850" not in text
    assert b"/FontFile2" not in pdf  # English needs no embedded font


def test_a_name_in_another_script_is_printed_as_written(recorded, site_url):
    """The PDF fetches its Unicode font from the site when Helvetica cannot print a name."""
    page = open_worksheet(recorded, site_url)
    load_example(page)
    page.locator("#odr-defendants-0-name").fill("Nguyễn Thị Đào")
    page.locator("#odr-defendants-0-name").blur()
    text = pdf_text(download(page, "pdf"))
    assert "Nguyễn Thị Đào" in text and "Maria Garcia" in text
    fonts = {url for url in recorded.urls() if url.endswith(".ttf")}  # the worker's requests, and the service worker's
    assert len(fonts) == 2 and all(url.startswith(site_url + "los-angeles/odr/fonts/") for url in fonts)


def test_answers_come_back_after_a_reload(recorded, site_url):
    page = open_worksheet(recorded, site_url)
    page.locator("#odr-load-file").set_input_files(str(EXAMPLE))
    page.wait_for_function("document.getElementById('odr-case_number').value === '26STSC04512'")
    before = field_values(page)
    page.reload()
    page.wait_for_function("document.getElementById('odr-worksheet').dataset.calculator === 'ready'")
    assert field_values(page) == before
    assert page.locator("#odr-action-message").inner_text() == "Your answers from your last visit are back."


@pytest.mark.parametrize("name, contents, message", [
    ("broken.json", b'{"format": "odr-guide-answ', "This file could not be read. It is not a worksheet answers file."),
    ("photo.json", b'{"hello": 1}',
     "This is not a worksheet answers file. Choose a file you saved from this worksheet."),
    ("newer.json", json.dumps({**example(), "version": 99}).encode(),
     "This file was saved by a newer version of the worksheet (version 99). This page can read version 1. "
     "Please use the newest worksheet page."),
])
def test_a_bad_file_shows_a_message_and_changes_nothing(recorded, site_url, name, contents, message):
    page = open_worksheet(recorded, site_url)
    page.locator("#odr-case_number").fill("MY-CASE-1")
    page.locator("#odr-claim_items-0-what").fill("Broken window")
    before = field_values(page)
    page.locator("#odr-load-file").set_input_files(files=[{"name": name, "mimeType": "application/json",
                                                           "buffer": contents}])
    page.wait_for_function("document.getElementById('odr-action-message').textContent !== ''")
    assert page.locator("#odr-action-message").inner_text() == message
    assert field_values(page) == before


def test_a_file_for_another_worksheet_is_refused(recorded, site_url):
    page = open_worksheet(recorded, site_url)
    other = json.loads((ROOT / "worksheets/examples/defendant-counteroffer.json").read_text())
    page.locator("#odr-load-file").set_input_files(files=[{"name": "d.json", "mimeType": "application/json",
                                                           "buffer": json.dumps(other).encode()}])
    page.wait_for_function("document.getElementById('odr-action-message').textContent !== ''")
    assert page.locator("#odr-action-message").inner_text() == (
        "This file is for the defendant's worksheet. You are on the plaintiff's worksheet. Nothing was loaded. "
        "Open the file on the right worksheet.")
    assert page.locator("#odr-case_number").input_value() == ""


def test_errors_show_beside_the_field_and_are_announced(recorded, site_url):
    page = open_worksheet(recorded, site_url)
    page.locator("#odr-claim_items-0-amount").fill("-5")
    page.locator("#odr-claim_items-0-amount").press("Tab")
    error = page.locator("#odr-claim_items-0-amount-error")
    error.wait_for(state="visible")
    assert page.locator("#odr-claim_items-0-amount").get_attribute("aria-invalid") == "true"
    assert "odr-claim_items-0-amount-error" in page.locator("#odr-claim_items-0-amount").get_attribute(
        "aria-describedby")
    page.wait_for_function("(text) => document.getElementById('odr-announcer').textContent.includes(text)",
                           arg=error.inner_text())
    assert page.locator("#odr-claim_items-0-amount").input_value() == "-5"


def test_offline_after_the_first_visit_the_worksheet_still_makes_a_pdf(recorded, site_url):
    page = open_worksheet(recorded, site_url)
    page.evaluate("navigator.serviceWorker.ready")
    page.locator("#odr-load-file").set_input_files(str(EXAMPLE))
    page.wait_for_function("document.getElementById('odr-case_number').value === '26STSC04512'")
    recorded.context.set_offline(True)
    page.reload()
    page.wait_for_function("document.getElementById('odr-worksheet').dataset.calculator === 'ready'",
                           timeout=60000)
    text = pdf_text(download(page, "pdf"))
    assert "Maria Garcia" in text and "August 31, 2027" in text


def court_copy(built_site: Path, tmp_path: Path) -> Path:
    """A site folder holding a copy of the built Los Angeles site, for a test to change (see `rewrite`)."""
    site = tmp_path / "site"
    shutil.copytree(built_site / "los-angeles", site / "los-angeles", copy_function=os.link)
    return site


def rewrite(path: Path, text: str) -> None:
    """A new release of one file of a `court_copy`: its hard link goes, the shared built site keeps its copy."""
    path.unlink()
    path.write_text(text)


def revalidating_server(site: Path, requested: list[str] | None = None) -> StaticServer:
    """A host as the webmasters' guide asks: every file is checked with it on every request (no-cache);
    each address asked for is added to `requested`."""

    class RevalidatedHandler(StaticHandler):
        def do_GET(self):
            if requested is not None:
                requested.append(self.path)
            super().do_GET()

        def end_headers(self):
            self.send_header("Cache-Control", "no-cache")
            super().end_headers()

    return StaticServer(site, handler_class=RevalidatedHandler)


KEPT_DATE = """async (path) => {
  for (let tries = 0; tries < 40; tries++) {  // the service worker stores a copy once the page has it
    for (const key of await caches.keys()) {
      const kept = await (await caches.open(key)).match(new URL(path, document.baseURI + "../../").href);
      if (kept) return kept.headers.get("Date");
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return null;
}"""
"""The Date header of the copy the service worker keeps of a file (relative to the court's root)."""


def test_after_a_new_release_files_without_a_hash_are_fresh_and_offline_still_works(recorded, built_site, tmp_path):
    """The service worker serves the search index (and any file without a content hash
    in its name) from the network first: a FAQ edit must not leave returning visitors
    searching the old text, even when the worksheet pages did not change."""
    site = court_copy(built_site, tmp_path)
    index = site / "los-angeles/search/search_index.json"
    fetch_index = "fetch('../../search/search_index.json').then((response) => response.text())"
    with revalidating_server(site) as server:
        page = open_worksheet(recorded, server.url)
        page.evaluate("navigator.serviceWorker.ready")
        page.reload()  # now controlled by the service worker
        wait_until_ready(page)
        assert page.evaluate("navigator.serviceWorker.controller !== null")
        first = page.evaluate(fetch_index)
        kept = page.evaluate(KEPT_DATE, "search/search_index.json")
        assert kept is not None
        page.wait_for_timeout(1100)  # the server's Date header moves on
        page.evaluate(fetch_index)
        assert page.evaluate(KEPT_DATE, "search/search_index.json") == kept  # the same file is not stored again
        rewrite(index, first.replace("Online Dispute Resolution", "Online Dispute Resolution NEW-RELEASE"))
        assert "NEW-RELEASE" in page.evaluate(fetch_index)
        recorded.context.set_offline(True)
        assert "NEW-RELEASE" in page.evaluate(fetch_index)


def test_after_a_worksheet_visit_every_page_opens_offline_and_a_new_release_keeps_the_runtime(
        recorded, built_site, tmp_path):
    """The service worker keeps every page of the site (in both languages), so a page never visited
    opens offline; a new release fetches its pages again but not the runtime it already has."""
    requested: list[str] = []  # every request is checked with the server: only the service worker's cache skips one
    site = court_copy(built_site, tmp_path)
    court = site / "los-angeles"
    with revalidating_server(site, requested) as server:
        page = open_worksheet(recorded, server.url)
        note = page.locator("#odr-offline-note")
        note.wait_for(state="visible")  # once the service worker has everything
        assert note.inner_text() == ("Saved on this device: this worksheet and every page of this guide now open "
                                     "even without an internet connection.")
        [first_cache] = page.evaluate("caches.keys()")
        recorded.context.set_offline(True)
        for path, heading in [("faq/odr-deadlines/", "sign up and settle"), ("es/tutorials/negotiate/", "negociar"),
                              ("faq/odr-deadlines/?h=deadline", "sign up and settle")]:  # a search result's link
            page.goto(server.url + "los-angeles/" + path)
            assert heading in page.locator("h1").inner_text().lower(), path
        recorded.context.set_offline(False)

        sw = (court / "sw.js").read_text()
        answer = (court / "faq/odr-deadlines/index.html").read_text()
        for path, text in [("sw.js", re.sub(r'const VERSION = "\w+";', 'const VERSION = "next-release";', sw)),
                           ("faq/odr-deadlines/index.html", answer.replace("</h1>", " NEW-RELEASE</h1>", 1))]:
            rewrite(court / path, text)
        requested.clear()
        page.evaluate("navigator.serviceWorker.getRegistration().then((registration) => registration.update())")
        for _ in range(240):  # until the new release is installed and the old one's cache deleted
            if [key.rsplit(":", 1)[1] for key in page.evaluate("caches.keys()")] == ["next-release"]:
                break
            page.wait_for_timeout(250)
        assert first_cache.startswith("odr-guide:/los-angeles/:")
        assert "/los-angeles/faq/odr-deadlines/" in requested and "/los-angeles/es/faq/" in requested
        unchanging = [path for path in requested
                      if path.startswith("/los-angeles/odr/") or re.search(r"\.[0-9a-f]{8,}(\.min)?\.(js|css)$", path)]
        assert unchanging == []

        recorded.context.set_offline(True)
        page.goto(server.url + "los-angeles/faq/odr-deadlines/")
        assert "NEW-RELEASE" in page.locator("h1").inner_text()
        page.goto(server.url + "los-angeles/worksheets/plaintiff/")
        assert wait_until_ready(page) in ("fresh", "restored")


def test_nothing_typed_ever_leaves_the_page(recorded, site_url):
    page = open_worksheet(recorded, site_url)
    page.locator("#odr-load-file").set_input_files(str(EXAMPLE))
    page.wait_for_function("document.getElementById('odr-case_number').value === '26STSC04512'")
    for action in ("pdf", "ics", "json", "save"):
        download(page, action)
    page.reload()
    page.wait_for_function("document.getElementById('odr-worksheet').dataset.calculator === 'ready'")

    assert off_site(recorded.urls(), site_url) == []
    secrets = ["26STSC04512", "Maria", "Garcia", "Pérez", "Elm Street", "ladder", "PRIVATE", "Zelle"]
    for request in recorded.requests:
        sent = request.url + (request.post_data or "")
        assert not [secret for secret in secrets if secret in sent], request.url
        assert request.method == "GET", request.url


def test_without_the_calculator_the_form_still_types_prints_and_saves(recorded, site_url):
    page = calculator_fails(recorded, site_url)
    assert page.locator("#odr-status").inner_text() == (
        "The calculator could not load its files. Check your internet connection, then reload this page. "
        "Until then, you can still type, print and save your answers to a file.")
    page.locator("#odr-case_number").fill("26STSC04512")
    saved = json.loads(download(page, "save"))
    assert saved["answers"]["case_number"] == "26STSC04512"
    assert saved["format"] == "odr-guide-answers" and saved["worksheet"] == "plaintiff"
    assert page.locator("[data-action='pdf']").is_disabled()
    assert page.locator("[data-action='print']").is_enabled()


def calculator_fails(recorded, site_url):
    """The worksheet page in a browser where the calculator cannot start (its WebAssembly never arrives)."""
    page = recorded.page
    recorded.context.route("**/*.wasm", lambda route: route.abort())
    page.goto(site_url + PAGE)
    page.wait_for_function("document.getElementById('odr-worksheet').dataset.calculator === 'failed'",
                           timeout=60000)
    return page


def load_file(page, data: dict):
    page.evaluate("document.getElementById('odr-action-message').textContent = ''")
    page.locator("#odr-load-file").set_input_files(files=[{"name": "answers.json", "mimeType": "application/json",
                                                           "buffer": json.dumps(data).encode()}])
    page.wait_for_function("document.getElementById('odr-action-message').textContent !== ''")
    return page.locator("#odr-action-message").inner_text()


@pytest.mark.parametrize("change, message", [
    ({"answers": {"favourite_colour": "blue"}},
     "This file has an answer this worksheet does not know (“favourite_colour”). Nothing was loaded. "
     "Check that the file comes from this worksheet."),
    ({"answers": []}, "Some answers in this file are damaged. Nothing was loaded."),
    ({"answers": {"claim_items": [{"what": "Window", "colour": "blue"}]}},
     "This file has an answer this worksheet does not know (“claim_items.colour”). Nothing was loaded. "
     "Check that the file comes from this worksheet."),
])
def test_without_the_calculator_a_file_that_would_blank_the_form_loads_nothing(recorded, site_url, change, message):
    page = calculator_fails(recorded, site_url)
    page.locator("#odr-case_number").fill("MY-CASE-1")
    before = field_values(page)
    assert load_file(page, {**example(), **change}) == message
    assert field_values(page) == before


def test_without_the_calculator_another_courts_file_loads_nothing(recorded, site_url):
    page = calculator_fails(recorded, site_url)
    page.locator("#odr-case_number").fill("MY-CASE-1")
    before = field_values(page)
    assert load_file(page, {**example(), "court": "san-joaquin"}) == (
        "This file is for another court (Superior Court of California, County of San Joaquin). Nothing was loaded. "
        "Open the file on that court's worksheet page.")
    assert field_values(page) == before
    assert load_file(page, example()) == "Your answers were loaded from the file."
    assert page.locator("#odr-case_number").input_value() == "26STSC04512"


BAD_FILES = [  # changes to a good answers file, each one making it a file that loads nothing
    {"answers": {"favourite_colour": "blue"}},
    {"answers": {"zeta": "1", "alpha": "2"}},  # the first unknown answer in sorted order is named
    {"answers": []},
    {"answers": "all of them"},
    {"answers": {"claim_items": [{"what": "Window", "colour": "blue"}]}},
    {"answers": {"claim_items": "Window"}},
    {"court": "san-joaquin"},
    {"court": "  "},
    {"court": None},
    {"worksheet": "defendant"},
    {"worksheet": "mystery"},
    {"version": 2},
    {"version": 2.0},
    {"version": 1.5},
    {"version": "1"},
    {"version": 0},
    {"format": "something-else"},
    {"extra": "a key no version of the file has"},
]


def test_without_the_calculator_the_page_finds_what_the_calculator_finds_in_a_file(recorded, site_url):
    """The page's own check (for when the calculator cannot start) gives, file for file, the message
    the calculator gives (widgets/answers.py), and loads nothing."""
    page = calculator_fails(recorded, site_url)
    page.locator("#odr-case_number").fill("MY-CASE-1")
    before = field_values(page)
    spec = build_spec(ROOT, "los-angeles", "plaintiff", "en")
    files = [{**example(), **change} for change in BAD_FILES] + [["not", "an", "answers", "file"]]
    different = {}
    for data in files:
        expected = api.evaluate(spec, data, TODAY)["errors"]["_file"]
        found = load_file(page, data)
        if found != expected:
            different[json.dumps(data)[:120]] = (found, expected)
    assert different == {}
    assert field_values(page) == before


def test_a_document_that_cannot_be_made_says_so_and_keeps_the_answers(browser, site_url):
    # The PDF's archive is gone (e.g. after a new release). No service worker here: it would
    # have precached the archive, and whether it had yet would decide the test.
    context = browser.new_context(service_workers="block")
    context.route("**/python/pdf.*.zip", lambda route: route.abort())
    page = context.new_page()
    page.clock.set_fixed_time(f"{TODAY}T10:00:00")
    page.goto(site_url + PAGE)
    wait_until_ready(page)
    load_example(page)
    before = field_values(page)
    page.locator("[data-action='pdf']").click()
    page.wait_for_function("document.getElementById('odr-action-message').textContent.startsWith('The agreement')")
    assert page.locator("#odr-action-message").inner_text() == (
        "The agreement could not be made just now. Your answers are safe. Reload this page and try again.")
    assert field_values(page) == before
    context.close()


def test_when_the_browser_cannot_keep_answers_it_says_so_once(recorded, site_url):
    page = recorded.page
    page.add_init_script("Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); };")
    page = open_worksheet(recorded, site_url)
    page.locator("#odr-case_number").fill("26STSC04512")
    assert page.locator("#odr-action-message").inner_text() == (
        "This browser is not keeping your answers (its storage is full or turned off). "
        "Save your answers to a file before you leave this page.")
    page.locator("#odr-action-message").evaluate("element => element.textContent = ''")
    page.locator("#odr-case_number").fill("26STSC04513")
    assert page.locator("#odr-action-message").inner_text() == ""
    assert page.locator("#odr-case_number").input_value() == "26STSC04513"


def test_two_tabs_of_one_worksheet_follow_each_other(recorded, site_url):
    first = open_worksheet(recorded, site_url)
    second = recorded.context.new_page()
    second.goto(site_url + PAGE)
    wait_until_ready(second)
    load_example(first)
    second.wait_for_function("document.getElementById('odr-case_number').value === '26STSC04512'")
    assert second.locator("#odr-action-message").inner_text() == (
        "Your answers were changed in another tab or window. This page now shows the newest answers.")
    assert field_values(second) == field_values(first)

    second.once("dialog", lambda dialog: dialog.accept())
    second.locator("[data-action='clear']").click()
    first.wait_for_function("document.getElementById('odr-case_number').value === ''")
    first.locator("#odr-claim_items-0-what").fill("Broken window")  # no older answers come back with it
    saved = json.loads(first.evaluate(f"localStorage.getItem('{STORAGE_KEY}')"))
    assert "case_number" not in saved["answers"]
    assert saved["answers"]["claim_items"][0]["what"] == "Broken window"


def test_without_webassembly_the_page_says_a_newer_browser_is_needed(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script("delete window.WebAssembly;")
    page.goto(site_url + PAGE)
    page.wait_for_function("document.getElementById('odr-worksheet').dataset.calculator === 'failed'")
    assert page.locator("#odr-status").inner_text().startswith(
        "The calculator cannot start in this browser (this browser cannot run WebAssembly). "
        "You can still type, print and save your answers to a file.")
    context.close()


def test_a_saved_file_carries_the_persons_own_time_and_offset(browser, site_url):
    context = browser.new_context(accept_downloads=True, timezone_id="America/Los_Angeles")
    page = context.new_page()
    page.clock.set_fixed_time("2027-01-01T01:00:00Z")  # 5 pm on 31 December in California
    page.goto(site_url + PAGE)
    saved = json.loads(download(page, "save"))
    assert saved["saved_at"] == "2026-12-31T17:00:00-08:00"
    context.close()


def test_the_calculator_starts_from_the_head_before_the_stylesheets(built_site):
    page = (built_site / "los-angeles/worksheets/plaintiff/index.html").read_text()
    head = page[:page.index("</head>")]
    assert head.index('id="odr-runtime"') < head.index("window.odrCalculator") < head.index('rel="stylesheet"')


def test_the_service_worker_waits_until_the_calculator_has_started(recorded, site_url):
    page = recorded.page
    page.add_init_script("""
        const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
        navigator.serviceWorker.register = (...args) => {
            window.calculatorWhenRegistered = document.getElementById("odr-worksheet").dataset.calculator;
            return register(...args);
        };
    """)
    page.goto(site_url + PAGE)
    page.evaluate("navigator.serviceWorker.ready")
    assert page.evaluate("window.calculatorWhenRegistered") == "ready"


def test_the_form_works_before_python_loads(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + PAGE)
    page.locator("#odr-case_number").fill("26STSC04512")
    assert page.locator("label[for='odr-case_number']").inner_text().startswith("Case number")
    assert page.locator("#odr-case_number").input_value() == "26STSC04512"
    context.close()


def test_clear_my_answers_asks_first_and_keeps_them_when_cancelled(recorded, site_url):
    page = open_worksheet(recorded, site_url)
    load_example(page)
    page.locator("[data-action='preview']").click()
    page.wait_for_function("!document.getElementById('odr-preview').hidden")
    questions = []

    page.once("dialog", lambda dialog: (questions.append(dialog.message), dialog.dismiss()))
    page.locator("[data-action='clear']").click()
    assert page.locator("#odr-case_number").input_value() == "26STSC04512"

    page.once("dialog", lambda dialog: (questions.append(dialog.message), dialog.accept()))
    page.locator("[data-action='clear']").click()
    assert page.locator("#odr-case_number").input_value() == ""
    assert page.locator("#odr-action-message").inner_text() == "Your answers were cleared."
    assert page.locator("#odr-preview").is_hidden()  # nothing of the old answers stays on a shared screen
    assert page.locator("#odr-preview-frame").get_attribute("srcdoc") == ""
    assert page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") is None
    assert questions == ["Clear your answers to this worksheet on this device? This cannot be undone. "
                         "Save them to a file first if you may need them."] * 2


SNAPSHOT_SAVED = """async () => {
    const root = await navigator.storage.getDirectory();
    try {
        const folder = await root.getDirectoryHandle('odr-calculator-snapshot');
        for await (const [name, file] of folder.entries()) {
            if ((await file.getFile()).size > 0) return name;  // written in one go: size > 0 means all of it
        }
    } catch (error) {}  // none yet, or still being written
    return null;
}"""


def wait_for_snapshot(page) -> str:
    """The name of the calculator snapshot the worker saved in this browser (it saves when idle)."""
    for _ in range(120):
        name = page.evaluate(SNAPSHOT_SAVED)
        if name is not None:
            return name
        page.wait_for_timeout(250)
    raise AssertionError("the calculator saved no snapshot within 30 s")


def test_a_repeat_visit_restores_the_calculator_and_it_still_works(recorded, site_url):
    page = open_worksheet(recorded, site_url)
    assert page.locator("#odr-worksheet").get_attribute("data-calculator-start") == "fresh"
    wait_for_snapshot(page)
    page.reload()
    assert wait_until_ready(page) == "restored"
    load_example(page)
    text = pdf_text(download(page, "pdf"))
    assert "Maria Garcia" in text and "August 31, 2027" in text


def test_a_damaged_snapshot_is_set_aside_and_python_starts_afresh(recorded, site_url):
    page = open_worksheet(recorded, site_url)
    name = wait_for_snapshot(page)
    page.evaluate("""async (name) => {
        const folder = await (await navigator.storage.getDirectory()).getDirectoryHandle('odr-calculator-snapshot');
        for (;;) {
            try {
                const writable = await (await folder.getFileHandle(name)).createWritable();
                await writable.write(new Uint8Array(4096).fill(7));
                return await writable.close();
            } catch (error) {  // the worker may hold the file open a moment after writing it
                if (error.name !== 'NoModificationAllowedError') throw error;
                await new Promise((resolve) => setTimeout(resolve, 100));
            }
        }
    }""", name)
    page.reload()
    assert wait_until_ready(page) == "fresh"
    load_example(page)
    assert page.locator("#odr-status").inner_text() == page.evaluate(
        "JSON.parse(document.getElementById('odr-ui').textContent).status_ready")


def test_a_calculator_that_breaks_says_to_reload_and_disables_the_documents(recorded, site_url):
    page = open_worksheet(recorded, site_url)
    load_example(page)
    calculator = page.workers[0]
    calculator.evaluate("() => { try { pyodide._api.fatal_error(new Error('broken for the test')); } catch (e) {} }")
    page.locator("#odr-case_number").fill("26STSC04513")  # the next answer reaches a broken Python
    page.wait_for_function("document.getElementById('odr-worksheet').dataset.calculator === 'failed'")
    assert page.locator("#odr-status").inner_text() == (
        "The calculator stopped working. Reload this page to start it again. "
        "Until then, you can still type, print and save your answers to a file.")
    assert page.locator("[data-action='pdf']").is_disabled()
    assert json.loads(download(page, "save"))["answers"]["case_number"] == "26STSC04513"


def test_a_claim_over_the_limit_is_shown_beside_the_total_as_it_is_typed(recorded, site_url):
    page = open_worksheet(recorded, site_url)
    page.locator("#odr-plaintiff_type-0").check()  # a person: the $12,500 limit
    page.locator("#odr-claim_items-0-amount").fill("19914.50")
    page.locator("#odr-claim_items-0-amount").press("Tab")
    error = page.locator("#odr-claim_total-error")
    error.wait_for(state="visible")
    assert error.inner_text() == ("This is more than the small claims limit of $12,500.00 for a person "
                                  "(Code of Civil Procedure § 116.221).")


def test_a_note_beside_an_allowed_answer_is_announced_but_is_no_error(recorded, site_url):
    page = open_worksheet(recorded, site_url)
    load_example(page)
    offer = page.locator("#odr-offer_amount")
    offer.fill("800")
    offer.press("Tab")
    note = page.locator("#odr-offer_amount-advice")
    note.wait_for(state="visible")
    assert note.inner_text() == ("This is less than your walk-away point ($850.00), the least you said you would "
                                 "accept. Check both amounts.")
    assert offer.get_attribute("aria-invalid") is None
    assert "odr-offer_amount-advice" in offer.get_attribute("aria-describedby")
    page.wait_for_function("(text) => document.getElementById('odr-announcer').textContent.includes(text)",
                           arg="the least you said you would accept")
    page.wait_for_function("document.getElementById('odr-offer').textContent.includes('$800.00')")
    offer.fill("1000")
    offer.press("Tab")
    note.wait_for(state="hidden")


def test_answers_from_a_file_show_their_messages_at_once(recorded, site_url):
    answers = example()
    answers["answers"]["instalment_count"] = "0"
    page = open_worksheet(recorded, site_url)
    page.locator("#odr-load-file").set_input_files(files=[{"name": "a.json", "mimeType": "application/json",
                                                           "buffer": json.dumps(answers).encode()}])
    error = page.locator("#odr-instalment_count-error")
    error.wait_for(state="visible")
    assert error.inner_text() == "A payment plan needs at least 1 payment."
    assert page.locator("#odr-offer_note-error").is_hidden()  # an empty optional question stays quiet


def test_a_date_that_does_not_exist_is_named_and_not_taken_for_an_empty_one(recorded, site_url):
    page = open_worksheet(recorded, site_url)
    load_example(page)
    date_box = page.locator("#odr-start_date")
    date_box.fill("")
    # The page has checked the emptied box before the typing starts, as with a person who pauses.
    page.wait_for_function("document.getElementById('odr-start_date-error').textContent.startsWith('Please fill')")
    date_box.press_sequentially("02312027")  # 31 February 2027, typed as a person would
    leave_by_keyboard(page, "odr-start_date")
    error = page.locator("#odr-start_date-error")
    page.wait_for_function("document.getElementById('odr-start_date-error').textContent.startsWith('Enter a real')")
    assert error.inner_text() == "Enter a real date: check the day, the month and the year."


def leave_by_keyboard(page, element_id: str) -> None:
    """Tab until the focus has left the element. In a date box, Chromium's Tab first moves between the
    month, the day and the year; a date that does not exist changes nothing the page hears of (the box's
    value stays empty) until the focus leaves the box."""
    for _ in range(4):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") != element_id:
            return
    raise AssertionError(f"the focus stayed in #{element_id}")


def test_add_another_stops_at_the_lists_most_items(recorded, site_url):
    page = open_worksheet(recorded, site_url)
    add = page.locator("[data-list='plaintiffs'] [data-add]")
    for _ in range(9):
        add.click()
    assert page.locator("[data-list='plaintiffs'] [data-item]").count() == 10
    assert add.is_disabled()
    page.locator("[data-list='plaintiffs'] [data-item]").nth(9).locator("[data-remove]").click()
    assert add.is_enabled()


def test_the_error_summary_names_the_list_item_and_the_label_once(recorded, site_url):
    page = open_worksheet(recorded, site_url)
    load_example(page)
    page.locator("[data-list='defendants'] [data-add]").click()
    page.locator("#odr-defendants-1-name").fill("Ana López")
    page.locator("[data-action='pdf']").click()
    summary = page.locator("#odr-error-summary")
    summary.wait_for(state="visible")
    assert "Please fill this in: Defendant 2 – Mailing address" in summary.locator("li").all_inner_texts()


def test_a_name_no_pdf_font_can_print_gets_a_message_as_it_is_typed(recorded, site_url):
    page = open_worksheet(recorded, site_url)
    load_example(page)
    page.locator("#odr-defendants-0-name").fill("王小明")
    page.locator("#odr-defendants-0-name").press("Tab")
    error = page.locator("#odr-defendants-0-name-error")
    error.wait_for(state="visible")
    assert error.inner_text() == ("The agreement PDF cannot show these characters: 王 小 明. Court papers are in "
                                  "English: please write this in Latin letters (accents like é and ñ are fine), the way it is "
                                  "written on your court papers.")
    assert page.locator("#odr-defendants-0-name").input_value() == "王小明"


def test_a_preview_of_answers_since_changed_is_closed_and_the_person_told(recorded, site_url):
    page = open_worksheet(recorded, site_url)
    load_example(page)
    page.locator("[data-action='preview']").click()
    page.locator("#odr-preview").wait_for(state="visible")
    page.locator("#odr-offer_amount").fill("900")
    page.locator("#odr-preview").wait_for(state="hidden")
    assert page.locator("#odr-action-message").inner_text() == (
        "Your answers changed, so the preview of the agreement was closed. Choose “Preview the agreement” "
        "again to see it as it is now.")


def test_answers_saved_from_the_spanish_page_have_a_spanish_file_name(recorded, site_url):
    page = open_worksheet(recorded, site_url, "los-angeles/es/worksheets/plaintiff/")
    with page.expect_download() as info:
        page.locator("[data-action='save']").click()
    assert info.value.suggested_filename == "respuestas-odr-demandante.json"


def test_a_field_reached_backwards_by_keyboard_is_not_under_the_sticky_header(recorded, site_url):
    page = open_worksheet(recorded, site_url)
    page.set_viewport_size({"width": 360, "height": 740})
    page.locator("#odr-walk_away").focus()
    # The field before sits just under the header: in the window, but hidden.
    page.evaluate("window.scrollBy(0, document.getElementById('odr-acceptable_outcome').getBoundingClientRect().top - 10)")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.id") == "odr-acceptable_outcome"
    header_bottom = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    input_top = page.evaluate("document.activeElement.getBoundingClientRect().top")
    label_top = page.evaluate("document.querySelector('label[for=odr-acceptable_outcome]').getBoundingClientRect().top")
    assert header_bottom <= label_top < input_top


@pytest.mark.parametrize("answers, field, label", [
    ({"case_number": {"a": 1}}, "#odr-case_number", "Case number"),  # an object where text should be
    ({"hearing_date": "04/01/2027"}, "#odr-hearing_date", "Hearing date"),  # a date box takes only a real date
    ({"defendants": [{"name": "Luis Pérez", "address": ["567 Oak Avenue"]}]}, "#odr-defendants-0-address",
     "Defendant 1 – Mailing address"),  # a list for text, in a list item
])
def test_a_file_answer_the_form_cannot_take_as_written_is_left_out_and_named(recorded, site_url, answers, field,
                                                                             label):
    page = open_worksheet(recorded, site_url)
    data = example()
    data["answers"].update(answers)
    assert load_file(page, data) == (
        "Your answers were loaded from the file, except these, which this form cannot take as the file writes them "
        f"(the file may be damaged, or edited by hand): {label}. Please fill them in again.")
    assert page.locator(field).input_value() == ""  # emptied, not left as the page changed it ("[object Object]")
    assert page.locator("#odr-offer_amount").input_value() == data["answers"]["offer_amount"]  # the rest is loaded


def test_the_error_summary_lists_what_stops_the_agreement_and_shrinks_as_it_is_fixed(recorded, site_url):
    page = open_worksheet(recorded, site_url)
    load_example(page)
    page.locator("#odr-notes").fill("x" * 2001)  # too long, but private: never printed
    page.locator("#odr-case_number").fill("")
    page.locator("[data-action='pdf']").click()
    summary = page.locator("#odr-error-summary")
    summary.wait_for(state="visible")
    assert summary.locator("li").all_inner_texts() == ["Please fill this in: Case number"]
    page.locator("#odr-case_number").fill("26STSC04512")
    summary.wait_for(state="hidden")
    assert download(page, "pdf").startswith(b"%PDF-")


def test_a_file_saved_with_a_date_that_does_not_exist_loads_again(recorded, site_url):
    """The page saves such a date as "not a date" (the box holds none); the file is still the person's own."""
    page = open_worksheet(recorded, site_url)
    data = example()
    data["answers"]["start_date"] = "not a date"
    assert load_file(page, data) == "Your answers were loaded from the file."
    assert page.locator("#odr-case_number").input_value() == "26STSC04512"


def test_the_error_summary_lists_answers_in_page_order_and_a_lists_message_describes_its_first_box(
        recorded, site_url):
    page = open_worksheet(recorded, site_url)
    page.locator("[data-action='pdf']").click()  # a blank worksheet: everything required is missing
    summary = page.locator("#odr-error-summary")
    summary.wait_for(state="visible")
    lines = summary.locator("li").all_inner_texts()
    assert lines[:2] == ["Please fill this in: Case number", "Please fill this in: Hearing date"]
    assert "odr-plaintiffs-error" in page.locator("#odr-plaintiffs-0-name").get_attribute("aria-describedby")
    assert "odr-plaintiffs-error" not in (page.locator("#odr-defendants-0-name").get_attribute("aria-describedby"))
    page.locator("#odr-plaintiffs-0-name").fill("Maria Garcia")
    page.locator("#odr-plaintiffs-0-address").fill("1 Main St")
    page.wait_for_function("!document.getElementById('odr-plaintiffs-0-name')"
                           ".getAttribute('aria-describedby').includes('odr-plaintiffs-error')")

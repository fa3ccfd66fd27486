"""WCAG 2.1 AA: axe-core (the real library, from node_modules) finds no
violation on any page type, for both courts and both languages; the defendant
worksheet can be completed by keyboard alone; pages reflow at 320 px; print
hides what is not the worksheet."""

from __future__ import annotations

import json

import pytest

from odr.spec import build_spec
from tests.browser.keyboard import KeyboardFiller
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

AXE = (ROOT / "node_modules/axe-core/axe.min.js").read_text(encoding="utf-8")
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BEST_PRACTICES = ["heading-order", "page-has-heading-one", "landmark-one-main", "aria-dialog-name", "empty-heading"]
"""axe's best-practice rules that matter most to people using screen readers, checked on every page too."""
COURTS = ["los-angeles", "san-joaquin"]
LANGUAGES = {"en": "", "es": "es/"}
CONTENT_PAGES = ["", "faq/", "faq/what-is-odr/", "tutorials/", "tutorials/negotiate/", "start/plaintiff/", "help/"]
WORKSHEETS = ["plaintiff", "defendant"]
EXAMPLES = {"plaintiff": "plaintiff-monthly-31st.json", "defendant": "defendant-counteroffer.json"}


def axe_violations(page) -> list[str]:
    page.add_script_tag(content=AXE)
    found = []
    for kind, values in (("tag", WCAG_AA), ("rule", BEST_PRACTICES)):
        result = page.evaluate("([kind, values]) => axe.run(document, {runOnly: {type: kind, values}})",
                               [kind, values])
        found += [f"{violation['id']}: {violation['help']} at {[node['target'] for node in violation['nodes']]}"
                  for violation in result["violations"]]
    return found


def wait_ready(page):
    page.wait_for_function("document.getElementById('odr-worksheet').dataset.calculator === 'ready'",
                           timeout=60000)


def example_for(court: str, worksheet: str, language: str) -> dict:
    data = json.loads((ROOT / "worksheets/examples" / EXAMPLES[worksheet]).read_text(encoding="utf-8"))
    return {**data, "court": court, "language": language}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("court", COURTS)
def test_content_pages_have_no_violations(recorded, site_url, court, language):
    page = recorded.page
    for path in CONTENT_PAGES:
        page.goto(f"{site_url}{court}/{LANGUAGES[language]}{path}")
        assert page.locator("html").get_attribute("lang") == language
        assert axe_violations(page) == [], path


@pytest.mark.parametrize("worksheet", WORKSHEETS)
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("court", COURTS)
def test_worksheet_pages_have_no_violations_blank_with_errors_and_previewed(
        recorded, site_url, court, language, worksheet):
    page = recorded.page
    page.clock.set_fixed_time("2026-11-22T10:00:00")
    page.goto(f"{site_url}{court}/{LANGUAGES[language]}worksheets/{worksheet}/")
    wait_ready(page)
    assert axe_violations(page) == [], "blank"

    page.locator("[data-action='pdf']").click()
    page.locator("#odr-error-summary").wait_for(state="visible")
    assert page.locator(".odr-error:not([hidden])").count() > 0
    assert axe_violations(page) == [], "with validation errors showing"

    answers = json.dumps(example_for(court, worksheet, language)).encode()
    page.locator("#odr-load-file").set_input_files(files=[{"name": "a.json", "mimeType": "application/json",
                                                           "buffer": answers}])
    page.wait_for_function("document.getElementById('odr-case_number').value !== ''")
    page.locator("[data-action='preview']").click()
    page.locator("#odr-preview").wait_for(state="visible")
    frame = page.frame_locator("#odr-preview-frame")
    frame.locator("h1").first.wait_for()
    assert axe_violations(page) == [], "agreement preview"
    preview = next(f for f in page.frames if f.parent_frame is not None)
    assert "allow-scripts" not in page.locator("#odr-preview-frame").get_attribute("sandbox")
    assert preview.evaluate("1 + 1") == 2  # Playwright may; the agreement's own scripts may not (sandbox)
    alone = page.context.new_page()  # the preview runs no script, axe included: check its document on its own
    alone.set_content(preview.content())
    alone.add_script_tag(content=AXE)
    inner = alone.evaluate("(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_AA)
    alone.close()
    assert [violation["id"] for violation in inner["violations"]] == [], "agreement document"


def test_defendant_worksheet_by_keyboard_alone_with_visible_focus(recorded, site_url):
    page = recorded.page
    page.clock.set_fixed_time("2026-11-22T10:00:00")
    page.goto(f"{site_url}san-joaquin/es/worksheets/defendant/")
    wait_ready(page)
    answers = json.loads((ROOT / "worksheets/examples/defendant-counteroffer.json").read_text())["answers"]
    worksheet = build_spec(ROOT, "san-joaquin", "defendant", "es")["worksheet"]
    filler = KeyboardFiller(page, worksheet, check_focus_visible=True)
    filler.fill(answers)
    page.wait_for_function("document.getElementById('odr-offer').textContent.includes('$')")
    filler.tab_to("[data-action='preview']")
    page.keyboard.press("Enter")
    page.frame_locator("#odr-preview-frame").locator("h1").first.wait_for()
    assert page.evaluate("document.activeElement.id") == "odr-preview-title"
    assert page.locator(".odr-error:not([hidden])").count() == 0


@pytest.mark.parametrize("path", ["los-angeles/", "los-angeles/faq/what-is-odr/", "los-angeles/es/tutorials/negotiate/",
                                  "los-angeles/worksheets/plaintiff/", "san-joaquin/es/worksheets/defendant/"])
def test_pages_reflow_at_320_pixels_without_sideways_scrolling(browser, site_url, path):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(site_url + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()


def test_print_shows_the_worksheet_without_buttons_or_navigation(recorded, site_url):
    page = recorded.page
    page.goto(site_url + "los-angeles/worksheets/plaintiff/")
    page.emulate_media(media="print")
    assert page.locator("#odr-actions").is_hidden()
    assert page.locator(".md-sidebar--primary").is_hidden()
    assert page.locator("#odr-case_number").is_visible()
    assert page.locator(".odr-print-only").is_visible()  # the printout says it holds private answers
    page.emulate_media(media="screen")
    assert page.locator(".odr-print-only").is_hidden()


def test_a_long_answer_prints_whole(recorded, site_url):
    page = recorded.page
    page.goto(site_url + "los-angeles/worksheets/plaintiff/")
    story = " ".join(f"Sentence {number} of what happened." for number in range(1, 40))
    page.locator("#odr-what_happened").fill(story)
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    box = page.locator("#odr-what_happened")
    assert box.evaluate("(e) => e.clientHeight >= e.scrollHeight")  # nothing to scroll: nothing cut off


@pytest.mark.parametrize("width", [320, 1000])
def test_the_closed_navigation_drawer_takes_no_tab_stops(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 700})
    page = context.new_page()
    page.goto(site_url + "los-angeles/worksheets/plaintiff/")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "odr-case_number":
            break
    assert page.evaluate("document.activeElement.id") == "odr-case_number"
    page.locator(".md-header label[for='__drawer']").click()
    page.locator(".md-sidebar--primary a").first.wait_for(state="visible")  # it still opens
    context.close()


def test_passing_by_blank_questions_shows_no_errors_and_totals_are_not_read_out_as_they_change(recorded, site_url):
    page = recorded.page
    page.goto(site_url + "los-angeles/worksheets/plaintiff/")
    wait_ready(page)
    page.locator("#odr-case_number").focus()
    for _ in range(4):
        page.keyboard.press("Tab")
    page.locator("#odr-case_number").fill("26STSC04512")
    page.wait_for_function("document.getElementById('odr-worksheet').dataset.calculator === 'ready'")
    page.wait_for_timeout(500)  # an evaluation would have shown any message by now
    assert page.locator(".odr-error:not([hidden])").count() == 0
    assert page.locator("output").evaluate_all("(outputs) => outputs.every((o) => o.getAttribute('aria-live') === 'off')")

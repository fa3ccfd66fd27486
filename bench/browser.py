"""What a visitor's browser sees: Debian's Chromium, headless, driven by Playwright
(launched as tests/browser/conftest.py does), against the built site served
with gzip on 127.0.0.1.

Times are read inside the page with performance.now(), i.e. milliseconds since
the navigation started, so the driver's own latency does not count. A probe
(an init script) wraps the page's `Worker` to note when the calculator's
messages come and go, and when the first keystroke lands in a field.
"""

from __future__ import annotations

import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench.memory import TabMemory, tab_memory
from bench.serving import BenchServer, Sent

CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run",
                  "--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup"]
"""How the benchmark and the browser tests (tests/browser/conftest.py) launch Chromium.

The last flag stops what only automation sees: since Chromium 151, every new
window, headless ones included, preloads the address bar's popup as a web page
in a renderer of its own. The benchmark and the tests open a new window (a
browser context) for nearly every page, so that renderer kept one of this
machine's two processors busy for about half a second during exactly the
seconds being measured; a person opening the site in a window they already
have pays nothing of the kind. Puppeteer turns these two features off for
the same reason. (Chromium reads only the last --disable-features, so this
one replaces Playwright's own list, whose features are about browser
housekeeping and network chatter, not about how a page runs.)"""

PROBE = """
(() => {
  const now = performance.now.bind(performance);
  const probe = (window.__odrBench = { firstResult: null, typed: null, failed: null, sent: {}, types: {}, results: {} });
  document.addEventListener("input", () => { if (probe.typed === null) probe.typed = now(); }, true);
  const Original = window.Worker;
  if (!Original) return;
  window.Worker = class extends Original {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => {
        const data = event.data || {};
        if (data.type === "failed") probe.failed = data.detail || data.reason;
        if (data.type === "result") {
          if (probe.firstResult === null) probe.firstResult = now();
          probe.results[data.id] = now();
        }
      });
    }
    postMessage(message, ...rest) {
      if (message && typeof message.type === "string" && message.id !== undefined) {
        probe.sent[message.id] = now();
        probe.types[message.id] = message.type;
      }
      return super.postMessage(message, ...rest);
    }
  };
})();
"""

FIRST_FIELD = ("#odr-form input:not([type=radio]):not([type=checkbox]):not([type=hidden]):not([type=file]), "
               "#odr-form textarea")
CALCULATOR_TIMEOUT_MS = 120_000
SETTLED = "Object.keys(window.__odrBench.sent).every((id) => id in window.__odrBench.results)"
FIXED_TODAY = "2026-11-22T10:00:00"
"""The worksheet's `today` while documents are made, so the example answers' dates stay in the future."""


class ChromiumMissing(RuntimeError):
    pass


def chromium_path() -> str:
    """Debian's Chromium, found on PATH (./dev.sh test installs it)."""
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        raise ChromiumMissing("Chromium is not installed: run ./dev.sh test once, which installs it")
    return path


@contextmanager
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def fresh_page(browser, probe: bool = True):
    """A page in a new browser context: empty caches, no service worker, nothing stored."""
    context = browser.new_context(accept_downloads=True)
    if probe:
        context.add_init_script(PROBE)
    try:
        yield context.new_page()
    finally:
        context.close()


def probe_time(page, field: str) -> float:
    """Seconds since navigation when the probe noted `field`, waiting for it."""
    page.wait_for_function(f"window.__odrBench.{field} !== null || window.__odrBench.failed !== null",
                           timeout=CALCULATOR_TIMEOUT_MS)
    failure = page.evaluate("window.__odrBench.failed")
    if failure is not None:
        raise RuntimeError(f"the calculator failed to start: {failure}")
    return page.evaluate(f"window.__odrBench.{field}") / 1000


# ---------------------------------------------------------------- row 1


@dataclass(frozen=True)
class Weight:
    path: str
    bytes: int
    requests: int
    calculator_bytes: int
    """Bytes of anything under odr/ (Pyodide, the Python archives, the calculator's scripts)."""


def page_weight(browser, server: BenchServer, path: str) -> Weight:
    """What a first visit to `path` downloads, until the network has been idle for 0.5 s."""
    with fresh_page(browser, probe=False) as page:
        mark = server.log.mark()
        page.goto(server.url + path, wait_until="load")
        page.wait_for_load_state("networkidle")
        sent = server.log.since(mark)
    return Weight(path, sum(item.total_bytes for item in sent), len(sent),
                  sum(item.total_bytes for item in sent if is_calculator_file(item)))


def is_calculator_file(sent: Sent) -> bool:
    return "/odr/" in sent.path


# ---------------------------------------------------------------- row 2


def first_keystroke(browser, url: str) -> float:
    """Seconds from navigation until a character typed into the form's first field lands in it."""
    with fresh_page(browser) as page:
        page.goto(url, wait_until="commit")
        page.locator(FIRST_FIELD).first.press_sequentially("7")
        return probe_time(page, "typed")


# ---------------------------------------------------------------- rows 3 and 7


def calculator_ready(browser, url: str, memory: bool = False) -> tuple[float, TabMemory | None]:
    """Seconds from navigation until the calculator answered its first validation."""
    with fresh_page(browser) as page:
        page.goto(url)
        ready = probe_time(page, "firstResult")
        return ready, (tab_memory(browser, page) if memory else None)


def bare_pyodide(browser, url: str) -> float:
    """Seconds from navigation until a bare `loadPyodide()` in a module worker finished."""
    with fresh_page(browser, probe=False) as page:
        page.goto(url)
        page.wait_for_function("window.bare !== undefined", timeout=CALCULATOR_TIMEOUT_MS)
        return page.evaluate("window.bare.loaded") / 1000


# ---------------------------------------------------------------- row 4


def document_times(browser, url: str, answers: Path) -> tuple[float, float]:
    """Seconds the calculator took for the agreement PDF: the first time, then again."""
    with fresh_page(browser) as page:
        page.clock.set_fixed_time(FIXED_TODAY)
        page.goto(url)
        probe_time(page, "firstResult")
        page.locator("#odr-load-file").set_input_files(str(answers))
        page.wait_for_timeout(300)
        page.wait_for_function(SETTLED)
        return _pdf_time(page), _pdf_time(page)


def _pdf_time(page) -> float:
    before = page.evaluate("Object.keys(window.__odrBench.sent).length")
    with page.expect_download(timeout=CALCULATOR_TIMEOUT_MS):
        page.locator("[data-action='pdf']").click()
    return page.evaluate("""(before) => {
        const probe = window.__odrBench;
        const id = Object.keys(probe.sent).slice(before).find((key) => probe.types[key] === "documents");
        return (probe.results[id] - probe.sent[id]) / 1000;
    }""", before)


# ---------------------------------------------------------------- row 5


def repeat_visit(browser, url: str, settle_ms: int = 2000) -> tuple[float, float]:
    """(first visit, repeat visit): seconds until the first validation, in one new browser profile.

    The profile is a regular one, kept on disk like a person's own browser
    (a private window keeps its storage in memory and wipes it when closed, so
    nobody comes back to one). Between the two visits, the service worker has
    finished installing (it precaches the runtime) and the browser had
    `settle_ms` to store what it keeps (the calculator's snapshot, code caches).
    """
    with tempfile.TemporaryDirectory(prefix="odr-bench-profile-") as profile:
        context = browser.browser_type.launch_persistent_context(
            profile, executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        context.add_init_script(PROBE)
        try:
            page = context.new_page()
            page.goto(url)
            first = probe_time(page, "firstResult")
            page.evaluate("navigator.serviceWorker.ready.then(() => true)")
            page.wait_for_timeout(settle_ms)
            page.close()
            again = context.new_page()
            again.goto(url)
            return first, probe_time(again, "firstResult")
        finally:
            context.close()

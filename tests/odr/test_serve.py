"""`build.py serve`: a saved edit shows up in the preview within seconds; content errors show in the browser."""

import shutil
import threading
import time
import urllib.error
import urllib.request
from functools import partial
from http.server import ThreadingHTTPServer

import pytest

from odr.serve import Preview, PreviewHandler, watch
from tests.conftest import MINIMAL_COURT

FAQ = """\
id: odr-deadlines
topic: deadlines
order: 1
question: {en: "When is my ODR deadline?", es: "¿Cuándo es mi fecha límite de ODR?"}
answer: {en: "Register soon.", es: "Inscríbase pronto."}
"""
BOUND_SECONDS = 8.0
"""Generous, for slow machines: on a developer machine the tiny project shows an edit in about 1 second."""


@pytest.fixture
def preview(project):
    project.write("content/faq/odr-deadlines.yaml", FAQ)
    made = Preview(project.root, None)
    made.rebuild()
    handler = type("Handler", (PreviewHandler,), {"preview": made})
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(made.site_folder("test-court"))))
    stop = threading.Event()
    threads = [threading.Thread(target=server.serve_forever, daemon=True),
               threading.Thread(target=watch, args=(made, [project.root / "content"], stop), daemon=True)]
    for thread in threads:
        thread.start()
    time.sleep(0.5)  # let the file watcher start
    made.url = f"http://127.0.0.1:{server.server_address[1]}"
    yield made
    stop.set()
    server.shutdown()
    for thread in threads:
        thread.join(timeout=5)
    shutil.rmtree(made.folder, ignore_errors=True)


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def wait_for_new_version(preview, seen: str) -> float:
    """Seconds until the preview's version changes (fails after BOUND_SECONDS)."""
    started = time.monotonic()
    while time.monotonic() - started < BOUND_SECONDS:
        if get(preview.url + "/__preview_version")[1] != seen:
            return time.monotonic() - started
        time.sleep(0.05)
    pytest.fail(f"the preview did not rebuild within {BOUND_SECONDS} seconds")


def test_a_saved_edit_is_served_within_seconds(preview, project):
    assert "Register soon." in get(preview.url + "/faq/odr-deadlines/")[1]
    seen = get(preview.url + "/__preview_version")[1]
    started = time.monotonic()
    project.write("content/faq/odr-deadlines.yaml", FAQ.replace("Register soon.", "Register within 5 days."))
    wait_for_new_version(preview, seen)
    status, page = get(preview.url + "/faq/odr-deadlines/")
    elapsed = time.monotonic() - started
    assert status == 200 and "Register within 5 days." in page
    assert "/__preview_version" in page  # the reload script, so open pages refresh by themselves
    assert elapsed < BOUND_SECONDS


def test_content_errors_show_in_the_browser_and_go_away_when_fixed(preview, project):
    seen = get(preview.url + "/__preview_version")[1]
    project.write("content/faq/odr-deadlines.yaml", FAQ.replace("topic: deadlines", "topic: [deadlines]"))
    wait_for_new_version(preview, seen)
    status, page = get(preview.url + "/faq/odr-deadlines/")
    assert status == 500
    assert ("<li><code>content/faq/odr-deadlines.yaml:2:8: topic: expected an id of lowercase letters, digits and "
            "hyphens (like &quot;what-is-odr&quot;), found a list</code></li>") in page
    seen = get(preview.url + "/__preview_version")[1]
    project.write("content/faq/odr-deadlines.yaml", FAQ)
    wait_for_new_version(preview, seen)
    assert get(preview.url + "/faq/odr-deadlines/")[0] == 200


def test_a_draft_court_is_not_previewed_and_the_page_says_why(project):
    project.write("content/courts/draft-court.yaml",
                  MINIMAL_COURT.replace("id: test-court", "id: draft-court\ndraft: true"))
    made = Preview(project.root, "draft-court")
    try:
        made.rebuild()
        assert ('<li><code>Build failed: court &quot;draft-court&quot; is a draft (draft: true in its profile); '
                "set draft: false to preview it</code></li>") in made.problems_page.decode("utf-8")
    finally:
        shutil.rmtree(made.folder, ignore_errors=True)


def test_an_error_while_reading_the_content_is_shown_and_the_next_save_rebuilds(preview, project, monkeypatch):
    from odr import serve

    def broken(root):
        raise ValueError("day is out of range for month")

    seen = get(preview.url + "/__preview_version")[1]
    monkeypatch.setattr(serve, "read_content", broken)
    project.write("content/faq/odr-deadlines.yaml", FAQ.replace("Register soon.", "Register now."))
    wait_for_new_version(preview, seen)
    status, page = get(preview.url + "/faq/odr-deadlines/")
    assert status == 500
    assert "<li><code>Build failed: ValueError: day is out of range for month</code></li>" in page
    seen = get(preview.url + "/__preview_version")[1]
    monkeypatch.undo()
    project.write("content/faq/odr-deadlines.yaml", FAQ.replace("Register soon.", "Register today."))
    wait_for_new_version(preview, seen)
    status, page = get(preview.url + "/faq/odr-deadlines/")
    assert status == 200 and "Register today." in page


def test_a_port_already_in_use_says_so_and_how_to_choose_another(project, capsys):
    import socket

    from odr.serve import run_serve

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert run_serve(project.root, port=port) == 1
    assert capsys.readouterr().err == (f"Port {port} is already in use (another preview still running?). "
                                       f"Stop it, or choose another port: python build.py serve --port {port + 1}\n")

"""The benchmark cannot rot: its parts work, and one quick run produces every row.

Timings are never asserted here (CI stays free of timing flakes): only that
each row has a figure and a verdict. `python -m bench` itself is not part of
the test command.
"""

from __future__ import annotations

import gzip
import re
import subprocess
import sys
import time
import urllib.request

import pytest

from bench.serving import BenchServer
from bench.synthetic import make_project
from bench.table import Row, ratio_of_runs, render
from tests.conftest import ROOT

ROWS = ["1a", "1b", "2", "3", "4a", "4b", "5", "6a", "6b", "7a", "7b"]


def test_the_server_gzips_text_as_a_host_would_and_counts_the_bytes(tmp_path):
    (tmp_path / "page").mkdir()
    (tmp_path / "page" / "index.html").write_text("<p>hello</p>" * 1000)
    (tmp_path / "data.zip").write_bytes(b"PK" + bytes(5000))
    (tmp_path / "bench").mkdir()
    (tmp_path / "bench" / "extra.js").write_text("let x = 1;\n" * 100)
    with BenchServer(tmp_path, {"/_bench/": tmp_path / "bench"}) as server:
        mark = server.log.mark()
        page = urllib.request.urlopen(urllib.request.Request(server.url + "page/",
                                                             headers={"Accept-Encoding": "gzip"}))
        assert page.headers["Content-Encoding"] == "gzip"
        assert gzip.decompress(page.read()).decode() == "<p>hello</p>" * 1000
        archive = urllib.request.urlopen(urllib.request.Request(server.url + "data.zip",
                                                                headers={"Accept-Encoding": "gzip"}))
        assert archive.headers["Content-Encoding"] is None and len(archive.read()) == 5002
        mounted = urllib.request.urlopen(server.url + "_bench/extra.js")
        assert mounted.read() == b"let x = 1;\n" * 100
        # each response is logged by its own server thread once sent: the log's order is not the requests'
        sent = {item.path: item for item in logged(server, mark, 3)}
    assert {path: item.encoding for path, item in sent.items()} == {"/page/": "gzip", "/data.zip": "",
                                                                     "/_bench/extra.js": ""}
    assert sent["/page/"].body_bytes < 12000 / 10 and sent["/data.zip"].body_bytes == 5002
    assert all(item.header_bytes > 0 for item in sent.values())


def logged(server, mark, count):
    """The responses sent since `mark`, once there are `count` (each is logged just after it is sent)."""
    deadline = time.monotonic() + 5
    while len(server.log.since(mark)) < count and time.monotonic() < deadline:
        time.sleep(0.01)
    return server.log.since(mark)


def test_the_synthetic_project_has_the_courts_and_questions_asked_for(tmp_path):
    from odr.content import load_content

    real = load_content(ROOT)
    courts, faqs = len(real.courts) + 2, len(real.faqs) + 3
    content = load_content(make_project(ROOT, tmp_path / "synthetic", courts=courts, faqs=faqs))
    assert (len(content.courts), len(content.faqs)) == (courts, faqs)


def test_the_table_has_a_line_per_row_with_its_verdict():
    table = render([Row("1", "weight", "12.0 KB", "≤ 150 KB", True), Row("2", "time", "2 s", "≤ 1 s", False),
                    Row("3", "memory", "40 MB", "reported", None)])
    lines = table.splitlines()
    assert len(lines) == 5
    assert [line.split("|")[5].strip() for line in lines[2:]] == ["PASS", "FAIL", "—"]


def test_a_ratio_is_of_the_medians_with_the_range_of_each_runs_own_ratio():
    assert ratio_of_runs([1.0, 0.6, 3.0], [4.0, 2.0, 4.0]) == "0.25 (1.00 s ÷ 4.00 s; runs 0.25–0.75)"
    assert ratio_of_runs([0.08, 0.1], [2.0, 2.5]) == "0.040 (90 ms ÷ 2.25 s; runs 0.040–0.040)"
    assert ratio_of_runs([0.5], [2.0]) == "0.25 (500 ms ÷ 2.00 s)"


@pytest.mark.browser
def test_a_quick_run_produces_every_row_with_a_figure_and_a_verdict():
    finished = subprocess.run([sys.executable, "-m", "bench", "--quick"], cwd=ROOT, capture_output=True, text=True,
                              timeout=600)
    assert finished.returncode in (0, 1), finished.stderr[-3000:]
    rows = {}
    for line in finished.stdout.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 5 and re.fullmatch(r"\d+[ab]?", cells[0]):
            rows[cells[0]] = cells
    assert sorted(rows, key=ROWS.index) == ROWS
    for number, name, figure, target, verdict in rows.values():
        assert name and figure and target, number
        assert verdict in ("PASS", "FAIL") if target != "reported" else verdict == "—", number
    assert finished.returncode == (1 if any(row[4] == "FAIL" for row in rows.values()) else 0)

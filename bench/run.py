"""The benchmark, start to end: build, serve, measure, one row per figure."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from bench import browser as web
from bench.baseline import MOUNT, write_baseline
from bench.building import Run, our_build, plain_build, write_plain_project
from bench.serving import BenchServer
from bench.synthetic import make_project
from bench.table import Row, kilobytes, median, megabytes, ratio_row, seconds

KB = 1024
GB = 1024 ** 3
WORKSHEET = "plaintiff"
EXAMPLE_ANSWERS = "worksheets/examples/plaintiff-monthly-31st.json"


@dataclass(frozen=True)
class Settings:
    root: Path
    repeat: int
    """Runs of each browser timing (the median is reported)."""
    build_repeat: int
    """Runs of each build timing (the median is reported)."""
    synthetic: tuple[int, int]
    """(courts, FAQ entries) of the synthetic build."""
    max_pages: int | None
    """At most this many pages visited for row 1 (None: every page)."""

    @classmethod
    def full(cls, root: Path) -> "Settings":
        return cls(root, repeat=5, build_repeat=3, synthetic=(50, 40), max_pages=None)

    @classmethod
    def quick(cls, root: Path) -> "Settings":
        return cls(root, repeat=1, build_repeat=1, synthetic=(2, 20), max_pages=3)

    def with_repeat(self, repeat: int) -> "Settings":
        return replace(self, repeat=repeat, build_repeat=repeat)

    def describe(self) -> str:
        courts, faqs = self.synthetic
        return (f"Medians of {self.repeat} browser run(s) and {self.build_repeat} build run(s); "
                f"synthetic build {courts} courts × {faqs} FAQ entries")


def run_all(settings: Settings, log) -> list[Row]:
    scratch = Path(tempfile.mkdtemp(prefix="odr-bench-"))
    try:
        say(log, "building the site and the plain-MkDocs baseline ...")
        site = scratch / "site"
        real = build_rows(settings, settings.root, site, scratch / "plain-real", "6a",
                          "site build (every court and language)")
        say(log, "building the synthetic project ...")
        courts, faqs = settings.synthetic
        synthetic_root = make_project(settings.root, scratch / "synthetic", courts, faqs)
        synthetic = build_rows(settings, synthetic_root, scratch / "synthetic-site", scratch / "plain-synthetic",
                               "6b", f"synthetic build ({courts} courts × {faqs} FAQ entries)")
        shutil.rmtree(scratch / "synthetic-site", ignore_errors=True)
        peak = max(real.peak, synthetic.peak)
        memory_row = Row("7a", "peak memory: build process", megabytes(peak), "≤ 1 GB", peak <= GB)
        say(log, "measuring in Chromium ...")
        browser_rows = measure_browser(settings, site, write_baseline(scratch / "baseline"), log)
        rows = [*browser_rows[:-1], real.row, synthetic.row, memory_row, browser_rows[-1]]
        return sorted(rows, key=lambda row: row.number)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def say(log, text: str) -> None:
    print(f"bench: {text}", file=log, flush=True)


# ---------------------------------------------------------------- builds


@dataclass(frozen=True)
class BuildResult:
    row: Row
    peak: int


def build_rows(settings: Settings, root: Path, out: Path, plain: Path, number: str, name: str) -> BuildResult:
    """Our build of `root` against plain MkDocs builds of the same pages, each timed `build_repeat` times."""
    warm = our_build(root, out)  # also compiles the calculator's runtime if its cache is cold
    pages = write_plain_project(root, plain)
    ours: list[Run] = []
    theirs: list[Run] = []
    for _ in range(settings.build_repeat):
        theirs.append(plain_build(plain))
        ours.append(our_build(root, out))
    shutil.rmtree(plain, ignore_errors=True)
    row = ratio_row(number, f"{name}, {pages} pages ÷ plain mkdocs build", [run.seconds for run in ours],
                    [run.seconds for run in theirs], 1.5)
    return BuildResult(row, max(run.peak_bytes for run in [warm, *ours]))


# ---------------------------------------------------------------- the browser


def measure_browser(settings: Settings, site: Path, baseline: Path, log) -> list[Row]:
    court = default_court(settings.root, site)
    worksheet_path = f"{court}/worksheets/{WORKSHEET}/"
    with BenchServer(site, {MOUNT: baseline}) as server, web.chromium() as browser:
        url = server.url + worksheet_path
        rows = page_weight_rows(settings, browser, server, site, court)
        say(log, "timing the calculator against bare Pyodide ...")
        bare, ready, typing, first_pdf, second_pdf, first_visit, repeat = ([] for _ in range(7))
        memory = None
        for run in range(settings.repeat):
            bare.append(web.bare_pyodide(browser, server.url + MOUNT.lstrip("/") + "bare.html"))
            seconds_ready, tab = web.calculator_ready(browser, url, memory=run == 0)
            ready.append(seconds_ready)
            memory = memory or tab
            typing.append(web.first_keystroke(browser, url))
            first, second = web.document_times(browser, url, settings.root / EXAMPLE_ANSWERS)
            first_pdf.append(first)
            second_pdf.append(second)
            before, after = web.repeat_visit(browser, url)
            first_visit.append(before)
            repeat.append(after)
            say(log, f"  run {run + 1}/{settings.repeat}: bare {bare[-1]:.2f} s, ready {ready[-1]:.2f} s, "
                     f"PDF {first:.2f} s then {second:.2f} s, repeat visit {after:.2f} s")
    return [
        *rows,
        Row("2", "worksheet: navigation → first field accepts typing", seconds(median(typing)), "≤ 1 s",
            median(typing) <= 1.0),
        ratio_row("3", "calculator ready (first validation) ÷ bare loadPyodide()", ready, bare, 0.5),
        ratio_row("4a", "agreement PDF, first (cold imports) ÷ bare loadPyodide()", first_pdf, bare, 0.5),
        ratio_row("4b", "agreement PDF, second ÷ bare loadPyodide()", second_pdf, bare, 0.05),
        ratio_row("5", "repeat visit: calculator ready ÷ first-visit ready", repeat, first_visit, 0.5),
        Row("7b", "peak memory: worksheet tab, calculator ready (JS heap + wasm)",
            f"{megabytes(memory.total)} (JS {megabytes(memory.js_heap)} + wasm {megabytes(memory.wasm)})",
            "reported", None),
    ]


def default_court(root: Path, site: Path) -> str:
    """The site's default court when it has the worksheet, else the first court that does."""
    settings = yaml.safe_load((root / "content" / "site.yaml").read_text(encoding="utf-8")) or {}
    courts = sorted(path.parent.parent.parent.name for path in site.glob(f"*/worksheets/{WORKSHEET}/index.html"))
    preferred = settings.get("default_court")
    return preferred if preferred in courts else courts[0]


def page_weight_rows(settings: Settings, browser, server: BenchServer, site: Path, court: str) -> list[Row]:
    faq_pages = pages_under(site, court, lambda path: path.startswith("faq/"))
    other_pages = pages_under(site, court, lambda path: "worksheets/" not in path and not path.startswith("faq/"))
    if settings.max_pages is not None:
        faq_pages, other_pages = faq_pages[:max(1, settings.max_pages - 1)], other_pages[:1]
    faq = [web.page_weight(browser, server, f"{court}/{path}") for path in faq_pages]
    others = [web.page_weight(browser, server, f"{court}/{path}") for path in other_pages]
    heaviest = max(faq, key=lambda weight: weight.bytes)
    calculator_bytes = sum(weight.calculator_bytes for weight in faq + others)
    return [
        Row("1a", f"FAQ page, gzip: bytes and requests (heaviest of {len(faq)})",
            f"{kilobytes(heaviest.bytes)} in {heaviest.requests} requests ({heaviest.path.split('/', 1)[1]})",
            "≤ 150 KB", heaviest.bytes <= 150 * KB),
        Row("1b", f"Pyodide bytes on non-worksheet pages ({len(faq) + len(others)} visited)",
            f"{calculator_bytes} B", "0 B", calculator_bytes == 0),
    ]


def pages_under(site: Path, court: str, keep) -> list[str]:
    """Page addresses ("faq/what-is-odr/") of one court's site, every language, that `keep` accepts."""
    court_dir = site / court
    found = []
    for html in sorted(court_dir.rglob("index.html")):
        path = html.parent.relative_to(court_dir).as_posix()
        path = "" if path == "." else path + "/"
        language_free = path.split("/", 1)[1] if len(path.split("/", 1)[0]) == 2 and "/" in path else path
        if keep(language_free):
            found.append(path)
    return found

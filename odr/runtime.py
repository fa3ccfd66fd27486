"""The in-browser calculator's files: the Pyodide runtime (npm package
`pyodide`), the `widgets` package and the pure-Python wheels it needs, the
JavaScript glue (widgets/browser/) and the service worker.

Python is byte-compiled once by Pyodide itself (odr/compile_runtime.mjs) and
cached in .cache/runtime/<key>/, the key covering everything that goes in.
While compiling, Pyodide runs real worksheet calls (the example answers in
worksheets/examples/) and records what they import: the archives the browser
loads hold only that, and the rest of the standard library and of the wheels
sit in "rest" archives fetched only if an import ever needs them (those are
not precached by the service worker). One recorded call has a name Helvetica
cannot print, so the PDF's archive also holds what embedding the Unicode font
needs; the font itself is fetched by the first PDF that needs it, and precached
so that such a PDF can be made offline too.
Each court's site gets a copy under odr/ (hard links where possible), with
content-hashed names so browsers and caches never mix versions.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from odr.wheels import wheel_paths
from widgets import fonts

CODE_ROOT = Path(__file__).resolve().parent.parent
PYODIDE_DIR = CODE_ROOT / "node_modules" / "pyodide"
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
"""The core runtime; its standard library is replaced by the byte-compiled one, and its lock file
(pyodide-lock.json) by one that lists no packages: the calculator loads none of Pyodide's packages,
and loadPyodide() then neither downloads nor indexes the 120 KB list."""
LOCK_FILE = "pyodide-lock.json"
BROWSER_DIR = CODE_ROOT / "widgets" / "browser"
FONT_DIR = CODE_ROOT / "node_modules" / "dejavu-fonts-ttf" / "ttf"
"""The PDF's Unicode font (widgets/fonts.py), from the pinned npm package."""
COMPILE_SCRIPT = CODE_ROOT / "odr" / "compile_runtime.mjs"
RUNTIME_CACHE = CODE_ROOT / ".cache" / "runtime"
SITE_FOLDER = "odr"
ARCHIVES = ("stdlib", "widgets", "pdf", "stdlib_rest", "pdf_rest")
"""The compiled Python archives, by role (files <role with - for _>.zip)."""
LAZY_ARCHIVES = ("stdlib_rest", "pdf_rest")
FONTS = {f"font_{weight}": name for weight, name in fonts.FILES.items()}
"""{role: file in FONT_DIR}: the PDF's Unicode font, fetched by the first PDF that needs it (widgets/fonts.py)."""
WORKER_FILES = ("pyodide_module", "pyodide_index", *ARCHIVES, *FONTS)
"""What the calculator's worker is told where to find."""
EXAMPLES = CODE_ROOT / "worksheets" / "examples"
"""Saved answers files: the calls recorded while compiling."""


@dataclass(frozen=True)
class Runtime:
    """Where each runtime file comes from and where it goes in a court's site."""

    files: dict
    """{site path (relative to the court's root): source path}."""
    urls: dict
    """{role: site path}: worksheet, worker, pyodide_module, pyodide_index, stdlib, widgets, pdf,
    stdlib_rest, pdf_rest, font_regular, font_bold."""
    lazy: frozenset = frozenset()
    """Site paths fetched only when an import needs them: not precached by the service worker."""

    def page_config(self, court_root: str) -> dict:
        """The runtime part of a worksheet page's configuration, relative to the page."""
        from widgets.answers import FILE_KEYS, FORMAT, VERSION

        files = {role: court_root + self.urls[role] for role in WORKER_FILES if role in self.urls}
        return {"answers_format": FORMAT, "answers_version": VERSION, "answers_file_keys": list(FILE_KEYS),
                "files": files,
                "script": court_root + self.urls["worksheet"], "worker": court_root + self.urls["worker"],
                "service_worker": court_root + "sw.js"}


def placeholder_runtime() -> Runtime:
    """The runtime's roles with made-up addresses and no files: what `check` makes the
    worksheet pages with, to find their mistakes without compiling Python."""
    roles = (*WORKER_FILES, "worksheet", "worker")
    return Runtime(files={}, urls={role: f"{SITE_FOLDER}/{role}" for role in roles})


def prepare_runtime() -> Runtime:
    """Compile (or reuse) the Python archives and list every runtime file."""
    compiled = _compiled_archives()
    version = _pyodide_version()
    files: dict = {}
    urls: dict = {}
    for name in PYODIDE_FILES:
        files[f"{SITE_FOLDER}/pyodide-{version}/{name}"] = PYODIDE_DIR / name
    files[f"{SITE_FOLDER}/pyodide-{version}/{LOCK_FILE}"] = compiled / LOCK_FILE
    urls["pyodide_module"] = f"{SITE_FOLDER}/pyodide-{version}/pyodide.mjs"
    urls["pyodide_index"] = f"{SITE_FOLDER}/pyodide-{version}/"
    for role in ARCHIVES:
        urls[role] = _hashed(files, compiled / f"{role.replace('_', '-')}.zip", f"{SITE_FOLDER}/python")
    urls["worksheet"] = _hashed_folder(files, BROWSER_DIR / "worksheet", SITE_FOLDER) + "/main.js"
    urls["worker"] = _hashed(files, BROWSER_DIR / "worker.js", SITE_FOLDER)
    for role, name in FONTS.items():
        urls[role] = _hashed(files, FONT_DIR / name, f"{SITE_FOLDER}/fonts")
    return Runtime(files, urls, frozenset(urls[role] for role in LAZY_ARCHIVES))


def _hashed(files: dict, source: Path, folder: str) -> str:
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:10]
    site_path = f"{folder}/{source.stem}.{digest}{source.suffix}"
    files[site_path] = source
    return site_path


def _hashed_folder(files: dict, source: Path, folder: str) -> str:
    """A folder of ES modules that import each other by name: the folder's name carries the hash."""
    digest = hashlib.sha256()
    modules = sorted(source.glob("*.js"))
    for module in modules:
        digest.update(module.name.encode() + b"\0" + module.read_bytes())
    site_folder = f"{folder}/{source.name}.{digest.hexdigest()[:10]}"
    for module in modules:
        files[f"{site_folder}/{module.name}"] = module
    return site_folder


def _pyodide_version() -> str:
    return json.loads((PYODIDE_DIR / "package.json").read_text(encoding="utf-8"))["version"]


def _compiled_archives() -> Path:
    wheels = wheel_paths()
    key = _cache_key(wheels)
    target = RUNTIME_CACHE / key
    if (target / LOCK_FILE).exists():  # written last
        return target
    RUNTIME_CACHE.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="compiling-", dir=RUNTIME_CACHE))
    try:
        scenarios = scratch / "scenarios.json"
        scenarios.write_text(json.dumps(_scenarios(), ensure_ascii=False), encoding="utf-8")
        font_files = ",".join(str(FONT_DIR / name) for name in FONTS.values())
        subprocess.run(["node", str(COMPILE_SCRIPT), str(scratch), str(CODE_ROOT / "widgets"), str(scenarios),
                        font_files, *map(str, wheels)], check=True, cwd=CODE_ROOT, capture_output=True, text=True)
        scenarios.unlink()
        _write_lock_file(scratch / LOCK_FILE)
        scratch.rename(target)
    except subprocess.CalledProcessError as error:
        raise OSError(f"compiling the browser runtime failed: {error.stderr.strip()[-2000:]}") from None
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return target


def _write_lock_file(path: Path) -> None:
    """Pyodide's lock file with its `info` (checked against the runtime) and no packages."""
    lock = json.loads((PYODIDE_DIR / LOCK_FILE).read_text(encoding="utf-8"))
    path.write_text(json.dumps({"info": lock["info"], "packages": {}}), encoding="utf-8")


def _scenarios() -> list[dict]:
    """The calls recorded while compiling: each example answers file against its court's spec, in
    every language, then the same with no answers (the error messages' path); and the first
    example with a name only the Unicode font prints (`unicode_font`: the PDF embeds the font)."""
    from odr.content import load_content
    from odr.problems import ContentError
    from odr.spec import spec_from_content

    try:
        content = load_content(CODE_ROOT)
    except ContentError:
        return []  # nothing recorded: the browser then fetches what it imports from the rest archives
    scenarios = []
    for path in sorted(EXAMPLES.glob("*.json")):
        saved = json.loads(path.read_text(encoding="utf-8"))
        if saved.get("court") not in content.courts or saved.get("worksheet") not in content.worksheets:
            continue
        today = str(saved.get("saved_at") or "2026-01-01")[:10]
        for language in content.languages:
            spec = spec_from_content(content, saved["court"], saved["worksheet"], language)
            scenarios.append({"spec": spec, "answers": {**saved, "language": language}, "today": today})
            scenarios.append({"spec": spec, "answers": {**saved, "answers": {}}, "today": today})
    if scenarios:
        first = scenarios[0]
        answers = {**first["answers"]["answers"], "defendants": [{"name": UNICODE_NAME, "address": "1 Main St"}]}
        scenarios.append({**first, "answers": {**first["answers"], "answers": answers}, "unicode_font": True})
    return scenarios


UNICODE_NAME = "Nguyễn Thị Đào"
"""A name Helvetica cannot print: the recorded PDF embeds the Unicode font."""


def _cache_key(wheels: list[Path]) -> str:
    """Everything that goes into the archives and how they are made (the recorded calls' content
    aside: it only decides which archive a module lands in)."""
    digest = hashlib.sha256()
    digest.update(_pyodide_version().encode())
    digest.update(COMPILE_SCRIPT.read_bytes() + Path(__file__).read_bytes())
    for path in sorted((CODE_ROOT / "widgets").glob("*.py")) + sorted(EXAMPLES.glob("*.json")):
        digest.update(path.name.encode() + path.read_bytes())
    for wheel in wheels:
        digest.update(wheel.name.encode())
    return digest.hexdigest()[:16]


def install_runtime(runtime: Runtime, court_dir: Path, precache_pages: list[str]) -> None:
    """Copy the runtime into a built court site and write its service worker."""
    for site_path, source in runtime.files.items():
        _link_or_copy(source, court_dir / site_path)
    write_service_worker(court_dir, runtime, precache_pages)


def _link_or_copy(source: Path, target: Path) -> None:
    """Hard links for the big files that never change in place (the npm package, the compiled cache);
    copies of the JavaScript glue, which people edit: an editor that writes in place would
    otherwise change a published file whose name promises its content."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if source.is_relative_to(BROWSER_DIR):
        shutil.copy2(source, target)
        return
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


ASSET_REFERENCE = re.compile(r'<(?:link|script)\b[^>]*?\b(?:href|src)="([^"#?]+)[^"]*"')


def write_service_worker(court_dir: Path, runtime: Runtime, pages: list[str]) -> None:
    """sw.js at the court's root, precaching the site's pages, what they load, and the runtime. Its
    version changes with the contents of every file whose name carries no hash (each page read once)."""
    urls = set(pages) | {path for path in runtime.files if path not in runtime.lazy} | _search_files(court_dir)
    contents = hashlib.sha256()
    for page in pages:
        html = (court_dir / page / "index.html").read_bytes()
        contents.update(html)
        urls |= _page_assets(court_dir, page, html.decode("utf-8"))
    precache = sorted(urls)
    for path in precache:
        file = court_dir / path
        if not path.endswith("/") and path not in runtime.files and file.is_file():  # runtime names carry a hash
            contents.update(file.read_bytes())
    version = hashlib.sha256("\n".join(precache).encode() + contents.digest()).hexdigest()[:12]
    template = (BROWSER_DIR / "sw.js").read_text(encoding="utf-8")
    script = template.replace("__VERSION__", version).replace("__PRECACHE__", json.dumps(precache, indent=2))
    (court_dir / "sw.js").write_text(script, encoding="utf-8")


def _search_files(court_dir: Path) -> set[str]:
    """Search, offline too: each language's index and the search workers (named in Material's
    configuration, not in a script tag)."""
    indexes = court_dir.glob("**/search/search_index.json")
    workers = (court_dir / "assets/javascripts/workers").glob("*.js")
    return {path.relative_to(court_dir).as_posix() for path in [*indexes, *workers]}


def _page_assets(court_dir: Path, page: str, html: str) -> set[str]:
    """The files of the site a page's <link> and <script> elements load."""
    root = court_dir.resolve()
    found = set()
    for reference in ASSET_REFERENCE.findall(html):
        if "//" in reference or reference.startswith(("data:", "mailto:")):
            continue
        resolved = (court_dir / page / reference).resolve()
        if resolved.is_file() and resolved.is_relative_to(root):
            found.add(resolved.relative_to(root).as_posix())
    return found

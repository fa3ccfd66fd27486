"""The in-browser calculator's files: the Pyodide runtime (npm package
`pyodide`), the `widgets` package and the pure-Python wheels it needs, the
JavaScript glue (widgets/browser/) and the service worker.

Python is byte-compiled once by Pyodide itself (odr/compile_runtime.mjs) and
cached in .cache/runtime/<key>/, the key covering everything that goes in.
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

CODE_ROOT = Path(__file__).resolve().parent.parent
PYODIDE_DIR = CODE_ROOT / "node_modules" / "pyodide"
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide-lock.json")
"""The core runtime; its standard library is replaced by the byte-compiled one."""
BROWSER_DIR = CODE_ROOT / "widgets" / "browser"
COMPILE_SCRIPT = CODE_ROOT / "odr" / "compile_runtime.mjs"
RUNTIME_CACHE = CODE_ROOT / ".cache" / "runtime"
SITE_FOLDER = "odr"


@dataclass(frozen=True)
class Runtime:
    """Where each runtime file comes from and where it goes in a court's site."""

    files: dict
    """{site path (relative to the court's root): source path}."""
    urls: dict
    """{role: site path}: worksheet, worker, pyodide_module, pyodide_index, stdlib, widgets, pdf."""

    def page_config(self, court_root: str) -> dict:
        """The runtime part of a worksheet page's configuration, relative to the page."""
        from widgets.answers import FORMAT, VERSION

        files = {role: court_root + self.urls[role]
                 for role in ("pyodide_module", "pyodide_index", "stdlib", "widgets", "pdf")}
        return {"answers_format": FORMAT, "answers_version": VERSION, "files": files,
                "script": court_root + self.urls["worksheet"], "worker": court_root + self.urls["worker"],
                "service_worker": court_root + "sw.js"}


def prepare_runtime() -> Runtime:
    """Compile (or reuse) the Python archives and list every runtime file."""
    compiled = _compiled_archives()
    version = _pyodide_version()
    files: dict = {}
    urls: dict = {}
    for name in PYODIDE_FILES:
        files[f"{SITE_FOLDER}/pyodide-{version}/{name}"] = PYODIDE_DIR / name
    urls["pyodide_module"] = f"{SITE_FOLDER}/pyodide-{version}/pyodide.mjs"
    urls["pyodide_index"] = f"{SITE_FOLDER}/pyodide-{version}/"
    for role in ("stdlib", "widgets", "pdf"):
        urls[role] = _hashed(files, compiled / f"{role}.zip", f"{SITE_FOLDER}/python")
    for role in ("worksheet", "worker"):
        urls[role] = _hashed(files, BROWSER_DIR / f"{role}.js", SITE_FOLDER)
    return Runtime(files, urls)


def _hashed(files: dict, source: Path, folder: str) -> str:
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:10]
    site_path = f"{folder}/{source.stem}.{digest}{source.suffix}"
    files[site_path] = source
    return site_path


def _pyodide_version() -> str:
    return json.loads((PYODIDE_DIR / "package.json").read_text(encoding="utf-8"))["version"]


def _compiled_archives() -> Path:
    wheels = wheel_paths()
    key = _cache_key(wheels)
    target = RUNTIME_CACHE / key
    if (target / "pdf.zip").exists():
        return target
    RUNTIME_CACHE.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="compiling-", dir=RUNTIME_CACHE))
    try:
        subprocess.run(["node", str(COMPILE_SCRIPT), str(scratch), str(CODE_ROOT / "widgets"),
                        *map(str, wheels)], check=True, cwd=CODE_ROOT, capture_output=True, text=True)
        scratch.rename(target)
    except subprocess.CalledProcessError as error:
        raise OSError(f"compiling the browser runtime failed: {error.stderr.strip()[-2000:]}") from None
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return target


def _cache_key(wheels: list[Path]) -> str:
    digest = hashlib.sha256()
    digest.update(_pyodide_version().encode())
    digest.update(COMPILE_SCRIPT.read_bytes())
    for path in sorted((CODE_ROOT / "widgets").glob("*.py")):
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
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


ASSET_REFERENCE = re.compile(r'<(?:link|script)\b[^>]*?\b(?:href|src)="([^"#?]+)[^"]*"')


def write_service_worker(court_dir: Path, runtime: Runtime, pages: list[str]) -> None:
    """sw.js at the court's root, precaching the worksheet pages, what they load, and the runtime."""
    urls = set(pages) | {path for path in runtime.files}
    for page in pages:
        urls |= _page_assets(court_dir, page)
    precache = sorted(urls)
    version = hashlib.sha256("\n".join(precache).encode() + _contents_digest(court_dir, precache)).hexdigest()[:12]
    template = (BROWSER_DIR / "sw.js").read_text(encoding="utf-8")
    script = template.replace("__VERSION__", version).replace("__PRECACHE__", json.dumps(precache, indent=2))
    (court_dir / "sw.js").write_text(script, encoding="utf-8")


def _page_assets(court_dir: Path, page: str) -> set[str]:
    html_path = court_dir / page / "index.html"
    found = set()
    for reference in ASSET_REFERENCE.findall(html_path.read_text(encoding="utf-8")):
        if "//" in reference or reference.startswith(("data:", "mailto:")):
            continue
        resolved = (html_path.parent / reference).resolve()
        if resolved.is_file() and resolved.is_relative_to(court_dir.resolve()):
            found.add(resolved.relative_to(court_dir.resolve()).as_posix())
    return found


def _contents_digest(court_dir: Path, paths: list[str]) -> bytes:
    digest = hashlib.sha256()
    for path in paths:
        file = court_dir / path / "index.html" if path.endswith("/") else court_dir / path
        if file.is_file():
            digest.update(file.read_bytes())
    return digest.digest()

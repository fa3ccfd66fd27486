"""The bare-Pyodide baseline: a page whose module worker does nothing but a
plain `loadPyodide()` from the npm package, with its default standard library
(python_stdlib.zip, Python sources).

The files go into a folder of the bench's own (served under /_bench/), never
into the published site. The page records `window.bare = {loaded}` where
`loaded` is performance.now() when the worker answered, i.e. the time from
navigation, measured the same way as the calculator's.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from odr.runtime import PYODIDE_DIR

BASELINE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide-lock.json", "python_stdlib.zip")
MOUNT = "/_bench/"

BARE_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>bare loadPyodide()</title></head>
<body><script type="module">
const worker = new Worker("bare-worker.js", { type: "module" });
worker.onmessage = () => { window.bare = { loaded: performance.now() }; };
</script></body></html>
"""

BARE_WORKER = """const { loadPyodide } = await import("./pyodide/pyodide.mjs");
const pyodide = await loadPyodide({ indexURL: new URL("./pyodide/", self.location.href).href });
pyodide.runPython("1 + 1");
self.postMessage("loaded");
"""


def write_baseline(folder: Path) -> Path:
    """The baseline page and the npm package's files (hard links) in `folder`."""
    (folder / "pyodide").mkdir(parents=True, exist_ok=True)
    for name in BASELINE_FILES:
        target = folder / "pyodide" / name
        target.unlink(missing_ok=True)
        try:
            os.link(PYODIDE_DIR / name, target)
        except OSError:
            shutil.copy2(PYODIDE_DIR / name, target)
    (folder / "bare.html").write_text(BARE_PAGE, encoding="utf-8")
    (folder / "bare-worker.js").write_text(BARE_WORKER, encoding="utf-8")
    return folder

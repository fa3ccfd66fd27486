"""The in-browser calculator's files, copied into each court's site.

(Filled in with the worksheet pages: Pyodide, the `widgets` package and its wheels.)
"""

from __future__ import annotations

from pathlib import Path


def install_runtime(content, court, court_dir: Path) -> None:
    return None

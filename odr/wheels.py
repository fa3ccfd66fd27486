"""The pure-Python wheels the in-browser calculator needs, fetched once.

Their versions are the ones pinned in pyproject.toml (one source of truth):
the browser runs the same fpdf2 the tests run. Wheels land in .cache/wheels/.

    python -m odr.wheels      # download what is missing
"""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WHEEL_DIR = ROOT / ".cache" / "wheels"
BROWSER_PACKAGES = ("fpdf2", "fonttools", "defusedxml")
"""What `widgets` needs in the browser beyond the standard library (fpdf2 runs without Pillow)."""
PYODIDE_PYTHON = "3.14"


def pinned_requirements(pyproject: Path = ROOT / "pyproject.toml") -> list[str]:
    """["fpdf2==2.8.9", ...] for each browser package, as pinned in pyproject.toml."""
    dependencies = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["dependencies"]
    pins = {re.split(r"[=<>!~ ]", spec, 1)[0].lower(): spec for spec in dependencies}
    return [pins[name] for name in BROWSER_PACKAGES]


def wheel_name_prefix(requirement: str) -> str:
    name, version = requirement.split("==")
    return f"{name.replace('-', '_')}-{version}-"


def wheel_paths(wheel_dir: Path = WHEEL_DIR) -> list[Path]:
    """The wheel file of each browser package; raises if one was not downloaded."""
    paths = []
    for requirement in pinned_requirements():
        found = sorted(wheel_dir.glob(wheel_name_prefix(requirement) + "*.whl"))
        if not found:
            raise FileNotFoundError(f"{requirement} is not in {wheel_dir}: run `python -m odr.wheels`")
        paths.append(found[0])
    return paths


def download_missing(wheel_dir: Path = WHEEL_DIR) -> None:
    wheel_dir.mkdir(parents=True, exist_ok=True)
    missing = [requirement for requirement in pinned_requirements()
               if not list(wheel_dir.glob(wheel_name_prefix(requirement) + "*.whl"))]
    if not missing:
        return
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
                    "--no-deps", "--only-binary", ":all:", "--platform", "any", "--implementation", "py",
                    "--abi", "none", "--python-version", PYODIDE_PYTHON, "--dest", str(wheel_dir), *missing],
                   check=True)


if __name__ == "__main__":
    download_missing()

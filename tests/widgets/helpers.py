"""Shared helpers for the worksheet engine tests: real specs built from the
project's YAML, answers files made inline, and the example files."""

from __future__ import annotations

import copy
import json
from datetime import date
from functools import lru_cache
from pathlib import Path

from odr.spec import build_spec

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 11, 22)
EXAMPLES = ROOT / "worksheets" / "examples"


@lru_cache(maxsize=None)
def _spec_json(court: str, worksheet: str, language: str) -> str:
    return json.dumps(build_spec(ROOT, court, worksheet, language))


def spec(court: str = "los-angeles", worksheet: str = "plaintiff", language: str = "en") -> dict:
    """A fresh copy of the real spec (JSON round trip, as the browser gets it)."""
    return json.loads(_spec_json(court, worksheet, language))


def example(name: str) -> dict:
    return json.loads((EXAMPLES / name).read_text(encoding="utf-8"))


def plaintiff_file() -> dict:
    return example("plaintiff-monthly-31st.json")


def defendant_file() -> dict:
    return example("defendant-counteroffer.json")


def with_answers(file: dict, **changes) -> dict:
    """A copy of an answers file with some answers changed (None removes one)."""
    changed = copy.deepcopy(file)
    for key, value in changes.items():
        if value is None:
            changed["answers"].pop(key, None)
        else:
            changed["answers"][key] = value
    return changed


def spec_for(file: dict) -> dict:
    return spec(file["court"], file["worksheet"], file["language"])

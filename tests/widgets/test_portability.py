"""`widgets/` runs under Pyodide too: standard library only at module level,
no browser imports, no side effects at import, no syntax newer than 3.11."""

import ast
import sys

import pytest

from tests.widgets.helpers import ROOT

MODULES = sorted((ROOT / "widgets").glob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_module_level_imports_are_standard_library_or_widgets(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), feature_version=(3, 11))
    for node in tree.body:
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        else:
            continue
        for name in names:
            top = name.split(".")[0]
            assert top in sys.stdlib_module_names or top in ("widgets", "__future__"), (path.name, name)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_modules_only_define_things_at_import(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    allowed = (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.ClassDef, ast.Assign, ast.AnnAssign)
    for node in tree.body:
        is_docstring = isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
        assert is_docstring or isinstance(node, allowed), (path.name, node.lineno)


def test_fpdf2_is_imported_only_inside_the_function_that_draws():
    source = (ROOT / "widgets" / "render_pdf.py").read_text(encoding="utf-8")
    assert source.count("from fpdf import FPDF") == 1
    for path in MODULES:
        if path.name != "render_pdf.py":
            assert "fpdf" not in path.read_text(encoding="utf-8").replace("fpdf2", ""), path.name


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_modules_stay_small(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 400

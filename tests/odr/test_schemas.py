"""JSON Schemas for editors: generated from the models, committed, and true to the real files."""

import datetime
import io
import json

import jsonschema
import pytest
import yaml

from odr.schemas import FILES, KINDS, MODELINE, modeline, run_schemas, schema_of, schema_text, stale_schemas
from tests.conftest import ROOT


def plain(value):
    """YAML data as JSON sees it (dates as text), which is what editors validate."""
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def files_of(kind: str):
    return sorted(ROOT.glob(FILES[kind]))


def errors(kind: str, data) -> list[str]:
    validator = jsonschema.Draft202012Validator(schema_of(kind))
    return [error.message for error in validator.iter_errors(plain(data))]


def test_committed_schemas_match_the_models():
    assert stale_schemas(ROOT) == [], "a schema is out of date with the models: run `python build.py schemas`"


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_schema_is_a_valid_json_schema(kind):
    jsonschema.Draft202012Validator.check_schema(schema_of(kind))


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_committed_file_is_valid_against_its_schema(kind):
    assert files_of(kind), kind
    for path in files_of(kind):
        assert errors(kind, yaml.safe_load(path.read_text(encoding="utf-8"))) == [], path


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_content_file_points_at_its_schema(kind):
    for path in files_of(kind):
        first_line = path.read_text(encoding="utf-8").splitlines()[0]
        assert first_line == modeline(ROOT, kind, path), path
        target = (path.parent / MODELINE.match(first_line).group(1)).resolve()
        assert target == (ROOT / "schemas" / f"{kind}.schema.json").resolve()


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_property_has_a_description_from_its_docstring(kind):
    schema = schema_of(kind)
    for name, definition in [("root", schema), *schema.get("$defs", {}).items()]:
        for key, value in definition.get("properties", {}).items():
            assert value.get("description"), f"{kind}: {name}.{key} has no docstring"


def test_descriptions_are_the_model_docstrings():
    schema = schema_of("court")
    assert schema["properties"]["county"]["description"] == "The county."
    assert schema["$defs"]["Fee"]["properties"]["amount"]["description"] == "The amount, in dollars."


def test_the_schemas_catch_what_editors_should_underline():
    faq = yaml.safe_load((ROOT / "content/faq/what-is-odr.yaml").read_text(encoding="utf-8"))
    faq["questoin"] = faq.pop("question")
    assert sorted(errors("faq", faq)) == ["'question' is a required property",
                                          "Additional properties are not allowed ('questoin' was unexpected)"]
    court = yaml.safe_load((ROOT / "content/courts/san-joaquin.yaml").read_text(encoding="utf-8"))
    court["id"] = "San Joaquin"
    court["fees"][0]["amount"] = "27.001"
    assert errors("court", court) == [
        "'San Joaquin' does not match '^[a-z0-9]+(-[a-z0-9]+)*$'",
        "'27.001' is not valid under any of the given schemas"]


def test_text_is_a_string_or_one_text_per_language():
    tutorial = yaml.safe_load((ROOT / "content/tutorials/negotiate.yaml").read_text(encoding="utf-8"))
    tutorial["title"] = "How to negotiate"
    assert errors("tutorial", tutorial) == []
    tutorial["title"] = {"es": "Cómo negociar"}
    assert errors("tutorial", tutorial) == ["{'es': 'Cómo negociar'} is not valid under any of the given schemas"]


def test_schemas_command_rewrites_stale_schemas_and_check_reports_them(tmp_path):
    out = io.StringIO()
    assert run_schemas(tmp_path, check=True, out=out) == 1
    assert out.getvalue().splitlines()[0] == ("schemas/court.schema.json: expected the schema of the current models, "
                                             "found an older one (run: python build.py schemas)")
    out = io.StringIO()
    assert run_schemas(tmp_path, out=out) == 0
    assert out.getvalue().endswith("7 schema(s) rewritten, 0 already up to date.\n")
    assert (tmp_path / "schemas/faq.schema.json").read_text(encoding="utf-8") == schema_text("faq")
    assert json.loads(schema_text("faq"))["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    out = io.StringIO()
    assert run_schemas(tmp_path, check=True, out=out) == 0
    assert out.getvalue() == "Schemas are up to date.\n"

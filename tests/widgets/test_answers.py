"""The answers file: a bad file loads nothing and gives one message."""

import pytest

from tests.widgets.helpers import TODAY, plaintiff_file, spec_for
from widgets.answers import FORMAT, VERSION, new_answers_file
from widgets.api import evaluate


def file_error(file: dict, language: str = "en") -> dict:
    spec = spec_for(plaintiff_file())
    spec["language"] = language
    result = evaluate(spec, file, TODAY)
    assert result["computed"] == {} and result["schedule"] == [] and result["offer"] == ""
    return result["errors"]


def changed(**top) -> dict:
    file = plaintiff_file()
    file.update(top)
    return file


def test_a_good_file_loads():
    assert evaluate(spec_for(plaintiff_file()), plaintiff_file(), TODAY)["errors"] == {}


def test_the_saved_file_format():
    made = new_answers_file("plaintiff", "los-angeles", "es", {"case_number": "1"}, "2026-11-22T10:00:00Z")
    assert made == {"format": FORMAT, "version": VERSION, "court": "los-angeles", "worksheet": "plaintiff",
                    "language": "es", "saved_at": "2026-11-22T10:00:00Z", "answers": {"case_number": "1"}}


@pytest.mark.parametrize("file", [
    changed(format="something-else"),
    changed(version="1"),
    changed(version=0),
    changed(version=True),
    changed(version=1.5),
    changed(version=float("inf")),
    ["not", "a", "file"],
])
def test_a_file_in_another_format(file):
    assert file_error(file) == {
        "_file": "This is not a worksheet answers file. Choose a file you saved from this worksheet."}


@pytest.mark.parametrize("version", [2, 2.0])
def test_a_file_from_a_newer_version(version):
    assert file_error(changed(version=version)) == {"_file": (
        "This file was saved by a newer version of the worksheet (version 2). This page can read version 1. "
        "Please use the newest worksheet page.")}


def test_a_version_written_as_a_decimal_whole_number_is_that_version():
    assert evaluate(spec_for(plaintiff_file()), changed(version=1.0), TODAY)["errors"] == {}


def test_a_file_with_an_unknown_field():
    file = plaintiff_file()
    file["answers"]["favourite_colour"] = "blue"
    assert file_error(file) == {"_file": (
        "This file has an answer this worksheet does not know (“favourite_colour”). Nothing was loaded. "
        "Check that the file comes from this worksheet.")}


def test_a_file_with_an_unknown_field_in_a_list_item():
    file = plaintiff_file()
    file["answers"]["claim_items"][0]["colour"] = "blue"
    assert file_error(file)["_file"].startswith(
        "This file has an answer this worksheet does not know (“claim_items.colour”).")


def test_a_file_with_an_unknown_top_level_key():
    assert file_error(changed(extra=1))["_file"].startswith(
        "This file has an answer this worksheet does not know (“extra”).")


def test_a_file_for_the_other_worksheet():
    assert file_error(changed(worksheet="defendant")) == {"_file": (
        "This file is for the defendant's worksheet. You are on the plaintiff's worksheet. Nothing was loaded. "
        "Open the file on the right worksheet.")}


def test_a_file_for_the_other_worksheet_in_spanish():
    assert file_error(changed(worksheet="defendant"), "es") == {"_file": (
        "Este archivo es para la hoja de trabajo del demandado. Usted está en la hoja de trabajo del demandante. "
        "No se cargó nada. Abra el archivo en la hoja correcta.")}


def test_a_file_for_another_court_names_it_in_the_pages_language():
    assert file_error(changed(court="san-joaquin")) == {"_file": (
        "This file is for another court (Superior Court of California, County of San Joaquin). Nothing was loaded. "
        "Open the file on that court's worksheet page.")}
    assert file_error(changed(court="san-joaquin"), "es") == {"_file": (
        "Este archivo es para otra corte (Corte Superior de California, Condado de San Joaquín). No se cargó nada. "
        "Abra el archivo en la página de hojas de esa corte.")}
    assert "(mars)" in file_error(changed(court="mars"))["_file"]  # a court this site does not have: its id


@pytest.mark.parametrize("file", [changed(court=None), changed(court=""), changed(court=5), changed(court=["x"])])
def test_a_file_that_does_not_say_its_court(file):
    assert file_error(file) == {"_file": (
        "This file does not say which court it is for. Nothing was loaded. "
        "Choose a file you saved from this worksheet.")}


def test_a_file_without_its_court_key_in_spanish():
    file = plaintiff_file()
    del file["court"]
    assert file_error(file, "es") == {"_file": (
        "Este archivo no dice para qué corte es. No se cargó nada. Escoja un archivo que guardó desde esta hoja.")}


@pytest.mark.parametrize("answers", ["text", {"claim_items": "text"}, {"claim_items": ["text"]}])
def test_damaged_answers(answers):
    assert file_error(changed(answers=answers)) == {
        "_file": "Some answers in this file are damaged. Nothing was loaded."}

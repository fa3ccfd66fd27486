import json
from datetime import date

import pytest

import odr.cli
import odr.documents
from odr.documents import main
from tests.widgets.helpers import EXAMPLES, defendant_file, plaintiff_file

FILES = ["agreement.html", "agreement.json", "agreement.pdf", "offer.txt", "payments.ics"]


def test_documents_writes_five_files(tmp_path, capsys):
    code = main([str(EXAMPLES / "plaintiff-monthly-31st.json"), "--out", str(tmp_path / "out"), "--today", "2026-11-22"])
    assert code == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == FILES
    assert (tmp_path / "out" / "agreement.pdf").read_bytes().startswith(b"%PDF-")
    assert b"\r\n" in (tmp_path / "out" / "payments.ics").read_bytes()
    assert (tmp_path / "out" / "offer.txt").read_text(encoding="utf-8").startswith("Opening offer\n")
    assert len(capsys.readouterr().out.splitlines()) == 5


def test_documents_reports_each_problem_and_fails(tmp_path, capsys):
    file = plaintiff_file()
    file["answers"]["case_number"] = ""
    file["answers"]["instalment_count"] = "0"
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(file), encoding="utf-8")
    assert main([str(path), "--out", str(tmp_path / "out"), "--today", "2026-11-22"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{path}: case_number: Please fill this in: Case number",
        f"{path}: instalment_count: A payment plan needs at least 1 payment.",
    ]
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("written", ["{not json", "[" * 100_000])  # nested too deep to read
def test_documents_explains_a_file_that_is_not_json(tmp_path, capsys, written):
    path = tmp_path / "answers.json"
    path.write_text(written, encoding="utf-8")
    assert main([str(path), "--out", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err == (
        f"{path}: _file: This file could not be read. It is not a worksheet answers file.\n")


def test_documents_reads_a_file_that_starts_with_a_byte_order_mark(tmp_path):
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(plaintiff_file()), encoding="utf-8-sig")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert main([str(path), "--out", str(tmp_path / "out"), "--today", "2026-11-22"]) == 0


def test_documents_explains_a_file_without_its_court(tmp_path, capsys):
    file = plaintiff_file()
    del file["court"]
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(file), encoding="utf-8")
    assert main([str(path), "--out", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err == (
        f"{path}: _file: This file does not say which court it is for. Nothing was loaded. "
        "Choose a file you saved from this worksheet.\n")


@pytest.mark.parametrize("court, shown", [
    ("../../etc", "../../etc"),
    ("\x1b[2J\x1b[31mfake", "\\x1b[2J\\x1b[31mfake"),  # control characters reach the terminal as escapes
])
def test_documents_explains_an_unknown_court(tmp_path, capsys, court, shown):
    file = plaintiff_file()
    file["court"] = court
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(file), encoding="utf-8")
    assert main([str(path), "--out", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err == f"{path}: _file: This file is for a court this guide does not know ({shown}).\n"


def test_documents_explains_an_unknown_worksheet(tmp_path, capsys):
    file = plaintiff_file()
    file["worksheet"] = "judge"
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(file), encoding="utf-8")
    assert main([str(path), "--out", str(tmp_path / "out")]) == 1
    assert "This is not a worksheet answers file." in capsys.readouterr().err


class _Later(date):
    """A real today after the defendant example's first payment (8 January 2027)."""

    @classmethod
    def today(cls):
        return cls(2027, 1, 20)


@pytest.fixture
def later(monkeypatch):
    monkeypatch.setattr(odr.documents, "date", _Later)


def test_dates_are_judged_on_the_day_the_file_was_saved(tmp_path, later):
    assert main([str(EXAMPLES / "defendant-counteroffer.json"), "--out", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "offer.txt").read_text(encoding="utf-8").startswith("Contraoferta\n")


def test_the_day_saved_is_the_persons_own_not_utcs(tmp_path, later):
    """Saved at 5 pm in California on 31 December: already 1 January in UTC."""
    file = json.loads((EXAMPLES / "defendant-counteroffer.json").read_text(encoding="utf-8"))
    file["saved_at"] = "2026-12-31T17:00:00-08:00"
    file["answers"]["start_date"] = "2026-12-31"
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(file), encoding="utf-8")
    assert main([str(path), "--out", str(tmp_path / "out")]) == 0


def test_today_can_be_given(tmp_path, capsys):
    path = EXAMPLES / "defendant-counteroffer.json"
    assert main([str(path), "--out", str(tmp_path / "out"), "--today", "2027-02-01"]) == 1
    assert capsys.readouterr().err == f"{path}: start_date: Esta fecha ya pasó. Escoja hoy o una fecha después.\n"


@pytest.mark.parametrize("saved_at", ["2026-W47T10:00", "0001-01-01T00:00:00+05:00", "9999-12-31T23:00:00-05:00"])
def test_a_saved_at_that_gives_no_day_is_judged_today(tmp_path, capsys, later, saved_at):
    file = defendant_file()
    file["saved_at"] = saved_at
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(file), encoding="utf-8")
    assert main([str(path), "--out", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err == f"{path}: start_date: Esta fecha ya pasó. Escoja hoy o una fecha después.\n"


def test_a_file_without_saved_at_is_judged_today(tmp_path, capsys, later):
    file = defendant_file()
    del file["saved_at"]
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(file), encoding="utf-8")
    assert main([str(path), "--out", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err == f"{path}: start_date: Esta fecha ya pasó. Escoja hoy o una fecha después.\n"


def test_build_py_documents_passes_today_on(tmp_path, capsys):
    path = EXAMPLES / "defendant-counteroffer.json"
    assert odr.cli.main(["documents", str(path), "--out", str(tmp_path / "out"), "--today", "2027-02-01"]) == 1
    assert "start_date" in capsys.readouterr().err
    assert odr.cli.main(["documents", str(path), "--out", str(tmp_path / "out")]) == 0

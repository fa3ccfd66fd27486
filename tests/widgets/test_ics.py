import re
from datetime import date, datetime, timezone

from tests.widgets.helpers import TODAY, defendant_file, plaintiff_file, spec_for, with_answers
from widgets.api import documents
from widgets.ics import Event, calendar_text, escape_text, fold_line

STAMP = datetime(2026, 11, 22, 18, 30, tzinfo=timezone.utc)


def unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")[:-1]


def test_escape_text():
    assert escape_text("a;b,c\\d\ne") == "a\\;b\\,c\\\\d\\ne"


def test_lines_fold_at_75_octets_without_splitting_a_character():
    line = "DESCRIPTION:" + "é" * 100
    folded = fold_line(line)
    pieces = folded.split("\r\n")
    assert all(len(piece.encode("utf-8")) <= 75 for piece in pieces)
    assert all(piece.startswith(" ") for piece in pieces[1:])
    assert folded.replace("\r\n ", "") == line


def test_a_fold_never_separates_a_backslash_from_what_it_escapes():
    for length in range(60, 80):
        line = "DESCRIPTION:" + "a" * (length - 12) + escape_text("due February 15, 2027; paid")
        folded = fold_line(line)
        assert folded.replace("\r\n ", "") == line
        assert not any(piece.endswith("\\") for piece in folded.split("\r\n"))
        assert all(len(piece.encode("utf-8")) <= 75 for piece in folded.split("\r\n"))


def test_calendar_structure():
    events = [Event("a@x", date(2027, 1, 31), "Payment, 1; of 2", "Line one\nLine two")]
    text = calendar_text(events, STAMP, "Case 1")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    lines = unfold(text)
    assert lines[:5] == ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//ODR Guide//Worksheet calendar//EN",
                         "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    assert "DTSTART;VALUE=DATE:20270131" in lines and "DTEND;VALUE=DATE:20270201" in lines
    assert "DTSTAMP:20261122T183000Z" in lines and "UID:a@x" in lines
    assert "SUMMARY:Payment\\, 1\\; of 2" in lines and "DESCRIPTION:Line one\\nLine two" in lines
    assert lines[-1] == "END:VCALENDAR"


def test_payments_calendar_has_each_due_date_each_dated_term_and_the_odr_deadlines():
    made = documents(spec_for(plaintiff_file()), plaintiff_file(), date(2026, 11, 20))
    text = made["payments_ics"]
    lines = unfold(text)
    assert all(len(raw.encode("utf-8")) <= 75 for raw in text.split("\r\n"))
    starts = [line.split(":")[1] for line in lines if line.startswith("DTSTART")]
    assert starts == ["20270331", "20270430", "20270531", "20270630", "20270731", "20270831",
                      "20270415", "20261121", "20270329", "20270401"]
    summaries = [line for line in lines if line.startswith("SUMMARY:")]
    assert summaries[0] == "SUMMARY:Payment 1 of 6: $166.66"
    assert summaries[6] == ("SUMMARY:Luis Pérez will return the plaintiff's aluminum ladder in good condition "
                            "by April 15\\, 2027.")
    assert summaries[-3:] == ["SUMMARY:Last day to register for ODR",
                              "SUMMARY:Last day to reach an agreement in ODR", "SUMMARY:Small claims hearing"]
    uids = [line for line in lines if line.startswith("UID:")]
    assert len(set(uids)) == len(uids) == 10
    assert lines.count("BEGIN:VEVENT") == lines.count("END:VEVENT") == 10


def test_a_deadline_already_passed_is_left_out():
    lines = unfold(documents(spec_for(plaintiff_file()), plaintiff_file(), TODAY)["payments_ics"])
    assert TODAY == date(2026, 11, 22)  # the last day to register was 21 November
    assert "SUMMARY:Last day to register for ODR" not in lines
    assert "SUMMARY:Last day to reach an agreement in ODR" in lines


def test_a_settle_by_date_past_the_holiday_list_says_to_check_it():
    file = with_answers(plaintiff_file(), hearing_date="2028-01-19")
    lines = unfold(documents(spec_for(file), file, TODAY)["payments_ics"])
    settle_by = lines.index("SUMMARY:Last day to reach an agreement in ODR")
    assert lines[settle_by - 2:settle_by + 2] == [
        "DTSTART;VALUE=DATE:20280117", "DTEND;VALUE=DATE:20280118", "SUMMARY:Last day to reach an agreement in ODR",
        "DESCRIPTION:Case 26STSC04512. Superior Court of California\\, County of Los Angeles. "
        "The court holiday list ends in 2027. Please check this date with the court."]


def test_a_court_without_odr_deadlines_has_only_payments_and_the_hearing_in_spanish():
    lines = unfold(documents(spec_for(defendant_file()), defendant_file(), TODAY)["payments_ics"])
    summaries = [line for line in lines if line.startswith("SUMMARY:")]
    assert len(summaries) == 14  # 12 payments, the dated term, the hearing
    assert summaries[0] == "SUMMARY:Pago 1 de 12: $166.66"
    assert summaries[-1] == "SUMMARY:Audiencia de reclamos menores"
    assert any(re.match(r"DESCRIPTION:Caso STK-SC-2026-0004521\. Pago 12 de 12", line) for line in lines)

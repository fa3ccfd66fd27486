"""The PDF, read back with pypdf."""

import io
import re

import pypdf
import pytest

from tests.widgets.helpers import TODAY, defendant_file, plaintiff_file, spec_for, with_answers
from widgets.api import documents
from widgets import fonts


def pdf_of(file: dict) -> bytes:
    made = documents(spec_for(file), file, TODAY)
    assert made["errors"] == {}
    return made["agreement_pdf"]


def pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def flat(text: str) -> str:
    return " ".join(text.split())


def test_every_name_amount_and_due_date_can_be_read_back():
    text = flat(" ".join(pages(pdf_of(plaintiff_file()))))
    for expected in ["Settlement Agreement", "Maria Garcia", "Luis Pérez", "26STSC04512", "$1,000.00",
                     "March 31, 2027", "April 30, 2027", "May 31, 2027", "June 30, 2027", "July 31, 2027",
                     "August 31, 2027", "$166.66", "$166.70", "1234 Elm Street, Apt. 5", "Pasadena, CA 91101",
                     "Request for Dismissal (form CIV-110)", "Code of Civil Procedure § 685.010"]:
        assert expected in text, expected


def test_spanish_accents_survive():
    text = flat(" ".join(pages(pdf_of(defendant_file()))))
    for expected in ["Rosa Hernández Muñoz", "Solo para su información — no se presenta a la corte",
                     "Acuerdo de conciliación", "Corte Superior de California, Condado de San Joaquín",
                     "8 de enero de 2027", "Código de Procedimiento Civil § 664.6", "“fallo estipulado”",
                     "Dirección postal"]:
        assert expected in text, expected


def test_the_english_agreement_comes_first_and_the_translation_starts_on_a_new_page():
    found = pages(pdf_of(defendant_file()))
    assert found[0].startswith("Settlement Agreement")
    starts = [i for i, page in enumerate(found) if page.startswith("Solo para su información")]
    assert len(starts) == 1 and starts[0] > 0
    assert not any("Solo para su información" in page for page in found[: starts[0]])


def test_no_translation_in_an_english_agreement():
    assert all("Solo para su" not in page for page in pages(pdf_of(plaintiff_file())))


def test_the_fingerprint_is_printed_on_every_page():
    made = documents(spec_for(plaintiff_file()), plaintiff_file(), TODAY)
    fingerprint = re.search(r'"fingerprint": "(sha256:[0-9a-f]{64})"', made["agreement_json"]).group(1)
    for page in pages(made["agreement_pdf"]):
        assert page.count(fingerprint) == 1  # in the footer, once


def test_html_typed_in_an_answer_is_printed_as_typed():
    file = with_answers(plaintiff_file(), payment_where="<b>Mail</b> to <script>alert('x')</script> & co")
    assert "<b>Mail</b> to <script>alert('x')</script> & co" in flat(" ".join(pages(pdf_of(file))))


def test_very_long_text_wraps_onto_more_lines_and_pages():
    long_word = "A" * 300
    terms = [{"who": "defendant", "what": f"do thing {n} " + "and keep doing it carefully " * 17}
             for n in range(10)]
    file = with_answers(plaintiff_file(), payment_where=long_word + " " + "words " * 30, additional_terms=terms)
    found = pages(pdf_of(file))
    assert len(found) > len(pages(pdf_of(plaintiff_file())))
    joined = "".join("".join(found).split())
    assert long_word in joined
    assert all(len(line) < 130 for page in found for line in page.splitlines())


def pdf_fonts(pdf: bytes) -> set[str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return {str(font["/BaseFont"]) for page in reader.pages for font in page["/Resources"]["/Font"].values()}


def test_names_in_other_scripts_are_printed_as_written_with_the_unicode_font():
    names = "Nguyễn Thị Đào, Łukasz Żółć, Αλέξης, Дмитрий"
    file = with_answers(defendant_file(), defendants=[{"name": names, "address": "Đường Lê Lợi 12\tQuận 1"}])
    pdf = pdf_of(file)
    text = flat(" ".join(pages(pdf)))
    assert names in text and "Đường Lê Lợi 12 Quận 1" in text
    assert "Solo para su información — no se presenta a la corte" in text  # the translation too
    assert {font.split("+")[-1] for font in pdf_fonts(pdf)} == {"DejaVuSansBook", "DejaVuSansBold"}


def test_english_and_spanish_need_no_embedded_font():
    pdf = pdf_of(defendant_file())
    assert pdf_fonts(pdf) == {"/Helvetica", "/Helvetica-Bold"}


def test_characters_no_font_has_make_no_pdf_but_a_message_beside_each_answer_holding_them():
    file = with_answers(plaintiff_file(), defendants=[{"name": "Nguyễn Văn Anh 王小明", "address": "Ş street\tx"}],
                        payment_where="Zelle 🙂 or mail")
    made = documents(spec_for(file), file, TODAY)
    assert made == {"errors": {
        "defendants[0].name": "The agreement PDF cannot show these characters: 王 小 明. Court papers are in "
                              "English: please write this in Latin letters (accents like é and ñ are fine), the way it is written "
                              "on your court papers.",
        "payment_where": "The agreement PDF cannot show these characters: 🙂. Court papers are in English: "
                         "please write this in Latin letters (accents like é and ñ are fine), the way it is written on your court papers.",
    }}


def test_characters_no_font_has_are_named_in_spanish_on_a_spanish_worksheet():
    file = with_answers(defendant_file(), defendants=[{"name": "王小明", "address": "1 Main St"}])
    assert documents(spec_for(file), file, TODAY)["errors"] == {
        "defendants[0].name": "El PDF del acuerdo no puede mostrar estos caracteres: 王 小 明. Los documentos de la "
                              "corte están en inglés: escríbalo con letras latinas (puede usar acentos y la ñ), "
                              "como aparece en sus papeles de la corte."}


def test_without_the_unicode_font_other_scripts_lose_only_their_accents():
    from widgets import fonts

    fonts.use_fonts(None)
    file = with_answers(plaintiff_file(), defendants=[{"name": "Nguyễn Văn Anh", "address": "Ş street\tx"}])
    text = flat(" ".join(pages(pdf_of(file))))
    assert "Nguyen Van Anh" in text and "S street x" in text


@pytest.mark.parametrize("raw, safe", [
    ("Peña, José — “ok” § €", "Peña, José — “ok” § €"),
    ("Nguyễn", "Nguyen"),
    ("Łódź", "?ódz"),
    ("王", "?"),
    ("a\tb\u200bc\x07d\nline", "a bcd\nline"),
    ("ﬁ", "fi"),
])
def test_what_helvetica_prints(raw, safe):
    assert fonts.printed(raw, fonts.in_helvetica) == safe


def test_the_pdf_is_the_same_every_time():
    assert pdf_of(plaintiff_file()) == pdf_of(plaintiff_file())
    assert pdf_of(defendant_file()) == pdf_of(defendant_file())


def test_the_pdf_metadata():
    reader = pypdf.PdfReader(io.BytesIO(pdf_of(plaintiff_file())))
    assert reader.metadata.title == "Settlement Agreement – Case number: 26STSC04512"
    assert reader.metadata.subject == "Court: Superior Court of California, County of Los Angeles"
    assert reader.metadata.creation_date.isoformat().startswith("2026-11-22T18:30:00")


def test_each_part_numbers_its_own_pages_and_every_translation_page_says_not_for_filing_in_both_languages():
    file = defendant_file()  # ten long terms: each part runs over more than one page
    file["answers"]["additional_terms"] = [{"who": "plaintiff", "what": "Repaint the fence. " * 25}] * 10
    found = [flat(page) for page in pages(pdf_of(file))]
    start = next(i for i, page in enumerate(found) if page.startswith("Solo para su información"))
    english, translation = found[:start], found[start:]
    assert len(translation) > 1
    for number, page in enumerate(english, 1):
        assert f"Page {number} of {len(english)}" in page
    for number, page in enumerate(translation, 1):
        assert f"Página {number} de {len(translation)}" in page
        assert "Solo para su información — no se presenta a la corte / For your information — not for filing" in page


def test_if_the_pdf_still_meets_a_character_it_cannot_print_it_makes_no_pdf_and_says_so():
    file = with_answers(plaintiff_file(), defendants=[{"name": "王小明", "address": "1 Main St"}])
    spec = spec_for(file)
    spec["pdf_font_ranges"] = [[0, 0x10FFFF]]  # a spec that wrongly says the font has every character
    assert documents(spec, file, TODAY) == {"errors": {"_file": (
        "The agreement PDF cannot show these characters: 王 小 明. Court papers are in English: please write this "
        "in Latin letters (accents like é and ñ are fine), the way it is written on your court papers.")}}


def test_a_name_in_the_unicode_font_keeps_the_addresses_line_breaks():
    file = with_answers(plaintiff_file(), defendants=[{"name": "Nguyễn Văn An", "address": "567 Oak Avenue\nPasadena"}])
    text = " ".join(pages(pdf_of(file)))
    assert "567 Oak Avenue\nPasadena" in text and "?" not in text


def test_a_section_sign_stays_on_the_line_of_its_number():
    from fpdf import FPDF
    from widgets.render_pdf import _lines, _width

    pdf = FPDF(format="Letter", unit="mm")
    pdf.set_font("helvetica", size=10)
    before_number = "enforce it (Code of Civil Procedure §"
    room_for_the_sign_only = _width(pdf, before_number) + _width(pdf, " ")
    assert _lines(pdf, before_number + " 664.6).", room_for_the_sign_only) == [
        "enforce it (Code of Civil Procedure", "§ 664.6)."]
    lines = [line.rstrip() for page in pages(pdf_of(plaintiff_file())) for line in page.splitlines()]
    assert [line for line in lines if line.endswith("§")] == []


def test_the_signature_blocks_stay_together_with_their_heading():
    found = pages(pdf_of(defendant_file()))
    english = [page for page in found if "Signature" in page and "Printed name" in page]
    assert len(english) == 1
    assert all(party in english[0] for party in
               ["Signatures", "Plaintiff: Green Valley Property Management LLC", "Defendant: Rosa Hernández Muñoz"])


def test_the_pdf_has_a_bookmark_for_each_part_and_section():
    reader = pypdf.PdfReader(io.BytesIO(pdf_of(defendant_file())))
    english, sections, spanish, spanish_sections = reader.outline
    assert english.title == "Settlement Agreement" and spanish.title == "Acuerdo de conciliación"
    assert [item.title for item in sections][:2] == ["1. Who is in this agreement", "2. What each party will do"]
    assert len(spanish_sections) == len(sections)
    assert reader.get_destination_page_number(spanish) == 3  # the translation starts on its own page


@pytest.mark.parametrize("padding", [0, 165])  # 165 words of padding put the table's end at the foot of a page
def test_the_total_row_never_stands_alone_on_a_page(padding):
    file = with_answers(plaintiff_file(), instalment_count="58", frequency="weekly", grace_days="3",
                        additional_terms=[{"who": "defendant", "what": "x " * padding + "return the ladder"}])
    with_total = [page for page in pages(pdf_of(file)) if re.search(r"^Total", page, re.M)]
    assert len(with_total) == 1
    assert re.search(r"^\s*58 May 3, 2028 \$17\.32", with_total[0], re.M)
    assert with_total[0].lstrip().startswith("No. Due date Amount On time if paid by")


def test_a_party_and_their_address_stay_on_one_page():
    parties = [{"name": f"Person {number}", "address": f"{number} Main Street\nUnit B\nLos Angeles, CA 90012"}
               for number in range(1, 10)]  # 9: the ninth address reaches the foot of page 1
    file = with_answers(plaintiff_file(), plaintiffs=parties)
    found = pages(pdf_of(file))
    for number in range(1, 10):
        page = next(page for page in found if f"Plaintiff: Person {number}\n" in page)
        assert f"Mailing address: {number} Main Street\nUnit B\nLos Angeles, CA 90012" in page


def test_a_heading_is_kept_with_the_whole_of_a_short_first_paragraph():
    from fpdf import FPDF
    from widgets.agreement import Section
    from widgets.render_pdf import HEADING, KEEP_WITH_HEADING, LINE, _kept_together

    pdf = FPDF(format="Letter", unit="mm")
    pdf.odr_font, pdf.odr_printable, pdf.odr_missing = "Helvetica", fonts.in_helvetica, {}
    short = Section("6. If something is not done", ["One line."])
    assert _kept_together(pdf, short) == KEEP_WITH_HEADING
    eight_lines = Section("1. Who is in this agreement", ["\n".join(["A line of the paragraph."] * 8)])
    assert _kept_together(pdf, eight_lines) == HEADING + 8 * LINE > KEEP_WITH_HEADING
    long = Section("2. What each party will do", ["\n".join(["A line of the paragraph."] * 9)])
    assert _kept_together(pdf, long) == KEEP_WITH_HEADING  # split across pages anyway: the first lines suffice

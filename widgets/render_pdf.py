"""The agreement as a PDF, drawn with fpdf2.

fpdf2 is imported inside `agreement_pdf` only, so importing this module (or
`widgets.api`) never loads it. The built-in Helvetica font, written with the
Windows-1252 encoding, covers English and Spanish (á é í ó ú ü ñ ¿ ¡), the
dollar, section and em-dash signs. When the agreement holds any other
character (a Vietnamese or Polish name, say) and a Unicode font is available
(widgets/fonts.py), that font is embedded instead; a character neither font
has is printed in its accent-free form when it has one; when it has none
(Chinese, for one), no PDF is made: `UnprintableText` names the characters,
so that a name is never printed as "???" (validation already names them
beside their fields: widgets/fonts.py `unprintable`). Text is never read as
markup, so HTML typed in an answer is printed as typed. Long text wraps; a
word longer than a line is split. The output is deterministic: the creation
date is given by the caller.
"""

from __future__ import annotations

import dataclasses
import warnings
from datetime import datetime, timezone

from widgets import fonts
from widgets.agreement import Agreement, Section, Table
from widgets.text import fill

FONT = "Helvetica"
MARGIN = 20
LINE = 5.5
KEEP_WITH_HEADING = 30
KEPT_LINES = 8
"""A paragraph of this many lines or fewer is kept on one page."""
HEADING = 2 + LINE + 1.5
"""Height of a section's heading: the space above it, its line and the space below, in mm."""
SIGNATURE_BLOCK = 44
"""Height of one party's signature block (name, signature and date lines, printed name), in mm."""


class UnprintableText(ValueError):
    """The agreement holds characters no font of the PDF can print (`characters`, each once)."""

    def __init__(self, characters: str):
        super().__init__(f"the PDF cannot print {characters}")
        self.characters = characters


def _strings(value) -> list[str]:
    """Every string inside an agreement (its dataclasses, lists and dicts)."""
    if isinstance(value, str):
        return [value]
    if dataclasses.is_dataclass(value):
        value = [getattr(value, item.name) for item in dataclasses.fields(value)]
    elif isinstance(value, dict):
        value = list(value.values())
    elif not isinstance(value, (list, tuple)):
        return []
    return [text for item in value for text in _strings(item)]


def _needs_unicode(parts: list) -> bool:
    return not all(fonts.in_helvetica(char) for text in _strings(parts) for char in text)


def agreement_pdf(document: Agreement, courtesy: Agreement | None, created: datetime | None = None) -> bytes:
    """The PDF bytes: the agreement, then the courtesy translation on a new page.
    Each part numbers its own pages ("Page 1 of 2" is the agreement that is filed);
    every page of the translation carries its "not for filing" notice."""
    pdf = _new_pdf(document, created, _needs_unicode([document, courtesy]))
    parts = [(document, 1)]
    _draw(pdf, document)
    if courtesy is not None:
        pdf.add_page()
        parts.append((courtesy, pdf.page_no()))
        _draw(pdf, courtesy)
    _draw_page_margins(pdf, parts)
    if pdf.odr_missing:
        raise UnprintableText(" ".join(pdf.odr_missing))
    return bytes(pdf.output())


def _draw_page_margins(pdf, parts: list) -> None:
    """Once every page exists: each page's footer (fingerprint, page number within its part)
    and, on every page of a translation, its notice in its language and in English at the top."""
    last_page = pdf.page_no()
    ends = [start for _, start in parts[1:]] + [last_page + 1]
    pdf.set_auto_page_break(False)
    for (part, start), end in zip(parts, ends):
        for page in range(start, end):
            pdf.page = page
            pdf.current_font_is_set_on_page = False  # this page's text state is its own
            if part.running_notice:
                pdf.set_y(8)
                pdf.set_font(pdf.odr_font, "B", 8)
                pdf.cell(0, 4, _safe(pdf, part.running_notice), align="C")
            pdf.set_y(-14)
            pdf.set_font(pdf.odr_font, "", 7)
            pdf.cell(0, 4, _safe(pdf, part.fingerprint), align="C", new_x="LMARGIN", new_y="NEXT")
            label = fill(part.labels["page"], page=page - start + 1, pages=end - start)
            pdf.cell(0, 4, _safe(pdf, label), align="C")
    pdf.page = last_page


def _new_pdf(document: Agreement, created: datetime | None, needs_unicode: bool):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Pillow could not be imported": no images are drawn
        from fpdf import FPDF

    pdf = FPDF(format="Letter", unit="mm")
    pdf.core_fonts_encoding = fonts.HELVETICA_ENCODING
    pdf.odr_font, pdf.odr_printable, pdf.odr_missing = FONT, fonts.in_helvetica, {}
    paths = fonts.font_paths() if needs_unicode else None
    if paths is not None:
        pdf.add_font(fonts.FAMILY, "", paths["regular"])
        pdf.add_font(fonts.FAMILY, "B", paths["bold"])
        covered = set(pdf.fonts[fonts.FAMILY.lower()].cmap) & set(pdf.fonts[fonts.FAMILY.lower() + "B"].cmap)
        pdf.odr_font, pdf.odr_printable = fonts.FAMILY, lambda char: ord(char) in covered
    pdf.set_creation_date(created or datetime(2000, 1, 1, tzinfo=timezone.utc))
    pdf.set_title(_safe(pdf, " – ".join([document.title, *document.header[1:]])))  # the case number: tells files apart
    pdf.set_subject(_safe(pdf, document.header[0]) if document.header else "")  # the court
    pdf.set_lang(document.language)
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(True, margin=MARGIN)
    pdf.add_page()
    return pdf


def _draw(pdf, document: Agreement) -> None:
    if document.notice:
        _paragraph(pdf, "\n".join(document.notice), style="B", border=1, after=4)
    pdf.start_section(_safe(pdf, document.title), level=0)  # the PDF's bookmarks: each part, then its sections
    _paragraph(pdf, document.title, style="B", size=16, after=2)
    for line in document.header:
        _paragraph(pdf, line, after=0)
    pdf.ln(3)
    _paragraph(pdf, document.intro)
    for section in document.sections:
        _section(pdf, section, document.labels)
    # The fingerprint is in every page's footer (_draw_page_margins), so it is not repeated here.


def _safe(pdf, text: str) -> str:
    """Text the page's font prints (fonts.printed); what no font has is noted in pdf.odr_missing."""
    return fonts.printed(text, pdf.odr_printable, pdf.odr_missing)


def _paragraph(pdf, text: str, style: str = "", size: float = 11, border: int = 0, after: float = 1.5) -> None:
    pdf.set_font(pdf.odr_font, style, size)
    height = LINE if size <= 12 else size * 0.5
    if border:
        pdf.multi_cell(0, height, _safe(pdf, text), border=border, align="L", new_x="LMARGIN", new_y="NEXT")
    else:
        lines = _lines(pdf, _safe(pdf, text), pdf.epw - 2 * pdf.c_margin)
        if len(lines) <= KEPT_LINES and pdf.will_page_break(len(lines) * height):
            pdf.add_page()  # a short paragraph (a party and its address, say) is never split across pages
        for line in lines:
            pdf.cell(0, height, line, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(after)


def _lines(pdf, text: str, width: float) -> list[str]:
    """`text` broken into lines no wider than `width`, at spaces (a word longer than a line is split),
    keeping its own line breaks. (fpdf2's multi_cell measures every line again at each character:
    most of a PDF's time went there.)"""
    lines: list[str] = []
    space = _width(pdf, " ")
    for written in text.split("\n"):
        line, used = "", 0.0
        for word in _words(written):
            size = _width(pdf, word)
            if line and used + space + size <= width:
                line, used = f"{line} {word}", used + space + size
                continue
            if line:
                lines.append(line)
            while size > width:  # a word longer than a line: as many characters as fit, then the rest
                cut = _fitting(pdf, word, width)
                lines.append(word[:cut])
                word = word[cut:]
                size = _width(pdf, word)
            line, used = word, size
        lines.append(line)
    return lines


def _words(line: str) -> list[str]:
    """The line's words, a section sign kept with the number after it ("§ 664.6" is never broken)."""
    words: list[str] = []
    for word in line.split(" "):
        if words and words[-1].endswith("§"):
            words[-1] = f"{words[-1]} {word}"
        else:
            words.append(word)
    return words


def _width(pdf, text: str) -> float:
    """The width of `text` in the current font, in the page's units, from the font's own widths."""
    try:
        return pdf.current_font.get_text_width(text, pdf.font_size_pt, None)[1] / pdf.k
    except (KeyError, IndexError):
        return pdf.get_string_width(text)


def _fitting(pdf, word: str, width: float) -> int:
    """How many of the word's first characters fit in `width` (at least one)."""
    used = 0.0
    for index, char in enumerate(word):
        used += _width(pdf, char)
        if used > width:
            return max(index, 1)
    return len(word)


def _section(pdf, section: Section, labels: dict) -> None:
    if pdf.will_page_break(_kept_together(pdf, section)):
        pdf.add_page()
    pdf.ln(2)
    pdf.start_section(_safe(pdf, section.heading), level=1)
    _paragraph(pdf, section.heading, style="B", size=12)
    for paragraph in section.paragraphs:
        _paragraph(pdf, paragraph)
    if section.table is not None:
        _table(pdf, section.table)
    for signature in section.signatures:
        _signature_block(pdf, signature, labels)


def _kept_together(pdf, section: Section) -> float:
    """How much of a section must fit below its heading on the page it starts on: the first lines (the whole
    first paragraph when it is kept on one page: a heading never ends a page alone), or every signature block
    (no party signs alone on a page of its own) when they fit on one page."""
    if not section.signatures:
        if not section.paragraphs:
            return KEEP_WITH_HEADING
        pdf.set_font(pdf.odr_font, "", 11)
        lines = len(_lines(pdf, _safe(pdf, section.paragraphs[0]), pdf.epw - 2 * pdf.c_margin))
        return max(KEEP_WITH_HEADING, HEADING + lines * LINE) if lines <= KEPT_LINES else KEEP_WITH_HEADING
    blocks = KEEP_WITH_HEADING + len(section.signatures) * SIGNATURE_BLOCK
    return min(blocks, pdf.eph - LINE)


def _table(pdf, table: Table) -> None:
    """The schedule, its column names repeated on each page; the last payment and the total are drawn as a
    table of their own, on the next page (under the column names) when they would not both fit here, so
    the total never stands alone."""
    pdf.set_font(pdf.odr_font, "", 10)
    *body, last = table.rows
    if body:
        _table_rows(pdf, table.columns, body, headed=True)
    tail = [last, table.footer]
    headed = not body or pdf.will_page_break(len(tail) * LINE + 1)
    if body and headed:
        pdf.add_page()
    _table_rows(pdf, table.columns, tail, headed=headed)
    pdf.ln(2)


def _table_rows(pdf, columns: list, rows: list, headed: bool) -> None:
    widths = (12, 52, 34, 52)[: len(columns)]
    align = ("RIGHT", "LEFT", "RIGHT", "LEFT")[: len(columns)]
    with pdf.table(col_widths=widths, width=sum(widths), align="LEFT", text_align=align, line_height=LINE,
                   first_row_as_headings=headed) as drawn:
        for row in ([columns] if headed else []) + rows:
            cells = drawn.row()
            for value in row:
                cells.cell(_safe(pdf, value))


def _signature_block(pdf, signature, labels: dict) -> None:
    if pdf.will_page_break(SIGNATURE_BLOCK):
        pdf.add_page()
    pdf.ln(6)
    _paragraph(pdf, f"{signature.role}: {signature.name}", style="B")
    pdf.ln(8)
    pdf.set_font(pdf.odr_font, "", 10)
    x, y = pdf.get_x(), pdf.get_y()
    pdf.line(x, y, x + 95, y)
    pdf.line(x + 110, y, x + 170, y)
    pdf.cell(110, LINE, _safe(pdf, labels["signature"]))
    pdf.cell(60, LINE, _safe(pdf, labels["date"]), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(8)
    x, y = pdf.get_x(), pdf.get_y()
    pdf.line(x, y, x + 170, y)
    pdf.cell(170, LINE, _safe(pdf, labels["printed_name"]), new_x="LMARGIN", new_y="NEXT")

"""The agreement as one standalone, printable HTML page: inline CSS, no
external resources, every piece of text escaped with `html.escape`."""

from __future__ import annotations

from html import escape

from widgets.agreement import Agreement, Section, Table

CSS = """
body { font-family: Helvetica, Arial, sans-serif; font-size: 12pt; line-height: 1.45; color: #000;
       max-width: 46em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.5em; margin: 0 0 .5em; }
h2 { font-size: 1.1em; margin: 1.5em 0 .4em; break-after: avoid; page-break-after: avoid; }
p { margin: .4em 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; margin: .5em 0; }
th, td { border: 1px solid #444; padding: .25em .6em; text-align: left; }
td.amount, th.amount { text-align: right; }
tfoot td { font-weight: bold; }
.notice { border: 2px solid #000; padding: .5em; font-weight: bold; }
.signature { margin: 1.5em 0; page-break-inside: avoid; }
.line { display: inline-block; border-bottom: 1px solid #000; width: 16em; height: 1.2em; }
.line.short { width: 8em; }
.fingerprint { font-family: monospace; font-size: .85em; overflow-wrap: anywhere; }
.new-page { break-before: page; page-break-before: always; margin-top: 3em; }
@media print { body { margin: 0; max-width: none; } }
@media screen and (max-width: 36em) {
  body { font-size: 11pt; margin: 1em auto; padding: 0 .4em; }
  th, td { padding: .2em .25em; }
  .line { width: 10em; }
  .line.short { width: 6em; }
}
"""


def agreement_html(document: Agreement, courtesy: Agreement | None, checklist: dict | None) -> str:
    """The whole page: the agreement, then the courtesy translation and the
    filing checklist (each on a new printed page) when given."""
    parts = [_article(document, "agreement")]
    if courtesy is not None:
        parts.append(_article(courtesy, "agreement courtesy new-page"))
    if checklist is not None:
        parts.append(_checklist(checklist, courtesy.language if courtesy else document.language))
    title = escape(" — ".join([document.title] + document.header[1:]))
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(document.language)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n"
        + "\n".join(parts)
        + "\n</main>\n</body>\n</html>\n"
    )


def _article(document: Agreement, css_class: str) -> str:
    lines = [f'<article class="{css_class}" lang="{escape(document.language)}">']
    if document.notice:
        lines.append('<div class="notice">' + "".join(f"<p>{_text(line)}</p>" for line in document.notice) + "</div>")
    lines.append(f"<h1>{_text(document.title)}</h1>")
    lines.append("<p>" + "<br>\n".join(_text(line) for line in document.header) + "</p>")
    lines.append(f"<p>{_text(document.intro)}</p>")
    lines += [_section(section, document.labels) for section in document.sections]
    lines.append(f'<p class="fingerprint">{_text(document.fingerprint)}</p>')
    lines.append("</article>")
    return "\n".join(lines)


def _section(section: Section, labels: dict) -> str:
    lines = ["<section>", f"<h2>{_text(section.heading)}</h2>"]
    lines += [f"<p>{_text(paragraph)}</p>" for paragraph in section.paragraphs]
    if section.table is not None:
        lines.append(_table(section.table))
    for signature in section.signatures:
        lines.append(
            '<div class="signature">'
            f"<p>{_text(signature.role)}: {_text(signature.name)}</p>"
            f'<p>{_text(labels["signature"])}: <span class="line"></span> '
            f'{_text(labels["date"])}: <span class="line short"></span></p>'
            f'<p>{_text(labels["printed_name"])}: <span class="line"></span></p></div>'
        )
    lines.append("</section>")
    return "\n".join(lines)


AMOUNT_COLUMN = 2


def _table(table: Table) -> str:
    head = "<thead><tr>" + _cells(table.columns, "th", ' scope="col"') + "</tr></thead>"
    body = "".join("<tr>" + _cells(row, "td") + "</tr>" for row in table.rows)
    foot = "<tfoot><tr>" + _cells(table.footer, "td") + "</tr></tfoot>"
    return f"<table>{head}<tbody>{body}</tbody>{foot}</table>"


def _cells(row: list, tag: str, attributes: str = "") -> str:
    out = []
    for index, cell in enumerate(row):
        css = ' class="amount"' if index == AMOUNT_COLUMN else ""
        out.append(f"<{tag}{attributes}{css}>{_text(cell)}</{tag}>")
    return "".join(out)


def _checklist(checklist: dict, language: str) -> str:
    items = "".join(f"<li>{_text(item)}</li>" for item in checklist["items"])
    return (
        f'<aside class="checklist new-page" lang="{escape(language)}">'
        f'<h2>{_text(checklist["heading"])}</h2><p class="notice">{_text(checklist["note"])}</p>'
        f"<ol>{items}</ol></aside>"
    )


def _text(value: str) -> str:
    """Escaped text; line breaks kept as <br>; a section sign kept with its number ("§ 664.6")."""
    return "<br>\n".join(escape(line).replace("§ ", "§&nbsp;") for line in str(value).split("\n"))

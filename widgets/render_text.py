"""The agreement as plain text: for reading in a terminal, for tests (golden
files) and as a fallback when no PDF can be made."""

from __future__ import annotations

from widgets.agreement import Agreement, Section, Table

RULE = "_" * 30


def agreement_text(document: Agreement) -> str:
    """Every word of the agreement, in order, as plain text."""
    blocks = list(document.notice) + [document.title, "\n".join(document.header), document.intro]
    blocks += [_section(section, document.labels) for section in document.sections]
    blocks.append(document.fingerprint)
    return "\n\n".join(block for block in blocks if block) + "\n"


def _section(section: Section, labels: dict) -> str:
    lines = [section.heading] + list(section.paragraphs)
    if section.table is not None:
        lines.append(_table(section.table))
    for signature in section.signatures:
        lines.append(f"{signature.role}: {signature.name}")
        lines.append(f"{labels['signature']}: {RULE}   {labels['date']}: {RULE[:12]}")
        lines.append(f"{labels['printed_name']}: {RULE}")
    return "\n".join(lines)


def _table(table: Table) -> str:
    rows = [table.columns] + table.rows + [table.footer]
    widths = [max(len(row[i]) for row in rows) for i in range(len(table.columns))]
    return "\n".join(" | ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip() for row in rows)

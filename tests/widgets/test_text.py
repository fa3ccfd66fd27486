"""Localized text (widgets/text.py): laws cited in the data, named in the person's language."""

from tests.widgets.helpers import spec
from widgets.text import Text


def test_a_law_cited_in_english_data_is_named_in_spanish():
    text = Text(spec(language="es"))
    assert text.citation("Code of Civil Procedure § 685.010") == "Código de Procedimiento Civil § 685.010"
    assert text.citation("Judicial Council of California court holiday schedule; Code of Civil Procedure § 135") == (
        "Judicial Council of California court holiday schedule; Código de Procedimiento Civil § 135")


def test_in_english_a_citation_stays_as_written():
    assert Text(spec()).citation("Code of Civil Procedure § 116.221") == "Code of Civil Procedure § 116.221"


def test_a_spanish_interest_clause_names_the_law_in_spanish():
    from widgets.case import Case
    from widgets.wording import interest_sentence

    spanish = spec(language="es")
    case = Case(role="plaintiff", court_id="los-angeles", interest="none_unless_missed")
    assert "(Código de Procedimiento Civil § 685.010)" in interest_sentence(case, spanish, Text(spanish))

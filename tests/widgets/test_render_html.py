import re

from tests.golden import assert_golden
from tests.widgets.helpers import TODAY, defendant_file, plaintiff_file, spec_for, with_answers
from widgets.api import documents


def html_of(file: dict) -> str:
    made = documents(spec_for(file), file, TODAY)
    assert made["errors"] == {}
    return made["agreement_html"]


def test_sample_agreement_page():
    assert_golden("widgets/agreement-plaintiff.html", html_of(plaintiff_file()))


def test_the_page_stands_alone():
    page = html_of(defendant_file())
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"en\">")
    assert "<style>" in page
    assert not re.search(r"<(script|link|img|iframe)\b", page)
    assert not re.search(r"(src|href)=", page)
    assert "url(" not in page and "@import" not in page


def test_every_text_is_escaped():
    file = with_answers(plaintiff_file(), payment_where='<script>alert("x")</script> & <b>co</b>',
                        defendants=[{"name": "Luis <img src=x onerror=alert(1)>", "address": "1 \"Main\" St"}])
    page = html_of(file)
    assert "<script>" not in page and "<img" not in page and "<b>co" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;co&lt;/b&gt;" in page
    assert "Luis &lt;img src=x onerror=alert(1)&gt;" in page


def test_the_courtesy_translation_and_the_checklist_follow_the_agreement():
    page = html_of(defendant_file())
    english = page.index('<article class="agreement" lang="en">')
    spanish = page.index('<article class="agreement courtesy new-page" lang="es">')
    checklist = page.index('<aside class="checklist new-page" lang="es">')
    assert english < spanish < checklist
    assert "Solo para su información — no se presenta a la corte" in page[spanish:checklist]
    assert "Próximos pasos: cómo presentar el acuerdo a la Corte Superior de California, Condado de San Joaquín" in page
    assert "El demandante presenta el acuerdo firmado a la corte por el módulo ODR." in page


def test_an_english_page_has_the_english_checklist_and_no_translation():
    page = html_of(plaintiff_file())
    assert "courtesy" not in page
    assert "Next steps: filing with the Superior Court of California, County of Los Angeles" in page
    assert "When everything in the agreement is done, the plaintiff files a Request for Dismissal" in page

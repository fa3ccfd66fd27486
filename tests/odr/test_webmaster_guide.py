"""The webmasters' guide (docs/<language>/webmasters/) documents everything a webmaster can set.

Like Datasette's documentation tests: a key added to a model, a field type or a command that the
guide does not mention makes a test fail, in English and in Spanish.
"""

import html
import io
import re

import pytest

from odr.cli import _parser
from odr.content import load_content
from odr.models.worksheet import FIELD_TYPES
from odr.pages import build_site_model, hand_written_nav
from odr.schemas import KINDS, model_keys
from odr.site import run_build
from tests.conftest import ROOT

LANGUAGES = ["en", "es"]
SECTIONS = {"site": ("content-keys.md", "site"), "settings": ("content-keys.md", "settings"),
            "court": ("content-keys.md", "court"), "faq": ("content-keys.md", "faq"),
            "tutorial": ("content-keys.md", "tutorial"), "strings": ("content-keys.md", "strings"),
            "worksheet": ("worksheet-keys.md", "keys")}
"""Where each kind of file's keys are documented: (page, heading id)."""
ROW = re.compile(r"^\| `([^`]+)` \| (.+?) \| (.*) \|$", re.M)


def page(language: str, name: str) -> str:
    return (ROOT / "docs" / language / "webmasters" / name).read_text(encoding="utf-8")


def section(language: str, kind: str) -> str:
    """The part of a page under the heading `... {#id}`, up to the next heading of the same level."""
    name, heading_id = SECTIONS[kind]
    text = page(language, name)
    start = text.index("{#" + heading_id + "}")
    following = text.find("\n## ", start)
    return text[start:following if following != -1 else None]


def rows(language: str, kind: str) -> dict[str, tuple[str, str]]:
    return {key: (meaning, example) for key, meaning, example in ROW.findall(section(language, kind))}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_key_of_every_model_is_in_the_guide_with_an_example(kind, language):
    documented = rows(language, kind)
    for key, _ in model_keys(KINDS[kind]):
        assert key in documented, f"docs/{language}/webmasters/{SECTIONS[kind][0]}: no row for {kind} key `{key}`"
        meaning, example = documented[key]
        assert meaning.strip() and example.strip("` "), f"{kind} key `{key}` needs a meaning and an example"


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_the_english_meaning_is_the_models_docstring(kind):
    documented = rows("en", kind)
    for key, info in model_keys(KINDS[kind]):
        assert html.unescape(documented[key][0]) == info.description, (
            f"docs/en/webmasters/{SECTIONS[kind][0]}: the meaning of `{key}` differs from its docstring")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_guide_documents_no_key_the_models_do_not_have(language):
    for kind in KINDS:
        known = {key for key, _ in model_keys(KINDS[kind])}
        assert set(rows(language, kind)) <= known, kind


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_field_type_is_documented(language):
    for name in ("worksheet-keys.md", "add-a-worksheet-field.md"):
        text = page(language, name)
        for field_type in FIELD_TYPES:
            assert f"| `{field_type}` |" in text, f"{name}: field type {field_type}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_command_is_documented(language):
    commands = _parser()._subparsers._group_actions[0].choices
    text = page(language, "index.md")
    for command in commands:
        if command != "documents":  # for clerks and developers, not webmasters
            assert f"`python build.py {command}" in text, command


def test_both_languages_have_the_same_pages():
    english = sorted(path.name for path in (ROOT / "docs/en/webmasters").glob("*.md"))
    spanish = sorted(path.name for path in (ROOT / "docs/es/webmasters").glob("*.md"))
    assert english == spanish and "index.md" in english


@pytest.mark.parametrize("language", LANGUAGES)
def test_publishing_on_a_static_host_is_explained(language):
    text = page(language, "publish.md")
    for needed in ["`application/wasm`", "`text/javascript`", "`application/json`", "immutable", "`no-cache`",
                   "`sw.js`", "```nginx", "```apache", "AddType application/wasm .wasm", "application/wasm  wasm;",
                   "odr/pyodide-"]:
        assert needed in text, needed


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_sample_cache_rules_keep_every_fingerprinted_runtime_file_and_no_page(language):
    from odr.runtime import prepare_runtime

    text = page(language, "publish.md")
    nginx = re.search(r'location ~\* "([^"]+)"', text).group(1)
    apache = re.findall(r"m#([^#]+)#", text)

    def kept_for_a_year(url: str) -> tuple[bool, bool]:
        return bool(re.search(nginx, url, re.IGNORECASE)), any(re.search(rule, url) for rule in apache)

    for path in prepare_runtime().files:
        assert kept_for_a_year(f"/odr-guide/{path}") == (True, True), path
    for path in ["index.html", "faq/", "sw.js", "search/search_index.json", "assets/stylesheets/odr.css"]:
        assert kept_for_a_year(f"/odr-guide/{path}") == (False, False), path


@pytest.mark.parametrize("language", LANGUAGES)
def test_updating_pyodide_is_explained(language):
    text = page(language, "update-pyodide.md")
    for needed in ["`package.json`", "`package-lock.json`", "npm install --save-exact pyodide@",
                   "`python build.py build`", "`./dev.sh test`"]:
        assert needed in text, needed


@pytest.mark.parametrize("language", LANGUAGES)
def test_adding_a_language_is_explained(language):
    text = page(language, "add-a-language.md")
    for needed in ["`content/site.yaml`", "`languages`", "`content/strings/vi.yaml`", "vi: ", "check --strict"]:
        assert needed in text, needed


def test_the_guide_is_in_the_navigation_in_the_order_of_its_index():
    content = load_content(ROOT)
    court = content.courts[content.site.default_court]
    for language in LANGUAGES:
        nav = build_site_model(content, court, language).nav
        assert nav[-1] == hand_written_nav(ROOT, language)[0]
        (title, pages), = nav[-1].items()
        index = page(language, "index.md")
        assert title == index.splitlines()[0].removeprefix("# ")
        linked = re.findall(r"^\d+\. \[[^\]]+\]\(([a-z-]+\.md)\)", index, re.M)
        assert pages == ["webmasters/index.md"] + [f"webmasters/{name}" for name in linked]


def test_the_guide_is_published_in_both_languages(project):
    out = project.root / "site"
    assert run_build(project.root, out, log=io.StringIO()) == 0
    english = (out / "test-court/webmasters/publish/index.html").read_text(encoding="utf-8")
    spanish = (out / "test-court/es/webmasters/publish/index.html").read_text(encoding="utf-8")
    assert "<h1 id=\"publish-a-courts-site\">Publish a court's site</h1>" in english
    assert "Publicar el sitio de una corte</h1>" in spanish
    assert 'href="../../es/webmasters/publish/" hreflang="es"' in english


FEES_FAQ = """\
id: fees
topic: costs
order: 9
question:
  en: What are the fees?
  es: ¿Cuáles son las cuotas?
answer:
  en: |
    See the court's fees.
    They are on the court's page.
  es:
    - Vea las cuotas de la corte.
"""


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_sample_error_is_the_one_check_prints(language, project):
    from odr.content import read_content

    sample = re.search(r"^ +(content/faq/fees\.yaml:\S+ .+)$", page(language, "index.md"), re.M).group(1)
    project.write("content/faq/fees.yaml", FEES_FAQ)
    assert [str(problem) for problem in read_content(project.root)[1]] == [sample]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_guide_says_the_last_line_of_check_points_at_links(language):
    from odr.check import LINKS_POINTER

    assert "python build.py links" in LINKS_POINTER
    assert "`python build.py links`, " in page(language, "index.md")
    for wrong in ("(the worksheet files, for example)", "(por ejemplo, las hojas de trabajo)"):
        assert wrong not in page(language, "index.md")  # every worksheet file has its schema line

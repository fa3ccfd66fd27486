"""`build.py build`: real MkDocs builds of a tiny project."""

import io
import re

import pytest

from odr.site import run_build

FAQ = """\
id: odr-deadlines
topic: deadlines
order: 1
question: {en: "When is my ODR deadline?", es: "¿Cuándo es mi fecha límite de ODR?"}
answer:
  en: Register within {{ court.odr.deadlines.register_within_calendar_days }} days.
  es: Inscríbase dentro de {{ court.odr.deadlines.register_within_calendar_days }} días.
"""


@pytest.fixture
def built(project):
    project.write("content/faq/odr-deadlines.yaml", FAQ)
    out = project.root / "site"
    assert run_build(project.root, out, log=io.StringIO()) == 0
    return out


def test_builds_each_court_in_each_language_and_an_index(built):
    assert (built / "index.html").exists()
    assert 'href="test-court/"' in (built / "index.html").read_text()
    english = (built / "test-court/faq/odr-deadlines/index.html").read_text()
    spanish = (built / "test-court/es/faq/odr-deadlines/index.html").read_text()
    assert "Register within 5 days." in english
    assert "Inscríbase dentro de 5 días." in spanish
    assert '<html lang="es"' in spanish


def test_edit_link_points_at_the_yaml_source(built):
    page = (built / "test-court/faq/odr-deadlines/index.html").read_text()
    assert 'href="https://git.example.org/court-odr-guide/edit/main/content/faq/odr-deadlines.yaml"' in page


def test_without_an_edit_url_pages_have_no_edit_link(project):
    site = (project.root / "content/site.yaml").read_text(encoding="utf-8")
    project.write("content/site.yaml", "\n".join(line for line in site.splitlines() if "edit" not in line) + "\n")
    project.write("content/faq/odr-deadlines.yaml", FAQ)
    out = project.root / "site"
    assert run_build(project.root, out, log=io.StringIO()) == 0
    page = (out / "test-court/faq/odr-deadlines/index.html").read_text()
    assert "Register within 5 days." in page and "md-content__button" not in page


def test_an_edit_url_without_the_path_is_an_error(project):
    from odr.content import read_content

    site = (project.root / "content/site.yaml").read_text(encoding="utf-8")
    project.write("content/site.yaml", site.replace("/edit/main/{path}", "/edit/main/"))
    line = next(number for number, text in enumerate(site.splitlines(), 1) if text.startswith("edit_url:"))
    assert [str(problem) for problem in read_content(project.root)[1]] == [
        f"content/site.yaml:{line}:11: edit_url: expected a web address with {{path}} where the file's path goes, "
        'found "https://git.example.org/court-odr-gui..."']


def test_language_switch_leads_to_the_same_page(built):
    english = (built / "test-court/faq/odr-deadlines/index.html").read_text()
    spanish = (built / "test-court/es/faq/odr-deadlines/index.html").read_text()
    assert 'href="../../es/faq/odr-deadlines/" hreflang="es"' in english
    assert 'href="../../../faq/odr-deadlines/" hreflang="en"' in spanish


def test_no_page_loads_anything_from_another_host(built):
    for page in built.rglob("*.html"):
        html = page.read_text()
        loaded = re.findall(r'<(?:script|link|img|iframe|source)[^>]+(?:src|href)="(https?:)?//', html)
        assert loaded == [], f"{page} loads from another host"
        imported = re.findall(r'(?:@import|url\()\s*["\']?(?:https?:)?//', html)
        assert imported == [], f"{page} has styles that load from another host (web fonts, for one)"


def test_a_failed_build_leaves_the_published_site_untouched(built, project):
    before = (built / "test-court/faq/odr-deadlines/index.html").read_text()
    project.write("content/faq/odr-deadlines.yaml", FAQ.replace("topic: deadlines", "topic: [oops]"))
    log = io.StringIO()
    assert run_build(project.root, built, log=log) == 1
    assert log.getvalue().endswith(f"Build stopped: 1 problem(s). Nothing in {built} was changed.\n")
    assert (built / "test-court/faq/odr-deadlines/index.html").read_text() == before
    assert [path.name for path in built.parent.iterdir() if path.name.startswith(".site-")] == []


def test_unknown_court_is_refused_with_a_suggestion(project):
    log = io.StringIO()
    assert run_build(project.root, project.root / "site", court="test-cort", log=log) == 1
    assert log.getvalue() == 'No court "test-cort" (did you mean "test-court"?). Courts: test-court.\n'


def test_hand_written_files_are_never_overwritten(project):
    project.write("content/faq/odr-deadlines.yaml", FAQ)
    docs = project.root / "docs"

    def snapshot():
        return {path: path.read_bytes() for path in docs.rglob("*") if path.is_file()}

    before = snapshot()
    assert run_build(project.root, project.root / "site", log=io.StringIO()) == 0
    assert snapshot() == before


def test_a_draft_court_is_checked_but_not_built(project):
    court = (project.root / "content/courts/test-court.yaml").read_text(encoding="utf-8")
    project.write("content/courts/draft-court.yaml",
                  court.replace("id: test-court", "id: draft-court\ndraft: true"))
    log = io.StringIO()
    assert run_build(project.root, project.root / "site", court="draft-court", log=log) == 1
    assert log.getvalue() == ('The court "draft-court" is a draft (draft: true in its profile): it is checked but '
                              "not built. Fill in what check reports, then remove draft: true.\n")


def test_with_site_url_the_not_found_page_works_in_a_folder_and_a_sitemap_lists_the_pages(project):
    court = (project.root / "content/courts/test-court.yaml").read_text(encoding="utf-8")
    project.write("content/courts/test-court.yaml",
                  court.replace("id: test-court\n", "id: test-court\nsite_url: https://example.org/odr\n"))
    out = project.root / "site"
    assert run_build(project.root, out, log=io.StringIO()) == 0
    not_found = (out / "test-court/404.html").read_text()
    assert 'href="/odr/assets/stylesheets/odr.css"' in not_found
    assert 'href="/odr/faq/"' in not_found
    spanish = (out / "test-court/es/404.html").read_text()
    assert 'href="/odr/assets/stylesheets/odr.css"' in spanish  # shared
    assert 'href="/odr/es/faq/"' in spanish and '<a href="/odr/" hreflang="en" lang="en">English</a>' in spanish
    assert '<a href="/odr/es/" hreflang="es" lang="es">Español</a>' in not_found
    sitemap = (out / "test-court/sitemap.xml").read_text()
    assert "<loc>https://example.org/odr/faq/</loc>" in sitemap
    # Every other page still links relatively, so the folder can move.
    assert 'href="../assets/stylesheets/odr.css"' in (out / "test-court/faq/index.html").read_text()


def test_without_site_url_the_not_found_page_assumes_the_root_of_a_domain(built):
    assert 'href="/assets/stylesheets/odr.css"' in (built / "test-court/404.html").read_text()


def test_the_same_sources_build_the_same_site_byte_for_byte(tmp_path):
    """A rebuild with nothing changed must not change the service worker's version:
    returning visitors would download the whole runtime again."""
    from tests.conftest import ROOT

    first, second = tmp_path / "first", tmp_path / "second"
    for out in (first, second):
        assert run_build(ROOT, out, court="los-angeles", log=io.StringIO()) == 0
    files = sorted(path.relative_to(first) for path in first.rglob("*") if path.is_file())
    assert files == sorted(path.relative_to(second) for path in second.rglob("*") if path.is_file())
    changed = [str(path) for path in files if (first / path).read_bytes() != (second / path).read_bytes()]
    assert changed == []


def test_the_not_found_page_speaks_its_sites_language(built):
    english = (built / "test-court/404.html").read_text()
    spanish = (built / "test-court/es/404.html").read_text()
    assert "<h1>Page not found</h1>" in english and "Not found" not in english.split("<h1>", 1)[1]
    assert "<h1>No se encontró la página</h1>" in spanish
    assert "<title>No se encontró la página · " in spanish
    # Its links stay among the Spanish pages (at /es/), its switcher leads to the English home page,
    # and the assets the languages share stay at the court's root.
    assert '<a href="/es/faq/">Leer las preguntas y respuestas</a>' in spanish
    assert '<a href="/" hreflang="en" lang="en">English</a>' in spanish
    assert '<a href="/es/" hreflang="es" lang="es">Español</a>' in english
    assert 'href="/assets/stylesheets/odr.css"' in spanish and '"base": "/es/"' in spanish


def test_the_courts_index_lists_every_court_in_every_language(built):
    index = (built / "index.html").read_text()
    assert '<section lang="en">\n<h1>Small Claims ODR Guide</h1>' in index
    assert '<section lang="es">\n<h2>Guía de ODR para reclamos menores</h2>' in index
    assert '<a href="test-court/">Test Court</a>' in index
    assert '<a href="test-court/es/">Corte de Prueba</a>' in index


def test_every_language_shares_one_copy_of_the_themes_files(built):
    court = built / "test-court"
    assert (court / "assets/stylesheets/odr.css").is_file()
    assert not (court / "es/assets").exists()
    spanish_faq = (court / "es/faq/odr-deadlines/index.html").read_text()
    assert 'href="../../../assets/stylesheets/odr.css"' in spanish_faq
    assert '"search": "../../../assets/javascripts/workers/odr-search.js?material=' in spanish_faq
    assert 'href="../assets/stylesheets/odr.css"' in (court / "es/index.html").read_text()


def test_the_themes_templates_are_compiled_once_per_process_and_again_when_edited(project):
    from odr.mkdocs_plugin import COMPILED_TEMPLATES

    COMPILED_TEMPLATES.compiled.clear()
    out = project.root / "site"
    assert run_build(project.root, out, log=io.StringIO()) == 0  # two languages: two MkDocs builds
    first = dict(COMPILED_TEMPLATES.compiled)
    assert len(first) > 20
    assert run_build(project.root, out, log=io.StringIO()) == 0
    assert COMPILED_TEMPLATES.compiled == first  # every template came from the first build's code
    main = project.root / "overrides/main.html"
    main.write_text(main.read_text(encoding="utf-8") + "{# edited #}\n", encoding="utf-8")
    assert run_build(project.root, out, log=io.StringIO()) == 0
    changed = [key for key, code in COMPILED_TEMPLATES.compiled.items() if first.get(key) != code]
    assert len(changed) == 1


def test_a_build_leaves_the_folders_other_files_alone_and_its_own_readable_by_a_web_server(project):
    import os

    project.write("content/faq/odr-deadlines.yaml", FAQ)
    out = project.root / "www"
    project.write("www/other-site.html", "<p>The court's own page</p>")
    project.write("www/blog/post.html", "<p>News</p>")
    umask = os.umask(0o022)
    try:
        assert run_build(project.root, out, log=io.StringIO()) == 0
    finally:
        os.umask(umask)
    assert (out / "other-site.html").read_text() == "<p>The court's own page</p>"
    assert (out / "blog/post.html").read_text() == "<p>News</p>"
    for made in [out, out / "test-court", out / "test-court/faq"]:
        assert made.stat().st_mode & 0o755 == 0o755, made
    assert sorted(path.name for path in out.iterdir()) == [
        ".odr-courts.json", "blog", "index.html", "other-site.html", "test-court"]


def test_a_court_taken_out_of_the_content_is_taken_out_of_the_output(project):
    project.write("content/faq/odr-deadlines.yaml", FAQ)
    court = (project.root / "content/courts/test-court.yaml").read_text(encoding="utf-8")
    second = project.write("content/courts/second-court.yaml", court.replace("id: test-court", "id: second-court"))
    out = project.root / "site"
    assert run_build(project.root, out, log=io.StringIO()) == 0
    assert (out / "second-court/index.html").exists()
    assert run_build(project.root, out, court="test-court", log=io.StringIO()) == 0
    assert (out / "second-court/index.html").exists()  # a build of one court changes no other
    second.unlink()
    assert run_build(project.root, out, log=io.StringIO()) == 0
    assert not (out / "second-court").exists()
    assert (out / "test-court/index.html").exists()


def test_publishing_that_stops_part_way_says_which_courts_are_new(project, monkeypatch):
    import odr.site

    project.write("content/faq/odr-deadlines.yaml", FAQ)
    court = (project.root / "content/courts/test-court.yaml").read_text(encoding="utf-8")
    project.write("content/courts/second-court.yaml", court.replace("id: test-court", "id: second-court"))
    swap = odr.site._swap

    def swap_once(new, target):
        if target.name == "test-court":
            raise PermissionError(13, "Permission denied", str(target))
        swap(new, target)

    monkeypatch.setattr(odr.site, "_swap", swap_once)
    log = io.StringIO()
    out = project.root / "site"
    assert run_build(project.root, out, log=log) == 1
    assert log.getvalue().splitlines()[-1] == (
        f"Publishing into {out} failed: [Errno 13] Permission denied: '{out / 'test-court'}'. The courts published "
        "before it failed are the new build (second-court); the others are as they were. Build again.")


def test_a_damaged_list_of_built_courts_removes_nothing(project):
    project.write("content/faq/odr-deadlines.yaml", FAQ)
    out = project.root / "site"
    project.write("site/.odr-courts.json", '"blog"')  # a string, not a list: read as no court at all
    project.write("site/blog/index.html", "<p>News</p>")
    assert run_build(project.root, out, log=io.StringIO()) == 0
    assert (out / "blog/index.html").exists()

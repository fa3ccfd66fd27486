"""One copy of the theme's files per court (odr/shared_assets.py)."""

from odr.shared_assets import share_assets


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_identical_files_are_shared_and_a_file_that_differs_stays(tmp_path):
    write(tmp_path / "assets/site.css", "body {}")
    write(tmp_path / "assets/logo.svg", "<svg/>")
    write(tmp_path / "es/assets/site.css", "body {}")
    write(tmp_path / "es/assets/logo.svg", "<svg>distinto</svg>")
    write(tmp_path / "es/faq/index.html",
          '<link href="../assets/site.css"><img src="../assets/logo.svg"><a href="../faq/">x</a>')
    write(tmp_path / "es/index.html", "<script>{\"search\": \"assets/site.css?v=1\"}</script>")
    write(tmp_path / "es/404.html", '<link href="/odr/es/assets/site.css"><link href="/odr/es/assets/logo.svg">')

    share_assets(tmp_path, "es")

    assert (tmp_path / "es/faq/index.html").read_text() == (
        '<link href="../../assets/site.css"><img src="../assets/logo.svg"><a href="../faq/">x</a>')
    assert (tmp_path / "es/index.html").read_text() == "<script>{\"search\": \"../assets/site.css?v=1\"}</script>"
    assert (tmp_path / "es/404.html").read_text() == (
        '<link href="/odr/assets/site.css"><link href="/odr/es/assets/logo.svg">')
    assert not (tmp_path / "es/assets/site.css").exists()
    assert (tmp_path / "es/assets/logo.svg").read_text() == "<svg>distinto</svg>"


def test_nothing_to_share_changes_nothing(tmp_path):
    write(tmp_path / "assets/site.css", "body {}")
    write(tmp_path / "es/index.html", '<link href="assets/site.css">')
    share_assets(tmp_path, "es")
    assert (tmp_path / "es/index.html").read_text() == '<link href="assets/site.css">'

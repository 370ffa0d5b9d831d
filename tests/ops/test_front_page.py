"""The page every address first receives says, before any script has run, that the dashboard is opening."""

import gzip
from pathlib import Path

import pytest
from streamlit import file_util

from lnb_dash.i18n import t
from lnb_dash.ops import fonts, front_page

STREAMLIT_STATIC = Path(file_util.get_static_dir())


def test_the_first_bytes_name_the_dashboard_and_say_it_is_opening_in_both_languages(installed):
    front, _ = installed  # the module's one install: the font subsets take seconds of CPU to make
    index = (front / "index.html").read_text(encoding="utf-8")
    body = index[index.index("<body>"):]
    assert '<html lang="sq">' in index and f"<title>{t('app_title', 'sq')}</title>" in index
    assert t("front_loading", "sq") in body and t("front_loading", "en") in body
    assert body.index(t("front_loading", "sq")) < body.index(t("front_loading", "en")), "Albanian first"


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """One served copy for the tests that only read it (the font subsets take a few seconds to make)."""
    root = tmp_path_factory.mktemp("front")
    return front_page.install_front_page(STREAMLIT_STATIC, root / "static", root / "front"), root


def test_everything_else_is_streamlits_own_bundle_and_the_dialog_script_is_served_by_the_app(installed):
    front, root = installed
    assert (front / "static" / "media").resolve() == (STREAMLIT_STATIC / "static" / "media").resolve()
    scripts = sorted((STREAMLIT_STATIC / "static" / "js").glob("*.js"))
    assert all((front / "static" / "js" / p.name).resolve() == p.resolve() for p in scripts)
    for script in scripts[:20]:  # each with its gzip copy beside it, for nginx's gzip_static and the bare server
        assert gzip.decompress((front / "static" / "js" / f"{script.name}.gz").read_bytes()) == script.read_bytes()
    script = next((root / "static").glob("lnb-front.*.js"))
    assert f'src="./app/static/{script.name}"' in (front / "index.html").read_text(encoding="utf-8")
    fonts_made = {p.name: p.stat().st_mtime_ns for p in (front / "static" / "fonts").iterdir()}
    again = front_page.install_front_page(STREAMLIT_STATIC, root / "static", root / "front")
    assert again == front and len(list((root / "static").glob("lnb-front.*.js"))) == 1
    assert {p.name: p.stat().st_mtime_ns for p in (front / "static" / "fonts").iterdir()} == fonts_made, "fonts made once"


def test_the_page_and_its_stylesheet_name_the_subset_fonts_and_the_full_icon_font_stays_for_the_fallback(installed):
    front, _ = installed
    made = sorted(p.name for p in (front / "static" / "fonts").iterdir())
    assert [name.split(".")[0] for name in made] == sorted(["MaterialSymbols-Rounded", *fonts.TEXT_FONTS])
    assert front_page.rewritten_stylesheets(front) == [next(f"static/css/{p.name}" for p in (STREAMLIT_STATIC / "static" / "css").glob("index.*.css"))]
    css = (front / front_page.rewritten_stylesheets(front)[0]).read_text(encoding="utf-8")
    assert all(f"../fonts/{name}" in css for name in made)
    assert "../media/MaterialSymbols" not in css and "../media/SourceSans" not in css
    index = (front / "index.html").read_text(encoding="utf-8")
    upright = next(name for name in made if name.startswith("SourceSansVF-Upright"))
    assert f'href="./static/fonts/{upright}"' in index and "./static/media/SourceSans" not in index, "the preload is the subset"
    full_icons = next((STREAMLIT_STATIC / "static" / "media").glob("MaterialSymbols-Rounded.*.woff2")).name
    assert f'data-icon-font="./static/media/{full_icons}"' in index and (front / "static" / "media" / full_icons).is_file()
    assert "&quot;keyboard_double_arrow_left&quot;" in index and "&quot;picture_as_pdf&quot;" in index


def test_the_connection_dialog_never_mentions_the_internet_in_either_language():
    texts = front_page.dialog_texts()
    for lang in ("sq", "en"):
        assert set(texts[lang]) == set(front_page.DIALOG_TEXTS)
        assert not any("internet" in said.casefold() for said in texts[lang].values())
    assert texts["sq"]["Connection error"] == "Lidhja me serverin u ndërpre"


def test_a_changed_streamlit_page_is_refused_not_half_changed():
    with pytest.raises(ValueError, match=r"index\.html has changed"):
        front_page.front_page("<html><body></body></html>", "./app/static/x.js")


def test_a_rewritten_stylesheets_gzip_copy_is_made_again_not_served_stale(tmp_path):
    import os

    source = tmp_path / "index.css"
    source.write_text("a{}", encoding="utf-8")
    packed = front_page.gzipped(source, "static/css/index.css", tmp_path / "gz")
    source.write_text("b{}", encoding="utf-8")
    os.utime(source, ns=(packed.stat().st_mtime_ns + 10**9,) * 2)
    assert gzip.decompress(front_page.gzipped(source, "static/css/index.css", tmp_path / "gz").read_bytes()) == b"b{}"


def test_a_bundle_file_is_gzipped_once_and_nothing_else_is(tmp_path):
    source = next((STREAMLIT_STATIC / "static" / "js").glob("index.*.js"))
    relative = f"static/js/{source.name}"
    packed = front_page.gzipped(source, relative, tmp_path)
    assert gzip.decompress(packed.read_bytes()) == source.read_bytes()
    assert front_page.gzipped(source, relative, tmp_path).stat().st_mtime_ns == packed.stat().st_mtime_ns, "made once"
    assert front_page.gzipped(STREAMLIT_STATIC / "index.html", "index.html", tmp_path) is None
    assert front_page.gzipped(source, "static/../../etc/passwd.js", tmp_path) is None

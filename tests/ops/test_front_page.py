"""The page every address first receives says, before any script has run, that the dashboard is opening."""

from pathlib import Path

import pytest
from streamlit import file_util

from lnb_dash.i18n import t
from lnb_dash.ops import front_page

STREAMLIT_STATIC = Path(file_util.get_static_dir())


def test_the_first_bytes_name_the_dashboard_and_say_it_is_opening_in_both_languages(tmp_path):
    front = front_page.install_front_page(STREAMLIT_STATIC, tmp_path / "static", tmp_path / "front")
    index = (front / "index.html").read_text(encoding="utf-8")
    body = index[index.index("<body>"):]
    assert '<html lang="sq">' in index and f"<title>{t('app_title', 'sq')}</title>" in index
    assert t("front_loading", "sq") in body and t("front_loading", "en") in body
    assert body.index(t("front_loading", "sq")) < body.index(t("front_loading", "en")), "Albanian first"


def test_everything_else_is_streamlits_own_bundle_and_the_dialog_script_is_served_by_the_app(tmp_path):
    front = front_page.install_front_page(STREAMLIT_STATIC, tmp_path / "static", tmp_path / "front")
    assert (front / "static").resolve() == (STREAMLIT_STATIC / "static").resolve()
    script = next((tmp_path / "static").glob("lnb-front.*.js"))
    assert f'src="./app/static/{script.name}"' in (front / "index.html").read_text(encoding="utf-8")
    again = front_page.install_front_page(STREAMLIT_STATIC, tmp_path / "static", tmp_path / "front")
    assert again == front and len(list((tmp_path / "static").glob("lnb-front.*.js"))) == 1


def test_the_connection_dialog_never_mentions_the_internet_in_either_language():
    texts = front_page.dialog_texts()
    for lang in ("sq", "en"):
        assert set(texts[lang]) == set(front_page.DIALOG_TEXTS)
        assert not any("internet" in said.casefold() for said in texts[lang].values())
    assert texts["sq"]["Connection error"] == "Lidhja me serverin u ndërpre"


def test_a_changed_streamlit_page_is_refused_not_half_changed():
    with pytest.raises(ValueError, match=r"index\.html has changed"):
        front_page.front_page("<html><body></body></html>", "./app/static/x.js")


def test_a_bundle_file_is_gzipped_once_and_nothing_else_is(tmp_path):
    import gzip

    source = next((STREAMLIT_STATIC / "static" / "js").glob("index.*.js"))
    relative = f"static/js/{source.name}"
    packed = front_page.gzipped(source, relative, tmp_path)
    assert gzip.decompress(packed.read_bytes()) == source.read_bytes()
    assert front_page.gzipped(source, relative, tmp_path).stat().st_mtime_ns == packed.stat().st_mtime_ns, "made once"
    assert front_page.gzipped(STREAMLIT_STATIC / "index.html", "index.html", tmp_path) is None
    assert front_page.gzipped(source, "static/../../etc/passwd.js", tmp_path) is None

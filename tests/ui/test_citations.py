"""Sources beside the numbers: publisher, title, date and license in the reader's language, and text from data
that can never become a link, an image or HTML."""

import pytest
from streamlit.testing.v1 import AppTest

from lnb_dash.ui import citations


@pytest.fixture(autouse=True)
def _use_test_db(app_db):
    pass


@pytest.mark.parametrize("text", ["[click](http://evil.example)", "![x](http://evil.example/a.png)", "<img src=x onerror=alert(1)>",
                                  "*bold* _it_ `code` # heading | table ~strike~"])
def test_text_from_data_never_becomes_markup(text):
    escaped = citations.escape_markdown(text)
    for ch in "[]<>*_`#|~":
        assert ch not in escaped.replace("\\" + ch, "")


def test_missing_text_is_empty_not_nan():
    assert citations.escape_markdown(None) == "" and citations.escape_markdown(float("nan")) == ""


def source_note_app(lang: str) -> None:
    from lnb_dash.ui import citations

    citations.render_source_note(["census2023_municipalities", "census2023_municipalities", None, "no_such_source"], lang, boundaries=True)


@pytest.mark.parametrize("lang, source, license_", [("sq", "**Burimi:**", "Licenca"), ("en", "**Source:**", "License")])
def test_a_source_note_names_each_source_once_in_the_readers_language(lang, source, license_):
    at = AppTest.from_function(source_note_app, args=(lang,), default_timeout=60).run()
    note, boundaries = (c.value for c in at.caption)
    assert note.startswith(source) and note.count(f"{license_}:") == 1 and "INSTAT" in note
    assert boundaries and boundaries != note


def sources_app() -> None:
    from lnb_dash.ui import cached, citations

    citations.render_sources(cached.sources_cached(), "sq")


def test_every_source_is_listed_with_its_publisher_date_and_license():
    at = AppTest.from_function(sources_app, default_timeout=60).run()
    assert len(at.expander) >= 10
    details = [m.value for m in at.markdown if m.value.startswith("**Botuesi:**")]
    assert len(details) == len(at.expander) and all("**Licenca:**" in d and "**Data e referencës:**" in d for d in details)

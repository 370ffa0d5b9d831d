"""The app's caches: they serve the database's data for every session, and a database rebuilt by another process is
read on the next page load, without a restart."""

import shutil

import duckdb
import pytest
import streamlit as st

from lnb_dash import config


@pytest.fixture
def replaceable_db(shipped_db, tmp_path, monkeypatch):
    path = tmp_path / "lnb.duckdb"
    shutil.copyfile(shipped_db, path)
    monkeypatch.setattr(config, "DB_PATH", path)
    st.cache_data.clear()
    st.cache_resource.clear()
    yield path
    st.cache_data.clear()
    st.cache_resource.clear()


def test_the_cached_readers_give_the_databases_areas(replaceable_db):
    from lnb_dash.ui import cached

    assert len(cached.municipalities_cached()) == 61 and len(cached.former_units_cached()) == 373
    assert len(cached.level_gdf_cached("county")) == 12


def test_a_database_replaced_by_another_process_is_read_on_the_next_page_load(replaceable_db, tmp_path):
    from lnb_dash.ui import cached

    before = len(cached.list_indicators_cached())
    new = tmp_path / "new.duckdb"
    shutil.copyfile(replaceable_db, new)
    with duckdb.connect(str(new)) as writer:
        writer.execute("DELETE FROM indicators WHERE indicator_id = 'coastal'")
    new.replace(replaceable_db)
    cached.drop_if_rebuilt()  # what every page load does first (app.py)
    assert len(cached.list_indicators_cached()) == before - 1


def test_a_replaced_database_file_drops_the_caches_on_the_next_run_and_only_then(tmp_path):
    from lnb_dash.ui import cached as app_caches

    calls = []

    @st.cache_data
    def cached(x):
        calls.append(x)
        return x

    db_file = tmp_path / "lnb.duckdb"
    db_file.write_text("old")
    app_caches.drop_if_rebuilt(db_file)  # what every run does first (app.py)
    cached(1), cached(1)
    assert not app_caches.drop_if_rebuilt(db_file)  # the same file: the caches stay
    (tmp_path / "new").write_text("new")
    (tmp_path / "new").replace(db_file)  # what a build or import in another process does
    assert app_caches.drop_if_rebuilt(db_file)
    cached(1)
    assert calls == [1, 1]


def test_a_run_that_an_import_overtook_midway_runs_again_on_the_new_data_instead_of_showing_an_error(replaceable_db, monkeypatch):
    """Another session's run dropped the caches for a new database while this run had read part of the old data: the
    page (here it fails once, as a run with one table old and one new failed behind nginx) runs again, no error shown."""
    from lnb_dash.ui import cached as app_caches
    from tests.pages.helpers import open_page

    real, failures = app_caches.municipalities_cached, []

    def overtaken(*args, **kwargs):
        if not failures:
            failures.append(1)
            monkeypatch.setattr(app_caches, "_version", ("a newer database",))
            raise KeyError("an indicator only the new database has")
        return real(*args, **kwargs)

    monkeypatch.setattr(app_caches, "municipalities_cached", overtaken)
    at = open_page("overview")
    assert failures == [1] and not at.exception and at.title


def test_a_run_that_fails_on_the_database_it_started_on_shows_its_error(replaceable_db, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from lnb_dash.ui import cached as app_caches
    from tests.conftest import ROOT

    def broken(*args, **kwargs):
        raise KeyError("a real bug")

    monkeypatch.setattr(app_caches, "municipalities_cached", broken)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90).run()
    assert "a real bug" in str([e.message for e in at.exception])


def test_a_storys_slides_are_built_once_for_both_downloads_and_every_session(replaceable_db, monkeypatch):
    """The PowerPoint and the offline HTML of a story share one build of its slides (their pictures are most of a
    deck's CPU); another language builds its own."""
    from lnb_dash.model import stories
    from lnb_dash.render import deck
    from lnb_dash.ui import cached

    built = []
    monkeypatch.setattr(deck, "build_slides", lambda con, story, lang: built.append(lang) or [f"{story.story_id} {lang}"])
    story = stories.list_stories(stories.STORIES_DIR, None)["steering_committee"]
    first = cached.deck_slides_cached(story, "sq")
    assert first == ["steering_committee sq"] and cached.deck_slides_cached(story, "sq") is first
    assert cached.deck_slides_cached(story, "en") == ["steering_committee en"]
    assert built == ["sq", "en"]

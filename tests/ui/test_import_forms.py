"""The upload page's forms: source details become the importer's metadata, problems are listed as text (file, row,
column, message), and a held lock says who holds it and since when, in the reader's language."""

import pytest
from streamlit.testing.v1 import AppTest


def source_form_app() -> None:
    import streamlit as st

    from lnb_dash.ui import import_forms

    st.write(repr(import_forms.render_source_form("en")))


def test_the_source_form_gives_the_filled_in_fields_trimmed():
    at = AppTest.from_function(source_form_app, default_timeout=30).run()
    at.text_input(key="upload.source_id").input(" staff_2021 ")
    at.text_input(key="upload.publisher").input("Bashkia Berat").run()
    assert at.markdown[0].value == "{'source': {'id': 'staff_2021', 'publisher': 'Bashkia Berat'}}"


def problems_app() -> None:
    from lnb_dash.data.check import Problem
    from lnb_dash.ui import import_forms

    import_forms.render_problems([Problem("t.csv", 3, "vlera", key="imp_not_a_number", fix="imp_not_a_number_fix", params={"value": "'<b>x</b>'"}),
                                  Problem("t.csv", None, None, key="imp_file_empty")], "sq")


def test_problems_are_listed_as_text_with_file_row_column_and_what_to_do_in_the_page_language():
    at = AppTest.from_function(problems_app, default_timeout=30).run()
    table = at.dataframe[0].value
    assert "2" in at.error[0].value and list(table.columns) == ["Skedari", "Rreshti", "Kolona", "Problemi", "Çfarë të bëni"]
    assert table.iloc[0].tolist()[:4] == ["t.csv", "3", "vlera", "'<b>x</b>' nuk është numër."] and "presje" in table.iloc[0, 4]
    assert table.iloc[1].tolist()[1:3] == ["", ""] and "None" not in table.to_string()


def lock_app(user, started_at, lang) -> None:
    from lnb_dash.ui import import_forms

    class Held:
        pass

    exc = Held()
    exc.user, exc.started_at = user, started_at
    import_forms.render_import_in_progress(exc, lang)


@pytest.mark.parametrize("user, started_at, lang, words", [("Ana", "2026-11-24 17:40:03 UTC", "en", "started by Ana, at 2026-11-24 17:40:03"),
                                                          (None, None, "en", "unknown")])
def test_a_held_lock_says_who_and_since_when(user, started_at, lang, words):
    at = AppTest.from_function(lock_app, args=(user, started_at, lang), default_timeout=30).run()
    assert words in at.error[0].value

"""The staff upload page: closed without credentials, behind a password, validation before import, undo."""

import tomllib

import pytest
import streamlit as st

from lnb_dash import config
from lnb_dash.data import history
from lnb_dash.query import db
from tests.concurrency import lock_held_elsewhere
from tests.conftest import folder_hashes, hashes
from tests.data.test_bad_corpus import BAD, EXPECTED
from tests.pages.helpers import open_page

GOOD = "bashkia,viti,vlera\nBerat,2021,5100\nKorça,2021,6300\n"  # families, like the stored figures (no doubt to confirm)
META = {"source": {"id": "staff_upload", "title": "Staff table", "publisher": "Bashkia Berat", "license": "CC-BY-4.0",
                   "reference_date": "2021"}}


@pytest.fixture
def staff_data(data_copy, monkeypatch):
    """The app pointed at a writable copy of the data, with fresh caches before and after."""
    data_dir, db_path = data_copy
    monkeypatch.setattr(config, "DATA_DIR", data_dir)
    monkeypatch.setattr(config, "DB_PATH", db_path)
    st.cache_data.clear()
    st.cache_resource.clear()
    yield data_dir, db_path
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture
def shared_staff_data(read_only_data, monkeypatch):
    """The app pointed at the session's shared data copy, for a test whose page refuses or only shows (a sign-in is not
    one: it notes the attempt in the data folder). Nothing may change there (read_only_data checks every file
    afterwards), so it needs no copy of its own, and the caches stay warm (app.py drops them when the database changes)."""
    data_dir, db_path = read_only_data
    monkeypatch.setattr(config, "DATA_DIR", data_dir)
    monkeypatch.setattr(config, "DB_PATH", db_path)
    return data_dir, db_path


def signed_in(lang="en", **state):
    from streamlit.testing.v1 import AppTest

    from tests.conftest import ROOT

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.secrets["upload_password"] = "correct horse"
    at.switch_page("pages/upload.py")
    at.query_params["lang"] = lang
    at.session_state["upload.signed_in_as"] = "Test staff"
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_without_credentials_the_page_accepts_nothing(shared_staff_data):
    at = open_page("upload", lang="en")
    assert "Uploading is not enabled" in at.warning[0].value
    assert not at.button


def test_a_wrong_password_is_refused(staff_data):
    from streamlit.testing.v1 import AppTest

    from tests.conftest import ROOT

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.secrets["upload_password"] = "correct horse"
    at.switch_page("pages/upload.py")
    at.run()
    at.text_input(key="upload.name").input("Eve")
    at.text_input(key="upload.password").input("guess")
    at.button[0].click().run()
    assert "Emri ose fjalëkalimi nuk është i saktë" in at.error[0].value  # Albanian by default


def test_a_rejected_upload_shows_the_report_and_changes_nothing(shared_staff_data, tmp_path):
    data_dir, _db_path = shared_staff_data
    before = folder_hashes(data_dir)
    bad = tmp_path / "bad.csv"
    bad.write_text("bashkia,viti,vlera\nAtlantis,2021,1\n", encoding="utf-8")
    at = signed_in(**{"upload.pending": (str(bad), "covid19_families_assisted", META)})
    assert "problem(s) found; nothing was changed" in at.error[0].value
    report = at.dataframe[0].value
    assert report.iloc[0]["Row"] == "2" and report.iloc[0]["Column"] == "bashkia"
    assert "Unknown municipality 'Atlantis'" in report.iloc[0]["Problem"] and report.iloc[0]["What to do"]
    assert folder_hashes(data_dir) == before


def test_a_good_upload_is_checked_confirmed_recorded_and_undone(staff_data, tmp_path):
    data_dir, db_path = staff_data
    before = hashes(db_path)
    good = tmp_path / "good.csv"
    good.write_text(GOOD, encoding="utf-8")
    at = signed_in(**{"upload.pending": (str(good), "covid19_families_assisted", META)})
    assert "passed the check" in at.success[0].value
    assert hashes(db_path) == before  # nothing changes before the confirmation
    at.button(key="upload.confirm").click().run()
    assert any("Imported staff_upload" in s.value for s in at.success)
    log = history.read_history(data_dir)
    assert log.iloc[0].action == "import" and log.iloc[0].user == "Test staff" and log.iloc[0].rows == 2
    at.button(key="upload.undo").click().run()
    assert any("undone" in s.value for s in at.success)
    assert hashes(db_path) == before
    assert history.read_history(data_dir).iloc[0].action == "undo"


def test_the_upload_page_is_hidden_from_viewers_in_the_navigation(shared_staff_data):
    from lnb_dash.ui import auth

    assert auth.auth_mode() == "none" and auth.signed_in_user() is None


@pytest.fixture(scope="module")
def refusing_page(_shared_data):
    """One signed-in upload page on the session's shared data copy, rerun for each bad file as a staff member uploading
    one after another would: a refused file writes nothing, so it needs no data copy or cold caches of its own (and
    read_only_data checks after each test that every file of the folder hashes as before)."""
    data_dir, db_path = _shared_data
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(config, "DATA_DIR", data_dir)
        patch.setattr(config, "DB_PATH", db_path)
        st.cache_data.clear()
        st.cache_resource.clear()
        yield signed_in()
        st.cache_data.clear()
        st.cache_resource.clear()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_files_get_the_report_on_the_upload_page(refusing_page, read_only_data, name):
    data_dir, _db_path = read_only_data
    before = folder_hashes(data_dir)
    meta = {**META, "indicator": {"theme": "social_protection", "kind": "count", "aggregate": "sum", "decimals": 0,
                                  "name": {"sq": "a", "en": "b"}, "unit": {"sq": "persona", "en": "persons"},
                                  "definition": {"sq": "a", "en": "b"}}}
    at = refusing_page
    at.session_state["upload.pending"] = (str(BAD / name), "bad_count", meta)
    at.run()
    assert "nothing was changed" in at.error[0].value
    assert EXPECTED[name] in " ".join(at.dataframe[0].value.Problem + " " + at.dataframe[0].value["What to do"])
    assert folder_hashes(data_dir) == before and not at.exception


@pytest.mark.parametrize("lang, text", [("en", "Another import is in progress (started by Holder, at 20"),
                                        ("sq", "Një import tjetër është në proces (nisur nga Holder, më 20")])
def test_an_import_while_another_is_in_progress_says_whose_and_changes_nothing(staff_data, tmp_path, monkeypatch, lang, text):
    data_dir, _db_path = staff_data
    before = folder_hashes(data_dir)
    monkeypatch.setattr(config, "LOCK_TIMEOUT", 0.5)
    good = tmp_path / "good.csv"
    good.write_text(GOOD, encoding="utf-8")
    at = signed_in(lang, **{"upload.pending": (str(good), "covid19_families_assisted", META)})
    with lock_held_elsewhere(data_dir, user="Holder"):
        at.button(key="upload.confirm").click().run()
    assert any(text in e.value and "UTC" in e.value for e in at.error), [e.value for e in at.error]
    assert not at.exception and folder_hashes(data_dir) == before and history.read_history(data_dir).empty
    at.button(key="upload.confirm").click().run()  # once the other import is done, the same confirmation goes through
    assert history.read_history(data_dir).iloc[0].source_id == "staff_upload"


@pytest.mark.parametrize("lang, text", [("en", "Upload the numerator and the denominator instead"),
                                        ("sq", "Ngarkoni në vend të saj numëruesin dhe emëruesin")])
def test_a_rate_by_former_unit_is_refused_on_the_upload_page_with_what_to_upload(shared_staff_data, tmp_path, lang, text):
    data_dir, _db_path = shared_staff_data
    before = folder_hashes(data_dir)
    rates = tmp_path / "rates.csv"
    rates.write_text("komuna,viti,vlera\nKamëz,2021,45.2\nPaskuqan,2021,50.1\n", encoding="utf-8")
    at = signed_in(lang, **{"upload.pending": (str(rates), "parl_turnout", META)})
    assert {"en": "numerator and denominator", "sq": "numëruesin dhe emëruesin"}[lang] in " ".join(at.dataframe[0].value.iloc[:, 4])
    assert any(text in i.value for i in at.info), [i.value for i in at.info]
    assert folder_hashes(data_dir) == before and not at.exception


@pytest.mark.parametrize("lang, text", [("en", "By former unit (2021): 1 municipalities will get the sum of their units"),
                                        ("sq", "Sipas njësive të mëparshme (2021): 1 bashki do të marrin shumën")])
def test_counts_by_former_unit_go_through_the_same_upload(staff_data, tmp_path, lang, text):
    _data_dir, db_path = staff_data
    counts = tmp_path / "units.csv"
    counts.write_text("komuna,viti,vlera\nKamëz,2021,12\nPASKUQAN,2021,30\n", encoding="utf-8")
    meta = {**META, "indicator": {"theme": "social_protection", "kind": "count", "aggregate": "sum", "decimals": 0,
                                  "name": {"sq": "a", "en": "b"}, "unit": {"sq": "persona", "en": "persons"},
                                  "definition": {"sq": "a", "en": "b"}}}
    at = signed_in(lang, **{"upload.pending": (str(counts), "staff_count", meta)})
    assert any(text in i.value for i in at.info), [i.value for i in at.info]
    at.button(key="upload.confirm").click().run()
    assert not at.exception
    with db.connect(db_path) as con:
        row = con.execute("SELECT value, computed FROM observations WHERE source_id = 'staff_upload' AND area_code = 'AL221'").fetchone()
    assert row == (42, True)


@pytest.mark.parametrize("lang, words", [("sq", "nuk ndryshohen kurrë"), ("en", "never changed")])
def test_an_installed_package_never_takes_uploads_into_its_shipped_data(shared_staff_data, monkeypatch, lang, words):
    data_dir, _db_path = shared_staff_data
    monkeypatch.setattr(config, "INSTALLED", True)
    monkeypatch.setattr(config, "SHIPPED_DATA_DIR", data_dir)
    before = folder_hashes(data_dir)
    at = signed_in(lang)
    assert words in at.error[0].value and "lnb-dash init" in at.error[0].value
    assert not at.get("file_uploader") and folder_hashes(data_dir) == before


@pytest.mark.parametrize("lang, text", [("en", "The sheet holds more than 100,000 rows (at least 1,000,000); the limit is 100,000"),
                                        ("sq", "Fleta ka më shumë se 100\u00a0000 rreshta (të paktën 1\u00a0000\u00a0000); kufiri është 100\u00a0000")])
def test_a_workbook_bomb_is_refused_on_the_page_in_its_language(shared_staff_data, tmp_path, lang, text):
    from tests.data.bombs import write_row_bomb

    data_dir, _db_path = shared_staff_data
    before = folder_hashes(data_dir)
    bomb = write_row_bomb(tmp_path / "bomb.xlsx", 1_000_000)
    at = signed_in(lang, **{"upload.pending": (str(bomb), "covid19_families_assisted", META)})
    assert text in at.error[0].value, at.error[0].value
    assert folder_hashes(data_dir) == before and "upload.pending" not in at.session_state


def test_an_upload_named_with_a_path_and_html_lands_in_its_folder_and_is_shown_as_text(shared_staff_data, tmp_path):
    from lnb_dash.data.tables import safe_upload_name

    folder = tmp_path / "uploads" / "one"
    folder.mkdir(parents=True)
    name = safe_upload_name("../../<img src=x onerror=alert(1)>.csv")
    path = folder / name
    path.write_text("bashkia,viti,vlera\nAtlantis,2021,1\n", encoding="utf-8")
    assert path.resolve().parent == folder.resolve() and [p.name for p in (tmp_path / "uploads").iterdir()] == ["one"]
    at = signed_in(**{"upload.pending": (str(path), "covid19_families_assisted", META)})
    assert at.dataframe[0].value.iloc[0]["File"] == "<img src=x onerror=alert(1)>.csv"  # a table cell: text, never markup


def sign_in_page(secrets: dict, lang: str = "en"):
    from streamlit.testing.v1 import AppTest

    from tests.conftest import ROOT

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    for key, value in secrets.items():
        at.secrets[key] = value
    at.switch_page("pages/upload.py")
    at.query_params["lang"] = lang
    at.run()
    return at


def attempt(at, name, password):
    at.text_input(key="upload.name").input(name)
    at.text_input(key="upload.password").input(password)
    at.button[0].click().run()
    return at


@pytest.mark.parametrize("lang, text", [("en", "Too many failed sign-ins for this name or from this computer. Try again in 15 s."),
                                        ("sq", "Shumë përpjekje të dështuara për këtë emër ose nga ky kompjuter. Provoni përsëri pas 15 s.")])
def test_six_wrong_passwords_bring_the_wait_message_and_the_right_one_waits(staff_data, lang, text):
    from lnb_dash.data.accounts import account_line

    secrets = {"upload_accounts": tomllib.loads(account_line("Arta Hoxha", "a long enough password"))}
    at = sign_in_page(secrets, lang)
    for i in range(5):
        attempt(at, "Arta Hoxha", f"guess {i}")
    assert text in attempt(at, "Arta Hoxha", "guess 6").error[0].value
    assert text.split(".")[0] in attempt(at, "Arta Hoxha", "a long enough password").error[0].value
    assert "upload.signed_in_as" not in at.session_state
    assert any("a reload asks again" in c.value or "pas ringarkimit" in c.value for c in at.caption)


def test_a_staff_account_signs_in_and_the_history_records_its_name(staff_data):
    from lnb_dash.data.accounts import account_line

    at = sign_in_page({"upload_accounts": tomllib.loads(account_line("Arta Hoxha", "a long enough password"))})
    attempt(at, "Arta Hoxha", "a long enough password")
    assert at.session_state["upload.signed_in_as"] == "Arta Hoxha"
    assert any("Arta Hoxha" in c.value for c in at.caption)


def test_the_indicator_picker_starts_empty_and_offers_a_new_indicator(shared_staff_data):
    at = signed_in("sq")
    picker = at.selectbox(key="upload.indicator")
    assert picker.value is None and picker.placeholder == "Zgjidhni treguesin" and picker.options[0] == "Tregues i ri…"
    picker.set_value("__new__").run()
    assert at.text_input(key="upload.new.name_sq").label == "Emri në shqip"
    assert at.selectbox(key="upload.new.kind").value is None


def test_the_templates_say_they_carry_the_chosen_indicator(shared_staff_data):
    """Step 1 tells to choose the indicator first; once chosen (or named as a new one) the templates carry it."""
    at = signed_in("sq")
    assert any("Zgjidhni treguesin te hapi 2" in c.value for c in at.caption)
    at.selectbox(key="upload.indicator").set_value("covid19_families_assisted").run()
    assert any("mban emrin, njësinë dhe përkufizimin e treguesit «Familje të asistuara gjatë COVID-19" in c.value for c in at.caption)
    at.selectbox(key="upload.indicator").set_value("__new__").run()
    assert any("Zgjidhni treguesin te hapi 2" in c.value for c in at.caption), "an empty form names nothing yet"
    at.text_input(key="upload.new.name_sq").input("Familje që marrin ndihmë ekonomike").run()
    assert any("«Familje që marrin ndihmë ekonomike»" in c.value for c in at.caption)


def test_a_new_indicator_is_previewed_name_by_name_then_imported_and_undone_with_its_values(staff_data, tmp_path):
    from lnb_dash.data.indicator_form import new_indicator
    from tests.data.test_indicator_form import FIELDS, SOURCE

    data_dir, db_path = staff_data
    before = folder_hashes(data_dir)
    iid, definition, _ = new_indicator(FIELDS, [], "sq")
    table = tmp_path / "ndihma.csv"
    table.write_text("bashkia,viti,vlera\nBashkia Kamëz,2024,812\nkorca,2024,1204\nDIBER,2024,655\nFushe-Arrez,2024,97\nPustec,2024,41\n",
                     encoding="utf-8")
    at = signed_in("sq", **{"upload.pending": (str(table), iid, {"source": SOURCE, "indicator": definition})})
    assert any("Paraparje" in i.value for i in at.info)
    assert "Do të shtohen:" in at.success[0].value and at.text[0].value.splitlines() == [
        "Synthetic test table: 5 vlera", "  Familje që marrin ndihmë ekonomike, gjithsej, 2024: 5 bashki",
        "  tregues i ri: Familje që marrin ndihmë ekonomike"], "what the import adds follows the colon"
    preview = at.dataframe[0].value
    assert list(zip(preview["Si është shkruar në skedar"], preview["Vendi"])) == [
        ("Bashkia Kamëz", "Kamëz"), ("korca", "Korçë"), ("DIBER", "Dibër"), ("Fushe-Arrez", "Fushë-Arrëz"), ("Pustec", "Pustec")]
    assert set(preview["Niveli"]) == {"Bashki"} and set(preview["Çfarë ndodh"]) == {"shtohet"} and "1\xa0204" in set(preview["Vlera"])
    assert folder_hashes(data_dir) == before, "nothing changes before Konfirmo"
    at.button(key="upload.confirm").click().run()
    with db.connect(db_path) as con:
        assert con.execute("SELECT name_sq FROM indicators WHERE indicator_id = ?", [iid]).fetchone()[0] == FIELDS["name_sq"]
        assert con.execute("SELECT count(*) FROM observations WHERE indicator_id = ? AND status = 'value' AND area_level = 'municipality'",
                           [iid]).fetchone()[0] == 5
    at.selectbox(key="upload.undo_source").set_value(SOURCE["id"])
    at.button(key="upload.undo").click().run()
    with db.connect(db_path) as con:
        assert con.execute("SELECT count(*) FROM indicators WHERE indicator_id = ?", [iid]).fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM observations WHERE indicator_id = ?", [iid]).fetchone()[0] == 0


def test_a_file_far_from_the_chosen_indicator_asks_for_a_confirmation(shared_staff_data, tmp_path):
    """Five disability counts uploaded as 'registered voters': values 10× below the voters' asks, Konfirmo waits."""
    data_dir, _db_path = shared_staff_data
    before = folder_hashes(data_dir)
    table = tmp_path / "aftesi.csv"
    table.write_text("bashkia,viti,vlera\nBashkia Kamëz,2024,81\nkorca,2024,120\nDIBER,2024,65\nFushe-Arrez,2024,9\nPustec,2024,14\n",
                     encoding="utf-8")
    meta = {"source": {"id": "wrong_choice", "title": "Staff table", "publisher": "Bashkia", "license": "CC-BY-4.0", "reference_date": "2024"}}
    at = signed_in("sq", **{"upload.pending": (str(table), "local_registered_voters", meta)})
    assert any("më shumë se 10 herë larg" in w.value for w in at.warning)
    assert at.button(key="upload.confirm").disabled
    at.checkbox(key="upload.sure").check().run()
    assert not at.button(key="upload.confirm").disabled
    assert folder_hashes(data_dir) == before


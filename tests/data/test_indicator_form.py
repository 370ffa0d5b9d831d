"""A new indicator described on the upload page: checked with messages in the reader's language, imported with its
values into a new source folder, shown by the dashboard's queries, and removed with its values by undo."""

from lnb_dash.data import history
from lnb_dash.data.importer import import_file
from lnb_dash.data.indicator_form import indicator_id, new_indicator
from lnb_dash.query import db, indicators

FIELDS = {"name_sq": "Familje që marrin ndihmë ekonomike", "name_en": "Families receiving economic assistance",
          "unit_sq": "familje", "unit_en": "families", "definition_sq": "Familje që marrin ndihmë ekonomike në fund të vitit.",
          "definition_en": "Families receiving economic assistance at the end of the year.", "kind": "count",
          "theme": "social_protection", "decimals": 0, "higher_is_better": None}
SOURCE = {"id": "test_ndihma_ekonomike", "title": "Synthetic test table", "publisher": "Test suite", "license": "CC0-1.0",
          "reference_date": "2024"}


def test_the_id_comes_from_the_english_name():
    assert indicator_id("Families receiving economic assistance") == "families_receiving_economic_assistance"


def test_missing_fields_are_named_in_albanian_and_in_english():
    _, _, problems = new_indicator({**FIELDS, "name_sq": " ", "kind": None, "decimals": 9}, [], "sq")
    assert problems == ["Shkruani emri në shqip.", "Zgjidhni llojin e treguesit (numër, normë, pjesë, madhësi ose kategori).",
                        "Numri i dhjetoreve duhet të jetë numër i plotë nga 0 deri në 4."]
    _, _, problems = new_indicator({**FIELDS, "definition_en": ""}, [], "en")
    assert problems == ["Write the definition in English."]
    _, _, problems = new_indicator(FIELDS, ["families_receiving_economic_assistance"], "sq")
    assert "Ekziston tashmë" in problems[0]


def test_a_new_indicator_from_the_form_is_imported_shown_and_undone_with_its_values(tmp_path, data_copy):
    data_dir, db_path = data_copy
    iid, definition, problems = new_indicator(FIELDS, [], "sq")
    assert not problems and definition["aggregate"] == "sum"
    path = tmp_path / "ndihma.csv"
    path.write_text("bashkia,viti,vlera\nBashkia Kamëz,2024,812\nkorca,2024,1204\nDIBER,2024,655\nFushe-Arrez,2024,97\nPustec,2024,41\n",
                    encoding="utf-8")
    import_file(path, iid, {"source": SOURCE, "indicator": definition}, data_dir, db_path, user="test")
    with db.connect(db_path) as con:
        meta = indicators.get_indicator(con, iid)
        assert meta.name["sq"] == "Familje që marrin ndihmë ekonomike" and meta.unit["en"] == "families"
        rows = dict(con.execute("SELECT area_code, value FROM observations WHERE indicator_id = ? AND area_level = 'municipality' AND status = 'value'",
                                [iid]).fetchall())
    assert rows == {"AL221": 812, "AL343": 1204, "AL112": 655, "AL151": 97, "AL346": 41}
    assert (data_dir / "sources" / SOURCE["id"] / "indicators.yml").exists()
    history.undo_import(SOURCE["id"], "test", data_dir, db_path)
    with db.connect(db_path) as con:
        assert con.execute("SELECT count(*) FROM indicators WHERE indicator_id = ?", [iid]).fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM observations WHERE indicator_id = ?", [iid]).fetchone()[0] == 0

"""The preview before an import: each written name and the place it resolved to, and whether a value is added or
replaces a stored one, in the page's language."""

import pandas as pd

from lnb_dash.data.importer import plan_import
from lnb_dash.model.import_preview import plausibility, preview_frame
from tests.pages.test_upload import META


def test_the_preview_names_each_written_place_and_says_what_is_replaced(tmp_path, read_only_data):
    data_dir, _ = read_only_data
    table = tmp_path / "t.csv"
    table.write_text("bashkia,viti,vlera\nkorca,2021,30\nFushe-Arrez,2021,1204\n", encoding="utf-8")
    plan = plan_import(table, "covid19_families_assisted", META, data_dir)
    existing = pd.DataFrame({"area_code": ["AL343"], "year": [2021], "breakdown": ["total"], "value": [28.0]})
    sq = preview_frame(table, plan, existing, data_dir, "sq")
    assert sq.to_dict("records") == [
        {"Rreshti": 2, "Si është shkruar në skedar": "korca", "Vendi": "Korçë", "Niveli": "Bashki", "Viti": "2021", "Vlera": "30",
         "Çfarë ndodh": "zëvendëson 28"},
        {"Rreshti": 3, "Si është shkruar në skedar": "Fushe-Arrez", "Vendi": "Fushë-Arrëz", "Niveli": "Bashki", "Viti": "2021",
         "Vlera": "1\xa0204", "Çfarë ndodh": "shtohet"}]
    en = preview_frame(table, plan, None, data_dir, "en")
    assert list(en.columns) == ["Row", "Written in the file", "Place", "Level", "Year", "Value", "What happens"]
    assert set(en["What happens"]) == {"added"}


def test_a_file_unlike_the_chosen_indicator_raises_doubts_to_confirm(tmp_path, read_only_data):
    data_dir, _ = read_only_data
    table = tmp_path / "t.csv"
    table.write_text("bashkia,viti,vlera\nkorca,2021,300\nBerat,2021,1204\n", encoding="utf-8")
    plan = plan_import(table, "covid19_families_assisted", META, data_dir)
    like = pd.DataFrame({"value": [500.0, 900.0]})
    assert plausibility(plan, like, "count", "sq") == []
    far = plausibility(plan, pd.DataFrame({"value": [40_000.0, 90_000.0]}), "count", "sq")
    assert far == ["Vlera e mesme e skedarit (752) është më shumë se 10 herë larg asaj të këtij treguesi (65\xa0000): "
                   "a është treguesi i duhur?"]
    counts = plausibility(plan, None, "rate", "en")
    assert counts == ["This indicator is a rate or a share, but the file has values up to 1,204: are these counts? Check the indicator chosen."]


def test_a_file_that_names_other_figures_than_the_chosen_indicator_asks_for_a_confirmation(tmp_path, read_only_data):
    """Disability counts uploaded as 'registered voters': the file's own 'treguesi' column shares no word with the
    indicator's name, so the page asks; a file naming the same figures in other forms ('familjet e asistuara') does not."""
    data_dir, _ = read_only_data
    table = tmp_path / "t.csv"
    table.write_text("bashkia,viti,vlera,treguesi\nkorca,2024,120,Persona me aftësi të kufizuar\nPustec,2024,14,Persona me aftësi të kufizuar\n",
                     encoding="utf-8")
    plan = plan_import(table, "local_registered_voters", META, data_dir)
    assert plan.named_as == ["Persona me aftësi të kufizuar"]
    doubts = plausibility(plan, None, "count", "sq")
    assert doubts == ["Skedari i quan shifrat e veta «Persona me aftësi të kufizuar», që nuk ka asnjë fjalë të përbashkët me treguesin "
                      "e zgjedhur, «Zgjedhës të regjistruar (vendore)»: a është treguesi i duhur?"]
    table.write_text("bashkia,viti,vlera,treguesi\nkorca,2021,300,familjet e asistuara\n", encoding="utf-8")
    assert plausibility(plan_import(table, "covid19_families_assisted", META, data_dir), None, "count", "sq") == []

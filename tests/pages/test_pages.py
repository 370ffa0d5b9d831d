"""Every page renders in both languages; deep links set the widgets; widgets write the URL."""

import re

import pandas as pd
import pytest

from lnb_dash import config
from lnb_dash.data.check import check_data
from tests.pages.helpers import open_page, texts

PAGES = ["overview", "map", "profile", "trends", "compare", "programme", "data"]


@pytest.fixture(autouse=True)
def _use_test_db(app_db):
    yield


@pytest.mark.parametrize("lang", ["sq", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_in_both_languages(page, lang):
    at = open_page(page, lang=lang)
    assert at.title, f"{page} has a title"
    assert at.query_params.get("lang") == lang
    assert boxes_in_streamlits_english(at) == []


def boxes_in_streamlits_english(at) -> list[str]:
    """The choice boxes that, when empty, would show Streamlit's own English placeholder ("Choose options", "Choose an
    option") instead of one in the page's language."""
    return [box.key for box in [*at.multiselect, *(b for b in at.selectbox if b.value is None)] if not box.placeholder]


def test_the_county_trends_choice_of_counties_says_choose_in_albanian():
    at = open_page("trends", level="county", lang="sq")
    assert at.multiselect(key="trends.areas").placeholder == "Zgjidhni qarqet"
    assert boxes_in_streamlits_english(at) == []


def _indicators_with_data() -> list[str]:
    coverage = check_data(config.DATA_DIR).coverage
    return sorted(coverage[coverage.level == "municipality"].indicator.unique())


@pytest.mark.parametrize("lang", ["sq", "en"])
@pytest.mark.parametrize("indicator", _indicators_with_data())
def test_map_renders_every_indicator(indicator, lang):
    at = open_page("map", indicator=indicator, lang=lang)
    assert at.selectbox(key="map.indicator").value == indicator
    assert at.header[0].value.endswith(str(at.selectbox(key="map.year").value))


def test_map_deep_link_sets_indicator_year_and_breakdown():
    at = open_page("map", indicator="local_turnout", year="2015", breakdown="female", lang="en")
    assert at.selectbox(key="map.indicator").value == "local_turnout"
    assert at.selectbox(key="map.year").value == 2015
    assert at.selectbox(key="map.breakdown").value == "female"
    assert at.header[0].value == "Turnout, local elections – Women, 2015"


def test_map_opens_on_a_well_covered_year_and_discloses_coverage():
    at = open_page("map", indicator="population", lang="en")
    assert at.selectbox(key="map.year").value == 2023
    assert "61 of 61 municipalities have data for 2023" in texts(at)
    at.selectbox(key="map.year").set_value(2011).run()
    assert "61 of 61 municipalities have data for 2011" in texts(at)
    assert at.query_params["year"] == "2011"


@pytest.mark.parametrize("lang, notice", [("sq", "Nuk ka të dhëna për 2019; po tregohet 2023."), ("en", "No data for 2019; showing 2023.")])
def test_a_map_link_to_a_year_without_data_says_so_and_links_the_years_with_data(lang, notice):
    at = open_page("map", indicator="population", year="2019", lang=lang)
    assert [w.value for w in at.warning] == [notice], "the notice stays after the map is drawn"
    links = [link for link in at.get("page_link") if link.proto.label in ("1989", "2001", "2011", "2023")]
    assert [link.proto.label for link in links] == ["1989", "2001", "2011", "2023"]
    assert at.query_params["year"] == "2023", "the address says what is shown"
    at.selectbox(key="map.year").set_value(2011).run()
    assert not at.warning, "a year picked in the page is not a substitution"


def test_an_unknown_indicator_offers_the_catalogue_by_theme_not_a_look_alike():
    at = open_page("map", indicator="unemployment", lang="en")
    labels = [link.proto.label for link in at.get("page_link")]
    assert "Population (census)" in labels and "Turnout, parliamentary elections" in labels
    assert "Demography" in texts(at)
    at = open_page("map", indicator="turnoutt", lang="en")
    assert [link.proto.label for link in at.get("page_link") if "Turnout" in link.proto.label] == [
        "Turnout, local elections", "Turnout, parliamentary elections"]


def test_changing_the_indicator_updates_the_url():
    at = open_page("map", lang="en")
    at.selectbox(key="map.indicator").set_value("parl_turnout").run()
    assert at.query_params["indicator"] == "parl_turnout" and at.query_params["year"] == "2017"


def test_map_table_matches_the_values_command():
    at = open_page("map", indicator="population", year="2011", lang="en")
    assert not at.dataframe, "the table is drawn only when its tab is open"
    at.session_state["map.tab"] = "Table"
    table = at.run().dataframe[0].value
    assert len(table) == 61 and table["Value"].sum() == 2_800_138
    assert table.iloc[0]["Municipality"] == "Tiranë" and table.iloc[0]["Rank"] == 1


def test_profile_deep_link_in_albanian_shows_korce_with_sources():
    at = open_page("profile", m="AL343", lang="sq")
    assert at.session_state["profile.m"] == "AL343" and at.query_params["m"] == "AL343"
    assert at.title[0].value == "Bashkia Korçë"
    text = texts(at)
    assert "Burimet:" in text and "Eurostat" in text
    assert "60\xa0754 (2023)" in text  # Albanian number format: a (non-breaking) space groups thousands
    assert re.search(r"e \d+-ta më e (ulët|lartë) nga \d+", " ".join(h.proto.body for h in at.get("html")))


def test_profile_refuses_an_unknown_code_instead_of_showing_another_municipality():
    at = open_page("profile", m="AL999", lang="en")
    assert "AL999" in at.error[0].value and [t.value for t in at.title] == ["Municipality profile"]


def test_language_switch_changes_labels():
    at = open_page("overview", lang="sq")
    assert at.title[0].value.startswith("Askush")
    at.radio(key="lang_switch").set_value("en").run()
    at.run()
    assert at.title[0].value.startswith("Leave No One Behind")


def test_trends_deep_link_and_table():
    at = open_page("trends", indicator="parl_voters", m="AL343,AL345", lang="en")
    assert at.multiselect(key="trends.m").value == ["AL343", "AL345"]
    assert at.query_params["m"] == "AL343,AL345"


def test_trends_indexed_mode_is_in_the_url():
    at = open_page("trends", lang="en")
    at.toggle(key="trends.indexed").set_value(True).run()
    assert at.query_params["indexed"] == "1"


def test_compare_shows_the_chosen_municipalities_side_by_side():
    at = open_page("compare", m="AL343,AL345,AL224", lang="en")
    table = at.dataframe[0].value
    assert {"Korçë", "Pogradec", "Tiranë", "Albania"} <= set(table.columns)


def test_compare_asks_for_two_municipalities():
    at = open_page("compare", m="AL343", lang="en")
    assert "at least 2" in at.info[0].value


def test_programme_shows_both_factsheets_and_the_change():
    at = open_page("programme", lang="en")
    table = at.dataframe[0].value
    row = table[table["Measure"] == "Municipalities with social care plans"].iloc[0]
    assert (row["2019"], row["2021"], row["Change"]) == ("11", "36", "+25")


@pytest.mark.parametrize("page", ["programme", "overview"])
def test_the_headline_results_come_first_with_their_source(page):
    at = open_page(page, lang="en")
    values = [m.value for m in at.metric]  # column by column: the ten headline results, then (overview) the 2019 → 2021 pairs
    assert values[0] == "193,000 persons" and {"14,858 persons", "15,872 persons", "63,630 persons"} <= set(values[:10])
    assert "193,000 vulnerable citizens" in at.metric[0].help and "Final programme page" in at.metric[0].help
    assert "Leave No One Behind" in texts(at)


def test_data_page_filters_and_offers_the_download():
    at = open_page("data", indicator="population", year="2023", status="not_reported", lang="en")
    table = at.dataframe[0].value
    assert (table["Breakdown"] == "Total").sum() == 0  # 58 × 5 by sex and age: 3 have those
    assert "Women" in set(table["Breakdown"])
    assert set(table["Value"]) == {"Not reported"}, "missing shows its status, never None"
    assert {"Unit", "Year", "Status", "Source", "License", "Publication (address)", "What it says", "Where this value was read",
            "Quality flag"} <= set(table.columns)
    assert set(table["Status"]) == {"Not reported"}


def test_data_page_names_its_columns_and_statuses_in_albanian():
    at = open_page("data", indicator="population", year="2023", status="not_reported", lang="sq")
    table = at.dataframe[0].value
    assert {"Njësia", "Viti", "Statusi", "Burimi", "Licenca", "Ndarja"} <= set(table.columns) and set(table["Statusi"]) == {"Pa të dhëna"}
    assert "nuk është në burim" in set(table["Shënim"]) and "not in the source" not in set(table["Shënim"])


def test_trends_name_counties_apart_from_their_seat():
    at = open_page("trends", indicator="parl_turnout", m="AL343", county="1", national="1", lang="en")
    with_table = at.expander[0].dataframe[0].value
    assert set(with_table[""]) == {"Korçë", "Korçë county", "Albania"}


def test_presentation_steps_forward_and_back_through_the_story():
    at = open_page("present", present="1", lang="en")
    assert at.title[0].value == "What the programme achieved: the headline results"
    assert any("<b>193,000</b>" in h.proto.body for h in at.get("html"))
    assert at.button(key="present.previous").disabled
    at.button(key="present.next").click().run()
    assert at.query_params["step"] == "2" and at.title[0].value == "What the programme reported: 2019 and 2021"
    at.button(key="present.next").click().run()
    assert at.query_params["step"] == "3" and at.subheader[0].value == "LNB priority municipality, 2019"
    at.button(key="present.previous").click().run()
    assert at.query_params["step"] == "2"


def test_presentation_deep_link_to_the_last_step():
    at = open_page("present", present="1", story="steering_committee", step="99", lang="sq")
    assert at.query_params["step"] == "5" and at.button(key="present.next").disabled
    assert at.subheader[0].value.startswith("Pjesëmarrja në zgjedhjet vendore – Gra, 2015")


def test_leaving_a_story_opens_the_steps_own_page_with_its_downloads():
    at = open_page("present", present="1", story="steering_committee", step="5", lang="en")
    leave = [link.proto for link in at.get("page_link") if link.proto.label == "Leave the presentation"]
    assert len(leave) == 1 and leave[0].page.endswith("map"), "the map of the last step, not the overview"
    assert "indicator=local_turnout" in leave[0].query_string and "breakdown=female" in leave[0].query_string


def test_the_default_story_is_the_configured_one_and_the_picker_lists_every_story():
    at = open_page("present", present="1", lang="en")
    assert at.query_params["story"] == config.DEFAULT_STORY
    picker = at.selectbox(key="present.story")
    assert picker.value == "steering_committee" and {"LNB: results and municipalities", "Example: every kind of step"} <= set(picker.options)
    picker.set_value("every_view").run()
    assert at.query_params["story"] == "every_view" and at.query_params["step"] == "1"
    assert at.title[0].value == "Population by county, 2023 census"


def test_an_unknown_story_says_so_and_lists_the_stories():
    at = open_page("present", present="1", story="nowhere", lang="en")
    assert "There is no story called 'nowhere'" in at.warning[0].value and "steering_committee" in at.warning[0].value
    assert not at.title


@pytest.mark.parametrize("step", range(1, 7))
def test_every_kind_of_step_presents(step):
    at = open_page("present", present="1", story="every_view", step=str(step), lang="sq")
    assert at.title and "Licenca" in texts(at)  # its whole source line


def test_present_on_a_page_presents_that_pages_own_view_with_its_story_step():
    at = open_page("present", present="1", view="trends", indicator="population_1jan", level="county", areas="AL-11", lang="en")
    assert at.query_params["view"] == "trends" and at.query_params["areas"] == "AL-11"
    assert "population_1jan" in at.code[0].value and "page: trends" in at.code[0].value
    assert at.button(key="present.next").disabled


def test_data_page_names_albania_in_the_chosen_language():
    at = open_page("data", indicator="population", year="2011", lang="en")
    table = at.dataframe[0].value
    assert table[table["Level"] == "Albania"]["Area"].tolist() == ["Albania"]


def test_map_page_sends_the_map_first_and_the_rest_once_the_map_is_drawn():
    at = open_page("map", map_drawn=False, indicator="population", year="2011", lang="en")
    assert at.header[0].value == "Population (census), 2011" and "Source:" in texts(at)
    assert not [s for s in at.selectbox if s.key == "map.indicator"]
    assert not at.get("vega_lite_chart") and not at.download_button
    at.session_state["map.folium.drawn"] = True
    at.run()
    assert at.selectbox(key="map.indicator").value == "population"
    assert at.get("vega_lite_chart") and at.download_button


def test_compare_takes_a_profile_and_its_five_similar_and_trims_longer_links():
    at = open_page("compare", m="AL221,AL343,AL345,AL224,AL111,AL112", lang="en")
    assert len(at.multiselect[0].value) == 6 and not at.warning
    at = open_page("compare", m="AL221,AL343,AL345,AL224,AL111,AL112,AL113", lang="en")
    assert len(at.multiselect[0].value) == 6 and "Up to 6" in at.warning[0].value


@pytest.mark.parametrize("spelling", ["korca", "Korça", "KORCE", "Bashkia e Korçës", "AL343"])
def test_a_profile_link_resolves_every_spelling_through_the_alias_table(spelling):
    at = open_page("profile", m=spelling, lang="sq")
    assert at.title[0].value == "Bashkia Korçë" and at.query_params["m"] == "AL343"


def test_a_profile_link_to_kamez_opens_kamez_not_tirane():
    at = open_page("profile", m="Bashkia Kamëz", lang="en")
    assert at.title[0].value == "Municipality Kamëz"


def test_an_unknown_place_shows_a_message_with_suggestions_and_no_other_profile():
    at = open_page("profile", m="Tirnaa", lang="en")
    assert "not a municipality we know" in at.error[0].value
    assert [t.value for t in at.title] == ["Municipality profile"], "no other municipality's profile is shown"
    at = open_page("profile", m="atlantis", lang="sq")
    assert "nuk është emër bashkie" in at.error[0].value and not any(t.value.startswith("Bashkia ") for t in at.title)


def test_a_trends_link_to_an_indicator_without_a_series_says_so():
    at = open_page("trends", indicator="local_turnout", lang="en")
    assert "one year only" in at.error[0].value
    at = open_page("trends", indicator="turnoutt", lang="en")
    assert "not an indicator we know" in at.error[0].value


def test_the_data_page_sends_one_page_of_rows_and_says_how_many_there_are():
    at = open_page("data", lang="en")
    assert len(at.dataframe[0].value) == 200, "a first visit stays light (about 105 KB of rows instead of 1.6 MB)"
    assert any(c.value.startswith("Rows 1–200 of ") and "hold them all" in c.value for c in at.caption)
    at.number_input(key="data.page").set_value(2).run()
    assert at.dataframe[0].value["Area code"].iloc[0] != "" and any(c.value.startswith("Rows 201–400 of ") for c in at.caption)


@pytest.mark.parametrize("lang, words", [("sq", "Gratë + burrat nuk japin totalin në 20 nga 61 bashki"),
                                         ("en", "Women + men do not add up to the total in 20 of 61 municipalities")])
def test_the_womens_voice_step_shows_the_sex_split_caveat(lang, words):  # step 5 since the story opens with the headline results
    at = open_page("present", present="1", step="5", lang=lang)
    assert words in texts(at)


def test_the_overview_says_how_current_the_data_is():
    at = open_page("overview", lang="sq")
    assert "Vlera më e re në çdo nivel: 2025" in texts(at) and "Baza e të dhënave u ndërtua më" in texts(at)
    at = open_page("overview", lang="en")
    assert "Newest municipal value: 2023" in texts(at) and "reference date 2023-09-18" in texts(at), "the municipal date on its own"
    assert "Newest value at any level: 2025" in texts(at)


def test_the_trend_chart_has_its_caveats_beside_it():
    at = open_page("trends", indicator="parl_turnout", m="AL343", lang="en")
    assert "Caveats:" in texts(at) and "2013: the election took place under the pre-2015 map" in texts(at)


@pytest.mark.parametrize("lang, mark, basis", [("en", "by 65 %", "Albania: not given: in 20 of 61 municipalities"),
                                               ("sq", "me 65 %", "Shqipëria: nuk jepet: në 20 nga 61 bashki")])
def test_womens_turnout_2015_marks_malesi_e_madhe_with_its_reason_and_does_not_rank_it(lang, mark, basis):
    at = open_page("map", indicator="local_turnout", year="2015", breakdown="female", lang=lang)
    legend = " ".join(h.proto.body for h in at.get("html"))
    assert basis in legend and "⚠" in legend
    at.session_state["map.tab"] = "Table" if lang == "en" else "Tabela"
    frame = at.run().dataframe[0].value
    table = frame.set_index(frame.columns[0])
    malesi = table.loc["Malësi e Madhe"]
    assert malesi.iloc[-1].startswith("⚠ ") and mark in malesi.iloc[-1]
    rank = table.columns[list(table.columns).index("Rank" if lang == "en" else "Renditja")]
    assert pd.isna(malesi[rank]) and table[rank].max() == 41

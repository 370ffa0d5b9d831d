"""County pages: the trends chart at county level and the county profile, in both languages, from links."""

import json

import pandas as pd
import pyarrow as pa
import pytest

from tests.pages.helpers import open_page, texts


@pytest.fixture(autouse=True)
def _use_test_db(app_db):
    yield


def _html(at) -> str:
    return "\n".join(h.proto.body for h in at.get("html"))


def _charts(at) -> list:
    return [c.proto for c in at.get("vega_lite_chart")]


def _rows(chart) -> pd.DataFrame:
    """The rows a chart draws (Streamlit sends them beside the spec, as Arrow)."""
    return pa.ipc.open_stream(chart.datasets[0].data.data).read_all().to_pandas()


def _spec(chart) -> dict:
    return json.loads(chart.spec)


def test_county_trends_draw_all_twelve_counties_with_the_chosen_ones_in_colour():
    at = open_page("trends", indicator="population_1jan", level="county", areas="AL-01,tirana", lang="en")
    assert [h.value for h in at.header][0] == "Population on 1 January (estimate) (persons) – Counties"
    main, albania = _charts(at)
    rows = _rows(main)
    assert rows.area_code.nunique() == 12 and set(rows[rows.legend != "Other counties"].area_code) == {"AL-01", "AL-11"}
    national = _rows(albania).set_index("year")
    assert national.loc[2023].line != national.loc[2025].line, "Albania's line is cut at the 2025 break"
    text = texts(at)
    assert "Break in series: the estimates up to 1 January 2023" in text and "2025: 2,363,314 persons (break in series)" in text
    assert at.query_params["areas"] == "AL-01,AL-11" and at.query_params["level"] == "county"
    labels = [b.proto.label for b in at.get("download_button")]
    assert "CSV" in labels


def test_county_trends_in_albanian_name_the_level_and_the_break():
    at = open_page("trends", indicator="population_1jan", level="county", lang="sq")
    assert [h.value for h in at.header][0].endswith("– Qarqe")
    assert "Ndërprerje e serisë:" in texts(at)
    assert set(_rows(_charts(at)[1]).marker) == {"ndërprerje e serisë"}, "the break's legend entry"


def test_census_trends_are_points_and_old_municipal_links_still_work():
    at = open_page("trends", indicator="population", level="county", lang="en")
    marks = {layer["mark"]["type"] for layer in _spec(_charts(at)[0])["layer"]}
    assert marks == {"point"}
    old = open_page("trends", indicator="parl_turnout", m="AL224,AL343", lang="en")
    assert [h.value for h in old.header][0] == "Turnout, parliamentary elections (%)" and "level" not in old.query_params


def test_an_unknown_county_in_a_trends_link_is_said_not_replaced():
    at = open_page("trends", indicator="population_1jan", level="county", areas="atlantis", lang="en")
    assert "“atlantis” is not a county we know" in at.error[0].value


def test_county_profile_from_any_spelling():
    at = open_page("profile", county="tirana", lang="en")
    assert at.title[0].value == "Tiranë County" and at.query_params["county"] == "AL-11"
    html = _html(at)
    assert "758,513 persons" in html and "highest of 12" in html and "3rd highest of 12" in html
    assert 'href="/profile?m=AL221&amp;lang=en"' in html, "its municipalities link to their profiles"
    assert "Census 2023 minus Census 2011, same boundaries" in html
    sq = open_page("profile", county="Qarku i Tiranës", lang="sq")
    assert sq.title[0].value == "Qarku i Tiranës" and "e 3-ta më e lartë nga 12" in _html(sq)


def test_an_unknown_county_gets_a_message_and_counties_to_choose_never_another_county():
    at = open_page("profile", county="atlantis", lang="en")
    assert "“atlantis” is not a county we know" in at.error[0].value
    links = [p.proto.label for p in at.get("page_link")]
    assert len(links) == 12 and "Tiranë (AL-11)" in links
    assert not list(at.header), "no county profile is shown"
    close = open_page("profile", county="tiranna", lang="en")
    assert [p.proto.label for p in close.get("page_link")] == ["Tiranë (AL-11)"]


def test_the_municipal_profile_shows_its_census_change_where_both_censuses_exist():
    at = open_page("profile", m="AL221", lang="en")
    html = _html(at)
    assert "−8,053" in html and "−7.7" in html and "Census 2023 minus Census 2011, same boundaries" in html
    rrogozhine = _html(open_page("profile", m="AL223", lang="en"))
    assert "−9,581" in rrogozhine, "Census 2023 for 61 of 61: Rrogozhinë's change is shown too"


@pytest.mark.parametrize("level", ["municipality", "county"])
def test_a_year_in_a_trends_link_is_named_as_not_chosen_and_linked_to_the_map(level):
    at = open_page("trends", indicator="parl_turnout", year="2019", level=level, lang="en")
    assert "This page has no choice of “year=2019”; it shows every year with data." in [w.value for w in at.warning]
    assert "year" not in at.query_params, "the address says what is shown"
    [link] = [link for link in at.get("page_link") if link.proto.label == "Open it on the map"]
    assert "map" in link.proto.page and "indicator=parl_turnout" in link.proto.query_string and "year=2019" in link.proto.query_string

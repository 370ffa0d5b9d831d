"""One values query for every level: the same columns and key for the 61 municipalities, 12 counties, 373 former units
and Albania."""

import pytest

from lnb_dash.query.indicators import UnknownIndicatorError
from lnb_dash.query.values import query_values, query_year_coverage


def test_values_always_has_61_rows_with_rank_of_those_with_data(con):
    values = query_values(con, "population", 2011)
    assert len(values) == 61
    tirana = values.set_index("area_code").loc["AL224"]
    assert tirana["rank"] == 1 and tirana.n_ranked == 61


def test_values_for_a_partial_year_rank_only_those_reported(con):
    values = query_values(con, "population", 2023, "female")  # Gramsh, Divjakë and Maliq only
    assert values.n_ranked.iloc[0] == 3 and values["rank"].isna().sum() == 58


def test_values_for_a_category_have_no_rank(con):
    assert query_values(con, "lnb_priority")["rank"].isna().all()


def test_unknown_indicator_and_breakdown_are_refused_before_sql(con):
    with pytest.raises(UnknownIndicatorError):
        query_values(con, "population; DROP TABLE observations")
    with pytest.raises(ValueError, match="breakdown"):
        query_values(con, "population", 2011, "children")


def test_values_carry_each_values_citation_and_caveat(con):
    values = query_values(con, "population", 2023).set_index("area_code")
    assert values.loc["AL153", "citation_url"].startswith("https://ja.wikipedia.org/") and "6,222" in values.loc["AL153", "note"]
    assert values.loc["AL214", "citation_title"].startswith("citypopulation.de")
    assert values.citation_url.notna().all()
    women = query_values(con, "population", 2023, "female").set_index("area_code")
    assert women.loc[["AL214", "AL321", "AL344"], "value"].tolist() == [8113, 12286, 15044]


def test_every_level_has_one_row_per_area_keyed_by_area_code_with_ranks_within_the_level(con):
    counties = query_values(con, "parl_turnout", 2017, level="county")
    assert len(counties) == 12 and counties.area_code.str.match(r"^AL-\d\d$").all() and set(counties.area_level) == {"county"}
    assert counties.n_ranked.iloc[0] == 12 and sorted(counties["rank"].dropna()) == list(range(1, 13))
    assert counties.computed.all(), "the county turnouts are sums of complete municipalities, and say so"
    units = query_values(con, "parl_turnout", 2017, level="former_unit").set_index("area_code")
    assert len(units) == 373 and units.loc["AL22102", ["name", "lau_code", "municipality"]].tolist() == ["Paskuqan", "AL221", "Kamëz"]
    municipalities = query_values(con, "parl_turnout", 2017)
    assert list(municipalities.columns) == list(counties.columns) == list(units.reset_index().columns)
    assert (municipalities.area_code == municipalities.lau_code).all(), "a municipality lies in itself"
    national = query_values(con, "parl_turnout", 2017, level="national")
    assert national.area_code.tolist() == ["AL"] and national.status.tolist() == ["value"]


def test_areas_sharing_a_name_are_labelled_with_their_municipality(con):
    units = query_values(con, "parl_turnout", 2017, level="former_unit")
    assert units.label.is_unique and units.name.nunique() < 373
    qender = units[units.name == "Qendër"]
    assert len(qender) > 1 and "Qendër (Librazhd)" in set(qender.label)
    assert (units[units.name.map(units.name.value_counts()) == 1].label == units[units.name.map(units.name.value_counts()) == 1].name).all()
    assert (query_values(con, "population", 2011).label == query_values(con, "population", 2011).name).all()


def test_the_latest_year_is_the_levels_own(con):
    assert set(query_values(con, "population_1jan", level="county").year) == {query_year_coverage(con, "population_1jan", level="county").year.max()}
    with pytest.raises(ValueError, match="no data by municipality"):
        query_values(con, "population_1jan")
    with pytest.raises(ValueError, match="unknown level"):
        query_values(con, "population", 2011, level="district")


def test_values_carry_a_flag_in_the_requested_language_and_where_the_value_was_read(con):
    values = query_values(con, "population", 2023)
    assert {"flag", "read_at_url"} <= set(values.columns)
    english = query_values(con, "population", 2023, lang="en")
    assert list(english.columns) == list(values.columns)

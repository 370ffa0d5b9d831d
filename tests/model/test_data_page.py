"""The data page's model: every observation downloadable with its source and citation, missing values empty (never 0),
the table's headings and codes in the reader's language, and coverage as 'areas with a value / areas' per level."""

import pytest

from lnb_dash.model import data_page
from lnb_dash.query import indicators


@pytest.fixture(scope="module")
def population_2023(con):
    return indicators.query_observations(con, "population", 2023)


def test_the_download_names_each_area_and_its_source_and_leaves_missing_values_empty(population_2023):
    download = data_page.observations_download(population_2023, "sq")
    albania = download.set_index("area_code").loc["AL"]
    assert (albania.area, albania.value, albania.unit, albania.status) == ("Shqipëria", 2402113, "banorë", "value")
    assert albania.citation_url.startswith("https://") and albania.source.startswith("Popullsia sipas Censusit 2023")
    missing = download[download.status == "not_reported"]
    assert len(download[(download.level == "municipality") & (download.breakdown == "total") & (download.status == "value")]) == 61
    assert len(missing) > 0 and missing.value.isna().all()


def test_the_download_keeps_stable_column_names_in_both_languages(population_2023):
    columns = [list(data_page.observations_download(population_2023, lang).columns) for lang in ("sq", "en")]
    assert columns[0] == columns[1] and {"area_code", "value", "status", "flag", "source", "licence", "citation_url"} <= set(columns[0])


def test_the_table_on_the_page_speaks_albanian(population_2023):
    shown = data_page.observations_display(data_page.observations_download(population_2023, "sq"), "sq")
    first = shown[shown["Kodi i zonës"] == "AL"].iloc[0]
    assert (first["Niveli"], first["Ndarja"], first["Statusi"], first["Njësia"]) == ("Shqipëria", "Gjithsej", "Vlerë", "banorë")
    assert "Pa të dhëna" in set(shown["Statusi"])


def test_coverage_counts_areas_with_a_value_out_of_the_levels_areas(con):
    table = data_page.coverage_by_level_table(indicators.query_coverage_by_level(con), indicators.list_indicators(con), "en")
    population = table[table.Indicator == "Population (census)"].set_index("Level")
    assert population.loc["Municipalities", "2023"] == "61/61" and population.loc["Municipalities", "2011"] == "61/61"
    assert population.loc["Counties", "Latest year with data"] == "2023"
    assert list(table.columns[:3]) == ["Indicator", "Level", "Latest year with data"]


def test_each_indicator_says_its_latest_year_per_level(con):
    table = data_page.coverage_by_level_table(indicators.query_coverage_by_level(con), indicators.list_indicators(con), "en")
    latest = table.set_index(["Indicator", "Level"])["Latest year with data"]
    assert latest[("Population (census)", "Municipalities")] == "2023"
    assert latest[("Turnout, parliamentary elections", "Municipalities")] == "2017"

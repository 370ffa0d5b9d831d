"""What the computed caveats read: how an indicator aggregates, its years, its name, and how often its sex split fails
to add up to the total."""

from lnb_dash.query import caveats


def test_a_rate_names_the_count_behind_it_and_a_count_sums(con):
    kind, rule = caveats.aggregation(con, "local_turnout")
    assert kind == "rate" and rule["ratio"]["numerator"] == "local_voters"
    assert caveats.aggregation(con, "population") == ("count", "sum")
    assert caveats.aggregation(con, "no_such_indicator") is None


def test_years_are_every_year_with_an_observation_in_order(con):
    assert caveats.indicator_years(con, "population") == [1989, 2001, 2011, 2023]
    assert caveats.indicator_years(con, "local_turnout") == [2015]
    assert caveats.indicator_years(con, "no_such_indicator") == []


def test_the_count_is_named_in_the_readers_language(con):
    assert caveats.indicator_name(con, "population", "sq") == "Popullsia (census)"
    assert caveats.indicator_name(con, "population", "en") == "Population (census)"
    assert caveats.indicator_name(con, "no_such_indicator", "en") is None


def test_the_2015_voters_split_is_flagged_in_20_of_61_municipalities(con):
    assert caveats.sex_split_counts(con, "local_voters", 2015) == (61, 20)


def test_the_2023_census_split_of_the_three_municipalities_with_one_adds_up(con):
    assert caveats.sex_split_counts(con, "population", 2023) == (3, 0)
    assert caveats.sex_split_counts(con, "population", 2011) == (0, 0)

"""The LNB programme tables: the results of both factsheets, facts by area, and the priority list resolved to codes."""

from lnb_dash.query import programme


def test_every_result_has_both_factsheet_years_and_its_change(con):
    results = programme.query_programme_results(con).set_index("measure")
    assert len(results) == 9 and set(results.year_before) == {2019} and set(results.year_after) == {2021}
    plans = results.loc["municipalities_social_care_plans"]
    assert (plans.value_before, plans.value_after, plans.change) == (11, 36, 25)


def test_the_long_results_have_one_row_per_measure_and_factsheet(con):
    long = programme.query_programme_results_long(con)
    assert len(long) == 18 and all(sorted(years.astype(int)) == [2019, 2021] for _, years in long.groupby("measure").year)
    staff = long[long.measure == "staff_trained"].value.tolist()
    assert staff == [839, 5700]


def test_the_24_priority_municipalities_are_the_factsheets_names_resolved_to_codes(con):
    codes = programme.list_priority_codes(con)
    resolution = programme.query_priority_resolution(con).set_index("name_in_factsheet")
    assert len(codes) == 24 and set(resolution.lau_code) == codes
    assert resolution.loc["Fushë-Krujë", "lau_code"] == "AL122" and resolution.loc["Fushë-Krujë", "resolved_name"] == "Krujë"


def test_facts_of_one_area_are_only_that_areas(con):
    permet = programme.query_programme_facts(con, "AL335")
    assert len(permet) == 4 and set(permet.area_code) == {"AL335"} and permet.url.str.startswith("https://").all()
    assert programme.query_programme_facts(con, "AL999").empty
    assert len(programme.query_programme_facts(con)) == 17

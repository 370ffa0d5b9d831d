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


def test_every_figure_of_both_documents_is_there_with_its_words_and_document(con):
    figures = programme.query_programme_figures(con)
    assert len(figures) == 48 and figures.as_stated.str.len().gt(0).all()
    by_doc = figures.groupby("year").value.apply(set)
    assert {193_000, 14_858, 15_872, 1_900, 5_700, 4_900, 15_266, 63_630, 61, 17} <= by_doc[2021]
    assert {230, 5_668, 166, 300, 190, 67, 68} <= by_doc[2019]
    assert set(figures.document) == {"final programme page (results to the programme's end, 2021)",
                                     "2019-2020 factsheet (results after the programme's second year, to mid-2019)"}


def test_the_headline_results_come_first_in_the_final_pages_order(con):
    figures = programme.query_programme_figures(con)
    assert figures.value.head(3).tolist() == [193_000, 14_858, 15_872]
    assert figures.headline.head(10).tolist() == list(range(1, 11)) and figures.headline.iloc[10:].isna().all()


def test_each_pair_of_figures_is_a_programme_result(con):
    figures = programme.query_programme_figures(con)
    pairs = figures[figures.measure != ""].groupby("measure").value.apply(sorted).to_dict()
    results = programme.query_programme_results(con).set_index("measure")
    assert pairs == {m: sorted([r.value_before, r.value_after]) for m, r in results.iterrows()}

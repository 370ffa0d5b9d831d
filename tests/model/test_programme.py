"""The programme's results: the two factsheets' years come from the data, the change between them in words."""

from lnb_dash.model import programme
from lnb_dash.query.programme import query_programme_results


def test_the_factsheets_years_come_from_the_data(con):
    results = query_programme_results(con)
    assert programme.factsheet_years(results) == (2019, 2021)
    row = results.set_index("measure").loc["municipalities_social_care_plans"]
    assert (row.value_before, row.value_after, row.change) == (11, 36, 25)


def test_the_overview_headlines_say_the_change_since_the_earlier_factsheet(con):
    headlines = {h.label: h for h in programme.headlines(query_programme_results(con), "en")}
    plans = headlines["Municipalities with social care plans"]
    assert (plans.value, plans.change) == ("36", "+25 (as of 2019: 11)")
    sq = {h.label: h for h in programme.headlines(query_programme_results(con), "sq")}
    assert sq["Punonjës vendorë të trajnuar"].change == "+4\u00a0861 (deri në 2019: 839)"

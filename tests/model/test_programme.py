"""The programme page's model: the 2019 and 2021 results side by side with their change and the documents' own
words, the 24 priority municipalities, and facts worded and formatted in the reader's language."""

import pandas as pd
import pytest

from lnb_dash.model import programme
from lnb_dash.query.programme import list_priority_codes, query_programme_facts, query_programme_results


@pytest.fixture(scope="module")
def results(con):
    return query_programme_results(con)


def test_each_measure_has_both_years_its_change_and_the_documents_words(results):
    table = programme.programme_table(results, "en").set_index("Measure")
    row = table.loc["Municipalities with social care plans"]
    assert (row["2019"], row["2021"], row["Change"]) == ("11", "36", "+25")
    assert row["As stated (2021)"].startswith("36 municipalities supported")


def test_the_albanian_table_formats_numbers_the_albanian_way(results):
    table = programme.programme_table(results, "sq")
    assert "Bashki me plane të kujdesit social" in set(table.iloc[:, 0])
    staff = table[table.iloc[:, 0] == "Punonjës vendorë të trajnuar"].iloc[0]
    assert (staff["2019"], staff["2021"]) == ("839", "5\u00a0700")  # a no-break space between thousands


def test_the_priority_municipalities_are_24_municipal_codes(con):
    codes = list_priority_codes(con)
    assert len(codes) == 24 and all(len(code) == 5 and code.startswith("AL") for code in codes)


@pytest.mark.parametrize("lang, expected", [("sq", ("Shpenzimet qendrore për mbrojtjen sociale, jo në para", "2017", "900 milionë lekë")),
                                            ("en", None)])
def test_a_fact_is_named_dated_and_given_with_its_unit(con, lang, expected):
    facts = query_programme_facts(con)
    fact = next(f for f in facts.itertuples() if f.fact == "central_non_cash_social_protection_expenditure")
    name, period, value = programme.fact_text(fact, lang)
    if expected:
        assert (name, period, value) == expected
    else:
        assert period == "2017" and value.startswith("900 ") and "_" not in name


def test_a_text_value_is_given_in_albanian_where_the_data_has_it_and_a_share_keeps_its_percent_sign():
    fact = pd.Series({"fact": "unnamed_fact", "period": "2019", "value": "more than 95", "unit": "%", "period_sq": "", "value_sq": "më shumë se 95"})
    fact = type("Fact", (), fact.to_dict())
    assert programme.fact_text(fact, "sq") == ("unnamed fact", "2019", "më shumë se 95\u00a0%")
    assert programme.fact_text(fact, "en")[2] == "more than 95\u00a0%"


def test_the_factsheets_years_come_from_the_data(results):
    assert programme.factsheet_years(results) == (2019, 2021)
    row = results.set_index("measure").loc["municipalities_social_care_plans"]
    assert (row.value_before, row.value_after, row.change) == (11, 36, 25)


def test_the_overview_headlines_say_the_change_since_the_earlier_factsheet(results):
    plans = {h.label: h for h in programme.headlines(results, "en")}["Municipalities with social care plans"]
    assert (plans.value, plans.change) == ("36", "+25 (as of 2019: 11)")
    sq = {h.label: h for h in programme.headlines(results, "sq")}
    assert sq["Punonjës vendorë të trajnuar"].change == "+4\u00a0861 (deri në 2019: 839)"


def test_the_headline_figures_are_worded_and_formatted_in_each_language(con):
    from lnb_dash.query.programme import query_programme_figures

    figures = query_programme_figures(con)
    first_en = programme.programme_figures(figures, "en", headline_only=True)[0]
    first_sq = programme.programme_figures(figures, "sq", headline_only=True)[0]
    assert (first_en.value, first_en.unit, first_en.document) == ("193,000", "persons", "Final programme page (results to 2021)")
    assert "193,000 vulnerable citizens" in first_en.stated
    assert (first_sq.value, first_sq.unit) == ("193\u00a0000", "persona") and first_sq.label.startswith("Qytetarë")
    assert len(programme.programme_figures(figures, "sq", headline_only=True)) == 10


def test_the_table_of_every_figure_names_its_document_in_albanian(con):
    from lnb_dash.query.programme import query_programme_figures

    table = programme.figures_table(query_programme_figures(con), "sq")
    assert len(table) == 48 and set(table["Dokumenti"]) == {"Fletëpalosja 2019-2020 (rezultatet deri në mesin e 2019)",
                                                           "Faqja përfundimtare e programit (rezultatet deri në 2021)"}

"""Labels and numbers follow the language."""

from types import SimpleNamespace

import pytest

from lnb_dash import i18n


def test_albanian_numbers_use_a_space_and_a_decimal_comma():
    assert i18n.format_number(1234.5, 1, "sq") == "1\u00a0234,5"
    assert i18n.format_number(1234.5, 1, "en") == "1,234.5"


def test_missing_is_a_dash_never_zero():
    meta = SimpleNamespace(kind="count", decimals=0, unit={"sq": "banorë", "en": "persons"}, categories={})
    assert i18n.format_value(None, meta, "en") == "–"
    assert i18n.format_value(float("nan"), meta, "sq") == "–"


def test_percentages_and_categories():
    rate = SimpleNamespace(kind="rate", decimals=1, unit={"sq": "%", "en": "%"}, categories={})
    assert i18n.format_value(41.52, rate, "sq") == "41,5\u00a0%"
    cat = SimpleNamespace(kind="category", decimals=0, unit={"sq": "po/jo", "en": "yes/no"}, categories={1: {"sq": "Po", "en": "Yes"}})
    assert i18n.format_value(1.0, cat, "sq") == "Po"


@pytest.mark.parametrize("n, text", [(1, "1st"), (2, "2nd"), (3, "3rd"), (11, "11th"), (22, "22nd"), (57, "57th")])
def test_english_ordinals(n, text):
    assert i18n.ordinal(n, "en") == text


def test_albanian_ordinals_agree_with_the_value():
    assert (i18n.ordinal(1, "sq"), i18n.ordinal(9, "sq")) == ("e 1-ra", "e 9-ta")


def test_unknown_language_falls_back_to_albanian():
    assert i18n.normalize_lang("fr") == "sq" and i18n.t("year", "fr") == "Viti"


def test_albanian_templates_put_places_in_the_genitive():
    assert i18n.t("locator_alt", "sq", name="Kamëz", name_gen="Kamzës") == "Vendndodhja e Kamzës në Shqipëri"
    assert i18n.t("spine_caption", "sq", name="Shkodër", name_gen="Shkodrës").startswith("Treguesit e Shkodrës")
    assert i18n.t("locator_alt", "en", name="Kamëz", name_gen="Kamzës") == "Location of Kamëz in Albania"


def test_sources_read_in_albanian_where_they_give_it(con):
    from lnb_dash.query import indicators

    sq = i18n.localize_sources(indicators.list_sources(con), "sq").set_index("source_id")
    assert sq.loc["cec_elections", "publisher"].startswith("Komisioni Qendror i Zgjedhjeve")
    assert sq.loc["instat_population_1jan", "reference_date"] == "1 janari i çdo viti"
    en = i18n.localize_sources(indicators.list_sources(con), "en").set_index("source_id")
    assert en.loc["cec_elections", "publisher"].startswith("Central Election Commission")


def test_every_shipped_source_has_its_texts_in_albanian(con):
    from lnb_dash.query import indicators

    sources = indicators.list_sources(con)
    for column in ("title", "description", "publisher", "license"):
        assert sources[f"{column}_sq"].notna().all(), column
    assert sources[sources.caveats != ""].caveats_sq.notna().all()


def test_programme_facts_are_named_and_formatted_in_both_languages(con):
    from lnb_dash.model import programme
    from lnb_dash.query.programme import query_programme_facts

    facts = query_programme_facts(con, "AL").set_index("fact", drop=False)
    funding = next(facts.loc[["lnb_phase1_sdc_funding"]].itertuples())
    assert programme.fact_text(funding, "sq") == ("Financimi nga SDC për fazën 1 të LNB", "2017-06-01/2021-12-31", "8\u00a0000\u00a0000 CHF")
    assert programme.fact_text(funding, "en")[2] == "8,000,000 CHF"
    devoll = next(query_programme_facts(con, "AL341").itertuples())
    name, period, value = programme.fact_text(devoll, "sq")
    assert name == "Marrëveshje granti e LNB2" and "data nuk jepet në faqe" in period and value.startswith("një nga 12 marrëveshjet")

"""Caveats beside the numbers, in both languages: a sex split that does not add up, a source's caveats for the year shown,
a value's own caveat."""

from lnb_dash.model import caveats
from lnb_dash.model import map as map_model
from lnb_dash.query import indicators
from lnb_dash.query.values import query_values


def test_the_2015_sex_split_of_turnout_says_it_does_not_add_up_in_20_municipalities(con):
    sources = indicators.list_sources(con)
    en = caveats.indicator_caveats(con, sources, "local_turnout", ["cec_elections"], "en", 2015)
    sq = caveats.indicator_caveats(con, sources, "local_turnout", ["cec_elections"], "sq", 2015)
    assert en[0].startswith("Women + men do not add up to the total in 20 of 61 municipalities (2015")
    assert sq[0].startswith("Gratë + burrat nuk japin totalin në 20 nga 61 bashki (2015")
    assert any(c.startswith("2015: female + male voters") for c in en) and any(c.startswith("2015: votueset gra") for c in sq)


def test_the_sex_split_caveat_and_the_builds_flags_are_one_rule_on_the_2015_data(con):
    from lnb_dash import names
    from lnb_dash.data import flags

    obs = con.execute("SELECT * FROM observations").df()
    catalogue = con.execute("SELECT * FROM indicators").df()
    voters = obs[(obs.indicator_id == "local_voters") & (obs.year == 2015) & (obs.area_level == "municipality")]
    wide = voters.pivot_table(index="area_code", columns="breakdown", values="value")
    gap = (wide.female + wide.male - wide.total).abs() / wide.total
    stated = set(gap[gap > flags.SEX_SPLIT_TOLERANCE].index)  # the rule as the README states it: more than 5 %
    built = flags.sex_split_flags(obs, catalogue)
    built = set(built[(built.indicator_id == "local_voters") & (built.year == 2015)].area_code)
    shipped = set(obs[(obs.indicator_id == "local_turnout") & (obs.year == 2015) & (obs.breakdown == "female") & obs.flag_en.notna()].area_code)
    assert len(stated) == 20 and stated == built == shipped
    assert names.load_resolver().resolve("Malësi e Madhe").code in shipped
    for indicator in ("local_voters", "local_turnout"):  # the caveat counts the same 20
        assert caveats.sex_split_gap(con, indicator, 2015)[:2] == (20, 61)
    assert "more than 5 %" in caveats.sex_split_caveats(con, "local_turnout", "en", 2015)[0]
    assert "mbi 5 %" in caveats.sex_split_caveats(con, "local_turnout", "sq", 2015)[0]


def test_a_caveat_about_another_year_is_left_out():
    assert caveats.caveat_years("2015: women + men …") == {2015} and caveats.caveat_years("Percentages are as published") == set()
    assert caveats.caveat_years("2013 and 2017: …") == {2013, 2017}


def test_the_2017_turnout_has_no_2013_or_2015_caveat(con):
    found = caveats.indicator_caveats(con, indicators.list_sources(con), "parl_turnout", ["cec_elections"], "en", 2017)
    assert found and not any(c.startswith(("2013", "2015")) for c in found)


def test_a_value_has_its_own_caveat_only_when_its_note_is_written_in_both_languages():
    assert caveats.value_caveat("Besueshmëri mesatare | Medium confidence", "en") == "Medium confidence"
    assert caveats.value_caveat("Besueshmëri mesatare | Medium confidence", "sq") == "Besueshmëri mesatare"
    assert caveats.value_caveat("computed: sum of 61 municipalities", "en") is None and caveats.value_caveat(None, "sq") is None


def test_himare_and_vau_i_dejes_are_marked_in_the_map_table_and_the_shkoder_20_is_retired(con):
    meta = indicators.get_indicator(con, "population")
    values = query_values(con, "population", 2023)
    table = map_model.values_table(values, meta, "sq").set_index("Bashkia")
    assert table.loc["Himarë", "Kujdes"].startswith("⚠ Besueshmëri mesatare")
    assert table.loc["Vau i Dejës", "Kujdes"].startswith("⚠ Besueshmëri mesatare; vlerë e korrigjuar")
    assert table.loc["Shkodër", "Kujdes"] == "" and table.loc["Tiranë", "Kujdes"] == ""


def test_the_builds_provenance_notes_read_in_albanian():
    assert caveats.note_text("computed: sum of 61 municipalities", "sq") == "llogaritur: shuma e 61 bashkive"
    assert caveats.note_text("not in the source", "sq") == "nuk është në burim"
    assert caveats.note_text("Besueshmëri mesatare | Medium confidence", "sq") == "Besueshmëri mesatare"
    assert caveats.note_text("static/js/data/turnout/turnout2015bas.geojson", "sq") == "static/js/data/turnout/turnout2015bas.geojson"


def test_the_downloads_metadata_carries_the_sex_split_caveat(con):
    from lnb_dash.render import exports

    meta = exports.metadata_frame(con, ["local_turnout"], "sq").set_index("indicator_id")
    assert "Gratë + burrat nuk japin totalin në 20 nga 61 bashki (2015" in meta.loc["local_turnout", "caveats"]
    assert "2015: votueset gra" in meta.loc["local_turnout", "caveats"]


def test_a_short_caveat_is_its_first_sentence_marked_and_never_longer_than_the_limit():
    from lnb_dash.model.caveats import short_caveats

    assert short_caveats(["2023: 52 of 61 values. The rest are missing."]) == ["⚠ 2023: 52 of 61 values."]
    [long] = short_caveats(["x" * 300], limit=50)
    assert long.startswith("⚠ ") and long.endswith("…") and len(long) == 52

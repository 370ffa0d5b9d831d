"""What the downloads read besides the values: every source behind an indicator with what a reader needs to cite it and
the terms it may be reused under, in both languages, and whole tables for the data package."""

import pytest

from lnb_dash.query import exports


@pytest.fixture(scope="module")
def all_ids(con):
    return con.execute("SELECT indicator_id FROM indicators").df().indicator_id.tolist()


@pytest.mark.parametrize("lang", ["sq", "en"])
def test_every_indicators_sources_carry_a_license_and_a_citation(con, all_ids, lang):
    meta = exports.query_source_metadata(con, all_ids, lang)
    assert set(meta.indicator_id) == set(all_ids)
    for column in ("name", "unit", "source", "publisher", "license", "url", "retrieved"):
        assert meta[column].notna().all() and (meta[column].astype(str).str.strip() != "").all(), column
    assert meta.url.str.startswith("http").all()


def test_the_census_is_cited_from_all_three_sources_and_in_albanian_for_albanian_readers(con):
    en = exports.query_source_metadata(con, ["population"], "en")
    sq = exports.query_source_metadata(con, ["population"], "sq")
    assert len(en) == len(sq) == 3 and set(en.name) == {"Population (census)"} and set(sq.unit) == {"banorë"}
    assert "© European Union, Eurostat" in " ".join(en.license) and "© Bashkimi Evropian, Eurostat" in " ".join(sq.license)


def test_no_indicator_asked_gives_no_rows(con):
    assert exports.query_source_metadata(con, [], "en").empty


def test_the_data_package_reads_whole_tables_in_order_and_skips_missing_ones(con):
    tables = exports.read_tables(con, ("sources", "no_such_table", "municipalities"))
    assert list(tables) == ["sources", "municipalities"] and len(tables["municipalities"]) == 61

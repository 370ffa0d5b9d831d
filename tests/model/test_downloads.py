"""Every view's CSV reads as data (issue 21): numbers as numbers rounded to the indicator's decimals, counts without
'.0', and unit, status, flag, licence and citation columns; notes in words, never a repository file path."""

import io

import pandas as pd
import pytest

from lnb_dash.model import compare, data_page, downloads, trends
from lnb_dash.model import map as map_model
from lnb_dash.model.address import MapView
from lnb_dash.query import indicators
from lnb_dash.query.values import query_values
from lnb_dash.render import exports

COLUMNS = {"value", "unit", "status", "flag", "licence", "note", "citation_url", "read_at_url"}


def parsed(frame: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    data = exports.to_csv_bytes(frame)
    return pd.read_csv(io.BytesIO(data), encoding="utf-8-sig"), data.decode("utf-8-sig")


def views(con) -> dict[str, pd.DataFrame]:
    sources = indicators.list_sources(con)
    profiles = {code: indicators.query_profile(con, code) for code in ("AL343", "AL221")}
    series = indicators.query_timeseries(con, "parl_voters", ["AL343", "AL221", "AL"], "total")
    meta = indicators.get_indicator(con, "local_turnout")
    return {
        "profile": compare.profile_download(profiles["AL343"], "AL343", "Korçë", "en", sources),
        "compare": compare.compare_download(profiles, {"AL343": "Korçë", "AL221": "Kamëz"}, "en", sources),
        "trends": trends.trend_download(series, indicators.get_indicator(con, "parl_voters"), "en", sources),
        "map": map_model.values_download(query_values(con, "local_turnout", 2015), meta, "en", sources,
                                         MapView(indicator="local_turnout", year=2015)),
    }


@pytest.mark.parametrize("view", ["profile", "compare", "trends", "map"])
def test_a_views_csv_parses_into_numbers_with_unit_status_flag_and_licence(con, view):
    frame, text = parsed(views(con)[view])
    assert set(frame.columns) >= COLUMNS
    assert pd.api.types.is_numeric_dtype(frame.value), "numbers, not '106,524 voters'"
    assert frame.licence.notna().all() and frame.unit.notna().all() and frame.status.notna().all()
    assert not frame.note.dropna().str.contains(r"\w/\w", regex=True).any(), "notes are sentences, not repository file paths"
    assert ".0," not in text, "counts without .0"


def test_rates_are_rounded_to_the_indicators_decimals_and_counts_are_integers(con):
    frames = views(con)
    turnout = frames["map"].value.dropna()
    assert (turnout == turnout.round(1)).all() and turnout.dtype.kind == "f"
    voters = frames["trends"].value
    assert voters.dtype.name == "Int64"
    assert "47.83003323082689" not in parsed(frames["compare"])[1]


def test_a_values_flag_and_where_it_was_read_pass_through_when_the_values_query_gives_them():
    frame = pd.DataFrame({"note": ["static/js/data/turnout/turnout2015bas.geojson"], "flag": ["women + men differ from all voters by 65 %"],
                          "read_at_url": ["https://mirror.example/page"]})
    columns = downloads.value_columns(frame, "sq")
    assert columns["flag"].tolist() == ["⚠ women + men differ from all voters by 65 %"]
    assert columns["read_at_url"].tolist() == ["https://mirror.example/page"]
    assert columns["note"].tolist() == ["Lexuar nga skedari i të dhënave të burimit turnout2015bas.geojson."]
    assert downloads.numbers(pd.Series([140956.0, None]), 0).tolist() == [140956, pd.NA]


def test_the_data_page_shows_missing_as_its_status_never_none(con):
    catalogue = indicators.list_indicators(con)
    download = data_page.observations_download(indicators.query_observations(con, "population", 2023), "en",
                                               dict(zip(catalogue.indicator_id, catalogue.decimals)))
    shown = data_page.observations_display(download, "en")
    assert "None" not in shown.astype(str).to_numpy().ravel().tolist()
    missing = shown[download.status == "not_reported"]
    assert len(missing) and set(missing["Value"]) == {"Not reported"}
    assert download.value.dtype.name == "Int64", "population counts without .0"

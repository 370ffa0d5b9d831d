"""Downloads open cleanly and say where their numbers come from; no cell can run as a formula."""

import io
import json
import zipfile

import pandas as pd
from openpyxl import load_workbook

from lnb_dash.cli import values_table
from lnb_dash.render import exports


def test_csv_has_a_bom_keeps_albanian_letters_and_leaves_missing_empty():
    data = exports.to_csv_bytes(pd.DataFrame({"name": ["Korçë", "Vlorë"], "value": [1.5, None]}))
    assert data.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert back.name.tolist() == ["Korçë", "Vlorë"] and pd.isna(back.value[1])


def test_formula_injection_survives_as_text_in_csv():
    frame = pd.DataFrame({"note": ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "plain"], "value": [-1, 2, 3, 4, 5]})
    back = pd.read_csv(io.BytesIO(exports.to_csv_bytes(frame)), encoding="utf-8-sig")
    assert back.note.tolist() == ["'=HYPERLINK(\"http://x\")", "'+1", "'-2+3", "'@SUM(A1)", "plain"]
    assert back.value.tolist() == [-1, 2, 3, 4, 5]  # negative numbers stay numbers


def test_xlsx_has_the_shown_values_and_a_metadata_sheet(con):
    table = values_table(con, "population", 2023, "total")
    workbook = load_workbook(io.BytesIO(exports.to_xlsx_bytes(table, exports.metadata_frame(con, ["population"], "en"))))
    assert workbook.sheetnames == ["data", "metadata"]
    data = pd.DataFrame(list(workbook["data"].values)[1:], columns=list(workbook["data"].values)[0])
    assert len(data) == 61 and (data.status == "value").all()
    assert data.value.replace("", None).dropna().astype(float).sum() == pd.to_numeric(table.value, errors="coerce").sum()
    metadata = "\n".join(str(c) for row in workbook["metadata"].values for c in row)
    assert "Eurostat" in metadata and "CC BY-SA" in metadata.replace("Creative Commons Attribution-ShareAlike", "CC BY-SA")
    assert "OpenStreetMap" in metadata


def test_xlsx_keeps_a_formula_as_text():
    workbook = load_workbook(io.BytesIO(exports.to_xlsx_bytes(pd.DataFrame({"note": ["=1+1"]}), pd.DataFrame({"k": ["v"]}))))
    cell = workbook["data"]["A2"]
    assert cell.value == "=1+1" and cell.data_type == "s"


def test_the_data_package_validates_and_has_every_table_and_the_boundaries(con, tmp_path):
    from frictionless import validate

    with zipfile.ZipFile(io.BytesIO(exports.build_data_package(con))) as archive:
        archive.extractall(tmp_path)
    descriptor = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert {r["name"] for r in descriptor["resources"]} >= {"observations", "indicators", "sources", "municipalities"}
    assert (tmp_path / "geo" / "albania_municipalities.geojson").exists()
    assert "ODbL" in (tmp_path / "geo" / "README.md").read_text(encoding="utf-8")
    units = next(r for r in descriptor["resources"] if r["name"] == "former_units")
    assert units["licenses"][0]["name"] == "ODbL-1.0" and "crosswalk" in units["description"]
    crosswalk = pd.read_csv(tmp_path / "former_units.csv", dtype=str)
    assert len(crosswalk) == 373 and crosswalk.lau_code.nunique() == 61
    assert len(json.loads((tmp_path / "geo" / "albania_former_units.geojson").read_text(encoding="utf-8"))["features"]) == 373
    report = validate(tmp_path / "datapackage.json")
    assert report.valid, report.flatten(["type", "note"])[:5]


def test_every_download_names_where_each_value_was_read(con, tmp_path):
    from lnb_dash.model import data_page, trends
    from lnb_dash.model import map as map_model
    from lnb_dash.query import indicators

    table = values_table(con, "population", 2023, "total")
    workbook = load_workbook(io.BytesIO(exports.to_xlsx_bytes(table, exports.metadata_frame(con, ["population"], "sq"))))
    rows = list(workbook["data"].values)
    data = pd.DataFrame(rows[1:], columns=rows[0])
    valued = data[data.status == "value"]
    assert valued.citation_url.str.startswith("http").all() and valued.citation_text.str.len().gt(10).all()
    assert "6,222" in data.set_index("lau_code").loc["AL153", "note"]
    metadata = "\n".join(str(c) for row in workbook["metadata"].values for c in row)
    assert "Popullsia sipas Censusit 2023 për bashki" in metadata and "të 61 bashkitë" in metadata  # Albanian title and caveats

    observations = data_page.observations_download(indicators.query_observations(con, "population", 2023), "en")
    assert {"note", "flag", "citation_url", "citation_title", "citation_text", "citation_retrieved", "read_at_url"} <= set(observations.columns)
    assert observations[(observations.level == "municipality") & (observations.status == "value")].citation_url.notna().all()
    back = pd.read_csv(io.BytesIO(exports.to_csv_bytes(observations)), encoding="utf-8-sig")
    assert back.citation_url.notna().sum() == observations.citation_url.notna().sum()

    from lnb_dash.model.address import MapView
    from lnb_dash.query.values import query_values

    meta = indicators.get_indicator(con, "population")
    download = map_model.values_download(query_values(con, "population", 2023), meta, "en", indicators.list_sources(con),
                                         MapView(indicator="population", year=2023))
    tirana = download.set_index("lau_code").loc["AL224"]
    assert tirana.citation_url == "https://de.wikipedia.org/wiki/Gemeinde_Tirana" and tirana.read_at_url.startswith("https://de.m.wikipedia.org")
    korce = download.set_index("lau_code").loc["AL343"]
    assert korce.citation_url == "https://de.wikipedia.org/wiki/Kor%C3%A7a" and "websiteproxy.net" in korce.read_at_url

    series = indicators.query_timeseries(con, "population_1jan", ["AL", "AL-01"])
    trend = trends.trend_download(series, indicators.get_indicator(con, "population_1jan"), "en", indicators.list_sources(con))
    assert trend.citation_url.notna().all() and trend[trend.break_in_series].year.tolist() == [2025]

    with zipfile.ZipFile(io.BytesIO(exports.build_data_package(con))) as archive:
        package = pd.read_csv(archive.open("observations.csv"))
    cited = package[(package.source_id == "census2023_municipalities") & (package.status == "value")]
    assert len(cited) == 77 and cited.citation_url.notna().all()
    assert cited.set_index("area_code").loc["AL343"].read_at_url.startswith("https://websiteproxy.net/")
    flagged = package[(package.indicator_id == "local_turnout") & (package.year == 2015) & package.flag_en.notna()]
    assert "AL152" in set(flagged.area_code) and set(flagged.breakdown) == {"female", "male"}

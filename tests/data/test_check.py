"""`check` names the file, row and column of each problem."""

import shutil

from lnb_dash.data.check import check_data


def corrupt(data_dir, old, new, source="cec_elections"):
    csv = data_dir / "sources" / source / "observations.csv"
    text = csv.read_text(encoding="utf-8")
    assert old in text
    csv.write_text(text.replace(old, new, 1), encoding="utf-8")


def messages(data_dir):
    return [str(p) for p in check_data(data_dir).problems]


def test_the_shipped_data_passes_with_full_coverage_of_the_boundaries(con):
    from lnb_dash import config

    result = check_data(config.DATA_DIR)
    assert result.ok, result.problems
    cov = result.coverage.set_index(["indicator", "level", "year"]).areas
    assert cov["population", "municipality", "2011"] == 61 and cov["population", "municipality", "2023"] == 61
    assert cov["population", "county", "1989"] == 12 and cov["population_1jan", "county", "2017"] == 2
    assert "municipality" not in set(result.coverage[result.coverage.indicator == "population_1jan"].level)


def test_unknown_area_code(data_copy):
    data_dir, _ = data_copy
    corrupt(data_dir, "AL311,local_registered_voters", "AL999,local_registered_voters")
    [msg] = messages(data_dir)
    assert "cec_elections/observations.csv, row" in msg and "'area_code'" in msg and "AL999" in msg


def test_a_share_above_100_percent(data_copy):
    data_dir, _ = data_copy
    corrupt(data_dir, "AL311,local_turnout,female,2015,", "AL311,local_turnout,female,2015,140")
    msgs = messages(data_dir)
    assert any("outside 0-100" in m and "'value'" in m for m in msgs)


def test_a_negative_count(data_copy):
    data_dir, _ = data_copy
    corrupt(data_dir, "AL343,population,total,2011,75994", "AL343,population,total,2011,-5", source="eurostat_lau2019")
    assert any("not a whole non-negative count" in m for m in messages(data_dir))


def test_a_year_in_the_future(data_copy):
    data_dir, _ = data_copy
    corrupt(data_dir, "AL343,population,total,2011", "AL343,population,total,2099", source="eurostat_lau2019")
    assert any("'year'" in m and "2099" in m for m in messages(data_dir))


def test_a_value_given_with_a_not_reported_status(data_copy):
    data_dir, _ = data_copy
    corrupt(data_dir, "2011,75994,value", "2011,75994,not_reported", source="eurostat_lau2019")
    assert any("Leave the value empty" in m for m in messages(data_dir))


def test_a_duplicate_across_sources(data_copy):
    data_dir, _ = data_copy
    shutil.copytree(data_dir / "sources" / "census2023_municipalities", data_dir / "sources" / "census2023_copy")
    assert any("duplicate observation for Berat (AL311), Population (census), total, 2023" in m for m in messages(data_dir))


def test_a_source_without_license_or_publisher(data_copy):
    data_dir, _ = data_copy
    package = data_dir / "sources" / "covid19_social_assistance_2020" / "datapackage.yaml"
    text = package.read_text(encoding="utf-8")
    kept = (line for line in text.splitlines() if not line.startswith(("publisher:", "licenses:", "- name: unspecified")))
    package.write_text("\n".join(kept), encoding="utf-8")
    msgs = messages(data_dir)
    assert any("datapackage.yaml" in m and "'publisher'" in m for m in msgs)
    assert any("'licenses'" in m for m in msgs)


def test_an_unreadable_source_folder_is_reported_not_raised(data_copy):
    data_dir, _ = data_copy
    (data_dir / "sources" / "broken").mkdir()
    (data_dir / "sources" / "broken" / "datapackage.yaml").write_text("title: [unclosed", encoding="utf-8")
    assert any("cannot read this source folder" in m for m in messages(data_dir))


def test_a_value_read_on_its_own_page_needs_its_citation(data_copy):
    data_dir, _ = data_copy
    source = "census2023_municipalities"
    corrupt(data_dir, "https://de.wikipedia.org/wiki/Gemeinde_Tirana,", "de.wikipedia somewhere,", source=source)
    corrupt(data_dir, ",2026-11-24,", ",yesterday,", source=source)
    corrupt(data_dir, ",https://websiteproxy.net/", ",websiteproxy.net/", source=source)
    msgs = messages(data_dir)
    assert any("census2023_municipalities/observations.csv, row" in m and "'citation_url'" in m and "not a web address" in m for m in msgs)
    assert any("'citation_retrieved'" in m and "yesterday" in m for m in msgs)
    assert any("'read_at_url'" in m and "the copy the value was read in" in m for m in msgs)


def test_citation_columns_must_come_all_together_after_the_observation_columns(data_copy):
    data_dir, _ = data_copy
    csv = data_dir / "sources" / "census2023_municipalities" / "observations.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace(",citation_retrieved,", ",retrieved,", 1), encoding="utf-8")
    assert any("optionally followed by citation_url" in m for m in messages(data_dir))


def test_albanian_caveats_must_match_the_english_ones(data_copy):
    import yaml

    data_dir, _ = data_copy
    path = data_dir / "sources" / "instat_population_1jan" / "datapackage.yaml"
    package = yaml.safe_load(path.read_text(encoding="utf-8"))
    package["caveats_sq"] = package["caveats_sq"][:-1]
    path.write_text(yaml.safe_dump(package, allow_unicode=True), encoding="utf-8")
    assert any("'caveats_sq'" in m and "in Albanian too" in m for m in messages(data_dir))

"""The level table: each level's codes, reference table, boundary file and labels agree, so a map, a rank ("of 12")
and a link read the same areas."""

import json

import pytest

from lnb_dash import levels

DRAWN = [lv for lv in levels.ALL.values() if lv.layer]


@pytest.mark.parametrize("level", [lv for lv in levels.ALL.values() if lv.table], ids=lambda lv: lv.id)
def test_every_code_of_a_levels_table_matches_its_pattern_and_the_table_has_n_areas_rows(con, level):
    codes = [r[0] for r in con.execute(f'SELECT "{level.key}" FROM "{level.table}"').fetchall()]
    assert len(codes) == len(set(codes)) == level.n_areas
    assert all(level.code_pattern.match(code) for code in codes), [c for c in codes if not level.code_pattern.match(c)]
    assert {levels.level_of_code(code) for code in codes} == {level.id}


@pytest.mark.parametrize("level", DRAWN, ids=lambda lv: lv.id)
def test_a_levels_boundary_file_has_one_feature_per_area_of_its_table(con, level):
    features = json.loads(level.geojson.read_text(encoding="utf-8"))["features"]
    column = level.key if level.geo_key == level.key else "name"  # counties are drawn by their name (qark)
    in_table = {r[0] for r in con.execute(f'SELECT "{column}" FROM "{level.table}"').fetchall()}
    in_file = [f["properties"][level.geo_key] for f in features]
    assert len(features) == level.n_areas and set(in_file) == in_table and len(set(in_file)) == len(in_file)


@pytest.mark.parametrize("level", DRAWN, ids=lambda lv: lv.id)
def test_the_lines_over_a_map_and_the_parent_are_levels_too(level):
    assert level.lines is None or level.lines in levels.BY_LAYER
    assert level.parent in levels.ALL


def test_albania_is_its_own_level_of_one_area():
    assert levels.level_of_code("AL") == "national" and levels.get("national").n_areas == 1
    assert levels.level_of_code("AL-99") == "county" and levels.level_of_code("Berat") is None


@pytest.mark.parametrize("lang", ["sq", "en"])
@pytest.mark.parametrize("level", list(levels.ALL), ids=str)
def test_every_level_is_named_in_both_languages(level, lang):
    for label in (levels.level_label(level, lang), levels.plural_label(level, lang)):
        assert label and "_" not in label, label
    assert levels.level_label("county", "sq") == "Qark" and levels.plural_label("county", "en") == "Counties"


def test_an_unknown_level_names_the_known_ones():
    with pytest.raises(ValueError, match="unknown level 'province'; expected one of municipality, county, former_unit, national"):
        levels.get("province")


def test_a_level_key_has_the_municipal_label_as_its_plain_form():
    assert levels.level_key("coverage_note", "municipality") == "coverage_note"
    assert levels.level_key("coverage_note", "county") == "coverage_note_county"

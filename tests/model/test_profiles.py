"""The profile's spine rows and their HTML: where a municipality stands, said in words and drawn the same way."""

import re

import numpy as np
import pandas as pd
import pytest

from lnb_dash.model import profiles
from lnb_dash.query import indicators
from lnb_dash.query.profiles import query_distributions, query_series
from lnb_dash.render import charts, profile_html


def _profile_row(**overrides) -> dict:
    row = {"indicator_id": "turnout", "theme": "civic_participation", "kind": "rate", "decimals": 1, "higher_is_better": pd.NA,
           "name_sq": "Pjesëmarrja", "name_en": "Turnout", "unit_sq": "%", "unit_en": "%", "categories": None, "year": 2015,
           "value": 52.0, "status": "value", "break_in_series": False, "source_id": "cec", "rank": 2, "n_ranked": 10,
           "county_value": 50.0, "national_value": 46.8, "ratio_to_national": None, "share_of_national": None}
    return {**row, **overrides}


def _rows(profile_rows: list[dict], distribution: dict[str, list[float]], lang: str = "en", series=None):
    profile = pd.DataFrame(profile_rows)
    profile["rank"] = profile["rank"].astype("Int64")
    dist = pd.DataFrame([{"indicator_id": k, "year": 2015, "value": v} for k, vs in distribution.items() for v in vs])
    return profiles.spine_rows(profile, dist, series or {}, lang)


# Ten municipalities: the fewest the rank rule ranks (config.MIN_RANKED).
TURNOUT = {"turnout": [40.0, 52.0, 60.0, 45.0, 48.0, 41.0, 42.0, 43.0, 44.0, 46.0]}
OF_61 = " · 10 of 61 have a value"


def test_a_rate_is_compared_with_albania_in_percentage_points():
    en, sq = _rows([_profile_row()], TURNOUT, "en")[0], _rows([_profile_row()], TURNOUT, "sq")[0]
    assert en.comparison_text == "+5.2 points compared with Albania"
    assert sq.comparison_text.startswith("+5,2 pikë përqindjeje")
    below = _rows([_profile_row(value=45.0, rank=4)], TURNOUT)[0]
    assert below.comparison_text.startswith("−1.8 points")


def test_the_rank_says_which_end_it_counts_from():
    assert _rows([_profile_row()], TURNOUT, "en")[0].rank_text == "2nd highest of 10" + OF_61
    assert _rows([_profile_row()], TURNOUT, "sq")[0].rank_text == "e 2-ta më e lartë nga 10 · 10 nga 61 kanë vlerë"
    assert _rows([_profile_row(value=60.0, rank=1)], TURNOUT, "sq")[0].rank_text.startswith("më e larta nga 10")
    assert _rows([_profile_row(value=40.0, rank=10)], TURNOUT, "en")[0].rank_text == "lowest of 10" + OF_61
    assert _rows([_profile_row(value=41.0, rank=9)], TURNOUT, "en")[0].rank_text == "2nd lowest of 10" + OF_61


def test_quintile_runs_from_the_lowest_fifth_to_the_highest():
    assert [profiles.quintile(r, 61) for r in (1, 13, 30, 48, 61)] == [5, 4, 3, 2, 1]
    assert sorted({profiles.quintile(r, 61) for r in range(1, 62)}) == [1, 2, 3, 4, 5]
    assert profiles.quintile(pd.NA, 61) is None


def test_a_missing_value_is_shown_as_missing_and_neither_ranked_nor_drawn():
    row = _rows([_profile_row(value=np.nan, status="not_reported", rank=pd.NA)], TURNOUT)[0]
    assert row.value is None and row.value_text == "Not reported" and row.rank_text == "–" and row.quintile is None
    assert row.has_spine and row.value_pos is None, "the range of the others is still shown"
    assert "<circle" not in charts.spine_svg(row)
    assert "0" not in row.value_text


def test_counts_show_the_share_of_the_national_total_and_no_county_or_albania_marks():
    row = _rows([_profile_row(kind="count", unit_en="voters", unit_sq="zgjedhës", decimals=0, value=500.0, rank=1, national_value=10_000.0,
                              county_value=2_000.0)], {"turnout": [500.0, 100.0, 50.0]})[0]
    assert row.comparison_text == "5.0\xa0% of the national total"
    assert row.national_pos is None and row.county_pos is None and row.county_text == "–"
    svg = charts.spine_svg(row)
    assert 'stroke="#000000" stroke-width="2"' not in svg and "<path" not in svg


def test_positions_follow_the_range_and_the_dot_has_its_quintile_colour():
    row = _rows([_profile_row()], TURNOUT)[0]
    assert row.value_pos == pytest.approx((52 - 40) / 20) and row.national_pos == pytest.approx((46.8 - 40) / 20)
    assert 0 <= row.q1_pos < row.q3_pos <= 1
    assert row.quintile == 5 and f'fill="{profiles.QUINTILE_COLORS[4]}"' in charts.spine_svg(row)


def test_with_fewer_than_ten_values_the_row_says_how_many_have_one_and_ranks_nothing():
    """The rank rule: two municipalities with a value give '2 of 61 have a value', no rank, no quintile, no colour."""
    two = {"turnout": [52.0, 40.0]}
    for lang, text in (("sq", "2 nga 61 kanë vlerë"), ("en", "2 of 61 have a value")):
        row = _rows([_profile_row(rank=1, n_ranked=2)], two, lang)[0]
        assert row.rank_text == text and row.quintile is None and row.color is None
        assert "nga 5" not in row.rank_text and "pesëshja" not in profile_html.spine_table_html([row], lang, "Pustec", "Pustecit")
    assert _rows([_profile_row(rank=1, n_ranked=1)], {"turnout": [52.0]}, "sq")[0].rank_text == "1 nga 61 ka vlerë"


def test_a_value_summed_from_former_units_says_so():
    row = _rows([_profile_row(note="aggregated from former units (sum of 4 former units)")], TURNOUT, "sq")[0]
    assert row.provenance_text == "mbledhur nga njësitë e mëparshme"
    assert "mbledhur nga njësitë e mëparshme" in profile_html.spine_table_html([row], "sq", "Pustec", "Pustecit")
    assert _rows([_profile_row(note=None)], TURNOUT, "sq")[0].provenance_text == ""


def test_a_category_has_no_rank_and_says_how_many_share_it():
    row = _rows([_profile_row(kind="category", categories='{"0": {"sq": "Jo", "en": "No"}, "1": {"sq": "Po", "en": "Yes"}}',
                              value=1.0, rank=pd.NA)], {"turnout": [1.0, 0.0, 1.0, 0.0, 0.0]})[0]
    assert row.value_text == "Yes" and row.rank_text == "–" and not row.has_spine
    assert row.comparison_text == "2 of 5 municipalities have the same value"


def test_kamez_has_a_spine_row_per_indicator(con):
    profile = indicators.query_profile(con, "AL221")
    rows = profiles.spine_rows(profile, query_distributions(con, profile), query_series(con, "AL221"), "en")
    assert [r.indicator_id for r in rows] == profile.indicator_id.tolist()
    population = next(r for r in rows if r.indicator_id == "population")
    assert population.rank_text == "6th highest of 61" and population.range_text.startswith("61 municipalities: from 1,843 persons")
    turnout = next(r for r in rows if r.indicator_id == "parl_turnout")
    assert turnout.series == [(2013, 59.64), (2017, 47.88)] and turnout.comparison_text == "+1.1 points compared with Albania"
    assert next(r for r in rows if r.indicator_id == "area_km2").rank_text == "lowest of 61"


def test_the_table_has_a_row_per_indicator_with_labels_for_phone_cards(con):
    profile = indicators.query_profile(con, "AL221")
    rows = profiles.spine_rows(profile, query_distributions(con, profile), query_series(con, "AL221"), "sq")
    html = profile_html.spine_table_html(rows, "sq", "Kamëz", "Kamzës")
    assert "<caption>Treguesit e Kamzës krahasuar me 61 bashkitë</caption>" in html
    body = html.split("<tbody>")[1]
    assert body.count('<th scope="row" ') == len(profile)
    assert "<caption>" in html and 'data-label="Vlera"' in html and "e 6-ta më e lartë nga 61" in html
    assert body.count("data:image/svg+xml;base64,") >= 10
    assert len(profiles.spine_table(rows, "sq")) == len(profile)


def test_every_cell_names_its_column_and_row_headers_and_the_dot_is_said_in_words(con):
    import re

    profile = indicators.query_profile(con, "AL221")
    rows = profiles.spine_rows(profile, query_distributions(con, profile), query_series(con, "AL221"), "en")
    html = profile_html.spine_table_html(rows, "en", "Kamëz", "Kamëz")
    ids = set(re.findall(r' id="([^"]+)"', html))
    cells = re.findall(r'<td [^>]*headers="([^"]+)"', html)
    assert len(cells) == 7 * len(profile) and all(len(h.split()) == 2 and set(h.split()) <= ids for h in cells)
    assert "The dot is this municipality: " in html and "6th highest of 61, quintile" in html


def test_text_from_data_is_escaped():
    row = _rows([_profile_row(name_en="<img src=x onerror=alert(1)>")], TURNOUT)[0]
    html = profile_html.spine_table_html([row], "en", "<b>Town</b>", "<b>Town</b>")
    assert "<img src=x" not in html and "&lt;img src=x" in html and "&lt;b&gt;Town" in html


def test_the_print_style_prints_every_row_and_phones_get_cards():
    style = profile_html.PROFILE_STYLE
    assert re.search(r"@media \(max-width: 640px\).*display: block", style, re.S)
    # and wherever the table's own column is too narrow (a laptop at 200 % zoom), on screen only: paper keeps whole rows
    assert re.search(r"@media screen \{ @container \(max-width: 900px\) \{.*display: block", style, re.S)
    assert "@media print" in style and "overflow: visible" in style and "break-inside: avoid" in style

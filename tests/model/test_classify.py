"""Classes for the choropleth: counts add up, ties and missing values are handled."""

import itertools

import pandas as pd
import pytest

from lnb_dash.model.classify import SCHEMES, classify, classify_categories


@pytest.mark.parametrize("scheme", ["quantiles", "natural_breaks", "equal_interval"])
def test_every_value_gets_a_class_and_counts_add_up(scheme):
    values = pd.Series([float(v) for v in range(1, 62)])
    classes = classify(values, scheme, 5)
    assert classes.k == 5 and sum(classes.counts) == 61 and (classes.class_index >= 0).all()
    assert list(classes.bins) == sorted(classes.bins) and classes.bins[-1] == 61


def test_missing_values_get_no_class():
    classes = classify(pd.Series([1.0, None, 3.0, 4.0, 5.0, 6.0, 7.0]), "quantiles", 3)
    assert classes.class_index.iloc[1] == -1 and sum(classes.counts) == 6


def test_all_equal_values_give_one_class():
    classes = classify(pd.Series([5.0] * 10), "quantiles", 5)
    assert classes.k == 1 and classes.counts == (10,) and classes.exact_values


def test_fewer_distinct_values_than_classes_gives_one_class_per_value():
    classes = classify(pd.Series([0.0, 0.0, 1.0, 1.0, 2.0]), "natural_breaks", 5)
    assert classes.bins == (0.0, 1.0, 2.0) and classes.counts == (2, 2, 1)


def test_zeros_are_values_not_missing():
    classes = classify(pd.Series([0.0, 0.0, 0.0, 10.0, 20.0, 30.0, 40.0, 50.0]), "quantiles", 3)
    assert (classes.class_index[:3] == 0).all()


def test_diverging_classes_centre_on_the_national_value():
    classes = classify(pd.Series([40.0, 45.0, 50.0, 55.0, 60.0]), "diverging", 5, center=50.0)
    assert classes.scheme == "diverging" and classes.class_index.tolist() == [0, 1, 2, 3, 4]
    assert classes.colors[2] == "#f7f7f7"  # the middle class is neutral


def test_diverging_without_a_national_value_falls_back_to_quantiles():
    assert classify(pd.Series([1.0, 2.0, 3.0, 4.0]), "diverging", 3).scheme == "quantiles"


def test_empty_input_gives_no_classes():
    classes = classify(pd.Series([None, None], dtype=float), "quantiles", 5)
    assert classes.k == 0 and (classes.class_index == -1).all()


def test_unknown_scheme_is_refused():
    with pytest.raises(ValueError, match="Unknown classification"):
        classify(pd.Series([1.0]), "jenks-ish")


def test_categories_keep_their_labels_and_counts():
    classes = classify_categories(pd.Series([1.0, 0.0, 1.0, None]), {0: {"en": "No"}, 1: {"en": "Yes"}}, "en")
    assert classes.labels == ("No", "Yes") and classes.counts == (1, 2)
    assert "quantiles" in SCHEMES


# Colour vision: each palette's neighbouring classes (the ones a reader tells apart on a map or in a legend) are simulated
# for deuteranopia, protanopia and tritanopia (Machado et al. 2009 at full severity, colorspacious) and for greyscale print
# (relative luminance), and compared in CAM02-UCS. ΔE ≥ 6 is a difference readers see between two filled areas;
# the no-data, suppressed and not-applicable styles differ by outline pattern as well, and are held to the same ΔE.
MIN_DELTA_E = 6.0
VISIONS = ["deuteranomaly", "protanomaly", "tritanomaly", "greyscale"]


def _seen(color: str, vision: str):
    import numpy as np
    from colorspacious import cspace_convert

    rgb = np.array([int(color[i:i + 2], 16) for i in (1, 3, 5)]) / 255
    if vision == "greyscale":
        linear = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4) @ [0.2126, 0.7152, 0.0722]
        return np.full(3, 12.92 * linear if linear <= 0.0031308 else 1.055 * linear ** (1 / 2.4) - 0.055)
    return np.clip(cspace_convert(rgb, {"name": "sRGB1+CVD", "cvd_type": vision, "severity": 100}, "sRGB1"), 0, 1)


def _closest_neighbours(colors: list[str], vision: str) -> float:
    from colorspacious import deltaE

    seen = [_seen(c, vision) for c in colors]
    return min(float(deltaE(a, b, input_space="sRGB1")) for a, b in itertools.pairwise(seen))


def _palettes() -> dict[str, list[str]]:
    from lnb_dash.model import classify as c
    from lnb_dash.render import charts

    found = {f"{name} {k}": c.palette(name, k) for name in (c.SEQUENTIAL_PALETTE, c.DIVERGING_PALETTE) for k in range(2, 8)}
    found |= {f"categories {n}": c.CATEGORY_COLORS[:n] for n in range(2, len(c.CATEGORY_COLORS) + 1)}
    found["yes/no"] = ["#d9d9d9", "#0072B2"]
    found["no data, suppressed, not applicable"] = [c.STATUS_STYLES[s]["fillColor"] for s in ("not_reported", "suppressed", "not_applicable")]
    found |= {f"trend lines {n} and Albania": charts.TREND_COLORS[:n] + [charts.NATIONAL_COLOR] for n in range(1, len(charts.TREND_COLORS) + 1)}
    return found


@pytest.mark.parametrize("vision", VISIONS)
def test_neighbouring_classes_stay_apart_for_colour_blind_readers_and_in_greyscale(vision):
    too_close = {name: round(_closest_neighbours(colors, vision), 1) for name, colors in _palettes().items()
                 if _closest_neighbours(colors, vision) < MIN_DELTA_E}
    assert too_close == {}


def _contrast(color: str, background: str = "#ffffff") -> float:
    def luminance(c):
        import numpy as np

        rgb = np.array([int(c[i:i + 2], 16) for i in (1, 3, 5)]) / 255
        return float(np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4) @ [0.2126, 0.7152, 0.0722])

    dark, light = sorted([luminance(color), luminance(background)])
    return (light + 0.05) / (dark + 0.05)


def test_lines_and_outlines_on_white_have_3_to_1_and_link_text_4_5_to_1():
    from lnb_dash.model.classify import STATUS_STYLES
    from lnb_dash.render import charts

    graphics = [*charts.TREND_COLORS, charts.NATIONAL_COLOR, STATUS_STYLES["not_reported"]["color"], STATUS_STYLES["suppressed"]["color"]]
    assert [c for c in graphics if _contrast(c) < 3] == []
    assert _contrast("#1a4fb5") >= 4.5 and _contrast("#555555") >= 4.5  # links (skip link, captions) and caption text


def test_the_builds_bins_are_mapclassifys_and_a_process_that_has_them_never_loads_mapclassify(shipped_db, tmp_path):
    """`lnb-dash build` keeps every map view's classes beside the database: a dashboard process draws those maps with
    exactly the bins mapclassify gives, without loading it (with scipy and scikit-learn, ~87 MB per process)."""
    import json
    import shutil
    import subprocess
    import sys

    from lnb_dash.cli import keep_map_classes
    from lnb_dash.model.classify import bins_file
    from tests.conftest import ROOT

    db = tmp_path / "lnb.duckdb"
    shutil.copyfile(shipped_db, db)
    keep_map_classes(db)
    assert len(json.loads(bins_file(db).read_text(encoding="utf-8"))) > 500
    draw = """
import json, sys
from pathlib import Path
from lnb_dash.model import classify
from lnb_dash.model import map as map_model
from lnb_dash.model.address import MapView
from lnb_dash.query import db, indicators
from lnb_dash.query.values import query_values
path = Path(sys.argv[1])
if sys.argv[2] == "memo":
    classify.load_bins(classify.bins_file(path))
con = db.connect(path)
out = {}
for view in (MapView(), MapView(indicator="parl_turnout", k=3), MapView(indicator="population", year=2023, scheme="equal_interval", level="county")):
    values = query_values(con, view.indicator, view.year, view.breakdown, view.level, "en")
    classes = classify.classify(values.value.where(~map_model.flagged(values)), view.scheme, view.k)
    out[repr(view)] = [classes.bins, classes.counts]
print(json.dumps({"classes": out, "mapclassify": "mapclassify" in sys.modules, "scipy": "scipy" in sys.modules}))
"""
    runs = {how: json.loads(subprocess.run([sys.executable, "-c", draw, str(db), how], cwd=ROOT, capture_output=True, text=True,
                                           check=True).stdout) for how in ("memo", "none")}
    assert not runs["memo"]["mapclassify"] and not runs["memo"]["scipy"]
    assert runs["none"]["mapclassify"], "without the memo the process classifies with mapclassify itself"
    assert runs["memo"]["classes"] == runs["none"]["classes"]


def test_a_missing_or_broken_bins_file_adds_nothing(tmp_path):
    from lnb_dash.model.classify import load_bins

    assert load_bins(tmp_path / "none.json") == 0
    (tmp_path / "bad.json").write_text("[1, 2", encoding="utf-8")
    assert load_bins(tmp_path / "bad.json") == 0
    (tmp_path / "odd.json").write_text('{"k": "not numbers"}', encoding="utf-8")
    assert load_bins(tmp_path / "odd.json") == 0


def test_a_bin_is_used_only_for_its_own_values():
    import numpy as np

    from lnb_dash.model.classify import bins_key

    values = np.array([3.0, 1.0, 2.0, 8.0, 5.0, 13.0])
    assert bins_key(values, "quantiles", 3) == bins_key(values[::-1], "quantiles", 3)
    assert bins_key(values, "quantiles", 3) != bins_key(values + 1e-9, "quantiles", 3)
    assert len({bins_key(values, s, k) for s in ("quantiles", "equal_interval") for k in (3, 4)}) == 4

"""Similar municipalities: a stated distance on real variables, the five nearest, and one link to compare them."""

import math

import numpy as np
import pandas as pd
import pytest

from lnb_dash import i18n
from lnb_dash.model import similar


def _features(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["lau_code", "name", "county_code", "population", "area_km2", "degurba", "coastal"]).assign(
        density=lambda f: f.population / f.area_km2)


SYNTHETIC = _features([
    ("A1", "Alpha", "C1", 10_000, 100.0, 3, 0),
    ("A2", "Twin", "C1", 10_000, 100.0, 3, 0),        # the same on every variable
    ("A3", "Other county", "C2", 10_000, 100.0, 3, 0),  # differs only in county
    ("A4", "Coast", "C1", 10_000, 100.0, 3, 1),        # differs only in coast
    ("A5", "City", "C2", 500_000, 50.0, 1, 1),
    ("A6", "Gap", "C1", np.nan, 100.0, 3, 0),          # population missing
])


def test_an_identical_municipality_is_nearest_at_distance_zero():
    d = similar.distances(SYNTHETIC, "A1")
    assert d.iloc[0].lau_code == "A2" and d.iloc[0].distance == 0
    assert "A1" not in d.lau_code.tolist()


def test_category_mismatches_count_with_their_stated_weights():
    d = similar.distances(SYNTHETIC, "A1").set_index("lau_code").distance
    assert d["A3"] == pytest.approx(math.sqrt(similar.WEIGHTS["county"]))
    assert d["A4"] == pytest.approx(math.sqrt(similar.WEIGHTS["coastal"]))
    assert d["A3"] < d["A4"] < d["A5"]


def test_a_missing_variable_is_left_out_said_and_scaled_not_filled():
    d = similar.distances(SYNTHETIC, "A1").set_index("lau_code")
    # density is population / area, so it goes with the population
    assert d.loc["A6", "missing"] == "log_population,log_density" and d.loc["A6", "distance"] == pytest.approx(0.0)
    assert d.loc["A2", "missing"] == ""
    z = similar.standardise(SYNTHETIC)
    assert math.isnan(z.loc["A6", "log_population"])


def test_numeric_variables_are_z_scores_of_logarithms():
    z = similar.standardise(SYNTHETIC)
    assert z.log_density.mean() == pytest.approx(0) and z.log_density.std(ddof=0) == pytest.approx(1)
    assert z.log_population.loc["A5"] > z.log_population.loc["A1"]


def test_an_unknown_code_is_refused():
    with pytest.raises(ValueError, match="Unknown LAU code"):
        similar.distances(SYNTHETIC, "AL999")


def test_every_municipality_has_the_variables_in_the_database(con):
    features = similar.query_features(con)
    assert len(features) == 61
    assert features[["population", "area_km2", "degurba", "coastal", "county_code"]].notna().all().all()


def test_kamez_has_five_similar_municipalities_nearest_first(con):
    nearest = similar.most_similar(similar.query_features(con), "AL221")
    assert len(nearest) == 5 and "AL221" not in nearest.lau_code.tolist()
    assert nearest.distance.is_monotonic_increasing and (nearest.distance > 0).all()
    assert nearest.lau_code.iloc[0] == "AL121"  # Durrës: a dense coastal city of similar size


def test_the_compare_link_names_this_municipality_then_the_five():
    nearest = pd.DataFrame({"lau_code": ["AL121", "AL224", "AL323", "AL225", "AL213"]})
    assert similar.compare_link("AL221", nearest, "sq") == "/compare?m=AL221,AL121,AL224,AL323,AL225,AL213&lang=sq"
    assert similar.compare_link("AL221", nearest, "xx").endswith("&lang=sq")


@pytest.mark.parametrize("lang", ["sq", "en"])
def test_the_method_states_every_variable_and_weight(lang):
    text = similar.method_text(lang)
    assert str(similar.POPULATION_YEAR) in text
    for weight in similar.WEIGHTS.values():
        assert i18n.format_number(weight, 1, lang) in text
    for word in {"sq": ("popullsia", "dendësia", "urbanizimit", "bregdetare", "qarku"),
                 "en": ("population", "density", "urbanisation", "coastal", "county")}[lang]:
        assert word in text

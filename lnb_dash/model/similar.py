"""Similar municipalities: the five nearest to one municipality on a stated, documented distance.

The variables are ones the database already holds for all 61 municipalities (no invented ones):

- population at the 2011 census (``population``, 2011), as the z-score of its logarithm;
- density, population 2011 / area (``area_km2``), as the z-score of its logarithm;
- degree of urbanisation (``degurba``: city, town or suburb, rural area), 1 when the two differ, else 0;
- coastal (``coastal``), 1 when the two differ, else 0;
- county (``county_code``), 1 when the two differ, else 0.

distance = sqrt(Σ weight × difference²) with the weights in :data:`WEIGHTS`. Logarithms because a city
of 500 000 is not a hundred times less like a town of 5 000 than one of 10 000 is. A variable missing
for either municipality is left out of that pair's sum, and the sum is scaled up by total weight /
weight used, so a gap neither helps nor hurts; the page lists what was missing.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from lnb_dash import i18n
from lnb_dash.model.address import CompareView, page_url
from lnb_dash.query import indicators
from lnb_dash.query.db import Connection
from lnb_dash.query.values import query_values

POPULATION_YEAR = 2011
# Weight of each variable's squared difference. A mismatch in a category counts as much as one
# standard deviation on a numeric variable; the county counts half, as the structure matters more than the place.
WEIGHTS = {"log_population": 1.0, "log_density": 1.0, "degurba": 1.0, "coastal": 1.0, "county": 0.5}
NUMERIC = ("log_population", "log_density")
CATEGORICAL = ("degurba", "coastal", "county")
K = 5


def query_features(con: Connection) -> pd.DataFrame:
    """The raw variables for all 61 municipalities.

    Returns columns: lau_code, name, county_code, population, area_km2, density, degurba, coastal (missing stays NaN).
    """
    municipalities = indicators.list_municipalities(con)[["lau_code", "name", "county_code"]]

    def column(indicator: str, year: int | None = None) -> pd.Series:
        values = query_values(con, indicator, year).set_index("area_code")
        return values.value.where(values.status == "value")

    frame = municipalities.set_index("lau_code")
    frame["population"] = column("population", POPULATION_YEAR)
    frame["area_km2"] = column("area_km2")
    frame["density"] = frame.population / frame.area_km2.where(frame.area_km2 > 0)
    frame["degurba"] = column("degurba")
    frame["coastal"] = column("coastal")
    return frame.reset_index()


def standardise(features: pd.DataFrame) -> pd.DataFrame:
    """The variables on the distance's scale: z-scores of log population and log density; categories as they are."""
    out = pd.DataFrame({"lau_code": features.lau_code})
    for name, raw in (("log_population", features.population), ("log_density", features.density)):
        logged = np.log(raw.where(raw > 0).astype(float))
        out[name] = (logged - logged.mean()) / logged.std(ddof=0)
    out["degurba"] = features.degurba
    out["coastal"] = features.coastal
    out["county"] = features.county_code
    return out.set_index("lau_code")


def distances(features: pd.DataFrame, lau_code: str) -> pd.DataFrame:
    """Distance from ``lau_code`` to every other municipality, nearest first.

    Returns columns: lau_code, distance, missing (variables left out for that pair, comma-separated).
    """
    z = standardise(features)
    if lau_code not in z.index:
        raise ValueError(f"Unknown LAU code {lau_code!r}; codes run from AL111 to AL357")
    others = z.drop(index=lau_code)
    me = z.loc[lau_code]
    names = list(NUMERIC + CATEGORICAL)
    squared = np.column_stack(
        [(others[n].to_numpy(dtype=float) - float(me[n])) ** 2 for n in NUMERIC]
        + [np.where(others[n].isna() | pd.isna(me[n]), np.nan, (others[n] != me[n]).to_numpy(dtype=float)) for n in CATEGORICAL])
    present = ~np.isnan(squared)
    weights = np.array([WEIGHTS[n] for n in names])
    used = present @ weights
    weighted = np.where(present, squared, 0.0) @ weights
    with np.errstate(invalid="ignore", divide="ignore"):
        distance = np.sqrt(weighted * weights.sum() / used)
    missing = [",".join(n for n, ok in zip(names, row) if not ok) for row in present]
    result = pd.DataFrame({"lau_code": others.index, "distance": np.where(used > 0, distance, np.nan), "missing": missing})
    return result.dropna(subset=["distance"]).sort_values("distance", kind="stable").reset_index(drop=True)


def most_similar(features: pd.DataFrame, lau_code: str, k: int = K) -> pd.DataFrame:
    """The ``k`` nearest municipalities with their variables, for the profile.

    Returns columns: lau_code, name, county_code, population, area_km2, density, degurba, coastal, distance, missing.
    """
    nearest = distances(features, lau_code).head(k)
    return nearest.merge(features, on="lau_code")[list(features.columns) + ["distance", "missing"]]


def compare_link(lau_code: str, similar: pd.DataFrame, lang: str) -> str:
    """The address that opens Compare with this municipality and its nearest ones."""
    return page_url("compare", CompareView(m=(lau_code, *similar.lau_code)), lang)


def method_text(lang: str) -> str:
    """The method in one paragraph, with the weights as the code uses them."""
    w = {k: i18n.format_number(v, 1, lang) for k, v in WEIGHTS.items()}
    return i18n.t("similar_method", lang, year=POPULATION_YEAR, k=K, **w)

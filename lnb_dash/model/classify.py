"""Choropleth classes (mapclassify) and colour-blind-safe palettes.

Ties, zeros and all-equal values are handled here once: fewer distinct values than classes gives
one class per value; missing values never get a class (they get a status style instead).
"""

from __future__ import annotations

import hashlib
import json
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from branca.utilities import color_brewer

from lnb_dash.ops.files import write_atomically

SCHEMES = ("quantiles", "natural_breaks", "equal_interval", "diverging")
DEFAULT_SCHEME = "quantiles"
DEFAULT_K = 5
# ColorBrewer schemes that stay distinct for the common colour-vision deficiencies.
SEQUENTIAL_PALETTE = "YlGnBu"
DIVERGING_PALETTE = "PuOr"
# Okabe-Ito: distinguishable for colour-blind readers; used for categories, in an order where neighbours also differ in
# lightness, so they stay apart in greyscale print (tests/model/test_classify.py).
CATEGORY_COLORS = ["#0072B2", "#CC79A7", "#F0E442", "#009E73", "#E69F00", "#D55E00", "#56B4E9"]
# ColorBrewer's PuOr in 6 and 7 classes has neighbours of nearly one lightness (greyscale ΔE 2.9 and 5.7): these take
# colours one step further apart from its 11-class scheme.
_OVERRIDES = {("PuOr", 6): ["#7f3b08", "#e08214", "#fee0b6", "#b2abd2", "#8073ac", "#542788"],
              ("PuOr", 7): ["#b35806", "#e08214", "#fdb863", "#f7f7f7", "#b2abd2", "#8073ac", "#542788"]}

# Styles for the absence of a value: told apart by outline pattern and fill, not by colour alone.
STATUS_STYLES = {
    "not_reported": {"fillColor": "#ffffff", "fillOpacity": 1.0, "color": "#6b6b6b", "weight": 1.2, "dashArray": "4 3"},
    "suppressed": {"fillColor": "#8c8c8c", "fillOpacity": 1.0, "color": "#3d3d3d", "weight": 1.2, "dashArray": "1 3"},
    "not_applicable": {"fillColor": "#e6e6e6", "fillOpacity": 0.4, "color": "#9a9a9a", "weight": 0.6, "dashArray": None},
}
# A value with a quality flag (data/flags.py): drawn apart from every class, outlined so it is not taken for a missing one.
FLAG_STYLE = {"fillColor": "#fdf1d6", "fillOpacity": 1.0, "color": "#a15c00", "weight": 2.0, "dashArray": "6 2"}


@dataclass(frozen=True)
class Classes:
    """The result of classifying one view: bins, colours, and each municipality's class (-1 = no value)."""

    scheme: str
    bins: tuple[float, ...]  # upper bounds, one per class
    lower: float
    colors: tuple[str, ...]
    class_index: pd.Series  # per row of the input, -1 where there is no value
    counts: tuple[int, ...]
    labels: tuple[str, ...] = ()  # for categories
    center: float | None = None  # the national value in diverging mode
    exact_values: bool = False  # each class is one distinct value (fewer values than classes)

    @property
    def k(self) -> int:
        return len(self.colors)

    def color_of(self, index: int) -> str | None:
        return self.colors[index] if index >= 0 else None


def palette(name: str, k: int) -> list[str]:
    if (name, k) in _OVERRIDES:
        return list(_OVERRIDES[name, k])
    colors = color_brewer(name, max(k, 3))
    if k < 3:  # ColorBrewer starts at 3: keep the ends for contrast
        colors = [colors[0], colors[-1]][:k] if k == 2 else [colors[len(colors) // 2]]
    return list(colors)


def classify(values: pd.Series, scheme: str = DEFAULT_SCHEME, k: int = DEFAULT_K, center: float | None = None) -> Classes:
    """Classify the non-missing ``values``.

    ``diverging`` classes are symmetric around ``center`` (the national value) so the middle class
    means "close to Albania"; it falls back to quantiles when there is no centre.
    """
    if scheme not in SCHEMES:
        raise ValueError(f"Unknown classification {scheme!r}; use one of {', '.join(SCHEMES)}")
    present = values.dropna().astype(float)
    index = pd.Series(-1, index=values.index, dtype=int)
    if present.empty:
        return Classes(scheme, (), float("nan"), (), index, ())
    distinct = np.unique(present.to_numpy())
    if scheme == "diverging" and center is not None:
        return _classify_diverging(present, index, k, center)
    if scheme == "diverging":
        scheme = "quantiles"
    exact = len(distinct) <= k
    bins = np.asarray(distinct if exact else library_bins(present.to_numpy(), scheme, k), dtype=float)
    bins[-1] = max(bins[-1], present.max())
    index.loc[present.index] = np.searchsorted(bins, present.to_numpy(), side="left")
    counts = tuple(int((index == i).sum()) for i in range(len(bins)))
    return Classes(scheme, tuple(float(b) for b in bins), float(present.min()), tuple(palette(SEQUENTIAL_PALETTE, len(bins))), index, counts,
                   exact_values=exact)


# mapclassify's bins by bins_key: filled as values are classified and, before any, from the file `lnb-dash build` writes
# beside the database (save_bins / load_bins). A replica that draws only views classified there never imports
# mapclassify, which with scipy and scikit-learn is ~87 MB of its memory and 1.2 s of CPU.
_KNOWN_BINS: dict[str, tuple[float, ...]] = {}


def bins_key(values: np.ndarray, scheme: str, k: int) -> str:
    """The memo's key: the scheme, the class count and the values themselves (in any order), so a bin is never used for
    other values than its own, whatever database or view they come from."""
    return hashlib.sha1(f"{scheme}:{k}:".encode() + np.sort(np.asarray(values, dtype="<f8")).tobytes()).hexdigest()


def library_bins(values: np.ndarray, scheme: str, k: int) -> tuple[float, ...]:
    """mapclassify's upper bounds of ``k`` classes of ``values`` (distinct), once per values, scheme and count."""
    key = bins_key(values, scheme, k)
    if key not in _KNOWN_BINS:
        import mapclassify  # with scipy and scikit-learn ~87 MB: loaded by the first map no memo knows, not at start

        klass = {"quantiles": mapclassify.Quantiles, "natural_breaks": mapclassify.FisherJenks,
                 "equal_interval": mapclassify.EqualInterval}[scheme]
        with warnings.catch_warnings():  # FisherJenks warns that numba is absent; 61 values need no JIT
            warnings.simplefilter("ignore", UserWarning)
            _KNOWN_BINS[key] = tuple(float(b) for b in np.unique(klass(np.asarray(values, dtype=float), k=k).bins))
    return _KNOWN_BINS[key]


def bins_file(db_path: Path) -> Path:
    """Where the build keeps the bins of its maps: beside the database, named after it."""
    return db_path.with_name(db_path.name + ".classes.json")


def save_bins(path: Path, bins: Mapping[str, Sequence[float]]) -> None:
    """Write the memo (in one step: replicas may be reading it)."""
    write_atomically(path, json.dumps(dict(bins), sort_keys=True))


def load_bins(path: Path) -> int:
    """Add the memo written by a build (none, unreadable or malformed: nothing is added, values are classified as
    they come). Returns the number of entries added."""
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
        entries = {str(key): tuple(float(b) for b in bounds) for key, bounds in found.items()}
    except (OSError, ValueError, TypeError, AttributeError):
        return 0
    _KNOWN_BINS.update(entries)
    return len(entries)


def known_bins() -> dict[str, tuple[float, ...]]:
    return dict(_KNOWN_BINS)


def _classify_diverging(present: pd.Series, index: pd.Series, k: int, center: float) -> Classes:
    k = k if k % 2 == 1 else k + 1  # an odd number keeps a middle class around the centre
    spread = float((present - center).abs().max()) or 1.0
    # Equal steps of the largest gap on both sides; the middle class is centre ± one half-step.
    step = 2 * spread / k
    edges = center - spread + step * np.arange(1, k + 1)
    edges[-1] = max(edges[-1], present.max())
    index.loc[present.index] = np.clip(np.searchsorted(edges, present.to_numpy(), side="left"), 0, k - 1)
    counts = tuple(int((index == i).sum()) for i in range(k))
    return Classes("diverging", tuple(float(e) for e in edges), float(center - spread), tuple(palette(DIVERGING_PALETTE, k)), index,
                   counts, center=center)


def classify_categories(values: pd.Series, categories: dict[int, dict[str, str]], lang: str) -> Classes:
    """One class per category, in the catalogue's order."""
    keys = sorted(categories)
    index = values.map(lambda v: keys.index(int(v)) if pd.notna(v) and int(v) in keys else -1).astype(int)
    counts = tuple(int((index == i).sum()) for i in range(len(keys)))
    colors = ["#d9d9d9", "#0072B2"] if keys == [0, 1] else CATEGORY_COLORS[: len(keys)]
    labels = tuple(categories[key][lang] for key in keys)
    return Classes("category", tuple(float(k) for k in keys), float(keys[0]), tuple(colors), index, counts, labels)

"""The profile's spine rows: for every indicator, where one municipality stands among the 61.

One row per indicator carries the range of all municipalities (lowest, middle half, highest), the
county's and Albania's figures where they sit on the same scale, this municipality's value with its
quintile and rank in words, and its series. The page (HTML), the printed PDF and the table for
screen readers all draw from these rows, so they show the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from lnb_dash import i18n, levels
from lnb_dash.data.former_units import AGGREGATED_NOTE
from lnb_dash.model.map import meta_of
from lnb_dash.query.indicators import parse_categories

# ColorBrewer PuBu, 5 classes (colour-blind safe, prints in grey): quintile 1 (lowest fifth) to 5 (highest fifth).
QUINTILE_COLORS = ("#f1eef6", "#bdc9e1", "#74a9cf", "#2b8cbe", "#045a8d")


@dataclass
class SpineRow:
    indicator_id: str
    theme: str
    name: str
    kind: str
    year: int
    status: str
    value: float | None
    value_text: str
    rank_text: str
    comparison_text: str
    county_text: str
    national_text: str
    range_text: str
    quintile: int | None
    source_id: str
    # Positions on the row's own scale, 0 = lowest municipality, 1 = highest; None where not drawn.
    value_pos: float | None = None
    q1_pos: float | None = None
    q3_pos: float | None = None
    county_pos: float | None = None
    national_pos: float | None = None
    series: list[tuple[int, float]] = field(default_factory=list)
    series_text: str = ""
    # This value's own caveat, and its source's caveats for the row's year (lnb_dash.model.caveats.add_to_spine_rows).
    value_caveat: str | None = None
    caveats: tuple[str, ...] = ()
    # Where this value comes from when its source names a publication per value: the publication a reader can open,
    # and the copy it was read in when that is another address (a mirror or proxy, shown but never cited).
    citation_title: str | None = None
    citation_url: str | None = None
    read_at_url: str | None = None
    # "summed from former units" where the build added this value up from them (the reader should know it is a sum).
    provenance_text: str = ""

    @property
    def has_spine(self) -> bool:
        return self.q1_pos is not None

    @property
    def color(self) -> str | None:
        return QUINTILE_COLORS[self.quintile - 1] if self.quintile else None


def quintile(rank, n) -> int | None:
    """1 (lowest fifth of municipalities) to 5 (highest fifth), from a rank where 1 is the highest."""
    if i18n.isna(rank) or i18n.isna(n) or int(n) < 2:
        return None
    return min(5, (int(n) - int(rank)) * 5 // int(n) + 1)


def rank_words(value: float, values: np.ndarray, lang: str) -> str:
    """'9th highest of 61' or, in the lower half, '3rd lowest of 61': the direction is always said."""
    n = len(values)
    if n < 2:
        return "–"
    highest = int((values > value).sum()) + 1
    lowest = int((values < value).sum()) + 1
    if highest <= lowest:
        return i18n.t("rank_highest_1" if highest == 1 else "rank_highest", lang, n=n, ordinal=i18n.ordinal(highest, lang))
    return i18n.t("rank_lowest_1" if lowest == 1 else "rank_lowest", lang, n=n, ordinal=i18n.ordinal(lowest, lang))


def honest_rank(value: float, values: np.ndarray, rank, n_ranked, lang: str) -> tuple[str, int | None]:
    """The rank in words and the quintile only where enough municipalities have a value (the rank rule,
    config.MIN_RANKED); otherwise how many have one ("2 nga 61 kanë vlerë") and no quintile. Fewer than 61 is said."""
    total = levels.N_MUNICIPALITIES
    coverage = i18n.coverage_text(len(values), total, lang) if len(values) < total else ""
    if not i18n.ranked(len(values)):
        return coverage, None
    words = rank_words(value, values, lang)
    return (f"{words} · {coverage}" if coverage else words), quintile(rank, n_ranked)


def points_text(value: float, national: float, lang: str) -> str:
    """A rate against Albania's in percentage points: '+5.2 points' / '+5,2 pikë përqindjeje'."""
    diff = round(value - national, 1)
    sign = "+" if diff > 0 else ("−" if diff < 0 else "±")
    return i18n.t("points_vs_albania", lang, points=sign + i18n.format_number(abs(diff), 1, lang))


def _pos(x, low: float, high: float) -> float | None:
    if i18n.isna(x):
        return None
    return 0.5 if high == low else min(1.0, max(0.0, (float(x) - low) / (high - low)))


def spine_rows(profile: pd.DataFrame, distributions: pd.DataFrame, series: dict[str, list[tuple[int, float]]], lang: str) -> list[SpineRow]:
    """One spine row per indicator of ``profile`` (query_profile output), in the profile's order."""
    groups = {k: g.value.to_numpy(dtype=float) for k, g in distributions.groupby("indicator_id")}
    rows = []
    for r in profile.itertuples():
        meta = meta_of(r)
        values = groups.get(r.indicator_id, np.array([]))
        has_value = r.status == "value" and not i18n.isna(r.value)
        value = float(r.value) if has_value else None
        same_scale = meta.compares_with_national
        row = SpineRow(
            indicator_id=r.indicator_id, theme=r.theme, name=meta.name[lang], kind=r.kind, year=int(r.year), status=r.status,
            value=value, value_text=i18n.format_value(value, meta, lang) if has_value else i18n.status_label(r.status, lang),
            rank_text="–", comparison_text="", county_text="–", national_text="–", range_text="", quintile=None, source_id=r.source_id,
        )
        if has_value and isinstance(getattr(r, "note", None), str) and r.note.startswith(AGGREGATED_NOTE):
            row.provenance_text = i18n.t("upl_summed_from_units", lang)
        if same_scale:
            row.county_text = _fmt(r.county_value, meta, lang)
            row.national_text = _fmt(r.national_value, meta, lang)
        if meta.is_category:
            if has_value:
                n_same = int((values == value).sum())
                row.comparison_text = i18n.t("same_category", lang, k=n_same, n=len(values))
        elif len(values) >= 2:  # one municipality has no range to stand in
            low, high = float(values.min()), float(values.max())
            q1, q3 = np.percentile(values, [25, 75])
            row.q1_pos, row.q3_pos = _pos(q1, low, high), _pos(q3, low, high)
            row.range_text = i18n.t("range_text", lang, low=i18n.format_value(low, meta, lang), high=i18n.format_value(high, meta, lang),
                                    q1=i18n.format_value(q1, meta, lang), q3=i18n.format_value(q3, meta, lang), n=len(values))
            if same_scale:
                row.county_pos, row.national_pos = _pos(r.county_value, low, high), _pos(r.national_value, low, high)
            if has_value:
                row.value_pos = _pos(value, low, high)
                row.rank_text, row.quintile = honest_rank(value, values, r.rank, r.n_ranked, lang)
                row.comparison_text = _comparison(r, meta, value, lang)
        elif has_value:  # the only municipality with a value: no range, no rank
            row.rank_text = i18n.coverage_text(len(values), levels.N_MUNICIPALITIES, lang)
            row.comparison_text = _comparison(r, meta, value, lang)
        if has_value and isinstance(getattr(r, "citation_url", None), str):
            row.citation_title, row.citation_url = r.citation_title, r.citation_url
            row.read_at_url = r.read_at_url if isinstance(getattr(r, "read_at_url", None), str) else None
        pairs = series.get(r.indicator_id, [])
        row.series = pairs
        if pairs:
            row.series_text = " → ".join(f"{y}: {i18n.format_value(v, meta, lang)}" for y, v in pairs)
        rows.append(row)
    return rows


def _comparison(r, meta, value: float, lang: str) -> str:
    """Rates in percentage points against Albania; counts as a share of the national total."""
    national = r.national_value
    if i18n.isna(national):
        return ""
    if meta.compares_with_national:
        if meta.unit["en"] == "%":
            return points_text(value, float(national), lang)
        return ""
    if national:
        return i18n.t("share_of_national", lang, share=i18n.format_number(value / float(national) * 100, 1, lang) + "\u00a0%")
    return ""


def _fmt(value, meta, lang: str) -> str:
    return i18n.format_value(value, meta, lang)


def spine_table(rows: list[SpineRow], lang: str, publishers: dict[str, str] | None = None) -> pd.DataFrame:
    """The spine rows as a plain table (the page's CSV and Excel): every figure the chart draws, in words, with the source."""
    publishers = publishers or {}
    return pd.DataFrame([{
        i18n.t("theme", lang): i18n.theme_label(r.theme, lang),
        i18n.t("indicator", lang): r.name,
        i18n.t("year", lang): r.year,
        i18n.t("value", lang): r.value_text,
        i18n.t("rank", lang): r.rank_text,
        i18n.t("comparison", lang): r.comparison_text,
        i18n.t("county_value", lang): r.county_text,
        i18n.t("national", lang): r.national_text,
        i18n.t("spine_range", lang): r.range_text,
        i18n.t("trend", lang): r.series_text,
        i18n.t("source", lang): publishers.get(r.source_id, r.source_id),
    } for r in rows])


def key_facts(profile: pd.DataFrame, municipality: pd.Series, lang: str) -> list[tuple[str, str]]:
    """(label, text) pairs: county, population, area, density, urbanisation, coastal, LNB priority."""
    by_id = profile.set_index("indicator_id")

    def cell(iid: str) -> tuple[float | None, int | None, object]:
        if iid not in by_id.index or by_id.loc[iid].status != "value":
            return None, None, None
        row = by_id.loc[iid]
        return float(row.value), int(row.year), row

    facts = [(i18n.t("county", lang), municipality["qark"])]
    pop, pop_year, _ = cell("population")
    area, _, _ = cell("area_km2")
    facts.append((i18n.t("population", lang), f"{i18n.format_number(pop, 0, lang)} ({pop_year})" if pop is not None else "–"))
    facts.append((i18n.t("area", lang), f"{i18n.format_number(area, 1, lang)} km²" if area is not None else "–"))
    if pop is not None and area:
        facts.append((i18n.t("density", lang), f"{i18n.format_number(pop / area, 1, lang)} {i18n.t('density_unit', lang)} "
                                                f"({i18n.t('density_note', lang, year=pop_year)})"))
    for iid, label in (("degurba", "urbanisation"), ("coastal", "coastal"), ("lnb_priority", "lnb_priority")):
        value, _, row = cell(iid)
        text = parse_categories(row.categories).get(int(value), {}).get(lang, "–") if row is not None else "–"
        facts.append((i18n.t(label, lang), text))
    return facts

"""The compare page's model: the side-by-side table, a chart per indicator and their downloads."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from lnb_dash import i18n, levels
from lnb_dash.model import downloads
from lnb_dash.model.address import CompareView, page_url
from lnb_dash.model.map import _fmt_optional, citation_columns, indicator_name, meta_of


def compare_table(profiles: dict[str, pd.DataFrame], names: dict[str, str], lang: str) -> pd.DataFrame:
    """Indicators in rows; one column per municipality (value, year and rank) and one for Albania."""
    first = next(iter(profiles.values()))
    rows = []
    for i, r in enumerate(first.itertuples()):
        meta = meta_of(r)
        row = {i18n.t("indicator", lang): meta.name[lang]}
        for code, profile in profiles.items():
            p = profile.iloc[i]
            if p.status == "value":
                rank = i18n.rank_text(p["rank"], p.n_ranked, lang, levels.N_MUNICIPALITIES)
                row[names[code]] = f"{i18n.format_value(p.value, meta, lang)} ({int(p.year)}" + (f"; {rank})" if rank != "–" else ")")
            else:
                row[names[code]] = i18n.status_label(p.status, lang)
        row[i18n.t("albania", lang)] = _fmt_optional(r.national_value, meta, lang)
        rows.append(row)
    return pd.DataFrame(rows)


def compare_download(profiles: dict[str, pd.DataFrame], names: dict[str, str], lang: str, sources: pd.DataFrame) -> pd.DataFrame:
    """The compare view as numbers a spreadsheet can use: one row per municipality and indicator, with value, year,
    rank, unit, county and national figures, source, licence, flag and citation in separate columns (numbers rounded to
    each indicator's decimals; missing values empty, never 0). The profile's download is the same for one municipality."""
    localized = i18n.localize_sources(sources, lang)
    titles, licences = dict(zip(localized.source_id, localized.title)), dict(zip(localized.source_id, localized.license))
    frames = []
    for code, profile in profiles.items():
        frames.append(pd.DataFrame({
            "lau_code": code, "municipality": names[code], "indicator": profile.indicator_id, "indicator_name": profile[f"name_{lang}"],
            "year": profile.year.astype("Int64"), "value": downloads.numbers(profile.value.where(profile.status == "value"), profile.decimals),
            "unit": profile[f"unit_{lang}"], "status": profile.status, "rank": profile["rank"].where(profile.n_ranked.map(i18n.ranked)).astype("Int64"),
            "n_ranked": profile.n_ranked.astype("Int64"), "county_value": downloads.numbers(profile.county_value, profile.decimals),
            "national_value": downloads.numbers(profile.national_value, profile.decimals),
            "source": profile.source_id.map(titles), "licence": profile.source_id.map(licences), **citation_columns(profile, lang),
        }))
    return pd.concat(frames, ignore_index=True)


def profile_download(profile: pd.DataFrame, code: str, name: str, lang: str, sources: pd.DataFrame) -> pd.DataFrame:
    """The profile page's CSV and Excel: :func:`compare_download` for its one municipality (numbers, not the screen's words)."""
    return compare_download({code: profile}, {code: name}, lang, sources)


@dataclass
class CompareChart:
    """One indicator for the compared municipalities at one year, ready to draw (charts.build_compare_chart).

    ``data`` has one row per municipality with a value (lau_code, name, year, value, value_text, source_id), in the
    order chosen; ``missing`` names those without one that year. Albania's figure is drawn as a rule only where it
    is on the municipalities' scale (rates and shares); otherwise ``national_text`` says it in words.
    """

    indicator_id: str
    breakdown: str
    lang: str
    year: int
    title: str
    data: pd.DataFrame
    missing: list[str]
    national_value: float | None
    national_drawn: bool
    national_text: str
    national_source_id: str | None
    source_ids: list[str]

    @property
    def notes(self) -> list[str]:
        """What the bars leave out, in words: Albania's figure and the municipalities without a value that year."""
        missing = ", ".join(self.missing)
        return [n for n in (self.national_text, i18n.t("compare_chart_missing", self.lang, year=self.year, names=missing) if missing else "") if n]


def compare_chart_year(series: pd.DataFrame, codes) -> int | None:
    """The year the most of the chosen municipalities have a value, the latest on a tie: one year per chart, so
    bars side by side are comparable (each municipality's own latest year is in the table above the charts)."""
    chosen = series[series.area_code.isin(list(codes)) & (series.status == "value")]
    if chosen.empty:
        return None
    counts = chosen.groupby("year").area_code.nunique()
    return int(max(counts.index, key=lambda y: (counts[y], y)))


def compare_chart_title(meta, breakdown: str, year: int, lang: str) -> str:
    """The indicator's full identity: name, breakdown (named whenever the indicator has more than one), year, unit."""
    name = meta.name[lang] if breakdown == "total" and len(meta.breakdowns) <= 1 else f"{meta.name[lang]} – {i18n.breakdown_label(breakdown, lang)}"
    return f"{name}, {year} ({meta.unit[lang]})"


def compare_chart_model(series: pd.DataFrame, meta, codes, names: dict[str, str], lang: str,
                        breakdown: str = "total") -> CompareChart | None:
    """The chart of one indicator for the chosen municipalities, or None when none of them has a value (or the
    indicator is a category, which has no scale). ``series`` is indicators.query_timeseries for the codes and 'AL'."""
    year = None if meta.is_category else compare_chart_year(series, codes)
    if year is None:
        return None
    at_year = series[series.year == year].set_index("area_code")
    rows = [{"lau_code": c, "name": names.get(c, c), "year": year, "value": float(at_year.loc[c].value),
             "value_text": i18n.format_value(at_year.loc[c].value, meta, lang, with_unit=meta.unit["en"] == "%"), "source_id": at_year.loc[c].source_id}
            for c in codes if c in at_year.index and at_year.loc[c].status == "value"]
    data = pd.DataFrame(rows, columns=["lau_code", "name", "year", "value", "value_text", "source_id"])
    missing = [names.get(c, c) for c in codes if c not in set(data.lau_code)]
    national = at_year.loc["AL"] if "AL" in at_year.index and at_year.loc["AL"].status == "value" else None
    national_value = float(national.value) if national is not None else None
    national_source = national.source_id if national is not None and isinstance(national.source_id, str) else None
    drawn = national_value is not None and meta.compares_with_national
    national_text = ""
    if national_value is not None:
        value = f"{i18n.format_value(national_value, meta, lang)}, {year}"
        national_text = i18n.t("compare_albania_rule" if drawn else "compare_albania_total", lang, value=value)
    sources = [*data.source_id.dropna(), *([national_source] if national_source else [])]
    return CompareChart(meta.indicator_id, breakdown, lang, year, compare_chart_title(meta, breakdown, year, lang), data, missing,
                        national_value, drawn, national_text, national_source, list(dict.fromkeys(s for s in sources if isinstance(s, str))))


def compare_charts_download(charts: list[CompareChart], metas: dict, lang: str, sources: pd.DataFrame) -> pd.DataFrame:
    """What the compare charts draw, as numbers: one row per municipality and chart, and Albania's figure in
    its own row (level 'national'), with indicator, breakdown, year, value (rounded to the indicator's decimals), unit,
    status, source and licence in separate columns."""
    localized = i18n.localize_sources(sources, lang)
    titles, licences = dict(zip(localized.source_id, localized.title)), dict(zip(localized.source_id, localized.license))
    frames = []
    for chart in charts:
        meta = metas[chart.indicator_id]
        rows = chart.data.assign(level="municipality")[["lau_code", "name", "level", "year", "value", "source_id"]]
        if chart.national_value is not None:
            rows = pd.concat([rows, pd.DataFrame([{"lau_code": "AL", "name": i18n.t("albania", lang), "level": "national", "year": chart.year,
                                                   "value": chart.national_value, "source_id": chart.national_source_id}])], ignore_index=True)
        frames.append(pd.DataFrame({
            "area_code": rows.lau_code, "area": rows.name, "level": rows.level, "indicator": chart.indicator_id,
            "indicator_name": indicator_name(meta, chart.breakdown, lang), "breakdown": chart.breakdown, "year": rows.year.astype("Int64"),
            "value": downloads.numbers(rows.value, meta.decimals), "unit": meta.unit[lang], "status": "value", "flag": rows.get("flag"),
            "source": rows.source_id.map(titles), "licence": rows.source_id.map(licences),
        }))
    columns = ["area_code", "area", "level", "indicator", "indicator_name", "breakdown", "year", "value", "unit", "status", "flag", "source",
               "licence"]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns)


def compare_no_chart_note(profile: pd.DataFrame, drawn_ids, lang: str) -> str:
    """Which indicators got no chart because none of the chosen municipalities has a value (categories have no scale
    and are only in the table)."""
    skipped = [r[f"name_{lang}"] for _, r in profile.iterrows() if r.kind != "category" and r.indicator_id not in set(drawn_ids)]
    return i18n.t("compare_no_chart", lang, names="; ".join(skipped)) if skipped else ""


COMPARE_MAX = 6  # the compare page's limit: a profile and its five similar municipalities


def compare_url(codes, lang: str) -> str:
    """The compare page's address for municipalities picked elsewhere (the map): each once, at most COMPARE_MAX, in
    the order picked; the page resolves them through the alias table like any link."""
    chosen = list(dict.fromkeys(codes))[:COMPARE_MAX]
    return page_url("compare", CompareView(m=tuple(chosen)), lang)

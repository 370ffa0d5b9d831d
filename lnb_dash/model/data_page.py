"""The data page's model: the observation table, its columns in the reader's language, coverage by level."""

from __future__ import annotations

import pandas as pd

from lnb_dash import i18n, levels
from lnb_dash.i18n import N_
from lnb_dash.model import caveats, downloads
from lnb_dash.model.map import citation_columns


def observations_download(observations: pd.DataFrame, lang: str, decimals: dict[str, int] | None = None) -> pd.DataFrame:
    """The observations as a reader downloads them: names, value (rounded to its indicator's ``decimals`` when given),
    unit, year, status, flag, full source and licence, and each value's note and citation when its source gives one."""
    area = observations.area_name.where(observations.area_level != "national", i18n.t("albania", lang))
    source, publisher, license_ = observations.source_title, observations.source_publisher, observations.source_license
    if lang == "sq" and "source_title_sq" in observations:
        source = observations.source_title_sq.fillna(source)
        publisher = observations.source_publisher_sq.fillna(publisher) if "source_publisher_sq" in observations else publisher
        license_ = observations.source_license_sq.fillna(license_) if "source_license_sq" in observations else license_
    return pd.DataFrame({
        "area_code": observations.area_code, "area": area, "level": observations.area_level,
        "indicator": observations.indicator_id, "indicator_name": observations[f"name_{lang}"], "breakdown": observations.breakdown,
        "year": observations.year,
        "value": downloads.numbers(observations.value, observations.indicator_id.map(decimals) if decimals else 6),
        "unit": observations[f"unit_{lang}"], "status": observations.status,
        "break_in_series": observations.break_in_series, "computed": observations.computed, **citation_columns(observations, lang),
        "source": source, "publisher": publisher, "licence": license_,
        "source_url": observations.source_url,
    })


OBSERVATION_COLUMN_LABELS = {
    "area_code": N_("col_area_code"), "area": N_("col_area"), "level": "level", "indicator": N_("col_indicator_id"), "indicator_name": "indicator",
    "breakdown": "breakdown", "year": "year", "value": "value", "unit": "unit", "status": "status",
    "break_in_series": N_("col_break_in_series"), "computed": N_("col_computed"), "note": N_("col_note"), "citation_url": N_("col_citation_url"),
    "citation_title": N_("col_citation_title"), "citation_text": N_("col_citation_text"), "citation_retrieved": N_("col_citation_retrieved"),
    "source": "source", "publisher": "publisher", "licence": "license", "flag": N_("qual_flag_heading"),
    "read_at_url": N_("qual_read_at"), "source_url": N_("col_source_url"),
}


def _number_text(value, lang: str) -> str:
    """A downloaded (already rounded) value in the language's convention, with as many decimals as it has."""
    decimals = 0 if float(value).is_integer() else len(repr(float(value)).split(".")[1])
    return i18n.format_number(value, decimals, lang)


def observations_display(download: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The data page's table: :func:`observations_download` with column names, levels, breakdowns and statuses in
    ``lang`` (the files keep their stable column names and codes, so scripts read both languages alike). A missing
    value shows its status ('Pa të dhëna'), and an empty cell is empty, never 'None'."""
    value = [i18n.status_label(s, lang) if s != "value" or pd.isna(v) else _number_text(v, lang) for v, s in zip(download.value, download.status)]
    texts = download.select_dtypes(include=["object", "str"]).columns
    shown = download.assign(**{c: download[c].where(download[c].notna(), "") for c in texts})
    shown = shown.assign(value=value, level=download.level.map(lambda v: levels.plural_label(v, lang)),
                            breakdown=download.breakdown.map(lambda v: i18n.breakdown_label(v, lang)),
                            status=download.status.map(lambda v: i18n.status_label(v, lang)),
                            note=download.note.map(lambda v: caveats.note_text(v, lang)))
    return shown.rename(columns={c: i18n.t(k, lang) for c, k in OBSERVATION_COLUMN_LABELS.items()})


def coverage_by_level_table(coverage: pd.DataFrame, catalogue: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per indicator and level, years in columns, 'areas with a value / areas at that level' in the cells.

    ``coverage`` is :func:`lnb_dash.query.indicators.query_coverage_by_level`; empty cells mean no value that year.
    """
    columns = [i18n.t("indicator", lang), i18n.t("level", lang)]
    if coverage.empty:
        return pd.DataFrame(columns=columns)
    names = dict(zip(catalogue.indicator_id, catalogue[f"name_{lang}"]))
    order = {level: i for i, level in enumerate(("former_unit", "municipality", "county", "national"))}
    cells = coverage.assign(cell=coverage.n_areas.astype(str) + "/" + coverage.n_possible.astype(str))
    table = cells.pivot_table(index=["indicator_id", "area_level"], columns="year", values="cell", aggfunc="first").reset_index()
    table = table.sort_values(["indicator_id", "area_level"], key=lambda s: s.map(order) if s.name == "area_level" else s)
    table.columns = [str(c) for c in table.columns]
    years = [c for c in table.columns if c.isdigit()]
    out = pd.DataFrame({columns[0]: table.indicator_id.map(lambda i: names.get(i, i)),
                        columns[1]: table.area_level.map(lambda lv: levels.plural_label(lv, lang))})
    latest = coverage[coverage.n_areas > 0].groupby(["indicator_id", "area_level"]).year.max()
    out[i18n.t("latest_year", lang)] = [str(latest.get((i, lv), "")) for i, lv in zip(table.indicator_id, table.area_level)]
    return pd.concat([out, table[years].fillna("")], axis=1).reset_index(drop=True)

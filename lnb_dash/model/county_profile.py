"""The county profile: every indicator the database holds for one of the 12 counties, with its rank among them,
its municipalities with their census counts and change, and the census changes of the county itself.

Plain data (no Streamlit): lnb_dash.render.profile_html draws the rows as tables, the same rows go to the CSV.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from lnb_dash import i18n, names
from lnb_dash.model import change
from lnb_dash.model.map import meta_of
from lnb_dash.model.profiles import rank_words
from lnb_dash.query.db import cursor


def county_title(code: str, lang: str) -> str:
    """'Qarku i Tiranës' / 'Tiranë County'."""
    resolver = names.load_resolver()
    return i18n.t("county_title", lang, genitive=resolver.genitive(code), name=resolver.names["county"].get(code, code))


def query_indicators(con: duckdb.DuckDBPyConnection, county_code: str) -> pd.DataFrame:
    """For each indicator with a value for this county: its latest year, and that year's values for every county
    and Albania (total breakdown, values only: a missing value is neither shown nor ranked).

    Returns columns: area_code, area_level, indicator_id, year, value, computed, source_id, note, citation_url,
    citation_title, citation_retrieved, plus the catalogue's theme, kind, decimals, names, units and categories.
    """
    return cursor(con).execute("""
        WITH latest AS (
            SELECT indicator_id, max(year) AS year FROM observations
            WHERE area_code = $c AND breakdown = 'total' AND status = 'value' GROUP BY indicator_id)
        SELECT o.area_code, o.area_level, o.indicator_id, o.year, o.value, o.computed, o.source_id, o.note,
               o.citation_url, o.citation_title, o.citation_retrieved,
               i.theme, i.kind, i.decimals, i.higher_is_better, i.name_sq, i.name_en, i.unit_sq, i.unit_en, i.categories
        FROM observations AS o JOIN latest AS l USING (indicator_id, year) JOIN indicators AS i USING (indicator_id)
        WHERE o.area_level IN ('county', 'national') AND o.breakdown = 'total' AND o.status = 'value'
        ORDER BY i.theme, o.indicator_id, o.area_code""", {"c": county_code}).df()


# Shown first: who lives there and how large it is; the election figures follow in the catalogue's order.
FIRST = ("population", "population_1jan", "area_km2", "parliament_seats")


@dataclass
class CountyRow:
    indicator_id: str
    name: str
    year: int
    value: float
    value_text: str
    rank_text: str
    national_text: str
    computed: bool
    source_id: str
    citation: str


def indicator_rows(frame: pd.DataFrame, county_code: str, lang: str) -> list[CountyRow]:
    """One row per indicator: the county's value, 'e 3-ta më e lartë nga 12', Albania's figure the same year."""
    rows = []
    order = {iid: i for i, iid in enumerate(FIRST)}
    for iid, group in sorted(frame.groupby("indicator_id", sort=False), key=lambda g: order.get(g[0], len(FIRST))):
        own = group[group.area_code == county_code]
        if own.empty:
            continue
        r = own.iloc[0]
        meta = meta_of(r)
        counties = group[group.area_level == "county"].value.to_numpy(dtype=float)
        national = group[group.area_level == "national"]
        rank = rank_words(float(r.value), counties, lang) if not meta.is_category else "–"
        citation = f"{r.citation_title}: {r.citation_url} ({r.citation_retrieved})" if isinstance(r.citation_url, str) and r.citation_url else ""
        rows.append(CountyRow(iid, meta.name[lang], int(r.year), float(r.value), i18n.format_value(r.value, meta, lang), rank,
                              i18n.format_value(national.value.iloc[0], meta, lang) if len(national) else "–",
                              bool(r.computed), r.source_id, citation))
    return rows


def indicator_table(rows: list[CountyRow], lang: str, publishers: dict[str, str]) -> pd.DataFrame:
    """The rows as the page's CSV: every figure in words, the level, whether it is a computed sum, and the source."""
    return pd.DataFrame([{
        "level": "county", i18n.t("indicator", lang): r.name, i18n.t("year", lang): r.year, i18n.t("value", lang): r.value_text,
        i18n.t("rank_among_counties", lang): r.rank_text, i18n.t("national", lang): r.national_text,
        i18n.t("computed_sum", lang): r.computed, i18n.t("source", lang): publishers.get(r.source_id, r.source_id),
        i18n.t("citation", lang): r.citation,
    } for r in rows])


def query_municipalities(con: duckdb.DuckDBPyConnection, county_code: str) -> pd.DataFrame:
    """The county's municipalities with both censuses and the change between them (change.census_changes).

    Returns columns: lau_code, name, from_value (2011), to_value (2023), change, change_pct.
    """
    munis = cursor(con).execute("SELECT lau_code, name FROM municipalities WHERE county_code = $c ORDER BY name",
                                {"c": county_code}).df()
    changes = change.census_changes(change.query_census(con, munis.lau_code.tolist()))
    changes = changes[(changes.from_year == 2011) & (changes.to_year == 2023)]
    return munis.merge(changes[["area_code", "from_value", "to_value", "change", "change_pct"]],
                       left_on="lau_code", right_on="area_code", how="left").drop(columns="area_code")

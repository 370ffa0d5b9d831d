"""The county profile: every indicator the database holds for one of the 12 counties, with its rank among them,
its municipalities with their census counts and change, and the census changes of the county itself.

Plain data (no Streamlit): lnb_dash.render.profile_html draws the rows as tables, the same rows go to the CSV.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from lnb_dash import i18n, names
from lnb_dash.model import change
from lnb_dash.model.map import meta_of
from lnb_dash.model.profiles import rank_words


def county_title(code: str, lang: str) -> str:
    """'Qarku i Tiranës' / 'Tiranë County'."""
    resolver = names.load_resolver()
    return i18n.t("county_title", lang, genitive=resolver.genitive(code), name=resolver.names["county"].get(code, code))


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


def municipalities_with_change(municipalities: pd.DataFrame, census: pd.DataFrame) -> pd.DataFrame:
    """A county's municipalities (query.profiles.list_county_municipalities) with both censuses and the change between
    them (change.census_changes of ``census``, query.profiles.query_census output).

    Returns columns: lau_code, name, from_value (2011), to_value (2023), change, change_pct.
    """
    changes = change.census_changes(census[census.area_code.isin(municipalities.lau_code)])
    changes = changes[(changes.from_year == 2011) & (changes.to_year == 2023)]
    return municipalities.merge(changes[["area_code", "from_value", "to_value", "change", "change_pct"]],
                                left_on="lau_code", right_on="area_code", how="left").drop(columns="area_code")

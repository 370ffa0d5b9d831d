"""The county profile: every indicator the database holds for one of the 12 counties, with its rank among them,
its municipalities with their census counts and change, and the census changes of the county itself.

Plain data and HTML (no Streamlit): the page shows the HTML, the same rows go to the CSV, and the tables
wrap into cards on a phone and print whole (the classes are profile_html's).
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd

from lnb_dash import i18n, names
from lnb_dash.model import change
from lnb_dash.model.map import meta_of
from lnb_dash.model.profiles import rank_words

# The tables' look: like the profile's spine table (profile_html), cards on a phone, whole rows on paper.
# A class of their own, so the municipal profile's spine table and its tests stay as they are.
STYLE = """<style>
.lnb-cards { width: 100%; border-collapse: collapse; font-size: 0.9rem; line-height: 1.3; margin-bottom: 0.6rem; }
.lnb-cards caption { text-align: left; font-weight: 600; padding: 0 0 0.4rem 0; caption-side: top; }
.lnb-cards th, .lnb-cards td { padding: 0.35rem 0.45rem; border-bottom: 1px solid #d9d9d9; vertical-align: middle; text-align: left; }
.lnb-cards thead th { background: #eef2f8; font-weight: 600; font-size: 0.8rem; border-bottom: 2px solid #9aa9c2; }
.lnb-cards .lnb-sub { display: block; font-weight: 400; font-size: 0.78rem; color: #555555; overflow-wrap: anywhere; }
.lnb-cards .lnb-value { white-space: nowrap; font-weight: 600; }
.lnb-cards .lnb-missing { color: #555555; font-style: italic; font-weight: 400; }
.lnb-cards a { font-weight: 600; }
@media (max-width: 640px) {
  .lnb-cards, .lnb-cards tbody, .lnb-cards tr, .lnb-cards td, .lnb-cards th { display: block; width: 100%; box-sizing: border-box; }
  .lnb-cards caption { display: block; width: 100%; }
  .lnb-cards thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0, 0, 0, 0); }
  .lnb-cards tbody tr { border: 1px solid #d0d7e2; border-radius: 0.4rem; margin: 0 0 0.5rem 0; padding: 0.2rem 0; }
  .lnb-cards td, .lnb-cards tbody th[scope="row"] { border-bottom: none; padding: 0.15rem 0.6rem; }
  .lnb-cards td[data-label]::before { content: attr(data-label) ": "; font-weight: 400; color: #555555; }
}
@media print { .lnb-cards tr { break-inside: avoid; } .lnb-cards thead { display: table-header-group; } }
</style>"""


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


def _e(text) -> str:
    return html.escape("" if text is None else str(text))


def _signed(v, decimals: int, lang: str, suffix: str = "") -> str:
    if pd.isna(v):
        return "–"
    return ("+" if v > 0 else "−" if v < 0 else "±") + i18n.format_number(abs(v), decimals, lang) + suffix


def _number(v, lang: str) -> str:
    return "–" if pd.isna(v) else i18n.format_number(v, 0, lang)


def indicators_html(rows: list[CountyRow], lang: str, caption: str) -> str:
    """The county's indicators as one table (cards on a phone): value, year, rank among the 12, Albania."""
    head = [i18n.t("indicator", lang), i18n.t("value", lang), i18n.t("year", lang), i18n.t("rank_among_counties", lang),
            i18n.t("national", lang)]
    body = []
    for r in rows:
        computed = f'<span class="lnb-sub">{_e(i18n.t("computed_sum", lang))}</span>' if r.computed else ""
        citation = f'<span class="lnb-sub">{_e(r.citation)}</span>' if r.citation else ""
        body.append(f'<tr><th class="lnb-row" scope="row">{_e(r.name)}{citation}</th>'
                    f'<td class="lnb-value" data-label="{_e(head[1])}">{_e(r.value_text)}{computed}</td>'
                    f'<td data-label="{_e(head[2])}">{r.year}</td>'
                    f'<td class="lnb-rank" data-label="{_e(head[3])}">{_e(r.rank_text)}</td>'
                    f'<td data-label="{_e(head[4])}">{_e(r.national_text)}</td></tr>')
    return STYLE + _table("lnb-county-indicators", caption, head, body)


def municipalities_html(munis: pd.DataFrame, lang: str, caption: str) -> str:
    """The county's municipalities, each a link to its profile, with Census 2011, Census 2023 and the change."""
    head = [i18n.t("municipality", lang), i18n.t("population_2011", lang), i18n.t("population_2023", lang),
            i18n.t("change_abs", lang), i18n.t("change_pct", lang)]
    body = []
    for m in munis.itertuples():
        link = f'<a href="/profile?m={_e(m.lau_code)}&amp;lang={_e(lang)}" target="_self">{_e(m.name)}</a>'
        body.append(f'<tr><th class="lnb-row" scope="row">{link}</th>'
                    f'<td class="lnb-value" data-label="{_e(head[1])}">{_number(m.from_value, lang)}</td>'
                    f'<td class="lnb-value{" lnb-missing" if pd.isna(m.to_value) else ""}" data-label="{_e(head[2])}">{_number(m.to_value, lang)}</td>'
                    f'<td data-label="{_e(head[3])}">{_signed(m.change, 0, lang)}</td>'
                    f'<td data-label="{_e(head[4])}">{_signed(m.change_pct, 1, lang, chr(160) + "%")}</td></tr>')
    return _table("lnb-county-municipalities", caption, head, body)


def changes_html(changes: pd.DataFrame, lang: str, caption: str) -> str:
    """Census-to-census change of one area, with the method in words on every row."""
    table = change.change_table(changes, lang)
    head = list(table.columns)
    body = ["<tr>" + f'<th class="lnb-row" scope="row">{_e(row[0])}</th>' + "".join(f'<td data-label="{_e(h)}">{_e(v)}</td>' for h, v in zip(head[1:], row[1:]))
            + "</tr>" for row in table.itertuples(index=False)]
    return STYLE + _table("lnb-county-changes", caption, head, body)


def _table(css: str, caption: str, head: list[str], body: list[str]) -> str:
    header = "".join(f'<th scope="col">{_e(h)}</th>' for h in head)
    return (f'<table class="lnb-cards {css}"><caption>{_e(caption)}</caption><thead><tr>{header}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table>')


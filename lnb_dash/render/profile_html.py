"""The profile's indicator table and similar municipalities as HTML, for a wide screen, a phone and paper.

One real <table> (caption, column and row headers) is the chart and its accessible alternative at once:
each row has the figures in words and a spine picture hidden from screen readers. On a narrow screen
the rows become cards that wrap (no sideways scrolling); printed, every row prints, the header repeats.
Every text from data passes through html.escape.
"""

from __future__ import annotations

import base64
import html
from itertools import groupby
from urllib.parse import urlsplit

import pandas as pd

from lnb_dash import i18n
from lnb_dash.model import change, county_profile
from lnb_dash.model.address import ProfileView, page_url
from lnb_dash.model.caveats import MARK
from lnb_dash.model.profiles import QUINTILE_COLORS, SpineRow
from lnb_dash.render import charts

# The width under which the profile's and the county's tables turn into cards: their rows need 898 px (Korçë, in Albanian;
# a laptop of 1366 px with the menu open gives them 906).
CARDS_BELOW = 900
_SPINE_CARDS = """
  .lnb-spine, .lnb-spine tbody, .lnb-spine tr, .lnb-spine td, .lnb-spine th { display: block; width: 100%; box-sizing: border-box; }
  .lnb-spine caption { display: block; width: 100%; }
  .lnb-spine thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0, 0, 0, 0); }
  .lnb-spine tbody tr:not(.lnb-theme) { border: 1px solid #d0d7e2; border-radius: 0.4rem; margin: 0 0 0.5rem 0; padding: 0.2rem 0; }
  .lnb-spine td, .lnb-spine tbody th[scope="row"] { border-bottom: none; padding: 0.15rem 0.6rem; }
  .lnb-spine td[data-label]::before { content: attr(data-label) ": "; font-weight: 400; color: #555555; }
  .lnb-spine td.lnb-empty { display: none; }
  .lnb-spine .lnb-theme td { margin-top: 0.4rem; }
"""


def _cards_where_narrow(table_class: str, rules: str) -> str:
    """The card rules also where the table's own column is narrower than its rows need, not only on a phone: a laptop
    at 200 % zoom is 683 px wide, a window beside another narrower still, and the rows would scroll sideways (WCAG 1.4.10
    Reflow). On screen only: paper keeps whole rows."""
    return (f'[data-testid="stHtml"]:has(.{table_class}) {{ container-type: inline-size; }}\n'
            f"@media screen {{ @container (max-width: {CARDS_BELOW}px) {{{rules}}} }}")


PROFILE_STYLE = """<style>
.lnb-spine { width: 100%; border-collapse: collapse; font-size: 0.9rem; line-height: 1.3; }
.lnb-spine caption { text-align: left; font-weight: 600; padding: 0 0 0.4rem 0; caption-side: top; }
.lnb-spine th, .lnb-spine td { padding: 0.35rem 0.45rem; border-bottom: 1px solid #d9d9d9; vertical-align: middle; text-align: left; }
.lnb-spine thead th { background: #eef2f8; font-weight: 600; font-size: 0.8rem; border-bottom: 2px solid #9aa9c2; }
.lnb-spine tbody th[scope="row"] { font-weight: 600; }
.lnb-spine .lnb-theme td { background: #f6f6f6; font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.03em; color: #333333; }
.lnb-spine .lnb-sub { display: block; font-weight: 400; font-size: 0.78rem; color: #555555; }
.lnb-spine .lnb-caveats { font-weight: 400; font-size: 0.78rem; color: #555555; } .lnb-spine .lnb-caveats ul { margin: 0; padding-left: 1rem; }
.lnb-spine .lnb-value { white-space: nowrap; font-weight: 600; }
.lnb-spine .lnb-missing { color: #555555; font-style: italic; font-weight: 400; }
.lnb-swatch { display: inline-block; width: 0.75rem; height: 0.75rem; border-radius: 50%; border: 1.5px solid #000000;
              vertical-align: -0.1rem; margin-right: 0.3rem; }
.lnb-spine-svg { display: block; max-width: 100%; height: auto; }
.lnb-spark { display: block; }
.lnb-icon { vertical-align: middle; }
.lnb-sr { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0, 0, 0, 0);
          white-space: nowrap; border: 0; }
.lnb-spine-legend { display: flex; flex-wrap: wrap; gap: 0.3rem 1rem; align-items: center; font-size: 0.82rem; margin: 0.3rem 0 0.6rem 0; }
.lnb-spine-legend > span { white-space: nowrap; }
.lnb-spine-legend > span.lnb-wrap { white-space: normal; }
.lnb-similar { list-style: none; padding: 0 !important; margin: 0 0 0.6rem 0; display: grid; gap: 0.5rem;
               grid-template-columns: repeat(auto-fill, minmax(10.5rem, 1fr)); }
.lnb-similar li { border: 1px solid #d0d7e2; border-radius: 0.4rem; padding: 0.4rem 0.6rem; font-size: 0.85rem; margin: 0; }
.lnb-spine .lnb-rank { white-space: nowrap; }
.lnb-spine .lnb-spine-cell { min-width: 200px; }
.lnb-similar a { font-weight: 600; }
@media (max-width: 640px) {""" + _SPINE_CARDS + """}
""" + _cards_where_narrow("lnb-spine", _SPINE_CARDS) + """
@media print {
  [data-testid="stMain"], [data-testid="stAppViewContainer"], [data-testid="stAppScrollToBottomContainer"], .stApp, .stMain,
  [data-testid="stMainBlockContainer"] { overflow: visible !important; height: auto !important; max-height: none !important;
                                         position: static !important; }
  [data-testid="stSelectbox"], [data-testid="stDownloadButton"], .stDownloadButton, [data-testid="stPopover"], .lnb-no-print {
    display: none !important; }
  [data-testid="stMain"] iframe { max-width: 100% !important; }
  .lnb-spine { font-size: 8.5pt; }
  .lnb-spine thead { display: table-header-group; }
  .lnb-spine tr { break-inside: avoid; page-break-inside: avoid; }
  .lnb-similar li { break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
</style>"""


def _e(text) -> str:
    return html.escape("" if text is None else str(text))


def svg_img(svg: str, css: str = "") -> str:
    """An SVG drawn as a decorative image: Streamlit's HTML sanitiser keeps images but removes inline SVG."""
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return f'<img class="{css}" src="data:image/svg+xml;base64,{data}" alt="">'


def _icon(body: str, width: int, height: int) -> str:
    return svg_img(f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}">{body}</svg>',
                   "lnb-icon")


def sparkline_svg(series: list[tuple[int, float]], width: int = 64, height: int = 22) -> str:
    """The municipality's series as a small line (the years and values are in the row's hidden text)."""
    values = [v for _, v in series]
    low, high = min(values), max(values)
    step = (width - 4) / (len(values) - 1)

    def y(v: float) -> float:
        return round(height - 3 - (0 if high == low else (v - low) / (high - low)) * (height - 6), 1)

    points = " ".join(f"{round(2 + i * step, 1)},{y(v)}" for i, v in enumerate(values))
    last_x, last_y = points.split(" ")[-1].split(",")
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}">'
            f'<polyline points="{points}" fill="none" stroke="#1a4fb5" stroke-width="1.6"/>'
            f'<circle cx="{last_x}" cy="{last_y}" r="2.2" fill="#1a4fb5"/></svg>')


ALBANIA_ICON = '<line x1="7" y1="1" x2="7" y2="15" stroke="#000000" stroke-width="2"/>'
COUNTY_ICON = '<path d="M7 1L13 7L7 13L1 7Z" fill="#969696" stroke="#252525"/>'
MIDDLE_ICON = '<rect x="1" y="1" width="24" height="10" fill="#d4d4d4" stroke="#8c8c8c"/>'


def legend_html(lang: str) -> str:
    """What the marks mean; the quintile colours from lowest to highest fifth."""
    swatches = "".join(f'<span class="lnb-swatch" style="background:{c}" title="{_e(i18n.t("quintile_n", lang, q=i + 1))}"></span>'
                       for i, c in enumerate(QUINTILE_COLORS))
    return (f'<div class="lnb-spine-legend">'
            f'<span class="lnb-wrap">{_e(i18n.t("quintile_legend", lang))} {_e(i18n.t("quintile_1", lang))} {swatches} '
            f'{_e(i18n.t("quintile_5", lang))}</span>'
            f'<span>{_icon(ALBANIA_ICON, 14, 16)} {_e(i18n.t("legend_albania", lang))}</span>'
            f'<span>{_icon(COUNTY_ICON, 14, 14)} {_e(i18n.t("legend_county", lang))}</span>'
            f'<span>{_icon(MIDDLE_ICON, 26, 12)} {_e(i18n.t("legend_middle", lang))}</span></div>')


def spine_table_html(rows: list[SpineRow], lang: str, municipality_name: str, municipality_genitive: str) -> str:
    """The spine chart as one table: a row per indicator, grouped by theme; the caption names the municipality
    (in the genitive in Albanian)."""
    headers = [i18n.t(k, lang) for k in ("indicator", "value", "rank", "comparison", "county_value", "national", "spine_range", "trend")]
    labels = dict(zip(("value", "rank", "comparison", "county", "national", "range", "trend"), headers[1:]))
    caption = i18n.t("spine_caption", lang, name=municipality_name, name_gen=municipality_genitive)
    # Every cell names its column and row headers by id (WCAG 1.3.1). A theme is a row of its own before its indicators,
    # not a header: a header row between the column headers and the cells makes HTML_CodeSniffer count it as a column
    # header of every cell in the table.
    out = [f'<table class="lnb-spine"><caption>{_e(caption)}</caption><thead><tr>',
           "".join(f'<th scope="col" id="lnb-spine-c{j}">{_e(h)}</th>' for j, h in enumerate(headers)), "</tr></thead><tbody>"]
    n = 0
    for theme, group in groupby(rows, key=lambda r: r.theme):
        out.append(f'<tr class="lnb-theme"><td colspan="{len(headers)}">{_e(i18n.theme_label(theme, lang))}</td></tr>')
        for r in group:
            out.append(_row_html(r, labels, lang, f"lnb-spine-r{n}"))
            n += 1
    out.append("</tbody></table>")
    return "".join(out)


def _cell(label: str, content: str, css: str = "", headers: str = "") -> str:
    if not content or content == "–":
        return f'<td class="lnb-empty {css}" headers="{headers}">–</td>'
    return f'<td class="{css}" data-label="{_e(label)}" headers="{headers}">{content}</td>'


def _caveats_html(r: SpineRow, lang: str) -> str:
    """This value's own caveat in view; the source's caveats for the row's year folded under '⚠ Caveats (n)'."""
    own = f'<span class="lnb-sub lnb-caveat">{MARK} {_e(r.value_caveat)}</span>' if r.value_caveat else ""
    more = "".join(f"<li>{_e(c)}</li>" for c in r.caveats)
    folded = (f'<details class="lnb-caveats"><summary>{MARK} {_e(i18n.t("caveats_heading", lang))} ({len(r.caveats)})</summary>'
              f"<ul>{more}</ul></details>") if r.caveats else ""
    return own + folded


def _link(url: str, text: str) -> str:
    return f'<a href="{_e(url)}" target="_blank" rel="noopener noreferrer">{_e(text)}</a>' if url.startswith(("https://", "http://")) else _e(text)


def citation_html(r: SpineRow, lang: str) -> str:
    """'Burimi i vlerës: <publication>; Ku u lexua vlera: <copy>': the publication a reader can cite, and the copy it was
    read in when that is another address (its host, linked). Empty when the source names no publication per value."""
    if not r.citation_url:
        return ""
    parts = [f'{_e(i18n.t("qual_publication", lang))}: {_link(r.citation_url, r.citation_title or r.citation_url)}']
    if r.read_at_url:
        parts.append(f'{_e(i18n.t("qual_read_at", lang))}: {_link(r.read_at_url, urlsplit(r.read_at_url).hostname or r.read_at_url)}')
    return f'<span class="lnb-sub lnb-cite">{"; ".join(parts)}</span>'


def _row_html(r: SpineRow, labels: dict[str, str], lang: str, row_id: str) -> str:
    if r.value is None:
        value = f'<span class="lnb-missing">{_e(r.value_text)}</span>'
    else:
        swatch = (f'<span class="lnb-swatch" style="background:{r.color}"></span>'
                  f'<span class="lnb-sr">{_e(i18n.t("quintile_n", lang, q=r.quintile))}: </span>') if r.color else ""
        value = f"{swatch}{_e(r.value_text)}" + (f'<span class="lnb-sub">{_e(r.provenance_text)}</span>' if r.provenance_text else "")
    dot = (" " + i18n.t("a11y_spine_dot", lang, value=r.value_text, rank=r.rank_text,
                        quintile=i18n.t("quintile_n", lang, q=r.quintile) if r.quintile else "–")) if r.value is not None else ""
    spine = (f'{svg_img(charts.spine_svg(r), "lnb-spine-svg")}<span class="lnb-sr">{_e(r.range_text)}.{_e(dot)}</span>'
             if r.has_spine else "")
    trend = f'{svg_img(sparkline_svg(r.series), "lnb-spark")}<span class="lnb-sr">{_e(r.series_text)}</span>' if r.series else ""
    def headers(column: int) -> str:
        return f"lnb-spine-c{column} {row_id}"

    return ("<tr>"
            f'<th scope="row" id="{row_id}">{_e(r.name)}<span class="lnb-sub">{r.year}</span>'
            f'{_caveats_html(r, lang)}{citation_html(r, lang)}</th>'
            f'<td class="lnb-value" data-label="{_e(labels["value"])}" headers="{headers(1)}">{value}{" " + MARK if r.value_caveat else ""}</td>'
            + _cell(labels["rank"], _e(r.rank_text), "lnb-rank", headers(2))
            + _cell(labels["comparison"], _e(r.comparison_text), headers=headers(3))
            + _cell(labels["county"], _e(r.county_text), headers=headers(4))
            + _cell(labels["national"], _e(r.national_text), headers=headers(5))
            + _cell(labels["range"], spine, "lnb-spine-cell", headers(6))
            + _cell(labels["trend"], trend, headers=headers(7))
            + "</tr>")


def similar_html(similar: pd.DataFrame, lang: str, categories: dict[str, dict], county_names: dict[str, str]) -> str:
    """The nearest municipalities as cards: name (a link to its profile), distance, and the variables compared.

    ``categories`` holds the labels of ``degurba`` and ``coastal`` (indicator_id → code → language → label).
    """
    items = []
    for s in similar.itertuples():
        facts = [f"{i18n.t('distance', lang)}: {i18n.format_number(s.distance, 2, lang)}",
                 f"{i18n.t('county', lang)}: {county_names.get(s.county_code, s.county_code)}",
                 f"{i18n.t('population', lang)} 2011: {i18n.format_number(s.population, 0, lang)}",
                 f"{i18n.t('density', lang)}: {i18n.format_number(s.density, 0, lang)} {i18n.t('density_unit', lang)}",
                 f"{i18n.t('urbanisation', lang)}: {category_label(categories, 'degurba', s.degurba, lang)}",
                 f"{i18n.t('coastal', lang)}: {category_label(categories, 'coastal', s.coastal, lang)}"]
        if s.missing:
            facts.append(i18n.t("similar_missing", lang, variables=", ".join(i18n.t(f"var_{v}", lang) for v in s.missing.split(","))))
        items.append(f'<li><a href="{_e(page_url("profile", ProfileView(m=s.lau_code), lang))}" target="_self">{_e(s.name)}</a><br>'
                     + "<br>".join(_e(f) for f in facts) + "</li>")
    return f'<ul class="lnb-similar">{"".join(items)}</ul>'


def compare_link_html(url: str, label: str) -> str:
    """One click to Compare with the similar municipalities (same tab: the compare page reads ``m`` from the address)."""
    return f'<p class="lnb-no-print"><a class="lnb-compare-link" href="{_e(url)}" target="_self">{_e(label)} →</a></p>'


def category_label(categories: dict[str, dict], indicator: str, code, lang: str) -> str:
    """A category's label ('Rural area'), '–' when missing."""
    return "–" if pd.isna(code) else categories.get(indicator, {}).get(int(code), {}).get(lang, "–")


# The county profile's tables: like the spine table, cards on a phone, whole rows on paper; a class of their own,
# so the municipal profile's spine table stays as it is.
_TABLE_CARDS = """
  .lnb-cards, .lnb-cards tbody, .lnb-cards tr, .lnb-cards td, .lnb-cards th { display: block; width: 100%; box-sizing: border-box; }
  .lnb-cards caption { display: block; width: 100%; }
  .lnb-cards thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0, 0, 0, 0); }
  .lnb-cards tbody tr { border: 1px solid #d0d7e2; border-radius: 0.4rem; margin: 0 0 0.5rem 0; padding: 0.2rem 0; }
  .lnb-cards td, .lnb-cards tbody th[scope="row"] { border-bottom: none; padding: 0.15rem 0.6rem; }
  .lnb-cards td[data-label]::before { content: attr(data-label) ": "; font-weight: 400; color: #555555; }
"""
CARDS_STYLE = """<style>
.lnb-cards { width: 100%; border-collapse: collapse; font-size: 0.9rem; line-height: 1.3; margin-bottom: 0.6rem; }
.lnb-cards caption { text-align: left; font-weight: 600; padding: 0 0 0.4rem 0; caption-side: top; }
.lnb-cards th, .lnb-cards td { padding: 0.35rem 0.45rem; border-bottom: 1px solid #d9d9d9; vertical-align: middle; text-align: left; }
.lnb-cards thead th { background: #eef2f8; font-weight: 600; font-size: 0.8rem; border-bottom: 2px solid #9aa9c2; }
.lnb-cards .lnb-sub { display: block; font-weight: 400; font-size: 0.78rem; color: #555555; overflow-wrap: anywhere; }
.lnb-cards .lnb-value { white-space: nowrap; font-weight: 600; }
.lnb-cards .lnb-missing { color: #555555; font-style: italic; font-weight: 400; }
.lnb-cards a { font-weight: 600; }
@media (max-width: 640px) {""" + _TABLE_CARDS + """}
""" + _cards_where_narrow("lnb-cards", _TABLE_CARDS) + """
@media print { .lnb-cards tr { break-inside: avoid; } .lnb-cards thead { display: table-header-group; } }
</style>"""


def _signed(v, decimals: int, lang: str, suffix: str = "") -> str:
    if pd.isna(v):
        return "–"
    return ("+" if v > 0 else "−" if v < 0 else "±") + i18n.format_number(abs(v), decimals, lang) + suffix


def _number(v, lang: str) -> str:
    return "–" if pd.isna(v) else i18n.format_number(v, 0, lang)


def county_indicators_html(rows: list[county_profile.CountyRow], lang: str, caption: str) -> str:
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
    return CARDS_STYLE + _cards_table("lnb-county-indicators", caption, head, body)


def county_municipalities_html(munis: pd.DataFrame, lang: str, caption: str) -> str:
    """The county's municipalities, each a link to its profile, with Census 2011, Census 2023 and the change."""
    head = [i18n.t("municipality", lang), i18n.t("population_2011", lang), i18n.t("population_2023", lang),
            i18n.t("change_abs", lang), i18n.t("change_pct", lang)]
    body = []
    for m in munis.itertuples():
        link = f'<a href="{_e(page_url("profile", ProfileView(m=m.lau_code), lang))}" target="_self">{_e(m.name)}</a>'
        body.append(f'<tr><th class="lnb-row" scope="row">{link}</th>'
                    f'<td class="lnb-value" data-label="{_e(head[1])}">{_number(m.from_value, lang)}</td>'
                    f'<td class="lnb-value{" lnb-missing" if pd.isna(m.to_value) else ""}" data-label="{_e(head[2])}">{_number(m.to_value, lang)}</td>'
                    f'<td data-label="{_e(head[3])}">{_signed(m.change, 0, lang)}</td>'
                    f'<td data-label="{_e(head[4])}">{_signed(m.change_pct, 1, lang, chr(160) + "%")}</td></tr>')
    return _cards_table("lnb-county-municipalities", caption, head, body)


def census_changes_html(changes: pd.DataFrame, lang: str, caption: str) -> str:
    """Census-to-census change of one area, with the method in words on every row."""
    table = change.change_table(changes, lang)
    head = list(table.columns)
    body = ["<tr>" + f'<th class="lnb-row" scope="row">{_e(row[0])}</th>' + "".join(f'<td data-label="{_e(h)}">{_e(v)}</td>' for h, v in zip(head[1:], row[1:]))
            + "</tr>" for row in table.itertuples(index=False)]
    return CARDS_STYLE + _cards_table("lnb-county-changes", caption, head, body)


def _cards_table(css: str, caption: str, head: list[str], body: list[str]) -> str:
    header = "".join(f'<th scope="col">{_e(h)}</th>' for h in head)
    return (f'<table class="lnb-cards {css}"><caption>{_e(caption)}</caption><thead><tr>{header}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table>')


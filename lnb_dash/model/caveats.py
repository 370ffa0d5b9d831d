"""Caveats where the numbers are: what a reader must know about an indicator, a year or one value, in both languages.

Three kinds, all from the data (never written by hand here):
- a source's caveats (``caveats`` / ``caveats_sq`` in its ``datapackage.yaml``); one that opens with a year
  ("2015: …") concerns that year only;
- a sex split that does not add up: the municipalities whose women's and men's values the build flagged
  (data/flags.py: women + men more than 5 % away from the total), counted on the count behind a rate (voters behind
  turnout);
- a value's own caveat: an observation ``note`` written in both languages ("Albanian | English"); notes that only
  record provenance ("computed: …", a file path, "not in the source") are not caveats.
"""

from __future__ import annotations

import re

import pandas as pd

from lnb_dash import i18n
from lnb_dash.data.flags import SEX_SPLIT_TOLERANCE
from lnb_dash.i18n import N_
from lnb_dash.query import caveats as queries
from lnb_dash.query.db import Connection

MARK = "⚠"
_LEADING_YEARS = re.compile(r"^((?:(?:19|20)\d\d)(?:\s*(?:,|and|dhe|e)\s*(?:19|20)\d\d)*)\s*:")


def caveat_years(text: str) -> set[int]:
    """The years a caveat opens with ('2015: …' -> {2015}); empty when it concerns every year."""
    match = _LEADING_YEARS.match(text.strip())
    return {int(y) for y in re.findall(r"(?:19|20)\d\d", match.group(1))} if match else set()


def source_caveats(sources: pd.DataFrame, source_ids, lang: str, year: int | None = None) -> list[str]:
    """The caveats of ``source_ids`` in ``lang`` (Albanian where the source gives them), those about another year left out."""
    table = i18n.localize_sources(sources, lang).set_index("source_id")
    found = []
    for sid in dict.fromkeys(s for s in source_ids if isinstance(s, str)):
        if sid not in table.index or not isinstance(table.loc[sid, "caveats"], str):
            continue
        for line in (c.strip() for c in table.loc[sid, "caveats"].split("\n")):
            years = caveat_years(line)
            if line and (year is None or not years or year in years):
                found.append(line)
    return found


def _count_behind(con: Connection, indicator_id: str) -> str | None:
    """The count whose sex split can be checked: the indicator itself when it is a summed count, else its ratio's numerator."""
    rule = queries.aggregation(con, indicator_id)
    if rule is None:
        return None
    kind, aggregate = rule
    if isinstance(aggregate, dict) and "ratio" in aggregate:
        return aggregate["ratio"]["numerator"]
    return indicator_id if kind == "count" and aggregate == "sum" else None


def sex_split_gap(con: Connection, indicator_id: str, year: int) -> tuple[int, int, str] | None:
    """(municipalities the build's sex-split rule flagged, municipalities with all three, the count checked), or None
    when the indicator has no sex split that year or every split adds up."""
    count = _count_behind(con, indicator_id)
    if count is None:
        return None
    n, gaps = queries.sex_split_counts(con, count, year)
    return (gaps, n, count) if n and gaps else None


def indicator_caveats(con: Connection, sources: pd.DataFrame, indicator_id: str, source_ids, lang: str,
                      year: int | None = None) -> list[str]:
    """Everything a reader of this indicator (and year; every year for a trend) should know: the computed sex-split gaps
    first, then the sources' caveats."""
    return sex_split_caveats(con, indicator_id, lang, year) + source_caveats(sources, source_ids, lang, year)


def short_caveats(items: list[str], limit: int = 160) -> list[str]:
    """The view's caveats as pictures and files carry them: each marked ⚠, its first sentence, at most ``limit``
    characters (the page, the CSV's metadata and the PDF keep the whole text)."""
    short = []
    for item in items:
        first = re.split(r"(?<=[.;])\s", item.strip(), maxsplit=1)[0]
        short.append(f"{MARK} " + (first if len(first) <= limit else first[:limit - 1].rstrip() + "…"))
    return short


def sex_split_caveats(con: Connection, indicator_id: str, lang: str, year: int | None = None) -> list[str]:
    """'Women + men do not add up to the total in 20 of 61 municipalities (2015 …)' for the year, or every year with a gap."""
    found = []
    for y in [year] if year is not None else queries.indicator_years(con, indicator_id):
        gap = sex_split_gap(con, indicator_id, y)
        if gap:
            name = queries.indicator_name(con, gap[2], lang)
            found.append(i18n.t("caveat_sex_split", lang, n=gap[0], total=gap[1], year=y, count=name or gap[2],
                                pct=i18n.format_number(SEX_SPLIT_TOLERANCE * 100, 0, lang)))
    return found


def value_caveat(note, lang: str) -> str | None:
    """A value's own caveat in ``lang``, from a note written as 'Albanian | English'; None for provenance notes."""
    if not isinstance(note, str) or " | " not in note:
        return None
    sq, en = note.split(" | ", 1)
    return (sq if i18n.normalize_lang(lang) == "sq" else en).strip() or None


def add_to_spine_rows(rows: list, profile: pd.DataFrame, sources: pd.DataFrame, lang: str) -> list:
    """The profile's spine rows with each value's own caveat and its source's caveats for that year (same order as ``profile``)."""
    notes = dict(zip(profile.indicator_id, profile.note))
    for row in rows:
        row.value_caveat = value_caveat(notes.get(row.indicator_id), lang) if row.value is not None else None
        row.caveats = tuple(source_caveats(sources, [row.source_id], lang, row.year))
    return rows


_PROVENANCE_NOTES = (
    (re.compile(r"^not in the source$"), N_("note_not_in_source")),
    (re.compile(r"^computed: sum of (?P<n>\d+) municipalities$"), N_("note_sum_of")),
    (re.compile(r"^computed: (?P<numerator>\w+) / (?P<denominator>\w+) summed over all municipalities$"), N_("note_ratio_of_sums")),
    (re.compile(r"^cumulative to (?P<date>[\d-]+)$"), N_("note_cumulative_to")),
)


def note_text(note, lang: str) -> str:
    """A note as a reader of ``lang`` sees it: a caveat in that language, the build's provenance notes worded in it;
    anything else (a file the value came from, words quoted from a page) as written."""
    if not isinstance(note, str) or not note:
        return ""
    own = value_caveat(note, lang)
    if own:
        return own
    for pattern, key in _PROVENANCE_NOTES:
        match = pattern.match(note)
        if match:
            return i18n.t(key, lang, **match.groupdict())
    return note

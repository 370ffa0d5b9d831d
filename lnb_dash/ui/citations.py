"""Sources, caveats, programme facts and the data's date, written beside the numbers."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from lnb_dash import i18n
from lnb_dash.ui import cached


def source_line(source_ids, lang: str) -> str:
    """'Source: publisher, title (reference date). License: …' for one or more sources, as markdown."""
    return _source_line(tuple(source_ids), lang)


@cached.database_resource(max_entries=512)
def _source_line(source_ids: tuple, lang: str) -> str:
    """Once per sources and language for every session."""
    sources = i18n.localize_sources(cached.sources_cached(), lang).set_index("source_id")
    parts = []
    for sid in dict.fromkeys(s for s in source_ids if isinstance(s, str)):
        if sid not in sources.index:
            continue
        s = sources.loc[sid]
        link = f"[{escape_markdown(s.title)}]({s.homepage})" if isinstance(s.homepage, str) and s.homepage.startswith("http") else escape_markdown(s.title)
        parts.append(f"{escape_markdown(s.publisher)}, {link} ({escape_markdown(s.reference_date)}). {i18n.t('license', lang)}: {escape_markdown(s.license)}")
    if not parts:
        return ""
    return f"**{i18n.t('sources' if len(parts) > 1 else 'source', lang)}:** " + " · ".join(parts)


def escape_markdown(text) -> str:
    """Escape markdown so text from data can never become a link, image or HTML."""
    text = "" if text is None or (isinstance(text, float) and pd.isna(text)) else str(text)
    for ch in "\\`*_{}[]<>#|~":
        text = text.replace(ch, "\\" + ch)
    return text


def render_source_note(source_ids, lang: str, boundaries: bool = False) -> None:
    line = source_line(source_ids, lang)
    if line:
        st.caption(line)
    if boundaries:
        st.caption(i18n.t("boundary_attribution", lang))


def render_programme_facts(facts: pd.DataFrame, lang: str) -> None:
    """What LNB did in one place, each line with its source page (text as on the page)."""
    if facts.empty:
        st.write(i18n.t("no_lnb_activities", lang))
        return
    from lnb_dash.model.programme import fact_text

    for fact in facts.itertuples():
        label, period, value = (escape_markdown(text) for text in fact_text(fact, lang))
        st.markdown(f"- **{label}** ({period}): {value} [{i18n.t('source', lang)}]({fact.url})")


def render_sources(sources: pd.DataFrame, lang: str) -> None:
    """Every source with publisher, reference date, license and caveats; text from data is escaped."""
    for s in i18n.localize_sources(sources, lang).itertuples():
        with st.expander(f"{s.title}"):
            link = f" ([{i18n.t('source', lang)}]({s.homepage}))" if isinstance(s.homepage, str) and s.homepage.startswith("http") else ""
            st.markdown(f"**{i18n.t('publisher', lang)}:** {escape_markdown(s.publisher)}{link}  \n"
                        f"**{i18n.t('reference_date', lang)}:** {escape_markdown(s.reference_date)} · "
                        f"**{i18n.t('retrieved', lang)}:** {escape_markdown(s.retrieved)}  \n"
                        f"**{i18n.t('license', lang)}:** {escape_markdown(s.license)}")
            if s.description:
                st.write(escape_markdown(s.description))
            caveats = [c for c in (s.caveats or "").split("\n") if c]
            if caveats:
                st.markdown(f"**{i18n.t('caveats', lang)}:**\n" + "\n".join(f"- {escape_markdown(c)}" for c in caveats))


def render_data_as_of(lang: str) -> None:
    """Under the overview's title: the newest municipal value and the newest value at any level (a county or national
    estimate may be newer), each with its source and reference date, and when the database was built."""
    text = _data_as_of_text(lang)
    if text:
        st.caption(text)


@cached.database_resource(max_entries=4)
def _data_as_of_text(lang: str) -> str:
    """Once per language for every session."""
    from lnb_dash.query.freshness import reference_date

    municipal, newest, built = cached.data_as_of_cached()
    if newest is None:
        return ""
    sources = i18n.localize_sources(cached.sources_cached(), lang).set_index("source_id")
    dates = sources.reference_date
    if lang == "sq" and "reference_date_sq" in sources:
        dates = sources.reference_date_sq.where(sources.reference_date_sq.notna() & (sources.reference_date_sq != ""), dates)

    def described(found):
        year, source_id = found
        return {"year": year, "source": sources.title.get(source_id, source_id), "date": reference_date(dates.get(source_id), year)}

    lines = [i18n.t("jn_newest_municipal", lang, **described(municipal))] if municipal else []
    lines.append(i18n.t("jn_newest_any", lang, **described(newest)))
    lines.append(i18n.t("jn_database_built", lang, built=built or "–"))
    return escape_markdown(" ".join(lines))


def render_caveats(indicator_id: str, source_ids, lang: str, year: int | None = None, where=None) -> None:
    """The caveats of one view (sex split that does not add up, the sources' caveats for that year) beside its numbers,
    in ``where`` (a column or container; the page by default)."""
    from lnb_dash.model.caveats import MARK

    items = cached.caveats_cached(indicator_id, tuple(dict.fromkeys(s for s in source_ids if isinstance(s, str))), lang, year)
    if items:
        (where or st).caption(f"{MARK} **{i18n.t('caveats_heading', lang)}:**\n" + "\n".join(f"- {escape_markdown(c)}" for c in items))

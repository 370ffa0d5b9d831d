"""The LNB programme in words: each fact's name, period and value in the reader's language, the results table
(the tables themselves come from lnb_dash.query.programme)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from lnb_dash import i18n
from lnb_dash.i18n import N_

# Each fact's name and unit come from the catalogs (keys built from the data, listed here for extraction).
FACT_KEYS = (
    N_("fact_lnb_supported_projects"), N_("fact_social_plan_approved"), N_("fact_lnb_day_centre_children_with_disabilities"),
    N_("fact_lnb_youth_budgeting_local_plan"), N_("fact_lnb2_grant_agreement"), N_("fact_lnb_phase1_sdc_funding"),
    N_("fact_lnb_phase2_sdc_funding"), N_("fact_lnb_phase2_lgus_covered"), N_("fact_lnb_phase2_lgus_targeted"),
    N_("fact_lnb2_municipal_grant_agreements"), N_("fact_central_non_cash_social_protection_expenditure"),
    N_("fact_cash_benefits_share_of_central_social_protection_expenditure"), N_("fact_social_pact_new_services_promised"),
    N_("fact_social_pact_municipalities_without_prior_social_services"),
    N_("fact_unit_projects"), N_("fact_unit_municipalities"), N_("fact_unit_services"), N_("fact_unit_million_all"),
)


def fact_key(fact: str) -> str:
    return f"fact_{fact}"


def fact_text(fact, lang: str) -> tuple[str, str, str]:
    """(name, period, value with its unit) of one programme fact in ``lang``: a number in the language's format,
    a text value and a worded period in Albanian where the data gives them; a fact without a catalog name keeps its key."""
    sq = i18n.normalize_lang(lang) == "sq"
    name = i18n.t(fact_key(fact.fact), lang) if i18n.has(fact_key(fact.fact)) else fact.fact.replace("_", " ")
    period = (getattr(fact, "period_sq", None) or fact.period) if sq else fact.period
    period = period if isinstance(period, str) else fact.period
    if fact.unit == "text":
        value = getattr(fact, "value_sq", None) if sq else None
        return name, period, value if isinstance(value, str) and value else fact.value
    try:
        number = i18n.format_number(float(fact.value), 0 if float(fact.value).is_integer() else 1, lang)
    except ValueError:
        value_sq = getattr(fact, "value_sq", None) if sq else None
        number = value_sq if isinstance(value_sq, str) and value_sq else fact.value
    unit_key = "fact_unit_" + fact.unit.lower().replace(" ", "_")
    unit = i18n.t(unit_key, lang) if i18n.has(unit_key) else fact.unit
    return name, period, f"{number}\u00a0%" if unit == "%" else f"{number} {unit}"


def programme_table(results: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per measure: the earlier and the later factsheet and the change, with the wording each document used."""
    before, after = factsheet_years(results)
    return pd.DataFrame({
        i18n.t("measure", lang): results[f"name_{lang}"],
        str(before): [i18n.format_number(v, 0, lang) for v in results.value_before],
        str(after): [i18n.format_number(v, 0, lang) for v in results.value_after],
        i18n.t("change", lang): [i18n.format_number(c, 0, lang) if pd.isna(c) else ("+" if c > 0 else "") + i18n.format_number(c, 0, lang)
                                 for c in results.change],
        i18n.t("unit", lang): results[f"unit_{lang}"],
        f"{i18n.t('as_stated', lang)} ({before})": results.stated_before,
        f"{i18n.t('as_stated', lang)} ({after})": results.stated_after,
    })


def factsheet_years(results: pd.DataFrame) -> tuple[int | None, int | None]:
    """(earlier, later) factsheet year of query_programme_results; None for both when there are no results."""
    if results.empty:
        return None, None
    return int(results.year_before.iloc[0]), int(results.year_after.iloc[0])


@dataclass(frozen=True)
class Headline:
    """One result as the overview shows it: the later factsheet's figure, the change since the earlier one, its wording."""

    label: str
    value: str
    change: str
    stated: str


def headlines(results: pd.DataFrame, lang: str) -> list[Headline]:
    """The overview's headline results: '+25 (as of 2019: 11)' under each later figure, in ``lang``."""
    before, _ = factsheet_years(results)
    out = []
    for r in results.itertuples():
        change = i18n.format_number(r.change, 0, lang)
        change = change if pd.isna(r.change) or r.change < 0 else "+" + change
        out.append(Headline(getattr(r, f"name_{i18n.normalize_lang(lang)}"), i18n.format_number(r.value_after, 0, lang),
                            f"{change} ({i18n.t('as_of', lang, year=before)}: {i18n.format_number(r.value_before, 0, lang)})",
                            r.stated_after))
    return out


# The two documents by the year their results are dated (data/sources/lnb_factsheets, programme_figures).
DOCUMENT_KEYS = {2019: N_("pres_document_2019"), 2021: N_("pres_document_2021")}


@dataclass(frozen=True)
class Figure:
    """One figure of a programme document as a page shows it: its name, number and unit, the words the document used
    and which document said it."""

    label: str
    value: str
    unit: str
    stated: str
    document: str


def document_label(year: int, document: str, lang: str) -> str:
    return i18n.t(DOCUMENT_KEYS[year], lang) if year in DOCUMENT_KEYS else document


def programme_figures(figures: pd.DataFrame, lang: str, headline_only: bool = False) -> list[Figure]:
    """The figures of query_programme_figures in ``lang`` (the headline results first), or only the headline results."""
    lang = i18n.normalize_lang(lang)
    rows = figures[figures.headline.notna()] if headline_only else figures
    return [Figure(getattr(r, f"name_{lang}"), i18n.format_number(r.value, 0, lang), getattr(r, f"unit_{lang}"), r.as_stated,
                   document_label(int(r.year), r.document, lang)) for r in rows.itertuples()]


def figures_table(figures: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Every figure of both documents, one row each, with the document's words and the document."""
    rows = programme_figures(figures, lang)
    return pd.DataFrame({i18n.t("measure", lang): [f.label for f in rows], i18n.t("pres_value", lang): [f.value for f in rows],
                         i18n.t("unit", lang): [f.unit for f in rows], i18n.t("as_stated", lang): [f.stated for f in rows],
                         i18n.t("pres_document", lang): [f.document for f in rows]})

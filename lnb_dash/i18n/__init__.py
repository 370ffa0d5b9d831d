"""Albanian and English: every label, number format and generated sentence.

Numbers go through Babel (``1 234,5`` in Albanian, ``1,234.5`` in English); labels come from the gettext
catalogs ``lnb_dash/locale/{sq,en}/LC_MESSAGES/lnb.po`` (see :mod:`lnb_dash.i18n.catalog`), looked up by key with
:func:`t`. A test fails on any missing, empty or fuzzy entry and on any key the code uses that no catalog has.
"""

from __future__ import annotations

import functools
import math

import pandas as pd
from babel.numbers import format_decimal

from lnb_dash.config import LANGS, MIN_RANKED
from lnb_dash.i18n import catalog

DEFAULT_LANG = "sq"
LOCALES = {"sq": "sq_AL", "en": "en_GB"}

def N_(key: str) -> str:
    """Marks a label key for extraction where the code builds it at run time (``t(f"theme_{x}")``)."""
    return key


# Keys the code builds at run time or passes through variables: listed so `make translations` keeps them.
KEYS_BUILT_AT_RUN_TIME = (
    N_("breakdown_total"), N_("breakdown_female"), N_("breakdown_male"),
    N_("breakdown_age_0_14"), N_("breakdown_age_15_64"), N_("breakdown_age_65_plus"),
    N_("scheme_quantiles"), N_("scheme_natural_breaks"), N_("scheme_equal_interval"), N_("scheme_diverging"),
    N_("status_value"), N_("status_not_reported"), N_("status_suppressed"), N_("status_not_applicable"),
    N_("theme_demography"), N_("theme_territory"), N_("theme_civic_participation"), N_("theme_social_protection"),
    N_("theme_municipal_budget"), N_("theme_lnb_programme"),
    N_("var_log_population"), N_("var_log_density"), N_("var_degurba"), N_("var_coastal"), N_("var_county"),
    N_("lnb_priority"),
)


@functools.cache
def labels(lang: str) -> dict[str, str]:
    """Every label of ``lang`` from its catalog (read once per process)."""
    return catalog.messages(catalog.read_catalog(lang))


def has(key: str) -> bool:
    return key in labels(DEFAULT_LANG)



def t(key: str, lang: str, **values) -> str:
    """The label ``key`` in ``lang``, with ``{placeholders}`` filled.

    Albanian templates put a place in the genitive with ``{name_gen}`` ("Vendndodhja e Kamzës"): the caller passes
    it with the name (:func:`lnb_dash.names.genitive`), since place names are not the catalogs' to know.
    """
    text = labels(normalize_lang(lang))[key]
    return text.format(**values) if values else text


def normalize_lang(value: str | None) -> str:
    return value if value in LANGS else DEFAULT_LANG


def format_number(value: float | None, decimals: int, lang: str) -> str:
    """Babel formatting in the language's convention; '–' for a missing value (never 0)."""
    if isna(value):
        return "–"
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return format_decimal(round(float(value), decimals), format=pattern, locale=LOCALES[normalize_lang(lang)])


def format_value(value: float | None, meta, lang: str, with_unit: bool = True) -> str:
    """A value as a reader sees it: category label, or number with its unit ('41,5 %', '75 994 banorë')."""
    if isna(value):
        return "–"
    if meta.kind == "category":
        return meta.categories.get(int(value), {}).get(lang, str(value))
    number = format_number(value, meta.decimals, lang)
    unit = meta.unit[normalize_lang(lang)]
    if not with_unit:
        return number
    return f"{number}\u00a0%" if unit == "%" else f"{number} {unit}"


def status_label(status: str, lang: str) -> str:
    return t(f"status_{status}", lang)


def theme_label(theme: str, lang: str) -> str:
    return t(f"theme_{theme}", lang) if has(f"theme_{theme}") else theme


def breakdown_label(breakdown: str, lang: str) -> str:
    return t(f"breakdown_{breakdown}", lang)


def ordinal(n: int, lang: str) -> str:
    """'9th' in English; 'e 9-ta' in Albanian ('e 1-ra' for the first), feminine to agree with 'vlera' (the value),
    the only noun the app ranks in words."""
    if normalize_lang(lang) == "sq":
        return "e 1-ra" if n == 1 else f"e {n}-ta"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def rank_text(rank, n, lang: str, total: int | None = None) -> str:
    """'9th of 52 · 52 of 61 have a value'; with fewer than MIN_RANKED values no rank, only how many have one."""
    if rank is None or n is None or isna(rank) or isna(n):
        return "–"
    coverage = coverage_text(int(n), total, lang) if total and int(n) < total else ""
    if not ranked(n):
        return coverage or "–"
    text = t("of_n", lang, rank=int(rank), n=int(n)) if lang == "sq" else f"{ordinal(int(rank), lang)} of {int(n)}"
    return f"{text} · {coverage}" if coverage else text


def ranked(n) -> bool:
    """The rank rule: enough areas have a value for a rank or a quintile to mean something (config.MIN_RANKED)."""
    return n is not None and not isna(n) and int(n) >= MIN_RANKED


def coverage_text(n: int, total: int, lang: str) -> str:
    """'2 nga 61 kanë vlerë' / '2 of 61 have a value'."""
    return t("upl_have_value_one" if n == 1 else "upl_have_value", lang, n=n, total=total)


def isna(x) -> bool:
    """A missing value (None, pd.NA or NaN): shown as '–', never as 0."""
    return x is None or x is pd.NA or (isinstance(x, float) and math.isnan(x))



SOURCE_TEXT_COLUMNS = ("title", "description", "publisher", "license", "caveats", "reference_date")


def localize_sources(sources: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The sources table with its texts (title, description, publisher, license, caveats) in ``lang``: the Albanian
    columns (``title_sq``…, from each source's ``datapackage.yaml``) replace the English ones where a source gives them."""
    if normalize_lang(lang) != "sq":
        return sources
    out = sources.copy()
    for column in SOURCE_TEXT_COLUMNS:
        if f"{column}_sq" in out:
            out[column] = out[f"{column}_sq"].where(out[f"{column}_sq"].notna() & (out[f"{column}_sq"] != ""), out[column])
    return out

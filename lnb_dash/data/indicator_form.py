"""A new indicator as staff describe it on the upload page: the fields checked, in the reader's language, and turned
into the importer's ``indicator:`` definition (the same one a metadata YAML gives), so the importer itself is unchanged."""

from __future__ import annotations

import re

from lnb_dash import config, i18n
from lnb_dash.i18n import N_

# What a kind may be aggregated by: counts are summed where every member has a value; the rest are not summed (a rate
# comes from a numerator and a denominator uploaded as their own counts).
AGGREGATES = {"count": "sum", "measure": "none", "rate": "none", "share": "none", "category": "none"}
TEXT_FIELDS = ("name", "unit", "definition")
MAX_DECIMALS = 4
_LABELS = {"name": N_("upl_field_name"), "unit": N_("upl_field_unit"), "definition": N_("upl_field_definition")}
_IN = {"sq": N_("upl_lang_sq"), "en": N_("upl_lang_en")}


def indicator_id(name_en: str) -> str:
    """The indicator's id from its English name: 'Families receiving economic assistance' -> 'families_receiving_economic_assistance'."""
    from lnb_dash.names import fold

    return re.sub(r"\s+", "_", fold(name_en))[:60].strip("_")


def new_indicator(fields: dict, existing_ids, lang: str) -> tuple[str, dict, list[str]]:
    """(id, the importer's definition, problems in ``lang``) for the fields of the new-indicator form:
    name_sq, name_en, unit_sq, unit_en, definition_sq, definition_en, kind, theme, decimals and higher_is_better (True,
    False or None); breakdowns come with the table's ``breakdown`` column. The definition is only usable when the problems are empty."""
    problems = []
    for field in TEXT_FIELDS:
        for code in config.LANGS:
            if not str(fields.get(f"{field}_{code}") or "").strip():
                problems.append(i18n.t("upl_field_missing", lang, field=i18n.t(_LABELS[field], lang), language=i18n.t(_IN[code], lang)))
    kind, theme = fields.get("kind"), fields.get("theme")
    if kind not in config.KINDS:
        problems.append(i18n.t("upl_kind_missing", lang))
    if theme not in config.THEMES:
        problems.append(i18n.t("upl_theme_missing", lang))
    try:
        decimals = int(fields.get("decimals", 0))
    except (TypeError, ValueError):
        decimals = -1
    if not 0 <= decimals <= MAX_DECIMALS:
        problems.append(i18n.t("upl_decimals_range", lang, most=MAX_DECIMALS))
    if kind == "share" and str(fields.get("unit_en") or "").strip() not in ("%", ""):
        problems.append(i18n.t("upl_share_unit", lang))
    new_id = indicator_id(str(fields.get("name_en") or ""))
    if fields.get("name_en") and new_id in set(existing_ids):
        problems.append(i18n.t("upl_indicator_exists", lang, id=new_id))
    definition = {
        "theme": theme, "kind": kind, "aggregate": AGGREGATES.get(kind, "none"), "decimals": max(decimals, 0),
        "higher_is_better": fields.get("higher_is_better"),
        **{field: {code: str(fields.get(f"{field}_{code}") or "").strip() for code in config.LANGS} for field in TEXT_FIELDS},
    }
    return new_id, definition, problems

"""What an import will change, before anything changes: each name as written in the file and the place it resolved to
(with its level), the year and value, and whether the value is added or replaces one the indicator already has."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from lnb_dash import i18n, levels
from lnb_dash.data.importer import ImportPlan, read_table, resolve_area, to_long, word_stems
from lnb_dash.names import NameResolver, read_reference


def preview_frame(path: Path, plan: ImportPlan, existing: pd.DataFrame | None, data_dir: Path, lang: str) -> pd.DataFrame:
    """One row per value the import adds, in the file's order, with headers in ``lang``.

    ``existing`` holds the indicator's stored values (area_code, year, breakdown, value; None or empty for a new
    indicator): a value stored for the same place, year and breakdown is said to be replaced, with the old figure."""
    long, _, level = to_long(read_table(path), path.name, plan.level)
    resolver = NameResolver.from_reference(read_reference(data_dir))
    written = {}
    for r in long.itertuples(index=False):
        code = resolve_area(resolver, r.name, level, getattr(r, "parent", ""))
        written.setdefault(code, (str(r.name), int(r.row)))
    old = {} if existing is None or existing.empty else {
        (a, str(y), b): v for a, y, b, v in zip(existing.area_code, existing.year, existing.breakdown, existing.value)}
    rows = []
    for o in plan.observations.itertuples(index=False):
        name, row = written.get(o.area_code, ("", None))
        before = old.get((o.area_code, str(o.year), o.breakdown))
        action = i18n.t("upl_added", lang) if before is None or i18n.isna(before) else \
            i18n.t("upl_replaces", lang, old=_number(repr(float(before)).removesuffix(".0"), lang))
        value = _number(o.value, lang) if o.value != "" else i18n.status_label(o.status, lang)
        rows.append({
            i18n.t("upl_row", lang): row, i18n.t("upl_written", lang): name,
            i18n.t("upl_place", lang): resolver.names[level][o.area_code], i18n.t("upl_level", lang): i18n.t(levels.get(level).label_key, lang),
            i18n.t("year", lang): str(o.year), i18n.t("value", lang): value, i18n.t("upl_what_happens", lang): action,
        })
    return pd.DataFrame(rows)


def _number(text: str, lang: str) -> str:
    """A stored value in the page's number format, with as many decimals as it has ('1204' -> '1 204', '2.5' -> '2,5')."""
    decimals = len(text.split(".")[1]) if "." in text else 0
    return i18n.format_number(float(text), decimals, lang)


def _shares_a_word(named: str, indicator_name: dict) -> bool:
    """Whether what the file calls its figures shares a word with the indicator's name in either language, accents,
    case and endings aside ('ndihma ekonomike' and 'Familje që marrin ndihmë ekonomike' do; 'Persona me aftësi të
    kufizuar' and 'Zgjedhës të regjistruar (vendore)' do not)."""
    known = set().union(*(word_stems(name) for name in indicator_name.values()))
    return not known or bool(word_stems(named) & known)


FAR = 10  # a file whose median is this many times above or below the indicator's stored median asks for a confirmation


def plausibility(plan: ImportPlan, existing: pd.DataFrame | None, kind: str, lang: str) -> list[str]:
    """Reasons to doubt the file belongs to the chosen indicator, each asking the user to confirm: the file names its
    figures with words the indicator's name shares none of, values far (more than 10×) from what the indicator already
    has, or counts where a rate or a share (at most 100) is expected."""
    values = pd.to_numeric(plan.observations.value, errors="coerce").dropna()
    chosen = plan.name_of(str(plan.observations.indicator.iloc[0]) if len(plan.observations) else "", lang)
    doubts = [i18n.t("upe_doubt_named", lang, named=named, chosen=chosen) for named in plan.named_as if not _shares_a_word(named, plan.indicator_name)]
    if values.empty:
        return doubts
    median = float(values.median())
    if kind in ("rate", "share") and float(values.max()) > 100:
        doubts.append(i18n.t("upl_doubt_counts", lang, largest=_number(repr(float(values.max())).removesuffix(".0"), lang)))
    if existing is not None and "area_level" in existing:  # compare like with like: the file's areas, not Albania's total
        existing = existing[existing.area_level == plan.level]
    stored = pd.to_numeric(existing.value, errors="coerce").dropna() if existing is not None and not existing.empty else pd.Series(dtype=float)
    if not stored.empty and median > 0 and float(stored.median()) > 0:
        ratio = median / float(stored.median())
        if ratio > FAR or ratio < 1 / FAR:
            doubts.append(i18n.t("upl_doubt_far", lang, file=_number(repr(median).removesuffix(".0"), lang),
                                 stored=_number(repr(float(stored.median())).removesuffix(".0"), lang)))
    return doubts

"""Quality flags: values the build marks as doubtful, by a stated rule, with the reason in both languages.

A flagged value is kept and shown (with ⚠ and its reason), but never ranked, classed or summed into a county or
national figure: a reader sees it, and no headline is built on it.

Rule (sex split): where a summed count (voters, registered voters) has values for women, men and all in one area and
year, and |women + men − all| / all > 5 %, the women's and men's values of that count are flagged, and so are the
women's and men's values of every rate built on it (turnout = voters / registered voters).
"""

from __future__ import annotations

import json

import pandas as pd

SEX_SPLIT_TOLERANCE = 0.05  # |women + men − all| / all above this: the split by sex is incomplete


def sex_split_flags(obs: pd.DataFrame, catalogue: pd.DataFrame) -> pd.DataFrame:
    """The (area_code, indicator_id, year) whose women's and men's values the sex-split rule flags, with the reason.

    Returns columns: area_code, indicator_id, year, flag_sq, flag_en.
    """
    rules = {r.indicator_id: json.loads(r.aggregate) for r in catalogue.itertuples()}
    counts = {i for i, rule in rules.items() if rule == "sum"}
    rates = {i: {rule["ratio"]["numerator"], rule["ratio"]["denominator"]} for i, rule in rules.items()
             if isinstance(rule, dict) and "ratio" in rule}
    values = obs[obs.indicator_id.isin(counts) & (obs.status == "value") & obs.breakdown.isin(["female", "male", "total"])]
    wide = values.pivot_table(index=["area_code", "indicator_id", "year"], columns="breakdown", values="value", aggfunc="first")
    if not {"female", "male", "total"} <= set(wide.columns):
        return pd.DataFrame(columns=["area_code", "indicator_id", "year", "flag_sq", "flag_en"])
    wide = wide.dropna(subset=["female", "male", "total"])
    wide = wide[wide.total > 0]
    wide = wide.assign(gap=(wide.female + wide.male - wide.total).abs() / wide.total)
    bad = wide[wide.gap > SEX_SPLIT_TOLERANCE].reset_index()
    names = catalogue.set_index("indicator_id")
    rows = []
    for r in bad.itertuples():
        pct = round(r.gap * 100)
        name_sq, name_en = names.loc[r.indicator_id, "name_sq"], names.loc[r.indicator_id, "name_en"]
        flag_sq = (f"Gratë + burrat ({int(r.female + r.male):,}) ndryshojnë nga totali ({int(r.total):,}) me {pct} % te "
                   f"'{name_sq}': ndarja sipas gjinisë nuk është e plotë; kjo vlerë nuk renditet dhe nuk hyn në shifrat kombëtare."
                   ).replace(",", "\u202f")
        flag_en = (f"Women + men ({int(r.female + r.male):,}) differ from the total ({int(r.total):,}) by {pct} % in "
                   f"'{name_en}': the split by sex is incomplete; this value is not ranked and not counted in national figures.")
        for indicator in [r.indicator_id, *(i for i, parts in rates.items() if r.indicator_id in parts)]:
            rows.append({"area_code": r.area_code, "indicator_id": indicator, "year": r.year, "flag_sq": flag_sq, "flag_en": flag_en})
    return pd.DataFrame(rows, columns=["area_code", "indicator_id", "year", "flag_sq", "flag_en"]).drop_duplicates(
        ["area_code", "indicator_id", "year"])


def apply_flags(obs: pd.DataFrame, catalogue: pd.DataFrame) -> pd.DataFrame:
    """``obs`` with flag_sq and flag_en set on the women's and men's values the rule flags (see the module docstring)."""
    flags = sex_split_flags(obs, catalogue)
    obs = obs.drop(columns=["flag_sq", "flag_en"], errors="ignore")
    keyed = obs.merge(flags, on=["area_code", "indicator_id", "year"], how="left")
    by_sex = keyed.breakdown.isin(["female", "male"]) & (keyed.status == "value")
    keyed.loc[~by_sex, ["flag_sq", "flag_en"]] = None
    keyed.index = obs.index
    return keyed

"""Indicators to offer for a link naming one we do not know: by name, else every indicator under its theme.

Names are compared word by word (id, Albanian and English name, theme), without accents, so ``turnoutt`` or
``pjesemarrja`` find turnout; a word close to nothing ("unemployment") offers no look-alike by spelling
(difflib over whole ids once offered "Seats in the Assembly" for it) but the catalogue grouped by theme.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

import pandas as pd

from lnb_dash import i18n

# A word of the link must be at least this close (difflib ratio) to a word of the indicator to count.
WORD_CUTOFF = 0.8


def _words(text: str) -> set[str]:
    plain = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().lower()
    return {w for w in re.split(r"[^a-z]+", plain) if len(w) > 2}


def _indicator_words(row) -> set[str]:
    return (_words(row.indicator_id) | _words(row.name_sq) | _words(row.name_en) | _words(row.theme)
            | _words(i18n.theme_label(row.theme, "sq")) | _words(i18n.theme_label(row.theme, "en")))


def similar_indicators(asked: str, catalogue: pd.DataFrame, allowed: list[str], n: int = 5) -> list[str]:
    """The allowed indicators whose words come closest to the link's, best first; empty when no word is close."""
    wanted = _words(asked)
    scores = {}
    for row in catalogue[catalogue.indicator_id.isin(allowed)].itertuples():
        words = list(_indicator_words(row))
        close = [max((difflib.SequenceMatcher(None, w, v).ratio() for v in words), default=0) for w in wanted]
        matched = [c for c in close if c >= WORD_CUTOFF]
        if matched:
            scores[row.indicator_id] = (len(matched), sum(matched))
    return sorted(scores, key=lambda i: scores[i], reverse=True)[:n]


def by_theme(catalogue: pd.DataFrame, allowed: list[str]) -> dict[str, list[str]]:
    """The allowed indicators under their theme, in catalogue order."""
    rows = catalogue[catalogue.indicator_id.isin(allowed)]
    return {theme: group.indicator_id.tolist() for theme, group in rows.groupby("theme", sort=False)}

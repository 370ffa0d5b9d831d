"""What every view's CSV and Excel carries so it reads as data, not as the screen's text: numbers as numbers (rounded
to the indicator's decimals, counts without ``.0``), unit, status, flag, licence, a note in words and the citation."""

from __future__ import annotations

import os
import re

import pandas as pd

from lnb_dash import i18n
from lnb_dash.data.sources import CITATION_COLUMNS
from lnb_dash.model import caveats

# Pass-through columns of the values query (issue 21): the quality flag's reason and the copy a value was read in,
# when that is not the publication cited.
VALUE_FLAG_COLUMNS = ("flag", "read_at_url")
# A note that is only the file a value was read from ('static/js/data/turnout/turnout2015bas.geojson').
_FILE_NOTE = re.compile(r"^[\w./-]+\.(geojson|json|csv|xlsx?|pdf|html?)$", re.IGNORECASE)


def numbers(values: pd.Series, decimals) -> pd.Series:
    """Values rounded to their indicator's decimals (one number, or one per row); whole numbers as integers, so a
    count is written 140956, never 140956.0. Missing stays missing."""
    values = pd.to_numeric(values, errors="coerce").astype(float)
    places = pd.Series(decimals, index=values.index).fillna(0).astype(int)
    rounded = pd.Series([round(v, p) if pd.notna(v) else None for v, p in zip(values, places)], index=values.index, dtype=float)
    whole = rounded.dropna()
    if (whole % 1 == 0).all():
        return rounded.astype("Int64")
    return rounded


def note_sentence(note, lang: str) -> str:
    """A value's note as words in ``lang`` (caveats.note_text); a bare file name or path says which file it was read from."""
    text = caveats.note_text(note, lang)
    if _FILE_NOTE.match(text):
        return i18n.t("jn_note_read_from_file", lang, file=os.path.basename(text))
    return text


def value_columns(frame: pd.DataFrame, lang: str) -> dict[str, pd.Series]:
    """The per-value columns every download carries, empty where there is nothing to say: flag, note (a sentence),
    the citation and, when it differs from the citation, the copy the value was read in (``read_at_url``)."""
    def column(name: str) -> pd.Series:
        return frame[name] if name in frame else pd.Series(None, index=frame.index, dtype=object)

    notes = column("note").map(lambda n: note_sentence(n, lang) or None)
    flag = column("flag") if "flag" in frame else column(f"flag_{lang}")  # query_values' flag is already in its language
    flags = flag.map(lambda f: f"{caveats.MARK} {f}" if isinstance(f, str) and f else None)
    return {"flag": flags, "note": notes, **{c: column(c) for c in CITATION_COLUMNS}, "read_at_url": column("read_at_url")}

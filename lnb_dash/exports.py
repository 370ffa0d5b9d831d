"""Downloads: CSV that opens cleanly in Excel, with no cell that a spreadsheet would run as a formula."""

from __future__ import annotations

import pandas as pd

# A text cell starting with one of these is run as a formula by Excel and LibreOffice.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralize_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Prefix text cells that would be read as formulas with an apostrophe; numbers are left alone."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(lambda v: "'" + v if isinstance(v, str) and v.startswith(FORMULA_PREFIXES) else v)
    return out


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 with a byte-order mark, so Excel shows ë and ç; missing values are empty cells, never 0."""
    return neutralize_formulas(frame).to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")

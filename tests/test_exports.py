"""Downloads open cleanly in Excel and cannot run formulas."""

import io

import pandas as pd

from lnb_dash.exports import to_csv_bytes


def test_csv_has_a_bom_keeps_albanian_letters_and_leaves_missing_empty():
    data = to_csv_bytes(pd.DataFrame({"name": ["Korçë", "Vlorë"], "value": [1.5, None]}))
    assert data.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert back.name.tolist() == ["Korçë", "Vlorë"] and pd.isna(back.value[1])


def test_formula_injection_survives_as_text():
    frame = pd.DataFrame({"note": ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "plain"], "value": [-1, 2, 3, 4, 5]})
    back = pd.read_csv(io.BytesIO(to_csv_bytes(frame)), encoding="utf-8-sig")
    assert back.note.tolist() == ["'=HYPERLINK(\"http://x\")", "'+1", "'-2+3", "'@SUM(A1)", "plain"]
    assert back.value.tolist() == [-1, 2, 3, 4, 5]  # negative numbers stay numbers

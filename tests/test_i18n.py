"""Labels and numbers follow the language."""

from types import SimpleNamespace

import pytest

from lnb_dash import i18n


def test_albanian_numbers_use_a_space_and_a_decimal_comma():
    assert i18n.format_number(1234.5, 1, "sq") == "1\u00a0234,5"
    assert i18n.format_number(1234.5, 1, "en") == "1,234.5"


def test_missing_is_a_dash_never_zero():
    meta = SimpleNamespace(kind="count", decimals=0, unit={"sq": "banorë", "en": "persons"}, categories={})
    assert i18n.format_value(None, meta, "en") == "–"
    assert i18n.format_value(float("nan"), meta, "sq") == "–"


def test_percentages_and_categories():
    rate = SimpleNamespace(kind="rate", decimals=1, unit={"sq": "%", "en": "%"}, categories={})
    assert i18n.format_value(41.52, rate, "sq") == "41,5\u00a0%"
    cat = SimpleNamespace(kind="category", decimals=0, unit={"sq": "po/jo", "en": "yes/no"}, categories={1: {"sq": "Po", "en": "Yes"}})
    assert i18n.format_value(1.0, cat, "sq") == "Po"


@pytest.mark.parametrize("n, text", [(1, "1st"), (2, "2nd"), (3, "3rd"), (11, "11th"), (22, "22nd"), (57, "57th")])
def test_english_ordinals(n, text):
    assert i18n.ordinal(n, "en") == text


def test_unknown_language_falls_back_to_albanian():
    assert i18n.normalize_lang("fr") == "sq" and i18n.t("year", "fr") == "Viti"

"""The accessibility statement: in both languages it names the standard, how it was tested with the figures, what does
not conform and how to report a barrier."""

import pytest

from tests.pages.helpers import open_page, texts


@pytest.fixture(autouse=True)
def _use_test_db(app_db):
    yield


@pytest.mark.parametrize("lang, words", [
    ("sq", ["Aksesueshmëria", "WCAG) 2.1, niveli AA", "HTML_CodeSniffer", "168 më parë, 156 tani", "8 shtypje", "ΔE 6",
            "Raportoni një pengesë", "Shtypje tastesh për çdo detyrë", "te PDF-ja e tij **40**", "nëpër pesë hapat e saj **4**",
            "si figurë PNG **26–27**", "në 28 kontrolle faqesh", "lëviz brenda kutisë së vet", "231 px anash", "kornizë blu 3 px"]),
    ("en", ["Accessibility", "WCAG) 2.1, level AA", "HTML_CodeSniffer", "168 before, 156 after", "8 presses", "ΔE 6",
            "Report a barrier", "Key presses per task", "to its PDF **40**", "through its five steps **4**",
            "as a PNG picture **26–27**", "in 28 page checks", "scrolls inside its own box", "231 px sideways", "3 px blue ring"]),
])
def test_the_statement_says_the_standard_the_figures_the_gaps_and_where_to_report(lang, words):
    at = open_page("accessibility", lang=lang)
    shown = texts(at)
    assert [w for w in words if w not in shown] == []
    assert at.query_params.get("lang") == lang

"""The printable profile."""

import io

import pytest
from pypdf import PdfReader

from lnb_dash.render import pdf


@pytest.fixture(scope="module")
def korce_sq(con):
    return PdfReader(io.BytesIO(pdf.build_profile_pdf(con, "AL343", "sq")))


def text_of(reader) -> str:
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())  # table cells wrap


def test_korce_profile_in_albanian_is_two_to_four_a4_pages(korce_sq):
    assert 2 <= len(korce_sq.pages) <= 4
    box = korce_sq.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_profile_names_the_municipality_its_facts_and_sources(korce_sq):
    text = text_of(korce_sq)
    assert "Bashkia Korçë" in text and "Faktet kryesore" in text
    assert "Eurostat" in text and "Komisioni Qendror i Zgjedhjeve" in text and "OpenStreetMap" in text
    assert "e 7-ta më e ulët nga 61" in text and "−6,3 pikë përqindjeje ndaj Shqipërisë" in text  # local turnout, rank 55 of 61


def test_profile_has_a_spine_row_per_indicator_and_the_similar_municipalities(korce_sq):
    text = text_of(korce_sq)
    for name in ("Pjesëmarrja në zgjedhjet vendore", "Popullsia (census)", "Sipërfaqja", "Shkalla e urbanizimit"):
        assert name in text
    assert "Bashki të ngjashme" in text and "Pogradec" in text and "Si llogaritet ngjashmëria" in text


def test_profile_in_english(con):
    text = text_of(PdfReader(io.BytesIO(pdf.build_profile_pdf(con, "AL315", "en"))))
    assert "Municipality Dimal" in text and "Key facts" in text


def test_unknown_code_is_refused(con):
    with pytest.raises(ValueError, match="Unknown LAU code"):
        pdf.build_profile_pdf(con, "AL999", "en")


def test_a_value_names_its_publication_and_the_copy_it_was_read_in(korce_sq):
    text = " ".join(text_of(korce_sq).split())
    assert "Popullsia (census) (2023), burimi i vlerës: de.wikipedia 'Korça', https://de.wikipedia.org/wiki/Kor%C3%A7a" in text
    assert "ku u lexua vlera: https://websiteproxy.net/" in text.replace("- ", "-")


def test_the_albanian_profile_has_no_english_sentence(korce_sq, con):
    from tests.i18n.test_catalog import english_sentences

    text = " ".join(" ".join(page.extract_text() for page in korce_sq.pages).split())
    assert sorted(s for s in english_sentences(con) if " ".join(s.split()) in text) == []


@pytest.mark.parametrize("lang, words", [("en", "⚠ Medium confidence"), ("sq", "⚠ Besueshmëri mesatare")])
def test_a_value_with_a_caveat_is_marked_with_the_warning_sign_the_font_draws(con, lang, words):
    from reportlab.pdfbase import pdfmetrics

    text = text_of(PdfReader(io.BytesIO(pdf.build_profile_pdf(con, "AL131", lang))))  # Has: census 2023 of medium confidence
    assert words in text and text.count("⚠") == 2, "the value and its caveat are both marked, as in pictures and the HTML map"
    assert " *" not in text
    assert 0x26A0 in pdfmetrics.getFont(pdf.REGULAR).face.charToGlyph, "the PDF's font has the ⚠ glyph (not an empty box)"

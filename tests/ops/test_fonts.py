"""Streamlit's fonts cut to what the dashboard shows: every icon it names, every character it can print."""

from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from streamlit import file_util

from lnb_dash import config
from lnb_dash.ops import fonts

MEDIA = Path(file_util.get_static_dir()) / "static" / "media"
ICON_SOURCE = next(MEDIA.glob("MaterialSymbols-Rounded.*.woff2"))
CATALOGS = sorted((Path(fonts.PACKAGE) / "i18n" / "locale").glob("*/LC_MESSAGES/lnb.po"))


def ligatures(font: TTFont) -> set[str]:
    char_of = {glyph: chr(code) for code, glyph in font.getBestCmap().items()}
    names = set()
    for lookup in font["GSUB"].table.LookupList.Lookup:
        for table in lookup.SubTable:
            table = getattr(table, "ExtSubTable", table)
            for first, ligs in getattr(table, "ligatures", {}).items():
                names.update("".join(char_of[g] for g in (first, *lig.Component)) for lig in ligs)
    return names


@pytest.fixture(scope="module")
def icon_subset(tmp_path_factory):
    names = fonts.app_icons() | fonts.streamlit_icons(MEDIA.parents[1])
    path = tmp_path_factory.mktemp("icons") / "icons.woff2"
    path.write_bytes(fonts.subset_icon_font(ICON_SOURCE, names))
    return names, path


def test_the_icons_the_app_names_and_streamlits_chrome_are_found():
    assert {"arrow_forward", "download", "map", "warning", "picture_as_pdf", "folder_zip"} <= fonts.app_icons()
    chrome = fonts.streamlit_icons(MEDIA.parents[1])
    assert {"keyboard_double_arrow_left", "keyboard_double_arrow_right", "expand_more", "keyboard_arrow_right", "more_vert", "close",
            "check_circle", "error", "info", "content_copy"} <= chrome


def test_the_icon_subset_draws_exactly_the_named_icons_and_is_a_fortieth_of_the_font(icon_subset):
    names, path = icon_subset
    kept = ligatures(TTFont(path))
    assert kept == names & ligatures(TTFont(ICON_SOURCE)) and len(kept) >= len(names) - 2, "every named icon the font has"
    assert "home" not in kept and "delete" not in kept
    assert path.stat().st_size < ICON_SOURCE.stat().st_size / 20


def test_an_icon_the_subset_lacks_is_blank_letters_never_its_name_in_another_font(icon_subset):
    font = TTFont(icon_subset[1])
    cmap = font.getBestCmap()
    assert all(ord(c) in cmap for c in "abcdefghijklmnopqrstuvwxyz0123456789_"), "no letter falls back to a text font"
    glyf = font["glyf"]
    assert all(glyf[cmap[ord(c)]].numberOfContours == 0 for c in "homedelt"), "letters draw nothing"


@pytest.mark.parametrize("stem", ["SourceSansVF-Upright", "SourceCodeVF-Upright"])
def test_the_text_subsets_keep_every_character_of_both_catalogs_and_the_shipped_names(stem, tmp_path):
    source = next(MEDIA.glob(f"{stem}.*.woff2"))
    subset = tmp_path / "subset.woff2"
    subset.write_bytes(fonts.subset_text_font(source, fonts.shown_characters()))
    full, cut = TTFont(source).getBestCmap(), TTFont(subset).getBestCmap()
    texts = [p.read_text(encoding="utf-8") for p in [*CATALOGS, *sorted((config.ROOT / "data" / "reference").glob("*.csv"))]]
    needed = {ord(c) for text in texts for c in text if c.isprintable()} | {ord(c) for c in "ëËçÇ–—…†•€"}
    assert len(CATALOGS) == 2 and {ord("ë"), ord("Ç")} <= needed
    assert sorted(chr(c) for c in needed if c in full and c not in cut) == []
    assert subset.stat().st_size < source.stat().st_size * 0.75
    assert "fvar" in TTFont(subset), "still a variable font: every weight from one file"

"""Streamlit's fonts cut to what the dashboard can show (fontTools), made once when the served front copy is written.

Every first visit downloads Streamlit's Material Symbols icon font (366 KB: ~4,000 icons, each a ligature of its
name) and Source Sans (166 KB: Latin, Greek, Cyrillic, Vietnamese…). The dashboard shows the icons Streamlit's own
chrome names in its bundle and those the app's code names (``:material/…:``), and text in Albanian and English.

The icon font keeps its letters (an icon is drawn from the letters of its name) but only the ligatures of those icons:
fontTools' subsetter keeps every ligature its letters can form, so the ligature lookup is filtered first. The letters
themselves are made blank, so an icon the subset lacks is blank space, never its name; the front page's script then
brings in the full font (lnb_dash.ops.front_page), so nothing stays missing. The text fonts keep the Latin ranges, general punctuation, the
arrows and signs the app prints, and every character of both catalogs, the shipped data and the app's code.

Subset files are named by what went into them (lnb_dash.ops.front_page), so browsers may keep them for a year and
still see a new one at once.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from pathlib import Path

from lnb_dash import config

PACKAGE = Path(__file__).resolve().parents[1]
# Part of every subset's name: raise it when the way subsets are made changes, so no browser keeps an old one.
RECIPE = 2
ICON_FONT = "MaterialSymbols-Rounded"
TEXT_FONTS = ("SourceSansVF-Upright", "SourceSansVF-Italic", "SourceCodeVF-Upright", "SourceCodeVF-Italic")
ICON_NAME = re.compile(r":material/([a-z0-9_]+):")
# Icons Streamlit draws on a canvas by name (the dataframe's cells and menu), not written as :material/…: in its bundle.
CANVAS_ICONS = frozenset({"more_vert", "link", "audio_file", "video_file"})
# Basic Latin, Latin-1, Latin Extended-A, general punctuation (– — ‘ ’ “ ” „ † • … ‰), currency signs, arrows and
# mathematical operators (− ≤ ≥); every other character the catalogs, data or code contain is added to these.
TEXT_RANGES = ((0x20, 0x7E), (0xA0, 0x17F), (0x2000, 0x206F), (0x20A0, 0x20CF), (0x2190, 0x21FF), (0x2200, 0x22FF), (0xFFFD, 0xFFFD))
TEXT_SUFFIXES = (".po", ".csv", ".yml", ".yaml", ".md", ".txt", ".json", ".py", ".sql")


def app_icons(roots: Iterable[Path] = (PACKAGE, config.ROOT / "pages", config.ROOT / "app.py")) -> set[str]:
    """Every ``:material/…:`` icon the app's code names."""
    return {name for path in _files(roots, (".py",)) for name in ICON_NAME.findall(path.read_text(encoding="utf-8"))}


def streamlit_icons(streamlit_static: Path) -> set[str]:
    """Every icon Streamlit's front end names in its bundle, and those it draws on a canvas."""
    names = set(CANVAS_ICONS)
    for path in (streamlit_static / "static" / "js").glob("*.js"):
        names.update(ICON_NAME.findall(path.read_text(encoding="utf-8", errors="replace")))
    return names


def shown_characters(roots: Iterable[Path] = (PACKAGE, config.ROOT / "pages", config.ROOT / "app.py", config.ROOT / "data")) -> set[str]:
    """Every character the dashboard can print: the ranges above, and whatever the catalogs, data and code contain."""
    chars = {chr(c) for start, end in TEXT_RANGES for c in range(start, end + 1)}
    for path in _files(roots, TEXT_SUFFIXES):
        chars.update(path.read_text(encoding="utf-8", errors="ignore"))
    return {c for c in chars if c.isprintable() or c == " "}


def _files(roots: Iterable[Path], suffixes: tuple[str, ...]) -> list[Path]:
    found = []
    for root in roots:
        if root.is_file():
            found.append(root)
        elif root.is_dir():
            found.extend(p for p in sorted(root.rglob("*")) if p.suffix in suffixes and p.is_file() and "__pycache__" not in p.parts)
    return found


def subset_icon_font(source: Path, names: set[str]) -> bytes:
    """The icon font with only the ligatures of ``names`` (and every letter, so an unknown name stays blank)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(source)
    char_of = {glyph: chr(code) for code, glyph in font.getBestCmap().items()}
    for lookup in font["GSUB"].table.LookupList.Lookup:
        for table in lookup.SubTable:
            table = getattr(table, "ExtSubTable", table)
            if not hasattr(table, "ligatures"):
                continue
            kept = {}
            for first, ligatures in table.ligatures.items():
                wanted = [lig for lig in ligatures if "".join(char_of.get(g, "\0") for g in (first, *lig.Component)) in names]
                if wanted:
                    kept[first] = wanted
            table.ligatures = kept
    letters = [code for code in font.getBestCmap() if code < 0xE000]  # the letters, digits, "_" and spaces, no private-use icons
    subsetter = subset.Subsetter(subset.Options(layout_features=["rlig", "liga"], flavor="woff2", notdef_outline=True))
    subsetter.populate(unicodes=letters)
    subsetter.subset(font)
    from fontTools.ttLib.tables._g_l_y_f import Glyph

    for code, glyph in font.getBestCmap().items():  # a name without its ligature shows as blank space, never as letters
        if chr(code).isalnum() or chr(code) == "_":
            font["glyf"][glyph] = Glyph()
    return _save(font)


def subset_text_font(source: Path, chars: set[str]) -> bytes:
    """A text font (variable axes kept) with only the characters in ``chars``."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options(layout_features=["*"], flavor="woff2", notdef_outline=True, name_IDs=["*"])
    return _subset(TTFont(source), sorted(ord(c) for c in chars), options)


def _subset(font, unicodes: list[int], options) -> bytes:
    from fontTools import subset

    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    return _save(font)


def _save(font) -> bytes:
    font.flavor = "woff2"
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


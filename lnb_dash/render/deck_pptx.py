"""A story as a PowerPoint deck (python-pptx): one 16:9 slide per step with its title, what the figure shows, the
figure as a picture (drawn by vl-convert, as the pictures the pages offer), the source line and date; the caveats
and every number of the figure go to the speaker notes, where the presenter has them and the audience does not.
"""

from __future__ import annotations

import datetime as dt
import io

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Emu, Inches, Pt

from lnb_dash import i18n
from lnb_dash.render import images
from lnb_dash.render.deck import Slide

WIDTH, HEIGHT = Emu(12_192_000), Emu(6_858_000)  # 16:9, PowerPoint's own widescreen size (13.33 × 7.5 in)
MARGIN = Inches(0.4)
BLANK_LAYOUT = 6
INK, MUTED, ACCENT = RGBColor(0x1A, 0x1A, 0x1A), RGBColor(0x40, 0x40, 0x40), RGBColor(0x08, 0x51, 0x9C)
TITLE_SIZES, HEADING_SIZES = (28, 26, 24, 22, 20, 18), (16, 15, 14, 13, 12)
PICTURE_SCALE = 2.0  # sharp on a 1920×1080 projector


def _text(slide, left, top, width, height, lines: list[tuple[str, int, RGBColor, bool]]) -> None:
    """A text box of paragraphs (text, size in points, colour, bold) that wraps and shrinks with its box."""
    frame = slide.shapes.add_textbox(left, top, width, height).text_frame
    frame.word_wrap = True
    for i, (text, size, color, bold) in enumerate(lines):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        run = paragraph.add_run()
        run.text = text
        run.font.size, run.font.bold = Pt(size), bold
        run.font.color.rgb = color


def fitting_size(texts: list[str], width, height, sizes=(11, 10, 9, 8, 7)) -> int:
    """The largest of ``sizes`` (points) at which the texts, wrapped, fit the box: a long source line (a county's six
    sources) shrinks instead of running off the slide. Estimated from an average letter width of half the size."""
    width_pt, height_pt = width / 12700, height / 12700
    for size in sizes:
        per_line = max(int(width_pt / (size * 0.5)), 1)
        lines = sum(max(-(-len(text) // per_line), 1) for text in texts)
        if lines * size * 1.2 <= height_pt:
            return size
    return sizes[-1]


def _picture(slide, png: bytes, left, top, max_width, max_height) -> None:
    """The picture as large as the space allows, its proportions kept, in the middle of the space's width."""
    width, height = images.png_size(png)
    scale = min(max_width / width, max_height / height)
    left += (max_width - int(width * scale)) // 2
    slide.shapes.add_picture(io.BytesIO(png), Emu(int(left)), top, Emu(int(width * scale)), Emu(int(height * scale)))


def add_slide(deck, slide: Slide, number: int, total: int, lang: str) -> None:
    page = deck.slides.add_slide(deck.slide_layouts[BLANK_LAYOUT])
    inner = WIDTH - 2 * MARGIN - Inches(0.2)  # less the text box's own margins
    title = fitting_size([slide.title], inner, Inches(0.5), sizes=TITLE_SIZES)  # one line: a long title gets smaller type
    heading = fitting_size([slide.heading], inner, Inches(0.3), sizes=HEADING_SIZES)
    _text(page, MARGIN, Inches(0.25), WIDTH - 2 * MARGIN, Inches(0.9), [(slide.title, title, INK, True), (slide.heading, heading, ACCENT, False)])
    top, bottom = Inches(1.35), Inches(1.15)
    side = Inches(4.2) if slide.facts else 0
    picture = images.to_png(slide.picture(lang), scale=PICTURE_SCALE)
    _picture(page, picture, MARGIN, top, WIDTH - 2 * MARGIN - side, HEIGHT - top - bottom)
    if slide.facts:
        _text(page, WIDTH - MARGIN - side, top, side, HEIGHT - top - bottom,
              [line for label, text in slide.facts for line in ((label, 12, MUTED, False), (text, 16, INK, True))])
    said = [i18n.t("deck_caveats_in_notes", lang, n=len(slide.caveats))] if slide.caveats else []  # the picture shows the first ones
    texts = [*said, slide.source,
             f"{i18n.t('dashboard_name', lang)} · {dt.date.today().isoformat()} · {number}/{total}"]
    size = fitting_size(texts, inner, bottom - Inches(0.2))
    _text(page, MARGIN, HEIGHT - bottom, WIDTH - 2 * MARGIN, bottom - Inches(0.1), [(text, size, MUTED, False) for text in texts])
    notes = page.notes_slide.notes_text_frame
    notes.text = "\n".join([slide.heading, slide.subtitle, "",
                            f"{i18n.t('caveats_heading', lang)}:", *(f"- {c}" for c in slide.caveats), "",
                            f"{i18n.t('deck_notes_numbers', lang)}:", *slide.notes, "", slide.source])


def build_pptx(slides: list[Slide], title: str, lang: str) -> bytes:
    """The deck as .pptx bytes: one slide per step, in order."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = WIDTH, HEIGHT
    deck.core_properties.title = title
    deck.core_properties.language = lang
    for number, slide in enumerate(slides, start=1):
        add_slide(deck, slide, number, len(slides), lang)
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()

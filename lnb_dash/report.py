"""The printable municipality profile (A4 PDF, Albanian or English), drawn with ReportLab.

Same content as the profile page: locator map, key facts, what LNB did there, every indicator with
its comparison sentence, and the sources; clean page breaks (the indicator table repeats its header).
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import duckdb
import reportlab
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Image, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from xml.sax.saxutils import escape

from lnb_dash import boundaries, i18n, images, indicators, programme, views
from lnb_dash.exports import DASHBOARD_NAME

# ReportLab ships Bitstream Vera, which covers ë, ç and the other Albanian letters.
_FONT_DIR = Path(reportlab.__file__).with_name("fonts")
pdfmetrics.registerFont(TTFont("Vera", str(_FONT_DIR / "Vera.ttf")))
pdfmetrics.registerFont(TTFont("VeraBd", str(_FONT_DIR / "VeraBd.ttf")))

BODY = ParagraphStyle("body", fontName="Vera", fontSize=9, leading=12)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=7.5, leading=9.5, textColor=colors.HexColor("#333333"))
H1 = ParagraphStyle("h1", parent=BODY, fontName="VeraBd", fontSize=20, leading=24, spaceAfter=4)
H2 = ParagraphStyle("h2", parent=BODY, fontName="VeraBd", fontSize=12.5, leading=16, spaceBefore=10, spaceAfter=4)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=7.8, leading=9.6)
CELL_BOLD = ParagraphStyle("cellb", parent=CELL, fontName="VeraBd")


def _p(text, style=BODY) -> Paragraph:
    return Paragraph(escape(str(text)), style)


def build_profile_pdf(con: duckdb.DuckDBPyConnection, lau_code: str, lang: str) -> bytes:
    """The profile of one municipality as PDF bytes."""
    lang = i18n.normalize_lang(lang)
    municipalities = indicators.list_municipalities(con).set_index("lau_code")
    if lau_code not in municipalities.index:
        raise ValueError(f"Unknown LAU code {lau_code!r}; codes run from AL111 to AL357")
    municipality = municipalities.loc[lau_code]
    profile = indicators.query_profile(con, lau_code)
    sources = indicators.list_sources(con)
    table = views.profile_table(profile, lang, {}, sources)
    gdf = boundaries.read_municipalities()

    story = [_p(f"{i18n.t('municipality', lang)} {municipality['name']}", H1),
             _p(f"{i18n.t('page_profile', lang)} · {DASHBOARD_NAME} · {dt.date.today().isoformat()}", SMALL), Spacer(1, 6)]
    locator = Image(io.BytesIO(images.to_png(images.build_locator_picture(gdf, lau_code), scale=2)), width=45 * mm, height=65 * mm)
    facts = Table([[_p(label, CELL_BOLD), _p(text, CELL)] for label, text in views.key_facts(profile, municipality, lang)],
                  colWidths=[38 * mm, 80 * mm])
    facts.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#cccccc"))]))
    top = Table([[locator, [_p(i18n.t("key_facts", lang), H2), facts]]], colWidths=[52 * mm, 125 * mm])
    top.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story += [top, _p(i18n.t("locator_alt", lang, name=municipality["name"]), SMALL)]

    story.append(_p(i18n.t("lnb_activities", lang), H2))
    facts_df = programme.query_programme_facts(con, lau_code)
    if facts_df.empty:
        story.append(_p(i18n.t("no_lnb_activities", lang)))
    for fact in facts_df.itertuples():
        story.append(_p(f"• {fact.fact.replace('_', ' ').capitalize()} ({fact.period}): {fact.value} — {fact.url}", CELL))

    story.append(_p(i18n.t("all_indicators", lang), H2))
    columns = [i18n.t(k, lang) for k in ("indicator", "value", "year", "rank", "county_value", "national", "in_words")]
    rows = [[_p(c, CELL_BOLD) for c in columns]]
    for r in table.itertuples(index=False):
        record = dict(zip(table.columns, r))
        rows.append([_p(record[c], CELL) for c in columns])
    indicator_table = Table(rows, colWidths=[40 * mm, 23 * mm, 12 * mm, 20 * mm, 22 * mm, 23 * mm, 40 * mm], repeatRows=1)
    indicator_table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef7")),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#cccccc")),
    ]))
    story.append(indicator_table)

    used = [s for s in dict.fromkeys(profile.source_id) if isinstance(s, str)]
    source_rows = sources.set_index("source_id").loc[used]
    block = [_p(i18n.t("sources", lang), H2)]
    for s in source_rows.itertuples():
        block.append(_p(f"• {s.publisher}: {s.title} ({s.reference_date}). {i18n.t('license', lang)}: {s.license}. {s.homepage or ''}", SMALL))
    for r in profile[profile.citation_url.notna()].itertuples():
        block.append(_p(f"• {r.name_sq if lang == 'sq' else r.name_en} ({int(r.year)}), {i18n.t('citation', lang).lower()}: "
                        f"{r.citation_title}, {r.citation_url} ({r.citation_retrieved})", SMALL))
    block += [Spacer(1, 4), _p(i18n.t("boundary_attribution", lang), SMALL)]
    story.append(KeepTogether(block))

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont("Vera", 7)
        canvas.drawString(15 * mm, 10 * mm, f"{municipality['name']} · {DASHBOARD_NAME}")
        canvas.drawRightString(A4[0] - 15 * mm, 10 * mm, str(doc.page))
        canvas.restoreState()

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=15 * mm, bottomMargin=18 * mm,
                            title=f"{municipality['name']}: {i18n.t('page_profile', lang)}", author=DASHBOARD_NAME, lang=lang)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()


def write_profiles(con: duckdb.DuckDBPyConnection, codes: list[str], lang: str, out: Path) -> list[Path]:
    """One PDF per code; ``out`` is a file for one code, a folder for several."""
    if len(codes) == 1 and out.suffix.lower() == ".pdf":
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(build_profile_pdf(con, codes[0], lang))
        return [out]
    out.mkdir(parents=True, exist_ok=True)
    names = indicators.list_municipalities(con).set_index("lau_code").name_ascii
    written = []
    for code in codes:
        path = out / f"{code}_{names[code].lower().replace(' ', '_')}_{lang}.pdf"
        path.write_bytes(build_profile_pdf(con, code, lang))
        written.append(path)
    return written



"""The printable municipality profile (A4 PDF, Albanian or English), drawn with ReportLab.

Same content as the profile page: locator map, key facts, what LNB did there, the spine chart (every
indicator with its range, rank in words and comparison), the similar municipalities with the method, and
the sources; clean page breaks (the indicator table repeats its header).
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from xml.sax.saxutils import escape

import reportlab
from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Image, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from lnb_dash import config, i18n, names
from lnb_dash.model import caveats, profiles, programme, similar
from lnb_dash.query import boundaries, indicators
from lnb_dash.query import profiles as profile_queries
from lnb_dash.query import programme as programme_queries
from lnb_dash.query.db import Connection
from lnb_dash.render import images, profile_html

# DejaVu Sans (Debian's fonts-dejavu-core: the Dockerfile and CI install it) draws ë, ç and the ⚠ that marks a caveat,
# as pictures and the HTML map do; it is Bitstream Vera extended, so the layout is Vera's. Without it, ReportLab's own
# Vera, which has no ⚠: caveats are then marked "*".
_DEJAVU_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/TTF"), Path("/usr/share/fonts/dejavu-sans-fonts"))
_DEJAVU = next((d for d in _DEJAVU_DIRS if (d / "DejaVuSans.ttf").exists() and (d / "DejaVuSans-Bold.ttf").exists()), None)
if _DEJAVU is not None:
    REGULAR, BOLD, MARK = "DejaVuSans", "DejaVuSans-Bold", caveats.MARK
    pdfmetrics.registerFont(TTFont(REGULAR, str(_DEJAVU / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(_DEJAVU / "DejaVuSans-Bold.ttf")))
else:
    REGULAR, BOLD, MARK = "Vera", "VeraBd", "*"
    _FONT_DIR = Path(reportlab.__file__).with_name("fonts")
    pdfmetrics.registerFont(TTFont(REGULAR, str(_FONT_DIR / "Vera.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(_FONT_DIR / "VeraBd.ttf")))

BODY = ParagraphStyle("body", fontName=REGULAR, fontSize=9, leading=12)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=7.5, leading=9.5, textColor=colors.HexColor("#333333"))
H1 = ParagraphStyle("h1", parent=BODY, fontName=BOLD, fontSize=20, leading=24, spaceAfter=4)
H2 = ParagraphStyle("h2", parent=BODY, fontName=BOLD, fontSize=12.5, leading=16, spaceBefore=10, spaceAfter=4)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=7.8, leading=9.6)
CELL_BOLD = ParagraphStyle("cellb", parent=CELL, fontName=BOLD)


def _p(text, style=BODY) -> Paragraph:
    return Paragraph(escape(str(text)), style)


def build_profile_pdf(con: Connection, lau_code: str, lang: str) -> bytes:
    """The profile of one municipality as PDF bytes."""
    lang = i18n.normalize_lang(lang)
    municipalities = indicators.list_municipalities(con).set_index("lau_code")
    if lau_code not in municipalities.index:
        raise ValueError(f"Unknown LAU code {lau_code!r}; codes run from AL111 to AL357")
    municipality = municipalities.loc[lau_code]
    profile = indicators.query_profile(con, lau_code)
    sources = i18n.localize_sources(indicators.list_sources(con), lang)
    rows = caveats.add_to_spine_rows(profiles.spine_rows(profile, profile_queries.query_distributions(con, profile),
                                                         profile_queries.query_series(con, lau_code), lang), profile, sources, lang)
    gdf = boundaries.read_municipalities()

    story = [_p(f"{i18n.t('municipality', lang)} {municipality['name']}", H1),
             _p(f"{i18n.t('page_profile', lang)} · {i18n.t('dashboard_name', lang)} · {dt.date.today().isoformat()}", SMALL), Spacer(1, 6)]
    locator = Image(io.BytesIO(images.to_png(images.build_locator_picture(gdf, lau_code), scale=2)), width=45 * mm, height=65 * mm)
    facts = Table([[_p(label, CELL_BOLD), _p(text, CELL)] for label, text in profiles.key_facts(profile, municipality, lang)],
                  colWidths=[38 * mm, 80 * mm])
    facts.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#cccccc"))]))
    top = Table([[locator, [_p(i18n.t("key_facts", lang), H2), facts]]], colWidths=[52 * mm, 125 * mm])
    top.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story += [top, _p(i18n.t("locator_alt", lang, name=municipality["name"], name_gen=names.genitive(lau_code)), SMALL)]

    story.append(_p(i18n.t("lnb_activities", lang), H2))
    facts_df = programme_queries.query_programme_facts(con, lau_code)
    if facts_df.empty:
        story.append(_p(i18n.t("no_lnb_activities", lang)))
    for fact in facts_df.itertuples():
        name, period, value = programme.fact_text(fact, lang)
        story.append(_p(f"• {name} ({period}): {value} — {fact.url}", CELL))

    intro = i18n.t("spine_intro", lang) + " " + i18n.t("upl_rank_rule", lang, min=config.MIN_RANKED)
    story += [_p(i18n.t("spine_heading", lang), H2), _p(intro, SMALL), Spacer(1, 3), _quintile_legend(lang),
              Spacer(1, 4), _spine_table(rows, lang, municipality["name"])]
    story += _similar_block(con, lau_code, municipality["name"], lang)

    used = [s for s in dict.fromkeys(profile.source_id) if isinstance(s, str)]
    source_rows = sources.set_index("source_id").loc[used]
    block = [_p(i18n.t("sources", lang), H2)]
    for s in source_rows.itertuples():
        block.append(_p(f"• {s.publisher}: {s.title} ({s.reference_date}). {i18n.t('license', lang)}: {s.license}. {s.homepage or ''}", SMALL))
    for r in profile[profile.citation_url.notna()].itertuples():
        read_at = getattr(r, "read_at_url", None)
        read_at = f"; {i18n.t('qual_read_at', lang).lower()}: {read_at}" if isinstance(read_at, str) and read_at else ""
        block.append(_p(f"• {r.name_sq if lang == 'sq' else r.name_en} ({int(r.year)}), {i18n.t('qual_publication', lang).lower()}: "
                        f"{r.citation_title}, {r.citation_url} ({r.citation_retrieved}){read_at}", SMALL))
    block += [Spacer(1, 4), _p(i18n.t("boundary_attribution", lang), SMALL)]
    story.append(KeepTogether(block))

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont(REGULAR, 7)
        canvas.drawString(15 * mm, 10 * mm, f"{municipality['name']} · {i18n.t('dashboard_name', lang)}")
        canvas.drawRightString(A4[0] - 15 * mm, 10 * mm, str(doc.page))
        canvas.restoreState()

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=15 * mm, bottomMargin=18 * mm,
                            title=f"{municipality['name']}: {i18n.t('page_profile', lang)}", author=i18n.t("dashboard_name", lang), lang=lang)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()


SPINE_WIDTH, SPINE_HEIGHT = 30 * mm, 5.5 * mm
GREY_LINE, MIDDLE_FILL = colors.HexColor("#8c8c8c"), colors.HexColor("#d4d4d4")


def _spine_drawing(row: profiles.SpineRow) -> Drawing:
    """The row's spine as vector graphics, with the same marks as charts.spine_svg on the page."""
    d = Drawing(SPINE_WIDTH, SPINE_HEIGHT)
    pad, mid = 2 * mm, SPINE_HEIGHT / 2

    def x(pos: float) -> float:
        return pad + pos * (SPINE_WIDTH - 2 * pad)

    d.add(Line(x(0), mid, x(1), mid, strokeColor=GREY_LINE, strokeWidth=0.8))
    d.add(Rect(x(row.q1_pos), mid - 1.6 * mm, max(x(row.q3_pos) - x(row.q1_pos), 0.8), 3.2 * mm, fillColor=MIDDLE_FILL,
               strokeColor=GREY_LINE, strokeWidth=0.4))
    if row.national_pos is not None:
        d.add(Line(x(row.national_pos), 0.4 * mm, x(row.national_pos), SPINE_HEIGHT - 0.4 * mm, strokeColor=colors.black, strokeWidth=1.2))
    if row.county_pos is not None:
        cx, r = x(row.county_pos), 1.8 * mm
        d.add(Polygon([cx, mid + r, cx + r, mid, cx, mid - r, cx - r, mid], fillColor=colors.HexColor("#969696"),
                      strokeColor=colors.HexColor("#252525"), strokeWidth=0.4))
    if row.value_pos is not None:
        d.add(Circle(x(row.value_pos), mid, 1.9 * mm, fillColor=colors.HexColor(row.color or "#ffffff"), strokeColor=colors.black,
                     strokeWidth=0.8))
    return d


def _sparkline_drawing(series: list[tuple[int, float]]) -> Drawing:
    width, height = 10 * mm, 5 * mm
    d = Drawing(width, height)
    values = [v for _, v in series]
    low, high = min(values), max(values)
    points = []
    for i, v in enumerate(values):
        points += [1 + i * (width - 2) / (len(values) - 1), 1 + (0 if high == low else (v - low) / (high - low)) * (height - 2)]
    d.add(PolyLine(points, strokeColor=colors.HexColor("#1a4fb5"), strokeWidth=1))
    return d


def _quintile_legend(lang: str) -> Table:
    """The five quintile colours, lowest fifth to highest fifth, and the marks for Albania and the county."""
    swatches = Drawing(5 * 5 * mm, 4 * mm)
    for i, color in enumerate(profiles.QUINTILE_COLORS):
        swatches.add(Circle(2.5 * mm + i * 5 * mm, 2 * mm, 1.7 * mm, fillColor=colors.HexColor(color), strokeColor=colors.black,
                            strokeWidth=0.6))
    albania, county, middle = Drawing(3 * mm, 4 * mm), Drawing(4 * mm, 4 * mm), Drawing(7 * mm, 4 * mm)
    albania.add(Line(1.5 * mm, 0, 1.5 * mm, 4 * mm, strokeColor=colors.black, strokeWidth=1.2))
    county.add(Polygon([2 * mm, 3.8 * mm, 3.8 * mm, 2 * mm, 2 * mm, 0.2 * mm, 0.2 * mm, 2 * mm], fillColor=colors.HexColor("#969696"),
                       strokeColor=colors.HexColor("#252525"), strokeWidth=0.4))
    middle.add(Rect(0.3 * mm, 0.4 * mm, 6.4 * mm, 3.2 * mm, fillColor=MIDDLE_FILL, strokeColor=GREY_LINE, strokeWidth=0.4))
    cells = [_p(f"{i18n.t('quintile_legend', lang)} {i18n.t('quintile_1', lang)}", SMALL), swatches, _p(i18n.t("quintile_5", lang), SMALL),
             albania, _p(i18n.t("legend_albania", lang), SMALL), county, _p(i18n.t("legend_county", lang), SMALL), middle,
             _p(i18n.t("legend_middle", lang), SMALL)]
    legend = Table([cells], colWidths=[42 * mm, 27 * mm, 22 * mm, 4 * mm, 17 * mm, 5 * mm, 13 * mm, 8 * mm, 42 * mm])
    legend.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 1),
                                ("RIGHTPADDING", (0, 0), (-1, -1), 1)]))
    return legend


def _spine_table(rows: list[profiles.SpineRow], lang: str, name: str) -> Table:
    """Every indicator in one table grouped by theme: figures in words beside the spine drawing."""
    keys = ("indicator", "value", "rank", "comparison", "county_value", "national", "spine_range", "trend")
    data = [[_p(i18n.t(k, lang), CELL_BOLD) for k in keys]]
    style = [("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef7")),
             ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#cccccc")), ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
             ("RIGHTPADDING", (0, 0), (-1, -1), 2.5)]
    theme = None
    for r in rows:
        if r.theme != theme:
            theme = r.theme
            data.append([_p(i18n.theme_label(theme, lang).upper(), CELL_BOLD)] + [""] * (len(keys) - 1))
            last = len(data) - 1
            style += [("SPAN", (0, last), (-1, last)), ("BACKGROUND", (0, last), (-1, last), colors.HexColor("#f3f3f3"))]
        quintile = f" ({i18n.t('quintile_n', lang, q=r.quintile)})" if r.quintile else ""
        data.append([
            [_p(r.name, CELL_BOLD), _p(str(r.year), SMALL)] + ([_p(f"{MARK} {r.value_caveat}", SMALL)] if r.value_caveat else []),
            [_p(r.value_text + (f" {MARK}" if r.value_caveat else "") + quintile, CELL)] + ([_p(r.provenance_text, SMALL)] if r.provenance_text else []),
            _p(r.rank_text, CELL), _p(r.comparison_text or "–", CELL),
            _p(r.county_text, CELL), _p(r.national_text, CELL),
            _spine_drawing(r) if r.has_spine else _p("–", CELL),
            _sparkline_drawing(r.series) if r.series else _p("–", CELL),
        ])
    table = Table(data, colWidths=[34 * mm, 24 * mm, 20 * mm, 27 * mm, 15 * mm, 17 * mm, 31 * mm, 12 * mm], repeatRows=1)
    table.setStyle(TableStyle(style))
    return table


def _similar_block(con: Connection, lau_code: str, name: str, lang: str) -> list:
    """The five most similar municipalities, their distance and variables, and the method in full."""
    features = similar.query_features(con)
    nearest = similar.most_similar(features, lau_code)
    labels = {iid: indicators.get_indicator(con, iid).categories for iid in ("degurba", "coastal")}
    counties = indicators.list_municipalities(con).drop_duplicates("county_code").set_index("county_code").qark.to_dict()
    keys = ("municipality", "distance", "county", "population", "density", "urbanisation", "coastal")
    header = [_p(i18n.t(k, lang), CELL_BOLD) for k in keys]
    data = [header]
    for s in nearest.itertuples():
        data.append([_p(s.name, CELL), _p(i18n.format_number(s.distance, 2, lang), CELL),
                     _p(counties.get(s.county_code, s.county_code), CELL),
                     _p(f"{i18n.format_number(s.population, 0, lang)} ({similar.POPULATION_YEAR})", CELL),
                     _p(f"{i18n.format_number(s.density, 0, lang)} {i18n.t('density_unit', lang)}", CELL),
                     _p(profile_html.category_label(labels, "degurba", s.degurba, lang), CELL),
                     _p(profile_html.category_label(labels, "coastal", s.coastal, lang), CELL)])
    table = Table(data, colWidths=[30 * mm, 16 * mm, 24 * mm, 28 * mm, 30 * mm, 30 * mm, 22 * mm], repeatRows=1)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef7")),
                               ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#cccccc"))]))
    return [KeepTogether([_p(i18n.t("similar_heading", lang), H2), _p(i18n.t("similar_intro", lang, name=name)), Spacer(1, 3), table,
                          Spacer(1, 3), _p(f"{i18n.t('similar_method_heading', lang)}: {similar.method_text(lang)}", SMALL)])]


def write_profiles(con: Connection, codes: list[str], lang: str, out: Path) -> list[Path]:
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



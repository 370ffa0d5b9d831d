"""A story's steps as slides to take away: for each step its title, what the figure shows, the figure, the source,
the caveats and the figures' numbers, built from the database without Streamlit.

The presentation page draws the same steps live (lnb_dash.ui.slides); here each step becomes plain data that
render.deck_pptx writes as PowerPoint and render.deck_html as one offline HTML file, in one language.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import altair as alt
import pandas as pd

from lnb_dash import i18n, levels
from lnb_dash.model import caveats, compare, county_profile, profiles, stories, trends
from lnb_dash.model import map as map_model
from lnb_dash.model import programme as programme_model
from lnb_dash.model.address import CountyProfileView
from lnb_dash.query import boundaries, indicators, programme
from lnb_dash.query import profiles as profile_queries
from lnb_dash.query.db import Connection
from lnb_dash.query.values import query_values
from lnb_dash.render import charts, images, maps

CHART_WIDTH = 640  # the figure's width in the pictures (vl-convert draws it at twice that for the slides)
COMPARE_WIDTH = 300  # two compare charts side by side
FIGURES_PER_ROW = 2
PICTURE_CAVEATS = 3  # more would push the figure off a slide: the speaker notes have them all
COUNTY_ROWS = 6  # a county's first figures (population, area …), as many as a slide holds
KEY_FACTS = ("population", "area_km2", "degurba", "coastal", "lnb_priority")  # what profiles.key_facts reads


@dataclass
class Slide:
    """One step as a slide. ``heading`` says what the numbers are (indicator, breakdown, level, year, unit); ``chart``
    is the figure as Vega-Lite (not yet framed or configured); ``map`` the same figure as an interactive map for the
    HTML deck; ``facts`` label/value pairs shown beside the figure; ``notes`` every number, for the speaker notes."""

    title: str
    heading: str
    subtitle: str
    chart: alt.TopLevelMixin
    source: str
    caveats: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    map: maps.MapFigure | None = None
    facts: list[tuple[str, str]] = field(default_factory=list)

    def picture(self, lang: str) -> alt.TopLevelMixin:
        """The figure framed as on the map page's picture download: title, subtitle, the first short caveats, source, date."""
        return images.frame_chart(self.chart, self.heading, self.subtitle, self.source, lang, width=CHART_WIDTH,
                                  caveats=self.caveats_shown(lang))

    def caveats_shown(self, lang: str) -> list[str]:
        """The first caveats, short, then how many there are in all and where to read them (a county has 21)."""
        short = caveats.short_caveats(self.caveats)
        if len(short) <= PICTURE_CAVEATS:
            return short
        return [*short[:PICTURE_CAVEATS - 1], i18n.t("deck_caveats_in_notes", lang, n=len(short))]


def file_name(story_id: str, lang: str, suffix: str) -> str:
    """``steering_committee_sq.pptx``: the story and the language."""
    return f"{story_id}_{lang}.{suffix}"


def _unit(meta, lang: str) -> str:
    return "" if meta.is_category else f" ({meta.unit[lang]})"


def _value_lines(values: pd.DataFrame, meta, lang: str) -> list[str]:
    """'Tiranë: 906 166' per area with a value, highest first (a doubtful one with ⚠ and why); then the areas without
    one, with the reason."""
    shown = values[values.status == "value"].sort_values("value", ascending=False)
    flags = shown["flag"] if "flag" in shown else pd.Series(None, index=shown.index)
    lines = [f"{r.name}: {i18n.format_value(r.value, meta, lang)}" + (f" {caveats.MARK} {flag}" if isinstance(flag, str) and flag else "")
             for r, flag in zip(shown.itertuples(), flags)]
    missing = values[values.status != "value"]
    lines += [f"{r.name}: {i18n.status_label(r.status, lang)}" for r in missing.itertuples()]
    return lines


def _caveats(con: Connection, sources: pd.DataFrame, indicator_id: str, source_ids, lang: str, year: int | None = None) -> list[str]:
    return caveats.indicator_caveats(con, sources, indicator_id, tuple(dict.fromkeys(s for s in source_ids if isinstance(s, str))),
                                     lang, year)


def map_slide(con: Connection, step: stories.Step, lang: str, sources: pd.DataFrame) -> Slide:
    """A map step: the same classes, colours and legend as on screen (its year, breakdown and level settled as the page does)."""
    view, _ = map_model.settle(step.view(), indicators.query_map_levels(con))
    meta = indicators.get_indicator(con, view.indicator)
    values = query_values(con, view.indicator, view.year, view.breakdown, view.level, lang)
    national = query_values(con, view.indicator, view.year, view.breakdown, levels.NATIONAL.id, lang)
    model = map_model.build_map_model(meta, view, values, national, boundaries.read_level(view.level), lang, sources,
                                      frozenset(programme.list_priority_codes(con)))
    source_ids = values.source_id.dropna().tolist() or [meta.source_id]
    lines_layer = levels.get(view.level).lines
    lines = boundaries.read_level(levels.BY_LAYER[lines_layer].id) if lines_layer else None
    lines_label = i18n.t("legend_municipality_line", lang) if lines_layer == "municipalities" else None
    name = map_model.indicator_name(meta, view.breakdown, lang)
    heading = f"{name} – {levels.level_label(view.level, lang)}, {view.year}{_unit(meta, lang)}"
    picture = images.build_static_map(model.gdf, model.classes, meta, lang, values.status, width=360, counties=lines,
                                      highlight=model.highlight, title=model.name, lines_label=lines_label)
    notes = ([model.national_text] if model.national_text else []) + _value_lines(values, meta, lang)
    return Slide(step.title[lang], heading, model.subtitle, picture,
                 f"{map_model.source_text(source_ids, sources, lang)} {i18n.t('boundary_attribution', lang)}",
                 _caveats(con, sources, view.indicator, source_ids, lang, view.year), notes, maps.map_figure(model, lang))


def _series_notes(series: pd.DataFrame, meta, lang: str) -> list[str]:
    rows = series[series.status == "value"].sort_values(["name", "year"])
    return [f"{name}: " + ", ".join(f"{int(r.year)} {i18n.format_value(r.value, meta, lang)}" for r in group.itertuples())
            for name, group in rows.groupby("name", sort=False)]


def trends_slide(con: Connection, step: stories.Step, lang: str, sources: pd.DataFrame) -> Slide:
    """Municipal or county trends, as the trends page draws them (the level settled the same way)."""
    view = step.view()
    meta = indicators.get_indicator(con, view.indicator)
    offered = trends.series_indicators(indicators.list_indicators(con), indicators.query_coverage_by_level(con))
    level = trends.settle_level(view.level, view.indicator, list(offered.county), list(offered.municipal))
    if level == "county":
        series = trends.label_series(indicators.query_timeseries(con, view.indicator, list(trends.chart_areas(view.national)), "total"), lang)
        trend = trends.prepare(series, meta, lang, view.indexed, sources)
        chart = charts.build_county_trend_chart(trend.data, meta, lang, trends.highlighted_areas(view.areas), trend.y_title,
                                                trend.points_only, view.indexed)
        subtitle, breakdown = " ".join(trend.notes[:1]), "total"
    else:
        areas = trends.trend_areas(view, indicators.list_municipalities(con))
        series = trends.label_series(indicators.query_timeseries(con, view.indicator, list(areas), view.breakdown), lang)
        chart = charts.build_timeseries_chart(series, meta, lang, view.indexed)
        subtitle, breakdown = i18n.t("indexed", lang) if view.indexed else "", view.breakdown
    years = series[series.status == "value"].year
    span = f"{int(years.min())}–{int(years.max())}" if len(years) else ""
    heading = f"{map_model.indicator_name(meta, breakdown, lang)} – {levels.level_label(level, lang)}, {span}{_unit(meta, lang)}"
    source_ids = series.source_id.dropna().tolist() or [meta.source_id]
    return Slide(step.title[lang], heading, subtitle, chart.properties(width=CHART_WIDTH, height=300),
                 map_model.source_text(source_ids, sources, lang), _caveats(con, sources, view.indicator, source_ids, lang),
                 _series_notes(series, meta, lang))


def compare_slide(con: Connection, step: stories.Step, lang: str, sources: pd.DataFrame) -> Slide:
    """The first two charts of the comparison side by side (the compare page's order), each titled with its indicator,
    year and unit."""
    codes = tuple(step.view().m)
    area_names = indicators.list_municipalities(con).set_index("lau_code").name.to_dict()
    made = []
    for indicator in dict.fromkeys(indicators.query_profile(con, codes[0]).indicator_id):
        meta = indicators.get_indicator(con, indicator)
        chart = compare.compare_chart_model(indicators.query_timeseries(con, indicator, [*codes, "AL"], "total"), meta, codes, area_names, lang)
        if chart is not None:
            made.append((chart, meta))
        if len(made) == 2:
            break
    pictures = [charts.build_compare_chart(chart, meta, lang, with_title=False).properties(
        width=COMPARE_WIDTH, title=alt.TitleParams(images.wrap_lines(chart.title, COMPARE_WIDTH, 13), anchor="start", fontSize=13,
                                                   subtitle=[line for note in chart.notes for line in images.wrap_lines(note, COMPARE_WIDTH)]))
                for chart, meta in made]
    source_ids = [s for chart, _ in made for s in chart.source_ids]
    heading = f"{levels.plural_label('municipality', lang)}: {', '.join(area_names.get(c, c) for c in codes)}"
    notes = [f"{chart.title}: " + ", ".join(f"{r.name} {r.value_text}" for r in chart.data.itertuples()) + (f". {' '.join(chart.notes)}" if chart.notes else "")
             for chart, _ in made]
    slide_caveats = [c for chart, _ in made for c in _caveats(con, sources, chart.indicator_id, chart.source_ids, lang, chart.year)]
    return Slide(step.title[lang], heading, "; ".join(chart.title for chart, _ in made), alt.hconcat(*pictures, spacing=30),
                 map_model.source_text(source_ids, sources, lang), list(dict.fromkeys(slide_caveats)), notes)


def profile_slide(con: Connection, step: stories.Step, lang: str, sources: pd.DataFrame) -> Slide:
    """A municipality: where it is and its key facts; a county: where it is and its first figures with their ranks."""
    view = step.view()
    if isinstance(view, CountyProfileView):
        rows = county_profile.indicator_rows(profile_queries.query_county_indicators(con, view.county), view.county, lang)[:COUNTY_ROWS]
        facts = [(f"{r.name}, {r.year}", f"{r.value_text} · {r.rank_text}") for r in rows]
        gdf = boundaries.read_counties()
        picture = images.locator_shapes(gdf, view.county, width=300, key="county_code")
        title = county_profile.county_title(view.county, lang)
        return Slide(step.title[lang], f"{title}: {i18n.t('key_facts', lang)}", "", picture,
                     map_model.source_text([r.source_id for r in rows], sources, lang) + " " + i18n.t("boundary_attribution", lang),
                     caveats.source_caveats(sources, [r.source_id for r in rows], lang),
                     [f"{label}: {text} ({i18n.t('albania', lang)}: {r.national_text})" for (label, text), r in zip(facts, rows)],
                     facts=facts)
    municipality = indicators.list_municipalities(con).set_index("lau_code").loc[view.m]
    profile = indicators.query_profile(con, view.m)
    shown = profile[profile.indicator_id.isin(KEY_FACTS) & (profile.status == "value")]  # the sources of the facts on the slide
    facts = profiles.key_facts(profile, municipality, lang)
    gdf = boundaries.read_municipalities()
    locator = maps.locator_spec(gdf, view.m, lang, height=420)
    return Slide(step.title[lang], f"{i18n.t('municipality', lang)} {municipality['name']}: {i18n.t('key_facts', lang)}", locator.label,
                 images.locator_shapes(gdf, view.m, width=300),
                 map_model.source_text(shown.source_id.tolist(), sources, lang) + " " + i18n.t("boundary_attribution", lang),
                 caveats.source_caveats(sources, shown.source_id.tolist(), lang), [f"{label}: {text}" for label, text in facts],
                 maps.MapFigure(locator, ""), facts)


def programme_slide(con: Connection, step: stories.Step, lang: str, sources: pd.DataFrame) -> Slide:
    """The measures both programme documents report: earlier and later figure side by side."""
    results = programme.query_programme_results(con)
    before, after = programme_model.factsheet_years(results)
    notes = [f"{getattr(r, 'name_' + lang)}: {i18n.format_number(r.value_before, 0, lang)} ({before}) → "
             f"{i18n.format_number(r.value_after, 0, lang)} ({after}) {getattr(r, 'unit_' + lang)}" for r in results.itertuples()]
    chart = charts.build_programme_chart(programme.query_programme_results_long(con), lang, row_height=26)
    return Slide(step.title[lang], f"{i18n.t('pres_pairs_heading', lang)} ({before} → {after})", i18n.t("programme_intro", lang), chart,
                 map_model.source_text(["lnb_factsheets"], sources, lang), caveats.source_caveats(sources, ["lnb_factsheets"], lang), notes)


def figures_picture(items: list, per_row: int = FIGURES_PER_ROW) -> alt.Chart:
    """The headline results as a picture: each number large with what it counts under it, ``per_row`` to a row."""
    rows = []
    for i, item in enumerate(items):
        rows.append({"col": i % per_row, "row": i // per_row, "value": item.value,
                     "label": images.wrap_lines(f"{item.label} ({item.unit})" if item.unit else item.label, CHART_WIDTH // per_row - 20, 12)})
    data = pd.DataFrame(rows)
    base = alt.Chart(data).encode(x=alt.X("col:O", axis=None), y=alt.Y("row:O", axis=None))
    numbers = base.mark_text(align="left", baseline="bottom", fontSize=26, fontWeight="bold", color="#08519c", dx=-140, dy=-4).encode(text="value:N")
    labels = base.mark_text(align="left", baseline="top", fontSize=12, color="#1a1a1a", dx=-140, lineHeight=15).encode(text="label")
    return alt.layer(numbers, labels).properties(width=CHART_WIDTH, height=max(data.row.max() + 1, 1) * 86)


def overview_slide(con: Connection, step: stories.Step, lang: str, sources: pd.DataFrame) -> Slide:
    """The final programme page's headline results, as the overview shows them first."""
    items = programme_model.programme_figures(programme.query_programme_figures(con), lang, headline_only=True)
    return Slide(step.title[lang], i18n.t("headline_results", lang), "", figures_picture(items),
                 map_model.source_text(["lnb_factsheets"], sources, lang), caveats.source_caveats(sources, ["lnb_factsheets"], lang),
                 [f"{f.value} {f.unit}: {f.label} ({f.document}: “{f.stated}”)" for f in items])


BUILDERS = {"map": map_slide, "trends": trends_slide, "compare": compare_slide, "profile": profile_slide, "programme": programme_slide,
            "overview": overview_slide}


def build_slides(con: Connection, story: stories.Story, lang: str) -> list[Slide]:
    """Every step of ``story`` as a slide in ``lang``, in the story's order."""
    lang = i18n.normalize_lang(lang)
    sources = indicators.list_sources(con)
    return [BUILDERS[step.page](con, step, lang, sources) for step in story.steps]


def known(con: Connection) -> stories.Known:
    """The indicators and years a story may name, from the database (as the presentation page checks them)."""
    coverage = indicators.query_coverage_by_level(con)
    years = {i: frozenset(int(y) for y in g.year) for i, g in coverage.groupby("indicator_id")}
    years.update({i: frozenset() for i in indicators.list_indicators(con).indicator_id if i not in years})
    return stories.Known(years)


def load_story(con: Connection, directory, story_id: str) -> stories.Story:
    """One story by its id, checked; a broken or unknown one raises ValueError naming what is wrong or the stories there are."""
    available = stories.list_stories(directory, known(con))
    if story_id not in available:
        raise ValueError(f"no story {story_id!r}; the stories are: {', '.join(available) or 'none'}")
    story = available[story_id]
    if isinstance(story, stories.BrokenStory):
        raise ValueError(f"story {story_id!r} does not pass the schema:\n" + "\n".join(f"  - {p}" for p in story.problems))
    return story


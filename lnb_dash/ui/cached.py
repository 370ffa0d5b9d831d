"""The app's caches, and the one place that knows when what they hold is out of date.

The queries and models are defined here; a few page texts built from them are cached beside their renderer
(``citations``, ``figures``, ``folium_map``) through :func:`database_resource`, so they are dropped with the rest.

Two lifetimes, because the inputs change at two speeds:

- **per process**: what comes from files shipped with the app (boundaries, static assets; below ``ui`` the
  reference names and the label catalogs). They change only with a new release, which restarts the process.
- **per database version**: the connection, every query (``st.cache_data``, a copy per call) and every model built
  from them (``@database_resource``, shared and never copied: callers treat it as read-only). The small tables
  every page reads on every run (catalogue, map levels, municipalities, sources, caveats) are resources too:
  unpickling a copy of each per run was a tenth of a map visit's CPU. The version is the database file's identity (:func:`lnb_dash.query.db.file_version`):
  a build, import or undo, in this process or another (the command line, another replica), moves a new file in.

:func:`drop_if_rebuilt` compares the version at the start of every run (``app.py``; one stat) and drops the
per-database caches when it changed. So an import elsewhere shows on the next page load of every replica, and the
upload page's own import at once (it calls the same function). No thread watches the file: nothing is shown
without a run, and a run checks first. The models are resources, built once per view and language for every
session and never copied; everything here is a thin wrapper over a pure function.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import geopandas as gpd
import pandas as pd
import streamlit as st

from lnb_dash import config, levels
from lnb_dash.model import compare, trends
from lnb_dash.model import map as map_model
from lnb_dash.model.address import MapView
from lnb_dash.query import boundaries, db, indicators, programme
from lnb_dash.query import profiles as profile_queries
from lnb_dash.query.values import query_values, query_year_coverage
from lnb_dash.render import charts, maps

# The identity of the database file the caches were filled from (db.file_version); None before the first run.
_version: tuple | None = None
# The resources built from the database, dropped with the queries (database_resource).
_database_resources: list = []


def database_resource(max_entries: int) -> Callable:
    """``st.cache_resource`` for something built from the database: shared by every session, dropped on a rebuild."""

    def register(function: Callable) -> Callable:
        cached = st.cache_resource(max_entries=max_entries)(function)
        _database_resources.append(cached)
        return cached

    return register


def drop_if_rebuilt(db_path: Path | None = None) -> bool:
    """Drop every cache filled from the database when its file is not the one they were filled from.

    Returns whether they were dropped. The first call of a process (or after a test points the app at another
    database) drops them too, which costs nothing when they are empty.
    """
    global _version
    now = db.file_version(db_path or config.DB_PATH)
    if now == _version:
        return False
    _version = now
    st.cache_data.clear()
    for resource in _database_resources:
        resource.clear()
    from lnb_dash.model import classify

    classify.load_bins(classify.bins_file(db_path or config.DB_PATH))  # the build's map classes: no mapclassify for them
    return True


def version() -> tuple | None:
    """The database version the caches now hold: a run that started on another one may have read part of each."""
    return _version


@st.cache_resource
def install_static_assets_once() -> None:
    """Leaflet into ./static once per process (``python -m lnb_dash.ui.serve`` also does it before the server starts)."""
    from lnb_dash.ops import assets

    assets.install_static_assets()


@database_resource(max_entries=1)
def get_connection() -> db.Connection:
    return db.connect(config.DB_PATH)


@st.cache_resource
def municipalities_gdf_cached() -> gpd.GeoDataFrame:
    return boundaries.read_municipalities()


@st.cache_resource
def level_gdf_cached(level: str) -> gpd.GeoDataFrame:
    """The polygons of a map level, keyed by area_code (boundaries.read_level), read once per process."""
    return boundaries.read_level(level)


@database_resource(max_entries=256)
def map_levels_cached() -> pd.DataFrame:
    return indicators.query_map_levels(get_connection())


@database_resource(max_entries=256)
def list_indicators_cached() -> pd.DataFrame:
    return indicators.list_indicators(get_connection())


@database_resource(max_entries=256)
def indicator_meta_cached(indicator: str) -> indicators.IndicatorMeta:
    return indicators.get_indicator(get_connection(), indicator)


@st.cache_data
def values_cached(indicator: str, year: int, breakdown: str, level: str, lang: str = "sq") -> pd.DataFrame:
    return query_values(get_connection(), indicator, year, breakdown, level, lang)


@st.cache_data
def stored_values_cached(indicator: str) -> pd.DataFrame:
    """Every stored value of an indicator (the upload preview says which ones an import replaces)."""
    return indicators.query_observations(get_connection(), indicator, status="value")


@database_resource(max_entries=256)
def profile_cached(lau_code: str) -> pd.DataFrame:
    return indicators.query_profile(get_connection(), lau_code)


@st.cache_data
def timeseries_cached(indicator: str, areas: tuple[str, ...], breakdown: str) -> pd.DataFrame:
    return indicators.query_timeseries(get_connection(), indicator, list(areas), breakdown)


@database_resource(max_entries=256)
def municipalities_cached() -> pd.DataFrame:
    return indicators.list_municipalities(get_connection())


@database_resource(max_entries=1)
def municipality_labels_cached() -> dict[str, str]:
    """Each municipality's picker label by LAU code, in the catalogue's order ('Korçë (Korce)', places.municipality_label)."""
    from lnb_dash.ui.places import municipality_label

    label = municipality_label(municipalities_cached())
    return {code: label(code) for code in municipalities_cached().lau_code}


@database_resource(max_entries=1)
def municipality_rows_cached() -> dict[str, pd.Series]:
    """Each municipality's catalogue row by LAU code, as ``municipalities.set_index("lau_code").loc[code]`` gives it."""
    indexed = municipalities_cached().set_index("lau_code")
    return {code: indexed.loc[code] for code in indexed.index}


@database_resource(max_entries=1)
def county_names_of_municipalities_cached() -> dict[str, str]:
    """County code → the county's name as the municipality catalogue writes it (``qark``)."""
    return municipalities_cached().drop_duplicates("county_code").set_index("county_code").qark.to_dict()


@database_resource(max_entries=256)
def profile_download_cached(lau_code: str, lang: str) -> pd.DataFrame:
    """The profile's CSV and Excel table (compare.profile_download), once per municipality and language."""
    name = municipality_rows_cached()[lau_code]["name"]
    return compare.profile_download(profile_cached(lau_code), lau_code, name, lang, sources_cached())


@database_resource(max_entries=256)
def profile_texts_cached(lau_code: str, lang: str) -> tuple[str, str]:
    """The profile's key facts (markdown) and its indicator table with legend (HTML), once per municipality and language."""
    from lnb_dash import names
    from lnb_dash.model import profiles
    from lnb_dash.render import profile_html
    from lnb_dash.ui.citations import escape_markdown

    municipality = municipality_rows_cached()[lau_code]
    facts = "  \n".join(f"**{label}:** {escape_markdown(text)}" for label, text in profiles.key_facts(profile_cached(lau_code), municipality, lang))
    table = profile_html.legend_html(lang) + profile_html.spine_table_html(spine_rows_cached(lau_code, lang), lang, municipality["name"],
                                                                           names.genitive(lau_code))
    return facts, table


@database_resource(max_entries=256)
def former_units_cached() -> pd.DataFrame:
    return indicators.list_former_units(get_connection())


@database_resource(max_entries=256)
def sources_cached() -> pd.DataFrame:
    return indicators.list_sources(get_connection())


@st.cache_data
def observations_cached(indicator: str, year: int, status: str) -> pd.DataFrame:
    return indicators.query_observations(get_connection(), indicator, year, status)


@st.cache_data
def programme_results_cached() -> pd.DataFrame:
    return programme.query_programme_results(get_connection())


@st.cache_data
def programme_results_long_cached() -> pd.DataFrame:
    return programme.query_programme_results_long(get_connection())


@st.cache_data
def programme_figures_cached() -> pd.DataFrame:
    return programme.query_programme_figures(get_connection())


@st.cache_data
def programme_facts_cached(area_code: str | None = None) -> pd.DataFrame:
    return programme.query_programme_facts(get_connection(), area_code)


@st.cache_data
def priority_resolution_cached() -> pd.DataFrame:
    return programme.query_priority_resolution(get_connection())


@st.cache_data
def priority_codes_cached() -> frozenset[str]:
    return frozenset(programme.list_priority_codes(get_connection()))


@database_resource(max_entries=256)
def year_coverage_cached(indicator: str, breakdown: str) -> pd.DataFrame:
    return query_year_coverage(get_connection(), indicator, breakdown)


@st.cache_data
def stories_cached(signature: tuple) -> dict:
    """Every story file, checked against the data's indicators and years; ``signature`` (the files' names, sizes and
    times, :func:`lnb_dash.model.stories.signature`) makes an added or edited file count without a restart."""
    from lnb_dash.model import stories

    coverage = coverage_by_level_cached()
    years = {i: frozenset(int(y) for y in g.year) for i, g in coverage.groupby("indicator_id")}
    years.update({i: frozenset() for i in list_indicators_cached().indicator_id if i not in years})
    return stories.list_stories(stories.STORIES_DIR, stories.Known(years))


@database_resource(max_entries=8)
def deck_slides_cached(story, lang: str) -> list:
    """A story's slides in ``lang``, built once for both of its downloads (PowerPoint and offline HTML) and every session:
    its maps' and charts' pictures are most of a deck's CPU. ``story`` is hashed by its content, so an edited story file
    builds again."""
    from lnb_dash.render import deck

    return deck.build_slides(get_connection(), story, lang)


@database_resource(max_entries=1)
def mappable_catalogue_cached() -> pd.DataFrame:
    """The catalogue's rows a map can draw (the map page's picker), once per database instead of filtered per run."""
    catalogue = list_indicators_cached()
    return catalogue[catalogue.indicator_id.isin(map_model.mappable_indicators(map_levels_cached()))]


@database_resource(max_entries=1)
def mappable_ids_cached() -> tuple[str, ...]:
    """The ids of :func:`mappable_catalogue_cached` (the map picker's options)."""
    return tuple(mappable_catalogue_cached().indicator_id.tolist())


@database_resource(max_entries=128)
def map_source_ids_cached(view: MapView, lang: str) -> tuple[str, ...]:
    """The sources of a map view's values (a pandas lookup on every run otherwise)."""
    return tuple(map_model_cached(view, lang)[0].source_id.dropna().tolist())


@database_resource(max_entries=1024)
def map_levels_of_cached(indicator: str, breakdown: str, year: int | None = None) -> tuple[str, ...]:
    """map_model.levels_of once per indicator, breakdown and year for every session."""
    return tuple(map_model.levels_of(map_levels_cached(), indicator, breakdown, year))


@database_resource(max_entries=512)
def source_text_cached(source_ids: tuple, lang: str) -> str:
    """map_model.source_text (the plain source line of pictures and printouts) once per sources and language."""
    return map_model.source_text(source_ids, sources_cached(), lang)


@database_resource(max_entries=128)
def map_model_cached(view: MapView, lang: str) -> tuple[pd.DataFrame, map_model.MapModel]:
    """One map view's values and model, built once per view and language and shared by every session.

    A resource, not data: the model is read, never changed, so no copy is made on each rerun.
    """
    meta = indicator_meta_cached(view.indicator)
    values = values_cached(view.indicator, view.year, view.breakdown, view.level, lang)
    national = values_cached(view.indicator, view.year, view.breakdown, levels.NATIONAL.id, lang)
    return values, map_model.build_map_model(meta, view, values, national, level_gdf_cached(view.level), lang, sources_cached(),
                                             priority_codes_cached())


@database_resource(max_entries=128)
def map_figure_cached(view: MapView, lang: str) -> maps.MapFigure:
    """The map view's map and legend (render.maps.map_figure), built once per view and language for every session."""
    return maps.map_figure(map_model_cached(view, lang)[1], lang)


@st.cache_resource(max_entries=256)
def locator_spec_cached(lau_code: str, lang: str, height: int) -> maps.MapSpec:
    """The profile's locator map (render.maps.locator_spec), one object per municipality for every session, so its
    rendering is kept with it (ui.folium_map)."""
    return maps.locator_spec(municipalities_gdf_cached(), lau_code, lang, height=height)


@database_resource(max_entries=8)
def priority_spec_cached(lang: str, height: int) -> maps.MapSpec:
    """The LNB priority municipalities' map (render.maps.highlight_spec), one object for every session."""
    from lnb_dash import i18n

    return maps.highlight_spec(municipalities_gdf_cached(), set(priority_codes_cached()), lang, label=i18n.t("priority_map", lang),
                               height=height)


@database_resource(max_entries=128)
def ranked_bar_spec_cached(view: MapView, lang: str) -> str:
    """The map page's ranked bar chart as Vega-Lite JSON, built and validated once per view and language
    (building it with Altair is most of a rerun's time otherwise)."""
    values, model = map_model_cached(view, lang)
    chart = charts.build_ranked_bar_chart(values, model.classes, indicator_meta_cached(view.indicator), lang, model.national_value,
                                          area_title=levels.area_label(view.level, lang), n_areas=levels.get(view.level).n_areas)
    return charts.localize(chart, lang).to_json()


@database_resource(max_entries=4)
def headlines_cached(lang: str) -> tuple:
    """The overview's LNB results before and after (programme.headlines), once per language for every session."""
    from lnb_dash.model import programme as programme_model

    return tuple(programme_model.headlines(programme_results_cached(), lang))


@database_resource(max_entries=256)
def trend_parts_cached(indicator: str, areas: tuple[str, ...], breakdown: str, lang: str) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, str]:
    """The trends page's labelled series, its table, its download and its plain source line, once per view and language
    (building them with pandas was two thirds of a trends run)."""
    meta = indicator_meta_cached(indicator)
    series = trends.label_series(timeseries_cached(indicator, areas, breakdown), lang)
    return (series, trends.trend_table(series, meta, lang), trends.trend_download(series, meta, lang, sources_cached(), breakdown),
            map_model.source_text(series.source_id, sources_cached(), lang))


@database_resource(max_entries=256)
def trend_chart_spec_cached(indicator: str, areas: tuple[str, ...], breakdown: str, indexed: bool, lang: str) -> str:
    """The trends chart as Vega-Lite JSON, built once per view and language for every session
    (Altair's build and validation was most of a trends visit's server time, issue 12)."""
    meta = indicator_meta_cached(indicator)
    series = trends.label_series(timeseries_cached(indicator, areas, breakdown), lang)
    return charts.localize(charts.build_timeseries_chart(series, meta, lang, indexed), lang).to_json()


@st.cache_data
def spine_rows_cached(lau_code: str, lang: str) -> list:
    """The profile's spine rows (profiles.spine_rows) for one municipality and language."""
    from lnb_dash.model import caveats, profiles
    from lnb_dash.query import profiles as queries

    con = get_connection()
    profile = profile_cached(lau_code)
    rows = profiles.spine_rows(profile, queries.query_distributions(con, profile), queries.query_series(con, lau_code), lang)
    return caveats.add_to_spine_rows(rows, profile, sources_cached(), lang)


@st.cache_data
def similar_cached(lau_code: str) -> pd.DataFrame:
    """The five municipalities most like this one (similar.most_similar)."""
    from lnb_dash.model import similar

    return similar.most_similar(similar.query_features(get_connection()), lau_code)


@database_resource(max_entries=64)
def compare_charts_cached(codes: tuple[str, ...], lang: str) -> list[tuple[compare.CompareChart, str]]:
    """Compare's chart per indicator (compare.compare_chart_model) with its Vega-Lite JSON, in the table's order,
    built once per choice and language for every session (a dozen Altair builds would otherwise be each rerun's time)."""
    names = municipalities_cached().set_index("lau_code").name.to_dict()
    out = []
    for indicator in dict.fromkeys(profile_cached(codes[0]).indicator_id):
        meta = indicator_meta_cached(indicator)
        chart = compare.compare_chart_model(timeseries_cached(indicator, (*codes, "AL"), "total"), meta, codes, names, lang)
        if chart is not None:
            out.append((chart, charts.localize(charts.build_compare_chart(chart, meta, lang), lang).to_json()))
    return out


@st.cache_data
def coverage_by_level_cached() -> pd.DataFrame:
    return indicators.query_coverage_by_level(get_connection())


@st.cache_data
def series_indicators_cached() -> trends.SeriesIndicators:
    """The trends page's indicators (trends.series_indicators)."""
    return trends.series_indicators(list_indicators_cached(), coverage_by_level_cached())


NATIONAL_TREND_HEIGHT = 260  # Albania's own chart under the county trends: tall enough to read its years and values


@database_resource(max_entries=128)
def county_trend_cached(indicator: str, highlighted: tuple[str, ...], national: bool, indexed: bool, lang: str):
    """The county trends chart as Vega-Lite JSON with its labelled series and captions, once per view and language."""
    from lnb_dash.model import trends

    meta = indicator_meta_cached(indicator)
    series = trends.label_series(timeseries_cached(indicator, trends.chart_areas(national), "total"), lang)
    trend = trends.prepare(series, meta, lang, indexed, sources_cached())
    chart = charts.build_county_trend_chart(trend.data, meta, lang, highlighted, trend.y_title, trend.points_only, indexed)
    national = None
    if not trend.national.empty:
        national = charts.localize(charts.build_county_trend_chart(trend.national, meta, lang, (), trend.y_title, trend.points_only,
                                                                   height=NATIONAL_TREND_HEIGHT), lang).to_json()
    return series, trend, charts.localize(chart, lang).to_json(), national


@st.cache_data
def county_indicators_cached(county_code: str) -> pd.DataFrame:
    """The county profile's indicators (query.profiles.query_county_indicators)."""
    return profile_queries.query_county_indicators(get_connection(), county_code)


@st.cache_data
def county_municipalities_cached(county_code: str) -> pd.DataFrame:
    """The county profile's municipalities with their census change (county_profile.municipalities_with_change)."""
    from lnb_dash.model import county_profile

    municipalities = profile_queries.list_county_municipalities(get_connection(), county_code)
    census = profile_queries.query_census(get_connection(), municipalities.lau_code.tolist())
    return county_profile.municipalities_with_change(municipalities, census)


@st.cache_data
def census_changes_cached(area_codes: tuple[str, ...]) -> pd.DataFrame:
    """The change between censuses of some areas (change.census_changes), for the profiles."""
    from lnb_dash.model import change

    return change.census_changes(profile_queries.query_census(get_connection(), list(area_codes)))


@st.cache_data
def counties_names_cached() -> dict[str, str]:
    """county code → official name."""
    counties = indicators.list_counties(get_connection())
    return dict(zip(counties.county_code, counties.name))


@st.cache_data
def data_as_of_cached() -> tuple[tuple[int, str] | None, tuple[int, str] | None, str | None]:
    """The newest municipal value's and the newest value's of any level (year, source), and when the database file
    was built (UTC, minutes)."""
    from lnb_dash.query import freshness

    built = freshness.built_at(config.DB_PATH)
    return (freshness.data_as_of(get_connection(), "municipality"), freshness.data_as_of(get_connection()),
            built.strftime("%Y-%m-%d %H:%M UTC") if built else None)


@database_resource(max_entries=256)
def caveats_cached(indicator_id: str, source_ids: tuple[str, ...], lang: str, year: int | None) -> list[str]:
    """lnb_dash.model.caveats.indicator_caveats for one view."""
    from lnb_dash.model import caveats

    return caveats.indicator_caveats(get_connection(), sources_cached(), indicator_id, source_ids, lang, year)

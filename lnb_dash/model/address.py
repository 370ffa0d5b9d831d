"""Each page's view as a frozen dataclass, to and from URL query parameters (pure, no Streamlit).

Parsing is lenient: a bad parameter falls back to the default instead of breaking the page. Places
(``m=``) go through the one alias table, so ``m=korca`` or ``m=Bashkia%20Kamëz`` open the right
municipality; a place it does not know is dropped here and reported by :func:`unknown_places`, so a
page says so (with the closest names) instead of quietly showing another municipality.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

from lnb_dash import i18n, levels, names

PLACE_FIELDS = ("m",)
# Fields naming counties (``areas=AL-01,tirana``, ``county=Qarku i Tiranës``): resolved at county level.
COUNTY_FIELDS = ("areas", "county")


def _place_code(text: str, level: str = "municipality") -> str | None:
    try:
        return names.load_resolver().resolve(text.strip(), level).code
    except names.UnknownName:
        return None


def _places(raw: str, level: str = "municipality") -> tuple[str, ...]:
    codes = (_place_code(v, level) for v in raw.split(",") if v.strip())
    return tuple(dict.fromkeys(c for c in codes if c))


def unknown_counties(params: Mapping[str, str], field: str) -> list[names.UnknownName]:
    """The names in a link's county parameter (``county=`` or ``areas=``) that name no county, with the closest counties."""
    raw = params.get(field)
    problems = []
    for text in (raw[-1] if isinstance(raw, list) else raw or "").split(","):
        if text.strip():
            try:
                names.load_resolver().resolve(text.strip(), "county")
            except names.UnknownName as exc:
                problems.append(exc)
    return problems


def unknown_places(params: Mapping[str, str]) -> list[names.UnknownName]:
    """The names in a link's place parameters that the alias table does not know, each with its closest names."""
    problems = []
    for field in PLACE_FIELDS:
        raw = params.get(field)
        for text in (raw[-1] if isinstance(raw, list) else raw or "").split(","):
            if text.strip():
                try:
                    names.load_resolver().resolve(text.strip())
                except names.UnknownName as exc:
                    problems.append(exc)
    return problems


def _parse(kind: str, raw: str, default, field: str = ""):
    try:
        if kind == "bool":
            return raw.lower() in ("1", "true", "yes", "on")
        if kind in ("int", "int | None"):
            return int(raw)
        if field in PLACE_FIELDS or field in COUNTY_FIELDS:
            places = _places(raw, "county" if field in COUNTY_FIELDS else "municipality")
            if kind == "tuple[str, ...]":
                return places or default
            return places[0] if places else default
        return raw.strip()
    except (ValueError, AttributeError):
        return default


class View:
    """Shared conversions for the page views below."""

    @classmethod
    def from_query_params(cls, params: Mapping[str, str]):
        values = {}
        for f in dataclasses.fields(cls):
            default = f.default
            raw = params.get(f.name)
            if isinstance(raw, list):
                raw = raw[-1] if raw else None
            values[f.name] = default if raw in (None, "") else _parse(str(f.type), str(raw), default, f.name)
        return cls(**values)

    def to_query_params(self) -> dict[str, str]:
        out = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if value is None or value == () or (value == f.default and f.name not in self.always):
                continue
            out[f.name] = ",".join(value) if isinstance(value, tuple) else ("1" if value is True else str(value))
        return out

    always: tuple[str, ...] = ()


@dataclass(frozen=True)
class MapView(View):
    indicator: str = "population"
    year: int | None = None
    breakdown: str = "total"
    scheme: str = "quantiles"
    k: int = 5
    priority: bool = False
    basemap: bool = False
    level: str = "municipality"  # the geography drawn (lnb_dash.levels); absent from a link means municipalities
    always = ("indicator", "year")


@dataclass(frozen=True)
class ProfileView(View):
    m: str = "AL224"
    always = ("m",)


@dataclass(frozen=True)
class TrendsView(View):
    indicator: str = "parl_turnout"
    m: tuple[str, ...] = ("AL224", "AL343")
    breakdown: str = "total"
    national: bool = True
    county: bool = False
    indexed: bool = False
    level: str = "municipality"
    areas: tuple[str, ...] = ()
    always = ("indicator", "m")


@dataclass(frozen=True)
class CountyProfileView(View):
    """``profile?county=AL-11``: the county profile (a field of its own, so ``profile?m=`` links are untouched)."""

    county: str = "AL-11"
    always = ("county",)


@dataclass(frozen=True)
class CompareView(View):
    m: tuple[str, ...] = ("AL343", "AL345")
    always = ("m",)


@dataclass(frozen=True)
class DataView(View):
    indicator: str = ""
    year: int | None = None
    status: str = ""


@dataclass(frozen=True)
class Substitution:
    """A link asked for a ``field`` value (year, breakdown, level) without data: the page shows ``shown`` instead and
    says so, with ``options`` (value, view) that have data, so a notice replaces a silent rewrite of the address."""

    field: str
    asked: str
    shown: str
    options: tuple[tuple[str, View], ...] = ()


def substitutions(asked: Mapping[str, str], settled: View, offered: Mapping[str, list[tuple[str, View]]]) -> list[Substitution]:
    """What a link ``asked`` for that a page replaced to show ``settled``: one :class:`Substitution` per field of
    ``offered`` (field -> (value, view) pairs the page can show) whose asked value differs from the one shown.

    The one rule every page's notice follows (map, trends, their embeds). Only what the link names counts: a link
    without a year is not told which year opens. An option is kept only when its view shows the value it is labelled
    with, so no link of a notice leads to another substitution.
    """
    found = []
    for field, options in offered.items():
        raw = asked_instead(asked, settled, field)
        if raw is None:
            continue
        kept = tuple((value, view) for value, view in options if str(getattr(view, field)) == value)
        found.append(Substitution(field, raw, str(getattr(settled, field)), kept))
    return found


def asked_instead(asked: Mapping[str, str], settled: View, field: str) -> str | None:
    """The value a link ``asked`` for in ``field`` when the page shows another one in ``settled``, else None: callers
    whose options are dear to list skip the fields this leaves out (a link that got what it asked for, the usual case)."""
    raw = asked.get(field)
    raw = raw[-1] if isinstance(raw, list) else raw
    if raw in (None, "") or str(raw).strip() == str(getattr(settled, field)):
        return None
    return str(raw).strip()


def value_label(field: str, value: str, lang: str) -> str:
    """A year as written, a breakdown ('Gra' / 'Women') or a level ('Qarqe' / 'Counties'); text no catalog knows as typed."""
    if field == "breakdown" and i18n.has(f"breakdown_{value}"):
        return i18n.breakdown_label(value, lang)
    if field == "level" and value in levels.ALL:
        return levels.plural_label(value, lang)
    return str(value)


def notice_text(substitution: Substitution, lang: str) -> str:
    """'Nuk ka të dhëna për 2019; po tregohet 2023.' / 'No data for 2019; showing 2023.' (breakdowns and levels quoted)."""
    template = {"year": i18n.N_("jn_no_data_showing"), "breakdown": i18n.N_("jn_no_data_breakdown"),
                "level": i18n.N_("jn_no_data_level")}[substitution.field]
    return i18n.t(template, lang, asked=value_label(substitution.field, substitution.asked, lang),
                  shown=value_label(substitution.field, substitution.shown, lang))


VIEW_PARAMS = ("indicator", "year", "breakdown", "level")  # what a link can ask of one number's view


def unread_params(params: Mapping[str, str], view_cls) -> tuple[tuple[str, str], ...]:
    """The ``indicator``, ``year``, ``breakdown`` and ``level`` of a link that ``view_cls`` has no field for
    (``profile?m=AL224&year=2019``): a page showing every indicator in its latest year says it does not show them,
    instead of dropping them from the address without a word."""
    fields = {f.name for f in dataclasses.fields(view_cls)}
    found = []
    for name in VIEW_PARAMS:
        raw = params.get(name)
        raw = raw[-1] if isinstance(raw, list) and raw else raw
        if name not in fields and isinstance(raw, str) and raw.strip():
            found.append((name, raw.strip()))
    return tuple(found)


def unread_text(unread: tuple[tuple[str, str], ...], lang: str, key: str = i18n.N_("jn2_not_on_this_page")) -> str:
    """'Kjo faqe nuk ka zgjedhje për „year=2019”; …' / 'This page has no choice of “year=2019”; it shows every indicator
    in its latest year.' (``key`` says what the page shows instead: trends show every year)."""
    return i18n.t(key, lang, asked=", ".join(f"{name}={value}" for name, value in unread))


def query_params(view: View | None, lang: str) -> dict[str, str]:
    """A page's URL parameters: the view's own (:meth:`View.to_query_params`) and the language."""
    return {**(view.to_query_params() if view is not None else {}), "lang": i18n.normalize_lang(lang)}


def page_url(page: str, view: View, lang: str) -> str:
    """The app's address of ``page`` showing ``view`` in ``lang`` (``/compare?m=AL343,AL221&lang=en``), for HTML links."""
    return f"/{page}?" + urlencode(query_params(view, lang), safe=",")
